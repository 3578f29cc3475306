/* Calls the shim: `fail(n)` is n when the JS import returns, 1000 + the thrown value when it throws. */
#include "host.h"

int fail(int n) __asm__("test_crate.fail");

int run(void) {
  put_kv("fail 1", fail(1));
  put_kv("fail -1", fail(-1));
  return 0;
}
