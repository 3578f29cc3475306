;; Constructs the linker has no relocation for (decisions.md A14): warnings, as for what wasm-ld
;; drops (C5) or does not renumber (segment indices in code, which llvm-mc writes: D0); and an
;; annotation in a constant expression, which cannot be honoured: an error.
;; expect-errors: 1
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "g" (global $g i32))
  (global $copy i32 (global.get $g))
  (global $addr i32 (i32.const 0 (@reloc data $x)))
  (data $d (i32.const 0) (@sym $x (size 3)) "abc")
  (func $init (memory.init $d (i32.const 0) (i32.const 0) (i32.const 3)))
  (func $f)
  (elem declare func $f)
  (func $elem_use (ref.func $f) drop)
  (start $f)
  (func (data.drop $d)))
