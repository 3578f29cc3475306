;; B1: a definition without an id but with a name is an ordinary (global) symbol.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (func (@sym (name "first"))))
