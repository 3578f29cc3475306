/* memory64 (--target=wasm64), freestanding: 64-bit pointers in code and data, function pointers,
 * a TLS-free object that links with wasm-ld -mwasm64. */
typedef unsigned long size_t;

static char heap[1 << 16];
static size_t heap_used;
long long counters[4] = {1, 2, 3, 4};
long long *const counter_ptrs[] = {&counters[0], &counters[3]};
static const char greeting[] = "wasm64 says hi";

static void *bump_alloc(size_t n) {
  void *p = heap + heap_used;
  heap_used += (n + 15) & ~(size_t)15;
  return p;
}

static long long twice(long long x) { return 2 * x; }
static long long thrice(long long x) { return 3 * x; }
long long (*const fns[])(long long) = {twice, thrice};

__attribute__((export_name("run"))) long long run(int which) {
  char *buf = bump_alloc(32);
  for (int i = 0; greeting[i]; i++) buf[i] = greeting[i];
  *counter_ptrs[which & 1] += fns[which & 1](counters[2]);
  return *counter_ptrs[0] + *counter_ptrs[1] + buf[7] + (long long)heap_used;
}
