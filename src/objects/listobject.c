/* list: a resizable array of references, with CPython 3.11's growth pattern
 * (so sys.getsizeof agrees), a stable merge sort, slice assignment, and the
 * list iterators. Also home to two helpers every container uses: the repr
 * recursion guard (Py_ReprEnter) and the dealloc trashcan.
 */
#include <string.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "util/strbuf.h"
#include "vm/vm.h"

// --- Repr recursion guard ------------------------------------------------------
// The objects whose repr is being built, innermost last. A small inline array
// covers the usual depth; deeper nesting spills to the heap, freed when empty.

#define REPR_INLINE 16
static KaaObject *repr_inline[REPR_INLINE];
static KaaObject **repr_stack = repr_inline;
static Kaa_ssize_t repr_depth, repr_cap = REPR_INLINE;

int kaa_repr_enter(KaaObject *o)
{
    for (Kaa_ssize_t i = repr_depth; i-- > 0;) {
        if (repr_stack[i] == o) {
            return 1;
        }
    }
    if (repr_depth == repr_cap) {
        Kaa_ssize_t cap = repr_cap * 2;
        KaaObject **p = kaa_mem_alloc((size_t)cap * sizeof(*p));
        if (p == NULL) {
            KaaErr_NoMemory();
            return -1;
        }
        memcpy(p, repr_stack, (size_t)repr_depth * sizeof(*p));
        if (repr_stack != repr_inline) {
            kaa_mem_free(repr_stack);
        }
        repr_stack = p;
        repr_cap = cap;
    }
    repr_stack[repr_depth++] = o;
    return 0;
}

void kaa_repr_leave(KaaObject *o)
{
    for (Kaa_ssize_t i = repr_depth; i-- > 0;) {
        if (repr_stack[i] == o) {
            memmove(&repr_stack[i], &repr_stack[i + 1],
                    (size_t)(repr_depth - i - 1) * sizeof(KaaObject *));
            repr_depth--;
            break;
        }
    }
    if (repr_depth == 0 && repr_stack != repr_inline) {
        kaa_mem_free(repr_stack);
        repr_stack = repr_inline;
        repr_cap = REPR_INLINE;
    }
}

// --- Trashcan -------------------------------------------------------------------
// Freeing a deeply nested structure recurses once per level in C. As in
// CPython, past TRASH_LIMIT nested deallocations an object is parked on a
// chain (linked through its GC head, which is free once untracked) and
// freed when the outermost dealloc finishes.

#define TRASH_LIMIT 50
static int trash_nesting;
static KaaObject *trash_later;

int kaa_trashcan_begin(KaaObject *o, destructor dealloc)
{
    // Only for the type's own dealloc: a subclass's dealloc calling this one
    // as its base has its own bookkeeping (as Py_TRASHCAN_BEGIN).
    if (Kaa_TYPE(o)->tp_dealloc != dealloc) {
        return 0;
    }
    if (trash_nesting >= TRASH_LIMIT) {
        KAA_AS_GC(o)->gc_prev = (uintptr_t)trash_later;
        trash_later = o;
        return -1;
    }
    trash_nesting++;
    return 1;
}

void kaa_trashcan_end(int entered)
{
    if (!entered) {
        return;
    }
    trash_nesting--;
    if (trash_later == NULL || trash_nesting > 0) {
        return;
    }
    // Nesting stays raised so the deallocs below park instead of recursing here.
    trash_nesting++;
    while (trash_later) {
        KaaObject *o = trash_later;
        trash_later = (KaaObject *)KAA_AS_GC(o)->gc_prev;
        KAA_AS_GC(o)->gc_prev = 0;
        Kaa_TYPE(o)->tp_dealloc(o);
    }
    trash_nesting--;
}

// Release an instance's memory. (An instance of a class keeps its type
// alive; subtype_dealloc drops that reference after this base dealloc.)
void kaa_container_free(KaaObject *o)
{
    kaa_object_free(o);
}

// Ready a type that is private to the container files on its first use.
int kaa_container_ready(KaaTypeObject *t)
{
    if (t->tp_flags & KAA_TPFLAGS_READY) {
        return 0;
    }
    return KaaType_Ready(t);
}

// --- Helpers shared by the containers ---------------------------------------------

// PyObject_LengthHint: len(o) if it has one, else o.__length_hint__(), else
// dflt. -1 with an exception on error.
Kaa_ssize_t kaa_length_hint(KaaObject *o, Kaa_ssize_t dflt)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    if ((t->tp_as_sequence && t->tp_as_sequence->sq_length) ||
        (t->tp_as_mapping && t->tp_as_mapping->mp_length)) {
        Kaa_ssize_t n = KaaObject_Length(o);
        if (n >= 0) {
            return n;
        }
        if (!KaaErr_ExceptionMatches(KaaExc(TypeError))) {
            return -1;
        }
        KaaErr_Clear();
    }
    KaaObject *name = KaaStr_InternFromString("__length_hint__");
    if (name == NULL) {
        return -1;
    }
    if (kaa_type_lookup(t, name) == NULL) {
        return dflt;
    }
    KaaObject *res = KaaObject_CallMethod(o, "__length_hint__", NULL, 0);
    if (res == NULL) {
        if (!KaaErr_ExceptionMatches(KaaExc(TypeError))) {
            return -1;
        }
        KaaErr_Clear();
        return dflt;
    }
    if (res == Kaa_NotImplemented) {
        Kaa_DECREF(res);
        return dflt;
    }
    if (!KaaInt_Check(res)) {
        KaaErr_Format(KaaExc(TypeError), "__length_hint__ must be an integer, not %.100s",
                      Kaa_TYPE(res)->tp_name);
        Kaa_DECREF(res);
        return -1;
    }
    Kaa_ssize_t n = KaaInt_AsSsize_t(res);
    Kaa_DECREF(res);
    if (n == -1 && KaaErr_Occurred()) {
        return -1;
    }
    if (n < 0) {
        KaaErr_SetString(KaaExc(ValueError), "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

// PySequence_Fast: a new reference to o itself when it is a list or tuple,
// else a new list of its items; msg replaces a TypeError from iter().
KaaObject *kaa_sequence_fast(KaaObject *o, const char *msg)
{
    if (KaaList_CheckExact(o) || KaaTuple_CheckExact(o)) {
        return Kaa_NewRef(o);
    }
    KaaObject *it = KaaObject_GetIter(o);
    if (it == NULL) {
        if (KaaErr_ExceptionMatches(KaaExc(TypeError))) {
            KaaErr_SetString(KaaExc(TypeError), msg);
        }
        return NULL;
    }
    KaaObject *res = KaaSequence_List(it);
    Kaa_DECREF(it);
    return res;
}

// Items of a list or tuple (as returned by kaa_sequence_fast).
static KaaObject **fast_items(KaaObject *seq)
{
    return KaaList_Check(seq) ? ((KaaListObject *)seq)->ob_item : ((KaaTupleObject *)seq)->ob_item;
}

// "pop expected at most 1 argument, got 2" (CPython's _PyArg_CheckPositional).
int kaa_container_check_nargs(const char *name, size_t nargs, size_t min, size_t max)
{
    if (nargs < min) {
        KaaErr_Format(KaaExc(TypeError), "%s expected %s%zd argument%s, got %zd", name,
                      min == max ? "" : "at least ", (Kaa_ssize_t)min, min == 1 ? "" : "s",
                      (Kaa_ssize_t)nargs);
        return -1;
    }
    if (nargs > max) {
        KaaErr_Format(KaaExc(TypeError), "%s expected %s%zd argument%s, got %zd", name,
                      min == max ? "" : "at most ", (Kaa_ssize_t)max, max == 1 ? "" : "s",
                      (Kaa_ssize_t)nargs);
        return -1;
    }
    return 0;
}

// "list.pop() takes no keyword arguments"
int kaa_container_no_kwargs(const char *qualname, KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames) > 0) {
        KaaErr_Format(KaaExc(TypeError), "%s() takes no keyword arguments", qualname);
        return -1;
    }
    return 0;
}

// Index argument of a method (clinic's Py_ssize_t converter).
static int ssize_arg(KaaObject *o, Kaa_ssize_t *out)
{
    KaaObject *idx = KaaNumber_Index(o);
    if (idx == NULL) {
        return -1;
    }
    *out = KaaInt_AsSsize_t(idx);
    Kaa_DECREF(idx);
    return *out == -1 && KaaErr_Occurred() ? -1 : 0;
}

static int is_index(KaaObject *o)
{
    KaaNumberMethods *nb = Kaa_TYPE(o)->tp_as_number;
    return nb && nb->nb_index;
}

// _PyEval_SliceIndexNotNone: start/stop arguments of index().
int kaa_container_slice_index(KaaObject *o, Kaa_ssize_t *out)
{
    if (!is_index(o)) {
        KaaErr_SetString(KaaExc(TypeError),
                         "slice indices must be integers or have an __index__ method");
        return -1;
    }
    Kaa_ssize_t x = KaaNumber_AsSsize_t(o, NULL);
    if (x == -1 && KaaErr_Occurred()) {
        return -1;
    }
    *out = x;
    return 0;
}

// Clamp index()'s optional start/stop as CPython does.
static void clamp_search_bounds(Kaa_ssize_t n, Kaa_ssize_t *start, Kaa_ssize_t *stop)
{
    if (*start < 0) {
        *start += n;
        if (*start < 0) {
            *start = 0;
        }
    }
    if (*stop < 0) {
        *stop += n;
        if (*stop < 0) {
            *stop = 0;
        }
    }
}

int kaa_container_index_bounds(KaaObject *const *args, size_t nargs, Kaa_ssize_t n,
                               Kaa_ssize_t *start, Kaa_ssize_t *stop)
{
    *start = 0;
    *stop = KAA_SSIZE_MAX;
    if (nargs > 1 && kaa_container_slice_index(args[1], start) < 0) {
        return -1;
    }
    if (nargs > 2 && kaa_container_slice_index(args[2], stop) < 0) {
        return -1;
    }
    clamp_search_bounds(n, start, stop);
    return 0;
}

// Py_RETURN_RICHCOMPARE for two sizes: a new reference to True or False.
KaaObject *kaa_compare_sizes(Kaa_ssize_t a, Kaa_ssize_t b, int op)
{
    static const int table[6][3] = {
        // a < b, a == b, a > b
        [Kaa_EQ] = {0, 1, 0}, [Kaa_NE] = {1, 0, 1}, [Kaa_LT] = {1, 0, 0},
        [Kaa_LE] = {1, 1, 0}, [Kaa_GT] = {0, 0, 1}, [Kaa_GE] = {0, 1, 1},
    };
    return KaaBool_FromLong(table[op][a < b ? 0 : a == b ? 1 : 2]);
}

// --- Allocation and resizing ------------------------------------------------------

#define LIST(o) ((KaaListObject *)(o))

// CPython 3.11's list_resize: over-allocate by ~1/8 plus 6, rounded down to a
// multiple of 4, but not when the new size is closer to that than to the old.
static int list_resize(KaaListObject *self, Kaa_ssize_t newsize)
{
    Kaa_ssize_t allocated = self->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        Kaa_SIZE(self) = newsize;
        return 0;
    }
    size_t new_allocated = ((size_t)newsize + (newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - Kaa_SIZE(self) > (Kaa_ssize_t)(new_allocated - newsize)) {
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    }
    if (newsize == 0) {
        new_allocated = 0; // the array stays (non-NULL), as after a zero-size reallocation in CPython
    }
    KaaObject **items = NULL;
    if (new_allocated <= (size_t)KAA_SSIZE_MAX / sizeof(KaaObject *)) {
        items = kaa_obj_realloc(self->ob_item, new_allocated * sizeof(KaaObject *));
    }
    if (items == NULL) {
        KaaErr_NoMemory();
        return -1;
    }
    self->ob_item = items;
    Kaa_SIZE(self) = newsize;
    self->allocated = (Kaa_ssize_t)new_allocated;
    return 0;
}

// Room for exactly `size` items (rounded up to even) in a list with no array.
static int list_preallocate_exact(KaaListObject *self, Kaa_ssize_t size)
{
    size = (size + 1) & ~(Kaa_ssize_t)1;
    KaaObject **items = NULL;
    if ((size_t)size <= (size_t)KAA_SSIZE_MAX / sizeof(KaaObject *)) {
        items = kaa_obj_alloc((size_t)size * sizeof(KaaObject *));
    }
    if (items == NULL) {
        KaaErr_NoMemory();
        return -1;
    }
    self->ob_item = items;
    self->allocated = size;
    return 0;
}

static KaaObject *list_alloc(KaaTypeObject *type, Kaa_ssize_t n)
{
    if (n < 0) {
        KaaErr_BadInternalCall("KaaList_New");
        return NULL;
    }
    KaaObject **items = NULL;
    if (n > 0) {
        if ((size_t)n > (size_t)KAA_SSIZE_MAX / sizeof(KaaObject *) ||
            (items = kaa_obj_alloc((size_t)n * sizeof(KaaObject *))) == NULL) {
            return KaaErr_NoMemory();
        }
        memset(items, 0, (size_t)n * sizeof(KaaObject *));
    }
    KaaListObject *op = (KaaListObject *)KaaType_GenericAlloc(type, 0);
    if (op == NULL) {
        kaa_obj_free(items);
        return NULL;
    }
    op->ob_item = items;
    op->allocated = n;
    Kaa_SIZE(op) = n;
    KAA_GC_TRACK(op);
    return (KaaObject *)op;
}

KaaObject *KaaList_New(Kaa_ssize_t n)
{
    return list_alloc(&KaaList_Type, n);
}

// A list of n items copied (new references) from src.
static KaaObject *list_from_array(KaaObject *const *src, Kaa_ssize_t n)
{
    KaaObject *res = KaaList_New(n);
    if (res == NULL) {
        return NULL;
    }
    KaaObject **dst = LIST(res)->ob_item;
    for (Kaa_ssize_t i = 0; i < n; i++) {
        dst[i] = Kaa_NewRef(src[i]);
    }
    return res;
}

// Drop all items, last first, after emptying the list (re-entrancy safe).
static void list_clear_items(KaaListObject *a)
{
    KaaObject **items = a->ob_item;
    if (items == NULL) {
        return;
    }
    Kaa_ssize_t i = Kaa_SIZE(a);
    Kaa_SIZE(a) = 0;
    a->ob_item = NULL;
    a->allocated = 0;
    while (--i >= 0) {
        Kaa_XDECREF(items[i]);
    }
    kaa_obj_free(items);
}

// --- Public API ---------------------------------------------------------------------

static int app1(KaaListObject *self, KaaObject *v)
{
    Kaa_ssize_t n = Kaa_SIZE(self);
    if (list_resize(self, n + 1) < 0) {
        return -1;
    }
    self->ob_item[n] = Kaa_NewRef(v);
    return 0;
}

int KaaList_Append(KaaObject *list, KaaObject *item)
{
    if (!KaaList_Check(list) || item == NULL) {
        KaaErr_BadInternalCall("KaaList_Append");
        return -1;
    }
    KaaListObject *self = LIST(list);
    Kaa_ssize_t n = Kaa_SIZE(self);
    if (n < self->allocated) {
        self->ob_item[n] = Kaa_NewRef(item);
        Kaa_SIZE(self) = n + 1;
        return 0;
    }
    return app1(self, item);
}

static int ins1(KaaListObject *self, Kaa_ssize_t where, KaaObject *v)
{
    Kaa_ssize_t n = Kaa_SIZE(self);
    if (list_resize(self, n + 1) < 0) {
        return -1;
    }
    if (where < 0) {
        where += n;
        if (where < 0) {
            where = 0;
        }
    }
    if (where > n) {
        where = n;
    }
    KaaObject **items = self->ob_item;
    memmove(&items[where + 1], &items[where], (size_t)(n - where) * sizeof(KaaObject *));
    items[where] = Kaa_NewRef(v);
    return 0;
}

int KaaList_Insert(KaaObject *list, Kaa_ssize_t where, KaaObject *item)
{
    if (!KaaList_Check(list) || item == NULL) {
        KaaErr_BadInternalCall("KaaList_Insert");
        return -1;
    }
    return ins1(LIST(list), where, item);
}

// extend() from a list or tuple (or the list itself).
static int extend_fast(KaaListObject *self, KaaObject *seq)
{
    Kaa_ssize_t n = Kaa_SIZE(seq);
    if (n == 0) {
        return 0;
    }
    Kaa_ssize_t m = Kaa_SIZE(self);
    if (self->ob_item == NULL) {
        if (list_preallocate_exact(self, n) < 0) {
            return -1;
        }
        Kaa_SIZE(self) = n;
    } else if (list_resize(self, m + n) < 0) {
        return -1;
    }
    // Read the source after resizing: it may be self.
    KaaObject **src = fast_items(seq);
    KaaObject **dst = self->ob_item + m;
    for (Kaa_ssize_t i = 0; i < n; i++) {
        dst[i] = Kaa_NewRef(src[i]);
    }
    return 0;
}

// extend() from any iterable: room for its length hint first, then the tail
// trimmed (list_extend of 3.11, which the getsizeof of lists depends on).
static int extend_iter(KaaListObject *self, KaaObject *iterable)
{
    KaaObject *it = KaaObject_GetIter(iterable);
    if (it == NULL) {
        return -1;
    }
    Kaa_ssize_t n = kaa_length_hint(iterable, 8);
    if (n < 0) {
        goto error;
    }
    Kaa_ssize_t m = Kaa_SIZE(self);
    if (m <= KAA_SSIZE_MAX - n) {
        if (self->ob_item == NULL) {
            if (m + n > 0 && list_preallocate_exact(self, m + n) < 0) {
                goto error;
            }
        } else {
            if (list_resize(self, m + n) < 0) {
                goto error;
            }
            Kaa_SIZE(self) = m;
        }
    }
    for (;;) {
        KaaObject *item = KaaIter_Next(it);
        if (item == NULL) {
            if (KaaErr_Occurred()) {
                goto error;
            }
            break;
        }
        Kaa_ssize_t size = Kaa_SIZE(self);
        if (size < self->allocated) {
            self->ob_item[size] = item; // steals
            Kaa_SIZE(self) = size + 1;
        } else {
            int r = app1(self, item);
            Kaa_DECREF(item);
            if (r < 0) {
                goto error;
            }
        }
    }
    if (Kaa_SIZE(self) < self->allocated && list_resize(self, Kaa_SIZE(self)) < 0) {
        goto error;
    }
    Kaa_DECREF(it);
    return 0;
error:
    Kaa_DECREF(it);
    return -1;
}

int KaaList_Extend(KaaObject *list, KaaObject *iterable)
{
    KaaListObject *self = LIST(list);
    if (KaaList_CheckExact(iterable) || KaaTuple_CheckExact(iterable) || iterable == list) {
        return extend_fast(self, iterable);
    }
    return extend_iter(self, iterable);
}

KaaObject *KaaList_AsTuple(KaaObject *list)
{
    if (!KaaList_Check(list)) {
        KaaErr_BadInternalCall("KaaList_AsTuple");
        return NULL;
    }
    return KaaTuple_FromArray(LIST(list)->ob_item, Kaa_SIZE(list));
}

KaaObject *KaaSequence_List(KaaObject *iterable)
{
    KaaObject *res = KaaList_New(0);
    if (res == NULL) {
        return NULL;
    }
    if (KaaList_Extend(res, iterable) < 0) {
        Kaa_DECREF(res);
        return NULL;
    }
    return res;
}

KaaObject *KaaList_GetSlice(KaaObject *list, Kaa_ssize_t lo, Kaa_ssize_t hi)
{
    Kaa_ssize_t n = Kaa_SIZE(list);
    if (lo < 0) {
        lo = 0;
    } else if (lo > n) {
        lo = n;
    }
    if (hi < lo) {
        hi = lo;
    } else if (hi > n) {
        hi = n;
    }
    return list_from_array(LIST(list)->ob_item + lo, hi - lo);
}

// --- Slots -------------------------------------------------------------------------

static void list_dealloc(KaaObject *o)
{
    KaaListObject *op = LIST(o);
    kaa_gc_untrack_if_tracked(o);
    int trash = kaa_trashcan_begin(o, list_dealloc);
    if (trash < 0) {
        return;
    }
    if (op->ob_item != NULL) {
        Kaa_ssize_t i = Kaa_SIZE(op);
        while (--i >= 0) {
            Kaa_XDECREF(op->ob_item[i]);
        }
        kaa_obj_free(op->ob_item);
    }
    kaa_container_free(o);
    kaa_trashcan_end(trash);
}

// Last index first, as CPython (gc.get_referents([1, 2, 3]) is [3, 2, 1]).
static int list_traverse(KaaObject *o, visitproc visit, void *arg)
{
    for (Kaa_ssize_t i = Kaa_SIZE(o); --i >= 0;) {
        Kaa_VISIT(LIST(o)->ob_item[i]);
    }
    return 0;
}

static int list_clear(KaaObject *o)
{
    list_clear_items(LIST(o));
    return 0;
}

static KaaObject *str_from_buf(KaaStrBuf *b)
{
    if (b->failed) {
        kaa_strbuf_free(b);
        return KaaErr_NoMemory();
    }
    KaaObject *s = KaaStr_FromStringAndSize(b->data ? b->data : "", (Kaa_ssize_t)b->len);
    kaa_strbuf_free(b);
    return s;
}

// Append repr(o) to b; -1 with an exception on error.
int kaa_repr_append(KaaStrBuf *b, KaaObject *o)
{
    Kaa_INCREF(o);
    KaaObject *s = KaaObject_Repr(o);
    Kaa_DECREF(o);
    if (s == NULL) {
        return -1;
    }
    kaa_strbuf_add(b, KaaStr_DATA(s), (size_t)KaaStr_NBYTES(s));
    Kaa_DECREF(s);
    return 0;
}

static KaaObject *list_repr(KaaObject *o)
{
    if (Kaa_SIZE(o) == 0) {
        return KaaStr_FromString("[]");
    }
    int r = kaa_repr_enter(o);
    if (r != 0) {
        return r > 0 ? KaaStr_FromString("[...]") : NULL;
    }
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    kaa_strbuf_addc(&b, '[');
    for (Kaa_ssize_t i = 0; i < Kaa_SIZE(o); i++) {
        if (i > 0) {
            kaa_strbuf_add(&b, ", ", 2);
        }
        if (kaa_repr_append(&b, LIST(o)->ob_item[i]) < 0) {
            kaa_repr_leave(o);
            kaa_strbuf_free(&b);
            return NULL;
        }
    }
    kaa_strbuf_addc(&b, ']');
    kaa_repr_leave(o);
    return str_from_buf(&b);
}

static Kaa_ssize_t list_length(KaaObject *o)
{
    return Kaa_SIZE(o);
}

static KaaObject *index_error(void)
{
    KaaErr_SetString(KaaExc(IndexError), "list index out of range");
    return NULL;
}

static KaaObject *list_item(KaaObject *o, Kaa_ssize_t i)
{
    if ((size_t)i >= (size_t)Kaa_SIZE(o)) {
        return index_error();
    }
    return Kaa_NewRef(LIST(o)->ob_item[i]);
}

static KaaObject *list_concat(KaaObject *a, KaaObject *b)
{
    if (!KaaList_Check(b)) {
        return KaaErr_Format(KaaExc(TypeError),
                             "can only concatenate list (not \"%.200s\") to list",
                             Kaa_TYPE(b)->tp_name);
    }
    Kaa_ssize_t na = Kaa_SIZE(a), nb = Kaa_SIZE(b);
    if (na > KAA_SSIZE_MAX - nb) {
        return KaaErr_NoMemory();
    }
    KaaObject *res = KaaList_New(na + nb);
    if (res == NULL) {
        return NULL;
    }
    KaaObject **dst = LIST(res)->ob_item;
    for (Kaa_ssize_t i = 0; i < na; i++) {
        dst[i] = Kaa_NewRef(LIST(a)->ob_item[i]);
    }
    for (Kaa_ssize_t i = 0; i < nb; i++) {
        dst[na + i] = Kaa_NewRef(LIST(b)->ob_item[i]);
    }
    return res;
}

static KaaObject *list_repeat(KaaObject *a, Kaa_ssize_t n)
{
    Kaa_ssize_t len = Kaa_SIZE(a);
    if (n < 0) {
        n = 0;
    }
    if (len > 0 && n > KAA_SSIZE_MAX / len) {
        return KaaErr_NoMemory();
    }
    KaaObject *res = KaaList_New(len * n);
    if (res == NULL) {
        return NULL;
    }
    KaaObject **dst = LIST(res)->ob_item;
    for (Kaa_ssize_t k = 0; k < n; k++) {
        for (Kaa_ssize_t i = 0; i < len; i++) {
            *dst++ = Kaa_NewRef(LIST(a)->ob_item[i]);
        }
    }
    return res;
}

static int list_contains(KaaObject *o, KaaObject *el)
{
    int cmp = 0;
    for (Kaa_ssize_t i = 0; cmp == 0 && i < Kaa_SIZE(o); i++) {
        KaaObject *item = Kaa_NewRef(LIST(o)->ob_item[i]);
        cmp = KaaObject_RichCompareBool(item, el, Kaa_EQ);
        Kaa_DECREF(item);
    }
    return cmp;
}

static KaaObject *list_inplace_concat(KaaObject *self, KaaObject *other)
{
    if (KaaList_Extend(self, other) < 0) {
        return NULL;
    }
    return Kaa_NewRef(self);
}

static KaaObject *list_inplace_repeat(KaaObject *o, Kaa_ssize_t n)
{
    KaaListObject *self = LIST(o);
    Kaa_ssize_t size = Kaa_SIZE(self);
    if (size == 0 || n == 1) {
        return Kaa_NewRef(o);
    }
    if (n < 1) {
        list_clear_items(self);
        return Kaa_NewRef(o);
    }
    if (size > KAA_SSIZE_MAX / n) {
        return KaaErr_NoMemory();
    }
    if (list_resize(self, size * n) < 0) {
        return NULL;
    }
    KaaObject **items = self->ob_item;
    for (Kaa_ssize_t k = 1; k < n; k++) {
        for (Kaa_ssize_t i = 0; i < size; i++) {
            items[k * size + i] = Kaa_NewRef(items[i]);
        }
    }
    return Kaa_NewRef(o);
}

// Replace a[ilow:ihigh] by the items of v (NULL: delete), CPython's
// list_ass_slice: the removed items are released last, last first.
static int list_ass_slice(KaaListObject *a, Kaa_ssize_t ilow, Kaa_ssize_t ihigh, KaaObject *v)
{
    KaaObject *seq = NULL;
    KaaObject *recycle_inline[8], **recycle = recycle_inline;
    Kaa_ssize_t n = 0;
    int result = -1;
    if (v != NULL) {
        if (v == (KaaObject *)a) {
            // a[i:j] = a: copy first.
            v = KaaList_GetSlice(v, 0, Kaa_SIZE(v));
            if (v == NULL) {
                return -1;
            }
            result = list_ass_slice(a, ilow, ihigh, v);
            Kaa_DECREF(v);
            return result;
        }
        seq = kaa_sequence_fast(v, "can only assign an iterable");
        if (seq == NULL) {
            return -1;
        }
        n = Kaa_SIZE(seq);
    }
    Kaa_ssize_t size = Kaa_SIZE(a);
    if (ilow < 0) {
        ilow = 0;
    } else if (ilow > size) {
        ilow = size;
    }
    if (ihigh < ilow) {
        ihigh = ilow;
    } else if (ihigh > size) {
        ihigh = size;
    }
    Kaa_ssize_t norig = ihigh - ilow;
    Kaa_ssize_t d = n - norig;
    if (size + d == 0) {
        Kaa_XDECREF(seq);
        list_clear_items(a);
        return 0;
    }
    KaaObject **item = a->ob_item;
    size_t s = (size_t)norig * sizeof(KaaObject *);
    if (s > sizeof(recycle_inline)) {
        recycle = kaa_mem_alloc(s);
        if (recycle == NULL) {
            KaaErr_NoMemory();
            goto done;
        }
    }
    if (s) {
        memcpy(recycle, &item[ilow], s);
    }
    if (d < 0) {
        size_t tail = (size_t)(size - ihigh) * sizeof(KaaObject *);
        memmove(&item[ihigh + d], &item[ihigh], tail);
        if (list_resize(a, size + d) < 0) {
            memmove(&item[ihigh], &item[ihigh + d], tail);
            memcpy(&item[ilow], recycle, s);
            goto done;
        }
        item = a->ob_item;
    } else if (d > 0) {
        if (list_resize(a, size + d) < 0) {
            goto done;
        }
        item = a->ob_item;
        memmove(&item[ihigh + d], &item[ihigh], (size_t)(size - ihigh) * sizeof(KaaObject *));
    }
    KaaObject **src = seq ? fast_items(seq) : NULL;
    for (Kaa_ssize_t k = 0; k < n; k++, ilow++) {
        item[ilow] = Kaa_NewRef(src[k]);
    }
    for (Kaa_ssize_t k = norig - 1; k >= 0; k--) {
        Kaa_XDECREF(recycle[k]);
    }
    result = 0;
done:
    if (recycle != recycle_inline) {
        kaa_mem_free(recycle);
    }
    Kaa_XDECREF(seq);
    return result;
}

static int list_ass_item(KaaObject *o, Kaa_ssize_t i, KaaObject *v)
{
    if ((size_t)i >= (size_t)Kaa_SIZE(o)) {
        KaaErr_SetString(KaaExc(IndexError), "list assignment index out of range");
        return -1;
    }
    if (v == NULL) {
        return list_ass_slice(LIST(o), i, i + 1, NULL);
    }
    Kaa_SETREF(LIST(o)->ob_item[i], Kaa_NewRef(v));
    return 0;
}

static KaaObject *list_slice_step(KaaListObject *self, Kaa_ssize_t start, Kaa_ssize_t step,
                                  Kaa_ssize_t len)
{
    KaaObject *res = KaaList_New(len);
    if (res == NULL) {
        return NULL;
    }
    KaaObject **dst = LIST(res)->ob_item;
    for (Kaa_ssize_t i = 0, cur = start; i < len; i++, cur += step) {
        dst[i] = Kaa_NewRef(self->ob_item[cur]);
    }
    return res;
}

static KaaObject *list_subscript(KaaObject *o, KaaObject *item)
{
    if (is_index(item)) {
        Kaa_ssize_t i = KaaNumber_AsSsize_t(item, KaaExc(IndexError));
        if (i == -1 && KaaErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += Kaa_SIZE(o);
        }
        return list_item(o, i);
    }
    if (KaaSlice_Check(item)) {
        Kaa_ssize_t start, stop, step;
        if (KaaSlice_Unpack(item, &start, &stop, &step) < 0) {
            return NULL;
        }
        Kaa_ssize_t len = KaaSlice_AdjustIndices(Kaa_SIZE(o), &start, &stop, step);
        if (step == 1) {
            return KaaList_GetSlice(o, start, stop);
        }
        return list_slice_step(LIST(o), start, step, len);
    }
    return KaaErr_Format(KaaExc(TypeError), "list indices must be integers or slices, not %.200s",
                         Kaa_TYPE(item)->tp_name);
}

// del a[start::step] for a step other than 1.
static int list_del_extended(KaaListObject *self, Kaa_ssize_t start, Kaa_ssize_t stop,
                             Kaa_ssize_t step, Kaa_ssize_t len)
{
    if (len <= 0) {
        return 0;
    }
    if (step < 0) {
        stop = start + 1;
        start = stop + step * (len - 1) - 1;
        step = -step;
    }
    KaaObject **garbage = kaa_mem_alloc((size_t)len * sizeof(KaaObject *));
    if (garbage == NULL) {
        KaaErr_NoMemory();
        return -1;
    }
    // Slide the survivors down over the holes, one gap at a time.
    Kaa_ssize_t cur = start, i = 0;
    for (; cur < stop; cur += step, i++) {
        Kaa_ssize_t lim = step - 1;
        garbage[i] = self->ob_item[cur];
        if (cur + step >= Kaa_SIZE(self)) {
            lim = Kaa_SIZE(self) - cur - 1;
        }
        memmove(self->ob_item + cur - i, self->ob_item + cur + 1,
                (size_t)lim * sizeof(KaaObject *));
    }
    cur = start + len * step;
    if (cur < Kaa_SIZE(self)) {
        memmove(self->ob_item + cur - len, self->ob_item + cur,
                (size_t)(Kaa_SIZE(self) - cur) * sizeof(KaaObject *));
    }
    Kaa_SIZE(self) -= len;
    int r = list_resize(self, Kaa_SIZE(self));
    for (i = 0; i < len; i++) {
        Kaa_DECREF(garbage[i]);
    }
    kaa_mem_free(garbage);
    return r;
}

// a[start::step] = value for a step other than 1: sizes must match.
static int list_assign_extended(KaaListObject *self, Kaa_ssize_t start, Kaa_ssize_t step,
                                Kaa_ssize_t len, KaaObject *value)
{
    KaaObject *seq;
    if ((KaaObject *)self == value) {
        seq = KaaList_GetSlice(value, 0, Kaa_SIZE(value));
    } else {
        seq = kaa_sequence_fast(value, "must assign iterable to extended slice");
    }
    if (seq == NULL) {
        return -1;
    }
    if (Kaa_SIZE(seq) != len) {
        KaaErr_Format(KaaExc(ValueError),
                      "attempt to assign sequence of size %zd to extended slice of size %zd",
                      Kaa_SIZE(seq), len);
        Kaa_DECREF(seq);
        return -1;
    }
    if (len == 0) {
        Kaa_DECREF(seq);
        return 0;
    }
    KaaObject **garbage = kaa_mem_alloc((size_t)len * sizeof(KaaObject *));
    if (garbage == NULL) {
        Kaa_DECREF(seq);
        KaaErr_NoMemory();
        return -1;
    }
    KaaObject **src = fast_items(seq);
    for (Kaa_ssize_t cur = start, i = 0; i < len; cur += step, i++) {
        garbage[i] = self->ob_item[cur];
        self->ob_item[cur] = Kaa_NewRef(src[i]);
    }
    for (Kaa_ssize_t i = 0; i < len; i++) {
        Kaa_DECREF(garbage[i]);
    }
    kaa_mem_free(garbage);
    Kaa_DECREF(seq);
    return 0;
}

static int list_ass_subscript(KaaObject *o, KaaObject *item, KaaObject *value)
{
    if (is_index(item)) {
        Kaa_ssize_t i = KaaNumber_AsSsize_t(item, KaaExc(IndexError));
        if (i == -1 && KaaErr_Occurred()) {
            return -1;
        }
        if (i < 0) {
            i += Kaa_SIZE(o);
        }
        return list_ass_item(o, i, value);
    }
    if (!KaaSlice_Check(item)) {
        KaaErr_Format(KaaExc(TypeError), "list indices must be integers or slices, not %.200s",
                      Kaa_TYPE(item)->tp_name);
        return -1;
    }
    Kaa_ssize_t start, stop, step;
    if (KaaSlice_Unpack(item, &start, &stop, &step) < 0) {
        return -1;
    }
    Kaa_ssize_t len = KaaSlice_AdjustIndices(Kaa_SIZE(o), &start, &stop, step);
    if (step == 1) {
        // list_ass_slice clamps stop up to start: an empty slice inserts.
        return list_ass_slice(LIST(o), start, stop, value);
    }
    if (value == NULL) {
        return list_del_extended(LIST(o), start, stop, step, len);
    }
    return list_assign_extended(LIST(o), start, step, len, value);
}

static KaaObject *list_richcompare(KaaObject *v, KaaObject *w, int op)
{
    if (!KaaList_Check(v) || !KaaList_Check(w)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    if (Kaa_SIZE(v) != Kaa_SIZE(w) && (op == Kaa_EQ || op == Kaa_NE)) {
        return KaaBool_FromLong(op == Kaa_NE);
    }
    // The first index where the items differ.
    Kaa_ssize_t i;
    for (i = 0; i < Kaa_SIZE(v) && i < Kaa_SIZE(w); i++) {
        KaaObject *vi = LIST(v)->ob_item[i], *wi = LIST(w)->ob_item[i];
        if (vi == wi) {
            continue;
        }
        Kaa_INCREF(vi);
        Kaa_INCREF(wi);
        int k = KaaObject_RichCompareBool(vi, wi, Kaa_EQ);
        Kaa_DECREF(vi);
        Kaa_DECREF(wi);
        if (k < 0) {
            return NULL;
        }
        if (!k) {
            break;
        }
    }
    if (i >= Kaa_SIZE(v) || i >= Kaa_SIZE(w)) {
        // No more items to compare: compare the sizes.
        return kaa_compare_sizes(Kaa_SIZE(v), Kaa_SIZE(w), op);
    }
    if (op == Kaa_EQ) {
        return KaaBool_FromLong(0);
    }
    if (op == Kaa_NE) {
        return KaaBool_FromLong(1);
    }
    KaaObject *vi = Kaa_NewRef(LIST(v)->ob_item[i]), *wi = Kaa_NewRef(LIST(w)->ob_item[i]);
    KaaObject *res = KaaObject_RichCompare(vi, wi, op);
    Kaa_DECREF(vi);
    Kaa_DECREF(wi);
    return res;
}

// --- Methods ----------------------------------------------------------------------

static KaaObject *list_append(KaaObject *self, KaaObject *v)
{
    if (KaaList_Append(self, v) < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *list_extend(KaaObject *self, KaaObject *iterable)
{
    if (KaaList_Extend(self, iterable) < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *list_insert(KaaObject *self, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    Kaa_ssize_t where;
    if (kaa_container_no_kwargs("list.insert", kwnames) < 0 ||
        kaa_container_check_nargs("insert", nargs, 2, 2) < 0 || ssize_arg(args[0], &where) < 0) {
        return NULL;
    }
    if (ins1(LIST(self), where, args[1]) < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *list_pop(KaaObject *self, KaaObject *const *args, size_t nargs,
                           KaaObject *kwnames)
{
    Kaa_ssize_t index = -1;
    if (kaa_container_no_kwargs("list.pop", kwnames) < 0 ||
        kaa_container_check_nargs("pop", nargs, 0, 1) < 0 ||
        (nargs == 1 && ssize_arg(args[0], &index) < 0)) {
        return NULL;
    }
    Kaa_ssize_t size = Kaa_SIZE(self);
    if (size == 0) {
        KaaErr_SetString(KaaExc(IndexError), "pop from empty list");
        return NULL;
    }
    if (index < 0) {
        index += size;
    }
    if ((size_t)index >= (size_t)size) {
        KaaErr_SetString(KaaExc(IndexError), "pop index out of range");
        return NULL;
    }
    KaaObject **items = LIST(self)->ob_item;
    KaaObject *v = items[index];
    if (index == size - 1) {
        if (list_resize(LIST(self), size - 1) < 0) {
            return NULL;
        }
        return v; // the list's reference passes to the caller
    }
    Kaa_INCREF(v);
    if (list_ass_slice(LIST(self), index, index + 1, NULL) < 0) {
        Kaa_DECREF(v);
        return NULL;
    }
    return v;
}

static KaaObject *list_index(KaaObject *self, KaaObject *const *args, size_t nargs,
                             KaaObject *kwnames)
{
    Kaa_ssize_t start, stop;
    if (kaa_container_no_kwargs("list.index", kwnames) < 0 ||
        kaa_container_check_nargs("index", nargs, 1, 3) < 0 ||
        kaa_container_index_bounds(args, nargs, Kaa_SIZE(self), &start, &stop) < 0) {
        return NULL;
    }
    for (Kaa_ssize_t i = start; i < stop && i < Kaa_SIZE(self); i++) {
        KaaObject *obj = Kaa_NewRef(LIST(self)->ob_item[i]);
        int cmp = KaaObject_RichCompareBool(obj, args[0], Kaa_EQ);
        Kaa_DECREF(obj);
        if (cmp > 0) {
            return KaaInt_FromSsize_t(i);
        }
        if (cmp < 0) {
            return NULL;
        }
    }
    return KaaErr_Format(KaaExc(ValueError), "%R is not in list", args[0]);
}

static KaaObject *list_count(KaaObject *self, KaaObject *value)
{
    Kaa_ssize_t count = 0;
    for (Kaa_ssize_t i = 0; i < Kaa_SIZE(self); i++) {
        KaaObject *obj = LIST(self)->ob_item[i];
        if (obj == value) {
            count++;
            continue;
        }
        Kaa_INCREF(obj);
        int cmp = KaaObject_RichCompareBool(obj, value, Kaa_EQ);
        Kaa_DECREF(obj);
        if (cmp > 0) {
            count++;
        } else if (cmp < 0) {
            return NULL;
        }
    }
    return KaaInt_FromSsize_t(count);
}

static KaaObject *list_remove(KaaObject *self, KaaObject *value)
{
    for (Kaa_ssize_t i = 0; i < Kaa_SIZE(self); i++) {
        KaaObject *obj = Kaa_NewRef(LIST(self)->ob_item[i]);
        int cmp = KaaObject_RichCompareBool(obj, value, Kaa_EQ);
        Kaa_DECREF(obj);
        if (cmp > 0) {
            if (list_ass_slice(LIST(self), i, i + 1, NULL) < 0) {
                return NULL;
            }
            Kaa_RETURN_NONE;
        }
        if (cmp < 0) {
            return NULL;
        }
    }
    KaaErr_SetString(KaaExc(ValueError), "list.remove(x): x not in list");
    return NULL;
}

static void reverse_slice(KaaObject **lo, KaaObject **hi)
{
    for (--hi; lo < hi; lo++, hi--) {
        KaaObject *t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

static KaaObject *list_reverse(KaaObject *self, KaaObject *unused)
{
    if (Kaa_SIZE(self) > 1) {
        reverse_slice(LIST(self)->ob_item, LIST(self)->ob_item + Kaa_SIZE(self));
    }
    Kaa_RETURN_NONE;
}

static KaaObject *list_clear_method(KaaObject *self, KaaObject *unused)
{
    list_clear_items(LIST(self));
    Kaa_RETURN_NONE;
}

static KaaObject *list_copy(KaaObject *self, KaaObject *unused)
{
    return KaaList_GetSlice(self, 0, Kaa_SIZE(self));
}

static KaaObject *list_sizeof(KaaObject *self, KaaObject *unused)
{
    Kaa_ssize_t allocated = LIST(self)->allocated > 0 ? LIST(self)->allocated : 0;
    return KaaInt_FromSsize_t(Kaa_TYPE(self)->tp_basicsize +
                              allocated * (Kaa_ssize_t)sizeof(KaaObject *));
}

static KaaObject *list_getitem_method(KaaObject *self, KaaObject *item)
{
    return list_subscript(self, item);
}

static KaaObject *list_reversed(KaaObject *self, KaaObject *unused);
static KaaObject *list_sort(KaaObject *self, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames);

// --- sort ----------------------------------------------------------------------------
// A stable merge sort over (key, value) pairs with binary insertion sort for
// short runs. Only `<` is used. While it runs the list looks empty, so that
// comparisons that mutate it cannot touch the array being sorted; a
// comparison that raises leaves every item in the list (in some order).

typedef struct SortItem {
    KaaObject *key, *value;
} SortItem;

#define SORT_RUN 16

// How keys compare during one sort. Before sorting, the keys are scanned:
// when all have one type, `lt` skips the generic comparison machinery
// (CPython's unsafe_*_compare): small ints and floats by their C values,
// str by their UTF-8 bytes (which order as code points), tuples element by
// element with `first_lt` for the first elements, objects of one type
// through that type's tp_richcompare directly. 1, 0 or -1 with an error.
typedef struct SortCtx SortCtx;
typedef int (*sort_lt_fn)(KaaObject *a, KaaObject *b, const SortCtx *ctx);
struct SortCtx {
    sort_lt_fn lt, first_lt;
};

static int lt_generic(KaaObject *a, KaaObject *b, const SortCtx *ctx)
{
    (void)ctx;
    return KaaObject_RichCompareBool(a, b, Kaa_LT);
}

static int lt_small_int(KaaObject *a, KaaObject *b, const SortCtx *ctx)
{
    (void)ctx;
    return ((KaaIntObject *)a)->value < ((KaaIntObject *)b)->value;
}

static int lt_float(KaaObject *a, KaaObject *b, const SortCtx *ctx)
{
    (void)ctx;
    return KaaFloat_AS_DOUBLE(a) < KaaFloat_AS_DOUBLE(b);
}

static int lt_str(KaaObject *a, KaaObject *b, const SortCtx *ctx)
{
    (void)ctx;
    Kaa_ssize_t na = KaaStr_NBYTES(a), nb = KaaStr_NBYTES(b);
    int c = memcmp(KaaStr_DATA(a), KaaStr_DATA(b), (size_t)(na < nb ? na : nb));
    return c < 0 || (c == 0 && na < nb);
}

static int lt_same_type(KaaObject *a, KaaObject *b, const SortCtx *ctx)
{
    KaaObject *r = Kaa_TYPE(a)->tp_richcompare(a, b, Kaa_LT);
    if (r == Kaa_NotImplemented) {
        Kaa_DECREF(r);
        return lt_generic(a, b, ctx);
    }
    if (r == NULL) {
        return -1;
    }
    int t = r == Kaa_True ? 1 : r == Kaa_False ? 0 : KaaObject_IsTrue(r);
    Kaa_DECREF(r);
    return t;
}

static int lt_tuple(KaaObject *a, KaaObject *b, const SortCtx *ctx)
{
    Kaa_ssize_t na = KaaTuple_GET_SIZE(a), nb = KaaTuple_GET_SIZE(b);
    Kaa_ssize_t n = na < nb ? na : nb, i;
    for (i = 0; i < n; i++) {
        KaaObject *x = KaaTuple_GET_ITEM(a, i), *y = KaaTuple_GET_ITEM(b, i);
        int eq;
        if (x == y) {
            eq = 1;
        } else if (KaaInt_CheckExact(x) && KaaInt_CheckExact(y) && KaaInt_IS_SMALL(x) &&
                   KaaInt_IS_SMALL(y)) {
            eq = ((KaaIntObject *)x)->value == ((KaaIntObject *)y)->value;
        } else {
            eq = KaaObject_RichCompareBool(x, y, Kaa_EQ);
        }
        if (eq < 0) {
            return -1;
        }
        if (!eq) {
            break;
        }
    }
    if (i >= n) {
        return na < nb;
    }
    if (i == 0) {
        return ctx->first_lt(KaaTuple_GET_ITEM(a, 0), KaaTuple_GET_ITEM(b, 0), ctx);
    }
    return KaaObject_RichCompareBool(KaaTuple_GET_ITEM(a, i), KaaTuple_GET_ITEM(b, i), Kaa_LT);
}

// The comparison for keys that all are `o`-like (NULL for mixed types).
static sort_lt_fn lt_for(KaaObject *const *keys, Kaa_ssize_t n, size_t stride, int tuple_item)
{
    KaaTypeObject *t = NULL;
    int all_small = 1;
    for (Kaa_ssize_t i = 0; i < n; i++) {
        KaaObject *k = *(KaaObject *const *)((const char *)keys + (size_t)i * stride);
        if (tuple_item) {
            if (KaaTuple_GET_SIZE(k) == 0) {
                return lt_generic;
            }
            k = KaaTuple_GET_ITEM(k, 0);
        }
        if (t == NULL) {
            t = Kaa_TYPE(k);
        } else if (Kaa_TYPE(k) != t) {
            return lt_generic;
        }
        if (t == &KaaInt_Type && !KaaInt_IS_SMALL(k)) {
            all_small = 0;
        }
    }
    if (t == &KaaInt_Type && all_small) {
        return lt_small_int;
    }
    if (t == &KaaFloat_Type) {
        return lt_float;
    }
    if (t == &KaaStr_Type) {
        return lt_str;
    }
    if (t == &KaaTuple_Type && !tuple_item) {
        return lt_tuple;
    }
    if (t && t->tp_richcompare && !(t->tp_flags & KAA_TPFLAGS_HEAPTYPE)) {
        return lt_same_type;
    }
    return lt_generic;
}

static int binary_insertion_sort(SortItem *a, Kaa_ssize_t n, const SortCtx *ctx)
{
    for (Kaa_ssize_t i = 1; i < n; i++) {
        SortItem pivot = a[i];
        Kaa_ssize_t lo = 0, hi = i;
        while (lo < hi) {
            Kaa_ssize_t mid = lo + ((hi - lo) >> 1);
            int lt = ctx->lt(pivot.key, a[mid].key, ctx);
            if (lt < 0) {
                return -1;
            }
            if (lt) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        memmove(&a[lo + 1], &a[lo], (size_t)(i - lo) * sizeof(SortItem));
        a[lo] = pivot;
    }
    return 0;
}

// Merge the sorted runs a[0:h] and a[h:n], with a[0:h] parked in tmp.
static int merge_runs(SortItem *a, Kaa_ssize_t h, Kaa_ssize_t n, SortItem *tmp,
                      const SortCtx *ctx)
{
    int lt = ctx->lt(a[h].key, a[h - 1].key, ctx);
    if (lt <= 0) {
        return lt; // already in order (or an error)
    }
    memcpy(tmp, a, (size_t)h * sizeof(SortItem));
    Kaa_ssize_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        lt = ctx->lt(a[j].key, tmp[i].key, ctx);
        if (lt < 0) {
            break;
        }
        a[k++] = lt ? a[j++] : tmp[i++];
    }
    // Whatever is left of the first run fills the gap (exactly j - k items).
    memcpy(&a[k], &tmp[i], (size_t)(h - i) * sizeof(SortItem));
    return lt < 0 ? -1 : 0;
}

static int merge_sort(SortItem *a, Kaa_ssize_t n, SortItem *tmp, const SortCtx *ctx)
{
    if (n <= SORT_RUN) {
        return binary_insertion_sort(a, n, ctx);
    }
    Kaa_ssize_t h = n / 2;
    if (merge_sort(a, h, tmp, ctx) < 0 || merge_sort(a + h, n - h, tmp, ctx) < 0) {
        return -1;
    }
    return merge_runs(a, h, n, tmp, ctx);
}

static void reverse_items(SortItem *a, Kaa_ssize_t n)
{
    for (Kaa_ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        SortItem t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

// Fill items[i].key with keyfunc(value); -1 (keys released) on error.
static int compute_keys(SortItem *items, Kaa_ssize_t n, KaaObject *keyfunc)
{
    for (Kaa_ssize_t i = 0; i < n; i++) {
        items[i].key = KaaObject_CallOneArg(keyfunc, items[i].value);
        if (items[i].key == NULL) {
            while (--i >= 0) {
                Kaa_DECREF(items[i].key);
            }
            return -1;
        }
    }
    return 0;
}

static int sort_items(KaaObject **values, Kaa_ssize_t n, KaaObject *keyfunc, int reverse)
{
    if (n < 2 && keyfunc == NULL) {
        return 0;
    }
    SortItem *items = kaa_mem_alloc((size_t)n * sizeof(SortItem) * 3 / 2 + sizeof(SortItem));
    if (items == NULL) {
        KaaErr_NoMemory();
        return -1;
    }
    for (Kaa_ssize_t i = 0; i < n; i++) {
        items[i].key = items[i].value = values[i];
    }
    if (keyfunc && compute_keys(items, n, keyfunc) < 0) {
        kaa_mem_free(items);
        return -1;
    }
    // Reverse, sort stably, reverse back: equal items keep their order.
    if (reverse) {
        reverse_items(items, n);
    }
    SortCtx ctx;
    ctx.lt = lt_for(&items[0].key, n, sizeof(SortItem), 0);
    ctx.first_lt = ctx.lt == lt_tuple ? lt_for(&items[0].key, n, sizeof(SortItem), 1) : lt_generic;
    int r = merge_sort(items, n, items + n, &ctx);
    if (reverse) {
        reverse_items(items, n);
    }
    for (Kaa_ssize_t i = 0; i < n; i++) {
        values[i] = items[i].value;
        if (keyfunc) {
            Kaa_DECREF(items[i].key);
        }
    }
    kaa_mem_free(items);
    return r;
}

static int list_sort_impl(KaaListObject *self, KaaObject *keyfunc, int reverse)
{
    Kaa_ssize_t saved_size = Kaa_SIZE(self);
    KaaObject **saved_items = self->ob_item;
    Kaa_ssize_t saved_allocated = self->allocated;
    Kaa_SIZE(self) = 0;
    self->ob_item = NULL;
    self->allocated = -1; // any growth during the sort shows here

    int r = sort_items(saved_items, saved_size, keyfunc, reverse);
    if (self->allocated != -1 && r == 0) {
        KaaErr_SetString(KaaExc(ValueError), "list modified during sort");
        r = -1;
    }
    KaaObject **final_items = self->ob_item;
    Kaa_ssize_t i = Kaa_SIZE(self);
    Kaa_SIZE(self) = saved_size;
    self->ob_item = saved_items;
    self->allocated = saved_allocated;
    if (final_items != NULL) {
        while (--i >= 0) {
            Kaa_XDECREF(final_items[i]);
        }
        kaa_obj_free(final_items);
    }
    return r;
}

int KaaList_Sort(KaaObject *list)
{
    if (list == NULL || !KaaList_Check(list)) {
        KaaErr_BadInternalCall("KaaList_Sort");
        return -1;
    }
    return list_sort_impl(LIST(list), NULL, 0);
}

static KaaObject *list_sort(KaaObject *self, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    if (nargs > 0) {
        KaaErr_SetString(KaaExc(TypeError), "sort() takes no positional arguments");
        return NULL;
    }
    KaaObject *keyfunc = NULL;
    int reverse = 0;
    Kaa_ssize_t nkw = kwnames ? KaaTuple_GET_SIZE(kwnames) : 0;
    for (Kaa_ssize_t i = 0; i < nkw; i++) {
        KaaObject *name = KaaTuple_GET_ITEM(kwnames, i);
        KaaObject *value = args[nargs + i];
        if (KaaStr_EqualToASCII(name, "key")) {
            keyfunc = value == Kaa_None ? NULL : value;
        } else if (KaaStr_EqualToASCII(name, "reverse")) {
            Kaa_ssize_t v;
            if (ssize_arg(value, &v) < 0) {
                return NULL;
            }
            reverse = v != 0;
        } else {
            KaaErr_Format(KaaExc(TypeError), "'%U' is an invalid keyword argument for sort()",
                          name);
            return NULL;
        }
    }
    if (list_sort_impl(LIST(self), keyfunc, reverse) < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

// --- list(): __new__ and __init__ ----------------------------------------------------

static KaaObject *list_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                           KaaObject *kwnames)
{
    return list_alloc(type, 0);
}

static int list_init(KaaObject *self, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    if (kaa_container_no_kwargs("list", kwnames) < 0 ||
        kaa_container_check_nargs("list", nargs, 0, 1) < 0) {
        return -1;
    }
    list_clear_items(LIST(self));
    if (nargs == 0) {
        return 0;
    }
    KaaObject *iterable = args[0];
    KaaTypeObject *t = Kaa_TYPE(iterable);
    if ((t->tp_as_sequence && t->tp_as_sequence->sq_length) ||
        (t->tp_as_mapping && t->tp_as_mapping->mp_length)) {
        Kaa_ssize_t n = KaaObject_Length(iterable);
        if (n < 0) {
            if (!KaaErr_ExceptionMatches(KaaExc(TypeError))) {
                return -1;
            }
            KaaErr_Clear();
        }
        if (n > 0 && LIST(self)->ob_item == NULL && list_preallocate_exact(LIST(self), n) < 0) {
            return -1;
        }
    }
    return KaaList_Extend(self, iterable);
}

// --- Iterators --------------------------------------------------------------------

typedef struct ListIterObject {
    KaaObject_HEAD Kaa_ssize_t index;
    KaaObject *seq; // NULL once exhausted
} ListIterObject;

static KaaTypeObject ListIter_Type, ListRevIter_Type;

static KaaObject *listiter_new(KaaTypeObject *type, KaaObject *seq, Kaa_ssize_t index)
{
    if (kaa_container_ready(type) < 0) {
        return NULL;
    }
    ListIterObject *it = (ListIterObject *)KaaType_GenericAlloc(type, 0);
    if (it == NULL) {
        return NULL;
    }
    it->index = index;
    it->seq = Kaa_NewRef(seq);
    KAA_GC_TRACK(it);
    return (KaaObject *)it;
}

static KaaObject *list_iter(KaaObject *seq)
{
    return listiter_new(&ListIter_Type, seq, 0);
}

static KaaObject *list_reversed(KaaObject *self, KaaObject *unused)
{
    return listiter_new(&ListRevIter_Type, self, Kaa_SIZE(self) - 1);
}

static void listiter_dealloc(KaaObject *o)
{
    kaa_gc_untrack_if_tracked(o);
    Kaa_XDECREF(((ListIterObject *)o)->seq);
    kaa_object_free(o);
}

static int listiter_traverse(KaaObject *o, visitproc visit, void *arg)
{
    Kaa_VISIT(((ListIterObject *)o)->seq);
    return 0;
}

static int listiter_clear(KaaObject *o)
{
    Kaa_CLEAR(((ListIterObject *)o)->seq);
    return 0;
}

static KaaObject *listiter_next(KaaObject *o)
{
    ListIterObject *it = (ListIterObject *)o;
    KaaObject *seq = it->seq;
    if (seq == NULL) {
        return NULL;
    }
    if (it->index < Kaa_SIZE(seq)) {
        return Kaa_NewRef(LIST(seq)->ob_item[it->index++]);
    }
    it->seq = NULL;
    Kaa_DECREF(seq);
    return NULL;
}

static KaaObject *listiter_len(KaaObject *o, KaaObject *unused)
{
    ListIterObject *it = (ListIterObject *)o;
    Kaa_ssize_t len = 0;
    if (it->seq) {
        len = Kaa_SIZE(it->seq) - it->index;
        if (len < 0) {
            len = 0;
        }
    }
    return KaaInt_FromSsize_t(len);
}

static KaaObject *listreviter_next(KaaObject *o)
{
    ListIterObject *it = (ListIterObject *)o;
    KaaObject *seq = it->seq;
    if (seq == NULL) {
        return NULL;
    }
    Kaa_ssize_t i = it->index;
    if (i >= 0 && i < Kaa_SIZE(seq)) {
        it->index--;
        return Kaa_NewRef(LIST(seq)->ob_item[i]);
    }
    it->index = -1;
    it->seq = NULL;
    Kaa_DECREF(seq);
    return NULL;
}

static KaaObject *listreviter_len(KaaObject *o, KaaObject *unused)
{
    ListIterObject *it = (ListIterObject *)o;
    Kaa_ssize_t len = it->index + 1;
    if (it->seq == NULL || Kaa_SIZE(it->seq) < len) {
        len = 0;
    }
    return KaaInt_FromSsize_t(len);
}

// --- Type objects ------------------------------------------------------------------

static KaaMethodDef listiter_methods[] = {
    {"__length_hint__", listiter_len, KAA_METH_NOARGS, NULL},
    {NULL},
};

static KaaMethodDef listreviter_methods[] = {
    {"__length_hint__", listreviter_len, KAA_METH_NOARGS, NULL},
    {NULL},
};

static KaaTypeObject ListIter_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(ListIterObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = listiter_dealloc,
    .tp_traverse = listiter_traverse,
    .tp_clear = listiter_clear,
    .tp_iter = kaa_iter_self,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
};

static KaaTypeObject ListRevIter_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(ListIterObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = listiter_dealloc,
    .tp_traverse = listiter_traverse,
    .tp_clear = listiter_clear,
    .tp_iter = kaa_iter_self,
    .tp_iternext = listreviter_next,
    .tp_methods = listreviter_methods,
};

static KaaMethodDef list_methods[] = {
    {"__class_getitem__", kaa_class_getitem_alias, KAA_METH_O | KAA_METH_CLASS, NULL},
    {"__getitem__", list_getitem_method, KAA_METH_O, NULL},
    {"__reversed__", list_reversed, KAA_METH_NOARGS, NULL},
    {"__sizeof__", list_sizeof, KAA_METH_NOARGS, NULL},
    {"clear", list_clear_method, KAA_METH_NOARGS, NULL},
    {"copy", list_copy, KAA_METH_NOARGS, NULL},
    {"append", list_append, KAA_METH_O, NULL},
    {"insert", list_insert, KAA_METH_FASTCALL, NULL},
    {"extend", list_extend, KAA_METH_O, NULL},
    {"pop", list_pop, KAA_METH_FASTCALL, NULL},
    {"remove", list_remove, KAA_METH_O, NULL},
    {"index", list_index, KAA_METH_FASTCALL, NULL},
    {"count", list_count, KAA_METH_O, NULL},
    {"reverse", list_reverse, KAA_METH_NOARGS, NULL},
    {"sort", list_sort, KAA_METH_FASTCALL, NULL},
    {NULL},
};

static KaaSequenceMethods list_as_sequence = {
    .sq_length = list_length,
    .sq_concat = list_concat,
    .sq_repeat = list_repeat,
    .sq_item = list_item,
    .sq_ass_item = list_ass_item,
    .sq_contains = list_contains,
    .sq_inplace_concat = list_inplace_concat,
    .sq_inplace_repeat = list_inplace_repeat,
};

static KaaMappingMethods list_as_mapping = {
    .mp_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
};

KaaTypeObject KaaList_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "list",
    .tp_basicsize = sizeof(KaaListObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_BASETYPE | KAA_TPFLAGS_LIST_SUBCLASS,
    .tp_doc = "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a "
              "new empty list.\nThe argument must be an iterable if specified.",
    .tp_dealloc = list_dealloc,
    .tp_repr = list_repr,
    .tp_richcompare = list_richcompare,
    .tp_traverse = list_traverse,
    .tp_clear = list_clear,
    .tp_iter = list_iter,
    .tp_new = list_new,
    .tp_init = list_init,
    .tp_as_sequence = &list_as_sequence,
    .tp_as_mapping = &list_as_mapping,
    .tp_methods = list_methods,
};

// Ready this file's private types at start-up (interp.c), so their namespaces
// are not built in the middle of a program.
int kaa_list_ready_types(void)
{
    if (KaaType_Ready(&ListIter_Type) < 0) {
        return -1;
    }
    if (KaaType_Ready(&ListRevIter_Type) < 0) {
        return -1;
    }
    return 0;
}
