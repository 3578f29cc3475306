;; Constructs an object cannot express because the linker has no relocation for them
;; (decisions.md A14), and the warnings for what wasm-ld drops (C5) or does not renumber (segment
;; indices in code, which llvm-mc writes: D0).
;; expect-errors: 1
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "g" (global $g i32))
  (global $copy i32 (global.get $g))
  (data $d (i32.const 0) "abc")
  (func $init (memory.init $d (i32.const 0) (i32.const 0) (i32.const 3)))
  (func $f)
  (elem declare func $f)
  (func $elem_use (ref.func $f) drop)
  (start $f)
  (func (data.drop $d)))
