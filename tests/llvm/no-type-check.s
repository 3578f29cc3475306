# RUN: llvm-mc -triple=wasm32-unknown-unknown -mattr=+bulk-memory -no-type-check
# INVALID: expected i32 but nothing on stack
# WAT2OBJ: `memory.init` names a segment by index
# WAT2OBJ: `data.drop` names a segment by index

# llvm-mc's `-no-type-check` assembles code that does not validate, and such
# objects are what lld's tests feed wasm-ld.  decisions.md D5: obj2wat warns
# that the object does not validate and its text is assembled with
# `wat2obj --no-validate`, which still checks syntax, names and annotations.
# Three kinds of invalid code, one function each:
#  - `ill_typed`: `i32.add` with one operand, and an f32 result where the
#    function returns i32;
#  - `set_immutable`: `global.set` of `g`, an immutable imported global
#    (`.globaltype g, i32, immutable`); it is still relocated
#    (R_WASM_GLOBAL_INDEX_LEB, decisions.md A3);
#  - `init_missing`: `memory.init 3, 0` and `data.drop 3` of data segments
#    that do not exist (the object has none).  Segment indices in code are
#    not relocatable (A14), so wat2obj warns that the text names a segment
#    by index.  llvm-mc writes no DataCount section for them (an object with
#    no data), which obj2wat keeps with `(datacount none)` in the layout
#    annotation.

	.globaltype	g, i32, immutable

	.globl	ill_typed
	.type	ill_typed,@function
ill_typed:
	.functype	ill_typed () -> (i32)
	i32.const	1
	i32.add
	f32.const	2.0
	end_function

	.globl	set_immutable
	.type	set_immutable,@function
set_immutable:
	.functype	set_immutable () -> ()
	i32.const	1
	global.set	g
	end_function

	.globl	init_missing
	.type	init_missing,@function
init_missing:
	.functype	init_missing (i32, i32, i32) -> ()
	local.get	0
	local.get	1
	local.get	2
	memory.init	3, 0
	data.drop	3
	end_function
