# The LLVM assembly equivalent of lib.wat.
	.tabletype	__indirect_function_table, funcref
	.no_dead_strip	__indirect_function_table
	.functype	_Z13shared_inlinei (i32) -> (i32)

	.section	.text._Z13shared_inlinei,"G",@,_Z13shared_inlinei,comdat
	.weak	_Z13shared_inlinei
	.type	_Z13shared_inlinei,@function
_Z13shared_inlinei:
	.functype	_Z13shared_inlinei (i32) -> (i32)
	local.get	0
	i32.const	100
	i32.add
	end_function

	.section	.text.wat_call_shared,"",@
	.globl	wat_call_shared
	.type	wat_call_shared,@function
wat_call_shared:
	.functype	wat_call_shared (i32) -> (i32)
	i32.const	0
	i32.const	0
	i32.load	shared_counter
	i32.const	10
	i32.add
	i32.store	shared_counter
	local.get	0
	call	_Z13shared_inlinei
	end_function

	.section	.text.wat_shared_ptr,"",@
	.globl	wat_shared_ptr
	.type	wat_shared_ptr,@function
wat_shared_ptr:
	.functype	wat_shared_ptr () -> (i32)
	i32.const	_Z13shared_inlinei
	end_function

	.section	.rodata._Z13shared_inlinei.msg,"G",@,_Z13shared_inlinei,comdat
	.globl	shared_inline_msg
	.type	shared_inline_msg,@object
shared_inline_msg:
	.asciz	"from WAT"
	.size	shared_inline_msg, 9

	.section	.data.shared_counter,"G",@,shared_counter,comdat
	.weak	shared_counter
	.type	shared_counter,@object
	.p2align	2
shared_counter:
	.int32	1000
	.size	shared_counter, 4

	.section	.custom_section.wat.comdat_note,"G",@,_Z13shared_inlinei,comdat
	.int32	_Z13shared_inlinei@FUNCINDEX
