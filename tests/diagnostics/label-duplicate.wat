;; A `(@sym.label $l)` id is unique in its function, data segment or custom section (A8): a
;; second one is an error at the second, in each of the three places.
;; expect-errors: 3
(module
  (import "env" "__linear_memory" (memory 1))
  (func $f
    (@sym.label $here) nop
    (@sym.label $here) nop)
  (func $g
    (@sym.label $here) nop)
  (data (i32.const 0) (@sym.label $d) "\00" (@sym.label $d) "\00")
  (@custom ".debug_x" (@sym.label $c) "\00" (@sym.label $c) "\00"))
