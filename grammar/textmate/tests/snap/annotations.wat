;; check: wat2obj
;; The annotations relwat reads besides the linking ones, quoted annotation names, and unknown
;; annotations, which relwat skips wherever they stand (even inside its own annotations).
(module $annotated (@name "annotated module")
  (import "env" "__linear_memory" (memory 1))
  (type $t (func (param i32) (result i32)))

  ;; (@name "...") right after an id: name section data, checked but not encoded.
  (func $f (@name "the function f") (@sym hidden) (type $t) (param $x i32) (result i32)
    ;; Branch hints stand right before `if` or `br_if`, flat or folded.
    (@metadata.code.branch_hint "\01")
    (if (result i32) (local.get $x)
      (then (i32.const 1))
      (else
        (block $b (result i32)
          (i32.const 2)
          (local.get $x)
          (@metadata.code.branch_hint "\00")
          br_if $b
          drop
          (i32.const 3)))))

  ;; Custom sections: placement relative to the known sections, and strings.
  (@custom "first" (before first) "at the start")
  (@custom "after types" (after type) "\00\01\02")
  (@custom "before code" (before code) "bc")
  (@custom "after data" (after data) "\u{1F980} crab")
  (@custom "last" (after last) "at the end" "\ff\fe")
  (@producers
    (language "WAT" "1.0")
    (processed-by "relwat" "0.1.0")
    (sdk "none" "0"))

  ;; Known annotations may be written with quoted names.
  (func $g (@"sym" $g_alias hidden) (result i32)
    i32.const 0 (@"reloc" functable $g))

  ;; Unknown annotations: any tokens, nested lists and annotations, quoted names; skipped.
  (@doc "A module-level note" (see (@link "https://example.com")) 42 -1.5e3 $id)
  (@"my tool" (config (level 3)) "value")
  (func $h (@sym (@hint inline) local) (param (@x) i32) (result i32)
    (@coverage counter 7)
    (i32.add (local.get 0) (@why "constant") (i32.const 1)))
)
