;; Symbol annotations that break decisions.md B1-B10: sizes on functions, data symbols without a
;; size or past their segment, constructors with parameters, duplicate names, unknown comdats.
;; expect-errors: 6
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
