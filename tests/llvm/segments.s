# RUN: llvm-mc -triple=wasm32-unknown-unknown -mattr=+bulk-memory

# Data segments (one per data section) with each segment flag and alignment
# llvm-mc-22 writes, and the data symbols placed in them:
#   .rodata.str1.1  "S" (WASM_SEG_FLAG_STRINGS), two .L string labels, local
#                   data symbols as clang writes them for string literals
#   .rodata.table   several global symbols in one section, with a .hidden and
#                   a .weak one, and an unaligned byte-sized symbol between
#   .data.aligned   .p2align 4 (segment alignment 16) and a fill to it
#   .bss.zeroed     .bss: zero bytes only (.skip / .zero)
#   .data.kept      "R" (WASM_SEG_FLAG_RETAIN), its symbol .no_dead_strip
#                   (WASM_SYM_NO_STRIP)
#   .data.passive   "p": a passive segment (bulk memory), offset-less
# Each segment's name, alignment, flags and offset in the data section, and
# each symbol's segment, offset and size must survive the round trip.

	.section	.text.use_all,"",@
	.globl	use_all
	.type	use_all,@function
use_all:
	.functype	use_all () -> (i32)
	i32.const	.L.str
	i32.const	.L.str.1
	i32.add
	i32.const	0
	i32.load	table_second
	i32.add
	i32.const	0
	i32.load8_u	table_byte
	i32.add
	i32.const	aligned+4
	i32.add
	i32.const	zeroed
	i32.add
	end_function

	.section	.rodata.str1.1,"S",@
.L.str:
	.asciz	"hello"
	.size	.L.str, 6
.L.str.1:
	.asciz	"world"
	.size	.L.str.1, 6

	.section	.rodata.table,"",@
	.globl	table_first
	.p2align	2, 0x0
table_first:
	.int32	1
	.size	table_first, 4
	.hidden	table_second
	.globl	table_second
table_second:
	.int32	2
	.size	table_second, 4
	.weak	table_byte
table_byte:
	.int8	3
	.size	table_byte, 1
	.globl	table_last
	.p2align	1, 0x0
table_last:
	.int16	4
	.size	table_last, 2

	.section	.data.aligned,"",@
	.globl	aligned
	.p2align	4, 0x0
aligned:
	.int32	10
	.int32	11
	.p2align	4, 0x0
	.size	aligned, 16

	.section	.bss.zeroed,"",@
	.globl	zeroed
	.p2align	3, 0x0
zeroed:
	.skip	24
	.zero	8
	.size	zeroed, 32

	.section	.data.kept,"R",@
	.globl	kept
	.no_dead_strip	kept
	.p2align	2, 0x0
kept:
	.int32	0x12345678
	.size	kept, 4

	.section	.data.passive,"p",@
	.globl	passive_data
passive_data:
	.ascii	"passive"
	.size	passive_data, 7
