;; One `)` too many, in the middle of the module.
(module
  (func $a (result i32)
    (i32.const 1)))
  (func $b (result i32)
    (i32.const 2)))
