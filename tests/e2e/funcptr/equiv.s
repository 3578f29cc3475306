# The LLVM assembly equivalent of lib.wat.
	.tabletype	__indirect_function_table, funcref
	.functype	c_negate (i32) -> (i32)

	.section	.text.wat_square,"",@
	.globl	wat_square
	.type	wat_square,@function
wat_square:
	.functype	wat_square (i32) -> (i32)
	local.get	0
	local.get	0
	i32.mul
	end_function

	.section	.text.wat_double,"",@
	.globl	wat_double
	.type	wat_double,@function
wat_double:
	.functype	wat_double (i32) -> (i32)
	local.get	0
	i32.const	1
	i32.shl
	end_function

	.section	.text.wat_get_square,"",@
	.globl	wat_get_square
	.type	wat_get_square,@function
wat_get_square:
	.functype	wat_get_square () -> (i32)
	i32.const	wat_square
	end_function

	.section	.text.wat_apply,"",@
	.globl	wat_apply
	.type	wat_apply,@function
wat_apply:
	.functype	wat_apply (i32, i32) -> (i32)
	local.get	1
	local.get	0
	call_indirect	__indirect_function_table, (i32) -> (i32)
	end_function

	.section	.text.wat_apply_op,"",@
	.globl	wat_apply_op
	.type	wat_apply_op,@function
wat_apply_op:
	.functype	wat_apply_op (i32, i32) -> (i32)
	local.get	1
	local.get	0
	i32.const	2
	i32.shl
	i32.load	wat_ops
	call_indirect	__indirect_function_table, (i32) -> (i32)
	end_function

	.section	.data.wat_ops,"",@
	.globl	wat_ops
	.type	wat_ops,@object
	.p2align	2
wat_ops:
	.int32	wat_square
	.int32	wat_double
	.int32	c_negate
	.size	wat_ops, 12
