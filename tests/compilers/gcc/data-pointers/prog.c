/* Pointers in data. GCC writes each one as zero bytes followed by an `i32`
   relocation: `data` for a variable or string (with the addend of the
   pointer arithmetic, negative for one_based), `functable` for a function. */
#include <stdio.h>
#include <string.h>

static int values[4] = {10, 20, 30, 40};
int *second = &values[1];
/* A one-based view of values points before the array (addend -4); volatile
   keeps clang from folding the arithmetic at compile time. */
int *volatile one_based = values - 1;
const char *greeting = "hello from data";
const char *tail = &"abcdef"[3];
char label[8] = "label";
/* GCC escapes quotes, apostrophes and backslashes, and writes bytes outside
   32..127 in hex. */
const char *quoted = "say \"hi\", it's a\\b \303\251";
int (*writer)(const char *) = puts;

static int add(int a, int b)
{
  return a + b;
}

static int mul(int a, int b)
{
  return a * b;
}

int sub(int a, int b)
{
  return a - b;
}

int (*ops[3])(int, int) = {add, mul, sub};
static const char *const op_names[3] = {"add", "mul", "sub"};

static void apply(int index, int a, int b)
{
  static int calls;
  calls = calls + 1;
  printf("call %d: %s(%d, %d) = %d\n", calls, op_names[index], a, b,
         ops[index](a, b));
}

static void (*run_op)(int, int, int) = apply;

int main(void)
{
  int i;
  printf("second = %d\n", *second);
  for (i = 1; i <= 4; i = i + 1)
    printf("one_based[%d] = %d\n", i, one_based[i]);
  writer(greeting);
  writer(quoted);
  printf("tail = %s (%d chars)\n", tail, (int)strlen(tail));
  printf("label = %s (%d chars)\n", label, (int)strlen(label));
  for (i = 0; i < 3; i = i + 1)
    run_op(i, 7, 3);
  return 0;
}
