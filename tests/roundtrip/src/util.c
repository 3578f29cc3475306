/* Helpers for hello.c, in their own object: cross-object functions and data, a weak definition
 * that hello.c overrides, a weak one it does not, and a table of function pointers. */
#include <stdlib.h>
#include <string.h>

int util_calls;
const char util_name[] = "util";
static int scale = 3;

int util_scale(int x) {
  util_calls++;
  return x * scale;
}

__attribute__((weak)) int util_hook(int x) { return -x; }
__attribute__((weak)) int util_other_hook(int x) { return x + 1000; }

static int add1(int x) { return x + 1; }
static int dbl(int x) { return 2 * x; }
static int sq(int x) { return x * x; }
int (*const util_ops[])(int) = {add1, dbl, sq, util_scale};
const int util_nops = sizeof util_ops / sizeof util_ops[0];

char *util_join(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  char *s = malloc(la + lb + 2);
  memcpy(s, a, la);
  s[la] = '-';
  memcpy(s + la + 1, b, lb + 1);
  return s;
}

long long util_fib(int n) {
  long long a = 0, b = 1;
  while (n-- > 0) {
    long long t = a + b;
    a = b;
    b = t;
  }
  return a;
}
