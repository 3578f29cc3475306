# The LLVM assembly equivalent of lib.wat.
	.tabletype	__indirect_function_table, funcref
	.tabletype	slots, funcref, 4
	.globl	slots
slots:

	.section	.text.wat_neg,"",@
	.globl	wat_neg
	.type	wat_neg,@function
wat_neg:
	.functype	wat_neg (i32) -> (i32)
	i32.const	0
	local.get	0
	i32.sub
	end_function

	.section	.text.wat_neg_ptr,"",@
	.globl	wat_neg_ptr
	.type	wat_neg_ptr,@function
wat_neg_ptr:
	.functype	wat_neg_ptr () -> (i32)
	i32.const	wat_neg
	end_function

	.section	.text.wat_slot_set,"",@
	.globl	wat_slot_set
	.type	wat_slot_set,@function
wat_slot_set:
	.functype	wat_slot_set (i32, i32) -> ()
	local.get	0
	local.get	1
	table.get	__indirect_function_table
	table.set	slots
	end_function

	.section	.text.wat_slot_set_neg,"",@
	.globl	wat_slot_set_neg
	.type	wat_slot_set_neg,@function
wat_slot_set_neg:
	.functype	wat_slot_set_neg (i32) -> ()
	local.get	0
	ref.func	wat_neg
	table.set	slots
	end_function

	.section	.text.wat_slot_call,"",@
	.globl	wat_slot_call
	.type	wat_slot_call,@function
wat_slot_call:
	.functype	wat_slot_call (i32, i32) -> (i32)
	local.get	1
	local.get	0
	call_indirect	slots, (i32) -> (i32)
	end_function

	.section	.text.wat_slot_count,"",@
	.globl	wat_slot_count
	.type	wat_slot_count,@function
wat_slot_count:
	.functype	wat_slot_count () -> (i32)
	table.size	slots
	end_function

	.section	.text.wat_slot_grow,"",@
	.globl	wat_slot_grow
	.type	wat_slot_grow,@function
wat_slot_grow:
	.functype	wat_slot_grow (i32) -> (i32)
	ref.null_func
	local.get	0
	table.grow	slots
	end_function

	.section	.text.wat_slot_clear,"",@
	.globl	wat_slot_clear
	.type	wat_slot_clear,@function
wat_slot_clear:
	.functype	wat_slot_clear (i32, i32) -> ()
	local.get	0
	ref.null_func
	local.get	1
	table.fill	slots
	end_function

	.section	.text.wat_slot_is_null,"",@
	.globl	wat_slot_is_null
	.type	wat_slot_is_null,@function
wat_slot_is_null:
	.functype	wat_slot_is_null (i32) -> (i32)
	local.get	0
	table.get	slots
	ref.is_null
	end_function
