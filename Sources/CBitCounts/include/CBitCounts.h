#ifndef C_BIT_COUNTS_H
#define C_BIT_COUNTS_H

#include <stddef.h>
#include <stdint.h>

/// The number of bits set in both `a` and `b`, `count` 64-bit words each.
size_t innobond_intersection_count(const uint64_t *a, const uint64_t *b, size_t count);

/// The number of bits set in `a`, `count` 64-bit words.
size_t innobond_bit_count(const uint64_t *a, size_t count);

#endif
