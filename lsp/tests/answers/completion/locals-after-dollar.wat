;; After `local.set $`: the parameters and locals of this function ($argc, $tmp; not $x of another function).
(module
  (func $twice (param $x i32) (result i32)
    (i32.shl (local.get $x) (i32.const 1)))

  (func $main (export "main") (param $argc i32) (result i32)
    (local $tmp i32)
    block $out
      local.get $argc
      br_if $out
      i32.const 0
      local.set $(;|;)
    end
    local.get $argc))
