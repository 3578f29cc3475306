;; Found by the lsp target: a second `(@sym $a ...)` with one id is an error, and must leave no
;; init-function entry behind (it named a symbol index that was never made, and the symbol-order
;; layout then indexed past the symbol table).
(module
  (@relwat.layout (symbol-order (func $f)))
  (func $f (@sym $a (init_prio 1)))
  (func $g (@sym $a (init_prio 2))))
