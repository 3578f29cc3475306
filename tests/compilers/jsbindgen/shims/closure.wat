(import "env" "__indirect_function_table" (table $js_sys.import.table (@sym) 0 funcref))
(type $closure (func (param i32 i32) (result i32)))
(func $js_sys.closure.call (@sym) (param $fn i32) (param $data i32) (param $arg i32) (result i32)
  local.get $data
  local.get $arg
  local.get $fn
  call_indirect (type $closure) (@reloc)
)
