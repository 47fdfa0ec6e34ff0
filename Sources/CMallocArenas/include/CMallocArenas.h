#ifndef C_MALLOC_ARENAS_H
#define C_MALLOC_ARENAS_H

/// The most malloc arenas this process may create, set before `main` runs
/// (glibc fixes the limit when its first thread arena is made): one a core
/// rather than glibc's eight, so that memory freed on one thread is reused
/// on another instead of kept apart. 0 on other C libraries.
int innobond_malloc_arenas(void);

#endif
