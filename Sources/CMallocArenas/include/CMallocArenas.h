#ifndef C_MALLOC_ARENAS_H
#define C_MALLOC_ARENAS_H

/// The most malloc arenas this process may create, set before `main` runs
/// (glibc fixes the limit when its first thread arena is made): one a core
/// rather than glibc's eight, so that memory freed on one thread is reused
/// on another instead of kept apart. 0 on other C libraries.
int innobond_malloc_arenas(void);

/// Gives the system back the pages of freed heap memory (glibc's
/// `malloc_trim(0)`, which also releases whole free pages inside the heap,
/// not only its top): 1 when some were given back. glibc otherwise keeps
/// what a heavy computation freed for the process's next allocations.
/// Does nothing on other C libraries.
int innobond_release_free_memory(void);

#endif
