;; Several independent errors in separate functions: every one must be reported, not only the
;; first (the parser recovers at the next function, names are resolved in the rest).
;; expect-errors: 5
(module
  (func $one (result i32)
    i32.const 1
    i32.frobnicate)
  (func $two (result i32)
    local.get $nope)
  (func $three (result i32)
    i32.const 99999999999)
  (func $four
    call $nowhere)
  (func $five (result i32)
    (i32.const)))
