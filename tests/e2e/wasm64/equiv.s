# The LLVM assembly equivalent of lib.wat.
	.globaltype	__tls_base, i64

	.section	.text.wat_square,"",@
	.globl	wat_square
	.type	wat_square,@function
wat_square:
	.functype	wat_square (i32) -> (i32)
	local.get	0
	local.get	0
.Lmul:
	i32.mul
	end_function

	.section	.text.wat_g64_addr,"",@
	.globl	wat_g64_addr
	.type	wat_g64_addr,@function
wat_g64_addr:
	.functype	wat_g64_addr () -> (i64)
	i64.const	wat_g64
	end_function

	.section	.text.wat_read_c_long,"",@
	.globl	wat_read_c_long
	.type	wat_read_c_long,@function
wat_read_c_long:
	.functype	wat_read_c_long () -> (i64)
	i64.const	0
	i64.load	c_long+8
	end_function

	.section	.text.wat_add_g64,"",@
	.globl	wat_add_g64
	.type	wat_add_g64,@function
wat_add_g64:
	.functype	wat_add_g64 (i64) -> ()
	i64.const	0
	i64.const	0
	i64.load	wat_g64
	local.get	0
	i64.add
	i64.store	wat_g64
	end_function

	.section	.text.wat_square_ptr,"",@
	.globl	wat_square_ptr
	.type	wat_square_ptr,@function
wat_square_ptr:
	.functype	wat_square_ptr () -> (i64)
	i64.const	wat_square
	end_function

	.section	.text.wat_tls_addr,"",@
	.globl	wat_tls_addr
	.type	wat_tls_addr,@function
wat_tls_addr:
	.functype	wat_tls_addr () -> (i64)
	global.get	__tls_base
	i64.const	wat_tls64@TLSREL
	i64.add
	end_function

	.section	.text.wat_tls_bump,"",@
	.globl	wat_tls_bump
	.type	wat_tls_bump,@function
wat_tls_bump:
	.functype	wat_tls_bump (i64) -> (i64)
	.local	i64
	global.get	__tls_base
	i64.const	wat_tls64@TLSREL
	i64.add
	local.tee	1
	local.get	1
	i64.load	0
	local.get	0
	i64.add
	i64.store	0
	local.get	1
	i64.load	0
	end_function

	.section	.data.wat_g64,"",@
	.globl	wat_g64
	.type	wat_g64,@object
	.p2align	3
wat_g64:
	.int64	5000000000
	.size	wat_g64, 8

	.section	.data.wat_ptrs,"",@
	.globl	wat_ptrs
	.type	wat_ptrs,@object
	.p2align	3
wat_ptrs:
	.int64	c_long
	.int64	wat_square
	.int64	wat_g64+8
	.size	wat_ptrs, 24

	.section	.tdata.wat_tls64,"T",@
	.globl	wat_tls64
	.type	wat_tls64,@object
	.p2align	3
wat_tls64:
	.int64	37
	.size	wat_tls64, 8

	.section	.custom_section.wat.offsets,"",@
	.int64	wat_square
	.int64	.Lmul

# What clang writes for code with TLS: wasm-ld-22 refuses TLS unless some input uses atomics
# ("'atomics' feature must be used in order to use thread-local storage").
	.section	.custom_section.target_features,"",@
	.int8	2
	.int8	43
	.int8	7
	.ascii	"atomics"
	.int8	43
	.int8	11
	.ascii	"bulk-memory"
