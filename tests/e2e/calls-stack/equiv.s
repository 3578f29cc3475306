# The LLVM assembly equivalent of lib.wat.
	.globaltype	__stack_pointer, i32
	.functype	c_sum (i32, i32) -> (i32)
	.functype	c_log (i32) -> ()

	.section	.text.wat_scale,"",@
	.globl	wat_scale
	.type	wat_scale,@function
wat_scale:
	.functype	wat_scale (i32) -> (i32)
	local.get	0
	i32.const	3
	i32.mul
	end_function

	.section	.text.wat_sum3,"",@
	.globl	wat_sum3
	.type	wat_sum3,@function
wat_sum3:
	.functype	wat_sum3 (i32, i32, i32) -> (i32)
	.local	i32, i32
	global.get	__stack_pointer
	i32.const	16
	i32.sub
	local.tee	3
	global.set	__stack_pointer
	local.get	3
	local.get	0
	i32.store	0
	local.get	3
	local.get	1
	i32.store	4
	local.get	3
	local.get	2
	i32.store	8
	local.get	3
	i32.const	3
	call	c_sum
	local.set	4
	local.get	3
	i32.const	16
	i32.add
	global.set	__stack_pointer
	local.get	4
	end_function

	.section	.text.wat_fact,"",@
	.globl	wat_fact
	.type	wat_fact,@function
wat_fact:
	.functype	wat_fact (i32) -> (i32)
	local.get	0
	call	c_log
	local.get	0
	i32.const	2
	i32.lt_s
	if	i32
	i32.const	1
	else
	local.get	0
	local.get	0
	i32.const	1
	i32.sub
	call	wat_fact
	i32.mul
	end_if
	end_function

	.section	.text.wat_triangle,"",@
	.globl	wat_triangle
	.type	wat_triangle,@function
wat_triangle:
	.functype	wat_triangle (i32, i32) -> (i32)
	local.get	0
	i32.eqz
	if	i32
	local.get	1
	else
	local.get	0
	i32.const	1
	i32.sub
	local.get	1
	local.get	0
	i32.add
	return_call	wat_triangle
	end_if
	end_function

	.section	.text.wat_add_pair,"",@
	.globl	wat_add_pair
	.type	wat_add_pair,@function
wat_add_pair:
	.functype	wat_add_pair (i32, i32) -> (i32)
	local.get	0
	local.get	1
	block	(i32, i32) -> (i32)
	i32.add
	end_block
	end_function

	.section	.text.wat_sp,"",@
	.globl	wat_sp
	.type	wat_sp,@function
wat_sp:
	.functype	wat_sp () -> (i32)
	global.get	__stack_pointer
	end_function
