/* The allocation choke point. Nothing outside src/mem calls malloc/free.
 *
 *   kaa_obj_*  small-object allocator (the pymalloc model): requests of
 *              1..512 bytes come from pools of 32 size classes; larger (and
 *              0-byte) requests go to the raw allocator.
 *   kaa_mem_*  raw allocator: the C library's malloc, counted.
 *
 * The mode is chosen once, by kaa_mem_init() from the KAAMALLOC environment
 * variable: "pymalloc" (default when built with KAA_PYMALLOC=ON), "malloc"
 * (every kaa_obj_* request goes to malloc: for valgrind and ASan; the default
 * when built with KAA_PYMALLOC=OFF) or "debug" (pools plus guard bytes and
 * poison patterns: overruns, use after free and double free are reported with
 * the block's address and size class, then the process aborts).
 */
#ifndef KAA_MEM_H
#define KAA_MEM_H
#ifndef KAA_BUILD_CORE
#error "internal header: build with KAA_BUILD_CORE"
#endif

#include <stddef.h>
#include <stdio.h>

// Raw allocator. kaa_mem_alloc(0) returns a unique non-NULL pointer.
// Return NULL on failure (the caller raises MemoryError).
void *kaa_mem_alloc(size_t n);
void *kaa_mem_calloc(size_t count, size_t size);
void *kaa_mem_realloc(void *p, size_t n);
void kaa_mem_free(void *p);
char *kaa_mem_strdup(const char *s);

// Memory handed over to a library that releases it with the C library's
// free() (readline frees completion strings itself). Not counted in
// kaa_mem_live_blocks(): it is not kaa's to return.
void *kaa_mem_foreign_alloc(size_t n);
void *kaa_mem_foreign_realloc(void *p, size_t n);
void kaa_mem_foreign_free(void *p);

// Small-object allocator. Blocks are 16-byte aligned. kaa_obj_realloc keeps
// the block while the new size still fits its size class (and is more than
// 3/4 of it), as CPython's pymalloc does. Return NULL on failure.
void *kaa_obj_alloc(size_t n);
void *kaa_obj_realloc(void *p, size_t n);
void kaa_obj_free(void *p);

// Select the mode from KAAMALLOC. Called once by the interpreter start-up,
// before any allocation; allocation before it uses the build's default mode.
void kaa_mem_init(void);
// Release the cached empty arena (if any). Live blocks are left alone.
// (In debug mode it also checks and really frees the quarantined freed blocks.)
void kaa_mem_fini(void);

typedef enum { KAA_MEM_PYMALLOC, KAA_MEM_MALLOC, KAA_MEM_DEBUG } KaaMemMode;
KaaMemMode kaa_mem_mode(void);
// Switch modes (tests, benchmarks). Allowed only while no block is live, since a
// block must be freed by the mode that allocated it: returns 0, or -1 (nothing
// changed) when blocks are live. Never fails otherwise.
int kaa_mem_set_mode(KaaMemMode mode);

// Blocks currently allocated through kaa_obj_* plus kaa_mem_* (both modes).
// The unit-test fixtures assert this returns to its starting value.
size_t kaa_mem_live_blocks(void);

// Statistics of the pool allocator, for sys._debugmallocstats() and tests.
typedef struct KaaMemStats {
    size_t arenas_allocated_total; // arenas ever mmapped
    size_t arenas_reclaimed;       // arenas returned with munmap
    size_t arenas_highwater;       // most arenas live at once
    size_t arenas_current;         // arenas live now
    size_t pools_used[32];         // per size class: pools in use (used or full)
    size_t blocks_used[32];        // per size class: blocks allocated
    size_t blocks_avail[32];       // per size class: free blocks in its pools
    size_t pools_unused;           // empty pools in live arenas (incl. never carved)
    size_t raw_blocks;             // live kaa_mem_* blocks and large kaa_obj_* blocks
} KaaMemStats;
void kaa_mem_get_stats(KaaMemStats *st);
// Write CPython's sys._debugmallocstats() report (the sections that apply).
void kaa_mem_debug_stats(FILE *out);

#endif
