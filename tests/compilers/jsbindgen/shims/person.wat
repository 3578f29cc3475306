(import "test_crate" "person" (func $test_crate.import.person (@sym (name "test_crate.import.person")) (param i32) (result externref)))
(import "env" "js_sys.externref.insert" (func $js_sys.externref.insert (@sym) (param externref) (result i32)))
(func $test_crate.person (@sym) (param $n i32) (result i32)
  local.get $n
  call $test_crate.import.person (@reloc)
  call $js_sys.externref.insert (@reloc)
)
