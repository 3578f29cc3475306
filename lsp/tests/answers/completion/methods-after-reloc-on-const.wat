;; After `i32.const 0 (@reloc `: the methods that exist for an sleb immediate (data, functable; no `sleb` format).
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))

  (data $d (i32.const 0) (@sym $counter hidden (size 4)) "\01\00\00\00")

  (func $main (export "main") (result i32)
    i32.const 0 (@reloc (;|;))))
