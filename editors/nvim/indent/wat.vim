" Indentation for WebAssembly text (relwat): S-expressions, indented like Lisp.
if exists('b:did_indent')
  finish
endif
let b:did_indent = 1

setlocal indentexpr=lispindent(v:lnum)
setlocal noautoindent nosmartindent

let b:undo_indent = 'setlocal indentexpr< autoindent< smartindent<'
