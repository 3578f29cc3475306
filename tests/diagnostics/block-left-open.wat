;; expect-errors: 1
;; A flat block left open: validation reports it at the end of its own function, not at the
;; function after it.
(module
  (func $open
    block
      nop)
  (func $next (result i32)
    i32.const 1))
