-- Loads the parser and the queries into Neovim, as an editor would, and fails if anything is
-- rejected. Neovim 0.7 ships tree-sitter 0.20 (language ABI 13-14) and parses queries itself,
-- so this checks the ABI of the generated parser and that the queries use only node names,
-- fields, syntax and predicates that version knows.
--
--   nvim --headless -u NONE -c "luafile nvim-check.lua" PARSER.so QUERY_DIR FILE...
--
-- The arguments after the script are read from vim.v.argv (after `--`).

local function fail(msg)
  io.stderr:write("nvim-check: " .. msg .. "\n")
  vim.cmd("cquit 1")
end

local args = {}
local seen = false
for _, a in ipairs(vim.v.argv) do
  if seen then
    table.insert(args, a)
  elseif a == "--" then
    seen = true
  end
end
if #args < 3 then
  fail("usage: nvim --headless -u NONE -c 'luafile nvim-check.lua' -- PARSER.so QUERY_DIR FILE...")
end
local parser_path, query_dir = args[1], args[2]

local ts = vim.treesitter
local ok, err
if ts.language and ts.language.add then
  ok, err = pcall(ts.language.add, "wat", { path = parser_path })
else
  ok, err = pcall(ts.require_language, "wat", parser_path)
end
if not ok then
  fail("cannot load " .. parser_path .. ": " .. tostring(err))
end

local parse_query = (ts.query and ts.query.parse) or ts.parse_query

local queries = {}
for _, name in ipairs({ "highlights", "locals", "folds" }) do
  local path = query_dir .. "/" .. name .. ".scm"
  local f = io.open(path, "r")
  if not f then
    fail("missing " .. path)
  end
  local text = f:read("*a")
  f:close()
  local qok, q = pcall(parse_query, "wat", text)
  if not qok then
    fail(path .. ": " .. tostring(q))
  end
  queries[name] = q
end

local files, captures = 0, 0
for i = 3, #args do
  local f = io.open(args[i], "r")
  if not f then
    fail("cannot read " .. args[i])
  end
  local src = f:read("*a")
  f:close()
  local parser = ts.get_string_parser(src, "wat")
  local root = parser:parse()[1]:root()
  if root:has_error() then
    fail(args[i] .. ": the tree has errors")
  end
  -- Runs every pattern and predicate of each query over the tree (Neovim checks predicates
  -- only when a pattern matches).
  for name, q in pairs(queries) do
    local cok, cerr = pcall(function()
      for _ in q:iter_captures(root, src, 0, -1) do
        if name == "highlights" then
          captures = captures + 1
        end
      end
    end)
    if not cok then
      fail(query_dir .. "/" .. name .. ".scm on " .. args[i] .. ": " .. tostring(cerr))
    end
  end
  files = files + 1
end
if captures == 0 then
  fail("the highlight query captured nothing")
end

print(string.format("nvim-check: Neovim %s loaded the parser and 3 queries; %d files, %d highlight captures",
  tostring(vim.version().major) .. "." .. tostring(vim.version().minor) .. "." .. tostring(vim.version().patch),
  files, captures))
vim.cmd("qall!")
