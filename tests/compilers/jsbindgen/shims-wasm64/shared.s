# The comdat-shared shim in LLVM assembly, for the reference build (linked twice, as shared.wat).
	.section	.text.js_sys.shared.answer,"G",@,js_sys.shared.answer,comdat
	.globl	js_sys.shared.answer
	.type	js_sys.shared.answer,@function
js_sys.shared.answer:
	.functype	js_sys.shared.answer () -> (i32)
	i32.const	42
	end_function
