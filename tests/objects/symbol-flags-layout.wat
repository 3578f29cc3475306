;; D3: symbol flags no annotation gives, set exactly by the layout annotation.
(module (@relwat.layout (symbol-flags $x 0x20) (symbol-flags func $f 0x82))
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (func $f)
  (data (@sym.segment (name ".tdata.t")) (i32.const 0) (@sym $x (size 1)) "\00"))
