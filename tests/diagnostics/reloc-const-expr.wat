;; Annotations in constant expressions: objects relocate code, data and custom sections only.
;; expect-errors: 3
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 1 funcref))
  (global $g i32 (i32.const 0 (@reloc data $x)))
  (global $h i64 (i64.const 0 (@reloc data $x)))
  (elem (i32.const 0 (@reloc functable $f)) func $f)
  (func $f)
  (data (i32.const 0) (@sym $x (size 4)) "\00\00\00\00"))
