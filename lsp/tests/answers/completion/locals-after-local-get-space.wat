;; After `(local.get ` in a folded instruction, nothing typed yet: the function's parameters and locals.
(module
  (func $main (param $argc i32) (result i32)
    (local $tmp i32)
    (i32.add (local.get (;|;)) (i32.const 1))))
