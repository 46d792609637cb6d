/* alloc_bench: kaa's pool allocator (kaa_obj_alloc/free) against glibc
 * malloc/free on the small-object patterns an interpreter produces:
 *
 *   churn       a working set of 4096 slots; each step frees or fills a random
 *               slot with a mixed-size object (sizes 16..512, mostly small)
 *   lifo        push a random number (1..64) of mixed objects, pop them all in
 *               reverse: temporaries, frames, argument tuples; on top of a heap
 *               of 20k live objects, as an interpreter always has
 *   lifo-bare   the same with nothing else live: every pool empties at the end
 *               of each round (pymalloc's worst case: pools change class often)
 *   long-lived  build 500k mixed objects, then free them in random order
 *
 * Each pattern runs against both allocators on the same random sequence, best
 * of REPEATS runs; the ratio is pool time / malloc time (below 1: pools faster).
 * Usage: alloc_bench [scale [pattern]]   (scale multiplies the work, default 1;
 * pattern runs only one of them, for profiling)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mem/mem.h"

enum { REPEATS = 5, CHURN_SLOTS = 4096, LIFO_HEAP = 20000, LONG_LIVED = 500000 };

static double scale = 1.0;

static uint64_t rng_state;
static inline uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

// Object sizes skewed the way Python objects are: most under 128 bytes.
static inline size_t object_size(void)
{
    uint64_t r = rng();
    unsigned bucket = r % 100;
    r >>= 8;
    if (bucket < 50) {
        return 16 + r % 49; // 16..64: ints, floats, small tuples, cells
    }
    if (bucket < 80) {
        return 65 + r % 64; // 65..128: lists, instances, short strings
    }
    if (bucket < 95) {
        return 129 + r % 128; // 129..256: functions, small dicts
    }
    return 257 + r % 256; // 257..512: larger dicts and strings
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

// The object's first word is written on allocation and read on free, as an
// object's refcount would be; the sum keeps the compiler from dropping work.
static volatile uint64_t sink;

// One copy of each pattern per allocator, so both make direct calls.
#define DEFINE_PATTERNS(NAME, ALLOC, FREE)                                                         \
    static void churn_##NAME(size_t steps)                                                         \
    {                                                                                              \
        static uint64_t *slot[CHURN_SLOTS];                                                        \
        uint64_t sum = 0;                                                                          \
        for (size_t i = 0; i < steps; i++) {                                                       \
            uint64_t **s = &slot[rng() % CHURN_SLOTS];                                             \
            if (*s != NULL) {                                                                      \
                sum += **s;                                                                        \
                FREE(*s);                                                                          \
                *s = NULL;                                                                         \
            } else {                                                                               \
                *s = ALLOC(object_size());                                                         \
                **s = i;                                                                           \
            }                                                                                      \
        }                                                                                          \
        for (size_t i = 0; i < CHURN_SLOTS; i++) {                                                 \
            if (slot[i] != NULL) {                                                                 \
                FREE(slot[i]);                                                                     \
                slot[i] = NULL;                                                                    \
            }                                                                                      \
        }                                                                                          \
        sink += sum;                                                                               \
    }                                                                                              \
    static void lifo_##NAME(size_t steps, size_t nheap)                                            \
    {                                                                                              \
        static uint64_t *heap[LIFO_HEAP];                                                          \
        uint64_t *stack[64];                                                                       \
        uint64_t sum = 0;                                                                          \
        for (size_t i = 0; i < nheap; i++) {                                                       \
            heap[i] = ALLOC(object_size());                                                        \
        }                                                                                          \
        for (size_t done = 0; done < steps;) {                                                     \
            size_t depth = 1 + rng() % 64;                                                         \
            for (size_t d = 0; d < depth; d++) {                                                   \
                stack[d] = ALLOC(object_size());                                                   \
                *stack[d] = d;                                                                     \
            }                                                                                      \
            while (depth > 0) {                                                                    \
                sum += *stack[--depth];                                                            \
                FREE(stack[depth]);                                                                \
                done += 2;                                                                         \
            }                                                                                      \
        }                                                                                          \
        for (size_t i = 0; i < nheap; i++) {                                                       \
            FREE(heap[i]);                                                                         \
        }                                                                                          \
        sink += sum;                                                                               \
    }                                                                                              \
    static void long_lived_##NAME(size_t n, uint32_t *order)                                       \
    {                                                                                              \
        static uint64_t *obj[LONG_LIVED];                                                          \
        uint64_t sum = 0;                                                                          \
        for (size_t i = 0; i < n; i++) {                                                           \
            obj[i] = ALLOC(object_size());                                                         \
            *obj[i] = i;                                                                           \
        }                                                                                          \
        for (size_t i = 0; i < n; i++) {                                                           \
            sum += *obj[order[i]];                                                                 \
            FREE(obj[order[i]]);                                                                   \
        }                                                                                          \
        sink += sum;                                                                               \
    }

DEFINE_PATTERNS(pool, kaa_obj_alloc, kaa_obj_free)
DEFINE_PATTERNS(libc, malloc, free)

static uint32_t *shuffled_order(size_t n)
{
    uint32_t *order = malloc(n * sizeof(*order));
    for (size_t i = 0; i < n; i++) {
        order[i] = (uint32_t)i;
    }
    rng_state = 0x9e3779b97f4a7c15ull;
    for (size_t i = n; i > 1; i--) {
        size_t j = rng() % i;
        uint32_t t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
    return order;
}

typedef enum { CHURN, LIFO, LIFO_BARE, LONG } Pattern;

// Seconds for one run of pattern p; every run replays the same random sequence.
static double run(Pattern p, int pool, uint32_t *order)
{
    size_t steps = (size_t)(4e6 * scale);
    size_t n = (size_t)(LONG_LIVED * (scale < 1 ? scale : 1));
    rng_state = 88172645463325252ull;
    double t0 = now();
    switch (p) {
    case CHURN:
        pool ? churn_pool(steps) : churn_libc(steps);
        break;
    case LIFO:
    case LIFO_BARE: {
        size_t heap = p == LIFO ? LIFO_HEAP : 0;
        pool ? lifo_pool(steps, heap) : lifo_libc(steps, heap);
        break;
    }
    case LONG:
        pool ? long_lived_pool(n, order) : long_lived_libc(n, order);
        break;
    }
    return now() - t0;
}

int main(int argc, char **argv)
{
    if (argc > 1) {
        scale = atof(argv[1]);
        if (scale <= 0) {
            fprintf(stderr, "usage: %s [scale > 0 [churn|lifo|lifo-bare|long-lived]]\n", argv[0]);
            return 2;
        }
    }
    const char *only = argc > 2 ? argv[2] : NULL;
    // Measure the pools whatever the build's default or KAAMALLOC say.
    if (kaa_mem_set_mode(KAA_MEM_PYMALLOC) != 0) {
        fprintf(stderr, "alloc_bench: cannot select pymalloc mode\n");
        return 1;
    }
    size_t n = (size_t)(LONG_LIVED * (scale < 1 ? scale : 1));
    uint32_t *order = shuffled_order(n);
    static const char *names[] = {"churn", "lifo", "lifo-bare", "long-lived"};

    printf("%-12s %12s %12s %10s\n", "pattern", "pool (ms)", "malloc (ms)", "pool/malloc");
    double logsum = 0;
    int ran = 0;
    for (Pattern p = CHURN; p <= LONG; p++) {
        if (only != NULL && strcmp(only, names[p]) != 0) {
            continue;
        }
        double best_pool = 1e9, best_libc = 1e9;
        for (int r = 0; r < REPEATS; r++) {
            // Alternate, so that neither allocator always runs on a warmer machine.
            double a = run(p, 1, order), b = run(p, 0, order);
            best_pool = a < best_pool ? a : best_pool;
            best_libc = b < best_libc ? b : best_libc;
        }
        double ratio = best_pool / best_libc;
        logsum += log(ratio);
        ran++;
        printf("%-12s %12.1f %12.1f %10.2f\n", names[p], best_pool * 1e3, best_libc * 1e3, ratio);
    }
    if (ran > 1) {
        printf("%-12s %12s %12s %10.2f\n", "geomean", "", "", exp(logsum / ran));
    }
    if (kaa_mem_live_blocks() != 0) {
        fprintf(stderr, "alloc_bench: %zu kaa blocks leaked\n", kaa_mem_live_blocks());
        return 1;
    }
    free(order);
    kaa_mem_fini();
    return 0;
}
