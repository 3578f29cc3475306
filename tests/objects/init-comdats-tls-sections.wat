;; Init functions with priorities, a comdat with a function and a custom section, a TLS segment and
;; its relocation, relocations in debug sections (section offsets, function offsets, globals,
;; function indices); linking, reloc.* and target_features in LLVM's order.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (@comdat $c "inline_fn")
  (import "env" "__tls_base" (global $tls_base (mut i32)))
  (func $ctor_late (@sym local (init_prio 65535)))
  (func $ctor_early (@sym (init_prio 101)))
  (func $inline_fn (@sym weak (comdat $c)) (result i32) (i32.const 1))
  (data (@sym.segment (name ".tdata.v") (align 4) tls) (i32.const 0)
    (@sym $v (size 4)) "\05\00\00\00")
  (func $get_v (result i32)
    (i32.add (global.get $tls_base) (i32.const 0 (@reloc data tls $v))))
  (@custom ".debug_str" "abc\00" (@sym.label $second) "def\00")
  (@custom ".debug_info" (@comdat $c)
    "\00\00\00\00" (@reloc i32 customtext ".debug_str" $second)
    "\00\00\00\00" (@reloc i32 functext $get_v +1)
    "\00\00\00\00" (@reloc i32 global $tls_base)
    "\00\00\00\00" (@reloc i32 func $get_v)))
