// Driver of the wasm64 PIE case (wasm64, -fPIC, freestanding; run-host.mjs --pie --wasm64).
#include "host.h"

int c_value = 123;

extern void *const wat_ptrs[2];
long *wat_local_addr(void);
int (*wat_cube_ptr(void))(int);
int *wat_c_value_addr(void);

__attribute__((export_name("run"))) int run(void) {
  put_kv("*wat_local_addr()", *wat_local_addr());
  put_kv("wat_local_addr() >= __memory_base (1024)", (unsigned long)wat_local_addr() >= 1024);
  put_kv("host_call_i32(wat_cube_ptr(), 3)", host_call_i32(wat_cube_ptr(), 3));
  put_kv("wat_cube_ptr() >= __table_base (3)", (unsigned long)wat_cube_ptr() >= 3);
  put_kv("wat_c_value_addr() == &c_value", wat_c_value_addr() == &c_value);
  put_kv("*wat_c_value_addr()", *wat_c_value_addr());
  put_kv("wat_ptrs[0] == wat_local_addr()", wat_ptrs[0] == (void *)wat_local_addr());
  put_kv("wat_ptrs[1] == wat_cube_ptr()", wat_ptrs[1] == (void *)wat_cube_ptr());
  put_kv("host_call_i32(wat_ptrs[1], 4)", host_call_i32((int (*)(int))wat_ptrs[1], 4));
  return 0;
}
