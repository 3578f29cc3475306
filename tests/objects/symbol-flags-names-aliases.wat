;; Symbol flags, explicit names, exports (no_strip), anonymous local symbols, aliases (a second
;; symbol for one function) and a relocation against an alias.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (@sym (name "__wasi_proc_exit")) (param i32)))
  (func $w (@sym weak hidden))
  (func $l (@sym local retain))
  (func $x (export "exported"))
  (func (@sym $alias (name "alias_name")))
  (func $a (@sym $b weak))
  (global $g (@sym local) i32 (i32.const 0))
  (func $user (call $a (@reloc $b))))
