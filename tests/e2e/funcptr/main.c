// Function pointers both ways between C and lib.wat.
#include <stdio.h>

typedef int (*fn)(int);

int c_negate(int x) { return -x; }
static int c_triple(int x) { return 3 * x; }

fn wat_get_square(void);
int wat_apply(fn f, int x);
int wat_apply_op(int i, int x);
extern const fn wat_ops[3];

int main(void) {
  fn sq = wat_get_square();
  printf("wat_get_square()(7) = %d\n", sq(7));
  printf("wat_apply(c_triple, 5) = %d\n", wat_apply(c_triple, 5));
  printf("wat_apply(wat_get_square(), 9) = %d\n", wat_apply(sq, 9));
  for (int i = 0; i < 3; i++)
    printf("wat_apply_op(%d, 6) = %d, wat_ops[%d](6) = %d\n", i, wat_apply_op(i, 6), i, wat_ops[i](6));
  printf("wat_get_square() == wat_ops[0]: %d\n", sq == wat_ops[0]);
  printf("c_negate == wat_ops[2]: %d\n", c_negate == wat_ops[2]);
  printf("wat_ops[0] != wat_ops[1]: %d\n", wat_ops[0] != wat_ops[1]);
  return 0;
}
