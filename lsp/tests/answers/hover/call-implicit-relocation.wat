;; Hover on `call $puts`: the call's signature and the implicit relocation of the function index.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "puts" (func $puts (param i32) (result i32)))
  (@sym.import.data $errno (name "errno"))

  (func $inline_fn (result i32)
    (call(;|;) $puts (i32.const 0 (@reloc data $errno)))))
