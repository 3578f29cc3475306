# RUN: llvm-mc -triple=wasm32-unknown-unknown -mattr=+exception-handling

# Exception tags and every instruction that names one, each with an
# R_WASM_TAG_INDEX_LEB:
#   - tags: an imported one (__cpp_exception, .tagtype only), a defined
#     global one with two parameters (my_error), a defined local one with no
#     parameter (local_tag);
#   - throw; try_table with the four catch clauses (catch and catch_ref
#     carry a tag, catch_all/catch_all_ref do not) and throw_ref;
#   - the legacy (phase 3) instructions llvm-mc-22 still accepts: try,
#     catch, catch_all, rethrow, delegate.
# Relocations in catch clauses sit after the try_table block type and the
# clause count, one per tagged clause; the round trip must keep them there.

	.tagtype	__cpp_exception i32

	.globl	my_error
	.tagtype	my_error i32, f64
my_error:

	.tagtype	local_tag
local_tag:

	.functype	may_throw () -> ()

	.section	.text.throw_all,"",@
	.globl	throw_all
	.type	throw_all,@function
throw_all:
	.functype	throw_all (i32) -> ()
	local.get	0
	i32.eqz
	if
	throw	local_tag
	end_if
	local.get	0
	f64.const	1.5
	throw	my_error
	end_function

	.section	.text.catch_new,"",@
	.globl	catch_new
	.type	catch_new,@function
catch_new:
	.functype	catch_new () -> (i32)
	block	exnref
	block
	block	() -> (i32, exnref)
	block	i32
	try_table	(catch __cpp_exception 0) (catch_ref __cpp_exception 1) (catch_all 2) (catch_all_ref 3)
	call	may_throw
	end_try_table
	i32.const	0
	return
	end_block
	return
	end_block
	throw_ref
	end_block
	i32.const	1
	return
	end_block
	throw_ref
	end_function

	.section	.text.catch_two_tags,"",@
	.globl	catch_two_tags
	.type	catch_two_tags,@function
catch_two_tags:
	.functype	catch_two_tags () -> (i32)
	block
	block	() -> (i32, f64)
	try_table	(catch my_error 0) (catch local_tag 1)
	call	may_throw
	end_try_table
	i32.const	0
	return
	end_block
	drop
	return
	end_block
	i32.const	2
	end_function

	.section	.text.catch_legacy,"",@
	.globl	catch_legacy
	.type	catch_legacy,@function
catch_legacy:
	.functype	catch_legacy () -> (i32)
	try	i32
	try
	call	may_throw
	delegate	0
	i32.const	0
	catch	__cpp_exception
	catch	my_error
	drop
	catch	local_tag
	i32.const	3
	catch_all
	try
	call	may_throw
	catch_all
	rethrow	1
	end_try
	i32.const	4
	end_try
	end_function
