" Filetype plugin for WebAssembly text (relwat).
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal comments=s:(;,e:;),:;;
" Line comments, as relwat's own examples write them.
setlocal commentstring=;;\ %s
setlocal formatoptions-=t
" `$name` ids and `i32.const`-style mnemonics as words (for *, K, <cword>).
setlocal iskeyword+=$,.,/

let b:undo_ftplugin = 'setlocal comments< commentstring< formatoptions< iskeyword<'
