/* libgcc's emulated thread-local storage runtime, for one thread.

   GCC's WebAssembly back end has no native thread-local storage: it turns
   each `__thread` / `_Thread_local` variable X into a control object
   `__emutls_v.X` and each access into a call to
   `__emutls_get_address (&__emutls_v.X)` (gcc/tree-emutls.cc). libgcc
   provides that function; neither wasi-libc nor compiler-rt does, so the
   programs built from GCC's text are linked with this file. A WASI command
   runs one thread, so each variable needs a single block, made on first use
   from the template (or zeros when the variable has no initializer). */
#include <stdlib.h>
#include <string.h>

/* libgcc declares `size` and `align` with `__attribute__((mode(word)))`.
   GCC's wasm port has 8-byte words (UNITS_PER_WORD), while clang's word on
   wasm32 is 4 bytes, so the width is spelled out. */
typedef unsigned long long emutls_word;

struct __emutls_object
{
  emutls_word size;
  emutls_word align;
  union
  {
    unsigned int offset;
    void *ptr;
  } loc;
  void *templ;
};

void *__emutls_get_address (struct __emutls_object *obj);

void *
__emutls_get_address (struct __emutls_object *obj)
{
  if (obj->loc.ptr == NULL)
    {
      size_t align = obj->align;
      void *block;
      if (align < sizeof (void *))
        align = sizeof (void *);
      if (posix_memalign (&block, align, obj->size) != 0)
        abort ();
      if (obj->templ != NULL)
        memcpy (block, obj->templ, obj->size);
      else
        memset (block, 0, obj->size);
      obj->loc.ptr = block;
    }
  return obj->loc.ptr;
}
