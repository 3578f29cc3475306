;; D3: the layout annotation cannot change UNDEFINED, which the text decides.
(module (@relwat.layout (symbol-flags $f 0x10))
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (func $f))
