// -fwasm-exceptions: throw, catch by type, catch (...), rethrow, cleanups with destructors.
// Debian's libc++abi for wasm32 has no exception runtime, so this object is linked with
// --allow-undefined and not run.
#include <cstdio>

struct Error {
  int code;
};
struct Guard {
  const char *name;
  ~Guard() { std::printf("unwind %s\n", name); }
};

__attribute__((noinline)) int risky(int x) {
  Guard g{"risky"};
  if (x > 10) throw Error{x};
  if (x < 0) throw 42;
  return x * 2;
}

int attempt(int x) {
  try {
    return risky(x);
  } catch (const Error &e) {
    return -e.code;
  } catch (...) {
    std::printf("unknown\n");
    throw;
  }
}

int main() {
  int r = attempt(3) + attempt(20);
  try {
    attempt(-1);
  } catch (int v) {
    r += v;
  }
  std::printf("result %d\n", r);
  return 0;
}
