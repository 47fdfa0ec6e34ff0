#include "CBitCounts.h"

// Swift builds for the x86-64 baseline, which has no population count
// instruction: `nonzeroBitCount` becomes a dozen shifts and masks a word.
// These loops are compiled again for processors with one (and with AVX2,
// which counts four words at once), and the loader picks the version the
// processor runs: features, not `arch=` levels, which only recent runtime
// libraries can test. Other architectures build the plain loop.
#if defined(__x86_64__) && defined(__linux__)
#define BIT_COUNT_VERSIONS __attribute__((target_clones("avx2", "popcnt", "default")))
#else
#define BIT_COUNT_VERSIONS
#endif

BIT_COUNT_VERSIONS
size_t innobond_intersection_count(const uint64_t *a, const uint64_t *b, size_t count) {
    size_t total = 0;
    for (size_t index = 0; index < count; index++) {
        total += (size_t)__builtin_popcountll(a[index] & b[index]);
    }
    return total;
}

BIT_COUNT_VERSIONS
size_t innobond_bit_count(const uint64_t *a, size_t count) {
    size_t total = 0;
    for (size_t index = 0; index < count; index++) {
        total += (size_t)__builtin_popcountll(a[index]);
    }
    return total;
}
