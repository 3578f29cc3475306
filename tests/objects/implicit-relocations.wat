;; Every index immediate gets its relocation without an annotation: globals, functions, types
;; (call_indirect, multi-value blocks), tables, tags; features follow from what is used.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (import "env" "ext" (func $ext (param i32)))
  (import "env" "__stack_pointer" (global $sp (mut i32)))
  (type $t (func (param i32)))
  (type $mv (func (result i32 i32)))
  (tag $e (param i32))
  (func $f (param i32)
    (call $ext (global.get $sp))
    (call_indirect (type $t) (i32.const 1) (i32.const 0))
    (drop (table.size 0))
    (block (type $mv) (i32.const 1) (i32.const 2)) drop drop
    (throw $e (i32.const 3))))
