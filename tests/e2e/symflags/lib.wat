;; Symbol flags and names, observed after linking with --export-dynamic (symflags.mjs prints
;; the module's exports and looks for functions in the name section):
;; - weak definitions: wat_weak_overridden loses to C's strong definition (also for calls from
;;   WAT), wat_weak_kept stays; the weak data symbol wat_weak_data loses to C's;
;; - hidden: wat_hidden is callable from C but not exported by --export-dynamic;
;; - retain: wat_retained is unreferenced and hidden but kept (NO_STRIP); wat_dropped is removed;
;; - (export "..."): EXPORTED | NO_STRIP, exported under the export's name;
;; - (name "...") on imports (EXPLICIT_NAME): js_add_sym is imported as host.js_add because
;;   nothing defines it; c_provided is defined by C, so its import field does not matter;
;; - aliases: wat_alias is a second symbol of wat_impl, called by C and used by a relocation;
;; - local: wat_local_helper has a local symbol.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "host" "js_add" (func $js_add (@sym (name "js_add_sym")) (param i32 i32) (result i32)))
  (import "env" "unused_field" (func $c_provided (@sym (name "c_provided")) (result i32)))

  (func $wat_weak_overridden (@sym weak) (result i32)
    i32.const 1)

  (func $wat_weak_kept (@sym weak) (result i32)
    i32.const 3)

  ;; int wat_call_overridden(void): calls whichever wat_weak_overridden won
  (func $wat_call_overridden (result i32)
    call $wat_weak_overridden)

  (func $wat_hidden (@sym hidden) (result i32)
    i32.const 4)

  (func $wat_retained (@sym hidden retain) (result i32)
    i32.const 5)

  (func $wat_dropped (@sym hidden) (result i32)
    i32.const 6)

  (func $wat_exported (export "wat_exported_name") (result i32)
    i32.const 7)

  ;; int wat_call_js(int a, int b): js_add_sym(a, b), imported from JS
  (func $wat_call_js (param i32 i32) (result i32)
    local.get 0
    local.get 1
    call $js_add)

  ;; int wat_call_c_provided(void)
  (func $wat_call_c_provided (result i32)
    call $c_provided)

  ;; wat_impl and its alias wat_alias
  (func $wat_impl (@sym $wat_alias) (param i32) (result i32)
    local.get 0
    i32.const 100
    i32.add)

  (func $wat_local_helper (@sym local) (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add)

  ;; int wat_call_alias(int x): wat_local_helper(wat_alias(x)), the call relocated against the alias
  (func $wat_call_alias (param i32) (result i32)
    local.get 0
    call $wat_impl (@reloc $wat_alias)
    call $wat_local_helper)

  ;; int wat_read_weak_data(void)
  (func $wat_read_weak_data (result i32)
    i32.const 0
    i32.load offset=0 (@reloc $wat_weak_data))

  ;; int wat_weak_data = 11 (weak), int wat_hidden_data = 12 (hidden)
  (data $weak (@sym.segment (name ".data.wat_weak_data") (align 4))
    (i32.const 0)
    (@sym $wat_weak_data weak (size 4)) "\0b\00\00\00")
  (data $hid (@sym.segment (name ".data.wat_hidden_data") (align 4))
    (i32.const 4)
    (@sym $wat_hidden_data hidden (size 4)) "\0c\00\00\00")
)
