/* Symbol flags and control flow: a weak function and a weak variable, an
   undefined weak function, hidden definitions, constructors with and
   without a priority, a libc variable (stdout) that GCC declares with
   `@sym.import.data`, a 64-bit value, and a switch that GCC lowers to
   compare-and-branch blocks of its dispatch loop. */
#include <stdio.h>

__attribute__((visibility("hidden"))) int hidden_total;
__attribute__((weak)) int weak_limit = 7;
static int ctor_log;

extern int optional_hook(void) __attribute__((weak));

__attribute__((weak)) const char *weak_name(void)
{
  return "weak default";
}

__attribute__((visibility("hidden"))) int hidden_scale(int x)
{
  return x * 3;
}

/* wasm-ld calls init functions by priority: setup (101) runs before
   setup_late (GCC's default, 65535). */
__attribute__((constructor(101))) static void setup(void)
{
  ctor_log = ctor_log * 10 + 1;
  hidden_total = 1000;
}

__attribute__((constructor)) static void setup_late(void)
{
  ctor_log = ctor_log * 10 + 2;
}

static int classify(int code)
{
  int result;
  switch (code)
    {
    case 0:
      result = 100;
      break;
    case 1:
      result = hidden_scale(code);
      break;
    case 2:
    case 3:
      result = code * code;
      break;
    case 7:
      result = -1;
      break;
    default:
      result = 0;
      break;
    }
  return result;
}

int main(void)
{
  int i;
  long long scaled;
  printf("constructors ran in order %d\n", ctor_log);
  for (i = 0; i <= weak_limit; i = i + 1)
    {
      int c = classify(i);
      hidden_total = hidden_total + c;
      printf("classify(%d) = %d\n", i, c);
    }
  printf("hidden_total = %d\n", hidden_total);
  /* The 8-byte argument is aligned to 8 in the variadic buffer. */
  scaled = (long long)hidden_total * 1000000007;
  printf("weak_limit = %d, scaled = %lld\n", weak_limit, scaled);
  fprintf(stdout, "weak_name() = %s\n", weak_name());
  if (optional_hook)
    printf("optional_hook() = %d\n", optional_hook());
  else
    puts("optional_hook is not linked");
  return 0;
}
