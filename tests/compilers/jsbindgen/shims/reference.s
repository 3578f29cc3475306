# The shims of this case in LLVM assembly, for the reference build (clang-22): the program linked
# from these objects must print what the one linked from relwat's objects of the .wat fragments
# prints.
	.tabletype	js_sys.externref.table, externref
	.import_module	js_sys.externref.table, js_sys
	.import_name	js_sys.externref.table, externref.table
	.tabletype	__indirect_function_table, funcref
	.functype	js_sys.externref.next () -> (i32)
	.functype	test_crate.import.greet (externref) -> ()
	.import_module	test_crate.import.greet, test_crate
	.import_name	test_crate.import.greet, greet
	.functype	test_crate.import.person (i32) -> (externref)
	.import_module	test_crate.import.person, test_crate
	.import_name	test_crate.import.person, person
	.functype	test_crate.import.big (i32) -> (i64, i64)
	.import_module	test_crate.import.big, test_crate
	.import_name	test_crate.import.big, big
	.functype	test_crate.import.apply (i32, i32, i32) -> (i32)
	.import_module	test_crate.import.apply, test_crate
	.import_name	test_crate.import.apply, apply

	.section	.text.js_sys.externref.insert,"",@
	.globl	js_sys.externref.insert
	.type	js_sys.externref.insert,@function
js_sys.externref.insert:
	.functype	js_sys.externref.insert (externref) -> (i32)
	.local	i32
	call	js_sys.externref.next
	local.tee	1
	local.get	0
	table.set	js_sys.externref.table
	local.get	1
	end_function

	.section	.text.js_sys.externref.get,"",@
	.globl	js_sys.externref.get
	.type	js_sys.externref.get,@function
js_sys.externref.get:
	.functype	js_sys.externref.get (i32) -> (externref)
	local.get	0
	table.get	js_sys.externref.table
	end_function

	.section	.text.js_sys.externref.remove,"",@
	.globl	js_sys.externref.remove
	.type	js_sys.externref.remove,@function
js_sys.externref.remove:
	.functype	js_sys.externref.remove (i32) -> ()
	local.get	0
	ref.null_extern
	table.set	js_sys.externref.table
	end_function

	.section	.text.test_crate.greet,"",@
	.globl	test_crate.greet
	.type	test_crate.greet,@function
test_crate.greet:
	.functype	test_crate.greet (i32) -> ()
	local.get	0
	call	js_sys.externref.get
	call	test_crate.import.greet
	end_function

	.section	.text.test_crate.person,"",@
	.globl	test_crate.person
	.type	test_crate.person,@function
test_crate.person:
	.functype	test_crate.person (i32) -> (i32)
	local.get	0
	call	test_crate.import.person
	call	js_sys.externref.insert
	end_function

	.section	.text.js_sys.numeric.128,"",@
	.globl	js_sys.numeric.128
	.type	js_sys.numeric.128,@function
js_sys.numeric.128:
	.functype	js_sys.numeric.128 (i64, i64, i32) -> ()
	local.get	2
	local.get	0
	i64.store	0
	local.get	2
	local.get	1
	i64.store	8
	end_function

	.section	.text.test_crate.big,"",@
	.globl	test_crate.big
	.type	test_crate.big,@function
test_crate.big:
	.functype	test_crate.big (i32, i32) -> ()
	local.get	1
	call	test_crate.import.big
	local.get	0
	call	js_sys.numeric.128
	end_function

	.section	.text.js_sys.closure.call,"",@
	.globl	js_sys.closure.call
	.type	js_sys.closure.call,@function
js_sys.closure.call:
	.functype	js_sys.closure.call (i32, i32, i32) -> (i32)
	local.get	1
	local.get	2
	local.get	0
	call_indirect	__indirect_function_table, (i32, i32) -> (i32)
	end_function

	.section	.text.test_crate.apply,"",@
	.globl	test_crate.apply
	.type	test_crate.apply,@function
test_crate.apply:
	.functype	test_crate.apply (i32, i32, i32) -> (i32)
	local.get	0
	local.get	1
	local.get	2
	call	test_crate.import.apply
	end_function
