;; A module that uses every kind of name the language server knows (used by its tests).
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (import "env" "puts" (func $puts (param i32) (result i32)))
  (import "env" "__stack_pointer" (global $sp (mut i32)))
  (@sym.import.data $errno (name "errno"))
  (type $unary (func (param i32) (result i32)))
  (@comdat $c "inline_fn")

  (data $d (@sym.segment (name ".data.counter") (align 4))
    (i32.const 0)
    (@sym $counter hidden (size 4)) "\01\00\00\00"
    (@sym.label $after_counter)
    (@sym $table_ptr (size 4)) "\00\00\00\00" (@reloc i32 functable $twice)
    (@sym $pair (size 8)) "\00\00\00\00" (@reloc i32 data $counter +4) "\00\00\00\00")

  (func $twice (@sym local) (@sym $twice_alias (name "twice_public")) (param $x i32) (result i32)
    (i32.shl (local.get $x) (i32.const 1)))

  (func $main (export "main") (param $argc i32) (result i32)
    (local $tmp i32)
    block $out
      local.get $argc
      br_if $out
      (@sym.label $here)
      i32.const 0 (@reloc data $counter +8)
      i32.load offset=0 (@reloc $counter)
      local.set $tmp
    end
    (drop (call $twice (@reloc $twice_alias) (local.get $tmp)))
    global.get $sp
    drop
    (call_indirect (type $unary) (i32.const 3) (i32.const 0 (@reloc functable $twice))))

  (func $inline_fn (@sym weak (comdat $c)) (result i32)
    (call $puts (i32.const 0 (@reloc data $errno))))

  (@custom ".debug_str" "abc\00" (@sym.label $s2) "def\00")
  (@custom ".debug_info"
    "\00\00\00\00" (@reloc i32 functext $main $here)
    "\00\00\00\00" (@reloc i32 customtext ".debug_str" $s2)))
