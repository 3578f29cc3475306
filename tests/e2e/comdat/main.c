// Which copies of the comdat members the linker kept.
#include <stdio.h>

int cxx_call_shared(int x);
int (*cxx_shared_ptr(void))(int);
int *cxx_counter_ptr(void);
int wat_call_shared(int x);
int (*wat_shared_ptr(void))(int);
extern int shared_counter;
extern const char shared_inline_msg[];

int main(void) {
  printf("cxx_call_shared(1) = %d\n", cxx_call_shared(1));
  printf("wat_call_shared(2) = %d\n", wat_call_shared(2));
  printf("one shared_inline: %d\n", cxx_shared_ptr() == wat_shared_ptr());
  printf("shared_counter = %d\n", shared_counter);
  printf("one shared_counter: %d\n", cxx_counter_ptr() == &shared_counter);
  printf("shared_inline_msg = \"%s\"\n", shared_inline_msg);
  return 0;
}
