(import "test_crate" "greet" (func $test_crate.import.greet (@sym (name "test_crate.import.greet")) (param externref)))
(import "env" "js_sys.externref.get" (func $js_sys.externref.get (@sym) (param i32) (result externref)))
(func $test_crate.greet (@sym) (param $who i32)
  local.get $who
  call $js_sys.externref.get (@reloc)
  call $test_crate.import.greet (@reloc)
)
