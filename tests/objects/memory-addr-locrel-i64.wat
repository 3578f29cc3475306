;; D8: R_WASM_MEMORY_ADDR_LOCREL_I64 (type 27) is written, with a warning; obj2wat reads it.
(module
  (import "env" "__linear_memory" (memory i64 1))
  (data (i64.const 0) (@sym $a (size 8)) "\00\00\00\00\00\00\00\00" (@reloc i64 data pic $a +4)))
