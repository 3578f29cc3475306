# The LLVM assembly equivalent of lib.wat.
	.section	.text.wat_bump,"",@
	.globl	wat_bump
	.type	wat_bump,@function
wat_bump:
	.functype	wat_bump (i32) -> ()
	i32.const	c_counter
	i32.const	c_counter
	i32.load	0
	local.get	0
	i32.add
	i32.store	0
	end_function

	.section	.text.wat_counter_addr,"",@
	.globl	wat_counter_addr
	.type	wat_counter_addr,@function
wat_counter_addr:
	.functype	wat_counter_addr () -> (i32)
	i32.const	c_counter
	end_function

	.section	.text.wat_array_second,"",@
	.globl	wat_array_second
	.type	wat_array_second,@function
wat_array_second:
	.functype	wat_array_second () -> (i32)
	i32.const	0
	i32.load	c_array+4
	end_function

	.section	.text.wat_set_third,"",@
	.globl	wat_set_third
	.type	wat_set_third,@function
wat_set_third:
	.functype	wat_set_third (i32) -> ()
	i32.const	0
	local.get	0
	i32.store	c_array+8
	end_function

	.section	.text.wat_scaled,"",@
	.globl	wat_scaled
	.type	wat_scaled,@function
wat_scaled:
	.functype	wat_scaled (f64) -> (f64)
	local.get	0
	i32.const	0
	f64.load	wat_scale
	f64.mul
	end_function

	.section	.data.wat_value,"",@
	.globl	wat_value
	.type	wat_value,@object
	.p2align	2
wat_value:
	.int32	42
	.size	wat_value, 4

	.section	.rodata.wat_scale,"",@
	.globl	wat_scale
	.type	wat_scale,@object
	.p2align	3
wat_scale:
	.int64	0x4004000000000000
	.size	wat_scale, 8

	.section	.data.wat_ptrs,"",@
	.globl	wat_ptrs
	.type	wat_ptrs,@object
	.p2align	2
wat_ptrs:
	.int32	c_counter
	.int32	c_array+12
	.int32	wat_value
	.size	wat_ptrs, 12
