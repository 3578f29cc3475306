// Thread-local data of lib.wat and of C, with shared memory (one thread: the main thread's TLS
// block is set up by wasm-ld's __wasm_init_tls at start).
#include <stdio.h>

_Thread_local int c_tls = 33;
extern _Thread_local int wat_tls_counter;
extern _Thread_local long long wat_tls_zero;
int *wat_tls_counter_addr(void);
int wat_tls_bump(int by);
long long *wat_tls_zero_addr(void);
int wat_read_c_tls(void);
int wat_atomic_add(int v);
int wat_atomic_get(void);

int main(void) {
  printf("wat_tls_counter = %d\n", wat_tls_counter);
  int bumped = wat_tls_bump(3);
  printf("wat_tls_bump(3) = %d, wat_tls_counter = %d\n", bumped, wat_tls_counter);
  wat_tls_counter = 20;
  printf("wat_tls_bump(1) after C store 20 = %d\n", wat_tls_bump(1));
  printf("&wat_tls_counter == wat_tls_counter_addr(): %d\n", &wat_tls_counter == wat_tls_counter_addr());
  printf("&wat_tls_zero == wat_tls_zero_addr(): %d, wat_tls_zero = %lld\n", &wat_tls_zero == wat_tls_zero_addr(), wat_tls_zero);
  printf("wat_read_c_tls() = %d\n", wat_read_c_tls());
  c_tls = 44;
  printf("wat_read_c_tls() after C store 44 = %d\n", wat_read_c_tls());
  int first = wat_atomic_add(5);
  int second = wat_atomic_add(7);
  printf("wat_atomic_add(5) = %d, wat_atomic_add(7) = %d, wat_atomic_get() = %d\n", first, second, wat_atomic_get());
  return 0;
}
