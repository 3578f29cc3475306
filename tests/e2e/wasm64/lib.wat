;; memory64: 64-bit addresses and function pointers (linked with -mwasm64, run by node 20 with
;; --experimental-wasm-memory64; run-host.mjs turns the linked 64-bit table into a 32-bit one,
;; which node 20 needs, so function pointers are called from JS through host.call_i32).
;; - i64.const addresses (MEMORY_ADDR_SLEB64, TABLE_INDEX_SLEB64), memarg offsets on the 64-bit
;;   memory (MEMORY_ADDR_LEB64), 64-bit pointers in data (MEMORY_ADDR_I64, TABLE_INDEX_I64);
;; - thread-local data without shared memory: __tls_base (i64) + MEMORY_ADDR_TLS_SLEB64;
;; - a custom section with function offsets (FUNCTION_OFFSET_I64), one at a function label,
;;   checked by wasm64.mjs against the linked code section.
(module
  (import "env" "__linear_memory" (memory i64 1))
  ;; LLVM imports the (64-bit) function table as soon as a function's address is taken
  (import "env" "__indirect_function_table" (table $ift (@sym retain) i64 0 funcref))
  (import "env" "__tls_base" (global $tls_base (mut i64)))
  (@sym.import.data $c_long (name "c_long"))

  ;; int wat_square(int x)
  (func $wat_square (param i32) (result i32)
    local.get 0
    local.get 0
    (@sym.label $mul)
    i32.mul)

  ;; long *wat_g64_addr(void)
  (func $wat_g64_addr (result i64)
    i64.const 0 (@reloc data $wat_g64))

  ;; long wat_read_c_long(void): c_long[1]
  (func $wat_read_c_long (result i64)
    i64.const 0
    i64.load offset=0 (@reloc $c_long +8))

  ;; void wat_add_g64(long v): wat_g64 += v
  (func $wat_add_g64 (param $v i64)
    i64.const 0
    i64.const 0
    i64.load offset=0 (@reloc $wat_g64)
    local.get $v
    i64.add
    i64.store offset=0 (@reloc $wat_g64))

  ;; int (*wat_square_ptr(void))(int)
  (func $wat_square_ptr (result i64)
    i64.const 0 (@reloc functable $wat_square))

  ;; long *wat_tls_addr(void)
  (func $wat_tls_addr (result i64)
    global.get $tls_base
    i64.const 0 (@reloc data tls $wat_tls64)
    i64.add)

  ;; long wat_tls_bump(long by): wat_tls64 += by, the new value
  (func $wat_tls_bump (param $by i64) (result i64)
    (local $p i64)
    global.get $tls_base
    i64.const 0 (@reloc data tls $wat_tls64)
    i64.add
    local.tee $p
    local.get $p
    i64.load
    local.get $by
    i64.add
    i64.store
    local.get $p
    i64.load)

  ;; long wat_g64 = 5000000000;
  (data $g64 (@sym.segment (name ".data.wat_g64") (align 8))
    (i64.const 0)
    (@sym $wat_g64 (size 8)) "\00\f2\05\2a\01\00\00\00")

  ;; void *const wat_ptrs[3] = { &c_long[0], wat_square, &wat_g64 + 1 };
  (data $ptrs (@sym.segment (name ".data.wat_ptrs") (align 8))
    (i64.const 8)
    (@sym $wat_ptrs (size 24))
    "\00\00\00\00\00\00\00\00" (@reloc i64 data $c_long)
    "\00\00\00\00\00\00\00\00" (@reloc i64 functable $wat_square)
    "\00\00\00\00\00\00\00\00" (@reloc i64 data $wat_g64 +8))

  ;; _Thread_local long wat_tls64 = 37;
  (data $tls (@sym.segment (name ".tdata.wat_tls64") (align 8) tls)
    (i64.const 32)
    (@sym $wat_tls64 (size 8)) "\25\00\00\00\00\00\00\00")

  ;; the start of wat_square's body, and its i32.mul
  (@custom "wat.offsets"
    "\00\00\00\00\00\00\00\00" (@reloc i64 functext $wat_square)
    "\00\00\00\00\00\00\00\00" (@reloc i64 functext $wat_square $mul))
)
