;; D2: a data symbol past its segment's end is written with a warning.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (data (i32.const 0) (@sym $x (size 100)) "\00\00"))
