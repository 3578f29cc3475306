;; Hover on the id of `(@sym $counter ...)`: the data symbol it defines, with flags and size.
(module
  (import "env" "__linear_memory" (memory 1))

  (data $d (@sym.segment (name ".data.counter") (align 4))
    (i32.const 0)
    (@sym (;|;)$counter hidden (size 4)) "\01\00\00\00"))
