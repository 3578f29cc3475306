# RUN: llvm-mc -triple=wasm64-unknown-unknown
# INVALID: expected i64, found i32

# Position-independent code for wasm64, as clang -fPIC writes it:
#  - `__memory_base` and `__table_base` are imported i64 globals;
#  - `local_data@MBREL` in an `i64.const` is R_WASM_MEMORY_ADDR_REL_SLEB64,
#    printed `(@reloc data pic $local_data)` (decisions.md A1, C6);
#  - `local_func@TBREL` in an `i64.const` is R_WASM_TABLE_INDEX_REL_SLEB64,
#    `(@reloc functable pic $local_func)`;
#  - `global.get ext_data@GOT` / `ext_func@GOT` import `GOT.mem`/`GOT.func`
#    globals and relocate the globalidx with R_WASM_GLOBAL_INDEX_LEB (A11);
#  - a data pointer and a function pointer in data (`.int64`):
#    R_WASM_MEMORY_ADDR_I64 (with an addend) and R_WASM_TABLE_INDEX_I64.
#    The table index makes llvm-mc import `__indirect_function_table` as a
#    64-bit table (symbol NO_STRIP, printed `retain`) and write an element
#    segment holding `local_func`, so that the object is a valid module
#    (decisions.md C3: wasm-ld ignores it).
# `.size ext_data, 8` on the undefined data symbol is what clang writes; an
# undefined data symbol stores no size.
# llvm-mc-22 imports the GOT globals as `(mut i32)` even for wasm64 (clang-22
# -fPIC writes the same), so `global.get ext_data@GOT` in a function
# returning i64 does not validate: obj2wat warns, and its text is assembled
# with `--no-validate` (decisions.md D5).

	.globaltype	__memory_base, i64, immutable
	.globaltype	__table_base, i64, immutable
	.functype	ext_func () -> ()

	.section	.text.local_func,"",@
	.hidden	local_func
	.globl	local_func
	.type	local_func,@function
local_func:
	.functype	local_func () -> ()
	end_function

	.section	.text.addr_of_local_data,"",@
	.globl	addr_of_local_data
	.type	addr_of_local_data,@function
addr_of_local_data:
	.functype	addr_of_local_data () -> (i64)
	global.get	__memory_base
	i64.const	local_data@MBREL
	i64.add
	end_function

	.section	.text.addr_of_local_func,"",@
	.globl	addr_of_local_func
	.type	addr_of_local_func,@function
addr_of_local_func:
	.functype	addr_of_local_func () -> (i64)
	global.get	__table_base
	i64.const	local_func@TBREL
	i64.add
	end_function

	.section	.text.addr_of_ext_data,"",@
	.globl	addr_of_ext_data
	.type	addr_of_ext_data,@function
addr_of_ext_data:
	.functype	addr_of_ext_data () -> (i64)
	global.get	ext_data@GOT
	end_function

	.section	.text.addr_of_ext_func,"",@
	.globl	addr_of_ext_func
	.type	addr_of_ext_func,@function
addr_of_ext_func:
	.functype	addr_of_ext_func () -> (i64)
	global.get	ext_func@GOT
	end_function

	.section	.data.local_data,"",@
	.hidden	local_data
	.globl	local_data
	.p2align	3, 0x0
local_data:
	.int64	42
	.int64	43
	.size	local_data, 16

	.section	.data.data_ptr,"",@
	.globl	data_ptr
	.p2align	3, 0x0
data_ptr:
	.int64	local_data+8
	.size	data_ptr, 8

	.section	.data.func_ptr,"",@
	.globl	func_ptr
	.p2align	3, 0x0
func_ptr:
	.int64	local_func
	.size	func_ptr, 8

	.size	ext_data, 8
