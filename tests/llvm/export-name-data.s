# RUN: llvm-mc -triple=wasm32-unknown-unknown

# `.export_name` sets WASM_SYM_EXPORTED on the symbol it names.
#  - On a function, llvm-mc also writes an Export section entry under the
#    export name (`getAnswer`, not the symbol name), printed as
#    `(export "getAnswer" (func $get_answer))`.  llvm-mc sets EXPORTED
#    without NO_STRIP, whereas `(export ...)` sets both (decisions.md B4), so
#    the function's flags word is also printed, as
#    `(symbol-flags $get_answer 0x20)` in the layout annotation.
#  - On a data symbol only the flag survives: the export name `the_answer`
#    is not stored anywhere in the object.  No annotation gives EXPORTED to a
#    data symbol, so obj2wat prints `(symbol-flags $answer 0x20)`
#    (decisions.md D3).
# The data symbol is also used through a relocated load offset
# (R_WASM_MEMORY_ADDR_LEB), so that it is referenced, not just defined.

	.functype	get_answer () -> (i32)

	.export_name	answer, the_answer
	.export_name	get_answer, getAnswer

	.section	.text.get_answer,"",@
	.globl	get_answer
	.type	get_answer,@function
get_answer:
	.functype	get_answer () -> (i32)
	i32.const	0
	i32.load	answer
	end_function

	.section	.data.answer,"",@
	.globl	answer
	.p2align	2, 0x0
answer:
	.int32	42
	.size	answer, 4
