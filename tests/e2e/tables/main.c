// lib.wat's second table `slots`, filled with C and WAT functions.
#include <stdio.h>

typedef int (*fn)(int);
fn wat_neg_ptr(void);
void wat_slot_set(int slot, fn f);
void wat_slot_set_neg(int slot);
int wat_slot_call(int slot, int x);
int wat_slot_count(void);
int wat_slot_grow(int n);
void wat_slot_clear(int from, int n);
int wat_slot_is_null(int slot);

static int inc(int x) { return x + 1; }
static int dbl(int x) { return 2 * x; }

static void show(void) {
  printf("slots:");
  for (int i = 0; i < wat_slot_count(); i++) {
    if (wat_slot_is_null(i))
      printf(" -");
    else
      printf(" %d", wat_slot_call(i, 10));
  }
  printf("\n");
}

int main(void) {
  printf("wat_slot_count() = %d\n", wat_slot_count());
  show();
  wat_slot_set(0, inc);
  wat_slot_set(3, dbl);
  wat_slot_set_neg(1);
  show();
  printf("wat_slot_grow(2) = %d\n", wat_slot_grow(2));
  wat_slot_set(5, wat_neg_ptr());
  wat_slot_set(4, inc);
  show();
  wat_slot_clear(0, 2);
  show();
  printf("wat_neg_ptr()(5) = %d\n", wat_neg_ptr()(5));
  return 0;
}
