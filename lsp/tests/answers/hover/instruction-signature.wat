;; Hover on an instruction's mnemonic: its signature, `i32.shl : [i32 i32] → [i32]`.
(module
  (func $twice (param $x i32) (result i32)
    (i32.shl(;|;) (local.get $x) (i32.const 1))))
