// Symbol binding, visibility and names of lib.wat, seen from C.
#include <stdio.h>

int wat_weak_overridden(void) { return 2; } // strong: wins over lib.wat's weak definition
int wat_weak_data = 22;                      // strong: wins over lib.wat's weak data
int c_provided(void) { return 8; }           // resolves lib.wat's import with (name "c_provided")

int wat_weak_kept(void);
int wat_call_overridden(void);
int wat_hidden(void);
int wat_exported(void);
int wat_call_js(int a, int b);
int wat_call_c_provided(void);
int wat_impl(int x);
int wat_alias(int x);
int wat_call_alias(int x);
int wat_read_weak_data(void);
extern int wat_hidden_data;

int main(void) {
  printf("wat_weak_overridden() = %d (C's)\n", wat_weak_overridden());
  printf("wat_call_overridden() = %d (C's, called from WAT)\n", wat_call_overridden());
  printf("wat_weak_kept() = %d\n", wat_weak_kept());
  printf("wat_read_weak_data() = %d, wat_weak_data = %d (C's)\n", wat_read_weak_data(), wat_weak_data);
  printf("wat_hidden() = %d, wat_hidden_data = %d\n", wat_hidden(), wat_hidden_data);
  printf("wat_exported() = %d\n", wat_exported());
  printf("wat_call_js(30, 12) = %d\n", wat_call_js(30, 12));
  printf("wat_call_c_provided() = %d\n", wat_call_c_provided());
  printf("wat_impl(1) = %d, wat_alias(2) = %d, wat_call_alias(3) = %d\n", wat_impl(1), wat_alias(2), wat_call_alias(3));
  // Through volatile: clang folds the comparison of two distinct functions' addresses to false.
  int (*volatile impl)(int) = wat_impl;
  int (*volatile alias)(int) = wat_alias;
  printf("wat_impl == wat_alias: %d\n", impl == alias);
  return 0;
}
