;; check: wat2obj --module
;; Plain WebAssembly 2.0 text (with sign extension, non-trapping conversions and multiple
;; values): module fields, instructions flat and folded, every literal form, strings with escapes
;; and non-ASCII text, ids of every shape, and comments.
(module $core
  (type $bin (func (param i32 i32) (result i32)))
  (type $void->void (func))
  (import "spectest" "print_i32" (func $print (param i32)))
  (import "spectest" "global_i32" (global $imported i32))
  (import "spectest" "memory" (memory $mem 1 2))
  (import "spectest" "table" (table $tab 10 20 funcref))

  (global $counter (mut i32) (i32.const 0))
  (global $big i64 (i64.const -0x8000_0000_0000_0000))
  (global $pi f64 (f64.const 3.141_592_653_589_793))

  (func $add (export "add") (type $bin) (param $a i32) (param $b i32) (result i32)
    local.get $a
    local.get $b
    i32.add)

  (func $literals
    (local $f f32) (local f64 i64)
    ;; Integers: decimal, hexadecimal, signed, with separators.
    i32.const 0 drop
    i32.const -1 drop
    i32.const +42 drop
    i32.const 1_000_000 drop
    i32.const 0xFFFF_ffff drop
    i64.const -0x7fff_ffff_ffff_ffff drop
    ;; Floats: decimal and hexadecimal, exponents, special values.
    f32.const 1. drop
    f32.const 1.5 drop
    f32.const -0.0 drop
    f32.const 1e10 drop
    f32.const 1.5e-3 drop
    f32.const 6.02E+23 drop
    f32.const 0x1p-2 drop
    f32.const 0x1.8p3 drop
    f32.const -0xA.Bp-1_0 drop
    f32.const 0x1P+10 drop
    f32.const inf drop
    f32.const -inf drop
    f32.const +nan drop
    f32.const nan:0x7f_ffff drop
    f64.const -nan:0x1 drop
    f64.const 0x1.fffffffffffffp+1023 drop
    f64.const 1_000.000_1e1_0 drop)

  (func $control (param $n i32) (result i32)
    (local $i i32)
    block $exit
      loop $again
        local.get $i
        local.get $n
        i32.ge_s
        br_if $exit
        local.get $i
        i32.const 1
        i32.add
        local.set $i
        br $again
      end $again
    end $exit
    (block $outer (result i32)
      (block $inner
        (br_table $inner 0 $inner (local.get $n)))
      (if (result i32) (i32.eqz (local.get $n))
        (then (i32.const 1))
        (else (i32.const 2)))))

  (func $memory (param $p i32) (result i32)
    (i32.store offset=8 align=4 (local.get $p) (i32.const 1))
    (i64.store32 offset=0x10 (local.get $p) (i64.const 2))
    (f32.store align=1 (local.get $p) (f32.const 0.5))
    (drop (memory.grow (i32.const 1)))
    (select (i32.load8_u offset=3 (local.get $p)) (memory.size) (local.get $p)))

  (func $conversions (param $x f64) (result i32 i64)
    (i32.extend8_s (i32.trunc_sat_f64_s (local.get $x)))
    (i64.extend32_s (i64.reinterpret_f64 (f64.copysign (local.get $x) (f64.const -1)))))

  (func $indirect (param $i i32) (result i32)
    (call_indirect $tab (type $bin) (i32.const 1) (i32.const 2) (local.get $i)))

  ;; Ids of every shape: anything made of idchars, and quoted ids with any text.
  (func $l$l) (func $0) (func $void->void) (func $.L.str.2) (func $!#%&'*+-./:<=>?@\^_`|~)
  (func $"quoted id") (func $"ünïcödé ✓ 日本語") (func $"escapes \u{41}\42\t")

  (func $start (call $print (global.get $imported)))
  (start $start)
  (elem (i32.const 0) $add $literals)
  (elem $passive funcref (ref.func $add) (item ref.func $control))
  (elem declare func $indirect)

  ;; Strings: escapes, UTF-8 text, and characters that look like syntax.
  (data (i32.const 0) "\t\n\r\"\'\\ \00\ff\7F \u{41}\u{1F600}\u{1_F600}")
  (data (memory $mem) (offset (i32.const 32)) "Heiße Würstchen, 日本語, emoji 🦀")
  (data (i32.const 96) ";; not a comment (; nor this ;) (@sym $not_an_annotation) )")
  (data $passive_data "")

  (; A block comment (; nested (; twice ;) ;) with "quotes", ) and ;; inside. ;)
  ;; A line comment with (; and (@reloc data $x) and "an unclosed quote
  (func(;no space needed;)$tight(;around;)(result i32)(i32.const(;here;)1))
) ;; trailing comment
