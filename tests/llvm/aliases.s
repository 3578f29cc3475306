# RUN: llvm-mc -triple=wasm32-unknown-unknown

# Aliases (`.set alias, target`): llvm-mc writes a second symbol for the
# same entity.  A function alias is a FUNCTION symbol with the target's
# function index; a data alias is a DATA symbol in the target's segment, at
# the target's offset (plus N for `target+N`), with the size its own `.size`
# gives.  In the text each alias is a second `(@sym $alias ...)` on the
# entity (decisions.md B2): on the function's header for function aliases,
# among the data segment's strings for data aliases.  llvm-mc marks every alias
# WASM_SYM_NO_STRIP (printed `retain`), and writes the symbols in an order
# (aliases before `var`) that obj2wat keeps with `(symbol-order ...)`.
#  - `func_alias`: a global alias of `func`;
#  - `func_weak_alias`: a weak alias of `func` (binding WEAK);
#  - `func_hidden_alias`: a hidden alias of `func` (VISIBILITY_HIDDEN);
#  - `data_alias`: a global alias of `var`;
#  - `data_weak_hidden_alias`: weak and hidden, of `var`;
#  - `data_inner_alias`: `var+4`, a data alias inside the target.
# `use_aliases` calls and loads through the aliases, so that the relocations
# name the alias symbols rather than their targets (a call to an alias needs
# its `.functype`, as clang writes for a called alias).

	.functype	func_alias () -> ()
	.functype	func_weak_alias () -> ()
	.functype	func_hidden_alias () -> ()

	.section	.text.func,"",@
	.globl	func
	.type	func,@function
func:
	.functype	func () -> ()
	end_function

	.section	.text.use_aliases,"",@
	.globl	use_aliases
	.type	use_aliases,@function
use_aliases:
	.functype	use_aliases () -> (i32)
	call	func_alias
	call	func_weak_alias
	call	func_hidden_alias
	i32.const	0
	i32.load	data_alias
	i32.const	0
	i32.load	data_weak_hidden_alias
	i32.add
	i32.const	0
	i32.load	data_inner_alias
	i32.add
	end_function

	.section	.data.var,"",@
	.globl	var
	.p2align	2, 0x0
var:
	.int32	1
	.int32	2
	.size	var, 8

	.globl	func_alias
	.type	func_alias,@function
	.set	func_alias, func

	.weak	func_weak_alias
	.type	func_weak_alias,@function
	.set	func_weak_alias, func

	.globl	func_hidden_alias
	.hidden	func_hidden_alias
	.type	func_hidden_alias,@function
	.set	func_hidden_alias, func

	.globl	data_alias
	.set	data_alias, var
	.size	data_alias, 8

	.weak	data_weak_hidden_alias
	.hidden	data_weak_hidden_alias
	.set	data_weak_hidden_alias, var
	.size	data_weak_hidden_alias, 8

	.globl	data_inner_alias
	.set	data_inner_alias, var+4
	.size	data_inner_alias, 4
