;; Hover on `offset=8` of a relocated memory access: the instruction and its relocation.
(module
  (import "env" "__linear_memory" (memory 1))
  (func $get (result i32)
    i32.const 0
    i32.load off(;|;)set=8 (@reloc $x))
  (data (i32.const 0) (@sym $x (size 16)) "0123456789abcdef"))
