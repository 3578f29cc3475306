;; Position-independent code, linked into a PIE (wasm-ld -pie --experimental-pic) and run by
;; run-host.mjs --pie, which places the data at __memory_base = 1024 and the table slots at
;; __table_base = 3 and calls __wasm_apply_data_relocs.
;; - local addresses: __memory_base + MEMORY_ADDR_REL_SLEB, __table_base + TABLE_INDEX_REL_SLEB;
;; - other addresses through the GOT (decisions.md A11): imports from GOT.mem / GOT.func have no
;;   symbol of their own; global.get of them is GLOBAL_INDEX_LEB against the data or function
;;   symbol named by the field (c_value: declared with @sym.import.data; c_other: no declaration,
;;   so the GOT.mem import makes its undefined data symbol; c_twice: imported function;
;;   wat_square and wat_public: defined here);
;; - data: pointers (MEMORY_ADDR_I32, TABLE_INDEX_I32: dynamic relocations applied by
;;   __wasm_apply_data_relocs).
;; MEMORY_ADDR_LOCREL_I32 would belong here but wasm-ld-22 refuses it in a PIE ("invalid runtime
;; relocation type in data section: R_WASM_MEMORY_ADDR_LOCREL_I32"): the segments case has it.
(module
  (type $i2i (func (param i32) (result i32)))
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table $ift (@sym retain) 0 funcref))
  (import "env" "__memory_base" (global $memory_base i32))
  (import "env" "__table_base" (global $table_base i32))
  (import "env" "c_twice" (func $c_twice (type $i2i)))
  (@sym.import.data $c_value (name "c_value"))
  (import "GOT.func" "c_twice" (global $c_twice_got (mut i32)))
  (import "GOT.func" "wat_square" (global $wat_square_got (mut i32)))
  (import "GOT.mem" "c_value" (global $c_value_got (mut i32)))
  (import "GOT.mem" "c_other" (global $c_other_got (mut i32)))
  (import "GOT.mem" "wat_public" (global $wat_public_got (mut i32)))

  ;; int wat_square(int x)
  (func $wat_square (type $i2i)
    local.get 0
    local.get 0
    i32.mul)

  ;; static int wat_cube(int x)
  (func $wat_cube (@sym local) (type $i2i)
    local.get 0
    local.get 0
    i32.mul
    local.get 0
    i32.mul)

  ;; int *wat_local_addr(void): &wat_local
  (func $wat_local_addr (result i32)
    global.get $memory_base
    i32.const 0 (@reloc data pic $wat_local)
    i32.add)

  ;; int (*wat_cube_ptr(void))(int)
  (func $wat_cube_ptr (result i32)
    global.get $table_base
    i32.const 0 (@reloc functable pic $wat_cube)
    i32.add)

  ;; int (*wat_c_twice_ptr(void))(int)
  (func $wat_c_twice_ptr (result i32)
    global.get $c_twice_got)

  ;; int (*wat_square_ptr(void))(int)
  (func $wat_square_ptr (result i32)
    global.get $wat_square_got)

  ;; int *wat_c_value_addr(void)
  (func $wat_c_value_addr (result i32)
    global.get $c_value_got)

  ;; int *wat_c_other_addr(void)
  (func $wat_c_other_addr (result i32)
    global.get $c_other_got)

  ;; int *wat_public_addr(void)
  (func $wat_public_addr (result i32)
    global.get $wat_public_got)

  ;; int wat_call_ptr(int (*fp)(int), int x)
  (func $wat_call_ptr (param $fp i32) (param $x i32) (result i32)
    local.get $x
    local.get $fp
    call_indirect $ift (type $i2i))

  ;; static int wat_local = 7;
  (data $local (@sym.segment (name ".data.wat_local") (align 4))
    (i32.const 0)
    (@sym $wat_local local (size 4)) "\07\00\00\00")

  ;; int wat_public = 9;
  (data $public (@sym.segment (name ".data.wat_public") (align 4))
    (i32.const 4)
    (@sym $wat_public (size 4)) "\09\00\00\00")

  ;; void *const wat_ptrs[3] = { &wat_local, wat_cube, &c_value };
  (data $ptrs (@sym.segment (name ".data.wat_ptrs") (align 4))
    (i32.const 8)
    (@sym $wat_ptrs hidden (size 12))
    "\00\00\00\00" (@reloc i32 data $wat_local)
    "\00\00\00\00" (@reloc i32 functable $wat_cube)
    "\00\00\00\00" (@reloc i32 data $c_value))
)
