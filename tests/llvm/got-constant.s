# RUN: llvm-mc -triple=wasm32-unknown-unknown

# `x@GOT` as the operand of `i32.const` (instead of `global.get`): llvm-mc
# writes R_WASM_GLOBAL_INDEX_LEB at the constant, against the data symbol
# `data_sym` and against the function symbol `func_sym` (whose GOT entries
# are meant).  As for `global.get x@GOT` it imports the GOT globals
# (`GOT.mem`/`data_sym`, `GOT.func`/`func_sym`), and the value it stores in
# the constant is the index of that import (0 and 1).  The text says it with
# `i32.const N (@reloc leb global $x)` (decisions.md D4), the one place a
# format is written at a position that fixes it, because it changes the
# relocation type.  `global.get data_sym@GOT` is there too, for comparison:
# it relocates the globalidx of the same `GOT.mem` import (A11).

	.functype	func_sym () -> ()

	.globl	get_data_got
	.type	get_data_got,@function
get_data_got:
	.functype	get_data_got () -> (i32)
	i32.const	data_sym@GOT
	end_function

	.globl	get_func_got
	.type	get_func_got,@function
get_func_got:
	.functype	get_func_got () -> (i32)
	i32.const	func_sym@GOT
	end_function

	.globl	get_data_got_global
	.type	get_data_got_global,@function
get_data_got_global:
	.functype	get_data_got_global () -> (i32)
	global.get	data_sym@GOT
	end_function

	.section	.data.data_sym,"",@
	.globl	data_sym
	.p2align	2, 0x0
data_sym:
	.int32	7
	.size	data_sym, 4
