;; memory64 and position-independent code, linked into a PIE (-mwasm64 -pie --experimental-pic)
;; and run by run-host.mjs --pie --wasm64 --table64-to-32 (__memory_base = 1024, __table_base = 3).
;; - __memory_base (i64) + MEMORY_ADDR_REL_SLEB64, __table_base (i64) + TABLE_INDEX_REL_SLEB64;
;; - GOT.mem import (i64) for C's c_value: GLOBAL_INDEX_LEB against its data symbol (clang-22 and
;;   llvm-mc-22 type this import i32 even in wasm64 objects: the harness does not compare it);
;; - 64-bit pointers in data (MEMORY_ADDR_I64, TABLE_INDEX_I64), applied at run time by
;;   __wasm_apply_data_relocs.
(module
  (import "env" "__linear_memory" (memory i64 1))
  (import "env" "__indirect_function_table" (table $ift (@sym retain) i64 0 funcref))
  (import "env" "__memory_base" (global $memory_base i64))
  (import "env" "__table_base" (global $table_base i64))
  (import "GOT.mem" "c_value" (global $c_value_got (mut i64)))

  ;; static int wat_cube(int x)
  (func $wat_cube (@sym local) (param i32) (result i32)
    local.get 0
    local.get 0
    i32.mul
    local.get 0
    i32.mul)

  ;; long *wat_local_addr(void): &wat_local
  (func $wat_local_addr (result i64)
    global.get $memory_base
    i64.const 0 (@reloc data pic $wat_local)
    i64.add)

  ;; int (*wat_cube_ptr(void))(int)
  (func $wat_cube_ptr (result i64)
    global.get $table_base
    i64.const 0 (@reloc functable pic $wat_cube)
    i64.add)

  ;; int *wat_c_value_addr(void)
  (func $wat_c_value_addr (result i64)
    global.get $c_value_got)

  ;; static long wat_local = 7000000000;
  (data $local (@sym.segment (name ".data.wat_local") (align 8))
    (i64.const 0)
    (@sym $wat_local local (size 8)) "\00\86\3b\a1\01\00\00\00")

  ;; void *const wat_ptrs[2] = { &wat_local, wat_cube };
  (data $ptrs (@sym.segment (name ".data.wat_ptrs") (align 8))
    (i64.const 8)
    (@sym $wat_ptrs (size 16))
    "\00\00\00\00\00\00\00\00" (@reloc i64 data $wat_local)
    "\00\00\00\00\00\00\00\00" (@reloc i64 functable $wat_cube))
)
