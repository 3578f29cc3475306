# The LLVM assembly equivalent of lib.wat.
	.functype	c_record (i32) -> ()

	.section	.text.wat_ctor_early,"",@
	.globl	wat_ctor_early
	.type	wat_ctor_early,@function
wat_ctor_early:
	.functype	wat_ctor_early () -> ()
	i32.const	101
	call	c_record
	end_function

	.section	.text.wat_ctor_late,"",@
	.globl	wat_ctor_late
	.type	wat_ctor_late,@function
wat_ctor_late:
	.functype	wat_ctor_late () -> ()
	i32.const	65535
	call	c_record
	end_function

	.section	.text.wat_ctor_mid,"",@
	.globl	wat_ctor_mid
	.type	wat_ctor_mid,@function
wat_ctor_mid:
	.functype	wat_ctor_mid () -> ()
	i32.const	200
	call	c_record
	end_function

	.section	.text.wat_ctor_mid2,"",@
	.type	wat_ctor_mid2,@function
wat_ctor_mid2:
	.functype	wat_ctor_mid2 () -> ()
	i32.const	201
	call	c_record
	end_function

	.section	.init_array.101,"",@
	.p2align	2
	.int32	wat_ctor_early
	.section	.init_array,"",@
	.p2align	2
	.int32	wat_ctor_late
	.section	.init_array.200,"",@
	.p2align	2
	.int32	wat_ctor_mid
	.int32	wat_ctor_mid2
