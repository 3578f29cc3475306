;; check: none (every line below is rejected by relwat: the grammar marks the mistakes)
;; Words that are not part of an annotation's syntax are invalid.illegal; `functbl` is deprecated.
(module
  (func $f (@sym $x exported no_strip) (@sym $y (priority 1)) (@sym weak weak))
  (func $g (result i32)
    i32.const 0 (@reloc data $x 4)          ;; an addend needs a sign
    i32.const 0 (@reloc i32 bogus $x)       ;; no such method
    i32.const 0 (@reloc data $x "str")      ;; nothing after the target but an addend or label
    i32.const 0 (@reloc functbl $f 1.5))
  (data (@sym.segment packed (align 4) (flags 3)) (i32.const 0) (@sym.label 3) "x")
  (@comdat 0 "needs an id")
  (@sym.import.data $d (size))
  (@relwat.layout (colour blue) (section-size huge) (symbol-order (funcs $f)) (@x))
  (@custom "x" (before nowhere) (placement) "y")
  (@) (@ x) (@"")
  (data (i32.const 0) "bad \q escape" "\u{}" "\4" "unterminated
  (func $h)
)
