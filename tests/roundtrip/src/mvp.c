/* Built with -mcpu=mvp: no reference types, so the table is imported without a symbol and
 * call_indirect's table byte is not relocated; no bulk memory, no target_features section. */
#include <stdio.h>

typedef int (*op)(int);
static int inc(int x) { return x + 1; }
static int neg(int x) { return -x; }
static op ops[] = {inc, neg};
static char text[64];

int apply(int i, int x) { return ops[i & 1](x); }

int main(void) {
  for (int i = 0; i < 63; i++) text[i] = 'a' + i % 26;
  printf("%d %d %.10s\n", apply(0, 41), apply(1, 5), text + 3);
  return 0;
}
