-- A minimal user configuration, as the README shows it: the plugin on the runtimepath and setup().
-- Used by tests/run as `nvim -u editors/nvim/tests/init.lua` from the repository root.
vim.opt.runtimepath:append(vim.fn.getcwd() .. '/editors/nvim')

-- Records on_attach calls for the test (a user would map keys here).
_G.relwat_attached = {}

require('relwat').setup({
  cmd = { os.getenv('RELWAT_LSP') or 'relwat-lsp' },
  wat2obj = os.getenv('RELWAT_WAT2OBJ') or 'wat2obj',
  obj2wat = os.getenv('RELWAT_OBJ2WAT') or 'obj2wat',
  build_dir = os.getenv('RELWAT_BUILD_DIR'),
  capabilities = { workspace = { configuration = true } },
  on_attach = function(client, buf)
    table.insert(_G.relwat_attached, { name = client.name, buf = buf })
  end,
})
