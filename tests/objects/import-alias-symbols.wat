;; Extra symbols on imports (B2, B3): named after their ids, which an undefined symbol stores only
;; with EXPLICIT_NAME (without it, it would take the import's field and duplicate the primary's
;; name); `(name ...)` names one otherwise; one named like the field needs no flag.
(module
  (import "env" "foo" (func $foo (@sym $a) (@sym $b (name "bee")) (result i32)))
  (import "env" "g" (global $g (@sym $g_alias) i32))
  (func (export "f") (result i32)
    call $foo (@reloc $a)
    call $foo (@reloc $b)
    i32.add
    global.get $g (@reloc $g_alias)
    i32.add))
