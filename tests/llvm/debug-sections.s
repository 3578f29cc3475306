# RUN: llvm-mc -triple=wasm32-unknown-unknown

# DWARF custom sections as clang -g (DWARF 4) writes them: .debug_abbrev,
# .debug_info, .debug_ranges, .debug_str and the .debug_line that llvm-mc
# builds from .file/.loc.  Checks that obj2wat and wat2obj keep each custom
# section, its place among the others and its relocations:
#   R_WASM_SECTION_OFFSET_I32   .debug_abbrev0 (the section's start symbol),
#                               .Linfo_string* in .debug_str, the
#                               .Lline_table_start0 / .Ldebug_ranges0 labels
#   R_WASM_FUNCTION_OFFSET_I32  DW_AT_low_pc and the .debug_ranges pairs
#                               (.Lfunc_begin*/.Lfunc_end*, labels in code
#                               sections), and the address column of
#                               .debug_line (DW_LNE_set_address)
#   R_WASM_MEMORY_ADDR_I32      DW_OP_addr of a global variable
#   R_WASM_GLOBAL_INDEX_I32     DW_OP_WASM_location 3 (global) __stack_pointer
# DW_AT_high_pc is .Lfunc_end-.Lfunc_begin: a difference in one section,
# folded by llvm-mc, so no relocation.

	.file	"debug.c"
	.file	1 "/src" "debug.c"
	.globaltype	__stack_pointer, i32

	.section	.text.add,"",@
	.globl	add
	.type	add,@function
add:
.Lfunc_begin0:
	.functype	add (i32, i32) -> (i32)
	.loc	1 2 34 prologue_end
	local.get	1
	local.get	0
	i32.add
	.loc	1 2 40 is_stmt 0
	i32.const	0
	i32.load	counter
	.loc	1 2 38
	i32.add
	end_function
.Lfunc_end0:

	.section	.text.twice,"",@
	.globl	twice
	.type	twice,@function
twice:
.Lfunc_begin1:
	.functype	twice (i32) -> (i32)
	.loc	1 3 27 prologue_end
	local.get	0
	local.get	0
	call	add
	.loc	1 3 20
	end_function
.Lfunc_end1:

	.section	.bss.counter,"",@
	.globl	counter
	.p2align	2, 0x0
counter:
	.int32	0
	.size	counter, 4

	.section	.debug_abbrev,"",@
	.int8	1                       # Abbreviation Code
	.int8	17                      # DW_TAG_compile_unit
	.int8	1                       # DW_CHILDREN_yes
	.int8	37                      # DW_AT_producer
	.int8	14                      # DW_FORM_strp
	.int8	19                      # DW_AT_language
	.int8	5                       # DW_FORM_data2
	.int8	3                       # DW_AT_name
	.int8	14                      # DW_FORM_strp
	.int8	16                      # DW_AT_stmt_list
	.int8	23                      # DW_FORM_sec_offset
	.int8	17                      # DW_AT_low_pc
	.int8	1                       # DW_FORM_addr
	.int8	85                      # DW_AT_ranges
	.int8	23                      # DW_FORM_sec_offset
	.int8	0                       # EOM(1)
	.int8	0                       # EOM(2)
	.int8	2                       # Abbreviation Code
	.int8	52                      # DW_TAG_variable
	.int8	0                       # DW_CHILDREN_no
	.int8	3                       # DW_AT_name
	.int8	14                      # DW_FORM_strp
	.int8	2                       # DW_AT_location
	.int8	24                      # DW_FORM_exprloc
	.int8	0                       # EOM(1)
	.int8	0                       # EOM(2)
	.int8	3                       # Abbreviation Code
	.int8	46                      # DW_TAG_subprogram
	.int8	0                       # DW_CHILDREN_no
	.int8	17                      # DW_AT_low_pc
	.int8	1                       # DW_FORM_addr
	.int8	18                      # DW_AT_high_pc
	.int8	6                       # DW_FORM_data4
	.int8	64                      # DW_AT_frame_base
	.int8	24                      # DW_FORM_exprloc
	.int8	3                       # DW_AT_name
	.int8	14                      # DW_FORM_strp
	.int8	0                       # EOM(1)
	.int8	0                       # EOM(2)
	.int8	0                       # EOM(3)

	.section	.debug_info,"",@
.Lcu_begin0:
	.int32	.Ldebug_info_end0-.Ldebug_info_start0 # Length of Unit
.Ldebug_info_start0:
	.int16	4                       # DWARF version number
	.int32	.debug_abbrev0          # Offset Into Abbrev. Section
	.int8	4                       # Address Size (in bytes)
	.int8	1                       # Abbrev [1] DW_TAG_compile_unit
	.int32	.Linfo_string0          # DW_AT_producer
	.int16	29                      # DW_AT_language (DW_LANG_C11)
	.int32	.Linfo_string1          # DW_AT_name
	.int32	.Lline_table_start0     # DW_AT_stmt_list
	.int32	0                       # DW_AT_low_pc
	.int32	.Ldebug_ranges0         # DW_AT_ranges
	.int8	2                       # Abbrev [2] DW_TAG_variable
	.int32	.Linfo_string2          # DW_AT_name
	.int8	5                       # DW_AT_location
	.int8	3                       # DW_OP_addr
	.int32	counter
	.int8	3                       # Abbrev [3] DW_TAG_subprogram
	.int32	.Lfunc_begin0           # DW_AT_low_pc
	.int32	.Lfunc_end0-.Lfunc_begin0 # DW_AT_high_pc
	.int8	7                       # DW_AT_frame_base
	.int8	237                     # DW_OP_WASM_location
	.int8	3                       # global, fixed 4-byte index
	.int32	__stack_pointer
	.int8	159                     # DW_OP_stack_value
	.int32	.Linfo_string3          # DW_AT_name
	.int8	3                       # Abbrev [3] DW_TAG_subprogram
	.int32	.Lfunc_begin1           # DW_AT_low_pc
	.int32	.Lfunc_end1-.Lfunc_begin1 # DW_AT_high_pc
	.int8	7                       # DW_AT_frame_base
	.int8	237                     # DW_OP_WASM_location
	.int8	3                       # global, fixed 4-byte index
	.int32	__stack_pointer
	.int8	159                     # DW_OP_stack_value
	.int32	.Linfo_string4          # DW_AT_name
	.int8	0                       # End Of Children Mark
.Ldebug_info_end0:

	.section	.debug_ranges,"",@
.Ldebug_ranges0:
	.int32	.Lfunc_begin0
	.int32	.Lfunc_end0
	.int32	.Lfunc_begin1
	.int32	.Lfunc_end1
	.int32	0
	.int32	0

	.section	.debug_str,"S",@
.Linfo_string0:
	.asciz	"relwat test producer"
.Linfo_string1:
	.asciz	"debug.c"
.Linfo_string2:
	.asciz	"counter"
.Linfo_string3:
	.asciz	"add"
.Linfo_string4:
	.asciz	"twice"

	.section	.debug_line,"",@
.Lline_table_start0:
