;; After `call ` (a space, nothing typed yet): the function ids, not the instructions.
(module
  (import "env" "puts" (func $puts (param i32) (result i32)))
  (func $twice (param $x i32) (result i32)
    (i32.shl (local.get $x) (i32.const 1)))
  (func $main (result i32)
    i32.const 2
    call (;|;)))
