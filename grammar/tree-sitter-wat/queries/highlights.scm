; Highlights for WebAssembly text with linking annotations.
;
; Compatibility:
; - Only the `#match?` and `#not-match?` predicates and tree-sitter 0.20 query syntax: Neovim 0.7
;   loads this file. Its `#match?` is a Vim regex in very-magic mode; the patterns below mean the
;   same there and in Rust's regex.
; - When several patterns capture the same node, the last one wins (Neovim, tree-sitter CLI);
;   when a node and its child span the same text, the child wins. So the general patterns come
;   first, and keywords that also stand inside a captured node (`data` in `(@reloc data ...)`)
;   are captured per parent, never globally.
; - Neovim 0.7 knows only the older capture names (`@preproc`, `@parameter`); a capture it does
;   not know highlights nothing there and leaves the earlier capture visible. Where the standard
;   name is newer, the older name is captured first, then the standard one.
; - A pattern that captures a mnemonic together with its immediate must be the last one to capture
;   the mnemonic: the tree-sitter highlighter drops the other captures of an overridden match.

; ----- Literals and comments

(comment) @comment
(block_comment) @comment

(string) @string
(escape_sequence) @string.escape

(integer) @number
(float) @number.float
(reloc_addend) @number

["(" ")"] @punctuation.bracket

; ----- Ids (refined below by context)

(id) @variable

; ----- Instructions
;
; Each mnemonic gets one highlight from the mutually exclusive patterns below. The patterns
; after them capture a mnemonic together with its first immediate (`call $f`, `br $l`) and give
; the mnemonic the same highlight again: in the tree-sitter highlighter the last capture of a node
; must belong to the pattern that also captures the immediate, or that capture is dropped.

((instr_name) @function.builtin
  (#not-match? @function.builtin "^(return|return_call|return_call_indirect|return_call_ref|throw|throw_ref|rethrow|br.*|unreachable)$"))

((instr_name) @keyword.return
  (#match? @keyword.return "^(return|return_call|return_call_indirect|return_call_ref)$"))

((instr_name) @keyword.exception
  (#match? @keyword.exception "^(throw|throw_ref|rethrow)$"))

((instr_name) @keyword
  (#match? @keyword "^(br.*|unreachable)$"))

((plain_instr name: (instr_name) @function.builtin . (id) @function)
  (#match? @function.builtin "^(call|ref\\.func)$"))
((folded_instr name: (instr_name) @function.builtin . (id) @function)
  (#match? @function.builtin "^(call|ref\\.func)$"))
((plain_instr name: (instr_name) @keyword.return . (id) @function)
  (#match? @keyword.return "^return_call$"))
((folded_instr name: (instr_name) @keyword.return . (id) @function)
  (#match? @keyword.return "^return_call$"))
((plain_instr name: (instr_name) @keyword . (id) @label)
  (#match? @keyword "^br"))
((folded_instr name: (instr_name) @keyword . (id) @label)
  (#match? @keyword "^br"))

(memarg) @property

; ----- Keywords that stand only where they are keywords

[
  "module"
  "rec"
  "sub"
  "final"
  "field"
  "describes"
  "descriptor"
  "param"
  "result"
  "mut"
  "item"
  "declare"
  "pagesize"
  "shared"
  "unshared"
  "exact"
  "block"
  "end"
  "do"
] @keyword

"loop" @keyword.repeat

["if" "then" "else"] @keyword.conditional

[
  "try"
  "try_table"
  "catch"
  "catch_ref"
  "catch_all"
  "catch_all_ref"
  "delegate"
] @keyword.exception

; ----- Keywords that are also types, relocation methods or section names elsewhere

(type_definition "type" @keyword)
(type_use "type" @keyword)
(func_type "func" @keyword)
(struct_type "struct" @keyword)
(array_type "array" @keyword)
(cont_type "cont" @keyword)
(local "local" @keyword)
(function "func" @keyword)
(table "table" @keyword)
(table_use "table" @keyword)
(memory "memory" @keyword)
(memory_use "memory" @keyword)
(global "global" @keyword)
(tag "tag" @keyword)
(start "start" @keyword)
(elem_segment ["elem" "func"] @keyword)
(inline_elem "elem" @keyword)
(data_segment "data" @keyword)
(inline_data "data" @keyword)
(offset "offset" @keyword)
(export_description kind: _ @keyword)
(import "import" @keyword.import)
(inline_import "import" @keyword.import)
(export "export" @keyword.import)
(inline_export "export" @keyword.import)

; ----- Types

(value_type) @type.builtin
(packed_type) @type.builtin
(heap_type) @type.builtin
(address_type) @type.builtin
(vector_shape) @type.builtin
(ref_type ["ref" "null"] @type.builtin)

; ----- Definitions and references by kind

(module id: (id) @constant)

(function id: (id) @function)
(export_description kind: "func" index: (id) @function)
(start index: (id) @function)
(elem_segment (id) @function)
(inline_elem (id) @function)

(type_definition id: (id) @type.definition)
(type_use index: (id) @type)
(ref_type heap_type: (id) @type)
(heap_type (id) @type)
(sub_type supertype: (id) @type)
(describes_clause index: (id) @type)
(descriptor_clause index: (id) @type)
(cont_type index: (id) @type)

(param id: (id) @parameter)
(param id: (id) @variable.parameter)
(local id: (id) @parameter)
(local id: (id) @variable.parameter)
(field id: (id) @property)

(global id: (id) @constant)
(table id: (id) @constant)
(memory id: (id) @constant)
(tag id: (id) @constant)
(data_segment id: (id) @constant)
(elem_segment id: (id) @constant)

; Block labels.
(block_instr label: (id) @label)
(block_instr end_label: (id) @label)
(if_instr label: (id) @label)
(if_instr end_label: (id) @label)
(else_block label: (id) @label)
(try_instr label: (id) @label)
(try_instr end_label: (id) @label)
(try_table_instr label: (id) @label)
(try_table_instr end_label: (id) @label)
(catch_all_block label: (id) @label)
(catch_clause label: (id) @label)
(catch_clause kind: _ @keyword.exception)
(delegate label: (id) @label)

; ----- Annotations `(@name ...)`

(annotation name: (annotation_name) @preproc)
(annotation name: (annotation_name) @attribute)
(annotation_token) @string.special

; ----- Linking annotations

[
  "(@sym"
  "(@sym.import.data"
  "(@sym.segment"
  "(@sym.label"
  "(@reloc"
  "(@comdat"
  "(@custom"
  "(@producers"
  "(@relwat.layout"
] @preproc

[
  "(@sym"
  "(@sym.import.data"
  "(@sym.segment"
  "(@sym.label"
  "(@reloc"
  "(@comdat"
  "(@custom"
  "(@producers"
  "(@relwat.layout"
] @attribute

; Relocations `(@reloc format? method? modifier? target? addend?)`.
(reloc_format _ @type.builtin)
(reloc_method _ @function.builtin)
(reloc_modifier _ @keyword.modifier)
(reloc_annotation target: (id) @constant)
(reloc_annotation target: (string) @string.special)
(reloc_annotation target: "none" @constant.builtin)
(reloc_annotation addend: (id) @label)

; Symbols `(@sym $name? qualifier*)` and data imports.
(sym_annotation name: (id) @constant)
(sym_annotation none: "none" @constant.builtin)
(data_import_annotation name: (id) @constant)
(sym_binding _ @keyword.modifier)
(sym_visibility _ @keyword.modifier)
(sym_flag _ @keyword.modifier)
(sym_size "size" @property)
(sym_offset "offset" @property)
(sym_name "name" @property)
(sym_init_prio "init_prio" @property)
(sym_comdat "comdat" @property)
(sym_comdat comdat: (id) @constant)

; Segments `(@sym.segment qualifier*)`.
(segment_flag _ @keyword.modifier)
(segment_align "align" @property)
(segment_name "name" @property)

; Labels `(@sym.label $l)`.
(label_annotation name: (id) @label)

; COMDATs `(@comdat $c "name")`.
(comdat_annotation id: (id) @constant)

; Custom sections and producers.
(custom_annotation name: (string) @string.special)
(custom_placement ["before" "after"] @keyword)
(section_anchor) @constant.builtin
(producers_field kind: _ @property)

; Object layout `(@relwat.layout option*)`.
(layout_section_size "section-size" @property)
(layout_datacount "datacount" @property)
(layout_target_features "target-features" @property)
(layout_symbol_order "symbol-order" @property)
(layout_init_order "init-order" @property)
(layout_section_size value: _ @constant.builtin)
(layout_datacount value: _ @constant.builtin)
(layout_target_features value: _ @constant.builtin)
(symbol_group kind: _ @keyword)
(symbol_group symbol: (id) @constant)
(layout_init_order function: (id) @function)
