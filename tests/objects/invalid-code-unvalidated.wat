;; options: no-validate
;; D5: ... and encoded as written without validation (wat2obj --no-validate).
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (func (result i32) i32.add))
