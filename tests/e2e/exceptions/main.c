// Exceptions thrown by lib.wat unwind through this C code (compiled without exception support:
// wasm exceptions need no cooperation from the frames they cross).
#include <stdio.h>

int wat_checked_div(int a, int b);
int wat_safe_div(int a, int b);
int wat_try_all(int a, int b);
int wat_rethrow(int a);

static int calls, returns;

int c_call_divide(int a, int b) {
  calls++;
  int r = wat_checked_div(a, b);
  returns++;
  return r;
}

int main(void) {
  printf("wat_safe_div(42, 6) = %d\n", wat_safe_div(42, 6));
  printf("wat_safe_div(7, 0) = %d\n", wat_safe_div(7, 0));
  printf("wat_try_all(9, 0) = %d\n", wat_try_all(9, 0));
  printf("wat_try_all(9, 3) = %d\n", wat_try_all(9, 3));
  printf("wat_rethrow(5) = %d\n", wat_rethrow(5));
  printf("c_call_divide: %d calls, %d returns\n", calls, returns);
  return 0;
}
