/* Thread-local variables as GCC's WebAssembly back end emits them: emulated
   (gcc/tree-emutls.cc). Each variable X becomes a control object __emutls_v.X
   (size and alignment as 8-byte words, a slot for the runtime, and a pointer
   to the template __emutls_t.X that holds the initial value, or null for
   zeros), and each access a call to __emutls_get_address(&__emutls_v.X),
   which ../../support/emutls.c provides. Also: main with argc and argv
   (GCC names it __main_argc_argv), locals whose address is taken (kept in
   the stack frame, $frame), and doubles. */
#include <stdio.h>

_Thread_local int tls_counter = 40;
__attribute__((visibility("hidden"))) _Thread_local int tls_step = 2;
static __thread int tls_hits;
__thread char tls_name[16] = "main thread";
_Thread_local double tls_scale = 1.25;

static void bump(int by)
{
  tls_counter = tls_counter + by * tls_step;
  tls_hits = tls_hits + 1;
}

static void read_counters(int *counter, int *hits)
{
  *counter = tls_counter;
  *hits = tls_hits;
}

int *counter_address(void)
{
  return &tls_counter;
}

int main(int argc, char **argv)
{
  int counter, hits;
  (void)argv;
  bump(1);
  bump(3);
  read_counters(&counter, &hits);
  printf("tls_counter = %d, tls_hits = %d\n", counter, hits);
  printf("scaled = %.2f\n", counter * tls_scale * 0.75);
  printf("same address: %d\n", counter_address() == &tls_counter);
  printf("name = %s\n", tls_name);
  tls_name[0] = 'M';
  printf("name = %s\n", tls_name);
  printf("argc = %d\n", argc);
  return 0;
}
