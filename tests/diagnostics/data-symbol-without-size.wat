;; A data symbol without `(size N)` is one error: its uses are not reported again as unknown
;; symbols (the declaration is what to fix), in code and in data alike.
(module
  (import "env" "__linear_memory" (memory 1))
  (data (i32.const 0) (@sym $msg) "hello\00")
  (data (i32.const 8) (@sym $ptr (size 4)) "\00\00\00\00" (@reloc i32 data $msg))
  (@sym.import.data $abs (offset 16))
  (func (export "f") (result i32)
    i32.const 0 (@reloc data $msg)
    i32.const 0 (@reloc data $abs)
    i32.add
    i32.const 0 (@reloc data $nowhere)
    i32.add))
