-- Headless Neovim test of relwat-lsp with Neovim's own LSP client (works with Neovim 0.7+):
-- opens a file, waits for diagnostics, asks hover and definition, checks the answers.
--
--   RELWAT_LSP=/path/to/relwat-lsp nvim --headless -u NONE -i NONE -n -c "luafile lsp/tests/nvim/test.lua"
--
-- Exits 0 when every check passes, 1 otherwise (each check prints `ok` or `FAIL`).

local server = os.getenv('RELWAT_LSP') or 'relwat-lsp'
local failures = 0
local passes = 0
local function check(name, cond, detail)
  if cond then
    passes = passes + 1
    io.stdout:write('ok   ' .. name .. '\n')
  else
    failures = failures + 1
    io.stdout:write('FAIL ' .. name .. ': ' .. vim.inspect(detail) .. '\n')
  end
end
local function finish()
  io.stdout:write(string.format('nvim: %d passed, %d failed\n', passes, failures))
  io.stdout:flush()
  if failures == 0 then vim.cmd('qall!') else vim.cmd('cquit 1') end
end

local dir = vim.fn.tempname()
vim.fn.mkdir(dir, 'p')
local path = dir .. '/hello.wat'
local lines = {
  '(module',
  '  (import "env" "puts" (func $puts (param i32) (result i32)))',
  '  (data (i32.const 0) (@sym $msg (size 3)) "hi\\00")',
  '  (func $main (result i32)',
  '    (call $puts (i32.const 0 (@reloc data $msg))))',
  '  (func $bad (drop (call $missing))))',
}
vim.fn.writefile(lines, path)
vim.cmd('edit ' .. path)
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = 'wat'

local id = vim.lsp.start_client({ name = 'relwat-lsp', cmd = { server }, root_dir = dir })
check('client started', id ~= nil, server)
if id == nil then return finish() end
vim.lsp.buf_attach_client(buf, id)

-- Diagnostics.
local got = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local diags = vim.diagnostic.get(buf)
check('diagnostics arrive', got, diags)
local unknown = nil
for _, d in ipairs(diags) do
  if d.message:find('unknown function `$missing`', 1, true) then unknown = d end
end
check('unknown function reported at its id', unknown ~= nil and unknown.lnum == 5 and unknown.col == 25, diags)

local uri = vim.uri_from_bufnr(buf)
local function request(method, line, col)
  local params = { textDocument = { uri = uri }, position = { line = line, character = col } }
  local res = vim.lsp.buf_request_sync(buf, method, params, 10000) or {}
  for _, r in pairs(res) do
    if r.result then return r.result end
  end
  return nil
end

-- Hover on the annotated relocation, and on the call.
local h = request('textDocument/hover', 4, 32)
local text = h and h.contents and (h.contents.value or h.contents) or ''
check('hover on (@reloc data $msg)', type(text) == 'string' and text:find('R_WASM_MEMORY_ADDR_SLEB', 1, true) ~= nil
  and text:find('data symbol "msg"', 1, true) ~= nil, h)
h = request('textDocument/hover', 4, 12)
text = h and h.contents and (h.contents.value or h.contents) or ''
check('hover on call $puts', type(text) == 'string' and text:find('R_WASM_FUNCTION_INDEX_LEB', 1, true) ~= nil
  and text:find('call : [i32] → [i32]', 1, true) ~= nil, h)

-- Definition of `$puts` in the call: the import's id on line 2 (0-based 1), column 29.
local d = request('textDocument/definition', 4, 13)
if d and d[1] then d = d[1] end
check('definition of $puts', d ~= nil and d.range ~= nil and d.range.start.line == 1 and d.range.start.character == 29, d)

vim.lsp.stop_client(id)
finish()
