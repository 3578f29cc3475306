;; Integer literals that are malformed or do not fit their type.
(module
  (func (result i32) i32.const 4294967296)
  (func (result i64) i64.const 0x1_0000_0000_0000_0000)
  (func (result i32) i32.const 12z)
  (func (result i32) i32.const 1__000)
  (memory 1)
  (func (result i32) i32.const 0 i32.load offset=0x1_0000_0000))
