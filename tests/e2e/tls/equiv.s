# The LLVM assembly equivalent of lib.wat.
	.globaltype	__tls_base, i32

	.section	.text.wat_tls_counter_addr,"",@
	.globl	wat_tls_counter_addr
	.type	wat_tls_counter_addr,@function
wat_tls_counter_addr:
	.functype	wat_tls_counter_addr () -> (i32)
	global.get	__tls_base
	i32.const	wat_tls_counter@TLSREL
	i32.add
	end_function

	.section	.text.wat_tls_bump,"",@
	.globl	wat_tls_bump
	.type	wat_tls_bump,@function
wat_tls_bump:
	.functype	wat_tls_bump (i32) -> (i32)
	.local	i32
	global.get	__tls_base
	i32.const	wat_tls_counter@TLSREL
	i32.add
	local.tee	1
	local.get	1
	i32.load	0
	local.get	0
	i32.add
	i32.store	0
	local.get	1
	i32.load	0
	end_function

	.section	.text.wat_tls_zero_addr,"",@
	.globl	wat_tls_zero_addr
	.type	wat_tls_zero_addr,@function
wat_tls_zero_addr:
	.functype	wat_tls_zero_addr () -> (i32)
	global.get	__tls_base
	i32.const	wat_tls_zero@TLSREL
	i32.add
	end_function

	.section	.text.wat_read_c_tls,"",@
	.globl	wat_read_c_tls
	.type	wat_read_c_tls,@function
wat_read_c_tls:
	.functype	wat_read_c_tls () -> (i32)
	global.get	__tls_base
	i32.const	c_tls@TLSREL
	i32.add
	i32.load	0
	end_function

	.section	.text.wat_atomic_add,"",@
	.globl	wat_atomic_add
	.type	wat_atomic_add,@function
wat_atomic_add:
	.functype	wat_atomic_add (i32) -> (i32)
	i32.const	0
	local.get	0
	i32.atomic.rmw.add	wat_atomic_counter
	end_function

	.section	.text.wat_atomic_get,"",@
	.globl	wat_atomic_get
	.type	wat_atomic_get,@function
wat_atomic_get:
	.functype	wat_atomic_get () -> (i32)
	i32.const	0
	i32.atomic.load	wat_atomic_counter
	end_function

	.section	.tdata.wat_tls_counter,"T",@
	.globl	wat_tls_counter
	.type	wat_tls_counter,@object
	.p2align	2
wat_tls_counter:
	.int32	5
	.size	wat_tls_counter, 4

	.section	.tbss.wat_tls_zero,"T",@
	.globl	wat_tls_zero
	.type	wat_tls_zero,@object
	.p2align	3
wat_tls_zero:
	.skip	8
	.size	wat_tls_zero, 8

	.section	.bss.wat_atomic_counter,"",@
	.globl	wat_atomic_counter
	.type	wat_atomic_counter,@object
	.p2align	2
wat_atomic_counter:
	.skip	4
	.size	wat_atomic_counter, 4
