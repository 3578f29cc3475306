;; A small program in annotated WebAssembly text: `wat2obj examples/hello.wat -o hello.o`.
;;
;; `greet` fills a buffer with a message and returns its length; `add` is called from C.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__stack_pointer" (global $sp (mut i32)))

  ;; The message, with a data symbol `message` of 14 bytes in segment `.rodata.message`.
  (data $msg (@sym.segment (name ".rodata.message") (align 1) strings)
    (i32.const 0)
    (@sym $message (name "message") (size 14)) "hello, world!\00")

  ;; int add(int a, int b)
  (func $add (@sym (name "add")) (param $a i32) (param $b i32) (result i32)
    (i32.add (local.get $a) (local.get $b)))

  ;; const char *greeting(void): the address of `message`, relocated by the linker.
  (func $greeting (result i32)
    i32.const 0 (@reloc data $message))
)
