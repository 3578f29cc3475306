;; Hover on a `functext` relocation in a custom section: R_WASM_FUNCTION_OFFSET_I32 to "main".
(module
  (import "env" "__linear_memory" (memory 1))

  (func $main (export "main") (param $argc i32) (result i32)
    (local $tmp i32)
    block $out
      local.get $argc
      br_if $out
      (@sym.label $here)
      i32.const 0
      local.set $tmp
    end
    local.get $tmp)

  (@custom ".debug_info"
    "\00\00\00\00" (@reloc i32 (;|;)functext $main $here)))
