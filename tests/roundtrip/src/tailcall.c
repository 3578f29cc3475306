/* Tail calls (-mtail-call): `musttail` calls, direct (mutual recursion) and through a function
 * pointer, become return_call and return_call_indirect. The recursion is deep enough to overflow
 * the stack without them. */
#include <stdio.h>

static int is_odd(unsigned n, int acc);
__attribute__((noinline)) static int is_even(unsigned n, int acc) {
  if (n == 0) return acc;
  __attribute__((musttail)) return is_odd(n - 1, acc + 1);
}
__attribute__((noinline)) static int is_odd(unsigned n, int acc) {
  if (n == 0) return -acc;
  __attribute__((musttail)) return is_even(n - 1, acc);
}

typedef long long (*step_fn)(long long acc, int n);
static long long step_a(long long acc, int n);
static long long step_b(long long acc, int n);
static step_fn volatile steps[2] = {step_a, step_b};
__attribute__((noinline)) static long long step_a(long long acc, int n) {
  if (n == 0) return acc;
  __attribute__((musttail)) return steps[n & 1](acc * 3 + n, n - 1);
}
__attribute__((noinline)) static long long step_b(long long acc, int n) {
  if (n == 0) return acc;
  __attribute__((musttail)) return steps[n & 1]((acc - n) % 1000003, n - 1);
}

int main(void) {
  printf("even(1000001)=%d odd(777777)=%d\n", is_even(1000001, 0), is_odd(777777, 0));
  printf("steps %lld\n", step_a(1, 2000000));
  return 0;
}
