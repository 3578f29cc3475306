# RUN: llvm-mc -triple=wasm32-unknown-unknown -mattr=+reference-types

# Several tables and every table instruction llvm-mc-22 assembles, each
# table immediate carrying an R_WASM_TABLE_NUMBER_LEB (5-byte padded LEB):
#   - local tables defined with .tabletype: externref, funcref with a
#     minimum, funcref with a minimum and a maximum;
#   - a global (exported by symbol) funcref table and an imported one
#     (.tabletype on an undefined symbol);
#   - __indirect_function_table, used by a call_indirect, next to a
#     call_indirect through a second funcref table;
#   - table.get, table.set, table.size, table.grow, table.fill, table.copy
#     (two relocations in one instruction).
# The table symbols' order and flags and the table indices (imported tables
# first) must survive the round trip.

	.tabletype	ext_refs, externref
ext_refs:

	.tabletype	funcs, funcref, 4
funcs:

	.tabletype	bounded, funcref, 2, 8
bounded:

	.globl	shared_table
	.tabletype	shared_table, funcref, 1
shared_table:

	.tabletype	imported_table, externref

	.section	.text.target,"",@
	.globl	target
	.type	target,@function
target:
	.functype	target (i32) -> (i32)
	local.get	0
	end_function

	.section	.text.call_both,"",@
	.globl	call_both
	.type	call_both,@function
call_both:
	.functype	call_both (i32, i32) -> (i32)
	local.get	0
	i32.const	target
	call_indirect	__indirect_function_table, (i32) -> (i32)
	local.get	0
	local.get	1
	call_indirect	funcs, (i32) -> (i32)
	i32.add
	end_function

	.section	.text.get_set,"",@
	.globl	get_set
	.type	get_set,@function
get_set:
	.functype	get_set (i32, i32) -> ()
	local.get	0
	local.get	1
	table.get	ext_refs
	table.set	imported_table
	end_function

	.section	.text.size_grow,"",@
	.globl	size_grow
	.type	size_grow,@function
size_grow:
	.functype	size_grow (i32) -> (i32)
	ref.null_func
	local.get	0
	table.grow	bounded
	drop
	table.size	shared_table
	table.size	imported_table
	i32.add
	end_function

	.section	.text.fill_copy,"",@
	.globl	fill_copy
	.type	fill_copy,@function
fill_copy:
	.functype	fill_copy (i32, i32) -> ()
	local.get	0
	ref.null_func
	local.get	1
	table.fill	funcs
	i32.const	0
	i32.const	0
	local.get	1
	table.copy	bounded, funcs
	end_function
