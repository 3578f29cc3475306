# RUN: llvm-mc -triple=wasm32-unknown-unknown -mcpu=mvp

# call_indirect in an MVP object (no reference-types): its table immediate
# is the single reserved byte 0x00, with no R_WASM_TABLE_NUMBER_LEB, and
# llvm-mc writes no symbol for __indirect_function_table although it still
# imports the table (function addresses need it: R_WASM_TABLE_INDEX_SLEB and
# R_WASM_TABLE_INDEX_I32 put the functions in the element segment).  The
# printed text must keep the one-byte table immediate, the table import
# without a symbol and the symbol table without a table entry.  (llvm-mc-22
# still writes a DataCount section, which bulk memory introduced.)

	.functype	ext_target (i32) -> (i32)

	.section	.text.square,"",@
	.globl	square
	.type	square,@function
square:
	.functype	square (i32) -> (i32)
	local.get	0
	local.get	0
	i32.mul
	end_function

	.section	.text.call_ptr,"",@
	.globl	call_ptr
	.type	call_ptr,@function
call_ptr:
	.functype	call_ptr (i32, i32) -> (i32)
	local.get	1
	local.get	0
	call_indirect	(i32) -> (i32)
	end_function

	.section	.text.call_square,"",@
	.globl	call_square
	.type	call_square,@function
call_square:
	.functype	call_square (i32) -> (i32)
	local.get	0
	i32.const	square
	call	call_ptr
	local.get	0
	i32.const	0
	i32.load	table_of_ptrs+4
	call_indirect	(i32) -> (i32)
	i32.add
	end_function

	.section	.data.table_of_ptrs,"",@
	.globl	table_of_ptrs
	.p2align	2, 0x0
table_of_ptrs:
	.int32	square
	.int32	ext_target
	.size	table_of_ptrs, 8
