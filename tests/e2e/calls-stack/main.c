// Calls between C and lib.wat in both directions; lib.wat's shadow-stack frame.
#include <stdio.h>

int wat_scale(int x);
int wat_sum3(int a, int b, int c);
int wat_fact(int n);
int wat_triangle(int n, int acc);
int wat_add_pair(int a, int b);
void *wat_sp(void);

// Called by wat_sum3 with a pointer into its stack frame; calls back into WAT.
int c_sum(const int *p, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) s += wat_scale(p[i]);
  printf("c_sum: frame is %s the stack pointer seen by C\n", (void *)p < wat_sp() ? "below" : "at or above");
  return s;
}

void c_log(int n) { printf("c_log(%d)\n", n); }

int main(void) {
  void *before = wat_sp();
  printf("wat_scale(14) = %d\n", wat_scale(14));
  printf("wat_sum3(1, 2, 3) = %d\n", wat_sum3(1, 2, 3));
  printf("wat_fact(5) = %d\n", wat_fact(5));
  printf("wat_triangle(100000, 0) = %d\n", wat_triangle(100000, 0));
  printf("wat_add_pair(40, 2) = %d\n", wat_add_pair(40, 2));
  printf("stack pointer restored: %d\n", wat_sp() == before);
  return 0;
}
