;; D5: a text that does not validate is an error ...
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (func (result i32) i32.add))
