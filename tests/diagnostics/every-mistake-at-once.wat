;; expect-errors: 5
;; Independent mistakes, each in a stage of its own, all reported in one run: an unknown function
;; and a duplicate global id (resolution), an unknown data symbol in a relocation and a misspelt
;; relocation method (object rules; the second a warning with its fix), a type mismatch in one
;; function and a missing operand in another (validation). What follows from a mistake is not
;; reported again: the call to nothing gets no relocation and its function is not validated.
(module
  (import "env" "__linear_memory" (memory 1))
  (global $g i32 (i32.const 0))
  (global $g i32 (i32.const 1))
  (func $caller (result i32)
    (call $does_not_exist (i32.const 1)))
  (func $address (result i32)
    i32.const 0 (@reloc data $nowhere))
  (func $wrong_type (result i32)
    f32.const 1.5)
  (func $too_few (result i32)
    i32.add)
  (data (i32.const 0) (@sym $msg (size 4)) "abcd" "\00\00\00\00" (@reloc i32 functbl $caller)))
