/* The Rust side of js-bindgen's shims, in C: the functions the generated WAT defines are called by
 * their symbol names, and js-sys's allocator of externref slots is here. */
#include "host.h"

void greet(int who) __asm__("test_crate.greet");
int person(int n) __asm__("test_crate.person");
void forget(int slot) __asm__("js_sys.externref.remove");
__int128 big(int n) __asm__("test_crate.big");
int apply(int (*fn)(int, int), int data, int arg) __asm__("test_crate.apply");
int answer(void) __asm__("js_sys.shared.answer");

/* js-sys keeps slot 0 empty and slot 1 for null; the table starts with 2 slots and grows in JS. */
static int next_slot = 2;
int externref_next(void) __asm__("js_sys.externref.next");
int externref_next(void) { return next_slot++; }

static int add(int data, int arg) { return data + arg; }
static int mul(int data, int arg) { return data * arg; }

int run(void) {
  int ada = person(1815);
  int alan = person(1912);
  put_kv("slots", ada * 10 + alan);
  greet(alan);
  greet(ada);
  forget(ada);
  __int128 v = big(7);
  put_kv("big.hi", (long long)(v >> 64));
  put_kv("big.lo", (long long)v);
  put_kv("apply add", apply(add, 40, 2));
  put_kv("apply mul", apply(mul, 6, 7));
  put_kv("answer", answer());
  return 0;
}
