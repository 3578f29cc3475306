(func $js_sys.shared.answer (@sym) (@comdat "js_sys.shared.answer") (result i32)
  i32.const 42
)
