-- :checkhealth relwat
local M = {}

-- vim.health.start/ok/... from 0.10, report_* before; 0.7 has them in the `health` module.
local function reporter()
  local h = vim.health or require('health')
  return {
    start = h.start or h.report_start,
    ok = h.ok or h.report_ok,
    warn = h.warn or h.report_warn,
    error = h.error or h.report_error,
    info = h.info or h.report_info,
  }
end

local function tool(r, label, path, hint)
  if vim.fn.executable(path) == 1 then
    local version = vim.fn.system({ path, '--version' }):gsub('%s+$', '')
    r.ok(string.format('%s: %s (%s)', label, vim.fn.exepath(path), version))
  else
    r.error(string.format('%s: `%s` not found', label, path), { hint })
  end
end

function M.check()
  local r = reporter()
  local config = require('relwat.config')
  local cfg = config.get()
  local relwat = require('relwat')

  r.start('relwat: setup')
  if relwat.did_setup then
    r.ok('require("relwat").setup() has run')
  else
    r.warn('require("relwat").setup() has not run: the commands work, but no language server or '
      .. 'highlighting is started', { 'call require("relwat").setup({}) in your init.lua' })
  end
  if vim.lsp.config ~= nil and vim.lsp.enable ~= nil then
    r.info('language server through vim.lsp.config/vim.lsp.enable (Neovim 0.11+)')
  else
    r.info('language server through vim.lsp.start_client, one client per workspace root')
  end

  r.start('relwat: tools')
  local build = 'cargo build --release in the relwat repository, then put target/release on $PATH'
  tool(r, 'language server', config.server_cmd()[1], build)
  tool(r, 'wat2obj', config.resolve_tool(cfg.wat2obj), build)
  tool(r, 'obj2wat', config.resolve_tool(cfg.obj2wat), build)

  r.start('relwat: tree-sitter')
  local ts = require('relwat.treesitter')
  local st = ts.status()
  if not cfg.treesitter then
    r.info('disabled (treesitter = false); the regex syntax is used')
  end
  if vim.fn.filereadable(st.grammar .. '/src/parser.c') == 1 then
    r.ok('grammar: ' .. st.grammar)
  else
    r.warn('no grammar at ' .. st.grammar, { 'set grammar_dir in setup()' })
  end
  local cc = cfg.cc or vim.env.CC
  if cc == nil or cc == '' then cc = 'cc' end
  if vim.fn.executable(cc) == 1 then
    r.ok('C compiler: ' .. vim.fn.exepath(cc))
  else
    r.warn('C compiler `' .. cc .. '` not found: :RelwatBuildParser needs one', { 'set cc in setup() or $CC' })
  end
  if st.parser then
    r.ok('parser: ' .. st.parser .. (st.loaded and ' (loaded)' or ''))
    local src = (vim.uv or vim.loop).fs_stat(st.grammar .. '/src/parser.c')
    local so = (vim.uv or vim.loop).fs_stat(st.parser)
    if src and so and src.mtime.sec > so.mtime.sec then
      r.warn('the grammar is newer than the parser', { 'run :RelwatBuildParser and restart Neovim' })
    end
  else
    r.warn('no parser built', { 'run :RelwatBuildParser' })
    return
  end
  if #st.queries > 0 then
    r.ok('highlight queries: ' .. table.concat(st.queries, ', '))
    if #st.queries > 1 then
      r.warn('several queries/wat/highlights.scm on the runtimepath (another plugin has a `wat` '
        .. 'grammar?); they must all match the loaded parser')
    end
  else
    r.warn('no queries/wat/highlights.scm on the runtimepath', { 'run :RelwatBuildParser' })
  end
end

return M
