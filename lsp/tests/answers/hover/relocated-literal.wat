;; Hover on the literal of a relocated constant: the instruction and the relocation its immediate gets.
(module
  (import "env" "__linear_memory" (memory 1))
  (func $get (result i32)
    i32.const 0(;|;) (@reloc data $x +4)
    i32.load offset=8 (@reloc $x))
  (data (i32.const 0) (@sym $x (size 16)) "0123456789abcdef"))
