;; Constructors: WAT functions with (init_prio N) run by __wasm_call_ctors (called by crt1's
;; _start), interleaved by priority with C constructors; equal priorities keep their order.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "c_record" (func $c_record (param i32)))

  (func $wat_ctor_early (@sym (init_prio 101))
    i32.const 101
    call $c_record)

  ;; priority 65535 is clang's default (`__attribute__((constructor))`)
  (func $wat_ctor_late (@sym (init_prio 65535))
    i32.const 65535
    call $c_record)

  (func $wat_ctor_mid (@sym (init_prio 200))
    i32.const 200
    call $c_record)

  ;; a local (static) constructor with the same priority as wat_ctor_mid: runs after it
  (func $wat_ctor_mid2 (@sym local (init_prio 200))
    i32.const 201
    call $c_record)
)
