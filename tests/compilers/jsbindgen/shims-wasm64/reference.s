# The shims of this case in LLVM assembly, for the reference build (clang-22): the program linked
# from these objects must print what the one linked from relwat's objects of the .wat fragments
# prints.
	.functype	test_crate.import.big (i32) -> (i64, i64)
	.import_module	test_crate.import.big, test_crate
	.import_name	test_crate.import.big, big

	.section	.text.js_sys.numeric.128,"",@
	.globl	js_sys.numeric.128
	.type	js_sys.numeric.128,@function
js_sys.numeric.128:
	.functype	js_sys.numeric.128 (i64, i64, i64) -> ()
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
	.functype	test_crate.big (i64, i32) -> ()
	local.get	1
	call	test_crate.import.big
	local.get	0
	call	js_sys.numeric.128
	end_function
