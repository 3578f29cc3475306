;; (@reloc none) and (@sym none) leave an immediate minimal and unrelocated (with a warning when
;; written by hand); the table gets no symbol.
(module
  (import "env" "__indirect_function_table" (table (@sym none) 0 funcref))
  (type $t (func))
  (func $f (call_indirect 0 (@reloc none) (type $t) (i32.const 0))))
