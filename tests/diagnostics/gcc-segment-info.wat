;; GCC's spelling of segment info (D10): read as `(@sym.segment ...)` with a warning (and a quick
;; fix in the editor); a symbol qualifier there stays an error: segment info has none.
(module
  (import "env" "memory" (memory 1))
  (data (@sym (align 8) (name ".data.x")) (i32.const 0) (@sym $x (size 4)) "\00\00\00\00")
  (data (@sym (align 4) (size 4)) (i32.const 16) "q"))
