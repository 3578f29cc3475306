;; wasm64 with PIC: __memory_base-relative addresses, GOT imports (no symbol of their own, the
;; relocation names the data symbol), 64-bit relocation types.
(module
  (import "env" "__linear_memory" (memory i64 1))
  (import "env" "__memory_base" (global $mb i64))
  (import "GOT.mem" "ext" (global $ext_got (mut i64)))
  (data (i64.const 0) (@sym $x (size 8)) "\00\00\00\00\00\00\00\00" (@reloc i64 data $x))
  (func $f (result i64)
    (i64.add (global.get $mb) (i64.const 0 (@reloc data pic $x))))
  (func $g (result i64) (i64.load offset=0 (@reloc $x +8) (global.get $ext_got)))
  (func $h (result i64) (i64.const 0 (@reloc functable $f))))
