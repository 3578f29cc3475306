(import "test_crate" "apply" (func $test_crate.import.apply (@sym (name "test_crate.import.apply")) (param i32 i32 i32) (result i32)))
(func $test_crate.apply (@sym) (param $fn i32) (param $data i32) (param $arg i32) (result i32)
  local.get $fn
  local.get $data
  local.get $arg
  call $test_crate.import.apply (@reloc)
)
