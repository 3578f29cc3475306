// Driver of the memory64 case (wasm64, freestanding, run by run-host.mjs).
#include "host.h"

long c_long[2] = {1111, 2222};

extern long wat_g64;
extern void *const wat_ptrs[3];
int wat_square(int x);
long *wat_g64_addr(void);
long wat_read_c_long(void);
void wat_add_g64(long v);
int (*wat_square_ptr(void))(int);
long *wat_tls_addr(void);
long wat_tls_bump(long by);

__attribute__((export_name("run"))) int run(void) {
  put_kv("sizeof(void *)", sizeof(void *));
  put_kv("wat_g64", wat_g64);
  put_kv("wat_g64_addr() == &wat_g64", wat_g64_addr() == &wat_g64);
  wat_add_g64(1000000000);
  put_kv("wat_g64 after wat_add_g64(1000000000)", wat_g64);
  put_kv("wat_read_c_long()", wat_read_c_long());
  put_kv("wat_square(11)", wat_square(11));
  put_kv("host_call_i32(wat_square_ptr(), 12)", host_call_i32(wat_square_ptr(), 12));
  put_kv("wat_ptrs[0] == &c_long[0]", wat_ptrs[0] == (void *)&c_long[0]);
  put_kv("wat_ptrs[1] == wat_square_ptr()", wat_ptrs[1] == (void *)wat_square_ptr());
  put_kv("host_call_i32(wat_ptrs[1], 5)", host_call_i32((int (*)(int))wat_ptrs[1], 5));
  put_kv("wat_ptrs[2] == &wat_g64 + 1", wat_ptrs[2] == (void *)(&wat_g64 + 1));
  put_kv("*wat_tls_addr()", *wat_tls_addr());
  put_kv("wat_tls_bump(5)", wat_tls_bump(5));
  put_kv("*wat_tls_addr() after", *wat_tls_addr());
  put_kv("wat_tls_addr() is 8-aligned", (unsigned long)wat_tls_addr() % 8 == 0);
  return 0;
}
