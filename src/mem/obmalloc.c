/* obmalloc.c: kaa's allocator, a readable model of CPython 3.11's pymalloc
 * (Objects/obmalloc.c). The only file in kaa that calls malloc, free or mmap.
 *
 * Layers, from the interpreter down:
 *
 *     objects, buffers of the interpreter
 *   +2  kaa_obj_alloc/realloc/free     small-object allocator: 1..512 bytes come
 *          |          |                from pools; 0 and > 512 bytes drop to +1
 *          |   pools (16 KiB) in arenas (1 MiB) <- mmap/munmap, straight from -1
 *   +1  kaa_mem_alloc/realloc/free     raw allocator: malloc, counted
 *    0  C library malloc
 *   -1  kernel virtual memory (pages)
 *
 * Size classes: 16-byte steps up to SMALL_REQUEST_THRESHOLD, index = (n - 1) >> 4.
 *
 *   request    class  block  blocks/pool         request    class  block  blocks/pool
 *     1 -  16     0     16   1021                 257 - 272    16    272     60
 *    17 -  32     1     32    510                 273 - 288    17    288     56
 *    33 -  48     2     48    340                 ...
 *    49 -  64     3     64    255                 449 - 464    28    464     35
 *    65 -  80     4     80    204                 465 - 480    29    480     34
 *    ...                                          481 - 496    30    496     32
 *   241 - 256    15    256     63                 497 - 512    31    512     31
 *
 * (blocks per pool = (16384 - 48-byte pool header) / block size; the remainder is
 * "lost to quantization" in the statistics.)
 *
 * Pool states. Every pool carved from an arena is in exactly one state:
 *   used   0 < count < capacity. On the list usedpools[szidx]; freeblock != NULL
 *          always (when the free list runs dry, the next block is carved at once
 *          or the pool turns full). Allocation pops from the first pool listed.
 *   full   count == capacity, freeblock == NULL. On no list. Freeing one block
 *          puts it back at the front of usedpools[szidx].
 *   empty  count == 0. On its arena's freepools list, and reusable by any class.
 *          If it is reused by the class it had, its free list is still valid.
 * Space of a pool never handed out yet is carved lazily: blocks at offsets
 * nextoffset .. maxnextoffset have never been used.
 *
 * Arenas: descriptors live in a growable array (`arenas`); descriptors without a
 * mapping are on unused_arena_objects. usable_arenas lists the arenas with at least
 * one free pool, sorted by nfreepools ascending (fullest first, so the emptiest can
 * drain); nfp2lasta[k] points at the last arena in that list with k free pools,
 * which makes keeping the order O(1). An arena left with no used pool is unmapped,
 * except one empty arena at the tail of usable_arenas, kept to avoid thrashing.
 *
 * Whether a pointer is ours is answered by a radix tree over the address bits (the
 * "arena map"), never by reading memory around the pointer.
 */
#include "mem/mem.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

_Static_assert(sizeof(void *) == 8, "the arena map below is laid out for 64-bit addresses");

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

#define ALIGNMENT_SHIFT 4
#define ALIGNMENT (1u << ALIGNMENT_SHIFT) // 16
#define SMALL_REQUEST_THRESHOLD 512
#define NB_SMALL_SIZE_CLASSES (SMALL_REQUEST_THRESHOLD / ALIGNMENT) // 32
#define INDEX2SIZE(i) (((unsigned)(i) + 1) << ALIGNMENT_SHIFT)

#define POOL_BITS 14
#define POOL_SIZE (1u << POOL_BITS) // 16 KiB
#define POOL_SIZE_MASK (POOL_SIZE - 1)
#define ARENA_BITS 20
#define ARENA_SIZE (1u << ARENA_BITS) // 1 MiB
#define ARENA_SIZE_MASK (ARENA_SIZE - 1)
#define MAX_POOLS_IN_ARENA (ARENA_SIZE / POOL_SIZE) // 64
#define INITIAL_ARENA_OBJECTS 16

// szidx of a pool that has never held a size class.
#define DUMMY_SIZE_IDX 0xffff

typedef uint8_t block;

typedef struct PoolHeader {
    uint32_t count;              // blocks allocated from this pool
    uint32_t pad_;               // keeps the header at CPython's 48 bytes
    block *freeblock;            // head of the free list (through each block's first word)
    struct PoolHeader *nextpool; // usedpools list, or the arena's freepools list
    struct PoolHeader *prevpool;
    uint32_t arenaindex;    // index of the owning arena in `arenas`
    uint32_t szidx;         // size class, DUMMY_SIZE_IDX before first use
    uint32_t nextoffset;    // offset of the next never-used block
    uint32_t maxnextoffset; // last offset at which a whole block still fits
} PoolHeader;

#define POOL_OVERHEAD ((sizeof(PoolHeader) + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1))
_Static_assert(POOL_OVERHEAD == 48, "pool header is 48 bytes, as in CPython 3.11");
#define POOL_ADDR(p) ((PoolHeader *)((uintptr_t)(p) & ~(uintptr_t)POOL_SIZE_MASK))
#define NUMBLOCKS(i) ((POOL_SIZE - POOL_OVERHEAD) / INDEX2SIZE(i))

typedef struct ArenaObject {
    uintptr_t address;     // start of the mapping; 0 while the descriptor is unused
    block *pool_address;   // next pool never carved out of this arena
    uint32_t nfreepools;   // empty pools plus pools never carved
    uint32_t ntotalpools;  // 64, or 63 when the mapping is not pool-aligned
    PoolHeader *freepools; // empty pools, singly linked through nextpool
    // usable_arenas links; nextarena also links unused_arena_objects.
    struct ArenaObject *nextarena;
    struct ArenaObject *prevarena;
} ArenaObject;

/* ---------------------------------------------------------------------------
 * Allocator state. Single-threaded: no locks.
 */

#if defined(KAA_DEFAULT_MALLOC) && KAA_DEFAULT_MALLOC
#define DEFAULT_MODE KAA_MEM_MALLOC
#else
#define DEFAULT_MODE KAA_MEM_PYMALLOC
#endif

static KaaMemMode mem_mode = DEFAULT_MODE;
static size_t pool_live; // live blocks inside pools
static size_t raw_live;  // live blocks from malloc (kaa_mem_* and large kaa_obj_*)

// usedpools[i]: first used pool of class i, NULL if none. The used pools of a
// class form a NULL-terminated doubly linked list through nextpool/prevpool.
// (CPython overlays fake pool headers on this array to save a test; a plain
// head pointer is as fast here and easier to read.)
static PoolHeader *usedpools[NB_SMALL_SIZE_CLASSES];

static ArenaObject *arenas; // descriptor array, maxarenas long
static uint32_t maxarenas;
static ArenaObject *unused_arena_objects; // descriptors without a mapping
static ArenaObject *usable_arenas;        // sorted by nfreepools ascending
static ArenaObject *nfp2lasta[MAX_POOLS_IN_ARENA + 1];

static size_t narenas_currently_allocated;
static size_t ntimes_arena_allocated;
static size_t narenas_highwater;

/* ---------------------------------------------------------------------------
 * The arena map: a 3-level radix tree over the 64 address bits. The low 20 bits
 * are the offset inside a 1 MiB "slot"; the 44 bits above index the tree
 * (15 top + 15 middle + 14 bottom). An arena is not slot-aligned (mmap only
 * aligns to pages), so it covers the upper part of one slot and the lower part
 * of the next; each slot records both parts.
 */

#define MAP_TOP_BITS 15
#define MAP_MID_BITS 15
#define MAP_BOT_BITS (64 - ARENA_BITS - MAP_TOP_BITS - MAP_MID_BITS) // 14
#define MAP_TOP_INDEX(a) ((a) >> (64 - MAP_TOP_BITS))
#define MAP_MID_INDEX(a) (((a) >> (ARENA_BITS + MAP_BOT_BITS)) & ((1u << MAP_MID_BITS) - 1))
#define MAP_BOT_INDEX(a) (((a) >> ARENA_BITS) & ((1u << MAP_BOT_BITS) - 1))

typedef struct ArenaCoverage {
    int32_t lo_end;  // an arena covers offsets [0, lo_end) of this slot
    int32_t hi_size; // an arena covers offsets [1 MiB - hi_size, 1 MiB)
} ArenaCoverage;     // zero-filled: no arena here

typedef struct MapBot {
    ArenaCoverage slots[1u << MAP_BOT_BITS];
} MapBot;

typedef struct MapMid {
    MapBot *bot[1u << MAP_MID_BITS];
} MapMid;

static MapMid *map_root[1u << MAP_TOP_BITS];
static size_t map_mid_count, map_bot_count;

// The coverage record of the slot holding address a; NULL if no arena was ever
// mapped near it. With create, missing nodes are allocated (NULL if that fails).
static ArenaCoverage *map_slot(uintptr_t a, bool create)
{
    MapMid **midp = &map_root[MAP_TOP_INDEX(a)];
    if (*midp == NULL) {
        if (!create || (*midp = calloc(1, sizeof(MapMid))) == NULL) {
            return NULL;
        }
        map_mid_count++;
    }
    MapBot **botp = &(*midp)->bot[MAP_MID_INDEX(a)];
    if (*botp == NULL) {
        if (!create || (*botp = calloc(1, sizeof(MapBot))) == NULL) {
            return NULL;
        }
        map_bot_count++;
    }
    return &(*botp)->slots[MAP_BOT_INDEX(a)];
}

// Record (used) or forget the arena mapped at base. Only recording can fail.
static bool map_mark(uintptr_t base, bool used)
{
    ArenaCoverage *first = map_slot(base, used);
    if (first == NULL) {
        return false;
    }
    int32_t off = (int32_t)(base & ARENA_SIZE_MASK);
    if (off == 0) {
        // A slot-aligned arena fills its slot alone.
        first->lo_end = used ? (int32_t)ARENA_SIZE : 0;
        return true;
    }
    ArenaCoverage *second = map_slot(base + ARENA_SIZE, used);
    if (second == NULL) {
        return false;
    }
    first->hi_size = used ? (int32_t)ARENA_SIZE - off : 0;
    second->lo_end = used ? off : 0;
    return true;
}

// Is p inside a live arena? Reads only the map, never the memory at p.
static inline bool address_in_range(const void *p)
{
    uintptr_t a = (uintptr_t)p;
    MapMid *mid = map_root[MAP_TOP_INDEX(a)];
    if (mid == NULL) {
        return false;
    }
    MapBot *bot = mid->bot[MAP_MID_INDEX(a)];
    if (bot == NULL) {
        return false;
    }
    const ArenaCoverage *c = &bot->slots[MAP_BOT_INDEX(a)];
    int32_t off = (int32_t)(a & ARENA_SIZE_MASK);
    return (off < c->lo_end) | (off >= (int32_t)ARENA_SIZE - c->hi_size); // no branch
}

/* ---------------------------------------------------------------------------
 * Arenas.
 */

// Give the arena descriptor array room for more arenas. Only called when every
// descriptor is in use, so usable_arenas and nfp2lasta hold no pointer into it.
static bool grow_arena_descriptors(void)
{
    uint32_t n = maxarenas ? maxarenas * 2 : INITIAL_ARENA_OBJECTS;
    if (n <= maxarenas) {
        return false;
    }
    ArenaObject *a = realloc(arenas, (size_t)n * sizeof(ArenaObject));
    if (a == NULL) {
        return false;
    }
    arenas = a;
    for (uint32_t i = maxarenas; i < n; i++) {
        arenas[i].address = 0;
        arenas[i].nextarena = i + 1 < n ? &arenas[i + 1] : NULL;
    }
    unused_arena_objects = &arenas[maxarenas];
    maxarenas = n;
    return true;
}

// Map a fresh arena; NULL when out of memory. It is not linked anywhere yet.
static ArenaObject *new_arena(void)
{
    if (unused_arena_objects == NULL && !grow_arena_descriptors()) {
        return NULL;
    }
    void *addr = mmap(NULL, ARENA_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (addr == MAP_FAILED) {
        return NULL;
    }
    if (!map_mark((uintptr_t)addr, true)) {
        munmap(addr, ARENA_SIZE);
        return NULL;
    }
    ArenaObject *ao = unused_arena_objects;
    unused_arena_objects = ao->nextarena;
    ao->address = (uintptr_t)addr;
    ao->freepools = NULL;
    ao->nextarena = ao->prevarena = NULL;
    ao->nfreepools = ao->ntotalpools = MAX_POOLS_IN_ARENA;
    // Pools must be pool-aligned; an unaligned mapping loses one pool's worth of
    // bytes, split between its head and its tail.
    uintptr_t first = ((uintptr_t)addr + POOL_SIZE_MASK) & ~(uintptr_t)POOL_SIZE_MASK;
    if (first != (uintptr_t)addr) {
        ao->nfreepools--;
        ao->ntotalpools--;
    }
    ao->pool_address = (block *)first;

    ntimes_arena_allocated++;
    if (++narenas_currently_allocated > narenas_highwater) {
        narenas_highwater = narenas_currently_allocated;
    }
    return ao;
}

// Unmap an arena (already off usable_arenas) and recycle its descriptor.
static void release_arena(ArenaObject *ao)
{
    map_mark(ao->address, false);
    munmap((void *)ao->address, ARENA_SIZE);
    ao->address = 0;
    ao->nextarena = unused_arena_objects;
    unused_arena_objects = ao;
    narenas_currently_allocated--;
}

// Take ao off usable_arenas, keeping nfp2lasta right.
static void usable_unlink(ArenaObject *ao)
{
    uint32_t nf = ao->nfreepools;
    if (nfp2lasta[nf] == ao) {
        ArenaObject *prev = ao->prevarena;
        nfp2lasta[nf] = (prev != NULL && prev->nfreepools == nf) ? prev : NULL;
    }
    if (ao->prevarena != NULL) {
        ao->prevarena->nextarena = ao->nextarena;
    } else {
        usable_arenas = ao->nextarena;
    }
    if (ao->nextarena != NULL) {
        ao->nextarena->prevarena = ao->prevarena;
    }
}

// Insert ao into usable_arenas right after `after` (at the head when NULL).
static void usable_link_after(ArenaObject *ao, ArenaObject *after)
{
    ao->prevarena = after;
    ao->nextarena = after != NULL ? after->nextarena : usable_arenas;
    if (ao->nextarena != NULL) {
        ao->nextarena->prevarena = ao;
    }
    if (after != NULL) {
        after->nextarena = ao;
    } else {
        usable_arenas = ao;
    }
}

/* ---------------------------------------------------------------------------
 * Pools.
 */

// Put a pool first in usedpools[szidx]: the next allocation of its class uses it.
static void usedpool_link_front(PoolHeader *pool)
{
    PoolHeader *next = usedpools[pool->szidx];
    pool->nextpool = next;
    pool->prevpool = NULL;
    if (next != NULL) {
        next->prevpool = pool;
    }
    usedpools[pool->szidx] = pool;
}

static void usedpool_unlink(PoolHeader *pool)
{
    if (pool->prevpool != NULL) {
        pool->prevpool->nextpool = pool->nextpool;
    } else {
        usedpools[pool->szidx] = pool->nextpool;
    }
    if (pool->nextpool != NULL) {
        pool->nextpool->prevpool = pool->prevpool;
    }
}

// The first pool's free list ran dry as bp was taken: carve the next block, or
// the pool is full. Returns bp (so that the caller can tail-call this).
__attribute__((noinline)) static block *pool_extend(PoolHeader *pool, block *bp)
{
    if (pool->nextoffset <= pool->maxnextoffset) {
        pool->freeblock = (block *)pool + pool->nextoffset;
        pool->nextoffset += INDEX2SIZE(pool->szidx);
        *(block **)pool->freeblock = NULL;
    } else {
        usedpool_unlink(pool); // used -> full
    }
    return bp;
}

// Class idx has no used pool: take an empty pool from the fullest usable arena
// (mapping a new arena if there is none), make it a used pool of class idx and
// return its first block. NULL when out of memory.
__attribute__((noinline)) static block *allocate_from_new_pool(uint32_t idx)
{
    if (usable_arenas == NULL) {
        ArenaObject *fresh = new_arena();
        if (fresh == NULL) {
            return NULL;
        }
        usable_arenas = fresh;
        nfp2lasta[fresh->nfreepools] = fresh;
    }
    ArenaObject *ao = usable_arenas;
    // ao is the fullest usable arena, so with one pool fewer it is still first,
    // and it is now the only (hence last) arena with nfreepools - 1.
    if (nfp2lasta[ao->nfreepools] == ao) {
        nfp2lasta[ao->nfreepools] = NULL;
    }
    if (ao->nfreepools > 1) {
        nfp2lasta[ao->nfreepools - 1] = ao;
    }

    PoolHeader *pool = ao->freepools;
    if (pool != NULL) {
        ao->freepools = pool->nextpool;
    } else {
        pool = (PoolHeader *)ao->pool_address;
        pool->arenaindex = (uint32_t)(ao - arenas);
        pool->szidx = DUMMY_SIZE_IDX;
        ao->pool_address += POOL_SIZE;
    }
    if (--ao->nfreepools == 0) {
        // The arena is full: it leaves usable_arenas (it is the head).
        usable_arenas = ao->nextarena;
        if (usable_arenas != NULL) {
            usable_arenas->prevarena = NULL;
        }
        ao->nextarena = ao->prevarena = NULL;
    }

    pool->count = 1;
    block *bp;
    if (pool->szidx == idx) {
        // Same class as last time: the free list is intact. Every pool carves two
        // blocks at first use, so at least one block remains after this pop.
        bp = pool->freeblock;
        pool->freeblock = *(block **)bp;
    } else {
        uint32_t size = INDEX2SIZE(idx);
        bp = (block *)pool + POOL_OVERHEAD;
        if (UNLIKELY(mem_mode == KAA_MEM_DEBUG)) {
            // Stale blocks of another class would confuse the use-after-free check.
            memset(bp, 0, POOL_SIZE - POOL_OVERHEAD);
        }
        pool->szidx = idx;
        pool->nextoffset = (uint32_t)POOL_OVERHEAD + 2 * size;
        pool->maxnextoffset = POOL_SIZE - size;
        pool->freeblock = bp + size;
        *(block **)pool->freeblock = NULL;
    }
    usedpool_link_front(pool);
    pool_live++;
    return bp;
}

// A pool became empty: move it to its arena's freepools and re-sort the arena in
// usable_arenas, or release the arena if it is entirely free and not the last.
__attribute__((noinline)) static void insert_to_freepool(PoolHeader *pool)
{
    usedpool_unlink(pool);
    ArenaObject *ao = &arenas[pool->arenaindex];
    pool->nextpool = ao->freepools;
    ao->freepools = pool;

    uint32_t nf = ao->nfreepools; // before the increment
    if (nf == 0) {
        // The arena was full, so off the list; with one free pool it goes first.
        ao->nfreepools = 1;
        usable_link_after(ao, NULL);
        if (nfp2lasta[1] == NULL) {
            nfp2lasta[1] = ao;
        }
        return;
    }
    if (nf + 1 == ao->ntotalpools && ao->nextarena != NULL) {
        // Entirely free, and some arena after it has at least as many free
        // pools: that one is the cache, this one goes back to the OS.
        usable_unlink(ao);
        release_arena(ao);
        return;
    }

    // ao moves from the group with nf free pools to the group with nf + 1: its
    // place is after the last arena of its old group (lastnf).
    ArenaObject *lastnf = nfp2lasta[nf];
    if (lastnf == ao) {
        ArenaObject *prev = ao->prevarena;
        nfp2lasta[nf] = (prev != NULL && prev->nfreepools == nf) ? prev : NULL;
    }
    ao->nfreepools = nf + 1;
    if (nfp2lasta[nf + 1] == NULL) {
        nfp2lasta[nf + 1] = ao; // else the last of the new group stays the last
    }
    if (lastnf == ao) {
        return; // already followed by arenas with more than nf free pools
    }
    // Unlink by hand: usable_unlink would fix nfp2lasta for the new count.
    if (ao->prevarena != NULL) {
        ao->prevarena->nextarena = ao->nextarena;
    } else {
        usable_arenas = ao->nextarena;
    }
    ao->nextarena->prevarena = ao->prevarena; // lastnf is further on
    usable_link_after(ao, lastnf);
}

// A block was just pushed on a pool that was full or is now empty.
__attribute__((noinline)) static void pool_state_change(PoolHeader *pool, bool was_full)
{
    if (was_full) {
        usedpool_link_front(pool); // full -> used (not empty: a pool holds >= 31 blocks)
    } else {
        insert_to_freepool(pool); // used -> empty
    }
}

/* ---------------------------------------------------------------------------
 * The pool allocator proper; pool_live counts the blocks it has handed out.
 * The fast paths are inlined into the public functions: a class lookup and a
 * pop from (push to) a free list. Slow paths are separate functions.
 */

// A block of n bytes from the pools; NULL if n is not in 1..512 or out of memory.
static inline void *pymalloc_alloc(size_t n)
{
    if (UNLIKELY(n - 1 >= SMALL_REQUEST_THRESHOLD)) { // n == 0 wraps around
        return NULL;
    }
    uint32_t idx = (uint32_t)((n - 1) >> ALIGNMENT_SHIFT);
    PoolHeader *pool = usedpools[idx];
    if (UNLIKELY(pool == NULL)) {
        return allocate_from_new_pool(idx);
    }
    pool->count++;
    pool_live++;
    block *bp = pool->freeblock;
    if (UNLIKELY((pool->freeblock = *(block **)bp) == NULL)) {
        return pool_extend(pool, bp);
    }
    return bp;
}

// Return p to its pool; false (and nothing done) if p is not a pool block.
// NULL is not: only an arena mapped at address 0 could cover it.
static inline bool pymalloc_free(void *p)
{
    if (UNLIKELY(!address_in_range(p))) {
        return false;
    }
    PoolHeader *pool = POOL_ADDR(p);
    block *last = pool->freeblock;
    *(block **)p = last;
    pool->freeblock = p;
    pool_live--;
    if (UNLIKELY(--pool->count == 0 || last == NULL)) {
        pool_state_change(pool, last == NULL);
    }
    return true;
}

/* ---------------------------------------------------------------------------
 * Raw allocator (counted malloc). malloc(0) may return NULL, so 0 becomes 1.
 */

static void *raw_alloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (p != NULL) {
        raw_live++;
    }
    return p;
}

static void *raw_realloc(void *p, size_t n)
{
    if (p == NULL) {
        return raw_alloc(n);
    }
    return realloc(p, n ? n : 1);
}

static void raw_free(void *p)
{
    if (p != NULL) {
        free(p);
        raw_live--;
    }
}

/* ---------------------------------------------------------------------------
 * Debug mode. Each block gets a header and a trailing guard:
 *
 *   b+0   8 bytes   left to the underlying allocator (pool free-list link)
 *   b+8   8 bytes   bytes requested
 *   b+16  4 bytes   state: LIVE_OBJ, LIVE_RAW or FREED
 *   b+20  12 bytes  0xFD guard (an underrun lands here)
 *   b+32  n bytes   data: 0xCD after allocation, 0xDD after free
 *   ...   8 bytes   0xFD guard (an overrun lands here)
 *
 * Free and realloc check the state and both guards. A freed block is poisoned
 * and waits in a FIFO quarantine of QUARANTINE_LEN blocks before it really goes
 * back (to its pool or to malloc), so a double free is caught even after the
 * program allocated in between, and the memory read is always still ours. When
 * a block leaves the quarantine, and again when a pool hands it out, its poison
 * must be intact, or the program wrote to it after freeing it. Realloc always
 * moves the block. Quarantined blocks still count as allocated in the stats.
 */

#define DEBUG_LIVE_OBJ 0x6b616f62u // kaa_obj_* block
#define DEBUG_LIVE_RAW 0x6b617277u // kaa_mem_* block
#define DEBUG_FREED 0xdeadf4eeu
#define DEBUG_GUARD 0xFD
#define DEBUG_CLEAN 0xCD
#define DEBUG_DEAD 0xDD
#define DEBUG_TAIL 8
#define QUARANTINE_LEN 256

typedef struct DebugHeader {
    void *link;
    size_t nbytes;
    uint32_t state;
    uint8_t guard[12];
} DebugHeader;
_Static_assert(sizeof(DebugHeader) == 32, "debug header keeps data 16-byte aligned");
#define DEBUG_OVERHEAD (sizeof(DebugHeader) + DEBUG_TAIL)

static DebugHeader *quarantine[QUARANTINE_LEN]; // ring: oldest at quarantine_head
static size_t quarantine_head, quarantine_count;

// The public function behind a debug free or realloc, for reports.
static const char *api_func(uint32_t api, bool realloc)
{
    if (api == DEBUG_LIVE_OBJ) {
        return realloc ? "kaa_obj_realloc" : "kaa_obj_free";
    }
    return realloc ? "kaa_mem_realloc" : "kaa_mem_free";
}

// Report a corrupted block on stderr and abort. b is the block's start; data is
// the pointer the program holds.
__attribute__((noreturn, format(printf, 4, 5))) static void
debug_fail(const char *func, const char *problem, const DebugHeader *h, const char *fmt, ...)
{
    const block *data = (const block *)h + sizeof(DebugHeader);
    fflush(stdout);
    fprintf(stderr, "kaa: fatal memory error in %s: %s\n", func, problem);
    if (address_in_range(h)) {
        uint32_t idx = POOL_ADDR(h)->szidx;
        fprintf(stderr, "    block %p: size class %u (%u-byte pool blocks)", (const void *)data,
                idx, INDEX2SIZE(idx));
    } else {
        fprintf(stderr, "    block %p: raw block (malloc)", (const void *)data);
    }
    if (h->state == DEBUG_LIVE_OBJ || h->state == DEBUG_LIVE_RAW || address_in_range(h)) {
        fprintf(stderr, ", %zu bytes requested\n", h->nbytes);
    } else {
        fputc('\n', stderr);
    }
    va_list ap;
    va_start(ap, fmt);
    fputs("    ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    fflush(stderr);
    abort();
}

// Index of the first byte of p[0..n) that is not `value`, or n.
static size_t first_not(const block *p, size_t n, block value)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] != value) {
            return i;
        }
    }
    return n;
}

// Check a block the program hands back (free or realloc) through `api`.
static void debug_check_live(uint32_t api, bool realloc, const DebugHeader *h)
{
    const char *func = api_func(api, realloc);
    if (h->state == DEBUG_FREED) {
        debug_fail(func, "double free", h, "the block was already freed");
    }
    if (h->state != DEBUG_LIVE_OBJ && h->state != DEBUG_LIVE_RAW) {
        debug_fail(func, "bad block header (underrun, or not a kaa block)", h,
                   "state word is 0x%08x", h->state);
    }
    if (h->state != api) {
        debug_fail(func, "API mismatch", h, "the block was allocated by %s",
                   h->state == DEBUG_LIVE_OBJ ? "kaa_obj_alloc" : "kaa_mem_alloc");
    }
    size_t i = first_not(h->guard, sizeof(h->guard), DEBUG_GUARD);
    if (i < sizeof(h->guard)) {
        debug_fail(func, "buffer underrun", h, "byte %zu before the data is 0x%02x, expected 0xfd",
                   sizeof(h->guard) - i, h->guard[i]);
    }
    const block *tail = (const block *)(h + 1) + h->nbytes;
    i = first_not(tail, DEBUG_TAIL, DEBUG_GUARD);
    if (i < DEBUG_TAIL) {
        debug_fail(func, "buffer overrun", h, "byte %zu after the data is 0x%02x, expected 0xfd", i,
                   tail[i]);
    }
}

// A freed block must still hold its poison and guards. `when` says where the
// check happens, for the report.
static void debug_check_dead(const char *func, const DebugHeader *h, const char *when)
{
    const block *data = (const block *)(h + 1);
    size_t i = first_not(data, h->nbytes, DEBUG_DEAD);
    if (i < h->nbytes) {
        debug_fail(func, "use after free", h,
                   "byte %zu was overwritten with 0x%02x after the block was freed (found %s)", i,
                   data[i], when);
    }
    size_t g = first_not(data + h->nbytes, DEBUG_TAIL, DEBUG_GUARD);
    if (g < DEBUG_TAIL) {
        debug_fail(func, "use after free (or overrun of a freed block)", h,
                   "byte %zu after the data is 0x%02x, expected 0xfd (found %s)", g,
                   data[h->nbytes + g], when);
    }
}

// A pool block about to be handed out again. Its state is FREED only if it was
// freed in debug mode since its pool took this class (see allocate_from_new_pool).
static void debug_check_reused(const DebugHeader *h)
{
    if (h->state == DEBUG_FREED) {
        debug_check_dead("kaa_obj_alloc", h, "when the block was reused");
    }
}

// Oldest quarantined block: check it and give it back for real.
static void quarantine_evict(const char *func)
{
    DebugHeader *h = quarantine[quarantine_head];
    quarantine_head = (quarantine_head + 1) % QUARANTINE_LEN;
    quarantine_count--;
    if (h->state != DEBUG_FREED) {
        debug_fail(func, "use after free", h,
                   "the state word was overwritten with 0x%08x after the block was freed",
                   h->state);
    }
    debug_check_dead(func, h, "when the block left the free quarantine");
    if (!pymalloc_free(h)) {
        free(h);
        raw_live--;
    }
}

static void quarantine_flush(void)
{
    while (quarantine_count > 0) {
        quarantine_evict("kaa_mem_fini");
    }
}

static void *debug_alloc(uint32_t api, size_t n)
{
    if (n > SIZE_MAX - DEBUG_OVERHEAD) {
        return NULL;
    }
    DebugHeader *h = NULL;
    if (api == DEBUG_LIVE_OBJ && (h = pymalloc_alloc(n + DEBUG_OVERHEAD)) != NULL) {
        debug_check_reused(h);
    } else if ((h = malloc(n + DEBUG_OVERHEAD)) != NULL) {
        raw_live++;
    } else {
        return NULL;
    }
    h->nbytes = n;
    h->state = api;
    memset(h->guard, DEBUG_GUARD, sizeof(h->guard));
    block *data = (block *)(h + 1);
    memset(data, DEBUG_CLEAN, n);
    memset(data + n, DEBUG_GUARD, DEBUG_TAIL);
    return data;
}

static void debug_free(uint32_t api, void *p)
{
    if (p == NULL) {
        return;
    }
    DebugHeader *h = (DebugHeader *)p - 1;
    debug_check_live(api, false, h);
    h->state = DEBUG_FREED;
    memset(p, DEBUG_DEAD, h->nbytes);
    if (quarantine_count == QUARANTINE_LEN) {
        quarantine_evict(api_func(api, false));
    }
    quarantine[(quarantine_head + quarantine_count++) % QUARANTINE_LEN] = h;
}

static void *debug_realloc(uint32_t api, void *p, size_t n)
{
    if (p == NULL) {
        return debug_alloc(api, n);
    }
    DebugHeader *h = (DebugHeader *)p - 1;
    debug_check_live(api, true, h);
    void *q = debug_alloc(api, n);
    if (q == NULL) {
        return NULL;
    }
    memcpy(q, p, h->nbytes < n ? h->nbytes : n);
    debug_free(api, p);
    return q;
}

/* ---------------------------------------------------------------------------
 * Public API: small-object allocator.
 */

// Everything but a pool block in pymalloc mode.
__attribute__((noinline)) static void *obj_alloc_slow(size_t n)
{
    if (mem_mode == KAA_MEM_DEBUG) {
        return debug_alloc(DEBUG_LIVE_OBJ, n);
    }
    return raw_alloc(n); // 0 or > 512 bytes, no memory for an arena, or malloc mode
}

void *kaa_obj_alloc(size_t n)
{
    if (LIKELY(mem_mode == KAA_MEM_PYMALLOC)) {
        void *p = pymalloc_alloc(n);
        if (LIKELY(p != NULL)) {
            return p;
        }
    }
    return obj_alloc_slow(n);
}

__attribute__((noinline)) static void obj_free_slow(void *p)
{
    if (mem_mode == KAA_MEM_DEBUG) {
        debug_free(DEBUG_LIVE_OBJ, p);
    } else {
        raw_free(p);
    }
}

void kaa_obj_free(void *p)
{
    if (LIKELY(mem_mode == KAA_MEM_PYMALLOC) && LIKELY(pymalloc_free(p))) {
        return;
    }
    obj_free_slow(p);
}

void *kaa_obj_realloc(void *p, size_t n)
{
    if (mem_mode == KAA_MEM_MALLOC) {
        return raw_realloc(p, n);
    }
    if (mem_mode == KAA_MEM_DEBUG) {
        return debug_realloc(DEBUG_LIVE_OBJ, p, n);
    }
    if (p == NULL) {
        return kaa_obj_alloc(n);
    }
    if (!address_in_range(p)) {
        // A raw block stays raw, as in CPython: malloc knows how to resize it.
        return raw_realloc(p, n);
    }
    size_t size = INDEX2SIZE(POOL_ADDR(p)->szidx);
    if (n <= size) {
        // Shrinking by at most a quarter: keep the block, save a copy.
        if (4 * n > 3 * size) {
            return p;
        }
        size = n;
    }
    void *q = kaa_obj_alloc(n);
    if (q != NULL) {
        memcpy(q, p, size);
        kaa_obj_free(p);
    }
    return q;
}

/* ---------------------------------------------------------------------------
 * Public API: raw allocator.
 */

void *kaa_mem_alloc(size_t n)
{
    if (UNLIKELY(mem_mode == KAA_MEM_DEBUG)) {
        return debug_alloc(DEBUG_LIVE_RAW, n);
    }
    return raw_alloc(n);
}

void *kaa_mem_calloc(size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size) {
        return NULL;
    }
    size_t n = count * size;
    if (UNLIKELY(mem_mode == KAA_MEM_DEBUG)) {
        void *p = debug_alloc(DEBUG_LIVE_RAW, n);
        if (p != NULL) {
            memset(p, 0, n);
        }
        return p;
    }
    void *p = calloc(n ? count : 1, n ? size : 1);
    if (p != NULL) {
        raw_live++;
    }
    return p;
}

void *kaa_mem_realloc(void *p, size_t n)
{
    if (UNLIKELY(mem_mode == KAA_MEM_DEBUG)) {
        return debug_realloc(DEBUG_LIVE_RAW, p, n);
    }
    return raw_realloc(p, n);
}

void kaa_mem_free(void *p)
{
    if (UNLIKELY(mem_mode == KAA_MEM_DEBUG)) {
        debug_free(DEBUG_LIVE_RAW, p);
        return;
    }
    raw_free(p);
}

char *kaa_mem_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = kaa_mem_alloc(n);
    if (p != NULL) {
        memcpy(p, s, n);
    }
    return p;
}

/* ---------------------------------------------------------------------------
 * Modes, lifetime, counters.
 */

static const char *mode_name(KaaMemMode m)
{
    return m == KAA_MEM_PYMALLOC ? "pymalloc" : m == KAA_MEM_MALLOC ? "malloc" : "debug";
}

int kaa_mem_set_mode(KaaMemMode mode)
{
    if (mode == mem_mode) {
        return 0;
    }
    // Blocks of one mode cannot be freed by another (debug headers, pool or not).
    if (kaa_mem_live_blocks() != 0) {
        return -1;
    }
    quarantine_flush();
    mem_mode = mode;
    return 0;
}

void kaa_mem_init(void)
{
    const char *env = getenv("KAAMALLOC");
    KaaMemMode mode = DEFAULT_MODE;
    if (env != NULL && *env != '\0') {
        if (strcmp(env, "pymalloc") == 0) {
            mode = KAA_MEM_PYMALLOC;
        } else if (strcmp(env, "malloc") == 0) {
            mode = KAA_MEM_MALLOC;
        } else if (strcmp(env, "debug") == 0) {
            mode = KAA_MEM_DEBUG;
        } else {
            fprintf(stderr,
                    "kaa: warning: unknown KAAMALLOC value '%s' (expected pymalloc, malloc or "
                    "debug); using %s\n",
                    env, mode_name(DEFAULT_MODE));
        }
    }
    if (kaa_mem_set_mode(mode) != 0) {
        fprintf(stderr,
                "kaa: warning: KAAMALLOC=%s ignored: %zu blocks already allocated in %s mode\n",
                env, kaa_mem_live_blocks(), mode_name(mem_mode));
    }
}

void kaa_mem_fini(void)
{
    quarantine_flush();
    // By the one-empty-arena rule only the tail can be entirely free.
    ArenaObject *ao = usable_arenas;
    while (ao != NULL) {
        ArenaObject *next = ao->nextarena;
        if (ao->nfreepools == ao->ntotalpools) {
            usable_unlink(ao);
            release_arena(ao);
        }
        ao = next;
    }
    if (narenas_currently_allocated != 0) {
        return;
    }
    // No arena left: drop the descriptors and the map nodes too (tidy for valgrind).
    free(arenas);
    arenas = NULL;
    unused_arena_objects = NULL;
    maxarenas = 0;
    for (size_t i = 0; i < (1u << MAP_TOP_BITS); i++) {
        MapMid *mid = map_root[i];
        if (mid == NULL) {
            continue;
        }
        for (size_t j = 0; j < (1u << MAP_MID_BITS); j++) {
            free(mid->bot[j]);
        }
        free(mid);
        map_root[i] = NULL;
    }
    map_mid_count = map_bot_count = 0;
}

KaaMemMode kaa_mem_mode(void)
{
    return mem_mode;
}

size_t kaa_mem_live_blocks(void)
{
    return pool_live + raw_live - quarantine_count; // quarantined: freed already
}

/* ---------------------------------------------------------------------------
 * Statistics: a walk over every carved pool of every live arena.
 */

void kaa_mem_get_stats(KaaMemStats *st)
{
    memset(st, 0, sizeof(*st));
    st->arenas_allocated_total = ntimes_arena_allocated;
    st->arenas_reclaimed = ntimes_arena_allocated - narenas_currently_allocated;
    st->arenas_highwater = narenas_highwater;
    st->arenas_current = narenas_currently_allocated;
    st->raw_blocks = raw_live;
    for (uint32_t i = 0; i < maxarenas; i++) {
        const ArenaObject *ao = &arenas[i];
        if (ao->address == 0) {
            continue;
        }
        st->pools_unused += ao->nfreepools;
        uintptr_t base = (ao->address + POOL_SIZE_MASK) & ~(uintptr_t)POOL_SIZE_MASK;
        for (; base < (uintptr_t)ao->pool_address; base += POOL_SIZE) {
            const PoolHeader *pool = (const PoolHeader *)base;
            if (pool->count == 0) {
                continue; // empty: on freepools, counted in nfreepools
            }
            st->pools_used[pool->szidx]++;
            st->blocks_used[pool->szidx] += pool->count;
            st->blocks_avail[pool->szidx] += NUMBLOCKS(pool->szidx) - pool->count;
        }
    }
}

// One "label = value" line of the report: label padded to 35 columns, value
// right-aligned in 21 with thousands separators. Returns value for summing.
static size_t print_line(FILE *out, const char *label, size_t value)
{
    char digits[32], grouped[48];
    int n = snprintf(digits, sizeof(digits), "%zu", value);
    int j = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0) {
            grouped[j++] = ',';
        }
        grouped[j++] = digits[i];
    }
    grouped[j] = '\0';
    fprintf(out, "%-35s=%21s\n", label, grouped);
    return value;
}

void kaa_mem_debug_stats(FILE *out)
{
    KaaMemStats st;
    kaa_mem_get_stats(&st);
    char label[64];

    fprintf(out, "Small block threshold = %u, in %u size classes.\n",
            (unsigned)SMALL_REQUEST_THRESHOLD, (unsigned)NB_SMALL_SIZE_CLASSES);
    fputs("\nclass   size   num pools   blocks in use  avail blocks\n"
          "-----   ----   ---------   -------------  ------------\n",
          out);
    size_t allocated = 0, available = 0, headers = 0, quantization = 0;
    for (unsigned i = 0; i < NB_SMALL_SIZE_CLASSES; i++) {
        if (st.pools_used[i] == 0) {
            continue;
        }
        unsigned size = INDEX2SIZE(i);
        fprintf(out, "%5u %6u %11zu %15zu %13zu\n", i, size, st.pools_used[i], st.blocks_used[i],
                st.blocks_avail[i]);
        allocated += st.blocks_used[i] * size;
        available += st.blocks_avail[i] * size;
        headers += st.pools_used[i] * POOL_OVERHEAD;
        quantization += st.pools_used[i] * ((POOL_SIZE - POOL_OVERHEAD) % size);
    }
    size_t misaligned = 0;
    for (uint32_t i = 0; i < maxarenas; i++) {
        if (arenas[i].address != 0 && arenas[i].ntotalpools < MAX_POOLS_IN_ARENA) {
            misaligned++;
        }
    }

    fputc('\n', out);
    print_line(out, "# arenas allocated total", st.arenas_allocated_total);
    print_line(out, "# arenas reclaimed", st.arenas_reclaimed);
    print_line(out, "# arenas highwater mark", st.arenas_highwater);
    print_line(out, "# arenas allocated current", st.arenas_current);
    snprintf(label, sizeof(label), "%zu arenas * %u bytes/arena", st.arenas_current, ARENA_SIZE);
    print_line(out, label, st.arenas_current * ARENA_SIZE);

    fputc('\n', out);
    size_t total = print_line(out, "# bytes in allocated blocks", allocated);
    total += print_line(out, "# bytes in available blocks", available);
    snprintf(label, sizeof(label), "%zu unused pools * %u bytes", st.pools_unused, POOL_SIZE);
    total += print_line(out, label, st.pools_unused * POOL_SIZE);
    total += print_line(out, "# bytes lost to pool headers", headers);
    total += print_line(out, "# bytes lost to quantization", quantization);
    total += print_line(out, "# bytes lost to arena alignment", misaligned * POOL_SIZE);
    print_line(out, "Total", total);

    fputs("\narena map counts\n", out);
    print_line(out, "# arena map mid nodes", map_mid_count);
    print_line(out, "# arena map bot nodes", map_bot_count);
    fputc('\n', out);
    total = print_line(out, "# bytes lost to arena map root", sizeof(map_root));
    total += print_line(out, "# bytes lost to arena map mid", map_mid_count * sizeof(MapMid));
    total += print_line(out, "# bytes lost to arena map bot", map_bot_count * sizeof(MapBot));
    print_line(out, "Total", total);
}

// --- Foreign memory ----------------------------------------------------------------
// Blocks a library frees with free() itself (see mem.h): plain malloc,
// uncounted.

void *kaa_mem_foreign_alloc(size_t n)
{
    return malloc(n ? n : 1);
}

void *kaa_mem_foreign_realloc(void *p, size_t n)
{
    return realloc(p, n ? n : 1);
}

void kaa_mem_foreign_free(void *p)
{
    free(p);
}
