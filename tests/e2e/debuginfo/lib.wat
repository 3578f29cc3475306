;; Relocations in custom sections: a small but valid DWARF 4 compile unit (.debug_abbrev,
;; .debug_str, .debug_info) describing this file's two functions, and a custom section of
;; function indices. debuginfo.mjs reads them back from the linked module (whose .debug_* also
;; hold crt1's and libc's DWARF, so every section offset is really moved by the linker):
;; - SECTION_OFFSET_I32 (`customtext`): the CU's abbrev offset and every DW_FORM_strp;
;; - FUNCTION_OFFSET_I32 (`functext`): DW_AT_low_pc of both functions (addend 0: the start of the
;;   body, i.e. its locals) and of a DW_TAG_label at the label $second_add;
;; - GLOBAL_INDEX_I32 (`global`): the DW_OP_WASM_location global operand of DW_AT_frame_base;
;; - FUNCTION_INDEX_I32 (`func`): the custom section wat.funcidx.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__stack_pointer" (global $sp (mut i32)))

  ;; int wat_add3(int a, int b, int c): 12 bytes of body
  (func $wat_add3 (param i32 i32 i32) (result i32)
    (local i32)
    local.get 0
    local.get 1
    i32.add
    local.get 2
    (@sym.label $second_add)
    i32.add)

  ;; void *wat_get_sp(void): 8 bytes of body
  (func $wat_get_sp (result i32)
    global.get $sp)

  (@custom ".debug_abbrev"
    ;; 1: DW_TAG_compile_unit, children: DW_AT_producer strp, DW_AT_name strp
    "\01\11\01" "\25\0e" "\03\0e" "\00\00"
    ;; 2: DW_TAG_subprogram, children: low_pc addr, high_pc data4, frame_base exprloc, name strp, external
    "\02\2e\01" "\11\01" "\12\06" "\40\18" "\03\0e" "\3f\19" "\00\00"
    ;; 3: DW_TAG_subprogram, no children: low_pc addr, high_pc data4, name strp, external
    "\03\2e\00" "\11\01" "\12\06" "\03\0e" "\3f\19" "\00\00"
    ;; 4: DW_TAG_label, no children: name strp, low_pc addr
    "\04\0a\00" "\03\0e" "\11\01" "\00\00"
    "\00")

  (@custom ".debug_str"
    "relwat e2e linking test\00"  ;; +0
    "lib.wat\00"                  ;; +24
    "wat_add3\00"                 ;; +32
    "second_add\00"               ;; +41
    "wat_get_sp\00")              ;; +52

  (@custom ".debug_info"
    "\3c\00\00\00"                ;; unit_length 60
    "\04\00"                      ;; version 4
    "\00\00\00\00" (@reloc i32 customtext ".debug_abbrev" +0)
    "\04"                         ;; address_size
    "\01"                         ;; DW_TAG_compile_unit
    "\00\00\00\00" (@reloc i32 customtext ".debug_str" +0)
    "\00\00\00\00" (@reloc i32 customtext ".debug_str" +24)
    "\02"                         ;;   DW_TAG_subprogram
    "\00\00\00\00" (@reloc i32 functext $wat_add3)
    "\0c\00\00\00"                ;;   high_pc: 12 bytes
    "\06\ed\03" "\00\00\00\00" (@reloc i32 global $sp)
    "\00\00\00\00" (@reloc i32 customtext ".debug_str" +32)
    "\04"                         ;;     DW_TAG_label
    "\00\00\00\00" (@reloc i32 customtext ".debug_str" +41)
    "\00\00\00\00" (@reloc i32 functext $wat_add3 $second_add)
    "\00"                         ;;   end of wat_add3's children
    "\03"                         ;;   DW_TAG_subprogram
    "\00\00\00\00" (@reloc i32 functext $wat_get_sp +0)
    "\08\00\00\00"                ;;   high_pc: 8 bytes
    "\00\00\00\00" (@reloc i32 customtext ".debug_str" +52)
    "\00")                        ;; end of the CU's children

  (@custom "wat.funcidx"
    "\00\00\00\00" (@reloc i32 func $wat_get_sp)
    "\00\00\00\00" (@reloc i32 func $wat_add3))
)
