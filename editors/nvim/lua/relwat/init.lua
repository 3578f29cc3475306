-- relwat for Neovim: relwat-lsp, tree-sitter highlighting, and the wat2obj/obj2wat commands for
-- WebAssembly text with linking annotations. See :help relwat.
local config = require('relwat.config')

local M = {}

-- Configures the plugin (see :help relwat-setup) and starts the language server and
-- highlighting for `wat` buffers, including those already open. Can be called again.
function M.setup(opts)
  config.set(opts)
  M.help_tags()
  require('relwat.lsp').setup()
  require('relwat.treesitter').setup()
  M.did_setup = true
end

-- Generates the help tags of doc/relwat.txt when they are missing or older than it, so that
-- :help relwat works in a checkout added to the runtimepath by hand (plugin managers generate
-- them themselves). Quietly does nothing where doc/ cannot be written.
function M.help_tags()
  local doc = config.plugin_root .. '/doc'
  local tags = doc .. '/tags'
  if vim.fn.filewritable(doc) == 2 and vim.fn.getftime(tags) < vim.fn.getftime(doc .. '/relwat.txt') then
    pcall(vim.cmd, 'silent! helptags ' .. vim.fn.fnameescape(doc))
  end
end

-- The current options (defaults merged with those given to setup()).
function M.options()
  return config.get()
end

-- Assembles a file with wat2obj; see :RelwatAssemble.
function M.assemble(opts)
  return require('relwat.commands').assemble(opts)
end

-- Shows an object as WAT in a scratch buffer; see :RelwatShowObject.
function M.show_object(opts)
  return require('relwat.commands').show_object(opts)
end

-- Builds the tree-sitter parser; see :RelwatBuildParser.
function M.build_parser(opts)
  return require('relwat.treesitter').build(opts)
end

return M
