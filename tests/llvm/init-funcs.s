# RUN: llvm-mc -triple=wasm32-unknown-unknown
# WAT2OBJ: wasm-ld refuses an init function that takes parameters
# WAT2OBJ: wasm-ld refuses an init function that returns values

# Init functions: every `.int32 fn` in a `.init_array.N` section becomes one
# entry (priority N, symbol fn) of the WASM_INIT_FUNCS subsection of
# `linking`.  llvm-mc writes entries that the first rules of the text
# (decisions.md B5) refused; decisions.md D1 accepts them all:
#  - `twice` is listed under two priorities: two entries for one symbol,
#    printed as two `(init_prio N)` on its symbol;
#  - `imported` is an undefined function (`.functype` only): an init function
#    that is an import;
#  - `with_param` takes a parameter and `with_result` returns a value;
#    llvm-mc writes both, wasm-ld refuses them ("constructor functions cannot
#    take arguments" / "cannot return values"), so wat2obj warns.
# llvm-mc writes the entries in the order of the sections, not sorted by
# priority (wasm-ld sorts them), so the printed text needs `(init-order ...)`
# in the layout annotation to give them back in that order.

	.functype	imported () -> ()

	.section	.text.twice,"",@
	.globl	twice
	.type	twice,@function
twice:
	.functype	twice () -> ()
	end_function

	.section	.text.with_param,"",@
	.globl	with_param
	.type	with_param,@function
with_param:
	.functype	with_param (i32) -> ()
	end_function

	.section	.text.with_result,"",@
	.globl	with_result
	.type	with_result,@function
with_result:
	.functype	with_result () -> (i32)
	i32.const	0
	end_function

	.section	.init_array.200,"",@
	.p2align	2, 0x0
	.int32	twice

	.section	.init_array.100,"",@
	.p2align	2, 0x0
	.int32	twice

	.section	.init_array.150,"",@
	.p2align	2, 0x0
	.int32	imported

	.section	.init_array.65535,"",@
	.p2align	2, 0x0
	.int32	with_param
	.int32	with_result
