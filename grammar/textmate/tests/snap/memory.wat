;; check: wat2obj --module
;; Threads, memory64, multi-memory, custom page sizes, bulk memory, reference-typed tables,
;; extended constants and wide arithmetic.
(module
  (memory $shared 1 2 shared)
  (memory $wide i64 1)
  (memory $tiny 0 100 (pagesize 1))
  (table $refs 4 externref)
  (table $funcs i64 2 funcref)
  (global $base i32 (i32.add (i32.const 16) (i32.mul (i32.const 2) (i32.const 8))))
  (data $seg "bulk")
  (elem $fns func $atomics)

  (func $atomics (param $p i32) (result i32)
    (drop (i32.atomic.rmw.add offset=4 (local.get $p) (i32.const 1)))
    (drop (i64.atomic.rmw32.cmpxchg_u (local.get $p) (i64.const 0) (i64.const 1)))
    (drop (memory.atomic.wait32 (local.get $p) (i32.const 0) (i64.const -1)))
    atomic.fence
    (memory.atomic.notify (local.get $p) (i32.const 1)))

  (func $memories (param $p i64)
    (i64.store $wide offset=0x1_0000_0000 (local.get $p) (i64.const 1))
    (drop (i32.load8_u $tiny (i32.const 0)))
    (drop (i32.load 0 offset=4 (i32.const 0)))
    (memory.copy $shared $tiny (i32.const 0) (i32.const 0) (i32.const 1))
    (memory.fill $wide (local.get $p) (i32.const 0) (i64.const 8))
    (memory.init $shared $seg (i32.const 0) (i32.const 0) (i32.const 4))
    (data.drop $seg)
    (drop (memory.grow $wide (i64.const 1))))

  (func $tables (param $r externref)
    (table.set $refs (i32.const 0) (local.get $r))
    (drop (table.grow $refs (ref.null extern) (i32.const 1)))
    (table.fill $refs (i32.const 0) (ref.null extern) (table.size $refs))
    (table.init $funcs $fns (i64.const 0) (i32.const 0) (i32.const 1))
    (elem.drop $fns)
    (drop (ref.is_null (table.get $refs (i32.const 0)))))

  (func $wide_arith (param i64 i64 i64 i64) (result i64 i64)
    (i64.add128 (local.get 0) (local.get 1) (local.get 2) (local.get 3))
    drop
    drop
    (i64.mul_wide_s (local.get 0) (local.get 1))))
