# RUN: llvm-mc -triple=wasm32-unknown-unknown -mattr=+multivalue

# Multi-value: functions with several results and blocks whose type is a
# function signature.  A block, loop or if with a multi-value (or any
# parameterised) type refers to a type-section entry, and llvm-mc writes
# that index as a 5-byte LEB with an R_WASM_TYPE_INDEX_LEB, as it does for
# call_indirect.  Single-result and empty block types are one byte with no
# relocation.  The signatures used only by blocks must keep their place in
# the type section; calls to a multi-result import and a multi-result
# call_indirect are here too.

	.functype	ext_pair () -> (i32, i64)

	.section	.text.swap,"",@
	.globl	swap
	.type	swap,@function
swap:
	.functype	swap (i32, f64) -> (f64, i32)
	local.get	1
	local.get	0
	end_function

	.section	.text.blocks,"",@
	.globl	blocks
	.type	blocks,@function
blocks:
	.functype	blocks (i32) -> (i32, i32, i32)
	# block with parameters and results: TYPE_INDEX_LEB
	local.get	0
	i32.const	1
	block	(i32, i32) -> (i32, i32)
	end_block
	# loop with a parameter: TYPE_INDEX_LEB
	loop	(i32) -> (i32)
	end_loop
	# if with two results: TYPE_INDEX_LEB
	local.get	0
	if	() -> (i32, f32)
	i32.const	2
	f32.const	2.0
	else
	i32.const	3
	f32.const	3.0
	end_if
	drop
	# a plain single-result block: one byte, no relocation
	block	i32
	i32.const	4
	end_block
	i32.add
	end_function

	.section	.text.callers,"",@
	.globl	callers
	.type	callers,@function
callers:
	.functype	callers (i32) -> (f64, i64)
	.local	i64
	local.get	0
	f64.const	1.0
	call	swap
	drop
	local.get	0
	f64.const	2.0
	i32.const	swap
	call_indirect	(i32, f64) -> (f64, i32)
	drop
	f64.add
	call	ext_pair
	local.set	1
	drop
	local.get	1
	end_function
