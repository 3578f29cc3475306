;; The same id defined twice in one index space.
(module
  (func $f)
  (func $f (result i32) i32.const 1)
  (global $g i32 (i32.const 0))
  (global $g i64 (i64.const 0))
  (func (param $p i32) (local $p i64)))
