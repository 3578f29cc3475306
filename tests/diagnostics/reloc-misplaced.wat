;; `(@reloc ...)` after instructions that have no relocatable immediate.
(module
  (import "env" "__linear_memory" (memory 1))
  (func $f (result i32)
    i32.const 1
    i32.const 2
    i32.add (@reloc data $x)
    drop
    (@reloc func $f)
    i32.const 0))
