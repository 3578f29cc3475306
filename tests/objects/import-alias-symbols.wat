;; Extra symbols on imports (B2, B3): an undefined symbol stores a name of its own only with
;; EXPLICIT_NAME, which `(name ...)` sets; without it, the object names it by the import's field
;; (as the primary), with a warning: the format holds it, LLVM's tools reject the duplicate name.
(module
  (import "env" "foo" (func $foo (@sym $a) (@sym $b (name "bee")) (result i32)))
  (import "env" "g" (global $g (@sym $g_alias (name "g_alias")) i32))
  (func (export "f") (result i32)
    call $foo (@reloc $a)
    call $foo (@reloc $b)
    i32.add
    global.get $g (@reloc $g_alias)
    i32.add))
