;; Among data bytes, after `(@reloc i32 `: the methods that exist for i32 (functable, functext; no `tag`).
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))

  (data $d (i32.const 0)
    (@sym $table_ptr (size 4)) "\00\00\00\00" (@reloc i32 (;|;)))

  (func $twice (param $x i32) (result i32)
    (i32.shl (local.get $x) (i32.const 1))))
