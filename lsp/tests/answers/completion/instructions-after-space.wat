;; After an instruction that takes no index, nothing typed yet: instructions, as before.
(module
  (func $main (result i32)
    i32.const 1
    drop
    (;|;)))
