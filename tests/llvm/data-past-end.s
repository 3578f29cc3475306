# RUN: llvm-mc -triple=wasm32-unknown-unknown
# WAT2OBJ: data symbol `$x` reaches past the end of its segment
# WAT2OBJ: data symbol `$z` reaches past the end of its segment

# A data symbol whose `.size` reaches past the end of its section: llvm-mc
# writes the symbol (offset 0, size 100) over a 4-byte segment without
# complaint, and wasm-ld links it.  decisions.md D2: the text keeps the
# symbol as written, and wat2obj warns instead of refusing it.  `y` is the
# normal case next to it (offset 4 in a segment of 8 bytes, size 4), and `z`
# starts inside its 2-byte segment (offset 1, size 3) and ends past it.

	.section	.data.x,"",@
	.globl	x
	.p2align	2, 0x0
x:
	.int32	1
	.size	x, 100

	.section	.data.y,"",@
	.globl	y
	.p2align	2, 0x0
	.int32	2
y:
	.int32	3
	.size	y, 4

	.section	.rodata.z,"",@
	.globl	z
	.int8	4
z:
	.int8	5
	.size	z, 3
