-- Headless Neovim test of the relwat plugin, loaded as a user loads it (tests/init.lua: the
-- runtimepath and setup()); run by editors/nvim/tests/run:
--
--   nvim --headless -u editors/nvim/tests/init.lua -i NONE -n -c 'luafile editors/nvim/tests/test.lua'
--
-- Checks filetype detection, diagnostics (pulled on 0.11, pushed before) and hover from relwat-lsp,
-- declaration, type definition, document highlights, signature help, folding and selection ranges,
-- incoming calls, code lenses and formatting as Neovim asks them, one client per workspace root,
-- :RelwatAssemble (errors into the quickfix list, then an object), :RelwatShowObject, and
-- :RelwatBuildParser with tree-sitter highlighting. Each check prints `ok` or `FAIL`; exits 1 on
-- any failure.

local api = vim.api
local failures, passes = 0, 0

local function check(name, cond, detail)
  if cond then
    passes = passes + 1
    io.stdout:write('ok   ' .. name .. '\n')
  else
    failures = failures + 1
    io.stdout:write('FAIL ' .. name .. ': ' .. vim.inspect(detail) .. '\n')
  end
  io.stdout:flush()
end

local function finish()
  io.stdout:write(string.format('nvim plugin: %d passed, %d failed\n', passes, failures))
  io.stdout:flush()
  if failures == 0 then vim.cmd('qall!') else vim.cmd('cquit 1') end
end

-- Messages the plugin gives, recorded and printed in the log (headless Neovim would print them on
-- stderr without a line break, and turn an error message into an exception inside pcall).
local messages = {}
vim.notify = function(msg, level)
  table.insert(messages, { msg = msg, level = level })
  io.stdout:write('     [message] ' .. msg:gsub('\n', '\n               ') .. '\n')
end
local function count_messages(pattern)
  local n = 0
  for _, m in ipairs(messages) do
    if m.msg:find(pattern, 1, true) then n = n + 1 end
  end
  return n
end

local function write(path, lines)
  vim.fn.mkdir(vim.fn.fnamemodify(path, ':h'), 'p')
  vim.fn.writefile(lines, path)
end

local function buf_text(buf)
  return table.concat(api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
end

-- The floating window a request opens (hover, signature help), waited for.
local function wait_float()
  local float
  vim.wait(10000, function()
    for _, w in ipairs(api.nvim_list_wins()) do
      if api.nvim_win_get_config(w).relative ~= '' then float = w return true end
    end
    return false
  end, 50)
  return float
end

-- Buffers with a relwat client attached (0.7 to 0.10 and 0.11+ spell this differently).
local function relwat_clients(buf)
  local list
  if vim.lsp.get_clients then
    list = vim.lsp.get_clients({ bufnr = buf })
  else
    list = vim.tbl_values(vim.lsp.buf_get_clients(buf))
  end
  return vim.tbl_filter(function(c) return c.name == 'relwat' end, list)
end

local function main()
  local tmp = vim.fn.tempname()
  local proj = tmp .. '/proj'
  vim.fn.mkdir(proj .. '/.git', 'p')
  local hello = proj .. '/src/hello.wat'
  write(hello, {
    '(module',
    '  (import "env" "puts" (func $puts (param i32) (result i32)))',
    '  (import "env" "__linear_memory" (memory 1))',
    '  (data (i32.const 0) (@sym $msg (size 3)) "hi\\00")',
    '  (func $main (result i32)',
    '    (call $puts (i32.const 0 (@reloc data $msg))))',
    '  (func $bad (drop (call $missing))))',
  })
  local other = proj .. '/src/other.wat'
  write(other, { '(module (func $f (result i32) (i32.const 1)))' })
  local solo = tmp .. '/solo/b.wat'
  write(solo, { '(module)' })
  local spec = tmp .. '/solo/s.wast'
  write(spec, { '(module)' })

  -- Filetype detection and the filetype plugin.
  vim.cmd('edit ' .. vim.fn.fnameescape(hello))
  local buf = api.nvim_get_current_buf()
  check('*.wat is filetype wat', vim.bo[buf].filetype == 'wat', vim.bo[buf].filetype)
  -- Newer Neovims ship their own ftplugin/wat.vim, which comes first on the runtimepath.
  local ftplugins = api.nvim_get_runtime_file('ftplugin/wat.vim', true)
  check('the wat filetype plugin ran', vim.b[buf].did_ftplugin == 1 and (#ftplugins > 1
    or vim.bo[buf].commentstring == ';; %s'), { ftplugins, vim.bo[buf].commentstring })

  -- Diagnostics from relwat-lsp.
  local got = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  local diags = vim.diagnostic.get(buf)
  check('diagnostics arrive', got, diags)
  local unknown
  for _, d in ipairs(diags) do
    if d.message:find('unknown function `$missing`', 1, true) then unknown = d end
  end
  check('unknown function reported at its id', unknown ~= nil and unknown.lnum == 6 and unknown.col == 25, diags)

  local clients = relwat_clients(buf)
  local client = clients[1]
  check('one relwat client attached', #clients == 1, clients)
  check('root_dir is the nearest .git', client ~= nil and client.config.root_dir == proj,
    client and client.config.root_dir)
  if vim.lsp.config ~= nil and vim.lsp.enable ~= nil then
    check('0.11+: the client comes from vim.lsp.config/enable', vim.lsp.config.relwat ~= nil
      and require('relwat.lsp').client_for_root(proj) == nil, vim.lsp.config.relwat)
  else
    check('before 0.11: the client is the one started for the root', client ~= nil
      and require('relwat.lsp').client_for_root(proj) == client.id, client and client.id)
  end
  check('on_attach passed through', #_G.relwat_attached >= 1 and _G.relwat_attached[1].buf == buf,
    _G.relwat_attached)
  check('capabilities passed through (merged with the defaults)', client ~= nil
    and client.config.capabilities.workspace.configuration == true
    and client.config.capabilities.textDocument ~= nil, client and client.config.capabilities.workspace)

  -- Hover as a user asks it (K / vim.lsp.buf.hover()): the float shows the relocation of the call.
  api.nvim_win_set_cursor(0, { 6, 12 }) -- `$puts` in `(call $puts ...`
  local main_win = api.nvim_get_current_win()
  vim.lsp.buf.hover()
  local float = wait_float()
  local hover = float and buf_text(api.nvim_win_get_buf(float)) or ''
  check('hover on a relocated call shows R_WASM_FUNCTION_INDEX_LEB',
    hover:find('R_WASM_FUNCTION_INDEX_LEB', 1, true) ~= nil, hover)
  if float then api.nvim_win_close(float, true) end
  api.nvim_set_current_win(main_win)

  -- The diagnostics are there once: pulled on 0.11 (which pulls when the server offers it),
  -- pushed before; never both (they would show twice).
  check('each diagnostic once', #diags == 1, diags)
  if vim.lsp.diagnostic.get_namespace and vim.fn.has('nvim-0.10') == 1 and client ~= nil then
    local pulled = vim.diagnostic.get(buf, { namespace = vim.lsp.diagnostic.get_namespace(client.id, true) })
    check('0.10+: the diagnostics are pulled (textDocument/diagnostic)', #pulled == 1, pulled)
  end

  -- The requests a user makes in a WebAssembly file, as Neovim makes them.
  local feat = proj .. '/src/features.wat'
  write(feat, {
    '(module',
    '  (type $unary (func (param i32) (result i32)))',
    '  (import "env" "puts" (func $puts (param i32) (result i32)))',
    '  (import "env" "__linear_memory" (memory 1))',
    '  (data (i32.const 0) (@sym $msg (size 3)) "hi\\00")',
    '  (func $twice (type $unary) (param $x i32) (result i32)',
    '    (i32.add (local.get $x) (local.get $x)))',
    '  (func $main (result i32)',
    '    (drop (call $twice (i32.const 1)))',
    '    (call $puts (i32.const 0 (@reloc data $msg)))))',
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(feat))
  local fbuf = api.nvim_get_current_buf()
  vim.wait(20000, function()
    local c = relwat_clients(fbuf)[1]
    return c ~= nil and #vim.diagnostic.get(fbuf) == 0 and vim.lsp.buf_is_attached(fbuf, c.id)
  end, 50)
  local uri = vim.uri_from_bufnr(fbuf)
  local function request(method, params)
    local res = vim.lsp.buf_request_sync(fbuf, method, params, 10000) or {}
    for id, r in pairs(res) do
      if client ~= nil and id == client.id then return r.result, r.error end
    end
    return nil, res
  end
  local function at(line, col) return { textDocument = { uri = uri }, position = { line = line, character = col } } end
  -- Ask once: the first request waits for the document's first check.
  request('textDocument/hover', at(8, 17))

  local function jump(fn, line, col)
    api.nvim_win_set_cursor(0, { line, col })
    fn()
    vim.wait(10000, function() return api.nvim_win_get_cursor(0)[1] ~= line end, 20)
    return api.nvim_win_get_cursor(0)
  end
  local pos = jump(vim.lsp.buf.declaration, 9, 17) -- `$twice` in `(call $twice`
  check('declaration jumps to the function', pos[1] == 6 and pos[2] == 8, pos)
  pos = jump(vim.lsp.buf.type_definition, 9, 17)
  check('type definition jumps to the function\'s type', pos[1] == 2 and pos[2] == 8, pos)

  local hl = request('textDocument/documentHighlight', at(9, 44)) or {} -- `$msg` in the relocation
  local writes = vim.tbl_filter(function(h) return h.kind == 3 end, hl)
  check('document highlight: the symbol\'s definition and its relocation', #hl == 2 and #writes == 1
    and writes[1].range.start.line == 4, hl)

  api.nvim_win_set_cursor(0, { 9, 24 }) -- inside `(call $twice (i32.const 1))`, at its operand
  vim.lsp.buf.signature_help()
  local sig_float = wait_float()
  local sig = sig_float and buf_text(api.nvim_win_get_buf(sig_float)) or ''
  check('signature help shows the callee\'s parameters', sig:find('$twice', 1, true) ~= nil
    and sig:find('(param', 1, true) ~= nil, sig)
  if sig_float then api.nvim_win_close(sig_float, true) end

  local folds = request('textDocument/foldingRange', { textDocument = { uri = uri } }) or {}
  local function has_fold(s, e)
    for _, f in ipairs(folds) do
      if f.startLine == s and f.endLine == e then return true end
    end
    return false
  end
  check('folding ranges: the module and each multi-line function', has_fold(0, 9) and has_fold(5, 6)
    and has_fold(7, 9), folds)
  if vim.lsp.foldexpr then
    vim.wo.foldmethod = 'expr'
    vim.wo.foldexpr = 'v:lua.vim.lsp.foldexpr()'
    vim.wait(5000, function() return vim.fn.foldlevel(7) == 2 end, 50)
    check('0.11+: vim.lsp.foldexpr() folds by them', vim.fn.foldlevel(1) == 1 and vim.fn.foldlevel(7) == 2,
      { vim.fn.foldlevel(1), vim.fn.foldlevel(7) })
    vim.wo.foldmethod = 'manual'
  end

  local sel = request('textDocument/selectionRange', { textDocument = { uri = uri },
    positions = { { line = 6, character = 24 } } }) -- `$x` in `(local.get $x)`
  local chain, s = {}, sel and sel[1]
  while s do
    table.insert(chain, s.range)
    s = s.parent
  end
  check('selection ranges grow from the id to the whole text', #chain >= 4 and chain[1].start.character == 24
    and chain[#chain].start.line == 0 and chain[#chain].start.character == 0, chain)

  api.nvim_win_set_cursor(0, { 6, 10 }) -- `$twice` at its definition
  vim.lsp.buf.incoming_calls()
  vim.wait(10000, function() return #vim.fn.getqflist() > 0 end, 50)
  local calls = vim.fn.getqflist()
  check('incoming calls: $main calls $twice', #calls == 1 and calls[1].lnum == 9
    and calls[1].text:find('main', 1, true) ~= nil, calls)
  vim.cmd('cclose')
  -- The quickfix stack as it was (the assemble checks below count its lists).
  vim.fn.setqflist({}, 'f')
  vim.cmd('buffer ' .. fbuf)

  if vim.fn.has('nvim-0.10') == 1 then
    vim.lsp.codelens.refresh({ bufnr = fbuf })
  else
    vim.lsp.codelens.refresh()
  end
  local lens_titles = {}
  vim.wait(10000, function()
    lens_titles = {}
    for _, l in ipairs(vim.lsp.codelens.get(fbuf)) do
      if l.command then table.insert(lens_titles, l.command.title) end
    end
    return #lens_titles >= 2
  end, 50)
  local lens_text = table.concat(lens_titles, ' | ')
  check('code lenses: the symbol and its references above a function', lens_text:find('symbol "twice"', 1, true) ~= nil
    and lens_text:find('reference', 1, true) ~= nil, lens_titles)

  -- Formatting: indentation by nesting, the text's own line breaks kept.
  api.nvim_buf_set_lines(fbuf, 5, 7, false, {
    '(func $twice (type $unary) (param $x i32) (result i32)',
    '        (i32.add (local.get $x) (local.get $x)))',
  })
  if vim.lsp.buf.format then
    vim.lsp.buf.format({ bufnr = fbuf, async = false, timeout_ms = 10000 })
  else
    vim.lsp.buf.formatting_sync(nil, 10000)
  end
  local formatted = api.nvim_buf_get_lines(fbuf, 5, 7, false)
  check('formatting re-indents the function', formatted[1] == '  (func $twice (type $unary) (param $x i32) (result i32)'
    and formatted[2] == '    (i32.add (local.get $x) (local.get $x)))', formatted)
  vim.cmd('silent write')

  -- A quick fix as a user applies it (vim.lsp.buf.code_action, the choice made in vim.ui.select):
  -- rwat's text without a memory gets a warning, and the fix writes clang's memory import.
  local rwat = proj .. '/src/shim.wat'
  write(rwat, {
    '(module (@rwat)',
    '  (func $js_sys.numeric.128 (@sym) (param $lo i64) (param $out i32)',
    '    (i64.store offset=0 local.get $out local.get $lo)))',
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(rwat))
  local rbuf = api.nvim_get_current_buf()
  local warned = vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(rbuf)) do
      if d.message:find('this object has no memory', 1, true) then return true end
    end
    return false
  end, 50)
  check('a warning where code uses memory in an object without one', warned, vim.diagnostic.get(rbuf))
  local import = '(import "env" "__linear_memory" (memory 0))'
  local offered = {}
  local select = vim.ui.select
  vim.ui.select = function(items, opts, on_choice)
    for i, item in ipairs(items) do
      -- 0.10+: { action = ..., ctx = ... }; before: { client_id, action }.
      local action = item.action or item[2]
      table.insert(offered, action.title)
      if action.title == 'Add `' .. import .. '`' then return on_choice(item, i) end
    end
    on_choice(nil)
  end
  api.nvim_win_set_cursor(0, { 3, 6 })
  vim.lsp.buf.code_action()
  vim.wait(10000, function() return api.nvim_buf_get_lines(rbuf, 1, 2, false)[1] ~= '  (func $js_sys.numeric.128 (@sym) (param $lo i64) (param $out i32)' end, 50)
  vim.ui.select = select
  local fixed = api.nvim_buf_get_lines(rbuf, 0, 2, false)
  check('the quick fix writes the import before the first field', fixed[2] == '  ' .. import, { fixed, offered })
  local cleared = vim.wait(20000, function() return #vim.diagnostic.get(rbuf) == 0 end, 50)
  check('after the fix the text has no diagnostic', cleared, vim.diagnostic.get(rbuf))
  vim.cmd('silent write')
  vim.cmd('buffer ' .. buf)

  -- One client per workspace root.
  vim.cmd('edit ' .. vim.fn.fnameescape(other))
  local other_buf = api.nvim_get_current_buf()
  vim.wait(5000, function() return #relwat_clients(other_buf) > 0 end, 50)
  local other_clients = relwat_clients(other_buf)
  check('a second file of the same root shares the client',
    #other_clients == 1 and client ~= nil and other_clients[1].id == client.id, other_clients)
  vim.cmd('edit ' .. vim.fn.fnameescape(solo))
  local solo_buf = api.nvim_get_current_buf()
  vim.wait(5000, function() return #relwat_clients(solo_buf) > 0 end, 50)
  local solo_clients = relwat_clients(solo_buf)
  check('a file outside any .git gets its own client rooted at its directory',
    #solo_clients == 1 and client ~= nil and solo_clients[1].id ~= client.id
      and solo_clients[1].config.root_dir == tmp .. '/solo', solo_clients)
  -- Neovim's own mapping of *.wast: `wast` until 0.10, `wat` since (the syntax was renamed).
  local builtin = 'wast'
  local ok_match, ft = pcall(vim.filetype.match, { filename = spec })
  if ok_match and type(ft) == 'string' then builtin = ft end
  vim.cmd('edit ' .. vim.fn.fnameescape(spec))
  check('*.wast keeps Neovim\'s filetype (' .. builtin .. ')', vim.bo.filetype == builtin, vim.bo.filetype)
  vim.wait(1000, function() return #relwat_clients(0) > 0 end, 50)
  check('no language server on a *.wast script', #relwat_clients(0) == 0, relwat_clients(0))

  -- Without a built parser: one hint, however many buffers.
  local grammar = vim.fn.getcwd() .. '/grammar/tree-sitter-wat'
  local have_grammar = vim.fn.filereadable(grammar .. '/src/parser.c') == 1
  check('no parser: one hint for three wat buffers', count_messages('no tree-sitter parser for WAT') == 1, messages)
  if have_grammar then
    check('the hint says to run :RelwatBuildParser', count_messages(':RelwatBuildParser') == 1, messages)
  end
  check('no parser: the regex syntax highlights', vim.fn.getbufvar(buf, 'current_syntax') == 'wat',
    vim.fn.getbufvar(buf, 'current_syntax'))

  -- :RelwatAssemble with an error: the quickfix list, no object.
  vim.cmd('buffer ' .. buf)
  local obj = proj .. '/src/hello.o'
  local function assemble(cmd)
    local before = require('relwat.commands').last_assemble
    vim.cmd(cmd)
    vim.wait(20000, function() return require('relwat.commands').last_assemble ~= before end, 20)
    return require('relwat.commands').last_assemble
  end
  local res = assemble('RelwatAssemble')
  local qf = vim.fn.getqflist()
  local qf_title = vim.fn.getqflist({ title = 0 }).title
  check(':RelwatAssemble reports the error', res ~= nil and not res.ok and res.code == 1 and res.errors == 1, res)
  check('the error is in the quickfix list at its file:line:col', #qf >= 1 and qf[1].lnum == 7 and qf[1].col == 26
    and api.nvim_buf_get_name(qf[1].bufnr) == hello and qf[1].type == 'E'
    and qf[1].text:find('unknown function `$missing`', 1, true) ~= nil, qf)
  check('the quickfix list is titled', qf_title:find('wat2obj', 1, true) == 1, qf_title)
  check('no object is written on error', vim.fn.filereadable(obj) == 0, obj)
  check('a message says so', count_messages('1 error(s)') == 1, messages)
  check('the quickfix window opened without taking the cursor', vim.bo.buftype == '' and
    vim.fn.getqflist({ winid = 0 }).winid ~= 0, vim.bo.buftype)
  vim.cmd('cclose')

  -- Fix the file without saving; :RelwatAssemble writes it first.
  vim.cmd('buffer ' .. buf)
  api.nvim_buf_set_lines(buf, 6, 7, false, { '  (func $bad (drop (call $main))))' })
  check('LSP diagnostics follow the edit', vim.wait(20000, function() return #vim.diagnostic.get(buf) == 0 end, 50),
    vim.diagnostic.get(buf))
  res = assemble('RelwatAssemble')
  check(':RelwatAssemble succeeds', res ~= nil and res.ok, res)
  check('the buffer was written first', not vim.bo[buf].modified and vim.fn.readfile(hello)[7]:find('$main', 1, true) ~= nil,
    vim.fn.readfile(hello))
  local head = (function()
    local f = io.open(obj, 'rb')
    if not f then return nil end
    local h = f:read(4)
    f:close()
    return h
  end)()
  check('hello.o is written beside it and starts with \\0asm', head == '\0asm', head)
  check('the quickfix list is emptied (replaced, not stacked)', #vim.fn.getqflist() == 0
    and vim.fn.getqflist({ nr = '$' }).nr == 1, vim.fn.getqflist({ nr = '$', title = 0 }))

  -- An explicit output, with `%` expanded.
  res = assemble('RelwatAssemble %:r.copy.o')
  check(':RelwatAssemble %:r.copy.o writes there', res ~= nil and res.ok and res.output == proj .. '/src/hello.copy.o'
    and vim.fn.getfsize(proj .. '/src/hello.copy.o') == vim.fn.getfsize(obj), res)

  -- Diagnostics with a secondary label (a tab before it), with a note, in non-ASCII text.
  local dup = proj .. '/src/dup.wat'
  write(dup, { '(module', '\t(func $f)', '  (func $f (result i32) i32.const 1))' })
  vim.cmd('edit ' .. vim.fn.fnameescape(dup))
  res = assemble('RelwatAssemble')
  qf = vim.fn.getqflist()
  check('the secondary label is its own quickfix entry (type N) at its column', #qf == 2
    and qf[1].type == 'E' and qf[1].lnum == 3 and qf[1].col == 9
    and qf[1].text == 'duplicate function id `$f` (defined again here)'
    and qf[2].type == 'N' and qf[2].lnum == 2 and qf[2].col == 8 and qf[2].text == 'first defined here', qf)
  vim.cmd('cclose')
  local utf = proj .. '/src/utf.wat'
  write(utf, {
    '(module (import "env" "__linear_memory" (memory 1)) (data (i32.const 0) "h\195\169\195\169llo") (func (call $x)))',
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(utf))
  res = assemble('RelwatAssemble')
  qf = vim.fn.getqflist()
  -- The byte column of `$x`, which non-ASCII text before it puts 2 past its character column.
  local x_col = vim.fn.getline(1):find('$x', 1, true)
  check('the quickfix column is a byte column after non-ASCII text', #qf == 1 and qf[1].lnum == 1
    and qf[1].col == x_col and vim.fn.strchars(vim.fn.getline(1):sub(1, x_col - 1)) == x_col - 3, qf)
  vim.cmd('cclose')
  local warn = proj .. '/src/warn.wat'
  write(warn, { '(module (func $f) (start $f))' })
  vim.cmd('edit ' .. vim.fn.fnameescape(warn))
  res = assemble('RelwatAssemble')
  qf = vim.fn.getqflist()
  check('a warning: the object is written, the warning listed with its help', res ~= nil and res.ok
    and res.warnings == 1 and vim.fn.filereadable(proj .. '/src/warn.o') == 1 and #qf == 1 and qf[1].type == 'W'
    and qf[1].text:find('help: call the function from a constructor', 1, true) ~= nil, { res, qf })
  check('and the message says so', count_messages('1 warning(s)') == 1, messages)
  vim.cmd('buffer ' .. buf)

  -- :RelwatShowObject without an argument, from the .wat: the object just assembled.
  local function show(cmd)
    local n = #api.nvim_list_bufs()
    local before = api.nvim_get_current_buf()
    vim.cmd(cmd)
    vim.wait(20000, function()
      local cur = api.nvim_get_current_buf()
      return cur ~= before and api.nvim_buf_get_name(cur):find('relwat://', 1, true) == 1
    end, 20)
    return api.nvim_get_current_buf(), #api.nvim_list_bufs() - n
  end
  local shown = show('RelwatShowObject')
  local text = buf_text(shown)
  check(':RelwatShowObject opens the object as WAT', text:find('(module', 1, true) ~= nil
    and text:find('$puts', 1, true) ~= nil, text)
  check('the object buffer is a wat scratch buffer', vim.bo[shown].filetype == 'wat' and vim.bo[shown].buftype == 'nofile'
    and not vim.bo[shown].modified, { vim.bo[shown].filetype, vim.bo[shown].buftype })
  check('no language server on the object buffer', #relwat_clients(shown) == 0, relwat_clients(shown))
  vim.cmd('close')

  -- With the object's name under the cursor, in a buffer of another kind.
  vim.cmd('enew')
  api.nvim_buf_set_lines(0, 0, -1, false, { 'see ' .. proj .. '/src/hello.copy.o for the object' })
  api.nvim_win_set_cursor(0, { 1, 8 })
  shown = show('RelwatShowObject')
  check(':RelwatShowObject takes the .o under the cursor', api.nvim_buf_get_name(shown) == 'relwat://' .. proj .. '/src/hello.copy.o'
    and buf_text(shown):find('(module', 1, true) ~= nil, api.nvim_buf_get_name(shown))
  vim.cmd('close')
  local n_before = #api.nvim_list_bufs()
  shown = show('RelwatShowObject ' .. vim.fn.fnameescape(proj .. '/src/hello.copy.o'))
  check('showing the same object again reuses its buffer', #api.nvim_list_bufs() == n_before, #api.nvim_list_bufs())
  vim.cmd('close')
  local before_msgs = count_messages('is not a WebAssembly object')
  vim.cmd('RelwatShowObject ' .. vim.fn.fnameescape(hello))
  check('a file that is not an object is refused', count_messages('is not a WebAssembly object') == before_msgs + 1, messages)

  -- Tree-sitter: build the parser, then highlighting and parsing of every wat buffer.
  check('the tree-sitter grammar is present (grammar/tree-sitter-wat)', have_grammar, grammar)
  if have_grammar then
    local ok_build
    require('relwat').build_parser({ sync = true, on_done = function(ok) ok_build = ok end })
    -- The same as `:RelwatBuildParser!`, which a user or a plugin manager's build hook runs.
    check(':RelwatBuildParser builds the parser', ok_build == true, messages)
    local ts = require('relwat.treesitter')
    local st = ts.status()
    check('the parser and its queries are installed', st.parser ~= nil and st.loaded ~= nil and #st.queries >= 1, st)
    check('the highlighter attached to the open wat buffer', ts.is_active(buf), buf)
    vim.cmd('buffer ' .. buf)
    vim.cmd('redraw')
    check('the regex syntax is off once tree-sitter highlights', vim.fn.getbufvar(buf, 'current_syntax') == '',
      vim.fn.getbufvar(buf, 'current_syntax'))

    local function parse_errors(b)
      local tree = vim.treesitter.get_parser(b, 'wat'):parse()[1]
      return tree:root():has_error(), tree:root():type()
    end
    local err, root_type = parse_errors(buf)
    check('hello.wat parses without errors', not err, root_type)

    -- A buffer opened now is highlighted on FileType.
    vim.cmd('edit ' .. vim.fn.fnameescape(other))
    vim.cmd('edit ' .. vim.fn.fnameescape(proj .. '/src/new.wat'))
    api.nvim_buf_set_lines(0, 0, -1, false, { '(module (func (export "f") (result i32) i32.const 42))' })
    local new_buf = api.nvim_get_current_buf()
    check('a new wat buffer gets the highlighter', ts.is_active(new_buf), new_buf)
    check('it parses without errors', not parse_errors(new_buf), buf_text(new_buf))
    check('and no regex syntax (whichever FileType autocommand runs last)',
      vim.fn.getbufvar(new_buf, 'current_syntax') == '', vim.fn.getbufvar(new_buf, 'current_syntax'))

    -- The highlight query matches the tree: captures over hello.wat.
    local get_query = vim.treesitter.query.get or vim.treesitter.query.get_query
    local query = get_query('wat', 'highlights')
    local captures = {}
    local tree = vim.treesitter.get_parser(buf, 'wat'):parse()[1]
    for id in query:iter_captures(tree:root(), buf, 0, -1) do
      captures[query.captures[id]] = true
    end
    check('the highlight query captures nodes of hello.wat', next(captures) ~= nil, captures)

    -- What obj2wat prints parses too (annotations, @relwat.layout, escapes).
    shown = show('RelwatShowObject ' .. vim.fn.fnameescape(obj))
    check('the object buffer is highlighted', ts.is_active(shown), shown)
    err = parse_errors(shown)
    check('obj2wat output parses without errors', not err, buf_text(shown))
    vim.cmd('close')
  end

  -- :checkhealth relwat finds everything (tools, grammar, compiler, parser, queries).
  vim.cmd('silent checkhealth relwat')
  local health = buf_text(api.nvim_get_current_buf())
  check(':checkhealth relwat reports no error', health:find('wat2obj: ', 1, true) ~= nil
    and health:find('language server: ', 1, true) ~= nil and health:find('ERROR', 1, true) == nil
    and (not have_grammar or health:find('parser: .*%(loaded%)') ~= nil), health)
  vim.cmd('tabclose')

  -- The help file: its tags are generated without error (duplicate or malformed tags fail).
  local docdir = tmp .. '/doc'
  vim.fn.mkdir(docdir, 'p')
  local helpfile = vim.fn.getcwd() .. '/editors/nvim/doc/relwat.txt'
  vim.fn.writefile(vim.fn.readfile(helpfile), docdir .. '/relwat.txt')
  local ok_tags, tags_err = pcall(vim.cmd, 'helptags ' .. vim.fn.fnameescape(docdir))
  local tags = ok_tags and table.concat(vim.fn.readfile(docdir .. '/tags'), '\n') or ''
  check('doc/relwat.txt has valid help tags', ok_tags and tags:find(':RelwatAssemble', 1, true) ~= nil
    and tags:find('relwat-setup', 1, true) ~= nil, tags_err)

  -- :help relwat works after setup() alone (it generates the tags of a checkout's doc/).
  local ok_help, help_err = pcall(vim.cmd, 'help relwat')
  check(':help relwat after setup()', ok_help and vim.bo.buftype == 'help', help_err)
  if ok_help then
    vim.cmd('helpclose')
  end

  -- A server that is missing: a warning once, no error per buffer.
  require('relwat').setup({ cmd = { tmp .. '/no/relwat-lsp' } })
  local missing_before = count_messages('no/relwat-lsp')
  for i = 1, 2 do
    local f = tmp .. '/elsewhere' .. i .. '/x.wat'
    write(f, { '(module)' })
    local ok = pcall(vim.cmd, 'edit ' .. vim.fn.fnameescape(f))
    check('opening a wat file with a missing server does not fail (' .. i .. ')', ok, f)
  end
  check('the missing server is reported once', count_messages('no/relwat-lsp') - missing_before == 1, messages)

end

local ok, err = xpcall(main, debug.traceback)
check('the test runs to the end', ok, err)
finish()
