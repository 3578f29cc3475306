;; After `(@` in a function body: the annotation names that fit there (@reloc, @sym.label); the range replaces the `@`.
(module
  (import "env" "__stack_pointer" (global $sp (mut i32)))

  (func $main (export "main") (param $argc i32) (result i32)
    global.get $sp
    (@(;|;))
    local.get $argc))
