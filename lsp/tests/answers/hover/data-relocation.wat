;; Hover on a data relocation: type, symbol, flags, size, segment, addend, offset.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))

  (data $d (@sym.segment (name ".data.counter") (align 4))
    (i32.const 0)
    (@sym $counter hidden (size 4)) "\01\00\00\00"
    (@sym.label $after_counter)
    (@sym $table_ptr (size 4)) "\00\00\00\00" (@reloc i32 functable $twice)
    (@sym $pair (size 8)) "\00\00\00\00" (@reloc (;|;)i32 data $counter +4) "\00\00\00\00")

  (func $twice (param $x i32) (result i32)
    (i32.shl (local.get $x) (i32.const 1))))
