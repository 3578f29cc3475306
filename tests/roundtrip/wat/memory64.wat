;; memory64 and table64: 64-bit relocations in code and data, custom page sizes are not allowed in
;; objects' imported memories by wasm-ld, but the text carries them.
(module
  (import "env" "__linear_memory" (memory i64 1 (pagesize 65536)))
  (import "env" "__indirect_function_table" (table i64 2 funcref))
  (import "env" "__stack_pointer" (global $sp (mut i64)))
  (import "env" "__tls_base" (global $tb (mut i64)))
  (@sym.import.data $ext)
  (func $f (param i64) (result i64)
    local.get 0
    i64.const 8 (@reloc data $x +8)
    i64.add
    i64.load offset=0 (@reloc $x)
    i64.const 0 (@reloc functable $g)
    i64.add
    global.get $tb
    i64.const 0 (@reloc data tls $t)
    i64.add
    i64.load offset=4 (@reloc $ext -4)
    i64.add)
  (func $g (result i64)
    global.get $sp
    i64.const 0 (@reloc data pic $x)
    i64.add
    i64.const 0 (@reloc functable pic $f)
    i64.add)
  (data (@sym.segment (name ".data.x") (align 8)) (i64.const 0)
    (@sym $x (size 16)) "\00\00\00\00\00\00\00\00" (@reloc i64 data $x +4)
    "\00\00\00\00\00\00\00\00" (@reloc i64 functable $g))
  (data (@sym.segment (name ".tbss.t") tls) (i64.const 16) (@sym $t (size 8)) "\00\00\00\00\00\00\00\00")
  (@custom ".debug_info" "\00\00\00\00\00\00\00\00" (@reloc i64 functext $g +1)))
