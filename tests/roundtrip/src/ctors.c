/* Constructors with priorities, destructors, atexit, weak definitions and weak undefined
 * references, aliases, visibility, export_name, import_name/import_module, used data. */
#include <stdio.h>
#include <stdlib.h>

static char log_buf[128];
static int log_len;
static void note(char c) { log_buf[log_len++] = c; }

__attribute__((constructor(300))) static void c300(void) { note('3'); }
__attribute__((constructor)) static void cdefault(void) { note('d'); }
__attribute__((constructor(101))) static void c101(void) { note('1'); }
__attribute__((constructor(101))) void c101b(void) { note('b'); }
__attribute__((constructor(200))) static void c200(void) { note('2'); }
__attribute__((destructor)) static void dtor(void) { printf("dtor after %s\n", log_buf); }
__attribute__((destructor(150))) static void dtor150(void) { printf("dtor150\n"); }

static void at_exit_handler(void) { printf("atexit handler\n"); }

/* Weak: defined here, nobody overrides it. */
__attribute__((weak)) int weak_value(void) { return 42; }
/* Weak undefined: nobody defines it, so its address is null. */
extern int maybe_missing(void) __attribute__((weak));
extern int maybe_missing_data __attribute__((weak));

int real_function(int x) { return x * 7; }
int alias_function(int x) __attribute__((alias("real_function")));

__attribute__((visibility("default"))) int visible_default = 5;
__attribute__((visibility("hidden"))) int visible_hidden = 6;
__attribute__((used)) static const char keep_me[] = "kept by used";

__attribute__((export_name("exported_twice"))) int twice(int x) { return 2 * x; }

/* A WASI function under another name. */
__attribute__((import_module("wasi_snapshot_preview1"), import_name("sched_yield"))) int my_yield(void);

int main(void) {
  atexit(at_exit_handler);
  printf("ctor order %s\n", log_buf);
  printf("weak %d missing %s %s\n", weak_value(), maybe_missing ? "present" : "absent",
         &maybe_missing_data ? "present" : "absent");
  printf("alias %d real %d twice %d\n", alias_function(3), real_function(4), twice(21));
  printf("visible %d %d yield %d keep %c\n", visible_default, visible_hidden, my_yield(), keep_me[0]);
  return 0;
}
