(import "test_crate" "fail" (func $test_crate.import.fail (@sym (name "test_crate.import.fail")) (param i32) (result i32)))
(import "env" "js_sys.error" (tag $js_sys.error (@sym) (param i32)))
(func $test_crate.fail (@sym) (param $n i32) (result i32)
  (block $caught (result i32)
    (try_table (result i32) (catch $js_sys.error $caught) (@reloc)
      local.get $n
      call $test_crate.import.fail (@reloc)
    )
    return
  )
  i32.const 1000
  i32.add
)
