;; check: wat2obj
;; (@relwat.layout ...), as obj2wat prints it for the byte-level choices of an object: every
;; option, every kind in (symbol-order ...), and (init-order ...).
(module
  (@relwat.layout
    (section-size padded)        ;; every section size as a 5-byte LEB, as LLVM writes them
    (datacount always)
    (target-features none)
    (symbol-order
      (func $second_ctor)
      (data $value)
      (global $sp)
      (table $ift)
      (tag $err)
      (section ".debug_str")
      (func $first_ctor 3))
    (init-order $second_ctor $first_ctor))
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__stack_pointer" (global $sp (mut i32)))
  (import "env" "__indirect_function_table" (table $ift 0 funcref))
  (import "env" "err" (tag $err (param i32)))
  (func $first_ctor (@sym local (init_prio 100)))
  (func $second_ctor (@sym local (init_prio 100)))
  (func $helper (result i32) (global.get $sp))
  (func $user (result i32) (call $helper))
  (data (@sym.segment (name ".data.value") (align 4))
    (i32.const 0)
    (@sym $value (size 4)) "\01\00\00\00")
  (@custom ".debug_str" "relwat\00")
  (@custom ".debug_info" "\00\00\00\00" (@reloc i32 customtext ".debug_str"))
  (@producers (processed-by "relwat" "0.1.0")))
