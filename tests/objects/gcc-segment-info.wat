;; GCC's spelling of segment info (D10): `(@sym qualifier*)` right after `data` and its id is read
;; as `(@sym.segment ...)`, with a warning; a data symbol among the strings is unchanged, and so is
;; a passive segment that starts with one.
(module
  (import "env" "memory" (memory 1))
  (data $rodata (@sym (align 1024) (name ".rodata.msg") strings) (i32.const 0)
    (@sym $msg (size 6)) "hello\00")
  (data (@sym (align 4) retain) (i32.const 8)
    (@sym $ptr local (size 4)) "\00\00\00\00" (@reloc i32 data $msg -2))
  (data (@sym $passive (size 1)) "p")
  (func (export "f") (result i32)
    i32.const 0 (@reloc data $ptr)))
