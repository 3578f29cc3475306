(module
  (func $helper (@sym $alias weak hidden (name "helper")) (param $p i32)
  ;; <- punctuation.bracket
;; ^ keyword
;;      ^ function
;;              ^ attribute
;;                    ^ constant
;;                           ^ keyword.modifier
;;                                ^ keyword.modifier
;;                                        ^ property
;;                                             ^ string
;;                                                         ^ keyword
;;                                                               ^ variable.parameter
;;                                                                  ^ type.builtin
    i32.const 16 (@reloc data pic $buf -8)
;;  ^ function.builtin
;;            ^ number
;;               ^ attribute
;;                       ^ function.builtin
;;                            ^ keyword.modifier
;;                                ^ constant
;;                                     ^ number
    call $impl (@reloc $alias)
;;  ^ function.builtin
;;       ^ function
;;                     ^ constant
    (@sym.label $here)
;;  ^ attribute
;;              ^ label
    i32.load offset=0 (@reloc $counter +4)
;;           ^ property
;;                            ^ constant
;;                                     ^ number
    local.get $p
;;  ^ function.builtin
;;            ^ variable.parameter
    block $out
;;  ^ keyword
;;        ^ label
      br_if $out
;;    ^ keyword
;;          ^ label
    end
;;  ^ keyword
    return)
;;  ^ keyword.return
  (data $d (@sym.segment (name ".data.x") (align 4) strings) (i32.const 0)
;; ^ keyword
;;      ^ constant
;;         ^ attribute
;;                        ^ property
;;                                         ^ property
;;                                                  ^ keyword.modifier
    (@sym $x (size 4)) "\00\00\00\00" (@reloc i32 functable $add))
;;  ^ attribute
;;        ^ constant
;;            ^ property
;;                      ^ string.escape
;;                                    ^ attribute
;;                                            ^ type.builtin
;;                                                ^ function.builtin
;;                                                          ^ constant
  (@sym.import.data $errno (name "errno") weak)
  ;; <- attribute
;;                  ^ constant
;;                                        ^ keyword.modifier
  (@comdat $c "inline_fn")
  ;; <- attribute
;;         ^ constant
;;            ^ string
  (func $inline (@sym weak (comdat $c)) (@sym none))
;;                          ^ property
;;                                 ^ constant
;;                                            ^ constant.builtin
  (@custom ".debug_str" (after data) "x\00" (@reloc i32 customtext ".debug_str" +12))
  ;; <- attribute
;;         ^ string.special
;;                       ^ keyword
;;                             ^ constant.builtin
;;                                                      ^ function.builtin
;;                                                                              ^ number
  (@relwat.layout (section-size padded) (symbol-order (func $f) (section ".a")) (init-order $f))
  ;; <- attribute
;;                 ^ property
;;                              ^ constant.builtin
;;                                       ^ property
;;                                                     ^ keyword
;;                                                          ^ constant
;;                                                               ^ keyword
;;                                                                               ^ property
  (@producers (language "C" "11"))
  ;; <- attribute
;;             ^ property
  (@other.tool 1 (x))
  ;; <- attribute
;;             ^ string.special
  (type $t (func (param i32) (result (ref null $t))))
;; ^ keyword
;;      ^ type.definition
;;          ^ keyword
;;                                    ^ type.builtin
;;                                        ^ type.builtin
  (global $g (mut f64) (f64.const -0x1.8p3))
;; ^ keyword
;;        ^ constant
;;            ^ keyword
;;                ^ type.builtin
;;                                ^ number.float
  (func (call $helper (ref.null func)) (call_indirect (type $t) (i32.const 0)))
;;            ^ function
;;                              ^ type.builtin
;;                                                     ^ keyword
;;                                                          ^ type
  (import "env" "f" (func $imp))
;; ^ keyword.import
;;                        ^ function
  (export "g" (global $g))
;; ^ keyword.import
;;             ^ keyword
  (func (if (result i32) (i32.const 1) (then (i32.const 2)) (else (unreachable)))
;;       ^ keyword.conditional
;;                                      ^ keyword.conditional
;;                                                           ^ keyword.conditional
;;                                                                 ^ keyword
    (try_table (catch $e 0) (throw $e)) loop $l end)
;;   ^ keyword.exception
;;              ^ keyword.exception
;;                           ^ keyword.exception
;;                                      ^ keyword.repeat
;;                                           ^ label
  (; block (; nested ;) ;) ;; line
  ;; <- comment
;;                         ^ comment
)
