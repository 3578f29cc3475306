;; A data segment's id names the segment in this text only: an active segment written with an id
;; and no `(@sym ...)` gets a warning with the annotation that defines the symbol C would use.
(module
  (import "env" "__linear_memory" (memory 1))
  (data $msg (i32.const 0) "hello" "\00")
  (data $with_symbol (i32.const 8) (@sym $greeting (size 3)) "hi\00")
  (data $passive "used by memory.init")
  (func $copy (memory.init $passive (i32.const 16) (i32.const 0) (i32.const 4))))
