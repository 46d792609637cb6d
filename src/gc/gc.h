/* The generational cycle collector's object header and API.
 *
 * Objects of types with KAA_TPFLAGS_HAVE_GC are allocated with a KaaGC_Head
 * immediately before the KaaObject. The header links the object into the
 * list of its generation while it is tracked:
 *
 *   gc_next  pointer to the next header in the generation's list;
 *            0 means "not tracked". During a collection its low bit marks
 *            an object moved to the unreachable list (NEXT_MASK_UNREACHABLE).
 *   gc_prev  pointer to the previous header in the top bits; bit 0 is
 *            FINALIZED (tp_finalize already ran: __del__ runs at most once),
 *            bit 1 is COLLECTING (in the generation being collected now,
 *            and then the bits above hold gc_refs instead of a pointer).
 *
 * This is CPython 3.11's PyGC_Head, bit for bit, so its documentation applies.
 */
#ifndef KAA_GC_H
#define KAA_GC_H
#ifndef KAA_BUILD_CORE
#error "internal header: build with KAA_BUILD_CORE"
#endif

#include "kaa/object.h"

typedef struct KaaGC_Head {
    uintptr_t gc_next;
    uintptr_t gc_prev;
} KaaGC_Head;

#define KAA_AS_GC(o) ((KaaGC_Head *)(o)-1)
#define KAA_FROM_GC(g) ((KaaObject *)((KaaGC_Head *)(g) + 1))

#define KAA_GC_PREV_MASK_FINALIZED ((uintptr_t)1)
#define KAA_GC_PREV_MASK_COLLECTING ((uintptr_t)2)
#define KAA_GC_PREV_SHIFT 2
#define KAA_GC_PREV_MASK (((uintptr_t)-1) << KAA_GC_PREV_SHIFT)
#define KAA_GC_NEXT_MASK_UNREACHABLE ((uintptr_t)1)

#define KAA_NUM_GENERATIONS 3

static inline int kaa_gc_is_tracked(KaaObject *o)
{
    return KAA_AS_GC(o)->gc_next != 0;
}

// Allocate `size` bytes of object with a GC head in front (not tracked; counts
// as a container allocation: may trigger an automatic collection first).
// Return the object (ob_refcnt/ob_type not set) or NULL without exception.
void *kaa_gc_alloc(size_t size);
void *kaa_gc_realloc(KaaObject *o, size_t size);
// Release the memory of a GC object (untracked). Lowers count0.
void kaa_gc_free(KaaObject *o);
// Link into / unlink from generation 0. Track only fully initialized objects.
void kaa_gc_track(KaaObject *o);
void kaa_gc_untrack(KaaObject *o);
#define KAA_GC_TRACK(o) kaa_gc_track((KaaObject *)(o))
#define KAA_GC_UNTRACK(o) kaa_gc_untrack((KaaObject *)(o))
static inline void kaa_gc_untrack_if_tracked(KaaObject *o)
{
    if (kaa_gc_is_tracked(o)) {
        kaa_gc_untrack(o);
    }
}

// Collect generation 0..2 (2 = full). Return unreachable objects found, or
// -1 with an exception (bad generation). 0 when a collection is running.
Kaa_ssize_t kaa_gc_collect(int generation);
// Collect one generation now, whatever the thresholds (no re-entry check).
Kaa_ssize_t kaa_gc_collect_generation(int generation);
// True when tp_finalize already ran on o (its FINALIZED bit).
int kaa_gc_is_finalized(KaaObject *o);
void kaa_gc_init(void);
// At shutdown: drop gc.garbage/callbacks, thaw and collect until nothing is found.
void kaa_gc_fini(void);

// DEBUG_* flags of the gc module.
enum {
    KAA_GC_DEBUG_STATS = 1,
    KAA_GC_DEBUG_COLLECTABLE = 2,
    KAA_GC_DEBUG_UNCOLLECTABLE = 4,
    KAA_GC_DEBUG_SAVEALL = 32,
    KAA_GC_DEBUG_LEAK = 38,
};

// The collector's state, for modules/gcmodule.c.
int kaa_gc_isenabled(void);
void kaa_gc_set_enabled(int on);
int kaa_gc_get_debug(void);
void kaa_gc_set_debug(int flags);
int *kaa_gc_threshold_slot(int generation);
int kaa_gc_get_count(int generation);
void kaa_gc_get_stats(int generation, Kaa_ssize_t *collections, Kaa_ssize_t *collected,
                      Kaa_ssize_t *uncollectable);
KaaObject *kaa_gc_garbage(void);   // borrowed
KaaObject *kaa_gc_callbacks(void); // borrowed
KaaObject *kaa_gc_get_objects(int generation); // new list; generation < 0: all
KaaObject *kaa_gc_get_referrers(KaaObject *const *objs, size_t n);
KaaObject *kaa_gc_get_referents(KaaObject *const *objs, size_t n);
// Called after each automatic collection (for `kaa -X gcstats`).
typedef void (*KaaGCStatsHook)(int generation, Kaa_ssize_t collected, double seconds);
void kaa_gc_set_stats_hook(KaaGCStatsHook hook);
void kaa_gc_freeze(void);
void kaa_gc_unfreeze(void);
Kaa_ssize_t kaa_gc_get_freeze_count(void);

#endif
