;; Instruction mnemonics by prefix: `i32.ad` completes to `i32.add` only.
(module
  (func $main (export "main") (param $argc i32) (result i32)
    local.get $argc
    local.get $argc
    i32.ad(;|;)))
