-- Commands of the relwat plugin. They work without setup() (with the default options); setup()
-- adds the language server and tree-sitter highlighting.
if vim.g.loaded_relwat then return end
vim.g.loaded_relwat = true

local cmd = vim.api.nvim_create_user_command

cmd('RelwatAssemble', function(a)
  require('relwat.commands').assemble_command(a.fargs)
end, { nargs = '*', complete = 'file', desc = 'Assemble to object (wat2obj)' })

-- Completes directories and .o files.
local function complete_objects(arglead)
  return vim.tbl_filter(function(f)
    return f:sub(-1) == '/' or f:match('%.o$') ~= nil
  end, vim.fn.getcompletion(arglead, 'file'))
end

cmd('RelwatShowObject', function(a)
  require('relwat.commands').show_object_command(a.fargs)
end, { nargs = '?', complete = complete_objects, desc = 'Show object as WAT (obj2wat)' })

cmd('RelwatBuildParser', function(a)
  require('relwat.treesitter').build({ sync = a.bang })
end, { nargs = 0, bang = true, desc = 'Build the tree-sitter parser for WAT' })
