# The LLVM assembly equivalent of lib.wat.
	.tabletype	__indirect_function_table, funcref
	.globaltype	__memory_base, i32, immutable
	.globaltype	__table_base, i32, immutable
	.functype	c_twice (i32) -> (i32)

	.section	.text.wat_square,"",@
	.globl	wat_square
	.type	wat_square,@function
wat_square:
	.functype	wat_square (i32) -> (i32)
	local.get	0
	local.get	0
	i32.mul
	end_function

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
	.functype	wat_local_addr () -> (i32)
	global.get	__memory_base
	i32.const	wat_local@MBREL
	i32.add
	end_function

	.section	.text.wat_cube_ptr,"",@
	.globl	wat_cube_ptr
	.type	wat_cube_ptr,@function
wat_cube_ptr:
	.functype	wat_cube_ptr () -> (i32)
	global.get	__table_base
	i32.const	wat_cube@TBREL
	i32.add
	end_function

	.section	.text.wat_c_twice_ptr,"",@
	.globl	wat_c_twice_ptr
	.type	wat_c_twice_ptr,@function
wat_c_twice_ptr:
	.functype	wat_c_twice_ptr () -> (i32)
	global.get	c_twice@GOT
	end_function

	.section	.text.wat_square_ptr,"",@
	.globl	wat_square_ptr
	.type	wat_square_ptr,@function
wat_square_ptr:
	.functype	wat_square_ptr () -> (i32)
	global.get	wat_square@GOT
	end_function

	.section	.text.wat_c_value_addr,"",@
	.globl	wat_c_value_addr
	.type	wat_c_value_addr,@function
wat_c_value_addr:
	.functype	wat_c_value_addr () -> (i32)
	global.get	c_value@GOT
	end_function

	.section	.text.wat_c_other_addr,"",@
	.globl	wat_c_other_addr
	.type	wat_c_other_addr,@function
wat_c_other_addr:
	.functype	wat_c_other_addr () -> (i32)
	global.get	c_other@GOT
	end_function

	.section	.text.wat_public_addr,"",@
	.globl	wat_public_addr
	.type	wat_public_addr,@function
wat_public_addr:
	.functype	wat_public_addr () -> (i32)
	global.get	wat_public@GOT
	end_function

	.section	.text.wat_call_ptr,"",@
	.globl	wat_call_ptr
	.type	wat_call_ptr,@function
wat_call_ptr:
	.functype	wat_call_ptr (i32, i32) -> (i32)
	local.get	1
	local.get	0
	call_indirect	__indirect_function_table, (i32) -> (i32)
	end_function

	.section	.data.wat_local,"",@
	.type	wat_local,@object
	.p2align	2
wat_local:
	.int32	7
	.size	wat_local, 4

	.section	.data.wat_public,"",@
	.globl	wat_public
	.type	wat_public,@object
	.p2align	2
wat_public:
	.int32	9
	.size	wat_public, 4

	.section	.data.wat_ptrs,"",@
	.globl	wat_ptrs
	.hidden	wat_ptrs
	.type	wat_ptrs,@object
	.p2align	2
wat_ptrs:
	.int32	wat_local
	.int32	wat_cube
	.int32	c_value
	.size	wat_ptrs, 12
