;; D1: repeated init entries, an imported init function and one with parameters (a warning) are
;; all written.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (import "env" "i" (func $i (@sym (init_prio 7))))
  (func $c (@sym (init_prio 101) (init_prio 5)))
  (func $p (@sym (init_prio 9)) (param i32)))
