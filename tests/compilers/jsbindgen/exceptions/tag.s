# js-sys's error tag in LLVM assembly, for the reference build.
	.tagtype	js_sys.error i32
	.globl	js_sys.error
js_sys.error:
