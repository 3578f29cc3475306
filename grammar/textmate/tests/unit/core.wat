;; SYNTAX TEST "source.wat" "core WebAssembly text: fields, instructions, literals, comments"
;; check: wat2obj --module
  (module $m
;;^ punctuation.section.parens.begin.wat
;; ^^^^^^ storage.type.module.wat
;;        ^^ entity.name.namespace.wat
;;        ^ punctuation.definition.variable.wat
  (type $pair (func (param i32 i64) (result f32 f64)))
;; ^^^^ storage.type.type.wat
;;      ^^^^^ entity.name.type.wat
;;             ^^^^ storage.type.func.wat - support.type.heap.wat
;;                   ^^^^^ keyword.other.param.wat
;;                         ^^^ support.type.primitive.wat
;;                                   ^^^^^^ keyword.other.result.wat
;;                                              ^^^ support.type.primitive.wat
  (type $s (sub final (struct (field $x (mut i8)) (field (ref null $s)))))
;;          ^^^ storage.type.sub.wat
;;              ^^^^^ storage.modifier.final.wat
;;                     ^^^^^^ storage.type.struct.wat
;;                                   ^^ variable.other.member.wat
;;                                       ^^^ storage.modifier.mut.wat
;;                                           ^^ support.type.primitive.wat
;;                                                        ^^^ support.type.reference.wat
;;                                                            ^^^^ storage.modifier.null.wat
;;                                                                 ^^ entity.name.type.wat
  (import "m" "f" (func $imp (param externref)))
;; ^^^^^^ storage.type.import.wat
;;        ^^^ string.quoted.double.wat
;;                      ^^^^ entity.name.function.wat
;;                                  ^^^^^^^^^ support.type.reference.wat
  (memory $mem 1 2 shared)
;;        ^^^^ variable.other.memory.wat
;;             ^ constant.numeric.integer.decimal.wat
;;                 ^^^^^^ storage.modifier.shared.wat
  (global $g (mut f64) (f64.const -0x1.8p+3))
;;        ^^ variable.other.global.wat
;;                      ^^^^^^^^^ support.function.instruction.numeric.wat - support.type.primitive.wat
;;                                ^^^^^^^^^ constant.numeric.float.hexadecimal.wat
  (func $f (export "f") (param $p i32) (result i32) (local $l v128)
;;      ^^ entity.name.function.wat
;;          ^^^^^^ storage.type.export.wat
;;                             ^^ variable.parameter.wat
;;                                                         ^^ variable.other.local.wat
;;                                                            ^^^^ support.type.primitive.wat
    block $out (result i32)
;;  ^^^^^ keyword.control.wat
;;        ^^^^ entity.name.label.wat
      local.get $p
;;    ^^^^^^^^^ support.function.instruction.variable.wat
;;              ^^ variable.other.wat
      local.get $p
      br_if $out
;;    ^^^^^ keyword.control.wat
;;          ^^^^ entity.name.label.wat
      (i32.load8_u offset=0x10 align=1 (i32.const 1_000))
;;     ^^^^^^^^^^^ support.function.instruction.memory.wat
;;                 ^^^^^^ entity.other.attribute-name.memarg.wat
;;                        ^^^^ constant.numeric.integer.hexadecimal.wat
;;                             ^^^^^ entity.other.attribute-name.memarg.wat
;;                                                ^^^^^ constant.numeric.integer.decimal.wat
      (i32.atomic.rmw.add (i32.const 0) (i32.const 1))
;;     ^^^^^^^^^^^^^^^^^^ support.function.instruction.atomic.wat
      i32.add
      i32.add
      (f32.const nan:0x7f_ffff) (f64.const -inf) (f32.const 1.5e-3) drop drop drop
;;               ^^^^^^^^^^^^^ constant.numeric.float.nan.wat
;;                                         ^^^^ constant.numeric.float.infinity.wat
;;                                                          ^^^^^^ constant.numeric.float.decimal.wat
;;                                                                  ^^^^ support.function.instruction.parametric.wat
      (v128.const i32x4 1 2 3 4) (i8x16.swizzle (local.get $l)) drop
;;     ^^^^^^^^^^ support.function.instruction.vector.wat - support.type.primitive.wat
;;                ^^^^^ support.type.vector-shape.wat
;;                                ^^^^^^^^^^^^^ support.function.instruction.vector.wat
      (drop (call $f (i32.const 0)))
;;           ^^^^ keyword.control.wat
;;                ^^ entity.name.function.wat
    end $out)
;;  ^^^ keyword.control.wat
;;      ^^^^ entity.name.label.wat

;; Strings, escapes, ids with any idchar or quoted, comments.
  (data $"a b" "\t\00\u{1F600} Würstchen ;; not a comment")
;;      ^^^^^^ variable.other.data.wat
;;             ^ string.quoted.double.wat punctuation.definition.string.begin.wat
;;              ^^ string.quoted.double.wat constant.character.escape.wat
;;                ^^^ constant.character.escape.wat
;;                   ^^^^^^^^^ constant.character.escape.wat
;;                                       ^^^^^^^^^^^^^^^^ string.quoted.double.wat - comment.line.double-semicolon.wat
  (func $void->i32.L (result i32) (i32.const 0)) ;; a line comment (@sym $x)
;;      ^^^^^^^^^^^^ entity.name.function.wat
;;                                               ^^ comment.line.double-semicolon.wat punctuation.definition.comment.wat
;;                                                                 ^^^^^^^^^ comment.line.double-semicolon.wat - meta.annotation.linking.sym.wat
  (; block (; nested ;) still a comment ;) (elem declare func $f)
;;^^ comment.block.wat punctuation.definition.comment.begin.wat
;;            ^^^^^^ comment.block.wat comment.block.wat
;;                      ^^^^^ comment.block.wat
;;                                               ^^^^^^^ storage.modifier.declare.wat

;; Annotations that are not linking annotations.
  (@custom "sec" (after code) "bytes")
;; ^^^^^^^ keyword.other.annotation.wat
;;                ^^^^^ keyword.other.placement.wat
;;                      ^^^^ constant.language.section.wat
  (@producers (language "WAT" "1"))
;;             ^^^^^^^^ entity.other.attribute-name.producers.wat
  (@my.tool (any tokens $x 1.0) "here")
;; ^^^^^^^^ meta.annotation.wat keyword.other.annotation.wat - keyword.other.annotation.linking.wat
;;           ^^^ meta.annotation.wat - support.type.heap.wat
)
