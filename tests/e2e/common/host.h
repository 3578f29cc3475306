/* Output for the freestanding drivers (targets wasm32 and wasm64, run by run-host.mjs): everything
 * goes through one import, host.write(ptr, len). No libc: a few formatting helpers instead. */
#ifndef E2E_HOST_H
#define E2E_HOST_H

#include <stddef.h>

__attribute__((import_module("host"), import_name("write"))) void host_write(const char *p, size_t n);

/* fp(x), called by the host through the function table (for wasm64, where node 20 cannot run
 * call_indirect on a 64-bit table). */
__attribute__((import_module("host"), import_name("call_i32"))) int host_call_i32(int (*fp)(int), int x);

static inline size_t h_strlen(const char *s) {
  size_t n = 0;
  while (s[n]) n++;
  return n;
}

static inline void put_str(const char *s) { host_write(s, h_strlen(s)); }

static inline void put_int(long long v) {
  char buf[24];
  int i = sizeof buf;
  unsigned long long m = v < 0 ? -(unsigned long long)v : (unsigned long long)v;
  do {
    buf[--i] = (char)('0' + m % 10);
    m /= 10;
  } while (m);
  if (v < 0) buf[--i] = '-';
  host_write(buf + i, sizeof buf - i);
}

static inline void put_hex(unsigned long long v) {
  char buf[18];
  int i = sizeof buf;
  do {
    buf[--i] = "0123456789abcdef"[v & 15];
    v >>= 4;
  } while (v);
  buf[--i] = 'x';
  buf[--i] = '0';
  host_write(buf + i, sizeof buf - i);
}

/* put_kv("name", value): "name = value\n" */
static inline void put_kv(const char *key, long long value) {
  put_str(key);
  put_str(" = ");
  put_int(value);
  put_str("\n");
}

#endif
