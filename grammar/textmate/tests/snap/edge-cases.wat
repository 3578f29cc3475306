;; check: wat2obj
;; Edge cases for highlighters: annotations over several lines with comments inside, annotations
;; deep in folded instructions and between data strings, ids that look like keywords, quoted ids,
;; parens inside strings, empty annotations, and unknown annotations next to known ones.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table $ift 1 funcref))
  (table $t2 (@sym local) 1 funcref)
  (type $fn (func (result i32)))

  (data $"the data" (@sym.segment
      (name ".data.edge (parens) \"quoted\"")   ;; a name with parens and quotes
      (align 0x4))
    (i32.const 0)
    (@sym $"my sym" (size 4)) "\01\00\00\00" (@sym $weak (size 4)) "a)b(" (@sym.label $"la bel")
    (@sym $i32.add local (size 4)) "\00\00\00\00" (@reloc i32 data $"my sym" +0x1)
    (@sym
      $func       ;; the symbol's id, on its own line
      hidden      (; visibility ;)
      (size 4)
      (name "data"))
    "\00\00\00\00" (@reloc
      i32         ;; format
      data        ;; method
      $weak       ;; symbol
      $"la bel")) ;; label as addend

  (func $deep (@sym) (result i32)
    (i32.add
      (i32.add
        (i32.load offset=0x10 (@reloc $"my sym" +4)
          (i32.const 0 (@reloc data $i32.add)))
        (call_indirect (@reloc $ift) (type $fn) (i32.const 0 (@reloc functable $deep))))
      (i32.load
        offset=0
        (@note "an unknown annotation between an immediate and its relocation")
        (@reloc $func)
        (i32.const 0))))

  (func $multi (result i32)
    (table.copy $t2 (@reloc $t2) $t2 (@reloc $t2) (i32.const 0) (i32.const 0) (i32.const 0))
    call $deep (@reloc)
    i32.const 0 (@reloc
      data $weak
      +8)
    i32.add)
)
