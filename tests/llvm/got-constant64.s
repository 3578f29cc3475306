# RUN: llvm-mc -triple=wasm64-unknown-unknown
# INVALID: expected i64 but nothing on stack

# The wasm64 form of got-constant.s: `i64.const x@GOT` for a data symbol
# and for a function.  llvm-mc-22 writes R_WASM_GLOBAL_INDEX_LEB (there is
# no 64-bit GOT index relocation) inside the `i64.const`, and imports the GOT
# globals (`GOT.mem`/`data_sym`, `GOT.func`/`func_sym`).  The text says it
# with `i64.const N (@reloc leb global $x)` (decisions.md D4); the default
# format of an `i64.const` relocation would be `sleb64` (C6), so `leb` must
# be written.  `global.get data_sym@GOT` relocates the globalidx of the same
# `GOT.mem` import (A11).
#
# The object llvm-mc-22 writes does not validate, for two reasons that are
# LLVM's, not the text's (clang-22 -fPIC for wasm64 writes the same):
#  - the constant field is 10 bytes long (as for an SLEB64), but the 5-byte
#    relocation is applied to its first 5 bytes and ends the LEB there
#    (`42 80 80 80 80 00 80 80 80 80 00`): the remaining 5 bytes decode as
#    `i64.div_u` x4 and `unreachable`, which obj2wat prints as such;
#  - the GOT globals are imported as `(mut i32)`, not i64, so
#    `global.get data_sym@GOT` in a function returning i64 is ill-typed.
# obj2wat warns and `--check` re-assembles with `--no-validate`
# (decisions.md D5); the round trip is still byte for byte.

	.functype	func_sym () -> ()

	.globl	get_data_got
	.type	get_data_got,@function
get_data_got:
	.functype	get_data_got () -> (i64)
	i64.const	data_sym@GOT
	end_function

	.globl	get_func_got
	.type	get_func_got,@function
get_func_got:
	.functype	get_func_got () -> (i64)
	i64.const	func_sym@GOT
	end_function

	.globl	get_data_got_global
	.type	get_data_got_global,@function
get_data_got_global:
	.functype	get_data_got_global () -> (i64)
	global.get	data_sym@GOT
	end_function

	.section	.data.data_sym,"",@
	.globl	data_sym
	.p2align	2, 0x0
data_sym:
	.int32	7
	.size	data_sym, 4
