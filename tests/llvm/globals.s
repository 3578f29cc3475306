# RUN: llvm-mc -triple=wasm32-unknown-unknown

# Wasm globals declared with .globaltype, each reached by an
# R_WASM_GLOBAL_INDEX_LEB at global.get/global.set:
#   - imported (no label): __stack_pointer (mutable i32, the C stack
#     pointer, saved and restored as clang's prologue/epilogue does), an
#     immutable i64 and an f64 from another module (.import_module and
#     .import_name);
#   - defined (a label after .globaltype; llvm-mc zero-initialises them):
#     a local mutable i32, a global (.globl) immutable f32, a mutable
#     externref and a hidden mutable i64.
# Imported globals come first in the global index space; the symbol
# table's order and flags and each global's type and mutability must
# survive the round trip.

	.globaltype	__stack_pointer, i32
	.globaltype	ext_const, i64, immutable
	.globaltype	ext_scale, f64, immutable
	.import_module	ext_scale, config
	.import_name	ext_scale, scale

	.globaltype	counter, i32
counter:

	.globl	pi_approx
	.globaltype	pi_approx, f32, immutable
pi_approx:

	.globaltype	last_ref, externref
last_ref:

	.hidden	hidden_total
	.globl	hidden_total
	.globaltype	hidden_total, i64
hidden_total:

	.section	.text.with_frame,"",@
	.globl	with_frame
	.type	with_frame,@function
with_frame:
	.functype	with_frame (i32) -> (i32)
	.local	i32
	global.get	__stack_pointer
	i32.const	16
	i32.sub
	local.tee	1
	global.set	__stack_pointer
	local.get	1
	local.get	0
	i32.store	12
	global.get	counter
	local.get	1
	i32.load	12
	i32.add
	global.set	counter
	local.get	1
	i32.const	16
	i32.add
	global.set	__stack_pointer
	global.get	counter
	end_function

	.section	.text.read_consts,"",@
	.globl	read_consts
	.type	read_consts,@function
read_consts:
	.functype	read_consts () -> (f64)
	global.get	ext_const
	global.get	hidden_total
	i64.add
	global.set	hidden_total
	global.get	pi_approx
	f64.promote_f32
	global.get	ext_scale
	f64.mul
	end_function

	.section	.text.keep_ref,"",@
	.globl	keep_ref
	.type	keep_ref,@function
keep_ref:
	.functype	keep_ref (externref) -> (externref)
	global.get	last_ref
	local.get	0
	global.set	last_ref
	end_function
