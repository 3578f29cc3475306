; RUN: llc -mtriple=wasm32-unknown-unknown -mattr=+simd128,+tail-call

; SIMD and tail calls together, as clang -msimd128 -mtail-call writes them:
;   - v128 code: v128.load/v128.store with a relocated memarg offset
;     (R_WASM_MEMORY_ADDR_LEB), v128.const, i8x16.shuffle (16 lane
;     immediates), lane extract/replace, splats and arithmetic, a v128
;     parameter and result, and a v128 global in data;
;   - musttail calls: a direct one (return_call with an
;     R_WASM_FUNCTION_INDEX_LEB) and an indirect one (return_call_indirect
;     with R_WASM_TYPE_INDEX_LEB and R_WASM_TABLE_NUMBER_LEB).
; The long immediates and the return_call* opcodes must be printed and
; re-encoded exactly.

target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-unknown"

@vec_data = global <4 x i32> <i32 1, i32 2, i32 3, i32 4>, align 16
@bytes = global [32 x i8] zeroinitializer, align 16

define <4 x i32> @add_splat(<4 x i32> %v, i32 %s) {
  %ins = insertelement <4 x i32> poison, i32 %s, i32 0
  %splat = shufflevector <4 x i32> %ins, <4 x i32> poison, <4 x i32> zeroinitializer
  %sum = add <4 x i32> %v, %splat
  ret <4 x i32> %sum
}

define i32 @load_and_lane() {
  %v = load <4 x i32>, ptr @vec_data, align 16
  %c = add <4 x i32> %v, <i32 10, i32 20, i32 30, i32 40>
  %w = insertelement <4 x i32> %c, i32 99, i32 1
  store <4 x i32> %w, ptr @vec_data, align 16
  %l = extractelement <4 x i32> %w, i32 3
  ret i32 %l
}

define void @shuffle_bytes() {
  %p1 = getelementptr inbounds i8, ptr @bytes, i32 16
  %a = load <16 x i8>, ptr @bytes, align 16
  %b = load <16 x i8>, ptr %p1, align 16
  %s = shufflevector <16 x i8> %a, <16 x i8> %b, <16 x i32> <i32 0, i32 17, i32 2, i32 19, i32 4, i32 21, i32 6, i32 23, i32 8, i32 25, i32 10, i32 27, i32 12, i32 29, i32 14, i32 31>
  store <16 x i8> %s, ptr @bytes, align 16
  ret void
}

define float @sum_f32x4(<4 x float> %v) {
  %m = fmul <4 x float> %v, <float 2.0, float 2.0, float 2.0, float 2.0>
  %e0 = extractelement <4 x float> %m, i32 0
  %e2 = extractelement <4 x float> %m, i32 2
  %r = fadd float %e0, %e2
  ret float %r
}

declare i32 @ext_callee(i32)

define i32 @tail_direct(i32 %x) {
  %y = add i32 %x, 1
  %r = musttail call i32 @ext_callee(i32 %y)
  ret i32 %r
}

define i32 @tail_indirect(ptr %fp, i32 %x) {
  %r = musttail call i32 %fp(ptr %fp, i32 %x)
  ret i32 %r
}
