;; An offset plus size beyond 64 bits: a warning, and the size written as given.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (data (i32.const 0) "ab" (@sym $x (size 18446744073709551615)) "cd"))
