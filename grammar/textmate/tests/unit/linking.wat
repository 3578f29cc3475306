;; SYNTAX TEST "source.wat" "linking annotations: the scopes editors and themes rely on"
;; check: wat2obj
;; Each assertion line below checks the scopes of the line above it (see grammar/README.md).
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__indirect_function_table" (table $ift (@sym retain) 1 funcref))
;;                                                      ^ meta.annotation.linking.sym.wat punctuation.section.annotation.begin.wat
;;                                                       ^^^^ keyword.other.annotation.linking.wat
;;                                                       ^ punctuation.definition.annotation.wat
;;                                                            ^^^^^^ storage.modifier.symbol.flag.wat
  (import "env" "tag" (tag $t (param i32)))

;; Comdats: a declaration, and membership from a symbol.
  (@comdat $grp "group_name")
;; ^^^^^^^ keyword.other.annotation.linking.wat
;;         ^^^^ meta.annotation.linking.comdat.wat variable.other.comdat.declaration.wat
;;              ^^^^^^^^^^^^ string.quoted.double.wat

;; Symbols: the id, bindings, visibilities, flags and every qualifier list.
  (func $f (@sym $alias local hidden retain (init_prio 101) (comdat $grp))
;;          ^^^^ keyword.other.annotation.linking.wat
;;               ^^^^^^ meta.annotation.linking.sym.wat variable.other.symbol.declaration.wat
;;                      ^^^^^ storage.modifier.symbol.binding.wat - keyword.other.local.wat
;;                            ^^^^^^ storage.modifier.symbol.visibility.wat
;;                                   ^^^^^^ storage.modifier.symbol.flag.wat
;;                                           ^^^^^^^^^ entity.other.attribute-name.symbol.wat
;;                                                     ^^^ constant.numeric.integer.decimal.wat
;;                                                           ^^^^^^ entity.other.attribute-name.symbol.wat
;;                                                                  ^^^^ variable.other.comdat.wat - variable.other.comdat.declaration.wat
;;                                                                      ^^ meta.annotation.linking.sym.wat
    (@sym $other weak default (name "other_name")))
;;               ^^^^ storage.modifier.symbol.binding.wat
;;                    ^^^^^^^ storage.modifier.symbol.visibility.wat
;;                             ^^^^ entity.other.attribute-name.symbol.wat
;;                                  ^^^^^^^^^^^^ string.quoted.double.wat
  (global $g (@sym global) (mut i32) (i32.const 0))
;; ^^^^^^ storage.type.global.wat
;;                 ^^^^^^ storage.modifier.symbol.binding.wat - storage.type.global.wat
  (@sym.import.data $errno weak hidden (name "errno"))
;; ^^^^^^^^^^^^^^^^ keyword.other.annotation.linking.wat
;;                  ^^^^^^ meta.annotation.linking.sym-import-data.wat variable.other.symbol.declaration.wat
  (@sym.import.data $tls_ext tls)
;;                           ^^^ storage.modifier.symbol.flag.wat
  (@sym.import.data $abs (name "abs") (offset 0x1000) (size 16))
;;                                     ^^^^^^ entity.other.attribute-name.symbol.wat - keyword.other.offset.wat
;;                                            ^^^^^^ constant.numeric.integer.hexadecimal.wat
;;                                                     ^^^^ entity.other.attribute-name.symbol.wat

;; Segments and data symbols.
  (data $d (@sym.segment (name ".data.d") (align 4) strings tls retain)
;;          ^^^^^^^^^^^^ keyword.other.annotation.linking.wat
;;                        ^^^^ meta.annotation.linking.sym-segment.wat entity.other.attribute-name.segment.wat
;;                                         ^^^^^ entity.other.attribute-name.segment.wat
;;                                                  ^^^^^^^ storage.modifier.segment.flag.wat
;;                                                          ^^^ storage.modifier.segment.flag.wat
;;                                                              ^^^^^^ storage.modifier.segment.flag.wat
    (i32.const 0)
    (@sym $var (size 8)) "\00\00\00\00" (@sym.label $half) "\00\00\00\00")
;;        ^^^^ variable.other.symbol.declaration.wat
;;                                                         ^ string.quoted.double.wat punctuation.definition.string.begin.wat - meta.annotation.linking.sym.wat
;;                                       ^^^^^^^^^^ keyword.other.annotation.linking.wat
;;                                                  ^^^^^ meta.annotation.linking.sym-label.wat entity.name.label.wat

;; Relocations in code: method, modifier, symbol, addends, labels.
  (func $code (result i32)
    i32.const 0 (@reloc data pic $var +4)
;;  ^^^^^^^^^ support.function.instruction.numeric.wat
;;              ^ meta.annotation.linking.reloc.wat punctuation.section.annotation.begin.wat
;;               ^^^^^^ keyword.other.annotation.linking.wat
;;                      ^^^^ keyword.other.relocation.method.wat - storage.type.data.wat
;;                           ^^^ storage.modifier.relocation.wat
;;                               ^^^^ meta.annotation.linking.reloc.wat variable.other.symbol.wat
;;                                    ^^ constant.numeric.integer.addend.wat
;;                                      ^ meta.annotation.linking.reloc.wat punctuation.section.annotation.end.wat
    i32.const 0 (@reloc functable $f)
;;                      ^^^^^^^^^ keyword.other.relocation.method.wat
;;                                ^^ variable.other.symbol.wat - entity.name.function.wat
    i32.add
    i32.load offset=0 (@reloc $var -0x2)
;;           ^^^^^^ entity.other.attribute-name.memarg.wat
;;                 ^ keyword.operator.assignment.wat
;;                                 ^^^^ constant.numeric.integer.addend.wat
    (call $f (@reloc $alias))
;;   ^^^^ keyword.control.wat
;;        ^^ entity.name.function.wat
;;                   ^^^^^^ meta.annotation.linking.reloc.wat variable.other.symbol.wat
    (@sym.label $mid)
;;              ^^^^ entity.name.label.wat
    (i32.load offset=0 (@reloc $var $half) (i32.const 0))
;;                             ^^^^ variable.other.symbol.wat
;;                                  ^^^^^ entity.name.label.wat - variable.other.symbol.wat
    i32.add
    (throw $t (@reloc 0) (i32.const 0)))
;;                    ^ meta.annotation.linking.reloc.wat variable.other.symbol.wat constant.numeric.integer.decimal.wat

;; Relocations in data and custom sections: every format, every method.
  (data (i32.const 8) (@sym $ptrs (size 44))
    "\00\00\00\00" (@reloc i32 data $var) "\00\00\00\00\00\00\00\00" (@reloc i64 data $var)
;;                         ^^^ storage.type.relocation.format.wat - support.type.primitive.wat
;;                                                                           ^^^ storage.type.relocation.format.wat
    "\00\00\00\00\00" (@reloc leb data $var) "\00\00\00\00\00" (@reloc sleb data $var)
;;                            ^^^ storage.type.relocation.format.wat
;;                                                                     ^^^^ storage.type.relocation.format.wat
    "\00\00\00\00\00\00\00\00\00\00" (@reloc leb64 data $var)
;;                                           ^^^^^ storage.type.relocation.format.wat
    "\00\00\00\00\00\00\00\00\00\00" (@reloc sleb64 data tls $var)
;;                                           ^^^^^^ storage.type.relocation.format.wat
;;                                                       ^^^ storage.modifier.relocation.wat - storage.modifier.symbol.flag.wat
    "\00\00\00\00" (@reloc i32 functbl $f))
;;                             ^^^^^^^ keyword.other.relocation.method.wat invalid.deprecated.relocation.method.wat
  (@custom ".debug_info"
;; ^^^^^^^ keyword.other.annotation.wat - keyword.other.annotation.linking.wat
;;         ^^^^^^^^^^^^^ meta.annotation.custom.wat entity.name.section.wat string.quoted.double.wat
    "\00\00\00\00" (@reloc i32 functext $code $mid) "\00\00\00\00" (@reloc i32 global $g)
;;                             ^^^^^^^^ keyword.other.relocation.method.wat
;;                                            ^^^^ entity.name.label.wat
;;                                                                             ^^^^^^ keyword.other.relocation.method.wat - storage.modifier.symbol.binding.wat
    "\00\00\00\00" (@reloc i32 func $f) "\00\00\00\00" (@reloc i32 customtext ".debug_info" +4)
;;                             ^^^^ keyword.other.relocation.method.wat - storage.type.func.wat
;;                                                                 ^^^^^^^^^^ keyword.other.relocation.method.wat
;;                                                                            ^^^^^^^^^^^^^ meta.annotation.linking.reloc.wat entity.name.section.wat string.quoted.double.wat
    (@sym.label $end) (@comdat $grp))
;;                             ^^^^ meta.annotation.linking.comdat.wat variable.other.comdat.wat - variable.other.comdat.declaration.wat

;; The layout annotation.
  (@relwat.layout (section-size padded) (symbol-order (func $f) (data $var)) (init-order $alias))
;; ^^^^^^^^^^^^^^ keyword.other.annotation.linking.wat
;;                 ^^^^^^^^^^^^ meta.annotation.linking.relwat-layout.wat entity.other.attribute-name.layout.wat
;;                              ^^^^^^ constant.language.layout.wat
;;                                       ^^^^^^^^^^^^ entity.other.attribute-name.layout.wat
;;                                                     ^^^^ keyword.other.symbol-kind.wat - storage.type.func.wat
;;                                                          ^^ variable.other.symbol.wat
;;                                                                            ^^^^^^^^^^ entity.other.attribute-name.layout.wat
)
