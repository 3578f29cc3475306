// Driver of the PIE case (compiled with -fPIC, freestanding; run by run-host.mjs --pie).
#include "host.h"

int c_value = 123;
int c_other = 456;
int c_twice(int x) { return 2 * x; }

extern int wat_public;
extern void *const wat_ptrs[3];
int *wat_local_addr(void);
int (*wat_cube_ptr(void))(int);
int (*wat_c_twice_ptr(void))(int);
int (*wat_square_ptr(void))(int);
int *wat_c_value_addr(void);
int *wat_c_other_addr(void);
int *wat_public_addr(void);
int wat_call_ptr(int (*fp)(int), int x);

__attribute__((export_name("run"))) int run(void) {
  put_kv("*wat_local_addr()", *wat_local_addr());
  put_kv("wat_local_addr() >= __memory_base (1024)", (unsigned long)wat_local_addr() >= 1024);
  put_kv("wat_cube_ptr()(3)", wat_cube_ptr()(3));
  put_kv("wat_cube_ptr() >= __table_base (3)", (unsigned long)wat_cube_ptr() >= 3);
  put_kv("wat_c_twice_ptr() == c_twice", wat_c_twice_ptr() == c_twice);
  put_kv("wat_c_twice_ptr()(21)", wat_c_twice_ptr()(21));
  put_kv("wat_square_ptr()(9)", wat_square_ptr()(9));
  put_kv("wat_c_value_addr() == &c_value", wat_c_value_addr() == &c_value);
  put_kv("*wat_c_value_addr()", *wat_c_value_addr());
  put_kv("*wat_c_other_addr()", *wat_c_other_addr());
  put_kv("wat_public_addr() == &wat_public", wat_public_addr() == &wat_public);
  put_kv("wat_public", wat_public);
  put_kv("wat_ptrs[0] == wat_local_addr()", wat_ptrs[0] == (void *)wat_local_addr());
  put_kv("wat_ptrs[1] == wat_cube_ptr()", wat_ptrs[1] == (void *)wat_cube_ptr());
  put_kv("wat_ptrs[2] == &c_value", wat_ptrs[2] == (void *)&c_value);
  put_kv("wat_call_ptr(c_twice, 50)", wat_call_ptr(c_twice, 50));
  put_kv("wat_call_ptr(wat_square_ptr(), 12)", wat_call_ptr(wat_square_ptr(), 12));
  return 0;
}
