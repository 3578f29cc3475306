// C globals used from lib.wat, and lib.wat's data used from C.
#include <stdio.h>

int c_counter = 10;
int c_array[4] = {100, 200, 300, 400};

extern int wat_value;
extern const double wat_scale;
extern int *const wat_ptrs[3];
void wat_bump(int by);
int *wat_counter_addr(void);
int wat_array_second(void);
void wat_set_third(int v);
double wat_scaled(double x);

int main(void) {
  wat_bump(5);
  printf("c_counter after wat_bump(5) = %d\n", c_counter);
  c_counter = 40;
  wat_bump(2);
  printf("c_counter after C store and wat_bump(2) = %d\n", c_counter);
  printf("wat_counter_addr() == &c_counter: %d\n", wat_counter_addr() == &c_counter);
  printf("wat_array_second() = %d\n", wat_array_second());
  c_array[1] = 222;
  printf("wat_array_second() after C store = %d\n", wat_array_second());
  wat_set_third(333);
  printf("c_array = {%d, %d, %d, %d}\n", c_array[0], c_array[1], c_array[2], c_array[3]);
  printf("wat_value = %d\n", wat_value);
  wat_value = 7;
  printf("*wat_ptrs[2] after C store = %d\n", *wat_ptrs[2]);
  printf("wat_ptrs[0] == &c_counter: %d, *wat_ptrs[0] = %d\n", wat_ptrs[0] == &c_counter, *wat_ptrs[0]);
  printf("wat_ptrs[1] == &c_array[3]: %d, *wat_ptrs[1] = %d\n", wat_ptrs[1] == &c_array[3], *wat_ptrs[1]);
  printf("wat_ptrs[2] == &wat_value: %d\n", wat_ptrs[2] == &wat_value);
  printf("wat_scale = %.2f, wat_scaled(4.0) = %.2f\n", wat_scale, wat_scaled(4.0));
  return 0;
}
