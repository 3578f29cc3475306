;; check: wat2obj
;; memory64: 64-bit formats are fixed by position (leb64 offsets, sleb64 constants) and written
;; in data (i64).
(module
  (import "env" "__linear_memory" (memory i64 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (import "env" "__memory_base" (global $__memory_base i64))
  (data (@sym.segment (name ".data.big") (align 8))
    (i64.const 0)
    (@sym $big (size 16)) "\00\00\00\00\00\00\00\00" (@reloc i64 data $big +8)
    "\00\00\00\00\00\00\00\00" (@reloc i64 functable $get))
  (func $get (result i64)
    (i64.load offset=0 (@reloc $big +8) (i64.const 0 (@reloc data $big))))
  (func $pic (result i64)
    (i64.add (global.get $__memory_base) (i64.const 0 (@reloc data pic $big -8))))
  (func $fp (result i64)
    i64.const 0 (@reloc functable $get))
)
