;; check: wat2obj
;; Symbol annotations: (@sym ...) on every kind of entity, defined and imported, every qualifier,
;; aliases, `none`, data imports and absolute symbols, and comdat membership.
(module $symbols
  (import "env" "__linear_memory" (memory 1))
  ;; An MVP-style table import without a symbol (B10).
  (import "env" "__indirect_function_table" (table $ift (@sym none) 1 funcref))
  (import "env" "__stack_pointer" (global $sp (@sym (name "__stack_pointer")) (mut i32)))
  ;; Explicit names on undefined symbols, and two extra symbols for one import.
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (@sym (name "fd_write")) (param i32 i32 i32 i32) (result i32)))
  (import "env" "ext" (func $ext (@sym $ext_a retain (name "ext_a")) (@sym $ext_b hidden (name "ext_b"))
    (param i32)))
  (import "env" "ext_tag" (tag $ext_tag (@sym hidden) (param i32)))

  (@comdat $group "inline_group")
  (@comdat $"quoted comdat" "quoted")

  ;; Bindings, visibilities and flags, in any order.
  (func $helper (@sym local) (result i32) (i32.const 1))
  (func $maybe (@sym weak hidden) (result i32) (i32.const 2))
  (func $shown (@sym global default) (result i32) (i32.const 3))
  (func $kept (@sym hidden retain) (result i32) (i32.const 4))
  (func $ctor (@sym local (init_prio 101)))
  (func $ctor_hex (@sym (init_prio 0xff_ff)))
  (func $impl (@sym $alias (name "public_name")) (@sym $alias2 weak) (param i32) (result i32)
    (local.get 0))
  (func $inline_fn (@sym weak (comdat $group)) (result i32) (i32.const 5))
  (func $in_quoted (@sym weak (comdat $"quoted comdat")) (result i32) (i32.const 6))
  (func $api (@sym hidden) (export "api") (result i32) (i32.const 7))
  (func $"ünïcödé fn" (@sym $"alias ✓" local) (result i32) (i32.const 8))
  (global $counter (@sym hidden) (mut i32) (i32.const 0))
  (global $local_g (@sym local retain) i64 (i64.const -1))
  (tag $my_tag (@sym local) (param i64))
  (table $t2 (@sym local) 2 funcref)

  ;; Data symbols stand among the strings of a segment, before the bytes they name.
  (data $d (@sym.segment (name ".data.d") (align 8))
    (i32.const 0)
    (@sym $first (size 4)) "\01\00\00\00"
    (@sym $second hidden (size 4)) "\02\00\00\00"
    (@sym $third local retain (size 0x8)) "\00\00\00\00\00\00\00\00"
    (@sym $member weak (size 4) (comdat $group)) "\04\00\00\00")
  (data (@sym.segment (name ".tdata.tls_var") (align 4) tls)
    (i32.const 32)
    (@sym $tls_var tls (size 4)) "\2a\00\00\00")

  ;; Data imports (undefined data symbols) and an absolute symbol, at module level.
  (@sym.import.data $errno (name "errno"))
  (@sym.import.data $weak_data weak hidden (name "weak_data"))
  (@sym.import.data $tls_import tls)
  (@sym.import.data $abs (name "absolute") (offset 4096) (size 16))

  (func (export "use") (result i32)
    i32.const 0 (@reloc data $errno)
    i32.const 0 (@reloc data $weak_data)
    i32.add
    i32.const 0 (@reloc data $abs +8)
    i32.add
    call $ext_tag_user)
  (func $ext_tag_user (param i32) (result i32) (local.get 0))
)
