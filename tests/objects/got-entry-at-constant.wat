;; D4: a GOT entry at a constant (GLOBAL_INDEX_LEB), for a data symbol and for a function.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (import "env" "ext" (func $ext))
  (func (result i32) (i32.add (i32.const 0 (@reloc leb global $d)) (i32.const 0 (@reloc leb global $ext))))
  (@sym.import.data $d (name "d")))
