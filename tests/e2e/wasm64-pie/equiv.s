# The LLVM assembly equivalent of lib.wat.
	.globaltype	__memory_base, i64, immutable
	.globaltype	__table_base, i64, immutable

	.section	.text.wat_cube,"",@
	.type	wat_cube,@function
wat_cube:
	.functype	wat_cube (i32) -> (i32)
	local.get	0
	local.get	0
	i32.mul
	local.get	0
	i32.mul
	end_function

	.section	.text.wat_local_addr,"",@
	.globl	wat_local_addr
	.type	wat_local_addr,@function
wat_local_addr:
	.functype	wat_local_addr () -> (i64)
	global.get	__memory_base
	i64.const	wat_local@MBREL
	i64.add
	end_function

	.section	.text.wat_cube_ptr,"",@
	.globl	wat_cube_ptr
	.type	wat_cube_ptr,@function
wat_cube_ptr:
	.functype	wat_cube_ptr () -> (i64)
	global.get	__table_base
	i64.const	wat_cube@TBREL
	i64.add
	end_function

	.section	.text.wat_c_value_addr,"",@
	.globl	wat_c_value_addr
	.type	wat_c_value_addr,@function
wat_c_value_addr:
	.functype	wat_c_value_addr () -> (i64)
	global.get	c_value@GOT
	end_function

	.section	.data.wat_local,"",@
	.type	wat_local,@object
	.p2align	3
wat_local:
	.int64	7000000000
	.size	wat_local, 8

	.section	.data.wat_ptrs,"",@
	.globl	wat_ptrs
	.type	wat_ptrs,@object
	.p2align	3
wat_ptrs:
	.int64	wat_local
	.int64	wat_cube
	.size	wat_ptrs, 16
