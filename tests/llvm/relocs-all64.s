# RUN: llvm-mc -triple=wasm64-unknown-unknown -mattr=+exception-handling -no-type-check

# The 64-bit relocation types (memory64), as llvm-mc-22 writes them for
# wasm64: addresses are i64, so i64.const and memarg offsets take the *64
# forms, and .int64 in data and debug sections the *_I64 forms.  The types
# that do not change with the address size (function, global, tag, table
# number, type index, section offset) appear again, to check them in a
# wasm64 object.  relocs-all.s has the wasm32 ones.
#
# -no-type-check: llvm-mc-22 imports __indirect_function_table as a table64
# in a wasm64 object, but its type checker wants an i32 call_indirect index
# (and `.tabletype` has no address type in LLVM 22), so the i64 index that
# clang passes (and that validates) is only accepted without the checker.
#
# Covered here (llvm-readobj-22 -r):
#   0  R_WASM_FUNCTION_INDEX_LEB      call
#   6  R_WASM_TYPE_INDEX_LEB          call_indirect type
#   7  R_WASM_GLOBAL_INDEX_LEB        global.get, @GOT
#   9  R_WASM_SECTION_OFFSET_I32      .int32 of a .debug_str label
#  10  R_WASM_TAG_INDEX_LEB           throw
#  13  R_WASM_GLOBAL_INDEX_I32        .int32 of a global in .debug_info
#  14  R_WASM_MEMORY_ADDR_LEB64       memarg offset of a load and a store
#  15  R_WASM_MEMORY_ADDR_SLEB64      i64.const of a data symbol (+ addend)
#  16  R_WASM_MEMORY_ADDR_I64         .int64 of a data symbol in a data section
#  17  R_WASM_MEMORY_ADDR_REL_SLEB64  i64.const sym@MBREL
#  18  R_WASM_TABLE_INDEX_SLEB64      i64.const of a function
#  19  R_WASM_TABLE_INDEX_I64         .int64 of a function in a data section
#  20  R_WASM_TABLE_NUMBER_LEB        call_indirect table
#  22  R_WASM_FUNCTION_OFFSET_I64     .int64 of a function and of a code label
#                                     in .debug_info
#  24  R_WASM_TABLE_INDEX_REL_SLEB64  i64.const f@TBREL
#  25  R_WASM_MEMORY_ADDR_TLS_SLEB64  i64.const tls@TLSREL
#  26  R_WASM_FUNCTION_INDEX_I32      .int32 f@FUNCINDEX in a custom section

	.globaltype	__stack_pointer, i64
	.globaltype	__memory_base, i64, immutable
	.globaltype	__table_base, i64, immutable
	.globaltype	__tls_base, i64
	.tagtype	my_tag i64

	.section	.text.callee,"",@
	.globl	callee
	.type	callee,@function
callee:
	.functype	callee (i64) -> (i64)
	local.get	0
	end_function

	.section	.text.code_relocs,"",@
	.globl	code_relocs
	.type	code_relocs,@function
code_relocs:
	.functype	code_relocs (i64) -> (i64)
	local.get	0
	call	callee
	drop
	# R_WASM_MEMORY_ADDR_SLEB64 (with an addend) and R_WASM_MEMORY_ADDR_LEB64
	i64.const	data_word+8
	i64.const	0
	i64.load	data_word
	i64.store	data_word+16
	# R_WASM_TABLE_INDEX_SLEB64; the i64 function pointer indexes the
	# table64 directly, as clang writes it (see -no-type-check above)
	local.get	0
	i64.const	callee
	call_indirect	__indirect_function_table, (i64) -> (i64)
	drop
	# R_WASM_MEMORY_ADDR_REL_SLEB64, R_WASM_TABLE_INDEX_REL_SLEB64
	global.get	__memory_base
	i64.const	data_word@MBREL
	i64.add
	drop
	global.get	__table_base
	i64.const	callee@TBREL
	i64.add
	drop
	# R_WASM_MEMORY_ADDR_TLS_SLEB64
	global.get	__tls_base
	i64.const	tls_word@TLSREL
	i64.add
	drop
	# R_WASM_GLOBAL_INDEX_LEB through the GOT
	global.get	ext_data@GOT
	drop
	global.get	__stack_pointer
.Lcode_label:
	end_function

	.section	.text.thrower,"",@
	.globl	thrower
	.type	thrower,@function
thrower:
	.functype	thrower (i64) -> ()
	local.get	0
	throw	my_tag
	end_function

	.section	.data.data_word,"",@
	.globl	data_word
	.p2align	3, 0x0
data_word:
	.int64	0
	.int64	0
	.int64	0
	.size	data_word, 24

	.section	.data.pointers,"",@
	.globl	pointers
	.p2align	3, 0x0
pointers:
	# R_WASM_MEMORY_ADDR_I64, R_WASM_TABLE_INDEX_I64
	.int64	data_word+8
	.int64	callee
	.size	pointers, 16

	.section	.tdata.tls_word,"T",@
	.globl	tls_word
	.p2align	3, 0x0
tls_word:
	.int64	7
	.size	tls_word, 8

	.section	.debug_str,"S",@
.Lstr_name:
	.asciz	"code_relocs"

	.section	.debug_info,"",@
	# R_WASM_SECTION_OFFSET_I32 (DWARF32 offsets stay 32-bit in wasm64)
	.int32	.Lstr_name
	# R_WASM_FUNCTION_OFFSET_I64 (a function, a function with an addend, a label)
	.int64	code_relocs
	.int64	code_relocs+2
	.int64	.Lcode_label
	# R_WASM_GLOBAL_INDEX_I32
	.int32	__stack_pointer

	.section	.custom_section.funcidx,"",@
	# R_WASM_FUNCTION_INDEX_I32
	.int32	thrower@FUNCINDEX
