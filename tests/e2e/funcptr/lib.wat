;; Function pointers between WAT and C, both ways.
;; - wat_get_square returns a WAT function's address (TABLE_INDEX_SLEB) for C to call;
;; - wat_apply calls a C function pointer with call_indirect (TYPE_INDEX_LEB + TABLE_NUMBER_LEB);
;; - the table import is `retain` (NO_STRIP) because LLVM marks __indirect_function_table so;
;; - wat_ops is a table of three function pointers in data (TABLE_INDEX_I32), one of them to a C
;;   function, used by both C and WAT (wat_apply_op loads it through a relocated memarg offset).
(module
  (type $i2i (func (param i32) (result i32)))
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table $ift (@sym retain) 0 funcref))
  (import "env" "c_negate" (func $c_negate (type $i2i)))

  ;; int wat_square(int x)
  (func $wat_square (type $i2i)
    local.get 0
    local.get 0
    i32.mul)

  ;; int wat_double(int x)
  (func $wat_double (type $i2i)
    local.get 0
    i32.const 1
    i32.shl)

  ;; int (*wat_get_square(void))(int)
  (func $wat_get_square (result i32)
    i32.const 0 (@reloc functable $wat_square))

  ;; int wat_apply(int (*fp)(int), int x)
  (func $wat_apply (param $fp i32) (param $x i32) (result i32)
    local.get $x
    local.get $fp
    call_indirect $ift (type $i2i))

  ;; int wat_apply_op(int i, int x): wat_ops[i](x)
  (func $wat_apply_op (param $i i32) (param $x i32) (result i32)
    local.get $x
    local.get $i
    i32.const 2
    i32.shl
    i32.load offset=0 (@reloc $wat_ops)
    call_indirect $ift (type $i2i))

  ;; int (*const wat_ops[3])(int) = { wat_square, wat_double, c_negate };
  (data $ops (@sym.segment (name ".data.wat_ops") (align 4))
    (i32.const 0)
    (@sym $wat_ops (size 12))
    "\00\00\00\00" (@reloc i32 functable $wat_square)
    "\00\00\00\00" (@reloc i32 functable $wat_double)
    "\00\00\00\00" (@reloc i32 functable $c_negate))
)
