// Calls lib.wat's functions (so that the linker keeps them); debuginfo.mjs then reads lib.wat's
// DWARF and custom section back from the linked module.
#include <stdio.h>

int wat_add3(int a, int b, int c);
void *wat_get_sp(void);

int main(void) {
  printf("wat_add3(1, 20, 300) = %d\n", wat_add3(1, 20, 300));
  printf("wat_get_sp() != 0: %d\n", wat_get_sp() != 0);
  return 0;
}
