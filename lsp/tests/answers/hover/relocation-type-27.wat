;; Hover on `(@reloc i64 data pic ...)` in 64-bit memory: relocation type 27, R_WASM_MEMORY_ADDR_LOCREL_I64.
(module (import "env" "__linear_memory" (memory i64 1))
  (data (i64.const 0) (@sym $a (size 8)) "\00\00\00\00\00\00\00\00" (@reloc (;|;)i64 data pic $a +4)))
