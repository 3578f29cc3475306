;; Annotated constants and memory offsets in code, data symbols with flags and sizes, relocations
;; among data bytes, and segment info from (@sym.segment ...).
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (@sym.import.data $ext (name "ext_data"))
  (data (@sym.segment (name ".data.pair") (align 8) retain) (i32.const 0)
    (@sym $first (size 4)) "\00\00\00\00"
    (@sym $second hidden (size 4)) "\00\00\00\00" (@reloc i32 data $first +2)
    "\00\00\00\00" (@reloc i32 functable $f))
  (func $f (result i32)
    (i32.add (i32.const 0 (@reloc data $second))
             (i32.load offset=0 (@reloc $ext -4) (i32.const 0 (@reloc functable $f))))))
