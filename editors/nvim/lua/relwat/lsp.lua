-- relwat-lsp for `wat` buffers. Neovim 0.11+ has a configuration registry (vim.lsp.config and
-- vim.lsp.enable, fed also by lsp/relwat.lua on the runtimepath); older versions start a client
-- per workspace root by hand and attach buffers to it from a FileType autocommand.
local config = require('relwat.config')
local util = require('relwat.util')

local M = {}

M.name = 'relwat'

local api = vim.api
local group = api.nvim_create_augroup('relwat_lsp', { clear = true })

-- Whether this Neovim has the 0.11 configuration registry.
function M.has_registry()
  return vim.lsp.config ~= nil and vim.lsp.enable ~= nil
end

-- The workspace root of a buffer, or nil when the buffer gets no server (not a file, or a
-- *.wast script).
function M.root_for(buf)
  if not util.is_file_buffer(buf) or util.is_script(buf) then return nil end
  return util.root_dir(api.nvim_buf_get_name(buf), config.get().root_markers)
end

-- The client's capabilities: Neovim's defaults extended by the user's table (typically a
-- completion plugin's additions), since a client takes the table as given, not merged.
local function capabilities(cfg)
  local caps = vim.lsp.protocol.make_client_capabilities()
  if cfg.capabilities then
    caps = vim.tbl_deep_extend('force', caps, cfg.capabilities)
  end
  return caps
end

-- The server executable, warning once when it cannot be found.
local function server_available(cmd)
  if vim.fn.executable(cmd[1]) == 1 then return true end
  util.notify_once('lsp-missing:' .. cmd[1], string.format(
    '`%s` not found; install it (cargo build --release -p relwat-lsp puts it in target/release/) '
      .. 'or set `cmd` in setup()', cmd[1]), vim.log.levels.WARN)
  return false
end

-- The fields of the configuration the plugin and the user control, common to both paths.
local function client_fields(cfg)
  return vim.tbl_extend('force', vim.deepcopy(cfg.lsp_config), {
    name = M.name,
    cmd = config.server_cmd(),
    capabilities = capabilities(cfg),
    on_attach = cfg.on_attach,
  })
end

-- Defaults for the 0.11 registry; lsp/relwat.lua returns this.
function M.registry_defaults()
  return {
    cmd = config.server_cmd(),
    filetypes = { 'wat' },
    root_dir = function(bufnr, on_dir)
      local root = M.root_for(bufnr)
      -- Not calling on_dir leaves scratch buffers (e.g. :RelwatShowObject's) without a client.
      if root then on_dir(root) end
    end,
  }
end

-- Neovim 0.7 to 0.10: one client per root directory, created on first use.
local clients = {}

local function attach_legacy(buf)
  local root = M.root_for(buf)
  if not root then return end
  local id = clients[root]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    local cfg = config.get()
    local fields = client_fields(cfg)
    if not server_available(fields.cmd) then return end
    fields.root_dir = root
    fields.workspace_folders = { { uri = vim.uri_from_fname(root), name = root } }
    local user_on_exit = fields.on_exit
    fields.on_exit = function(...)
      if clients[root] == id then clients[root] = nil end
      if user_on_exit then return user_on_exit(...) end
    end
    id = vim.lsp.start_client(fields)
    if not id then return end
    clients[root] = id
  end
  vim.lsp.buf_attach_client(buf, id)
end

-- The client id serving a root directory (0.7 to 0.10 path), for tests and :checkhealth.
function M.client_for_root(root)
  return clients[root]
end

-- Applies the current configuration. Safe to call again after the options change.
function M.setup()
  local cfg = config.get()
  api.nvim_clear_autocmds({ group = group })
  if M.has_registry() then
    if cfg.lsp then
      local fields = client_fields(cfg)
      fields.name = nil
      if not cfg.capabilities then
        -- Leaves what vim.lsp.config('*', ...) gives in place.
        fields.capabilities = nil
      end
      fields.filetypes = { 'wat' }
      fields.root_dir = M.registry_defaults().root_dir
      vim.lsp.config(M.name, fields)
      vim.lsp.enable(M.name)
      -- vim.lsp.enable skips a server that is not executable, saying it only in the log.
      api.nvim_create_autocmd('FileType', {
        group = group,
        pattern = 'wat',
        desc = 'relwat: check that relwat-lsp exists',
        callback = function(args)
          if M.root_for(args.buf) then server_available(fields.cmd) end
        end,
      })
    elseif vim.lsp.is_enabled == nil or vim.lsp.is_enabled(M.name) then
      vim.lsp.enable(M.name, false)
    end
    return
  end
  if not cfg.lsp then return end
  api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'wat',
    desc = 'relwat: attach relwat-lsp',
    callback = function(args) attach_legacy(args.buf) end,
  })
  -- Buffers opened before setup() (a plugin manager loading the plugin on FileType).
  for _, buf in ipairs(api.nvim_list_bufs()) do
    if api.nvim_buf_is_loaded(buf) and vim.bo[buf].filetype == 'wat' then attach_legacy(buf) end
  end
end

return M
