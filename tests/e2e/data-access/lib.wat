;; Data both ways: C globals read and written from WAT, WAT data read and written from C.
;; - c_counter and c_array are C's: undefined data symbols from (@sym.import.data ...);
;; - addresses in code: i32.const (MEMORY_ADDR_SLEB) and memarg offsets with addends
;;   (MEMORY_ADDR_LEB), also on an f64.load;
;; - addresses in data: wat_ptrs holds &c_counter, &c_array[3] and &wat_value (MEMORY_ADDR_I32).
(module
  (import "env" "__linear_memory" (memory 1))
  (@sym.import.data $c_counter (name "c_counter"))
  (@sym.import.data $c_array (name "c_array"))

  ;; void wat_bump(int by): c_counter += by
  (func $wat_bump (param $by i32)
    i32.const 0 (@reloc data $c_counter)
    i32.const 0 (@reloc data $c_counter)
    i32.load
    local.get $by
    i32.add
    i32.store)

  ;; int *wat_counter_addr(void): &c_counter
  (func $wat_counter_addr (result i32)
    i32.const 0 (@reloc data $c_counter))

  ;; int wat_array_second(void): c_array[1]
  (func $wat_array_second (result i32)
    i32.const 0
    i32.load offset=0 (@reloc $c_array +4))

  ;; void wat_set_third(int v): c_array[2] = v
  (func $wat_set_third (param $v i32)
    i32.const 0
    local.get $v
    i32.store offset=0 (@reloc $c_array +8))

  ;; double wat_scaled(double x): x * wat_scale
  (func $wat_scaled (param $x f64) (result f64)
    local.get $x
    i32.const 0
    f64.load offset=0 (@reloc $wat_scale)
    f64.mul)

  ;; int wat_value = 42;
  (data $value (@sym.segment (name ".data.wat_value") (align 4))
    (i32.const 0)
    (@sym $wat_value (size 4)) "\2a\00\00\00")

  ;; const double wat_scale = 2.5;
  (data $scale (@sym.segment (name ".rodata.wat_scale") (align 8))
    (i32.const 8)
    (@sym $wat_scale (size 8)) "\00\00\00\00\00\00\04\40")

  ;; int *const wat_ptrs[3] = { &c_counter, &c_array[3], &wat_value };
  (data $ptrs (@sym.segment (name ".data.wat_ptrs") (align 4))
    (i32.const 16)
    (@sym $wat_ptrs (size 12))
    "\00\00\00\00" (@reloc i32 data $c_counter)
    "\00\00\00\00" (@reloc i32 data $c_array +12)
    "\00\00\00\00" (@reloc i32 data $wat_value))
)
