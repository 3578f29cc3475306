; RUN: llc -mtriple=wasm32-unknown-unknown -relocation-model=pic

; Position-independent code as clang -fPIC writes it (Emscripten-style
; dynamic linking): external (default visibility) data and functions are
; reached through GOT globals imported from "GOT.mem" / "GOT.func"
; (global.get sym@GOT: R_WASM_GLOBAL_INDEX_LEB), hidden ones relative to
; __memory_base / __table_base (R_WASM_MEMORY_ADDR_REL_SLEB and
; R_WASM_TABLE_INDEX_REL_SLEB).  A function pointer stored in data stays an
; R_WASM_TABLE_INDEX_I32 and a data pointer an R_WASM_MEMORY_ADDR_I32;
; direct calls stay R_WASM_FUNCTION_INDEX_LEB; the indirect call carries
; R_WASM_TYPE_INDEX_LEB and R_WASM_TABLE_NUMBER_LEB.  The GOT imports and
; their symbols must survive the round trip.

target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-unknown"

@ext_data = external global i32
@hidden_data = hidden global i32 7
@ext_ptr_table = external global [4 x ptr]

; A function pointer and a data pointer in (relocated) data.
@callbacks = hidden global [2 x ptr] [ptr @ext_func, ptr @hidden_func]
@data_ref = hidden global ptr @ext_data

declare i32 @ext_func(i32)

define hidden i32 @hidden_func(i32 %x) {
  %r = add i32 %x, 1
  ret i32 %r
}

define i32 @read_data() {
  %a = load i32, ptr @ext_data
  %b = load i32, ptr @hidden_data
  %s = add i32 %a, %b
  ret i32 %s
}

define ptr @addresses(i32 %which) {
  %c = icmp eq i32 %which, 0
  br i1 %c, label %ext, label %hidden

ext:
  ret ptr @ext_func

hidden:
  ret ptr @hidden_func
}

define ptr @element(i32 %i) {
  %p = getelementptr [4 x ptr], ptr @ext_ptr_table, i32 0, i32 %i
  ret ptr %p
}

define i32 @call_through(ptr %fp, i32 %x) {
  %a = call i32 @ext_func(i32 %x)
  %b = call i32 @hidden_func(i32 %a)
  %c = call i32 %fp(i32 %b)
  %i = load ptr, ptr @callbacks
  %d = call i32 %i(i32 %c)
  ret i32 %d
}
