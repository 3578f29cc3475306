# RUN: llvm-mc -triple=wasm32-unknown-unknown -mattr=+exception-handling

# Every wasm32 relocation type llvm-mc-22 writes, one use each (a few twice),
# so that obj2wat must print and wat2obj must re-create each of them at the
# exact place llvm-mc put it.  relocs-all64.s has the 64-bit ones.
#
# Covered here (llvm-readobj-22 -r):
#   0  R_WASM_FUNCTION_INDEX_LEB      call, ref.func
#   1  R_WASM_TABLE_INDEX_SLEB        i32.const of a function
#   2  R_WASM_TABLE_INDEX_I32         .int32 of a function in a data section
#   3  R_WASM_MEMORY_ADDR_LEB         memarg offset of a load and a store
#   4  R_WASM_MEMORY_ADDR_SLEB        i32.const of a data symbol (+ addend)
#   5  R_WASM_MEMORY_ADDR_I32         .int32 of a data symbol in a data section
#   6  R_WASM_TYPE_INDEX_LEB          call_indirect type, multi-value block type
#   7  R_WASM_GLOBAL_INDEX_LEB        global.get/global.set, @GOT
#   8  R_WASM_FUNCTION_OFFSET_I32     .int32 of a function and of a code label
#                                     in .debug_info
#   9  R_WASM_SECTION_OFFSET_I32      .int32 of a label in .debug_str/.debug_abbrev
#  10  R_WASM_TAG_INDEX_LEB           throw, try_table catch
#  11  R_WASM_MEMORY_ADDR_REL_SLEB    i32.const sym@MBREL
#  12  R_WASM_TABLE_INDEX_REL_SLEB    i32.const f@TBREL
#  13  R_WASM_GLOBAL_INDEX_I32        .int32 of a global in .debug_info
#  20  R_WASM_TABLE_NUMBER_LEB        call_indirect table, table.get/table.size
#  21  R_WASM_MEMORY_ADDR_TLS_SLEB    i32.const tls@TLSREL
#  23  R_WASM_MEMORY_ADDR_LOCREL_I32  .int32 sym - . in a data section
#  26  R_WASM_FUNCTION_INDEX_I32      .int32 f@FUNCINDEX in a custom section

	.globaltype	__stack_pointer, i32
	.globaltype	__memory_base, i32, immutable
	.globaltype	__table_base, i32, immutable
	.globaltype	__tls_base, i32
	.globaltype	counter, i32
counter:
	.tagtype	my_tag i32
	.functype	ext_func (i32) -> (i32)

	.tabletype	refs, externref
refs:

	.section	.text.callee,"",@
	.globl	callee
	.type	callee,@function
callee:
	.functype	callee (i32) -> (i32)
	local.get	0
	end_function

	.section	.text.code_relocs,"",@
	.globl	code_relocs
	.type	code_relocs,@function
code_relocs:
	.functype	code_relocs (i32) -> (i32)
	# R_WASM_FUNCTION_INDEX_LEB
	local.get	0
	call	callee
	call	ext_func
	drop
	ref.func	callee
	drop
	# R_WASM_TABLE_INDEX_SLEB, R_WASM_TYPE_INDEX_LEB, R_WASM_TABLE_NUMBER_LEB
	local.get	0
	i32.const	callee
	call_indirect	__indirect_function_table, (i32) -> (i32)
	drop
	# R_WASM_MEMORY_ADDR_SLEB (with an addend) and R_WASM_MEMORY_ADDR_LEB
	i32.const	data_word+4
	i32.const	0
	i32.load	data_word
	i32.store	data_word+8
	# R_WASM_GLOBAL_INDEX_LEB
	global.get	__stack_pointer
	i32.const	16
	i32.sub
	global.set	__stack_pointer
	global.get	counter
	drop
	global.get	ext_data@GOT
	drop
	# R_WASM_MEMORY_ADDR_REL_SLEB and R_WASM_TABLE_INDEX_REL_SLEB
	global.get	__memory_base
	i32.const	data_word@MBREL
	i32.add
	drop
	global.get	__table_base
	i32.const	callee@TBREL
	i32.add
	drop
	# R_WASM_MEMORY_ADDR_TLS_SLEB
	global.get	__tls_base
	i32.const	tls_word@TLSREL
	i32.add
	drop
	# R_WASM_TABLE_NUMBER_LEB on an externref table
	i32.const	0
	table.get	refs
	drop
	table.size	refs
	drop
	# R_WASM_TYPE_INDEX_LEB at a multi-value block type
	i32.const	1
	i32.const	2
	block	(i32, i32) -> (i32, i32)
	end_block
	i32.add
.Lcode_label:
	end_function

	.section	.text.tag_relocs,"",@
	.globl	tag_relocs
	.type	tag_relocs,@function
tag_relocs:
	.functype	tag_relocs (i32) -> (i32)
	# R_WASM_TAG_INDEX_LEB in throw and in a catch clause
	block	i32
	try_table	(catch my_tag 0)
	local.get	0
	throw	my_tag
	end_try_table
	i32.const	0
	return
	end_block
	end_function

	.section	.data.data_word,"",@
	.globl	data_word
	.p2align	2, 0x0
data_word:
	.int32	0
	.int32	0
	.int32	0
	.size	data_word, 12

	.section	.data.pointers,"",@
	.globl	pointers
	.p2align	2, 0x0
pointers:
	# R_WASM_MEMORY_ADDR_I32, R_WASM_TABLE_INDEX_I32, R_WASM_MEMORY_ADDR_LOCREL_I32
	.int32	data_word+4
	.int32	callee
	.int32	data_word-.
	.size	pointers, 12

	.section	.tdata.tls_word,"T",@
	.globl	tls_word
	.p2align	2, 0x0
tls_word:
	.int32	7
	.size	tls_word, 4

	.section	.debug_abbrev,"",@
.Labbrev_start:
	.int8	0

	.section	.debug_str,"S",@
.Lstr_producer:
	.asciz	"relocs-all"
.Lstr_name:
	.asciz	"code_relocs"

	.section	.debug_info,"",@
	# R_WASM_SECTION_OFFSET_I32
	.int32	.Labbrev_start
	.int32	.Lstr_producer
	.int32	.Lstr_name
	# R_WASM_FUNCTION_OFFSET_I32 (a function, a function with an addend, a label)
	.int32	code_relocs
	.int32	code_relocs+3
	.int32	.Lcode_label
	# R_WASM_GLOBAL_INDEX_I32
	.int32	__stack_pointer

	.section	.custom_section.funcidx,"",@
	# R_WASM_FUNCTION_INDEX_I32
	.int32	callee@FUNCINDEX
	.int32	code_relocs@FUNCINDEX
