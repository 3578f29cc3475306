(import "js_sys" "externref.table" (table $js_sys.import.externref.table (@sym (name "js_sys.externref.table")) 2 externref))
(import "env" "js_sys.externref.next" (func $js_sys.externref.next (@sym) (result i32)))
(func $js_sys.externref.insert (@sym) (param $value externref) (result i32)
  (local $index i32)
  call $js_sys.externref.next (@reloc)
  local.tee $index
  local.get $value
  table.set $js_sys.import.externref.table (@reloc)
  local.get $index
)
(func $js_sys.externref.get (@sym) (param $index i32) (result externref)
  local.get $index
  table.get $js_sys.import.externref.table (@reloc)
)
(func $js_sys.externref.remove (@sym) (param $index i32)
  local.get $index
  ref.null extern
  table.set $js_sys.import.externref.table (@reloc)
)
