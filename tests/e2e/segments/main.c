// lib.wat's data segments seen from C: contents, layout and alignment.
#include <stdint.h>
#include <stdio.h>

extern const char greeting[], farewell[];
extern long long zero_a;
extern int zero_b, zero_c;
extern int pair_first, pair_second;
extern const void *const ptrs[4];
extern const int rel[2];
int wat_pair_sum(void);
void wat_bump_zero_b(int by);
const char *wat_farewell(void);

int main(void) {
  printf("greeting = \"%s\", farewell = \"%s\"\n", greeting, farewell);
  printf("farewell == greeting + 6: %d, wat_farewell() == farewell: %d\n", farewell == greeting + 6, wat_farewell() == farewell);
  printf("greeting aligned to 4: %d, zero_a aligned to 8: %d\n", (uintptr_t)greeting % 4 == 0, (uintptr_t)&zero_a % 8 == 0);
  printf("zeros: %lld %d %d\n", zero_a, zero_b, zero_c);
  wat_bump_zero_b(5);
  wat_bump_zero_b(6);
  printf("zeros after wat_bump_zero_b(5), (6): %lld %d %d\n", zero_a, zero_b, zero_c);
  printf("&zero_b == (int *)&zero_a + 2: %d, &zero_c == &zero_b + 1: %d\n", &zero_b == (int *)&zero_a + 2, &zero_c == &zero_b + 1);
  printf("pair: %d %d, &pair_second == &pair_first + 1: %d\n", pair_first, pair_second, &pair_second == &pair_first + 1);
  printf("wat_pair_sum() = %d\n", wat_pair_sum());
  pair_second = 20;
  printf("wat_pair_sum() after pair_second = 20: %d\n", wat_pair_sum());
  printf("ptrs[0] == greeting: %d, ptrs[1] == farewell: %d\n", ptrs[0] == greeting, ptrs[1] == farewell);
  printf("*(int *)ptrs[2] = %d, ptrs[2] == &pair_first + 2: %d\n", *(const int *)ptrs[2], ptrs[2] == &pair_first + 2);
  printf("(char *)ptrs[3] = \"%s\"\n", (const char *)ptrs[3]);
  printf("(char *)&rel[0] + rel[0] == farewell: %d\n", (const char *)&rel[0] + rel[0] == farewell);
  printf("*(int *)((char *)&rel[1] + rel[1]) = %d\n", *(const int *)((const char *)&rel[1] + rel[1]));
  return 0;
}
