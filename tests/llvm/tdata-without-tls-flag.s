# RUN: llvm-mc -triple=wasm32-unknown-unknown -mattr=+atomics,+bulk-memory

# The TLS flag of a data symbol comes from the "T" flag of its section, not
# from the section's name.  `.tdata.x` is declared without "T": llvm-mc gives
# its segment no WASM_SEG_FLAG_TLS and `x` no WASM_SYM_TLS, although wasm-ld
# treats every `.tdata*` segment as TLS by name (decisions.md C1).  `y` is
# the proper TLS case next to it: `.tdata.y` with "T" gives the segment the
# TLS flag and `y` the TLS flag.  Checked with llvm-readobj: `y` has
# flags 0x100 (WASM_SYM_TLS, which llvm-readobj-22 does not name), `x` has 0x0.
# The text marks the `.tdata.y` segment `tls` (decisions.md C1), which gives
# `y` the TLS flag (B6).  `x` is in a segment that is not marked `tls` but is
# named like one, so obj2wat prints its flags word exactly,
# `(symbol-flags $x 0x0)` (decisions.md D3), and the round trip keeps it
# without the flag.

	.section	.tdata.x,"",@
	.globl	x
	.p2align	2, 0x0
x:
	.int32	1
	.size	x, 4

	.section	.tdata.y,"T",@
	.globl	y
	.p2align	2, 0x0
y:
	.int32	2
	.size	y, 4
