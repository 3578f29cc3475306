# The LLVM assembly equivalent of lib.wat.
	.section	.text.wat_pair_sum,"",@
	.globl	wat_pair_sum
	.type	wat_pair_sum,@function
wat_pair_sum:
	.functype	wat_pair_sum () -> (i32)
	i32.const	0
	i32.load	pair_first
	i32.const	0
	i32.load	pair_second
	i32.add
	i32.const	0
	i32.load	pair_first+8
	i32.add
	end_function

	.section	.text.wat_bump_zero_b,"",@
	.globl	wat_bump_zero_b
	.type	wat_bump_zero_b,@function
wat_bump_zero_b:
	.functype	wat_bump_zero_b (i32) -> ()
	i32.const	0
	i32.const	0
	i32.load	zero_b
	local.get	0
	i32.add
	i32.store	zero_b
	end_function

	.section	.text.wat_farewell,"",@
	.globl	wat_farewell
	.type	wat_farewell,@function
wat_farewell:
	.functype	wat_farewell () -> (i32)
	i32.const	farewell
	end_function

	.section	.rodata.greeting,"SR",@
	.p2align	2
	.globl	greeting
	.type	greeting,@object
greeting:
	.asciz	"hello"
	.size	greeting, 6
	.globl	farewell
	.type	farewell,@object
farewell:
	.asciz	"goodbye"
	.size	farewell, 8

	.section	.bss.zeros,"",@
	.p2align	3
	.globl	zero_a
	.type	zero_a,@object
zero_a:
	.skip	8
	.size	zero_a, 8
	.globl	zero_b
	.type	zero_b,@object
zero_b:
	.skip	4
	.size	zero_b, 4
	.globl	zero_c
	.type	zero_c,@object
zero_c:
	.skip	4
	.size	zero_c, 4

	.section	.data.pair,"",@
	.p2align	2
	.globl	pair_first
	.type	pair_first,@object
pair_first:
	.int32	1
	.size	pair_first, 4
	.globl	pair_second
	.type	pair_second,@object
pair_second:
	.int32	2
	.size	pair_second, 4
	.int32	3		# lib.wat's label $third

	.section	.data.ptrs,"",@
	.p2align	2
	.globl	ptrs
	.type	ptrs,@object
ptrs:
	.int32	greeting
	.int32	farewell
	.int32	pair_first+8		# pair_first with the label $third as addend
	.int32	greeting+2
	.size	ptrs, 16

	.section	.rodata.rel,"",@
	.p2align	2
	.globl	rel
	.type	rel,@object
rel:
	.int32	farewell-.
	.int32	pair_second+4-.
	.size	rel, 8
