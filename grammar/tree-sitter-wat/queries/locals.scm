; Scopes, definitions and references, for highlighters that track locals (the tree-sitter CLI,
; nvim-treesitter). WAT has separate index spaces; only the ones local to a function are
; tracked here: parameters and locals (used by `local.*`) and block labels (used by `br*`).

(function) @local.scope
(block_instr) @local.scope
(if_instr) @local.scope
(try_instr) @local.scope
(try_table_instr) @local.scope

(param id: (id) @local.definition)
(local id: (id) @local.definition)
(block_instr label: (id) @local.definition)
(if_instr label: (id) @local.definition)
(try_instr label: (id) @local.definition)
(try_table_instr label: (id) @local.definition)

((plain_instr name: (instr_name) @_op . (id) @local.reference)
  (#match? @_op "^(local\\.|br)"))
((folded_instr name: (instr_name) @_op . (id) @local.reference)
  (#match? @_op "^(local\\.|br)"))
