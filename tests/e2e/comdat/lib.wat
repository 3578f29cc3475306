;; COMDATs shared with a C++ object (extra.cpp). lib.o comes before extra.o on the link line, so
;; wasm-ld keeps lib.o's members of each comdat and drops extra.o's:
;; - comdat "_Z13shared_inlinei" = the C++ inline function shared_inline(int) (here x + 100,
;;   there x + 1) and, only on this side, the data segment of shared_inline_msg;
;; - comdat "shared_counter" = the segment of the C++ inline variable shared_counter (1000 here,
;;   7 there);
;; - the custom section wat.comdat_note joins comdat "_Z13shared_inlinei" with a nested
;;   (@comdat $inline_fn) (decisions.md C2).
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table $ift (@sym retain) 0 funcref))

  (@comdat $inline_fn "_Z13shared_inlinei")
  (@comdat $counter "shared_counter")

  ;; int shared_inline(int x), weak as C++ inline functions are
  (func $_Z13shared_inlinei (@sym weak (comdat $inline_fn)) (param i32) (result i32)
    local.get 0
    i32.const 100
    i32.add)

  (data $msg (@sym.segment (name ".rodata._Z13shared_inlinei.msg") (align 1))
    (i32.const 0)
    (@sym $shared_inline_msg (size 9) (comdat $inline_fn)) "from WAT\00")

  (data $cnt (@sym.segment (name ".data.shared_counter") (align 4))
    (i32.const 16)
    (@sym $shared_counter weak (size 4) (comdat $counter)) "\e8\03\00\00")

  ;; int wat_call_shared(int x): shared_counter += 10; return shared_inline(x);
  (func $wat_call_shared (param i32) (result i32)
    i32.const 0
    i32.const 0
    i32.load offset=0 (@reloc $shared_counter)
    i32.const 10
    i32.add
    i32.store offset=0 (@reloc $shared_counter)
    local.get 0
    call $_Z13shared_inlinei)

  ;; int (*wat_shared_ptr(void))(int)
  (func $wat_shared_ptr (result i32)
    i32.const 0 (@reloc functable $_Z13shared_inlinei))

  (@custom "wat.comdat_note" (@comdat $inline_fn)
    "\00\00\00\00" (@reloc i32 func $_Z13shared_inlinei))
)
