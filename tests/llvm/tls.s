# RUN: llvm-mc -triple=wasm32-unknown-unknown -mattr=+atomics,+bulk-memory

# Thread-local storage, as clang writes it with -pthread:
#  - `__tls_base` is an imported mutable i32 global; `__tls_size` and
#    `__tls_align` are immutable ones (wasm-ld defines all three);
#  - `tdata_var@TLSREL` in an `i32.const` is R_WASM_MEMORY_ADDR_TLS_SLEB,
#    printed `(@reloc data tls $tdata_var)` (decisions.md A1), also with an
#    addend (+4);
#  - `.tdata.*` and `.tbss.*` sections declared with "T" are TLS segments:
#    the segments are marked `tls` and their symbols get WASM_SYM_TLS
#    (0x100; decisions.md B6, C1).  The `.tbss` segment holds its zero bytes
#    (`.skip 4`) like any other segment;
#  - `global.get ext_tls@GOT@TLS` imports a `GOT.mem` global for the
#    undefined symbol `ext_tls`, relocates its globalidx (A11), and `@TLS`
#    makes that undefined data symbol TLS (flags 0x110), printed
#    `(@sym.import.data $ext_tls tls)` (B7).
# The stored values of the TLS relocations are the addresses llvm-mc gives
# the symbols in the object's memory (0, 4, 8), not offsets from the start
# of the TLS block; obj2wat prints them as stored (A6).

	.globaltype	__tls_base, i32
	.globaltype	__tls_size, i32, immutable
	.globaltype	__tls_align, i32, immutable

	.globl	tdata_addr
	.type	tdata_addr,@function
tdata_addr:
	.functype	tdata_addr () -> (i32)
	global.get	__tls_base
	i32.const	tdata_var@TLSREL
	i32.add
	end_function

	.globl	tdata_second_word
	.type	tdata_second_word,@function
tdata_second_word:
	.functype	tdata_second_word () -> (i32)
	global.get	__tls_base
	i32.const	tdata_var@TLSREL+4
	i32.add
	i32.load	0
	end_function

	.globl	tbss_addr
	.type	tbss_addr,@function
tbss_addr:
	.functype	tbss_addr () -> (i32)
	global.get	__tls_base
	i32.const	tbss_var@TLSREL
	i32.add
	end_function

	.globl	ext_tls_addr
	.type	ext_tls_addr,@function
ext_tls_addr:
	.functype	ext_tls_addr () -> (i32)
	global.get	ext_tls@GOT@TLS
	end_function

	.globl	tls_size_align
	.type	tls_size_align,@function
tls_size_align:
	.functype	tls_size_align () -> (i32)
	global.get	__tls_size
	global.get	__tls_align
	i32.add
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
