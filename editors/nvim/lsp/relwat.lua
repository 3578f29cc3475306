-- Configuration of relwat-lsp for Neovim 0.11+ (`vim.lsp.enable('relwat')`), found on the
-- runtimepath. require('relwat').setup() layers the user's options over it.
return require('relwat.lsp').registry_defaults()
