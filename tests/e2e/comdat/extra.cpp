// The C++ side of the comdat case: an inline function and an inline variable, each in a comdat of
// the same name as lib.wat's. Linked after lib.o, so these copies are dropped.
__attribute__((noinline)) inline int shared_inline(int x) { return x + 1; }
inline int shared_counter = 7;

extern "C" int cxx_call_shared(int x) {
  shared_counter += 1;
  return shared_inline(x);
}
extern "C" int (*cxx_shared_ptr(void))(int) { return shared_inline; }
extern "C" int *cxx_counter_ptr(void) { return &shared_counter; }
