;; check: wat2obj
;; An object printed by obj2wat (tests/roundtrip/src/mvp.c, clang-22 -O1 -mcpu=mvp): the layout
;; annotation, a table without a symbol, an unrelocated call_indirect table index.
(module
  (@relwat.layout
    (section-size padded)
    (datacount always)
    (target-features none)
    (symbol-order
      (func $apply)
      (data $ops)
      (func $__original_main)
      (global $__stack_pointer)
      (data $text $.L.str)
      (func $printf $inc $neg $main)))
  (type $i32_i32->i32 (func (param i32 i32) (result i32)))
  (type $i32->i32 (func (param i32) (result i32)))
  (type $void->i32 (func (result i32)))
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__stack_pointer" (global $__stack_pointer (mut i32)))
  (import "env" "printf" (func $printf (type $i32_i32->i32) (param i32 i32) (result i32)))
  (import "env" "__indirect_function_table" (table $__indirect_function_table (@sym none) 2 funcref))
  (func $apply (@sym hidden) (type $i32_i32->i32) (param i32 i32) (result i32)
    local.get 1
    local.get 0
    i32.const 1
    i32.and
    i32.const 2
    i32.shl
    i32.load offset=0 (@reloc $ops)
    call_indirect $__indirect_function_table (@reloc none) (type $i32->i32))
  (func $__original_main (@sym hidden) (@sym $__main_void hidden) (type $void->i32) (result i32)
    (local i32 i32 i32)
    global.get $__stack_pointer
    i32.const 16
    i32.sub
    local.tee 0
    global.set $__stack_pointer
    i32.const 0
    local.set 1
    loop
      local.get 1
      local.tee 1
      i32.const 16 (@reloc data $text)
      i32.add
      local.get 1
      local.get 1
      i32.const 26
      i32.div_u
      i32.const -26
      i32.mul
      i32.add
      i32.const 97
      i32.add
      i32.store8
      local.get 1
      i32.const 1
      i32.add
      local.tee 2
      local.set 1
      local.get 2
      i32.const 63
      i32.ne
      br_if 0
    end
    local.get 0
    i32.const 19 (@reloc data $text +3)
    i32.store offset=8
    local.get 0
    i64.const -21474836438
    i64.store
    i32.const 80 (@reloc data $.L.str)
    local.get 0
    call $printf
    drop
    local.get 0
    i32.const 16
    i32.add
    global.set $__stack_pointer
    i32.const 0)
  (func $inc (@sym local) (type $i32->i32) (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add)
  (func $neg (@sym local) (type $i32->i32) (param i32) (result i32)
    i32.const 0
    local.get 0
    i32.sub)
  (func $main (@sym hidden) (type $i32_i32->i32) (param i32 i32) (result i32)
    call $__original_main)
  (data $.rodata.ops (@sym.segment (name ".rodata.ops") (align 4)) (offset i32.const 0)
    (@sym $ops local (size 8)) "\01\00\00\00" (@reloc i32 functable $inc) "\02\00\00\00"
    (@reloc i32 functable $neg))
  (data $.bss.text (@sym.segment (name ".bss.text") (align 16)) (offset i32.const 16)
    (@sym $text local (size 64))
    "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00"
    "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00")
  (data $.rodata..L.str (@sym.segment (name ".rodata..L.str") strings) (offset i32.const 80)
    (@sym $.L.str local (size 13)) "%d %d %.10s\0a\00")
  (elem (offset i32.const 1) func $inc $neg)
  (@producers (processed-by "Debian clang" "22.1.8 (1~deb12u1)")))
