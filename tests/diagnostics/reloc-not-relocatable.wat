;; `(@reloc ...)` after immediates that are never relocated (labels, locals, segment and memory
;; indices) and before `offset=` instead of after it: each is reported where it stands, none is
;; dropped.
;; expect-errors: 6
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 1 funcref))
  (elem $e func)
  (func $f (param $p i32) (result i32)
    local.get $p (@reloc $x)
    (block $b (br $b (@reloc $x)))
    (drop (memory.size (@reloc $x)))
    (table.init $e (@reloc $x) (i32.const 0) (i32.const 0) (i32.const 0))
    (elem.drop $e (@reloc $x))
    (drop (i32.load (@reloc $x) offset=4 (i32.const 0)))
    i32.const 0)
  (data (i32.const 0) (@sym $x (size 4)) "\00\00\00\00"))
