# The shims of this case in LLVM assembly, for the reference build (clang-22).
	.tagtype	js_sys.error i32
	.functype	test_crate.import.fail (i32) -> (i32)
	.import_module	test_crate.import.fail, test_crate
	.import_name	test_crate.import.fail, fail

	.section	.text.test_crate.fail,"",@
	.globl	test_crate.fail
	.type	test_crate.fail,@function
test_crate.fail:
	.functype	test_crate.fail (i32) -> (i32)
	block	i32
	try_table	i32 (catch js_sys.error 0)
	local.get	0
	call	test_crate.import.fail
	end_try_table
	return
	end_block
	i32.const	1000
	i32.add
	end_function
