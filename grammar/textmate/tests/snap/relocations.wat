;; check: wat2obj
;; Relocation annotations after every kind of relocatable immediate in code, flat and folded, and
;; in data and custom sections, with every format, method, modifier and addend form.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table $ift 0 funcref))
  (import "env" "__memory_base" (global $__memory_base i32))
  (import "env" "__table_base" (global $__table_base i32))
  (import "env" "__tls_base" (global $__tls_base (mut i32)))
  (import "GOT.mem" "got_data" (global $got_data (mut i32)))
  (import "GOT.func" "callee" (global $got_callee (mut i32)))
  (import "env" "callee" (func $callee (param i32) (result i32)))
  (import "env" "thrown" (tag $thrown (param i32)))
  (type $unary (func (param i32) (result i32)))
  (table $local_table (@sym local) 1 funcref)

  (data $vars (@sym.segment (name ".data.vars") (align 4))
    (i32.const 0)
    (@sym $var (size 8)) "\01\00\00\00" (@sym.label $var_second) "\02\00\00\00")
  (data (@sym.segment (name ".tdata.tls_var") (align 4) tls)
    (i32.const 8)
    (@sym $tls_var (size 4)) "\00\00\00\00")

  (func $impl (@sym $alias) (param i32) (result i32) (local.get 0))

  (func $code (param $p i32) (result i32)
    ;; Constants: a data address and a function pointer (R_WASM_MEMORY_ADDR_SLEB, TABLE_INDEX_SLEB).
    (drop (i32.const 0 (@reloc data $var)))
    (drop (i32.const 0 (@reloc functable $callee)))
    (drop (i32.const 16 (@reloc data $var +4)))
    (drop (i32.const 0x10 (@reloc data $var -0x4)))
    ;; Position independent (with __memory_base / __table_base) and thread-local addresses.
    (drop (i32.add (global.get $__memory_base) (i32.const 0 (@reloc data pic $var))))
    (drop (i32.add (global.get $__table_base) (i32.const 0 (@reloc functable pic $callee))))
    (drop (i32.add (global.get $__tls_base) (i32.const 0 (@reloc data tls $tls_var))))
    ;; Memory offsets, flat: after `offset=N`, before `align=N`.
    i32.const 0
    i32.load offset=0 (@reloc $var)
    i32.const 0
    i32.load offset=4 (@reloc $var +4) align=4
    i32.add
    drop
    (@sym.label $mid)
    ;; Memory offsets, folded: right after the immediate, before the operands.
    (i32.store offset=0 (@reloc $var) (i32.const 0) (i32.const 42))
    (i64.store8 offset=0 (@reloc $var $var_second) (i32.const 0) (i64.const 7))
    ;; Indices: another symbol of the same entity, an entity by number, a GOT global explicitly.
    (drop (call $impl (@reloc $alias) (i32.const 1)))
    (drop (call $callee (@reloc 0) (i32.const 2)))
    (drop (global.get $got_data))
    (drop (global.get $got_callee (@reloc func $callee)))
    ;; A table index, and a table number (R_WASM_TABLE_NUMBER_LEB).
    (drop (call_indirect $ift (@reloc $ift) (type $unary) (i32.const 3) (i32.const 0)))
    (drop (table.get $local_table (@reloc $local_table) (i32.const 0)))
    ;; A tag in a try_table clause, and in throw.
    (block $handler (result i32)
      (try_table (catch $thrown (@reloc $thrown) $handler)
        (throw $thrown (@reloc $thrown) (local.get $p)))
      (i32.const 0)))

  ;; In data, a relocation covers the bytes right before it and gives its format.
  (data $ptrs (@sym.segment (name ".data.rel.ptrs") (align 4))
    (i32.const 16)
    (@sym $ptrs (size 24))
    "\00\00\00\00" (@reloc i32 data $var)
    "\00\00\00\00" (@reloc i32 data $var +4)
    "\00\00\00\00" (@reloc i32 data $var $var_second)
    "\00\00\00\00" (@reloc i32 data pic $var)
    "\00\00\00\00" (@reloc i32 functable $callee)
    "\00\00\00\00" (@reloc i32 functbl $impl))  ;; the proposal's spelling: a warning

  ;; In custom sections: function offsets (start of the body, or a label), section offsets,
  ;; indices.
  (@custom ".debug_str" "relwat\00" (@sym.label $name_label) "code\00")
  (@custom ".debug_info"
    "\00\00\00\00" (@reloc i32 functext $code)
    "\00\00\00\00" (@reloc i32 functext $code +2)
    "\00\00\00\00" (@reloc i32 functext $code $mid)
    "\00\00\00\00\00\00\00\00" (@reloc i64 functext $code)
    "\00\00\00\00" (@reloc i32 customtext ".debug_str")
    "\00\00\00\00" (@reloc i32 customtext ".debug_str" +7)
    "\00\00\00\00" (@reloc i32 customtext ".debug_str" $name_label)
    "\00\00\00\00" (@reloc i32 global $__tls_base)
    "\00\00\00\00" (@reloc i32 func $callee))
)
