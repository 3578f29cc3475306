;; rwat's text for wasm64 without a memory (decisions D12): the implied `env.__linear_memory` is
;; 64-bit because the code addresses memory with i64 (with a 32-bit memory it does not
;; validate), and the data relocation is R_WASM_MEMORY_ADDR_SLEB64.
(module
  (func $load (@sym) (param $p i64) (result i32)
    (i32.load offset=4 (local.get $p)))
  (func $addr (@sym) (result i64)
    i64.const 0 (@reloc data $x))
  (data (i64.const 0) (@sym $x (size 4)) "\2a\00\00\00"))
