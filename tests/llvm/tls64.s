# RUN: llvm-mc -triple=wasm64-unknown-unknown -mattr=+atomics,+bulk-memory
# INVALID: expected i64, found i32

# The wasm64 form of tls.s:
#  - `__tls_base`, `__tls_size` and `__tls_align` are i64 globals;
#  - `tdata_var@TLSREL` in an `i64.const` is R_WASM_MEMORY_ADDR_TLS_SLEB64,
#    printed `(@reloc data tls $tdata_var)` (the format `sleb64` follows
#    from the position, decisions.md A1, C6), also with an addend (+4);
#  - `.tdata.*` and `.tbss.*` sections declared with "T" are TLS segments
#    (`tls`), their symbols get WASM_SYM_TLS (0x100; B6, C1);
#  - `global.get ext_tls@GOT@TLS` imports a `GOT.mem` global for the
#    undefined TLS symbol `ext_tls` (flags 0x110) and relocates its
#    globalidx (A11).
# llvm-mc-22 imports the GOT global as `(mut i32)` even for wasm64 (as in
# wasm64-pic.s), so `ext_tls_addr` returning i64 does not validate: obj2wat
# warns and its text is assembled with `--no-validate` (D5).

	.globaltype	__tls_base, i64
	.globaltype	__tls_size, i64, immutable
	.globaltype	__tls_align, i64, immutable

	.globl	tdata_addr
	.type	tdata_addr,@function
tdata_addr:
	.functype	tdata_addr () -> (i64)
	global.get	__tls_base
	i64.const	tdata_var@TLSREL
	i64.add
	end_function

	.globl	tdata_second_word
	.type	tdata_second_word,@function
tdata_second_word:
	.functype	tdata_second_word () -> (i64)
	global.get	__tls_base
	i64.const	tdata_var@TLSREL+4
	i64.add
	i32.load	0
	i64.extend_i32_u
	end_function

	.globl	tbss_addr
	.type	tbss_addr,@function
tbss_addr:
	.functype	tbss_addr () -> (i64)
	global.get	__tls_base
	i64.const	tbss_var@TLSREL
	i64.add
	end_function

	.globl	ext_tls_addr
	.type	ext_tls_addr,@function
ext_tls_addr:
	.functype	ext_tls_addr () -> (i64)
	global.get	ext_tls@GOT@TLS
	end_function

	.globl	tls_size_align
	.type	tls_size_align,@function
tls_size_align:
	.functype	tls_size_align () -> (i64)
	global.get	__tls_size
	global.get	__tls_align
	i64.add
	end_function

	.section	.tdata.tdata_var,"T",@
	.globl	tdata_var
	.p2align	2, 0x0
tdata_var:
	.int32	1
	.int32	2
	.size	tdata_var, 8

	.section	.tbss.tbss_var,"T",@
	.globl	tbss_var
	.p2align	2, 0x0
tbss_var:
	.skip	4
	.size	tbss_var, 4
