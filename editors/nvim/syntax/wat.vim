" Regex highlighting for WebAssembly text (relwat), used when the tree-sitter parser is not built:
" Neovim's `wast` syntax plus the annotations (`(@reloc ...)`, `(@sym ...)`, ...).
if exists('b:current_syntax')
  finish
endif
" Tree-sitter highlights this buffer: the syntax FileType autocommand may run after the plugin's,
" and regex groups would paint over tree-sitter's.
if has('nvim') && luaeval("package.loaded['relwat.treesitter'] ~= nil and require('relwat.treesitter').is_active(_A)", bufnr('%'))
  finish
endif

runtime! syntax/wast.vim
unlet! b:current_syntax

syn match watAnnotation "\%((\s*\)\@<=@[[:alnum:]_.]\+" contained display
syn cluster wastCluster add=watAnnotation
hi def link watAnnotation PreProc

let b:current_syntax = 'wat'
