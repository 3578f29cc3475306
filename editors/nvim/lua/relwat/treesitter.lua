-- Tree-sitter highlighting for `wat` buffers with the grammar of grammar/tree-sitter-wat: building
-- the parser (:RelwatBuildParser), loading it, starting the highlighter.
--
-- The build compiles src/parser.c and src/scanner.c into <build_dir>/parser/wat.so and copies the
-- grammar's queries to <build_dir>/queries/wat/. Copying (rather than linking the queries into
-- the plugin) keeps the compiled parser and its queries from the same checkout of the grammar: a
-- query naming nodes the loaded parser does not have is an error on every buffer.
local config = require('relwat.config')
local util = require('relwat.util')

local M = {}

local api = vim.api
local uv = vim.uv or vim.loop
local ts = vim.treesitter
local levels = vim.log.levels
local group = api.nvim_create_augroup('relwat_treesitter', { clear = true })

M.lang = 'wat'

local loaded_from = nil -- the parser file loaded in this session

-- The built parser, searched in the build directories.
function M.parser_path()
  for _, dir in ipairs(config.build_dirs()) do
    local path = dir .. '/parser/wat.so'
    if util.exists(path) then return path, dir end
  end
  return nil
end

function M.is_loaded()
  return loaded_from ~= nil
end

-- Registers the parser with Neovim's tree-sitter runtime. Returns true, or false and a message.
local function register(path)
  if ts.language and ts.language.add then
    -- 0.9+. 0.9 and 0.10 raise an error on failure, 0.11 returns nil and the message.
    local ok, res, err = pcall(ts.language.add, M.lang, { path = path })
    if not ok then return false, res end
    if res == nil and err ~= nil then return false, err end
    return true
  end
  local ok, err = pcall(ts.require_language, M.lang, path)
  if not ok then return false, err end
  return true
end

-- Loads the parser once per session. Returns true when it is loaded.
function M.load()
  if loaded_from then return true end
  local path, dir = M.parser_path()
  if not path then return false end
  local ok, err = register(path)
  if not ok then
    util.notify_once('ts-load', string.format(
      'cannot load the tree-sitter parser %s: %s; rebuild it with :RelwatBuildParser', path, err),
      levels.ERROR)
    return false
  end
  loaded_from = path
  -- The queries were built beside the parser.
  util.ensure_on_rtp(dir)
  return true
end

local function has_queries()
  return #api.nvim_get_runtime_file('queries/wat/highlights.scm', false) > 0
end

-- Whether tree-sitter highlighting is running in `buf`. syntax/wat.vim asks this: the regex
-- syntax must not paint over tree-sitter's highlights when the syntax FileType autocommand runs
-- after the plugin's.
function M.is_active(buf)
  if buf == nil or buf == 0 then buf = api.nvim_get_current_buf() end
  local hl = ts.highlighter
  return hl ~= nil and hl.active ~= nil and hl.active[buf] ~= nil
end

local function hint_missing()
  local grammar = config.grammar_dir()
  if util.exists(grammar .. '/src/parser.c') then
    util.notify_once('ts-missing', 'no tree-sitter parser for WAT yet: run :RelwatBuildParser '
      .. '(or set treesitter = false in setup())', levels.WARN)
  else
    util.notify_once('ts-missing', string.format(
      'no tree-sitter parser for WAT, and no grammar at %s to build one from (set grammar_dir, '
        .. 'or treesitter = false in setup())', grammar), levels.WARN)
  end
end

-- Starts highlighting in `buf` when the parser is available; hints once when it is not.
function M.attach(buf)
  if not api.nvim_buf_is_loaded(buf) or M.is_active(buf) or util.is_script(buf) then return end
  if not M.load() then
    if not M.parser_path() then hint_missing() end -- else loading failed, already reported
    return
  end
  if not has_queries() then
    util.notify_once('ts-queries', 'the WAT highlight queries are missing (queries/wat/highlights.scm); '
      .. 'run :RelwatBuildParser again', levels.WARN)
    return
  end
  local ok, err
  if ts.start then
    ok, err = pcall(ts.start, buf, M.lang) -- 0.8+
  else
    ok, err = pcall(function()
      local parser = ts.get_parser(buf, M.lang)
      ts.highlighter.new(parser)
    end)
  end
  if not ok then
    util.notify_once('ts-start', 'tree-sitter highlighting failed: ' .. tostring(err), levels.ERROR)
    return
  end
end

function M.setup()
  api.nvim_clear_autocmds({ group = group })
  if not config.get().treesitter then return end
  api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'wat',
    desc = 'relwat: tree-sitter highlighting',
    callback = function(args) M.attach(args.buf) end,
  })
  for _, buf in ipairs(api.nvim_list_bufs()) do
    if api.nvim_buf_is_loaded(buf) and vim.bo[buf].filetype == 'wat' then M.attach(buf) end
  end
end

-- The first writable build directory (created when missing).
local function writable_build_dir()
  for _, dir in ipairs(config.build_dirs()) do
    pcall(vim.fn.mkdir, dir .. '/parser', 'p')
    if vim.fn.filewritable(dir .. '/parser') == 2 then return dir end
  end
  return nil
end

-- Copies the grammar's queries (*.scm) to <dir>/queries/wat/, removing ones the grammar dropped.
local function install_queries(grammar, dir)
  local dest = dir .. '/queries/wat'
  vim.fn.mkdir(dest, 'p')
  local wanted = {}
  for _, src in ipairs(vim.fn.glob(grammar .. '/queries/*.scm', true, true)) do
    local name = vim.fn.fnamemodify(src, ':t')
    wanted[name] = true
    if vim.fn.writefile(vim.fn.readfile(src, 'b'), dest .. '/' .. name, 'b') ~= 0 then
      return false, 'cannot write ' .. dest .. '/' .. name
    end
  end
  if not wanted['highlights.scm'] then
    return false, 'the grammar has no queries/highlights.scm'
  end
  for _, old in ipairs(vim.fn.glob(dest .. '/*.scm', true, true)) do
    if not wanted[vim.fn.fnamemodify(old, ':t')] then os.remove(old) end
  end
  return true
end

-- Builds the parser and installs the queries. `opts.sync` waits for the compiler (for scripts and
-- plugin managers' build hooks); `opts.on_done(ok, message)` is called at the end.
function M.build(opts)
  opts = opts or {}
  local function done(ok, msg)
    util.notify(msg, ok and levels.INFO or levels.ERROR)
    if opts.on_done then opts.on_done(ok, msg) end
    return ok
  end

  local grammar = config.grammar_dir()
  if not util.exists(grammar .. '/src/parser.c') then
    return done(false, string.format('no tree-sitter grammar at %s (src/parser.c); set grammar_dir '
      .. 'in setup()', grammar))
  end
  local dir = writable_build_dir()
  if not dir then
    return done(false, 'no writable build directory among: ' .. table.concat(config.build_dirs(), ', '))
  end
  local cc = config.get().cc or vim.env.CC
  if cc == nil or cc == '' then cc = 'cc' end

  local sources = { 'src/parser.c' }
  if util.exists(grammar .. '/src/scanner.c') then table.insert(sources, 'src/scanner.c') end
  local target = dir .. '/parser/wat.so'
  -- Built beside the target and renamed over it: a parser already loaded in a running Neovim
  -- stays mapped from the old file instead of being overwritten under it.
  local tmp = string.format('%s.%d.tmp', target, uv.getpid())
  local argv = { cc, '-shared', '-fPIC', '-O2', '-I', 'src' }
  vim.list_extend(argv, sources)
  vim.list_extend(argv, { '-o', tmp })

  local finished = false
  local result = false
  local started, err = util.run(argv, { cwd = grammar }, function(code, _, stderr)
    finished = true
    if code ~= 0 then
      os.remove(tmp)
      result = done(false, string.format('%s failed (exit %d):\n%s', cc, code, table.concat(stderr, '\n')))
      return
    end
    local ok, rename_err = os.rename(tmp, target)
    if not ok then
      os.remove(tmp)
      result = done(false, 'cannot move the parser into place: ' .. tostring(rename_err))
      return
    end
    local qok, qerr = install_queries(grammar, dir)
    if not qok then
      result = done(false, qerr)
      return
    end
    util.ensure_on_rtp(dir)
    if loaded_from then
      -- A shared library cannot be unloaded: the new one takes effect in a new session.
      result = done(true, 'built ' .. target .. '; restart Neovim to use it (the previous parser is loaded)')
      return
    end
    result = done(true, 'built ' .. target)
    if config.get().treesitter then
      for _, buf in ipairs(api.nvim_list_bufs()) do
        if api.nvim_buf_is_loaded(buf) and vim.bo[buf].filetype == 'wat' then M.attach(buf) end
      end
    end
  end)
  if not started then
    return done(false, err .. ' (set cc in setup() or $CC)')
  end
  util.notify('building the tree-sitter parser with ' .. cc .. ' ...')
  if opts.sync then
    vim.wait(600000, function() return finished end, 50)
    return result
  end
  return true
end

-- For :checkhealth.
function M.status()
  return {
    parser = M.parser_path(),
    loaded = loaded_from,
    queries = api.nvim_get_runtime_file('queries/wat/highlights.scm', true),
    grammar = config.grammar_dir(),
  }
end

return M
