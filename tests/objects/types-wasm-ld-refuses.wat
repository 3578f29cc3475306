;; D9: types wasm-ld 22 refuses or mislinks, each with a warning at the type.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (type $s (struct (field i32)))
  (func (param anyref))
  (global (mut funcref) (ref.null func)))
