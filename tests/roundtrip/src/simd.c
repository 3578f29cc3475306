/* SIMD128 intrinsics: loads and stores with offsets, lanes, shuffles, splats, constants. */
#include <stdio.h>
#include <wasm_simd128.h>

static float input[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
static int ints[8] = {-3, 7, 100, -100, 5, 6, 7, 8};
static float output[16];

static v128_t weights(void) { return wasm_f32x4_make(0.5f, 1.5f, -2.0f, 0.25f); }

int main(void) {
  v128_t acc = wasm_f32x4_splat(0);
  for (int i = 0; i < 16; i += 4) {
    v128_t v = wasm_v128_load(input + i);
    v128_t w = wasm_f32x4_mul(v, weights());
    acc = wasm_f32x4_add(acc, w);
    wasm_v128_store(output + i, wasm_f32x4_sqrt(v));
  }
  v128_t a = wasm_v128_load(ints), b = wasm_v128_load(ints + 4);
  v128_t m = wasm_i32x4_max(a, b);
  v128_t s = wasm_i32x4_shuffle(a, b, 0, 5, 2, 7);
  v128_t bytes = wasm_i8x16_const(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
  bytes = wasm_i8x16_add_sat(bytes, wasm_i8x16_splat(120));
  printf("acc %.3f %.3f %.3f %.3f\n", wasm_f32x4_extract_lane(acc, 0), wasm_f32x4_extract_lane(acc, 1),
         wasm_f32x4_extract_lane(acc, 2), wasm_f32x4_extract_lane(acc, 3));
  printf("max %d %d %d %d shuffle %d %d %d %d\n", wasm_i32x4_extract_lane(m, 0), wasm_i32x4_extract_lane(m, 1),
         wasm_i32x4_extract_lane(m, 2), wasm_i32x4_extract_lane(m, 3), wasm_i32x4_extract_lane(s, 0),
         wasm_i32x4_extract_lane(s, 1), wasm_i32x4_extract_lane(s, 2), wasm_i32x4_extract_lane(s, 3));
  printf("sat %d %d sqrt %.4f any %d\n", wasm_i8x16_extract_lane(bytes, 0), wasm_i8x16_extract_lane(bytes, 15),
         output[15], wasm_v128_any_true(wasm_i32x4_gt(a, b)));
  return 0;
}
