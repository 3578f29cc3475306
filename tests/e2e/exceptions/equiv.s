# The LLVM assembly equivalent of lib.wat.
	.functype	c_call_divide (i32, i32) -> (i32)
	.tagtype	div_error i32
	.globl	div_error
div_error:

	.section	.text.wat_checked_div,"",@
	.globl	wat_checked_div
	.type	wat_checked_div,@function
wat_checked_div:
	.functype	wat_checked_div (i32, i32) -> (i32)
	local.get	1
	i32.eqz
	if
	local.get	0
	throw	div_error
	end_if
	local.get	0
	local.get	1
	i32.div_s
	end_function

	.section	.text.wat_safe_div,"",@
	.globl	wat_safe_div
	.type	wat_safe_div,@function
wat_safe_div:
	.functype	wat_safe_div (i32, i32) -> (i32)
	try	i32
	local.get	0
	local.get	1
	call	c_call_divide
	catch	div_error
	i32.const	1000
	i32.add
	end_try
	end_function

	.section	.text.wat_try_all,"",@
	.globl	wat_try_all
	.type	wat_try_all,@function
wat_try_all:
	.functype	wat_try_all (i32, i32) -> (i32)
	try	i32
	local.get	0
	local.get	1
	call	c_call_divide
	catch_all
	i32.const	-1
	end_try
	end_function

	.section	.text.wat_rethrow,"",@
	.globl	wat_rethrow
	.type	wat_rethrow,@function
wat_rethrow:
	.functype	wat_rethrow (i32) -> (i32)
	try	i32
	try	i32
	local.get	0
	i32.const	0
	call	c_call_divide
	catch	div_error
	drop
	rethrow	0
	unreachable
	end_try
	catch	div_error
	i32.const	2000
	i32.add
	end_try
	end_function
