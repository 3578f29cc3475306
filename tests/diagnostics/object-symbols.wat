;; Symbol annotations that break decisions.md B1-B10: sizes on functions, data symbols without a
;; size, unknown comdats; and what the format holds but wasm-ld refuses or does not expect, which
;; are warnings (D0-D2): a constructor with parameters, two symbols with one name, a data symbol
;; past its segment.
;; expect-errors: 3
(module
  (import "env" "__linear_memory" (memory 1))
  (func $f (@sym (size 4)))
  (func $ctor (@sym (init_prio 101)) (param i32))
  (func $dup (@sym (name "same")))
  (global $g (@sym (name "same")) i32 (i32.const 0))
  (func $in_comdat (@sym (comdat $nope)))
  (data (i32.const 0)
    (@sym $nosize) "\00\00"
    (@sym $toolong (size 8)) "\00\00\00\00"))
