;; After `(@sym ` in a function header: a function symbol's qualifiers ((init_prio N), hidden; no (size N)).
(module
  (func $twice (@sym (;|;)) (param $x i32) (result i32)
    (i32.shl (local.get $x) (i32.const 1))))
