;; Hover on `call_indirect`: the type index and table number relocations it makes.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (type $unary (func (param i32) (result i32)))

  (func $twice (param $x i32) (result i32)
    (i32.shl (local.get $x) (i32.const 1)))

  (func $main (export "main") (param $argc i32) (result i32)
    (call_indirect(;|;) (type $unary) (i32.const 3) (i32.const 0 (@reloc functable $twice)))))
