# The LLVM assembly equivalent of lib.wat.
	.globaltype	__stack_pointer, i32

	.section	.text.wat_add3,"",@
	.globl	wat_add3
	.type	wat_add3,@function
wat_add3:
	.functype	wat_add3 (i32, i32, i32) -> (i32)
	.local	i32
	local.get	0
	local.get	1
	i32.add
	local.get	2
.Lsecond_add:
	i32.add
	end_function

	.section	.text.wat_get_sp,"",@
	.globl	wat_get_sp
	.type	wat_get_sp,@function
wat_get_sp:
	.functype	wat_get_sp () -> (i32)
	global.get	__stack_pointer
	end_function

	.section	.debug_abbrev,"",@
.Labbrev:
	.byte	1, 0x11, 1, 0x25, 0x0e, 0x03, 0x0e, 0, 0
	.byte	2, 0x2e, 1, 0x11, 0x01, 0x12, 0x06, 0x40, 0x18, 0x03, 0x0e, 0x3f, 0x19, 0, 0
	.byte	3, 0x2e, 0, 0x11, 0x01, 0x12, 0x06, 0x03, 0x0e, 0x3f, 0x19, 0, 0
	.byte	4, 0x0a, 0, 0x03, 0x0e, 0x11, 0x01, 0, 0
	.int8	0

	.section	.debug_str,"S",@
.Lproducer:
	.asciz	"relwat e2e linking test"
.Lname:
	.asciz	"lib.wat"
.Lname_add3:
	.asciz	"wat_add3"
.Lname_label:
	.asciz	"second_add"
.Lname_get_sp:
	.asciz	"wat_get_sp"

	.section	.debug_info,"",@
	.int32	60
	.int16	4
	.int32	.Labbrev
	.int8	4
	.int8	1
	.int32	.Lproducer
	.int32	.Lname
	.int8	2
	.int32	wat_add3
	.int32	12
	.byte	6, 0xed, 3
	.int32	__stack_pointer
	.int32	.Lname_add3
	.int8	4
	.int32	.Lname_label
	.int32	.Lsecond_add
	.int8	0
	.int8	3
	.int32	wat_get_sp
	.int32	8
	.int32	.Lname_get_sp
	.int8	0

	.section	.custom_section.wat.funcidx,"",@
	.int32	wat_get_sp@FUNCINDEX
	.int32	wat_add3@FUNCINDEX
