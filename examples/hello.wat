;; An annotated WebAssembly program that links with C.
;;
;;   wat2obj examples/hello.wat -o hello.o
;;   clang-22 --target=wasm32-wasi --sysroot=SYSROOT examples/hello.c hello.o -o hello.wasm
;;
;; It defines `greeting` (a string in data), `counter` (data the C side reads and writes),
;; `add` (called from C), `apply` (calls a C function pointer), `twice` (a function pointer handed
;; to C), and a constructor that runs before `main`. It calls C's `puts`.
(module
  ;; Objects import their memory and function table; wasm-ld provides both.
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))
  ;; int puts(const char *): an undefined function symbol `puts`.
  (import "env" "puts" (func $puts (param i32) (result i32)))

  (type $unary (func (param i32) (result i32)))

  ;; const char greeting[] = "hello from WAT": a data symbol in its own segment.
  (data (@sym.segment (name ".rodata.greeting") strings)
    (i32.const 0)
    (@sym $greeting (size 15)) "hello from WAT\00")

  ;; int counter = 1: a global data symbol, read and written by C.
  (data (@sym.segment (name ".data.counter") (align 4))
    (i32.const 16)
    (@sym $counter (size 4)) "\01\00\00\00")

  ;; int add(int a, int b)
  (func $add (param $a i32) (param $b i32) (result i32)
    (i32.add (local.get $a) (local.get $b)))

  ;; int twice(int x), local to this object: C gets it only as a function pointer.
  (func $twice (@sym local) (param $x i32) (result i32)
    (i32.shl (local.get $x) (i32.const 1)))

  ;; int (*get_twice(void))(int): the table index of `twice`, filled in by the linker.
  (func $get_twice (result i32)
    i32.const 0 (@reloc functable $twice))

  ;; int apply(int (*f)(int), int x): an indirect call through the shared table.
  (func $apply (param $f i32) (param $x i32) (result i32)
    (call_indirect (type $unary) (local.get $x) (local.get $f)))

  ;; void say_hello(void): puts(greeting), with the address of `greeting` relocated.
  (func $say_hello
    (drop (call $puts (i32.const 0 (@reloc data $greeting)))))

  ;; A constructor: wasm-ld calls it from `__wasm_call_ctors` before `main`.
  ;; counter = counter * 10, through memory offsets relocated against `counter`.
  (func $init (@sym local (init_prio 101))
    (i32.store offset=0 (@reloc $counter)
      (i32.const 0)
      (i32.mul (i32.load offset=0 (@reloc $counter) (i32.const 0)) (i32.const 10))))
)
