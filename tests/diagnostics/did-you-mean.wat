;; expect-errors: 3
;; Misspelt ids get the id they most likely mean; an id like none gets no guess.
(module
  (import "env" "puts" (func $puts (param i32) (result i32)))
  (global $counter (mut i32) (i32.const 0))
  (func $greeting (result i32) (i32.const 1))
  (func $main (result i32)
    (call $greting)
    (global.set $countr (i32.const 2))
    (call $nothing_like_it)))
