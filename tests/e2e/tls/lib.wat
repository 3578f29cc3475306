;; Thread-local data with shared memory (wasm-ld --shared-memory): TLS segments (.tdata.*,
;; .tbss.*, flag `tls`), whose symbols are TLS; addresses are __tls_base + MEMORY_ADDR_TLS_SLEB.
;; c_tls is C's _Thread_local, an undefined TLS data symbol. Atomic read-modify-write on an
;; ordinary global relocates the atomic memarg (MEMORY_ADDR_LEB).
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__tls_base" (global $tls_base (mut i32)))
  (@sym.import.data $c_tls (name "c_tls") tls)

  ;; _Thread_local int wat_tls_counter = 5;
  (data $tdata (@sym.segment (name ".tdata.wat_tls_counter") (align 4) tls)
    (i32.const 0)
    (@sym $wat_tls_counter (size 4)) "\05\00\00\00")

  ;; _Thread_local long long wat_tls_zero[1];
  (data $tbss (@sym.segment (name ".tbss.wat_tls_zero") (align 8) tls)
    (i32.const 8)
    (@sym $wat_tls_zero (size 8)) "\00\00\00\00\00\00\00\00")

  ;; int wat_atomic_counter = 0;
  (data $atomic (@sym.segment (name ".bss.wat_atomic_counter") (align 4))
    (i32.const 16)
    (@sym $wat_atomic_counter (size 4)) "\00\00\00\00")

  ;; int *wat_tls_counter_addr(void)
  (func $wat_tls_counter_addr (result i32)
    global.get $tls_base
    i32.const 0 (@reloc data tls $wat_tls_counter)
    i32.add)

  ;; int wat_tls_bump(int by): wat_tls_counter += by, returns the new value
  (func $wat_tls_bump (param $by i32) (result i32)
    (local $p i32)
    global.get $tls_base
    i32.const 0 (@reloc data tls $wat_tls_counter)
    i32.add
    local.tee $p
    local.get $p
    i32.load
    local.get $by
    i32.add
    i32.store
    local.get $p
    i32.load)

  ;; long long *wat_tls_zero_addr(void)
  (func $wat_tls_zero_addr (result i32)
    global.get $tls_base
    i32.const 0 (@reloc data tls $wat_tls_zero)
    i32.add)

  ;; int wat_read_c_tls(void): C's thread-local c_tls
  (func $wat_read_c_tls (result i32)
    global.get $tls_base
    i32.const 0 (@reloc data tls $c_tls)
    i32.add
    i32.load)

  ;; int wat_atomic_add(int v): the old value of wat_atomic_counter
  (func $wat_atomic_add (param $v i32) (result i32)
    i32.const 0
    local.get $v
    i32.atomic.rmw.add offset=0 (@reloc $wat_atomic_counter))

  ;; int wat_atomic_get(void)
  (func $wat_atomic_get (result i32)
    i32.const 0
    i32.atomic.load offset=0 (@reloc $wat_atomic_counter))
)
