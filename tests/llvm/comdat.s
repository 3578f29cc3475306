# RUN: llvm-mc -triple=wasm32-unknown-unknown

# COMDAT groups: a section declared `"G",@,group,comdat` puts what it holds
# into the comdat `group` (WASM_COMDAT_INFO in `linking`).  Members of a
# comdat are functions (WASM_COMDAT_FUNCTION), data segments
# (WASM_COMDAT_DATA) and custom sections (WASM_COMDAT_SECTION).  The text
# declares `(@comdat $c "name")` and puts each member in it with
# `(comdat $c)` on its symbol, or with a nested `(@comdat $c)` in a custom
# section (decisions.md C2).  Two groups, so that the member lists are kept
# apart:
#  - `inline_fn` holds the function `inline_fn`, a second function
#    `inline_fn_helper`, the data segment `.data.inline_var` and the custom
#    section `.debug_foo` (with its own bytes);
#  - `other` holds only the rodata segment of `other_const`.
# `plain` is a function outside any comdat, for contrast.

	.section	.text.inline_fn,"G",@,inline_fn,comdat
	.weak	inline_fn
	.type	inline_fn,@function
inline_fn:
	.functype	inline_fn () -> (i32)
	i32.const	inline_var
	i32.load	0
	end_function

	.section	.text.inline_fn_helper,"G",@,inline_fn,comdat
	.weak	inline_fn_helper
	.type	inline_fn_helper,@function
inline_fn_helper:
	.functype	inline_fn_helper () -> ()
	end_function

	.section	.text.plain,"",@
	.globl	plain
	.type	plain,@function
plain:
	.functype	plain () -> (i32)
	call	inline_fn
	end_function

	.section	.data.inline_var,"G",@,inline_fn,comdat
	.weak	inline_var
	.p2align	2, 0x0
inline_var:
	.int32	7
	.size	inline_var, 4

	.section	.rodata.other_const,"G",@,other,comdat
	.weak	other_const
	.p2align	2, 0x0
other_const:
	.int32	9
	.size	other_const, 4

	.section	.debug_foo,"G",@,inline_fn,comdat
	.int32	42
