;; Relocation annotations that name no relocation or break the object rules (decisions.md A1, A3,
;; A7, A10): each is reported at its annotation, with what to write instead.
;; expect-errors: 7
(module
  (import "env" "__linear_memory" (memory 1))
  (func $f (result i32) (i32.const 1))
  (data (i32.const 0) (@sym $buf (size 8))
    "\00\00\00\00" (@reloc i64 func $f)
    "\00\00\00\00" (@reloc i32 data tls $buf))
  (func (result i32)
    i32.const 0 (@reloc sleb data $buf))
  (func (result i32)
    i32.const 0 (@reloc data $f))
  (func (result i32)
    i32.const 0 (@reloc data $nowhere))
  (func (result i32)
    call $f (@reloc $f +4))
  (func (result i32)
    (i32.load offset=0 (@reloc data $buf) (i32.const 0))))
