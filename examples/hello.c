// The C side of examples/hello.wat.
#include <stdio.h>

int add(int a, int b);
int apply(int (*f)(int), int x);
int (*get_twice(void))(int);
void say_hello(void);
extern int counter;
extern const char greeting[];

static int square(int x) { return x * x; }

int main(void) {
  say_hello();
  printf("add(2, 3) = %d\n", add(2, 3));
  printf("apply(square, 7) = %d\n", apply(square, 7));
  printf("apply(twice, 21) = %d\n", apply(get_twice(), 21));
  printf("counter = %d (set to 10 by the WAT constructor)\n", counter);
  counter += 1;
  printf("counter = %d, greeting = \"%s\"\n", counter, greeting);
  return 0;
}
