;; D7: an element segment written inline in a table gets the element-segment warning.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (table funcref (elem $f))
  (func $f))
