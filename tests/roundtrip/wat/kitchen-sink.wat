;; Objects written by relwat itself must round-trip too. This one uses most of the text format:
;; GC types in rec groups, sub/final, every import kind, tags, globals, typed select, br_table,
;; block types by index, try_table and the legacy try/catch/delegate, SIMD, atomics, special
;; floats, passive data, declared elements, a start function, custom sections in many places,
;; and every kind of symbol annotation.
(module
  (rec
    (type $node (sub (struct (field $next (ref null $node)) (field $val (mut i32)))))
    (type $leaf (sub final $node (struct (field (ref null $node)) (field (mut i32)) (field i64)))))
  (type $bytes (array (mut i8)))
  (type $pair (func (param i32 i32) (result i32 i32)))
  (type $v (func))
  (import "env" "__linear_memory" (memory 1 2 shared))
  (import "env" "__indirect_function_table" (table $tab (@sym retain) 4 funcref))
  (import "env" "__stack_pointer" (global $sp (mut i32)))
  (import "env" "ext" (func $ext (@sym (name "ext_renamed")) (@sym $ext2 weak) (param i32) (result i32)))
  (import "host" "imported_tag" (tag $itag (param i32)))
  (import "env" "cfg" (global $cfg i64))
  (@sym.import.data $ext_data weak hidden (name "external_data"))
  (@sym.import.data $tls_ext tls)
  (@sym.import.data $abs (name "absolute_thing") (offset 4096) (size 16))
  (@comdat $cd "group_one")
  (tag $local_tag (@sym local) (param i64))
  (global $g (@sym hidden retain) (mut i32) (i32.const -7))
  (global $gf f64 (f64.const -0x1.8p+3))
  (global $gref (@sym local) (ref null $node) (ref.null $node))
  (func $start (@sym local (init_prio 65535)))
  (start $start)
  (func $pair_fn (@sym hidden (comdat $cd)) (type $pair) (param i32 i32) (result i32 i32)
    local.get 1
    local.get 0)
  (func $body (@sym $body_alias (name "body.alias") weak) (param $x i32) (result i32) (local i64 f32 f32 v128 (ref null $node))
    local.get $x
    i32.const 2
    block $outer (type $pair) (param i32 i32) (result i32 i32)
      call $pair_fn
    end
    drop
    drop
    block $a
      block $b
        local.get $x
        br_table 0 1 0 $b
      end
    end
    local.get $x
    local.get $x
    i32.const 1
    select (result i32)
    drop
    f32.const nan:0x123
    f32.const -inf
    f32.add
    local.set 2
    f64.const 0x1p-1074
    f64.const 1e300
    f64.mul
    drop
    v128.const i32x4 1 2 3 -1
    v128.const i64x2 0x7fffffffffffffff -0x8000000000000000
    i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31
    i32x4.extract_lane 3
    drop
    i32.const 0
    v128.load offset=16 (@reloc $ext_data +4) align=4
    local.set 4
    i32.const 0
    i32.const 5
    i32.atomic.rmw.add offset=0 (@reloc $ext_data)
    drop
    atomic.fence
    block $h (result i32)
      try_table (catch $itag $h)
        i32.const 3
        throw $itag
      end
      i32.const 0
    end
    drop
    block $h2
      try_table (catch_all $h2)
        call $start
      end
    end
    try
      call $start
    catch $itag
      drop
    catch_all
    end
    try
      nop
    delegate 0
    i32.const 7
    i32.const 0 (@reloc functable $pair_fn)
    table.get $tab
    drop
    struct.new_default $leaf
    ref.cast (ref null $node)
    local.set 5
    i32.const 16
    array.new_default $bytes
    array.len
    global.get $sp
    i32.add
    global.get $gf
    i32.trunc_sat_f64_s
    i32.add
    i32.const 0 (@reloc data tls $tls_ext)
    i32.add
    i32.const 12 (@reloc data $abs -2)
    i32.add
    i32.const 0 (@reloc data pic $ext_data)
    i32.add
    call $ext
    call $ext (@reloc $ext2)
    local.get $x
    call_indirect $tab (type $v) (param) (result)
    i64.const -1
    local.set 1
    return_call $ext)
  (elem declare func $body)
  (elem (i32.const 1) func $pair_fn $body)
  (elem (table $tab) (i32.const 3) funcref (item ref.func $start))
  (data (@sym.segment (name ".tdata.t") (align 8) tls) (i32.const 0)
    (@sym $t (size 8)) "\01\02\03\04\05\06\07\08")
  (data (@sym.segment (name ".rodata.s") strings) (i32.const 16)
    (@sym $s1 (size 3)) "ab\00" (@sym $s2 local (size 4) (comdat $cd)) "xyz\00")
  (data (@sym.segment (name ".data.p") (align 4) retain)
    (@sym $p (size 12) retain) "\00\00\00\00" (@reloc i32 data $s2 +1) "\00\00\00\00" (@reloc i32 functable $body)
    (@sym.label $here) "\00\00\00\00" (@reloc i32 data pic $s1))
  (export "body" (func $body))
  (export "g" (global $g))
  (export "the_tag" (tag $local_tag))
  (@custom "first" (before first) "at the start")
  (@custom "after.types" (after type) "\00\01")
  (@custom "before.code" (before code) "bc" (@comdat $cd))
  (@custom ".debug_like"
    "\00\00\00\00" (@reloc i32 functext $body +3)
    "\00\00\00\00" (@reloc i32 customtext "first" +2)
    "\00\00\00\00" (@reloc i32 global $sp)
    "\00\00\00\00" (@reloc i32 func $start))
  (@producers (language "WAT" "1") (processed-by "relwat" "0.1")))
