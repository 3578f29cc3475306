/* Thread-local data (initialised and zeroed, address taken, static and extern-visible) and
 * atomics; built with -pthread -matomics -mbulk-memory. */
#include <stdatomic.h>
#include <stdio.h>

_Thread_local int tls_counter = 40;
_Thread_local static long long tls_zero;
_Thread_local char tls_name[16] = "thread-main";
static _Atomic int atomic_hits;
_Atomic long long atomic_total = 5;

static _Thread_local int *tls_ptr;

static void bump(int n) {
  tls_counter += n;
  tls_zero += (long long)n << 33;
  atomic_fetch_add(&atomic_hits, 1);
  atomic_fetch_add_explicit(&atomic_total, n, memory_order_relaxed);
}

int main(void) {
  tls_ptr = &tls_counter;
  for (int i = 1; i <= 4; i++) bump(i);
  int expected = 4;
  int swapped = atomic_compare_exchange_strong(&atomic_hits, &expected, 100);
  printf("%s %d %lld hits %d total %lld swapped %d via ptr %d\n", tls_name, tls_counter, tls_zero,
         atomic_load(&atomic_hits), atomic_load(&atomic_total), swapped, *tls_ptr);
  return 0;
}
