;; Parses and resolves, but validation fails: the body leaves an i64 where an i32 is due.
(module
  (func (result i32)
    (i64.const 1)))
