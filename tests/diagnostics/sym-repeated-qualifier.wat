;; Symbol annotations with a repeated qualifier, and two bindings at once.
(module
  (func $f (@sym hidden hidden) (result i32)
    i32.const 0)
  (func $g (@sym $g_alias local weak)
    nop)
  (global $gv (@sym (name "a") (name "b")) i32 (i32.const 0)))
