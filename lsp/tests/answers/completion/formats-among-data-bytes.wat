;; Among data bytes, after `(@reloc `: the formats first, exactly `i32` and `i64`.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))

  (data $d (i32.const 0)
    (@sym $table_ptr (size 4)) "\00\00\00\00" (@reloc (;|;)))

  (func $twice (param $x i32) (result i32)
    (i32.shl (local.get $x) (i32.const 1))))
