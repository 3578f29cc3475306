# The LLVM assembly equivalent of lib.wat.
	.functype	js_add_sym (i32, i32) -> (i32)
	.import_module	js_add_sym, host
	.import_name	js_add_sym, js_add
	.functype	c_provided () -> (i32)
	.import_module	c_provided, env
	.import_name	c_provided, unused_field
	.functype	wat_alias (i32) -> (i32)

	.section	.text.wat_weak_overridden,"",@
	.weak	wat_weak_overridden
	.type	wat_weak_overridden,@function
wat_weak_overridden:
	.functype	wat_weak_overridden () -> (i32)
	i32.const	1
	end_function

	.section	.text.wat_weak_kept,"",@
	.weak	wat_weak_kept
	.type	wat_weak_kept,@function
wat_weak_kept:
	.functype	wat_weak_kept () -> (i32)
	i32.const	3
	end_function

	.section	.text.wat_call_overridden,"",@
	.globl	wat_call_overridden
	.type	wat_call_overridden,@function
wat_call_overridden:
	.functype	wat_call_overridden () -> (i32)
	call	wat_weak_overridden
	end_function

	.section	.text.wat_hidden,"",@
	.globl	wat_hidden
	.hidden	wat_hidden
	.type	wat_hidden,@function
wat_hidden:
	.functype	wat_hidden () -> (i32)
	i32.const	4
	end_function

	.section	.text.wat_retained,"",@
	.globl	wat_retained
	.hidden	wat_retained
	.no_dead_strip	wat_retained
	.type	wat_retained,@function
wat_retained:
	.functype	wat_retained () -> (i32)
	i32.const	5
	end_function

	.section	.text.wat_dropped,"",@
	.globl	wat_dropped
	.hidden	wat_dropped
	.type	wat_dropped,@function
wat_dropped:
	.functype	wat_dropped () -> (i32)
	i32.const	6
	end_function

	.section	.text.wat_exported,"",@
	.globl	wat_exported
	.export_name	wat_exported, wat_exported_name
	.no_dead_strip	wat_exported
	.type	wat_exported,@function
wat_exported:
	.functype	wat_exported () -> (i32)
	i32.const	7
	end_function

	.section	.text.wat_call_js,"",@
	.globl	wat_call_js
	.type	wat_call_js,@function
wat_call_js:
	.functype	wat_call_js (i32, i32) -> (i32)
	local.get	0
	local.get	1
	call	js_add_sym
	end_function

	.section	.text.wat_call_c_provided,"",@
	.globl	wat_call_c_provided
	.type	wat_call_c_provided,@function
wat_call_c_provided:
	.functype	wat_call_c_provided () -> (i32)
	call	c_provided
	end_function

	.section	.text.wat_impl,"",@
	.globl	wat_impl
	.type	wat_impl,@function
wat_impl:
	.functype	wat_impl (i32) -> (i32)
	local.get	0
	i32.const	100
	i32.add
	end_function

	.section	.text.wat_local_helper,"",@
	.type	wat_local_helper,@function
wat_local_helper:
	.functype	wat_local_helper (i32) -> (i32)
	local.get	0
	i32.const	1
	i32.add
	end_function

	.section	.text.wat_call_alias,"",@
	.globl	wat_call_alias
	.type	wat_call_alias,@function
wat_call_alias:
	.functype	wat_call_alias (i32) -> (i32)
	local.get	0
	call	wat_alias
	call	wat_local_helper
	end_function

	.section	.text.wat_read_weak_data,"",@
	.globl	wat_read_weak_data
	.type	wat_read_weak_data,@function
wat_read_weak_data:
	.functype	wat_read_weak_data () -> (i32)
	i32.const	0
	i32.load	wat_weak_data
	end_function

	.section	.data.wat_weak_data,"",@
	.weak	wat_weak_data
	.type	wat_weak_data,@object
	.p2align	2
wat_weak_data:
	.int32	11
	.size	wat_weak_data, 4

	.section	.data.wat_hidden_data,"",@
	.globl	wat_hidden_data
	.hidden	wat_hidden_data
	.type	wat_hidden_data,@object
	.p2align	2
wat_hidden_data:
	.int32	12
	.size	wat_hidden_data, 4

	.globl	wat_alias
	.type	wat_alias,@function
wat_alias = wat_impl
