(import "test_crate" "big" (func $test_crate.import.big (@sym (name "test_crate.import.big")) (param i32) (result i64 i64)))
(import "env" "js_sys.numeric.128" (func $js_sys.numeric.128 (@sym) (param i64 i64 i64)))
(func $test_crate.big (@sym) (param $out i64) (param $n i32)
  local.get $n
  call $test_crate.import.big (@reloc)
  local.get $out
  call $js_sys.numeric.128 (@reloc)
)
