;; A second table, defined in WAT, filled from C function pointers and called through.
;; Every table instruction carries TABLE_NUMBER_LEB: table.get on __indirect_function_table,
;; table.set/size/grow/fill on $slots, call_indirect through $slots.
;; ref.func $wat_neg (FUNCTION_INDEX_LEB) is valid after linking because $wat_neg also has its
;; address taken (TABLE_INDEX_SLEB), which gives it a slot in the linked function table.
(module
  (type $i2i (func (param i32) (result i32)))
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table $ift (@sym retain) 0 funcref))

  ;; the second table: symbol `slots`
  (table $slots 4 funcref)

  (elem declare func $wat_neg)

  ;; int wat_neg(int x)
  (func $wat_neg (type $i2i)
    i32.const 0
    local.get 0
    i32.sub)

  ;; int (*wat_neg_ptr(void))(int)
  (func $wat_neg_ptr (result i32)
    i32.const 0 (@reloc functable $wat_neg))

  ;; void wat_slot_set(int slot, int (*fp)(int)): slots[slot] = the function fp points to
  (func $wat_slot_set (param $slot i32) (param $fp i32)
    local.get $slot
    local.get $fp
    table.get $ift
    table.set $slots)

  ;; void wat_slot_set_neg(int slot): slots[slot] = wat_neg
  (func $wat_slot_set_neg (param $slot i32)
    local.get $slot
    ref.func $wat_neg
    table.set $slots)

  ;; int wat_slot_call(int slot, int x): slots[slot](x)
  (func $wat_slot_call (param $slot i32) (param $x i32) (result i32)
    local.get $x
    local.get $slot
    call_indirect $slots (type $i2i))

  ;; int wat_slot_count(void)
  (func $wat_slot_count (result i32)
    table.size $slots)

  ;; int wat_slot_grow(int n): the old size
  (func $wat_slot_grow (param $n i32) (result i32)
    ref.null func
    local.get $n
    table.grow $slots)

  ;; void wat_slot_clear(int from, int n)
  (func $wat_slot_clear (param $from i32) (param $n i32)
    local.get $from
    ref.null func
    local.get $n
    table.fill $slots)

  ;; int wat_slot_is_null(int slot)
  (func $wat_slot_is_null (param $slot i32) (result i32)
    local.get $slot
    table.get $slots
    ref.is_null)
)
