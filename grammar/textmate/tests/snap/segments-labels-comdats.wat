;; check: wat2obj
;; Data segment annotations (every qualifier), labels in code, data and custom sections, and
;; comdats: declared at module level, joined by symbols and by a custom section.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table 0 funcref))

  (@comdat $inline "_Z6inlinev")
  (@comdat $var_group "shared_var")

  (data $greeting (@sym.segment (name ".rodata.greeting") strings (align 1))
    (i32.const 0)
    (@sym $hello (size 6)) "hello\00"
    (@sym $bye (size 4)) "bye\00")
  (data $zeros (@sym.segment (align 16) (name ".bss.zeros"))
    (i32.const 16)
    (@sym $zeros (size 16)) "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00")
  (data (@sym.segment (name ".rodata.kept") retain)
    (i32.const 32)
    (@sym $kept local (size 5)) "kept\00")
  (data (@sym.segment (name ".tbss.tls") (align 4) tls)
    (i32.const 40)
    (@sym $tls_zero (size 4)) "\00\00\00\00")
  (data $shared (@sym.segment (name ".data.shared_var") (align 4))
    (i32.const 48)
    (@sym $shared_var weak (size 8) (comdat $var_group)) "\01\00\00\00"
    (@sym.label $shared_tail) "\02\00\00\00")
  ;; A segment without a segment annotation: name "" and alignment 1.
  (data (i32.const 56) (@sym $plain (size 2)) "\07\08")
  ;; Passive segments carry no symbols; they may have a segment annotation.
  (data $passive (@sym.segment (name ".data.passive")) "passive bytes")

  (func $_Z6inlinev (@sym weak hidden (comdat $inline)) (result i32)
    i32.const 1
    (@sym.label $before_add)
    i32.const 2
    i32.add
    (@sym.label $at_end))

  (func $read_tail (result i32)
    (i32.load offset=0 (@reloc $shared_var $shared_tail) (i32.const 0)))

  ;; A custom section joins a comdat with a nested (@comdat $c); labels mark places in it.
  (@custom ".debug_line.inline" (@comdat $inline)
    "\00\00\00\00" (@reloc i32 functext $_Z6inlinev $before_add)
    (@sym.label $line_end) "\00")
  (@custom ".debug_ranges"
    "\00\00\00\00" (@reloc i32 customtext ".debug_line.inline" $line_end))
)
