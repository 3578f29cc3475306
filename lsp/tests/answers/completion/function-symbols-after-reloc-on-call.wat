;; After `call $twice (@reloc `: function symbols only ($twice_alias, $main; not the data symbol $counter).
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "puts" (func $puts (param i32) (result i32)))

  (data $d (i32.const 0) (@sym $counter hidden (size 4)) "\01\00\00\00")

  (func $twice (@sym local) (@sym $twice_alias (name "twice_public")) (param $x i32) (result i32)
    (i32.shl (local.get $x) (i32.const 1)))

  (func $main (export "main") (param $argc i32) (result i32)
    (call $twice (@reloc (;|;)) (local.get $argc))))
