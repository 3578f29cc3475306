;; In an i64 data relocation after `(@reloc i64 data `: `pic` is offered, for type 27 R_WASM_MEMORY_ADDR_LOCREL_I64.
(module (import "env" "__linear_memory" (memory i64 1))
  (data (i64.const 0) (@sym $a (size 8)) "\00\00\00\00\00\00\00\00" (@reloc i64 data (;|;))))
