#include "CMallocArenas.h"

// Any C library header says which library it is.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
#include <unistd.h>

static int arenas = 0;

__attribute__((constructor)) static void limit_malloc_arenas(void) {
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int limit = cores < 1 ? 1 : (int)cores;
    if (mallopt(M_ARENA_MAX, limit) == 1) arenas = limit;
}

int innobond_malloc_arenas(void) { return arenas; }

int innobond_release_free_memory(void) { return malloc_trim(0); }
#else
int innobond_malloc_arenas(void) { return 0; }

int innobond_release_free_memory(void) { return 0; }
#endif
