# RUN: llvm-mc -triple=wasm32-unknown-unknown

# Import and export names of functions, and symbol flags around them:
#  - `.import_module` and `.import_name` on undefined functions: `renamed`
#    is imported as "some_module" "some_field"; its field differs from the
#    symbol name, so the symbol gets WASM_SYM_EXPLICIT_NAME (0x40), printed
#    as the import with `(@sym (name "renamed"))` giving the symbol name
#    (decisions.md B1, B3).  `other_module` has only a module ("other"): its
#    field is the symbol name and llvm-mc sets no EXPLICIT_NAME;
#  - `.export_name` on a defined function: an Export section entry under
#    that name and WASM_SYM_EXPORTED (0x20), without NO_STRIP, which
#    `(export ...)` alone would add (B4), so the flags word is printed in
#    the layout annotation (D3);
#  - `.weak` on an undefined function: a weak import (BINDING_WEAK),
#    printed `(@sym weak)` on the import;
#  - `.hidden` on a defined function (VISIBILITY_HIDDEN, `(@sym hidden)`);
#  - `.no_dead_strip` on a function and on a data symbol (NO_STRIP, printed
#    `retain`).
# Every undefined function is called, so that each one is used by a
# R_WASM_FUNCTION_INDEX_LEB relocation.

	.functype	renamed () -> ()
	.import_module	renamed, some_module
	.import_name	renamed, some_field

	.functype	other_module (i32) -> ()
	.import_module	other_module, other

	.functype	weak_undef () -> ()
	.weak	weak_undef

	.section	.text.exported,"",@
	.globl	exported
	.type	exported,@function
	.export_name	exported, exported_as
exported:
	.functype	exported () -> ()
	call	renamed
	i32.const	1
	call	other_module
	call	weak_undef
	end_function

	.section	.text.hidden_fn,"",@
	.hidden	hidden_fn
	.globl	hidden_fn
	.type	hidden_fn,@function
hidden_fn:
	.functype	hidden_fn () -> ()
	end_function

	.section	.text.kept_fn,"",@
	.globl	kept_fn
	.type	kept_fn,@function
	.no_dead_strip	kept_fn
kept_fn:
	.functype	kept_fn () -> ()
	end_function

	.section	.data.kept_data,"",@
	.globl	kept_data
	.no_dead_strip	kept_data
	.p2align	2, 0x0
kept_data:
	.int32	5
	.size	kept_data, 4
