;; The module is never closed: the last function lacks its `)`, and so does the module.
(module
  (func $first (result i32)
    i32.const 1)
  (func $second (result i32)
    (i32.add
      (i32.const 2)
      (i32.const 3))
