// The order in which constructors ran, C's and lib.wat's.
#include <stdio.h>

// volatile: otherwise clang -O1 evaluates the C constructors at compile time (GlobalOpt) and
// they never run.
static volatile int log[16];
static volatile int n;

void c_record(int what) {
  if (n < 16) log[n++] = what;
}

__attribute__((constructor(150))) static void c_ctor_150(void) { c_record(150); }
__attribute__((constructor)) static void c_ctor_default(void) { c_record(1); }

int main(void) {
  printf("%d constructors ran before main:", n);
  for (int i = 0; i < n; i++) printf(" %d", log[i]);
  printf("\n");
  return 0;
}
