/* js-bindgen's memory64 shims called from C (wasm64: pointers are i64). */
#include "host.h"

__int128 big(int n) __asm__("test_crate.big");
int answer(void) __asm__("js_sys.shared.answer");

int run(void) {
  __int128 v = big(7);
  put_kv("big.hi", (long long)(v >> 64));
  put_kv("big.lo", (long long)v);
  __int128 w = big(-3);
  put_kv("big.hi", (long long)(w >> 64));
  put_kv("big.lo", (long long)w);
  put_kv("answer", answer());
  return 0;
}
