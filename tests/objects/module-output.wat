;; options: module
;; A plain module (wat2obj --module): annotations are read but no linking data is written.
(module
  (import "env" "__linear_memory" (memory 1))
  (func $f (result i32) (i32.const 0 (@reloc data $x)))
  (data (i32.const 0) (@sym $x (size 4)) "\00\00\00\00"))
