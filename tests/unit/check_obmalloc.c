/* check_obmalloc: white-box tests of src/mem (the pymalloc model).
 *
 * Every test starts from an allocator with no live block and no arena (the
 * fixture switches mode and calls kaa_mem_fini) and must end with no live
 * block. Debug-mode detections run in a forked child whose stderr and exit
 * status the test inspects. The numbers below are CPython 3.11's: 16 KiB pools
 * with a 48-byte header, 1 MiB arenas of 63 or 64 pools.
 */
#include <check.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mem/mem.h"

#define POOL_SIZE 16384u
#define POOL_OVERHEAD 48u
#define ARENA_SIZE 1048576u
#define NUMBLOCKS(size) ((POOL_SIZE - POOL_OVERHEAD) / (size))
#define POOL_OF(p) ((uintptr_t)(p) & ~(uintptr_t)(POOL_SIZE - 1))

static KaaMemStats base; // stats when the test started

static KaaMemStats stats(void)
{
    KaaMemStats st;
    kaa_mem_get_stats(&st);
    return st;
}

static size_t total_pools_used(const KaaMemStats *st)
{
    size_t n = 0;
    for (int i = 0; i < 32; i++) {
        n += st->pools_used[i];
    }
    return n;
}

static void start_in(KaaMemMode mode)
{
    ck_assert_int_eq(kaa_mem_live_blocks(), 0);
    ck_assert_int_eq(kaa_mem_set_mode(mode), 0);
    kaa_mem_fini();
    base = stats();
    ck_assert_int_eq(base.arenas_current, 0);
}

static void setup_pymalloc(void)
{
    start_in(KAA_MEM_PYMALLOC);
}

static void setup_malloc(void)
{
    start_in(KAA_MEM_MALLOC);
}

static void setup_debug(void)
{
    start_in(KAA_MEM_DEBUG);
}

// The Lua ltests.c memcontrol idea: nothing may leak out of a test.
static void teardown(void)
{
    ck_assert_int_eq(kaa_mem_live_blocks(), 0);
    kaa_mem_fini();
}

// Deterministic shuffle (xorshift), so failures reproduce.
static uint64_t rng_state = 88172645463325252ull;
static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static void shuffle(void **v, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = rng() % i;
        void *t = v[i - 1];
        v[i - 1] = v[j];
        v[j] = t;
    }
}

/* ---------------------------------------------------------------------------
 * Size classes, alignment, raw requests.
 */

START_TEST(test_size_classes)
{
    for (size_t n = 1; n <= 512; n++) {
        KaaMemStats before = stats();
        unsigned char *p = kaa_obj_alloc(n);
        ck_assert_ptr_nonnull(p);
        ck_assert_uint_eq((uintptr_t)p % 16, 0);
        memset(p, 0xab, n);
        KaaMemStats after = stats();
        size_t cls = (n - 1) >> 4;
        ck_assert_uint_eq(after.blocks_used[cls], before.blocks_used[cls] + 1);
        ck_assert_uint_eq(after.raw_blocks, before.raw_blocks);
        // The block lies after the pool header, on a block boundary of its class.
        size_t off = (uintptr_t)p - POOL_OF(p);
        ck_assert_uint_ge(off, POOL_OVERHEAD);
        ck_assert_uint_eq((off - POOL_OVERHEAD) % (16 * (cls + 1)), 0);
        kaa_obj_free(p);
    }
}
END_TEST

START_TEST(test_blocks_per_pool)
{
    // A fresh pool of class i holds (16384 - 48) / (16 * (i + 1)) blocks.
    for (size_t cls = 0; cls < 32; cls++) {
        void *p = kaa_obj_alloc(16 * (cls + 1));
        KaaMemStats st = stats();
        ck_assert_uint_eq(st.pools_used[cls], 1);
        ck_assert_uint_eq(st.blocks_used[cls] + st.blocks_avail[cls], NUMBLOCKS(16 * (cls + 1)));
        kaa_obj_free(p);
    }
    ck_assert_uint_eq(NUMBLOCKS(16), 1021);
    ck_assert_uint_eq(NUMBLOCKS(512), 31);
}
END_TEST

START_TEST(test_large_and_zero_go_raw)
{
    size_t sizes[] = {0, 513, 4096, 1 << 20};
    void *p[4];
    for (int i = 0; i < 4; i++) {
        p[i] = kaa_obj_alloc(sizes[i]);
        ck_assert_ptr_nonnull(p[i]);
        ck_assert_uint_eq((uintptr_t)p[i] % 16, 0);
    }
    KaaMemStats st = stats();
    ck_assert_uint_eq(st.raw_blocks, 4);
    ck_assert_uint_eq(total_pools_used(&st), 0);
    ck_assert_uint_eq(st.arenas_current, 0);
    ck_assert_uint_eq(kaa_mem_live_blocks(), 4);
    for (int i = 0; i < 4; i++) {
        kaa_obj_free(p[i]);
    }
    kaa_obj_free(NULL);
}
END_TEST

START_TEST(test_raw_api)
{
    void *a = kaa_mem_alloc(0), *b = kaa_mem_alloc(0);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_ptr_ne(a, b);
    unsigned char *c = kaa_mem_calloc(100, 7);
    for (int i = 0; i < 700; i++) {
        ck_assert_int_eq(c[i], 0);
    }
    ck_assert_ptr_null(kaa_mem_calloc(SIZE_MAX / 2, 4));
    char *s = kaa_mem_strdup("arena");
    ck_assert_str_eq(s, "arena");
    s = kaa_mem_realloc(s, 10000);
    ck_assert_str_eq(s, "arena");
    ck_assert_uint_eq(kaa_mem_live_blocks(), 4);
    ck_assert_uint_eq(stats().raw_blocks, 4);
    void *d = kaa_mem_realloc(NULL, 8); // realloc(NULL) allocates
    ck_assert_uint_eq(kaa_mem_live_blocks(), 5);
    kaa_mem_free(a);
    kaa_mem_free(b);
    kaa_mem_free(c);
    kaa_mem_free(s);
    kaa_mem_free(d);
    kaa_mem_free(NULL);
}
END_TEST

/* ---------------------------------------------------------------------------
 * Blocks and pools.
 */

START_TEST(test_fresh_pool_carves_in_order)
{
    unsigned char *p[5];
    for (int i = 0; i < 5; i++) {
        p[i] = kaa_obj_alloc(70); // class 4, 80-byte blocks
    }
    ck_assert_uint_eq((uintptr_t)p[0] - POOL_OF(p[0]), POOL_OVERHEAD);
    for (int i = 1; i < 5; i++) {
        ck_assert_ptr_eq(p[i], p[i - 1] + 80);
    }
    for (int i = 0; i < 5; i++) {
        kaa_obj_free(p[i]);
    }
}
END_TEST

START_TEST(test_free_list_is_lifo)
{
    void *keep = kaa_obj_alloc(40); // keeps the pool used throughout
    void *a = kaa_obj_alloc(40), *b = kaa_obj_alloc(40), *c = kaa_obj_alloc(40);
    kaa_obj_free(a);
    kaa_obj_free(c);
    kaa_obj_free(b);
    ck_assert_ptr_eq(kaa_obj_alloc(33), b); // same class (48), most recent first
    ck_assert_ptr_eq(kaa_obj_alloc(48), c);
    ck_assert_ptr_eq(kaa_obj_alloc(40), a);
    kaa_obj_free(a);
    kaa_obj_free(b);
    kaa_obj_free(c);
    kaa_obj_free(keep);
}
END_TEST

START_TEST(test_pool_states)
{
    enum { N = 1021 }; // 16-byte blocks in one pool
    static void *blk[N];
    for (int i = 0; i < N; i++) {
        blk[i] = kaa_obj_alloc(16);
        ck_assert_uint_eq(POOL_OF(blk[i]), POOL_OF(blk[0]));
    }
    // full: every block in use, none available
    KaaMemStats st = stats();
    ck_assert_uint_eq(st.pools_used[0], 1);
    ck_assert_uint_eq(st.blocks_used[0], N);
    ck_assert_uint_eq(st.blocks_avail[0], 0);

    // a full pool is off the used list: the next block opens a second pool
    void *extra = kaa_obj_alloc(16);
    ck_assert_uint_ne(POOL_OF(extra), POOL_OF(blk[0]));
    st = stats();
    ck_assert_uint_eq(st.pools_used[0], 2);
    ck_assert_uint_eq(st.blocks_avail[0], N - 1);

    // full -> used: the freed block's pool goes to the front, so it is reused
    void *victim = blk[500];
    kaa_obj_free(victim);
    st = stats();
    ck_assert_uint_eq(st.blocks_avail[0], N);
    ck_assert_ptr_eq(kaa_obj_alloc(10), victim);

    // used -> empty: the pool stops counting as used and becomes an unused pool
    size_t unused_before = stats().pools_unused;
    for (int i = 0; i < N; i++) {
        kaa_obj_free(blk[i]);
    }
    st = stats();
    ck_assert_uint_eq(st.pools_used[0], 1);
    ck_assert_uint_eq(st.blocks_used[0], 1);
    ck_assert_uint_eq(st.pools_unused, unused_before + 1);
    kaa_obj_free(extra);
    st = stats();
    ck_assert_uint_eq(st.pools_used[0], 0);
    ck_assert_uint_eq(st.pools_unused, unused_before + 2);
}
END_TEST

START_TEST(test_empty_pool_reused_by_other_class)
{
    unsigned char *a = kaa_obj_alloc(90); // class 5 (96 bytes)
    uintptr_t pool = POOL_OF(a);
    // The pool is empty now, first on its arena's free pools; class 9 (160
    // bytes) takes it over.
    kaa_obj_free(a);
    unsigned char *b = kaa_obj_alloc(150);
    ck_assert_uint_eq(POOL_OF(b), pool);
    ck_assert_uint_eq((uintptr_t)b - pool, POOL_OVERHEAD); // re-initialised
    ck_assert_ptr_eq(kaa_obj_alloc(150), b + 160);
    kaa_obj_free(b + 160);
    kaa_obj_free(b);
    KaaMemStats st = stats();
    ck_assert_uint_eq(st.pools_used[5] + st.pools_used[9], 0);
}
END_TEST

START_TEST(test_empty_pool_reused_by_same_class)
{
    unsigned char *a = kaa_obj_alloc(90), *b = kaa_obj_alloc(90);
    uintptr_t pool = POOL_OF(a);
    kaa_obj_free(a);
    kaa_obj_free(b);
    // Same class again: the pool keeps its free list, whose head is b.
    unsigned char *c = kaa_obj_alloc(96);
    ck_assert_uint_eq(POOL_OF(c), pool);
    ck_assert_ptr_eq(c, b);
    ck_assert_ptr_eq(kaa_obj_alloc(96), a);
    kaa_obj_free(a);
    kaa_obj_free(c);
}
END_TEST

/* ---------------------------------------------------------------------------
 * Arenas.
 */

enum { PER_POOL = 31, MAX_POOLS = 256 }; // 512-byte blocks: 31 to a pool
static void *pool_blocks[MAX_POOLS][PER_POOL];

// Allocate one whole pool of 512-byte blocks; returns the arenas now live.
static size_t fill_pool(int i)
{
    ck_assert_int_lt(i, MAX_POOLS);
    for (int k = 0; k < PER_POOL; k++) {
        pool_blocks[i][k] = kaa_obj_alloc(512);
        ck_assert_uint_eq(POOL_OF(pool_blocks[i][k]), POOL_OF(pool_blocks[i][0]));
    }
    return stats().arenas_current;
}

static void empty_pool(int i)
{
    for (int k = 0; k < PER_POOL; k++) {
        kaa_obj_free(pool_blocks[i][k]);
    }
}

START_TEST(test_arenas_returned_to_os)
{
    // Three full arenas of 512-byte pools and 30 pools in a fourth (so that the
    // fourth is clearly fuller than an empty arena). first_of[a]: a's first pool.
    int n = 0, first_of[5] = {0};
    size_t arenas = 0;
    while (arenas < 4 || n - first_of[4] < 30) {
        size_t now = fill_pool(n);
        if (now != arenas) {
            first_of[now] = n;
            arenas = now;
        }
        n++;
    }
    KaaMemStats st = stats();
    ck_assert_uint_eq(st.arenas_current, 4);
    ck_assert_uint_eq(st.arenas_highwater, 4);
    ck_assert_uint_eq(st.arenas_allocated_total, base.arenas_allocated_total + 4);
    int per_arena = first_of[2] - first_of[1];
    ck_assert(per_arena == 63 || per_arena == 64);

    // Arena 1 drains completely: the partly used fourth arena is fuller, so
    // arena 1 ends up last in usable_arenas and is kept as the cached empty one.
    for (int i = first_of[1]; i < first_of[2]; i++) {
        empty_pool(i);
    }
    ck_assert_uint_eq(stats().arenas_current, 4);
    // Arena 2 drains: one empty arena is cached already, so this one is unmapped.
    for (int i = first_of[2]; i < first_of[3]; i++) {
        empty_pool(i);
    }
    st = stats();
    ck_assert_uint_eq(st.arenas_current, 3);
    ck_assert_uint_eq(st.arenas_reclaimed, base.arenas_reclaimed + 1);
    // The rest, in random order: exactly one empty arena survives.
    static void *rest[MAX_POOLS * PER_POOL];
    size_t nrest = 0;
    for (int i = first_of[3]; i < n; i++) {
        for (int k = 0; k < PER_POOL; k++) {
            rest[nrest++] = pool_blocks[i][k];
        }
    }
    shuffle(rest, nrest);
    for (size_t i = 0; i < nrest; i++) {
        kaa_obj_free(rest[i]);
    }
    st = stats();
    ck_assert_uint_eq(st.arenas_current, 1);
    ck_assert_uint_eq(st.arenas_reclaimed, base.arenas_reclaimed + 3);
    ck_assert_uint_eq(st.arenas_highwater, 4);
    ck_assert_uint_eq(total_pools_used(&st), 0);
    ck_assert(st.pools_unused == 63 || st.pools_unused == 64);
    // kaa_mem_fini drops the cached arena.
    kaa_mem_fini();
    st = stats();
    ck_assert_uint_eq(st.arenas_current, 0);
    ck_assert_uint_eq(st.arenas_reclaimed, base.arenas_reclaimed + 4);
}
END_TEST

START_TEST(test_pinned_arena_not_returned)
{
    int n = 0;
    while (fill_pool(n) < 2) {
        n++;
    }
    n++; // pools 0 .. n-1; pool n-1 opened arena 2
    void *pin = pool_blocks[0][7];
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < PER_POOL; k++) {
            if (pool_blocks[i][k] != pin) {
                kaa_obj_free(pool_blocks[i][k]);
            }
        }
    }
    KaaMemStats st = stats();
    ck_assert_uint_ge(st.arenas_current, 1); // the pinned arena stays
    ck_assert_uint_le(st.arenas_current, 2); // plus at most one cached empty arena
    ck_assert_uint_eq(st.blocks_used[31], 1);
    kaa_obj_free(pin);
    ck_assert_uint_eq(stats().arenas_current, 1);
}
END_TEST

START_TEST(test_fullest_arena_first)
{
    // Arena A: all pools used. Arena B: its first 10 pools used.
    int n = 0, na = 0;
    while (1) {
        size_t arenas = fill_pool(n++);
        if (arenas == 1) {
            na = n;
        } else if (n - na == 10) {
            break;
        }
    }
    ck_assert(na == 63 || na == 64);
    int last_b = n - 1;
    // B's pools were carved in address order.
    ck_assert_uint_eq(POOL_OF(pool_blocks[last_b][0]), POOL_OF(pool_blocks[na][0]) + 9 * POOL_SIZE);

    // A gets 3 free pools, B has 53 or 54: a new pool comes from A, and it is
    // the pool freed last (the head of A's free pools).
    for (int i = 0; i < 3; i++) {
        empty_pool(i);
    }
    void *q1 = kaa_obj_alloc(490); // class 30
    ck_assert_uint_eq(POOL_OF(q1), POOL_OF(pool_blocks[2][0]));
    // A: 42 free pools, still fuller than B.
    for (int i = 3; i < 43; i++) {
        empty_pool(i);
    }
    void *q2 = kaa_obj_alloc(470); // class 29
    ck_assert_uint_eq(POOL_OF(q2), POOL_OF(pool_blocks[42][0]));
    // A: 56 free pools, B: 53 or 54. Now B is the fullest: its next carved pool.
    for (int i = 43; i < 58; i++) {
        empty_pool(i);
    }
    void *q3 = kaa_obj_alloc(450); // class 28
    ck_assert_uint_eq(POOL_OF(q3), POOL_OF(pool_blocks[last_b][0]) + POOL_SIZE);
    // B drains to 60 or 61 free pools: A (56) is the fullest again.
    for (int i = na; i < na + 8; i++) {
        empty_pool(i);
    }
    void *q4 = kaa_obj_alloc(440); // class 27
    ck_assert_uint_eq(POOL_OF(q4), POOL_OF(pool_blocks[57][0]));

    kaa_obj_free(q1);
    kaa_obj_free(q2);
    kaa_obj_free(q3);
    kaa_obj_free(q4);
    for (int i = 58; i < na; i++) {
        empty_pool(i);
    }
    for (int i = na + 8; i < n; i++) {
        empty_pool(i);
    }
    ck_assert_uint_eq(stats().arenas_current, 1);
}
END_TEST

START_TEST(test_many_arenas_churn)
{
    // Enough arenas to grow the descriptor array past its 16 initial entries,
    // then random frees: the allocator must stay consistent throughout.
    enum { N = 80000 };
    static void *p[N];
    for (int i = 0; i < N; i++) {
        size_t n = 1 + rng() % 512;
        p[i] = kaa_obj_alloc(n);
        memset(p[i], i & 0xff, n < 16 ? n : 16);
    }
    KaaMemStats st = stats();
    ck_assert_uint_gt(st.arenas_current, 16);
    shuffle(p, N);
    for (int i = 0; i < N / 2; i++) {
        kaa_obj_free(p[i]);
    }
    for (int i = 0; i < N / 2; i++) {
        p[i] = kaa_obj_alloc(1 + rng() % 512);
    }
    shuffle(p, N);
    for (int i = 0; i < N; i++) {
        kaa_obj_free(p[i]);
    }
    st = stats();
    ck_assert_uint_eq(st.arenas_current, 1);
    ck_assert_uint_eq(total_pools_used(&st), 0);
}
END_TEST

/* ---------------------------------------------------------------------------
 * realloc and live-block counting.
 */

START_TEST(test_realloc_keeps_or_moves)
{
    unsigned char *p = kaa_obj_alloc(100); // class 6, 112 bytes
    for (int i = 0; i < 100; i++) {
        p[i] = (unsigned char)i;
    }
    ck_assert_ptr_eq(kaa_obj_realloc(p, 112), p); // grows within its block
    ck_assert_ptr_eq(kaa_obj_realloc(p, 85), p);  // 85 > 3/4 * 112 = 84
    unsigned char *q = kaa_obj_realloc(p, 84);    // shrinks too much: moves
    ck_assert_ptr_ne(q, p);
    ck_assert_uint_eq(stats().blocks_used[6], 0);
    ck_assert_uint_eq(stats().blocks_used[5], 1);
    for (int i = 0; i < 84; i++) {
        ck_assert_int_eq(q[i], i);
    }
    unsigned char *r = kaa_obj_realloc(q, 300); // grows: moves to class 18
    ck_assert_ptr_ne(r, q);
    ck_assert_uint_eq(stats().blocks_used[18], 1);
    for (int i = 0; i < 84; i++) {
        ck_assert_int_eq(r[i], i);
    }
    unsigned char *s = kaa_obj_realloc(r, 5000); // leaves the pools
    ck_assert_uint_eq(stats().raw_blocks, 1);
    ck_assert_uint_eq(stats().blocks_used[18], 0);
    for (int i = 0; i < 84; i++) {
        ck_assert_int_eq(s[i], i);
    }
    s = kaa_obj_realloc(s, 100); // a raw block stays raw (as in CPython)
    ck_assert_uint_eq(stats().raw_blocks, 1);
    ck_assert_int_eq(s[83], 83);
    ck_assert_uint_eq(kaa_mem_live_blocks(), 1);
    kaa_obj_free(s);
    void *t = kaa_obj_realloc(NULL, 20);
    ck_assert_uint_eq(stats().blocks_used[1], 1);
    kaa_obj_free(t);
}
END_TEST

START_TEST(test_live_blocks_counted)
{
    size_t start = kaa_mem_live_blocks();
    void *a = kaa_obj_alloc(8), *b = kaa_obj_alloc(600), *c = kaa_mem_alloc(8);
    void *d = kaa_obj_alloc(0);
    ck_assert_uint_eq(kaa_mem_live_blocks(), start + 4);
    a = kaa_obj_realloc(a, 400); // moves, still one block
    b = kaa_obj_realloc(b, 10);
    c = kaa_mem_realloc(c, 20000);
    ck_assert_uint_eq(kaa_mem_live_blocks(), start + 4);
    kaa_obj_free(a);
    kaa_obj_free(b);
    kaa_mem_free(c);
    kaa_obj_free(d);
    ck_assert_uint_eq(kaa_mem_live_blocks(), start);
}
END_TEST

START_TEST(test_set_mode_refused_with_live_blocks)
{
    void *p = kaa_obj_alloc(10);
    ck_assert_int_eq(kaa_mem_set_mode(KAA_MEM_MALLOC), -1);
    ck_assert_int_eq(kaa_mem_mode(), KAA_MEM_PYMALLOC);
    ck_assert_int_eq(kaa_mem_set_mode(KAA_MEM_PYMALLOC), 0); // no change is fine
    kaa_obj_free(p);
    ck_assert_int_eq(kaa_mem_set_mode(KAA_MEM_MALLOC), 0);
    ck_assert_int_eq(kaa_mem_mode(), KAA_MEM_MALLOC);
}
END_TEST

/* ---------------------------------------------------------------------------
 * The sys._debugmallocstats() report.
 */

enum { MAX_LINES = 128 };
static char *report_lines[MAX_LINES];
static int report_nlines;

static char *capture_report(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    kaa_mem_debug_stats(f);
    fclose(f);
    report_nlines = 0;
    for (char *s = buf; *s && report_nlines < MAX_LINES;) {
        char *nl = strchr(s, '\n');
        ck_assert_ptr_nonnull(nl); // every line ends with a newline
        *nl = '\0';
        report_lines[report_nlines++] = s;
        s = nl + 1;
    }
    return buf;
}

// Value of the nth (0-based) "label = value" line with this label.
static size_t report_value(const char *label, int nth)
{
    for (int i = 0; i < report_nlines; i++) {
        const char *l = report_lines[i];
        size_t n = strlen(label);
        if (strncmp(l, label, n) != 0 || (l[n] != ' ' && l[n] != '=') || nth-- > 0) {
            continue;
        }
        // CPython's layout: label padded to 35 columns, '=', value in 21.
        ck_assert_uint_eq(strlen(l), 57);
        ck_assert_int_eq(l[35], '=');
        size_t v = 0;
        for (const char *c = l + 36; *c; c++) {
            if (*c >= '0' && *c <= '9') {
                v = v * 10 + (size_t)(*c - '0');
            } else {
                ck_assert(*c == ' ' || *c == ',');
            }
        }
        return v;
    }
    ck_abort_msg("no line '%s' in the report", label);
    return 0;
}

START_TEST(test_debug_stats_report)
{
    static void *p[6000];
    size_t sizes[] = {16, 100, 300, 512, 64, 64, 64, 64};
    for (int i = 0; i < 6000; i++) {
        p[i] = kaa_obj_alloc(sizes[i % 8]);
    }
    for (int i = 0; i < 6000; i += 3) {
        kaa_obj_free(p[i]);
    }
    KaaMemStats st = stats();
    char *buf = capture_report();
    ck_assert_str_eq(report_lines[0], "Small block threshold = 512, in 32 size classes.");
    ck_assert_str_eq(report_lines[1], "");
    ck_assert_str_eq(report_lines[2], "class   size   num pools   blocks in use  avail blocks");
    ck_assert_str_eq(report_lines[3], "-----   ----   ---------   -------------  ------------");

    // One row per class with pools, in CPython's column widths.
    int row = 4;
    size_t allocated = 0, available = 0, headers = 0, quantization = 0;
    for (unsigned c = 0; c < 32; c++) {
        if (st.pools_used[c] == 0) {
            continue;
        }
        char expect[80];
        unsigned size = 16 * (c + 1);
        snprintf(expect, sizeof(expect), "%5u %6u %11zu %15zu %13zu", c, size, st.pools_used[c],
                 st.blocks_used[c], st.blocks_avail[c]);
        ck_assert_str_eq(report_lines[row++], expect);
        ck_assert_uint_eq(st.blocks_used[c] + st.blocks_avail[c],
                          st.pools_used[c] * NUMBLOCKS(size));
        allocated += st.blocks_used[c] * size;
        available += st.blocks_avail[c] * size;
        headers += st.pools_used[c] * POOL_OVERHEAD;
        quantization += st.pools_used[c] * ((POOL_SIZE - POOL_OVERHEAD) % size);
    }
    ck_assert_int_eq(row, 4 + 5); // classes 0, 3, 6, 18 and 31
    ck_assert_str_eq(report_lines[row], "");

    size_t arenas = report_value("# arenas allocated current", 0);
    ck_assert_uint_eq(arenas, st.arenas_current);
    ck_assert_uint_eq(report_value("# arenas allocated total", 0), st.arenas_allocated_total);
    ck_assert_uint_eq(report_value("# arenas reclaimed", 0), st.arenas_reclaimed);
    ck_assert_uint_eq(report_value("# arenas highwater mark", 0), st.arenas_highwater);
    char label[64];
    snprintf(label, sizeof(label), "%zu arenas * 1048576 bytes/arena", arenas);
    ck_assert_uint_eq(report_value(label, 0), arenas * ARENA_SIZE);

    // The byte accounting adds up to the arenas' size.
    size_t total = 0;
    ck_assert_uint_eq(report_value("# bytes in allocated blocks", 0), allocated);
    ck_assert_uint_eq(report_value("# bytes in available blocks", 0), available);
    snprintf(label, sizeof(label), "%zu unused pools * 16384 bytes", st.pools_unused);
    ck_assert_uint_eq(report_value(label, 0), st.pools_unused * POOL_SIZE);
    ck_assert_uint_eq(report_value("# bytes lost to pool headers", 0), headers);
    ck_assert_uint_eq(report_value("# bytes lost to quantization", 0), quantization);
    size_t alignment = report_value("# bytes lost to arena alignment", 0);
    ck_assert_uint_eq(alignment % POOL_SIZE, 0);
    ck_assert_uint_le(alignment, arenas * POOL_SIZE);
    total =
        allocated + available + st.pools_unused * POOL_SIZE + headers + quantization + alignment;
    ck_assert_uint_eq(report_value("Total", 0), total);
    ck_assert_uint_eq(total, arenas * ARENA_SIZE);

    // The arena map: root, mid and bottom nodes of the radix tree.
    size_t mid = report_value("# arena map mid nodes", 0);
    size_t bot = report_value("# arena map bot nodes", 0);
    ck_assert_uint_ge(mid, 1);
    ck_assert_uint_ge(bot, mid);
    ck_assert_uint_eq(report_value("# bytes lost to arena map root", 0), 262144);
    ck_assert_uint_eq(report_value("# bytes lost to arena map mid", 0), mid * 262144);
    ck_assert_uint_eq(report_value("# bytes lost to arena map bot", 0), bot * 131072);
    ck_assert_uint_eq(report_value("Total", 1), 262144 + mid * 262144 + bot * 131072);
    free(buf);

    for (int i = 0; i < 6000; i++) {
        if (i % 3 != 0) {
            kaa_obj_free(p[i]);
        }
    }
}
END_TEST

START_TEST(test_debug_stats_empty)
{
    // No arena at all: no class rows, zero everywhere, totals still add up.
    char *buf = capture_report();
    ck_assert_str_eq(report_lines[4], "");
    ck_assert_uint_eq(report_value("0 arenas * 1048576 bytes/arena", 0), 0);
    ck_assert_uint_eq(report_value("Total", 0), 0);
    free(buf);
}
END_TEST

/* ---------------------------------------------------------------------------
 * malloc mode.
 */

START_TEST(test_malloc_mode_bypasses_pools)
{
    void *p[100];
    for (int i = 0; i < 100; i++) {
        p[i] = kaa_obj_alloc((size_t)i * 7);
        ck_assert_ptr_nonnull(p[i]);
    }
    KaaMemStats st = stats();
    ck_assert_uint_eq(st.arenas_allocated_total, base.arenas_allocated_total);
    ck_assert_uint_eq(st.raw_blocks, 100);
    p[5] = kaa_obj_realloc(p[5], 4000);
    p[6] = kaa_obj_realloc(p[6], 1);
    ck_assert_uint_eq(kaa_mem_live_blocks(), 100);
    for (int i = 0; i < 100; i++) {
        kaa_obj_free(p[i]);
    }
}
END_TEST

/* ---------------------------------------------------------------------------
 * KAAMALLOC and kaa_mem_init.
 */

// Run fn in a child with stderr captured into out; returns the wait status.
static int run_child(void (*fn)(void), char *out, size_t outsz)
{
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], 2);
        fn();
        fflush(stderr);
        _exit(0);
    }
    close(fds[1]);
    size_t len = 0;
    ssize_t r;
    while (len + 1 < outsz && (r = read(fds[0], out + len, outsz - 1 - len)) > 0) {
        len += (size_t)r;
    }
    out[len] = '\0';
    close(fds[0]);
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    return status;
}

static void init_with_bogus_env(void)
{
    setenv("KAAMALLOC", "tcmalloc", 1);
    kaa_mem_init();
    fprintf(stderr, "mode=%d\n", (int)kaa_mem_mode());
}

static void init_with_live_blocks(void)
{
    void *p = kaa_obj_alloc(10);
    setenv("KAAMALLOC", kaa_mem_mode() == KAA_MEM_MALLOC ? "pymalloc" : "malloc", 1);
    kaa_mem_init();
    fprintf(stderr, "mode=%d\n", (int)kaa_mem_mode());
    kaa_obj_free(p);
}

START_TEST(test_env_selects_mode)
{
    setenv("KAAMALLOC", "debug", 1);
    kaa_mem_init();
    ck_assert_int_eq(kaa_mem_mode(), KAA_MEM_DEBUG);
    setenv("KAAMALLOC", "malloc", 1);
    kaa_mem_init();
    ck_assert_int_eq(kaa_mem_mode(), KAA_MEM_MALLOC);
    setenv("KAAMALLOC", "pymalloc", 1);
    kaa_mem_init();
    ck_assert_int_eq(kaa_mem_mode(), KAA_MEM_PYMALLOC);

    // An unknown value warns and falls back to the build's default.
    unsetenv("KAAMALLOC");
    kaa_mem_set_mode(KAA_MEM_DEBUG);
    kaa_mem_init();
    KaaMemMode def = kaa_mem_mode();
    ck_assert(def == KAA_MEM_PYMALLOC || def == KAA_MEM_MALLOC);
    char out[512], expect[32];
    int status = run_child(init_with_bogus_env, out, sizeof(out));
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    ck_assert_ptr_nonnull(strstr(out, "unknown KAAMALLOC value 'tcmalloc'"));
    snprintf(expect, sizeof(expect), "mode=%d\n", (int)def);
    ck_assert_ptr_nonnull(strstr(out, expect));

    // With blocks live the mode cannot change: a warning, and the mode stays.
    status = run_child(init_with_live_blocks, out, sizeof(out));
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    ck_assert_ptr_nonnull(strstr(out, "ignored: 1 blocks already allocated"));
    ck_assert_ptr_nonnull(strstr(out, expect));
}
END_TEST

START_TEST(test_smoke_in_env_mode)
{
    // Whatever KAAMALLOC says (the valgrind run uses malloc): a mixed workload.
    kaa_mem_init();
    static void *p[3000];
    for (int i = 0; i < 3000; i++) {
        size_t n = rng() % 1100;
        p[i] = i % 5 ? kaa_obj_alloc(n) : kaa_mem_alloc(n);
        memset(p[i], 0x5a, n);
    }
    for (int i = 0; i < 3000; i += 2) {
        p[i] = i % 5 ? kaa_obj_realloc(p[i], rng() % 700) : kaa_mem_realloc(p[i], rng() % 700);
    }
    for (int i = 0; i < 3000; i++) {
        if (i % 5) {
            kaa_obj_free(p[i]);
        } else {
            kaa_mem_free(p[i]);
        }
    }
    ck_assert_uint_eq(kaa_mem_live_blocks(), 0);
}
END_TEST

/* ---------------------------------------------------------------------------
 * Debug mode: poison patterns, and detections in a child process.
 */

START_TEST(test_debug_poison_and_data)
{
    unsigned char *keep = kaa_obj_alloc(24); // keeps the pool (and arena) alive
    unsigned char *p = kaa_obj_alloc(24);
    for (int i = 0; i < 24; i++) {
        ck_assert_int_eq(p[i], 0xCD); // fresh: CLEANBYTE
    }
    ck_assert_int_eq(p[24], 0xFD); // trailing guard
    ck_assert_int_eq(p[-1], 0xFD); // leading guard
    ck_assert_uint_eq((uintptr_t)p % 16, 0);
    kaa_obj_free(p);
    ck_assert_uint_eq(kaa_mem_live_blocks(), 1); // freed at once for the program...
    for (int i = 0; i < 24; i++) {
        ck_assert_int_eq(p[i], 0xDD); // ...poisoned (DEADBYTE), and quarantined
    }
    // Realloc moves and keeps the data.
    memcpy(keep, "twenty-three characters", 24);
    unsigned char *q = kaa_obj_realloc(keep, 1000);
    ck_assert_ptr_ne(q, keep);
    ck_assert_int_eq(memcmp(q, "twenty-three characters", 24), 0);
    ck_assert_int_eq(q[24], 0xCD);
    ck_assert_uint_eq(stats().raw_blocks, 1);
    char *s = kaa_mem_strdup("raw");
    ck_assert_str_eq(s, "raw");
    ck_assert_uint_eq(kaa_mem_live_blocks(), 2);
    kaa_mem_free(s);
    kaa_obj_free(q);
}
END_TEST

static unsigned char *victim;

// The child prints the data address first, so the parent can match the report.
static unsigned char *debug_block(size_t n, bool raw)
{
    unsigned char *p = raw ? kaa_mem_alloc(n) : kaa_obj_alloc(n);
    fprintf(stderr, "block=%p\n", (void *)p);
    return p;
}

static void do_overrun(void)
{
    victim = debug_block(24, false);
    victim[24] = 'x';
    kaa_obj_free(victim);
}

static void do_underrun(void)
{
    victim = debug_block(24, false);
    victim[-3] = 'x';
    kaa_obj_free(victim);
}

static void do_double_free(void)
{
    victim = debug_block(24, false);
    kaa_obj_free(victim);
    kaa_obj_free(victim);
}

// 256 frees of another size class push the oldest freed block out of the
// debug allocator's quarantine.
static void flush_quarantine_with_frees(void)
{
    for (int i = 0; i < 256; i++) {
        kaa_obj_free(kaa_obj_alloc(100));
    }
}

static void do_use_after_free(void)
{
    victim = debug_block(24, false);
    kaa_obj_free(victim);
    victim[5] = 42; // write after free: found when the block leaves the quarantine
    flush_quarantine_with_frees();
}

static void do_use_after_free_on_reuse(void)
{
    void *keep = kaa_obj_alloc(24); // keeps the pool alive
    victim = debug_block(24, false);
    kaa_obj_free(victim);
    flush_quarantine_with_frees(); // victim passes the check, goes back to its pool
    victim[5] = 42;
    void *again = kaa_obj_alloc(24); // the pool hands victim out again: detected
    kaa_obj_free(again);
    kaa_obj_free(keep);
}

static void do_raw_use_after_free(void)
{
    victim = debug_block(1000, true);
    kaa_mem_free(victim);
    victim[999] = 0;
    kaa_mem_fini(); // empties the quarantine
}

static void do_double_free_after_reuse(void)
{
    victim = debug_block(24, false);
    kaa_obj_free(victim);
    void *other = kaa_obj_alloc(24); // without the quarantine: victim's block again
    kaa_obj_free(victim);
    kaa_obj_free(other);
}

static void do_realloc_overrun(void)
{
    victim = debug_block(100, false);
    memset(victim, 'a', 101);
    victim = kaa_obj_realloc(victim, 200);
}

static void do_raw_overrun(void)
{
    victim = debug_block(1000, true);
    victim[1003] = 'x';
    kaa_mem_free(victim);
}

static void do_raw_double_free(void)
{
    victim = debug_block(100, true);
    kaa_mem_free(victim);
    kaa_mem_free(victim);
}

static void do_api_mismatch(void)
{
    victim = debug_block(24, false);
    kaa_mem_free(victim);
}

static void do_clean_run(void)
{
    victim = debug_block(24, false);
    victim[23] = 1;
    kaa_obj_free(victim);
}

static const struct {
    void (*fn)(void);
    const char *needle[3]; // all must appear in the report
} detections[] = {
    // 24 bytes + 40 of header and guard: a 64-byte block, size class 3
    {do_overrun,
     {"kaa_obj_free: buffer overrun", "size class 3 (64-byte pool blocks)",
      "byte 0 after the data is 0x78"}},
    {do_underrun, {"kaa_obj_free: buffer underrun", "size class 3", "byte 3 before the data"}},
    {do_double_free, {"kaa_obj_free: double free", "size class 3", "24 bytes requested"}},
    {do_use_after_free,
     {"kaa_obj_free: use after free", "byte 5 was overwritten with 0x2a",
      "left the free quarantine"}},
    {do_use_after_free_on_reuse,
     {"kaa_obj_alloc: use after free", "size class 3", "when the block was reused"}},
    {do_raw_use_after_free, {"kaa_mem_fini: use after free", "raw block", "byte 999"}},
    {do_double_free_after_reuse, {"kaa_obj_free: double free", "size class 3", "already freed"}},
    {do_realloc_overrun, {"kaa_obj_realloc: buffer overrun", "size class 8", "0x61"}},
    {do_raw_overrun, {"kaa_mem_free: buffer overrun", "raw block", "byte 3 after the data"}},
    {do_raw_double_free, {"kaa_mem_free: double free", "raw block", "already freed"}},
    {do_api_mismatch, {"kaa_mem_free: API mismatch", "allocated by kaa_obj_alloc", "size class"}},
};

START_TEST(test_debug_detects)
{
    char out[4096], addr[64];
    int status = run_child(detections[_i].fn, out, sizeof(out));
    ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
                  "child was expected to abort; status %d, stderr:\n%s", status, out);
    for (int k = 0; k < 3; k++) {
        ck_assert_msg(strstr(out, detections[_i].needle[k]) != NULL, "'%s' not in:\n%s",
                      detections[_i].needle[k], out);
    }
    // The report names the block by the address the program holds.
    const char *b = strstr(out, "block=");
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(sscanf(b, "block=%63s", addr), 1);
    char expect[80];
    snprintf(expect, sizeof(expect), "block %s:", addr);
    ck_assert_msg(strstr(out, expect) != NULL, "'%s' not in:\n%s", expect, out);
}
END_TEST

START_TEST(test_debug_clean_run_does_not_abort)
{
    char out[1024];
    int status = run_child(do_clean_run, out, sizeof(out));
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "stderr:\n%s", out);
    ck_assert_ptr_null(strstr(out, "fatal"));
}
END_TEST

/* ---------------------------------------------------------------------------
 */

static Suite *obmalloc_suite(void)
{
    Suite *s = suite_create("obmalloc");

    TCase *tc = tcase_create("classes");
    tcase_add_checked_fixture(tc, setup_pymalloc, teardown);
    tcase_add_test(tc, test_size_classes);
    tcase_add_test(tc, test_blocks_per_pool);
    tcase_add_test(tc, test_large_and_zero_go_raw);
    tcase_add_test(tc, test_raw_api);
    suite_add_tcase(s, tc);

    tc = tcase_create("pools");
    tcase_add_checked_fixture(tc, setup_pymalloc, teardown);
    tcase_add_test(tc, test_fresh_pool_carves_in_order);
    tcase_add_test(tc, test_free_list_is_lifo);
    tcase_add_test(tc, test_pool_states);
    tcase_add_test(tc, test_empty_pool_reused_by_other_class);
    tcase_add_test(tc, test_empty_pool_reused_by_same_class);
    suite_add_tcase(s, tc);

    tc = tcase_create("arenas");
    tcase_add_checked_fixture(tc, setup_pymalloc, teardown);
    tcase_add_test(tc, test_arenas_returned_to_os);
    tcase_add_test(tc, test_pinned_arena_not_returned);
    tcase_add_test(tc, test_fullest_arena_first);
    tcase_add_test(tc, test_many_arenas_churn);
    suite_add_tcase(s, tc);

    tc = tcase_create("realloc");
    tcase_add_checked_fixture(tc, setup_pymalloc, teardown);
    tcase_add_test(tc, test_realloc_keeps_or_moves);
    tcase_add_test(tc, test_live_blocks_counted);
    tcase_add_test(tc, test_set_mode_refused_with_live_blocks);
    suite_add_tcase(s, tc);

    tc = tcase_create("stats");
    tcase_add_checked_fixture(tc, setup_pymalloc, teardown);
    tcase_add_test(tc, test_debug_stats_report);
    tcase_add_test(tc, test_debug_stats_empty);
    suite_add_tcase(s, tc);

    tc = tcase_create("modes");
    tcase_add_checked_fixture(tc, setup_malloc, teardown);
    tcase_add_test(tc, test_malloc_mode_bypasses_pools);
    tcase_add_test(tc, test_env_selects_mode);
    tcase_add_test(tc, test_smoke_in_env_mode);
    suite_add_tcase(s, tc);

    tc = tcase_create("debug");
    tcase_add_checked_fixture(tc, setup_debug, teardown);
    tcase_add_test(tc, test_debug_poison_and_data);
    tcase_add_loop_test(tc, test_debug_detects, 0,
                        (int)(sizeof(detections) / sizeof(detections[0])));
    tcase_add_test(tc, test_debug_clean_run_does_not_abort);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(obmalloc_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
