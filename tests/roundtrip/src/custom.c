/* Custom sections, named data sections, alignment, big zeroed arrays, pointer tables with
 * addends, strings merged and not, a const struct with function pointers, and unions. */
#include <stdio.h>
#include <string.h>

__attribute__((section(".custom_section.relwat_note"), used)) static const char note[] = "relwat corpus note";
__attribute__((section(".custom_section.relwat_note"), used)) static const int note_version = 3;
__attribute__((section(".custom_section.other"), used)) static const char other[4] = {1, 2, 3, 4};

__attribute__((section(".data.special"))) int special = 77;
__attribute__((aligned(64))) int aligned_array[5] = {1, 2, 3, 4, 5};
static int big_zero[4096];
const char *const words[] = {"alpha", "beta", "gamma", "delta" + 2, 0};
int *const into_array[] = {&aligned_array[1], &aligned_array[4], big_zero + 100};

struct ops { const char *name; int (*fn)(int, int); };
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static const struct ops table[] = {{"add", add}, {"sub", sub}, {"mul", mul}};

union u { float f; unsigned i; unsigned char b[4]; };

int main(void) {
  big_zero[100] = 9;
  for (int i = 0; words[i]; i++) printf("%s ", words[i]);
  printf("\n%d %d %d special %d\n", *into_array[0], *into_array[1], *into_array[2], special);
  for (unsigned i = 0; i < sizeof table / sizeof table[0]; i++) printf("%s=%d ", table[i].name, table[i].fn(12, 5));
  union u x = {.f = 1.5f};
  printf("\nbits %08x byte %d aligned %p\n", x.i, x.b[3], (void *)((unsigned long)aligned_array & 63));
  printf("len %zu\n", strlen(words[1]) + strlen(words[3]));
  return 0;
}
