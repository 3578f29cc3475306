;; References to ids that are never defined: function, local, label, global and type.
(module
  (type $pair (func (param i32 i32)))
  (global $g (mut i32) (i32.const 0))
  (func $caller
    call $missing_func)
  (func $locals (param $x i32) (result i32)
    local.get $y)
  (func $labels
    (block $outer
      br $inner))
  (func $globals
    i32.const 1
    global.set $counter)
  (func $types (param i32)
    i32.const 0
    call_indirect (type $triple)))
