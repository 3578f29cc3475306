-- *.wat is WebAssembly text: filetype `wat`. Neovim's own detection says `wast` (the spec test
-- script format), so the mapping is overridden rather than only added.
if vim.filetype and vim.filetype.add then
  -- Lua detection (default from 0.8; opt-in with g:do_filetype_lua in 0.7).
  vim.filetype.add({ extension = { wat = 'wat' } })
end
-- filetype.vim (0.7): its `setf wast` runs before this file's autocommands, so force the value.
vim.api.nvim_create_autocmd({ 'BufNewFile', 'BufRead' }, {
  group = vim.api.nvim_create_augroup('filetypedetect', { clear = false }),
  pattern = '*.wat',
  callback = function()
    if vim.bo.filetype ~= 'wat' then vim.bo.filetype = 'wat' end
  end,
})
