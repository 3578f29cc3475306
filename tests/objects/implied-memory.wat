;; Code that uses memory in an object that declares no memory (rwat's text, decisions D12): the
;; object imports `env.__linear_memory` first, as every clang object does, with a warning; the
;; data symbol's segment and the relocations are those of an object that wrote the import.
(module (@rwat)
  (import "js_sys" "numeric.128.encode" (func $encode (@sym) (param i64 i64 i32)))
  (func $store (@sym) (param $lo i64) (param $hi i64) (param $out i32)
    (i64.store offset=0 local.get $out local.get $lo)
    (i64.store offset=8 local.get $out local.get $hi)
    (call $encode (local.get $lo) (local.get $hi) (i32.const 0 (@reloc data $scratch))))
  (data (i32.const 0) (@sym $scratch (size 16)) "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00"))
