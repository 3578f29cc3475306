;; expect-errors: 3
;; Misspelt symbol and segment qualifiers get the qualifier they most likely mean.
(module
  (import "env" "__linear_memory" (memory 1))
  (func $ctor (@sym (init-prio 101)))
  (func $weakling (@sym waek))
  (data (@sym.segment (name ".data.x") (alig 4)) (i32.const 0) "\00"))
