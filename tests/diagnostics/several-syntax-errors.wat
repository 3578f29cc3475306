;; Syntax errors in three fields (an unknown value type, a bad literal, a limit too many) and an
;; unknown field keyword: recovery continues after each.
;; expect-errors: 4
(module
  (func $a (param i32 i33) (result i32)
    local.get 0)
  (funk $b)
  (global $c i32 (i32.const 0x))
  (func $d (result i32)
    (i32.const 1) (i32.const 2) i32.sub)
  (memory 1 2 3))
