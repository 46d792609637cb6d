/* The generational cycle collector: a readable model of CPython 3.11's
 * Modules/gcmodule.c (see ../shared/CPYTHON_MEMORY.md §2).
 *
 * Every tracked container sits in the doubly linked list of its generation.
 * A collection of generation g:
 *   1. merges the younger generations into g ("young");
 *   2. update_refs: copies each object's refcount into its GC head (gc_refs);
 *   3. subtract_refs: subtracts the references that young objects hold to
 *      each other (via tp_traverse), leaving the references from outside;
 *   4. move_unreachable: objects with outside references are reachable, and
 *      so is everything they reach; the rest move to `unreachable`;
 *   5. promotes the survivors to the next generation;
 *   6. clears weak references to the unreachable objects and calls the
 *      callbacks of those that are not garbage themselves;
 *   7. runs finalizers (tp_finalize, __del__) once per object, then checks
 *      again which objects a finalizer resurrected;
 *   8. tp_clear's what is still unreachable, letting refcounting free it.
 * The gc_prev field doubles as gc_refs storage during steps 2-4.
 */
#include <stdlib.h>
#include <time.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "vm/vm.h"

typedef struct GCGeneration {
    KaaGC_Head head; // list head: a circular doubly linked list
    int threshold;
    int count;
} GCGeneration;

typedef struct GCStats {
    Kaa_ssize_t collections;
    Kaa_ssize_t collected;
    Kaa_ssize_t uncollectable;
} GCStats;

typedef struct GCState {
    GCGeneration generations[KAA_NUM_GENERATIONS];
    GCGeneration permanent;
    GCStats stats[KAA_NUM_GENERATIONS];
    int enabled;
    int debug;
    int collecting;
    int stress;                     // KAA_GC_STRESS: collect at every allocation
    Kaa_ssize_t long_lived_total;   // survivors of the last full collection
    Kaa_ssize_t long_lived_pending; // promoted to the oldest generation since
    KaaObject *garbage;             // gc.garbage
    KaaObject *callbacks;           // gc.callbacks
} GCState;

static GCState gcstate;
static KaaGCStatsHook stats_hook;

void kaa_gc_set_stats_hook(KaaGCStatsHook hook)
{
    stats_hook = hook;
}

#define GEN_HEAD(n) (&gcstate.generations[n].head)

// --- List primitives ------------------------------------------------------------

static inline KaaGC_Head *gc_prev(KaaGC_Head *g)
{
    return (KaaGC_Head *)(g->gc_prev & KAA_GC_PREV_MASK);
}

static inline void gc_set_prev(KaaGC_Head *g, KaaGC_Head *prev)
{
    g->gc_prev = (g->gc_prev & ~KAA_GC_PREV_MASK) | (uintptr_t)prev;
}

static inline KaaGC_Head *gc_next(KaaGC_Head *g)
{
    return (KaaGC_Head *)g->gc_next;
}

static void list_init(KaaGC_Head *head)
{
    head->gc_prev = (uintptr_t)head;
    head->gc_next = (uintptr_t)head;
}

static int list_is_empty(KaaGC_Head *head)
{
    return head->gc_next == (uintptr_t)head;
}

static void list_append(KaaGC_Head *node, KaaGC_Head *list)
{
    KaaGC_Head *last = (KaaGC_Head *)list->gc_prev;
    gc_set_prev(node, last);
    last->gc_next = (uintptr_t)node;
    node->gc_next = (uintptr_t)list;
    list->gc_prev = (uintptr_t)node;
}

static void list_remove(KaaGC_Head *node)
{
    KaaGC_Head *prev = gc_prev(node);
    KaaGC_Head *next = gc_next(node);
    prev->gc_next = (uintptr_t)next;
    gc_set_prev(next, prev);
    node->gc_next = 0;
}

static void list_move(KaaGC_Head *node, KaaGC_Head *list)
{
    KaaGC_Head *prev = gc_prev(node);
    KaaGC_Head *next = gc_next(node);
    prev->gc_next = (uintptr_t)next;
    gc_set_prev(next, prev);
    KaaGC_Head *last = gc_prev(list);
    gc_set_prev(node, last);
    last->gc_next = (uintptr_t)node;
    node->gc_next = (uintptr_t)list;
    gc_set_prev(list, node);
}

// Append `from` to the end of `to`, leaving `from` empty.
static void list_merge(KaaGC_Head *from, KaaGC_Head *to)
{
    if (!list_is_empty(from)) {
        KaaGC_Head *to_tail = gc_prev(to);
        KaaGC_Head *from_head = gc_next(from);
        KaaGC_Head *from_tail = gc_prev(from);
        to_tail->gc_next = (uintptr_t)from_head;
        gc_set_prev(from_head, to_tail);
        from_tail->gc_next = (uintptr_t)to;
        gc_set_prev(to, from_tail);
    }
    list_init(from);
}

static Kaa_ssize_t list_size(KaaGC_Head *list)
{
    Kaa_ssize_t n = 0;
    for (KaaGC_Head *g = gc_next(list); g != list; g = gc_next(g)) {
        n++;
    }
    return n;
}

// --- gc_refs in gc_prev ----------------------------------------------------------------

static inline Kaa_ssize_t gc_get_refs(KaaGC_Head *g)
{
    return (Kaa_ssize_t)(g->gc_prev >> KAA_GC_PREV_SHIFT);
}

static inline void gc_set_refs(KaaGC_Head *g, Kaa_ssize_t refs)
{
    g->gc_prev = (g->gc_prev & ~KAA_GC_PREV_MASK) | ((uintptr_t)refs << KAA_GC_PREV_SHIFT);
}

static inline void gc_reset_refs(KaaGC_Head *g, Kaa_ssize_t refs)
{
    g->gc_prev = (g->gc_prev & KAA_GC_PREV_MASK_FINALIZED) | KAA_GC_PREV_MASK_COLLECTING |
                 ((uintptr_t)refs << KAA_GC_PREV_SHIFT);
}

static inline void gc_decref(KaaGC_Head *g)
{
    g->gc_prev -= (uintptr_t)1 << KAA_GC_PREV_SHIFT;
}

static inline int gc_is_collecting(KaaGC_Head *g)
{
    return (g->gc_prev & KAA_GC_PREV_MASK_COLLECTING) != 0;
}

static inline void gc_clear_collecting(KaaGC_Head *g)
{
    g->gc_prev &= ~KAA_GC_PREV_MASK_COLLECTING;
}

int kaa_gc_is_finalized(KaaObject *o)
{
    return (KAA_AS_GC(o)->gc_prev & KAA_GC_PREV_MASK_FINALIZED) != 0;
}

// --- Tracking and allocation --------------------------------------------------------------

static Kaa_ssize_t collect_generations(void);

void kaa_gc_init(void)
{
    static const int thresholds[KAA_NUM_GENERATIONS] = {700, 10, 10};
    for (int i = 0; i < KAA_NUM_GENERATIONS; i++) {
        list_init(GEN_HEAD(i));
        gcstate.generations[i].threshold = thresholds[i];
        gcstate.generations[i].count = 0;
        gcstate.stats[i] = (GCStats){0, 0, 0};
    }
    list_init(&gcstate.permanent.head);
    gcstate.enabled = 1;
    gcstate.debug = 0;
    gcstate.collecting = 0;
    gcstate.long_lived_total = 0;
    gcstate.long_lived_pending = 0;
    const char *stress = getenv("KAA_GC_STRESS");
    gcstate.stress = stress && stress[0] && stress[0] != '0';
}

// Before linking a new container: collect if generation 0 is over its threshold.
static void maybe_collect(void)
{
    GCGeneration *g0 = &gcstate.generations[0];
    g0->count++;
    if (gcstate.collecting || !gcstate.enabled || kaa_ts.curexc != NULL) {
        return;
    }
    if (gcstate.stress && kaa_interp.initialized) {
        gcstate.collecting = 1;
        kaa_gc_collect_generation(0);
        gcstate.collecting = 0;
        return;
    }
    if (g0->count > g0->threshold && g0->threshold != 0) {
        gcstate.collecting = 1;
        collect_generations();
        gcstate.collecting = 0;
    }
}

void *kaa_gc_alloc(size_t size)
{
    maybe_collect();
    KaaGC_Head *g = kaa_obj_alloc(sizeof(KaaGC_Head) + size);
    if (g == NULL) {
        return NULL;
    }
    g->gc_next = 0;
    g->gc_prev = 0;
    return KAA_FROM_GC(g);
}

void *kaa_gc_realloc(KaaObject *o, size_t size)
{
    KaaGC_Head *g = kaa_obj_realloc(KAA_AS_GC(o), sizeof(KaaGC_Head) + size);
    return g ? KAA_FROM_GC(g) : NULL;
}

void kaa_gc_free(KaaObject *o)
{
    KaaGC_Head *g = KAA_AS_GC(o);
    if (g->gc_next != 0) {
        kaa_gc_untrack(o);
    }
    if (gcstate.generations[0].count > 0) {
        gcstate.generations[0].count--;
    }
    kaa_obj_free(g);
}

void kaa_gc_track(KaaObject *o)
{
    KaaGC_Head *g = KAA_AS_GC(o);
    if (g->gc_next != 0) {
        fprintf(stderr, "kaa: fatal: object of type %s already tracked\n", Kaa_TYPE(o)->tp_name);
        abort();
    }
    list_append(g, GEN_HEAD(0));
}

void kaa_gc_untrack(KaaObject *o)
{
    KaaGC_Head *g = KAA_AS_GC(o);
    if (g->gc_next == 0) {
        return;
    }
    list_remove(g);
    g->gc_prev &= KAA_GC_PREV_MASK_FINALIZED;
}

// --- The algorithm -------------------------------------------------------------------------

static void update_refs(KaaGC_Head *containers)
{
    for (KaaGC_Head *g = gc_next(containers); g != containers; g = gc_next(g)) {
        KaaObject *op = KAA_FROM_GC(g);
        gc_reset_refs(g, Kaa_REFCNT(op));
    }
}

static int visit_decref(KaaObject *op, void *parent)
{
    if (KaaObject_IS_GC(op)) {
        KaaGC_Head *g = KAA_AS_GC(op);
        if (gc_is_collecting(g)) {
            gc_decref(g);
        }
    }
    return 0;
}

static void subtract_refs(KaaGC_Head *containers)
{
    for (KaaGC_Head *g = gc_next(containers); g != containers; g = gc_next(g)) {
        KaaObject *op = KAA_FROM_GC(g);
        Kaa_TYPE(op)->tp_traverse(op, visit_decref, op);
    }
}

// A referent of a reachable object is reachable: if it was already moved to
// the unreachable list, move it back to the end of young to be scanned.
static int visit_reachable(KaaObject *op, void *arg)
{
    KaaGC_Head *reachable = arg;
    if (!KaaObject_IS_GC(op)) {
        return 0;
    }
    KaaGC_Head *g = KAA_AS_GC(op);
    if (!gc_is_collecting(g)) {
        return 0; // not in the generation being collected
    }
    if (g->gc_next & KAA_GC_NEXT_MASK_UNREACHABLE) {
        KaaGC_Head *prev = gc_prev(g);
        KaaGC_Head *next = (KaaGC_Head *)(g->gc_next & ~KAA_GC_NEXT_MASK_UNREACHABLE);
        prev->gc_next = g->gc_next; // keeps the flag: prev is in unreachable too
        gc_set_prev(next, prev);
        list_append(g, reachable);
        gc_set_refs(g, 1);
    } else if (gc_get_refs(g) == 0) {
        // Not scanned yet: it will be found reachable when move_unreachable gets there.
        gc_set_refs(g, 1);
    }
    return 0;
}

// Split young into reachable (stays in young) and unreachable. Objects in
// `unreachable` carry NEXT_MASK_UNREACHABLE in gc_next until cleared.
static void move_unreachable(KaaGC_Head *young, KaaGC_Head *unreachable)
{
    KaaGC_Head *prev = young;
    KaaGC_Head *g = gc_next(young);
    while (g != young) {
        if (gc_get_refs(g)) {
            KaaObject *op = KAA_FROM_GC(g);
            Kaa_TYPE(op)->tp_traverse(op, visit_reachable, young);
            // gc_prev held refs: relink it (keeping the FINALIZED bit).
            gc_set_prev(g, prev);
            gc_clear_collecting(g);
            prev = g;
        } else {
            prev->gc_next = g->gc_next;
            KaaGC_Head *last = gc_prev(unreachable);
            last->gc_next = KAA_GC_NEXT_MASK_UNREACHABLE | (uintptr_t)g;
            gc_set_prev(g, last);
            g->gc_next = KAA_GC_NEXT_MASK_UNREACHABLE | (uintptr_t)unreachable;
            unreachable->gc_prev = (uintptr_t)g;
        }
        g = (KaaGC_Head *)prev->gc_next;
    }
    young->gc_prev = (uintptr_t)prev;
    unreachable->gc_next &= ~KAA_GC_NEXT_MASK_UNREACHABLE;
}

static void clear_unreachable_mask(KaaGC_Head *unreachable)
{
    for (KaaGC_Head *g = gc_next(unreachable); g != unreachable; g = gc_next(g)) {
        g->gc_next &= ~KAA_GC_NEXT_MASK_UNREACHABLE;
    }
}

static void deduce_unreachable(KaaGC_Head *base, KaaGC_Head *unreachable)
{
    update_refs(base);
    subtract_refs(base);
    list_init(unreachable);
    move_unreachable(base, unreachable);
}

// Tuples holding only untracked objects cannot be in a cycle: stop tracking.
static void untrack_tuples(KaaGC_Head *head)
{
    KaaGC_Head *next;
    for (KaaGC_Head *g = gc_next(head); g != head; g = next) {
        next = gc_next(g);
        KaaObject *op = KAA_FROM_GC(g);
        if (KaaTuple_CheckExact(op)) {
            kaa_tuple_maybe_untrack(op);
        }
    }
}

// Dicts holding only untracked objects stop being tracked (full collections).
static void untrack_dicts(KaaGC_Head *head)
{
    KaaGC_Head *next;
    for (KaaGC_Head *g = gc_next(head); g != head; g = next) {
        next = gc_next(g);
        KaaObject *op = KAA_FROM_GC(g);
        if (KaaDict_CheckExact(op)) {
            kaa_dict_untrack_if_atomic(op);
        }
    }
}

// Clear every weak reference to an unreachable object, so that nothing can
// reach the garbage through one from now on (CPython 3.11's handle_weakrefs).
// Weakrefs that are garbage themselves are cleared too and their callbacks
// never run. The callbacks of live weakrefs to garbage run now, before any
// finalizer: each weakref waits in wrcb_to_call, then goes to `old`. Return
// how many of those weakrefs their own callback freed (counted as collected).
static Kaa_ssize_t handle_weakrefs(KaaGC_Head *unreachable, KaaGC_Head *old)
{
    KaaGC_Head wrcb_to_call;
    list_init(&wrcb_to_call);
    for (KaaGC_Head *g = gc_next(unreachable); g != unreachable; g = gc_next(g)) {
        KaaObject *op = KAA_FROM_GC(g);
        if (KaaWeakref_Check(op)) {
            kaa_weakref_clear_ref(op);
        }
        KaaWeakReference **wrlist = kaa_weakref_list(op);
        while (wrlist && *wrlist) {
            KaaWeakReference *wr = *wrlist;
            kaa_weakref_clear_ref((KaaObject *)wr);
            // Garbage weakrefs (still COLLECTING) and weakrefs being
            // deallocated (untracked) get no callback.
            if (wr->wr_callback == NULL || !kaa_gc_is_tracked((KaaObject *)wr) ||
                gc_is_collecting(KAA_AS_GC(wr))) {
                continue;
            }
            Kaa_INCREF(wr);
            list_move(KAA_AS_GC(wr), &wrcb_to_call);
        }
    }
    Kaa_ssize_t freed = 0;
    while (!list_is_empty(&wrcb_to_call)) {
        KaaGC_Head *g = gc_next(&wrcb_to_call);
        KaaObject *wr = KAA_FROM_GC(g);
        KaaObject *callback = Kaa_XNewRef(((KaaWeakReference *)wr)->wr_callback);
        if (callback) {
            KaaObject *r = KaaObject_CallOneArg(callback, wr);
            if (r == NULL) {
                KaaErr_WriteUnraisable(callback);
            }
            Kaa_XDECREF(r);
            Kaa_DECREF(callback);
        }
        Kaa_DECREF(wr);
        if (gc_next(&wrcb_to_call) == g) {
            list_move(g, old); // still alive
        } else {
            freed++;
        }
    }
    return freed;
}

// Run tp_finalize (__del__) once on each object that has one.
static void finalize_garbage(KaaGC_Head *collectable)
{
    KaaGC_Head seen;
    list_init(&seen);
    while (!list_is_empty(collectable)) {
        KaaGC_Head *g = gc_next(collectable);
        KaaObject *op = KAA_FROM_GC(g);
        list_move(g, &seen);
        destructor finalize = Kaa_TYPE(op)->tp_finalize;
        if (!(g->gc_prev & KAA_GC_PREV_MASK_FINALIZED) && finalize) {
            g->gc_prev |= KAA_GC_PREV_MASK_FINALIZED;
            Kaa_INCREF(op);
            finalize(op);
            Kaa_DECREF(op);
        }
    }
    list_merge(&seen, collectable);
}

// Finalizers may have made objects reachable again: those go to `old`; the
// rest stay unreachable.
static void handle_resurrected_objects(KaaGC_Head *unreachable, KaaGC_Head *still_unreachable,
                                       KaaGC_Head *old)
{
    list_init(still_unreachable);
    update_refs(unreachable);
    subtract_refs(unreachable);
    move_unreachable(unreachable, still_unreachable);
    clear_unreachable_mask(still_unreachable);
    // What is left in `unreachable` is resurrected.
    for (KaaGC_Head *g = gc_next(unreachable); g != unreachable; g = gc_next(g)) {
        gc_clear_collecting(g);
    }
    list_merge(unreachable, old);
}

// Break the cycles: tp_clear drops references and refcounting frees the rest.
static void delete_garbage(KaaGC_Head *collectable, KaaGC_Head *old)
{
    while (!list_is_empty(collectable)) {
        KaaGC_Head *g = gc_next(collectable);
        KaaObject *op = KAA_FROM_GC(g);
        inquiry clear = Kaa_TYPE(op)->tp_clear;
        if (gcstate.debug & KAA_GC_DEBUG_SAVEALL) {
            if (gcstate.garbage && KaaList_Append(gcstate.garbage, op) < 0) {
                KaaErr_Clear();
            }
            gc_clear_collecting(g);
            list_move(g, old);
            continue;
        }
        if (clear) {
            Kaa_INCREF(op);
            clear(op);
            if (kaa_ts.curexc) {
                KaaErr_WriteUnraisable(NULL);
            }
            Kaa_DECREF(op);
        }
        if (gc_next(collectable) == g) {
            // Still alive (its type had no tp_clear, or something holds it).
            gc_clear_collecting(g);
            list_move(g, old);
        }
    }
}

static void debug_print_start(int generation)
{
    fflush(stdout);
    fprintf(stderr, "gc: collecting generation %d...\n", generation);
    fprintf(stderr, "gc: objects in each generation:");
    for (int i = 0; i < KAA_NUM_GENERATIONS; i++) {
        fprintf(stderr, " %zd", list_size(GEN_HEAD(i)));
    }
    fprintf(stderr, "\ngc: objects in permanent generation: %zd\n",
            list_size(&gcstate.permanent.head));
}

static void debug_print_collectable(KaaGC_Head *unreachable)
{
    for (KaaGC_Head *g = gc_next(unreachable); g != unreachable; g = gc_next(g)) {
        KaaObject *op = KAA_FROM_GC(g);
        fprintf(stderr, "gc: collectable <%s %p>\n", Kaa_TYPE(op)->tp_name, (void *)op);
    }
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static Kaa_ssize_t collect(int generation)
{
    KaaGC_Head unreachable, finalizers, final_unreachable;
    double t0 = 0;
    if (gcstate.debug & KAA_GC_DEBUG_STATS) {
        debug_print_start(generation);
        t0 = now_seconds();
    }
    // Counts: collecting g bumps g+1 and zeroes 0..g.
    if (generation + 1 < KAA_NUM_GENERATIONS) {
        gcstate.generations[generation + 1].count += 1;
    }
    for (int i = 0; i <= generation; i++) {
        gcstate.generations[i].count = 0;
    }
    for (int i = 0; i < generation; i++) {
        list_merge(GEN_HEAD(i), GEN_HEAD(generation));
    }
    KaaGC_Head *young = GEN_HEAD(generation);
    KaaGC_Head *old = generation < KAA_NUM_GENERATIONS - 1 ? GEN_HEAD(generation + 1) : young;

    deduce_unreachable(young, &unreachable);
    untrack_tuples(young);
    if (young != old) {
        if (generation == KAA_NUM_GENERATIONS - 2) {
            gcstate.long_lived_pending += list_size(young);
        }
        list_merge(young, old);
    } else {
        untrack_dicts(young);
        gcstate.long_lived_pending = 0;
        gcstate.long_lived_total = list_size(young);
    }
    // No type has a legacy tp_del: nothing is uncollectable.
    list_init(&finalizers);
    clear_unreachable_mask(&unreachable);
    if (gcstate.debug & KAA_GC_DEBUG_COLLECTABLE) {
        debug_print_collectable(&unreachable);
    }
    Kaa_ssize_t m = handle_weakrefs(&unreachable, old);
    finalize_garbage(&unreachable);
    handle_resurrected_objects(&unreachable, &final_unreachable, old);
    m += list_size(&final_unreachable);
    delete_garbage(&final_unreachable, old);
    Kaa_ssize_t n = 0;
    if (generation == KAA_NUM_GENERATIONS - 1) {
        kaa_float_clear_freelist(); // full collections clear the free lists (CPython)
    }
    if (gcstate.debug & KAA_GC_DEBUG_STATS) {
        fprintf(stderr, "gc: done, %zd unreachable, %zd uncollectable, %.4fs elapsed\n", m + n,
                n, now_seconds() - t0);
    }
    gcstate.stats[generation].collections++;
    gcstate.stats[generation].collected += m;
    gcstate.stats[generation].uncollectable += n;
    return m + n;
}

// Call each gc.callbacks entry as cb(phase, info).
static void invoke_callbacks(const char *phase, int generation, Kaa_ssize_t collected,
                             Kaa_ssize_t uncollectable)
{
    if (gcstate.callbacks == NULL || KaaList_GET_SIZE(gcstate.callbacks) == 0) {
        return;
    }
    KaaObject *saved = KaaErr_GetRaisedException();
    KaaObject *info = KaaDict_New();
    KaaObject *ph = KaaStr_FromString(phase);
    KaaObject *g = KaaInt_FromInt64(generation), *c = KaaInt_FromSsize_t(collected),
              *u = KaaInt_FromSsize_t(uncollectable);
    if (info && ph && g && c && u && KaaDict_SetItemString(info, "generation", g) == 0 &&
        KaaDict_SetItemString(info, "collected", c) == 0 &&
        KaaDict_SetItemString(info, "uncollectable", u) == 0) {
        // Iterate over a copy: a callback may change the list.
        KaaObject *copy = KaaList_AsTuple(gcstate.callbacks);
        for (Kaa_ssize_t i = 0; copy && i < KaaTuple_GET_SIZE(copy); i++) {
            KaaObject *cb = KaaTuple_GET_ITEM(copy, i);
            KaaObject *args[2] = {ph, info};
            KaaObject *r = KaaObject_Vectorcall(cb, args, 2, NULL);
            if (r == NULL) {
                KaaErr_WriteUnraisable(cb);
            }
            Kaa_XDECREF(r);
        }
        Kaa_XDECREF(copy);
    }
    KaaErr_Clear();
    Kaa_XDECREF(info);
    Kaa_XDECREF(ph);
    Kaa_XDECREF(g);
    Kaa_XDECREF(c);
    Kaa_XDECREF(u);
    KaaErr_SetRaisedException(saved);
}

static Kaa_ssize_t collect_with_callbacks(int generation)
{
    invoke_callbacks("start", generation, 0, 0);
    Kaa_ssize_t n = collect(generation);
    invoke_callbacks("stop", generation, n, 0);
    return n;
}

// The automatic choice: the oldest generation over its threshold, with the
// full collection gated by CPython's 25% long-lived rule.
static Kaa_ssize_t collect_generations(void)
{
    for (int i = KAA_NUM_GENERATIONS - 1; i >= 0; i--) {
        if (gcstate.generations[i].count > gcstate.generations[i].threshold) {
            if (i == KAA_NUM_GENERATIONS - 1 &&
                gcstate.long_lived_pending < gcstate.long_lived_total / 4) {
                continue;
            }
            double t0 = stats_hook ? now_seconds() : 0;
            Kaa_ssize_t n = collect_with_callbacks(i);
            if (stats_hook) {
                stats_hook(i, n, now_seconds() - t0);
            }
            return n;
        }
    }
    return 0;
}

Kaa_ssize_t kaa_gc_collect_generation(int generation)
{
    return collect(generation);
}

Kaa_ssize_t kaa_gc_collect(int generation)
{
    if (generation < 0 || generation >= KAA_NUM_GENERATIONS) {
        KaaErr_SetString(KaaExc(ValueError), "invalid generation");
        return -1;
    }
    if (gcstate.collecting) {
        return 0;
    }
    gcstate.collecting = 1;
    Kaa_ssize_t n = collect_with_callbacks(generation);
    gcstate.collecting = 0;
    return n;
}

// At shutdown: drop gc.garbage and gc.callbacks, thaw the permanent
// generation and collect until a full collection finds nothing more.
void kaa_gc_fini(void)
{
    gcstate.debug = 0;
    Kaa_CLEAR(gcstate.callbacks);
    Kaa_CLEAR(gcstate.garbage);
    list_merge(&gcstate.permanent.head, GEN_HEAD(KAA_NUM_GENERATIONS - 1));
    for (int i = 0; i < 16 && kaa_gc_collect(2) > 0; i++) {
    }
    KaaErr_Clear();
}

// --- The state behind the gc module ------------------------------------------------

int kaa_gc_isenabled(void)
{
    return gcstate.enabled;
}

void kaa_gc_set_enabled(int on)
{
    gcstate.enabled = on;
}

int kaa_gc_get_debug(void)
{
    return gcstate.debug;
}

void kaa_gc_set_debug(int flags)
{
    gcstate.debug = flags;
}

int *kaa_gc_threshold_slot(int generation)
{
    return &gcstate.generations[generation].threshold;
}

int kaa_gc_get_count(int generation)
{
    return gcstate.generations[generation].count;
}

void kaa_gc_get_stats(int generation, Kaa_ssize_t *collections, Kaa_ssize_t *collected,
                      Kaa_ssize_t *uncollectable)
{
    *collections = gcstate.stats[generation].collections;
    *collected = gcstate.stats[generation].collected;
    *uncollectable = gcstate.stats[generation].uncollectable;
}

// Borrowed references to gc.garbage and gc.callbacks (created on first use).
KaaObject *kaa_gc_garbage(void)
{
    if (gcstate.garbage == NULL) {
        gcstate.garbage = KaaList_New(0);
    }
    return gcstate.garbage;
}

KaaObject *kaa_gc_callbacks(void)
{
    if (gcstate.callbacks == NULL) {
        gcstate.callbacks = KaaList_New(0);
    }
    return gcstate.callbacks;
}

static int append_objects(KaaObject *result, KaaGC_Head *list)
{
    for (KaaGC_Head *g = gc_next(list); g != list; g = gc_next(g)) {
        KaaObject *op = KAA_FROM_GC(g);
        if (op != result && KaaList_Append(result, op) < 0) {
            return -1;
        }
    }
    return 0;
}

// The tracked objects of one generation, or of all three when generation < 0.
KaaObject *kaa_gc_get_objects(int generation)
{
    KaaObject *result = KaaList_New(0);
    if (result == NULL) {
        return NULL;
    }
    for (int i = 0; i < KAA_NUM_GENERATIONS; i++) {
        if ((generation < 0 || generation == i) && append_objects(result, GEN_HEAD(i)) < 0) {
            Kaa_DECREF(result);
            return NULL;
        }
    }
    return result;
}

typedef struct {
    KaaObject *const *objs;
    size_t n;
    int found;
} ReferrerSearch;

static int visit_find(KaaObject *op, void *arg)
{
    ReferrerSearch *rs = arg;
    for (size_t i = 0; i < rs->n; i++) {
        if (rs->objs[i] == op) {
            rs->found = 1;
            return 1; // stop traversing this object
        }
    }
    return 0;
}

KaaObject *kaa_gc_get_referrers(KaaObject *const *objs, size_t n)
{
    KaaObject *result = KaaList_New(0);
    if (result == NULL) {
        return NULL;
    }
    for (int i = 0; i < KAA_NUM_GENERATIONS; i++) {
        KaaGC_Head *head = GEN_HEAD(i);
        for (KaaGC_Head *g = gc_next(head); g != head; g = gc_next(g)) {
            KaaObject *op = KAA_FROM_GC(g);
            if (op == result) {
                continue;
            }
            ReferrerSearch rs = {objs, n, 0};
            Kaa_TYPE(op)->tp_traverse(op, visit_find, &rs);
            if (rs.found && KaaList_Append(result, op) < 0) {
                Kaa_DECREF(result);
                return NULL;
            }
        }
    }
    return result;
}

static int visit_append(KaaObject *op, void *arg)
{
    return KaaList_Append((KaaObject *)arg, op) < 0 ? -1 : 0;
}

KaaObject *kaa_gc_get_referents(KaaObject *const *objs, size_t n)
{
    KaaObject *result = KaaList_New(0);
    if (result == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        KaaObject *o = objs[i];
        if (!KaaObject_IS_GC(o) || Kaa_TYPE(o)->tp_traverse == NULL) {
            continue;
        }
        if (Kaa_TYPE(o)->tp_traverse(o, visit_append, result) < 0) {
            Kaa_DECREF(result);
            return NULL;
        }
    }
    return result;
}

void kaa_gc_freeze(void)
{
    for (int i = 0; i < KAA_NUM_GENERATIONS; i++) {
        list_merge(GEN_HEAD(i), &gcstate.permanent.head);
        gcstate.generations[i].count = 0;
    }
}

void kaa_gc_unfreeze(void)
{
    list_merge(&gcstate.permanent.head, GEN_HEAD(KAA_NUM_GENERATIONS - 1));
}

Kaa_ssize_t kaa_gc_get_freeze_count(void)
{
    return list_size(&gcstate.permanent.head);
}
