/* A plain C program: strings, initialised and zeroed data, pointers in data, function pointers,
 * a switch (br_table), recursion, varargs, qsort with a callback, floating point, 64-bit
 * arithmetic, memcpy/memset (bulk memory), and references to another object (util.c). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern int util_calls;
extern const char util_name[];
extern int (*const util_ops[])(int);
extern const int util_nops;
int util_scale(int x);
int util_hook(int x);
int util_other_hook(int x);
char *util_join(const char *a, const char *b);
long long util_fib(int n);

/* Overrides the weak definition in util.c. */
int util_hook(int x) { return x * 100; }

struct point { int x, y; const char *label; };
static struct point points[] = {{3, 4, "a"}, {-1, 7, "b"}, {0, 0, "origin"}, {12, -5, "far"}};
static const char *const *label_of_first = &points[0].label;
static char buffer[256];
int counter = 1;
double ratios[3] = {0.5, 1.25, -3.0e-5};
unsigned char zeros[1000];

static int cmp_points(const void *a, const void *b) {
  const struct point *p = a, *q = b;
  int da = p->x * p->x + p->y * p->y, db = q->x * q->x + q->y * q->y;
  return (da > db) - (da < db);
}

static const char *day(int d) {
  switch (d) {
  case 0: return "sun";
  case 1: return "mon";
  case 2: return "tue";
  case 3: return "wed";
  case 4: return "thu";
  case 5: return "fri";
  case 6: return "sat";
  default: return "???";
  }
}

static int ackermann(int m, int n) {
  if (m == 0) return n + 1;
  if (n == 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}

static int sum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int s = 0;
  for (int i = 0; i < n; i++) s += va_arg(ap, int);
  va_end(ap);
  return s;
}

static unsigned long long mix(unsigned long long h, unsigned v) {
  h ^= v;
  h *= 0x100000001b3ULL;
  return h >> 3 | h << 61;
}

int main(int argc, char **argv) {
  (void)argv;
  printf("hello from %s, argc=%d\n", util_name, argc);
  qsort(points, 4, sizeof points[0], cmp_points);
  for (int i = 0; i < 4; i++) printf("point %s (%d,%d)\n", points[i].label, points[i].x, points[i].y);
  printf("first label %s\n", *label_of_first);
  for (int d = 0; d < 8; d++) printf("%s%c", day(d), d == 7 ? '\n' : ' ');
  printf("ackermann(2,3)=%d sum=%d\n", ackermann(2, 3), sum(4, 1, 2, 3, 4));
  for (int i = 0; i < util_nops; i++) printf("op%d(7)=%d\n", i, util_ops[i](7));
  printf("hooks %d %d calls %d\n", util_hook(3), util_other_hook(3), util_calls);
  char *j = util_join("left", "right");
  printf("join %s fib(50)=%lld\n", j, util_fib(50));
  free(j);
  memset(buffer, 'x', 10);
  memcpy(buffer + 10, "yz", 3);
  printf("buffer %s zeros %d\n", buffer, zeros[999]);
  double acc = 0;
  for (int i = 0; i < 3; i++) acc += ratios[i] * (i + 1);
  printf("acc %.6f %.3e %g\n", acc, acc / 7.0, (float)acc);
  unsigned long long h = 14695981039346656037ULL;
  for (unsigned i = 0; i < 100; i++) h = mix(h, i * counter);
  printf("hash %016llx\n", h);
  return counter - 1;
}
