# RUN: llvm-mc -triple=wasm32-unknown-unknown -mattr=+fp16,+simd128

# Every instruction of the FP16 proposal that llvm-mc-22 accepts (its
# `f16x8.demote_f32x4_zero`, `f16x8.demote_f64x2_zero` and
# `f32x4.promote_low_f16x8` are "invalid instruction" to llvm-mc-22): the
# scalar `f32.load_f16`/`f32.store_f16` (0xfc 0x30/0x31, with a memarg) and
# the `f16x8.*` SIMD instructions (0xfd 0x120...).  The load and the store
# have a memory offset relocated against the data symbol `half_val`
# (R_WASM_MEMORY_ADDR_LEB, decisions.md A4: every instruction with a memarg),
# and the load adds an addend (+2).  Each function uses one group of
# instructions with the right operand types, so that the object validates.
# llvm-mc writes `+fp16` and `+simd128` nowhere in the object (no
# target_features section from llvm-mc without `.custom_section`).

	.section	.text.load_store,"",@
	.globl	load_store
	.type	load_store,@function
load_store:
	.functype	load_store (i32) -> (f32)
	local.get	0
	i32.const	0
	f32.load_f16	half_val+2:p2align=1
	f32.store_f16	half_val
	i32.const	0
	f32.load_f16	0
	end_function

	.section	.text.lanes,"",@
	.globl	lanes
	.type	lanes,@function
lanes:
	.functype	lanes (f32) -> (f32)
	local.get	0
	f16x8.splat
	local.get	0
	f16x8.replace_lane	3
	f16x8.extract_lane	7
	end_function

	.section	.text.unary,"",@
	.globl	unary
	.type	unary,@function
unary:
	.functype	unary (v128) -> (v128)
	local.get	0
	f16x8.abs
	f16x8.neg
	f16x8.sqrt
	f16x8.ceil
	f16x8.floor
	f16x8.trunc
	f16x8.nearest
	end_function

	.section	.text.compare,"",@
	.globl	compare
	.type	compare,@function
compare:
	.functype	compare (v128, v128) -> (v128)
	local.get	0
	local.get	1
	f16x8.eq
	local.get	0
	local.get	1
	f16x8.ne
	v128.and
	local.get	0
	local.get	1
	f16x8.lt
	v128.and
	local.get	0
	local.get	1
	f16x8.gt
	v128.and
	local.get	0
	local.get	1
	f16x8.le
	v128.and
	local.get	0
	local.get	1
	f16x8.ge
	v128.and
	end_function

	.section	.text.binary,"",@
	.globl	binary
	.type	binary,@function
binary:
	.functype	binary (v128, v128) -> (v128)
	local.get	0
	local.get	1
	f16x8.add
	local.get	1
	f16x8.sub
	local.get	1
	f16x8.mul
	local.get	1
	f16x8.div
	local.get	1
	f16x8.min
	local.get	1
	f16x8.max
	local.get	1
	f16x8.pmin
	local.get	1
	f16x8.pmax
	end_function

	.section	.text.convert,"",@
	.globl	convert
	.type	convert,@function
convert:
	.functype	convert (v128) -> (v128)
	local.get	0
	i16x8.trunc_sat_f16x8_s
	f16x8.convert_i16x8_s
	i16x8.trunc_sat_f16x8_u
	f16x8.convert_i16x8_u
	end_function

	.section	.text.fused,"",@
	.globl	fused
	.type	fused,@function
fused:
	.functype	fused (v128, v128, v128) -> (v128)
	local.get	0
	local.get	1
	local.get	2
	f16x8.madd
	local.get	1
	local.get	2
	f16x8.nmadd
	end_function

	.section	.data.half_val,"",@
	.globl	half_val
	.p2align	1, 0x0
half_val:
	.int16	0x3c00
	.int16	0x4000
	.size	half_val, 4
