;; Data segments with names, alignment and flags, several symbols per segment, data labels.
;; - .rodata.greeting: `strings retain`, align 4, two string symbols at offsets 0 and 6;
;; - .bss.zeros: wasm-ld's .bss (zero bytes only), three symbols;
;; - .data.pair: two symbols and an int without a symbol after the label $third;
;; - .data.ptrs: pointers into the others (MEMORY_ADDR_I32), one with a data label as addend;
;; - .rodata.rel: self-relative offsets (`i32 data pic`: MEMORY_ADDR_LOCREL_I32, value S + A - P),
;;   which wasm-ld-22 resolves in ordinary links (it refuses them in a PIE).
(module
  (import "env" "__linear_memory" (memory 1))

  (data $greeting (@sym.segment (name ".rodata.greeting") (align 4) strings retain)
    (i32.const 0)
    (@sym $greeting (size 6)) "hello\00"
    (@sym $farewell (size 8)) "goodbye\00")

  (data $zeros (@sym.segment (name ".bss.zeros") (align 8))
    (i32.const 16)
    (@sym $zero_a (size 8)) "\00\00\00\00\00\00\00\00"
    (@sym $zero_b (size 4)) "\00\00\00\00"
    (@sym $zero_c (size 4)) "\00\00\00\00")

  (data $pair (@sym.segment (name ".data.pair") (align 4))
    (i32.const 32)
    (@sym $pair_first (size 4)) "\01\00\00\00"
    (@sym $pair_second (size 4)) "\02\00\00\00"
    (@sym.label $third) "\03\00\00\00")

  ;; const void *ptrs[4] = { greeting, farewell, &pair_first + 2 (via the label), greeting + 2 };
  (data $ptrs (@sym.segment (name ".data.ptrs") (align 4))
    (i32.const 48)
    (@sym $ptrs (size 16))
    "\00\00\00\00" (@reloc i32 data $greeting)
    "\00\00\00\00" (@reloc i32 data $farewell)
    "\00\00\00\00" (@reloc i32 data $pair_first $third)
    "\00\00\00\00" (@reloc i32 data $greeting +2))

  ;; int wat_pair_sum(void): pair_first + pair_second + the int at $third
  (func $wat_pair_sum (result i32)
    i32.const 0
    i32.load offset=0 (@reloc $pair_first)
    i32.const 0
    i32.load offset=0 (@reloc $pair_second)
    i32.add
    i32.const 0
    i32.load offset=0 (@reloc $pair_first +8)
    i32.add)

  ;; void wat_bump_zero_b(int by): zero_b += by
  (func $wat_bump_zero_b (param $by i32)
    i32.const 0
    i32.const 0
    i32.load offset=0 (@reloc $zero_b)
    local.get $by
    i32.add
    i32.store offset=0 (@reloc $zero_b))

  ;; const char *wat_farewell(void)
  (func $wat_farewell (result i32)
    i32.const 0 (@reloc data $farewell))

  ;; const int rel[2] = { (char *)farewell - (char *)&rel[0], (char *)&pair_second + 4 - (char *)&rel[1] };
  (data $rel (@sym.segment (name ".rodata.rel") (align 4))
    (i32.const 64)
    (@sym $rel (size 8))
    "\00\00\00\00" (@reloc i32 data pic $farewell)
    "\00\00\00\00" (@reloc i32 data pic $pair_second +4))
)
