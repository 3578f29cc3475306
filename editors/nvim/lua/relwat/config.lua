-- Options of the plugin: defaults, validation, and where the tools and the grammar are found.
local M = {}

local uv = vim.uv or vim.loop

-- The plugin's root directory (the one holding lua/, plugin/, ftdetect/), from this file's path.
local function plugin_root()
  local source = debug.getinfo(1, 'S').source
  if source:sub(1, 1) == '@' then source = source:sub(2) end
  return vim.fn.fnamemodify(source, ':p:h:h:h')
end

M.plugin_root = plugin_root()

-- The relwat checkout the plugin lives in (editors/nvim), when it does: symlinks are resolved so
-- that a plugin directory linked into a package path still finds the grammar and the binaries.
local function repo_root()
  local real = uv.fs_realpath(M.plugin_root) or M.plugin_root
  local root = vim.fn.fnamemodify(real, ':h:h')
  if uv.fs_stat(root .. '/Cargo.toml') and uv.fs_stat(root .. '/editors/nvim') then
    return root
  end
  return nil
end

M.repo_root = repo_root()

M.defaults = {
  -- Language server command (argv list). A bare name not found on $PATH falls back to the
  -- checkout's target/release/ when the plugin lives in the relwat repository.
  cmd = { 'relwat-lsp' },
  -- Start relwat-lsp for `wat` buffers.
  lsp = true,
  -- The assembler and the printer, same lookup as `cmd`.
  wat2obj = 'wat2obj',
  obj2wat = 'obj2wat',
  -- Extra arguments for every wat2obj run, e.g. { '--disable-all', '--enable-simd' }.
  wat2obj_args = {},
  -- Passed through to the LSP client.
  on_attach = nil,
  capabilities = nil,
  -- Further fields of the client configuration (handlers, flags, init_options, ...).
  lsp_config = {},
  -- Files or directories whose nearest ancestor is the workspace root; else the file's directory.
  root_markers = { '.git' },
  -- Tree-sitter highlighting with the grammar of grammar/tree-sitter-wat.
  treesitter = true,
  -- The tree-sitter grammar (a directory with src/parser.c); default: the checkout's grammar.
  grammar_dir = nil,
  -- Where :RelwatBuildParser writes parser/wat.so and queries/wat/*.scm (added to 'runtimepath').
  -- Default: the plugin directory, or stdpath('data')/relwat when that is not writable.
  build_dir = nil,
  -- C compiler for the parser; default $CC, else cc.
  cc = nil,
  -- Open the quickfix window when :RelwatAssemble reports errors.
  open_quickfix = true,
  -- How :RelwatShowObject opens its buffer: 'split', 'vsplit', 'tab' or 'current'.
  object_window = 'split',
}

local current = vim.deepcopy(M.defaults)

-- Type of each option (nil allowed where the default is nil).
local types = {
  cmd = 'table', lsp = 'boolean', wat2obj = 'string', obj2wat = 'string', wat2obj_args = 'table',
  on_attach = 'function?', capabilities = 'table?', lsp_config = 'table', root_markers = 'table',
  treesitter = 'boolean', grammar_dir = 'string?', build_dir = 'string?', cc = 'string?',
  open_quickfix = 'boolean', object_window = 'string',
}

local function check(opts)
  for k, want in pairs(types) do
    local v = opts[k]
    local optional = want:sub(-1) == '?'
    local t = optional and want:sub(1, -2) or want
    if not (type(v) == t or (optional and v == nil)) then
      error(string.format('relwat: option %s: expected %s, got %s', k, t, type(v)), 0)
    end
  end
  if #opts.cmd == 0 then error('relwat: option cmd must not be empty', 0) end
  local windows = { split = true, vsplit = true, tab = true, current = true }
  if not windows[opts.object_window] then
    error("relwat: option object_window: expected 'split', 'vsplit', 'tab' or 'current'", 0)
  end
end

-- Merges `opts` over the defaults and makes it the current configuration.
function M.set(opts)
  opts = vim.tbl_extend('force', {}, opts or {})
  if type(opts.cmd) == 'string' then opts.cmd = { opts.cmd } end
  local unknown = {}
  for k in pairs(opts) do
    if not types[k] then table.insert(unknown, k) end
  end
  if #unknown > 0 then
    table.sort(unknown)
    vim.notify('relwat: unknown setup option(s): ' .. table.concat(unknown, ', '), vim.log.levels.WARN)
  end
  -- Lists replace the defaults instead of being merged index by index.
  local merged = vim.tbl_extend('force', vim.deepcopy(M.defaults), opts)
  check(merged)
  current = merged
  return current
end

function M.get()
  return current
end

-- A tool given as a bare name: $PATH first, then the checkout's target/release/. Paths are
-- expanded (~, $VAR) and otherwise used as given.
function M.resolve_tool(name)
  if name:find('[/\\]') then
    return vim.fn.expand(name)
  end
  if vim.fn.executable(name) == 1 then
    return name
  end
  if M.repo_root then
    local built = M.repo_root .. '/target/release/' .. name
    if vim.fn.executable(built) == 1 then return built end
  end
  return name
end

-- The server command with its program resolved.
function M.server_cmd()
  local cmd = vim.deepcopy(current.cmd)
  cmd[1] = M.resolve_tool(cmd[1])
  return cmd
end

function M.grammar_dir()
  if current.grammar_dir then
    return (vim.fn.fnamemodify(vim.fn.expand(current.grammar_dir), ':p'):gsub('/$', ''))
  end
  local real = uv.fs_realpath(M.plugin_root) or M.plugin_root
  return vim.fn.fnamemodify(real, ':h:h') .. '/grammar/tree-sitter-wat'
end

-- Directories that may hold a built parser, in the order they are searched; the first one that is
-- writable is where a build goes.
function M.build_dirs()
  if current.build_dir then
    return { (vim.fn.fnamemodify(vim.fn.expand(current.build_dir), ':p'):gsub('/$', '')) }
  end
  return { M.plugin_root, vim.fn.stdpath('data') .. '/relwat' }
end

return M
