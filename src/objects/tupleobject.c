/* tuple: an immutable array of references. The empty tuple is a singleton
 * that is never tracked; other tuples are tracked from creation, and the
 * collector untracks those whose items can never be part of a cycle
 * (kaa_tuple_maybe_untrack). The hash is CPython 3.11's xxHash-based one.
 */
#include <stdarg.h>
#include <string.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "util/strbuf.h"
#include "vm/vm.h"

#define TUPLE(o) ((KaaTupleObject *)(o))

static KaaObject *empty_tuple;

static KaaObject *tuple_alloc(KaaTypeObject *type, Kaa_ssize_t n)
{
    if (n >
        (KAA_SSIZE_MAX - (Kaa_ssize_t)sizeof(KaaTupleObject)) / (Kaa_ssize_t)sizeof(KaaObject *)) {
        return KaaErr_NoMemory();
    }
    return KaaType_GenericAlloc(type, n); // items zeroed
}

static KaaObject *get_empty(void)
{
    if (empty_tuple == NULL) {
        empty_tuple = tuple_alloc(&KaaTuple_Type, 0);
        if (empty_tuple == NULL) {
            return NULL;
        }
    }
    return Kaa_NewRef(empty_tuple);
}

KaaObject *KaaTuple_New(Kaa_ssize_t n)
{
    if (n < 0) {
        KaaErr_BadInternalCall("KaaTuple_New");
        return NULL;
    }
    if (n == 0) {
        return get_empty();
    }
    KaaObject *t = tuple_alloc(&KaaTuple_Type, n);
    if (t != NULL) {
        KAA_GC_TRACK(t);
    }
    return t;
}

KaaObject *KaaTuple_FromArray(KaaObject *const *items, Kaa_ssize_t n)
{
    KaaObject *t = KaaTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    for (Kaa_ssize_t i = 0; i < n; i++) {
        TUPLE(t)->ob_item[i] = Kaa_NewRef(items[i]);
    }
    return t;
}

KaaObject *KaaTuple_Pack(Kaa_ssize_t n, ...)
{
    KaaObject *t = KaaTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    va_list ap;
    va_start(ap, n);
    for (Kaa_ssize_t i = 0; i < n; i++) {
        TUPLE(t)->ob_item[i] = Kaa_NewRef(va_arg(ap, KaaObject *));
    }
    va_end(ap);
    return t;
}

KaaObject *KaaTuple_GetSlice(KaaObject *t, Kaa_ssize_t lo, Kaa_ssize_t hi)
{
    Kaa_ssize_t n = Kaa_SIZE(t);
    if (lo < 0) {
        lo = 0;
    }
    if (hi > n) {
        hi = n;
    }
    if (hi < lo) {
        hi = lo;
    }
    if (lo == 0 && hi == n && KaaTuple_CheckExact(t)) {
        return Kaa_NewRef(t);
    }
    return KaaTuple_FromArray(TUPLE(t)->ob_item + lo, hi - lo);
}

// tuple(iterable) for anything but a tuple or list: collect the items in a
// raw buffer sized by the length hint, then make a tuple of the exact size.
static KaaObject *tuple_from_iter(KaaObject *v)
{
    KaaObject *it = KaaObject_GetIter(v);
    if (it == NULL) {
        return NULL;
    }
    KaaObject **buf = NULL;
    Kaa_ssize_t n = kaa_length_hint(v, 10), j = 0;
    if (n < 0) {
        goto error;
    }
    buf = kaa_mem_alloc((size_t)(n ? n : 1) * sizeof(KaaObject *));
    if (buf == NULL) {
        KaaErr_NoMemory();
        goto error;
    }
    for (;;) {
        KaaObject *item = KaaIter_Next(it);
        if (item == NULL) {
            if (KaaErr_Occurred()) {
                goto error;
            }
            break;
        }
        if (j >= n) {
            // CPython's growth for tuple(): +10, then +25%.
            size_t newn = (size_t)n + 10u;
            newn += newn >> 2;
            KaaObject **p = NULL;
            if (newn <= (size_t)KAA_SSIZE_MAX / sizeof(KaaObject *)) {
                p = kaa_mem_realloc(buf, newn * sizeof(KaaObject *));
            }
            if (p == NULL) {
                Kaa_DECREF(item);
                KaaErr_NoMemory();
                goto error;
            }
            buf = p;
            n = (Kaa_ssize_t)newn;
        }
        buf[j++] = item;
    }
    KaaObject *t = KaaTuple_New(j);
    if (t == NULL) {
        goto error;
    }
    memcpy(TUPLE(t)->ob_item, buf, (size_t)j * sizeof(KaaObject *)); // steals
    kaa_mem_free(buf);
    Kaa_DECREF(it);
    return t;
error:
    while (j > 0) {
        Kaa_DECREF(buf[--j]);
    }
    kaa_mem_free(buf);
    Kaa_DECREF(it);
    return NULL;
}

KaaObject *KaaSequence_Tuple(KaaObject *v)
{
    if (KaaTuple_CheckExact(v)) {
        return Kaa_NewRef(v);
    }
    if (KaaList_CheckExact(v)) {
        return KaaList_AsTuple(v);
    }
    return tuple_from_iter(v);
}

void kaa_tuple_fini(void)
{
    Kaa_CLEAR(empty_tuple);
}

// _PyObject_GC_MAY_BE_TRACKED: could o ever be part of a cycle?
static int may_be_tracked(KaaObject *o)
{
    if (!KaaObject_IS_GC(o)) {
        return 0;
    }
    if (KaaTuple_CheckExact(o)) {
        return kaa_gc_is_tracked(o);
    }
    return 1;
}

int kaa_tuple_maybe_untrack(KaaObject *t)
{
    if (!KaaTuple_CheckExact(t) || !kaa_gc_is_tracked(t)) {
        return 0;
    }
    for (Kaa_ssize_t i = 0; i < Kaa_SIZE(t); i++) {
        KaaObject *item = TUPLE(t)->ob_item[i];
        // An item still NULL means the tuple is being built: keep it tracked.
        if (item == NULL || may_be_tracked(item)) {
            return 0;
        }
    }
    KAA_GC_UNTRACK(t);
    return 1;
}

// --- Slots ---------------------------------------------------------------------------

static void tuple_dealloc(KaaObject *o)
{
    kaa_gc_untrack_if_tracked(o);
    int trash = kaa_trashcan_begin(o, tuple_dealloc);
    if (trash < 0) {
        return;
    }
    for (Kaa_ssize_t i = Kaa_SIZE(o); --i >= 0;) {
        Kaa_XDECREF(TUPLE(o)->ob_item[i]);
    }
    kaa_container_free(o);
    kaa_trashcan_end(trash);
}

static int tuple_traverse(KaaObject *o, visitproc visit, void *arg)
{
    for (Kaa_ssize_t i = Kaa_SIZE(o); --i >= 0;) {
        Kaa_VISIT(TUPLE(o)->ob_item[i]);
    }
    return 0;
}

static KaaObject *tuple_repr(KaaObject *o)
{
    Kaa_ssize_t n = Kaa_SIZE(o);
    if (n == 0) {
        return KaaStr_FromString("()");
    }
    int r = kaa_repr_enter(o);
    if (r != 0) {
        return r > 0 ? KaaStr_FromString("(...)") : NULL;
    }
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    kaa_strbuf_addc(&b, '(');
    for (Kaa_ssize_t i = 0; i < n; i++) {
        if (i > 0) {
            kaa_strbuf_add(&b, ", ", 2);
        }
        if (kaa_repr_append(&b, TUPLE(o)->ob_item[i]) < 0) {
            kaa_repr_leave(o);
            kaa_strbuf_free(&b);
            return NULL;
        }
    }
    kaa_strbuf_adds(&b, n == 1 ? ",)" : ")");
    kaa_repr_leave(o);
    if (b.failed) {
        kaa_strbuf_free(&b);
        return KaaErr_NoMemory();
    }
    KaaObject *s = KaaStr_FromStringAndSize(b.data, (Kaa_ssize_t)b.len);
    kaa_strbuf_free(&b);
    return s;
}

// CPython 3.11's tuplehash, an xxHash64 variant over the items' hashes.
#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

// Nested tuples hash recursively in C. CPython crashes on a tuple nested a
// million deep; kaa raises RecursionError far beyond any depth CPython
// survives in practice.
#define HASH_DEPTH_LIMIT 20000
static int hash_depth;

static Kaa_hash_t item_hash(KaaObject *item)
{
    if (!KaaTuple_Check(item)) {
        return KaaObject_Hash(item);
    }
    if (hash_depth >= HASH_DEPTH_LIMIT) {
        KaaErr_SetString(KaaExc(RecursionError),
                         "maximum recursion depth exceeded while hashing a tuple");
        return -1;
    }
    hash_depth++;
    Kaa_hash_t h = KaaObject_Hash(item);
    hash_depth--;
    return h;
}

static Kaa_hash_t tuple_hash(KaaObject *o)
{
    Kaa_ssize_t len = Kaa_SIZE(o);
    uint64_t acc = XXPRIME_5;
    for (Kaa_ssize_t i = 0; i < len; i++) {
        Kaa_hash_t h = item_hash(TUPLE(o)->ob_item[i]);
        if (h == -1) {
            return -1;
        }
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)len ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1) {
        return 1546275796;
    }
    return (Kaa_hash_t)acc;
}

static KaaObject *tuple_richcompare(KaaObject *v, KaaObject *w, int op)
{
    if (!KaaTuple_Check(v) || !KaaTuple_Check(w)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    Kaa_ssize_t vlen = Kaa_SIZE(v), wlen = Kaa_SIZE(w), i;
    for (i = 0; i < vlen && i < wlen; i++) {
        int k = KaaObject_RichCompareBool(TUPLE(v)->ob_item[i], TUPLE(w)->ob_item[i], Kaa_EQ);
        if (k < 0) {
            return NULL;
        }
        if (!k) {
            break;
        }
    }
    if (i >= vlen || i >= wlen) {
        return kaa_compare_sizes(vlen, wlen, op);
    }
    if (op == Kaa_EQ || op == Kaa_NE) {
        return KaaBool_FromLong(op == Kaa_NE);
    }
    return KaaObject_RichCompare(TUPLE(v)->ob_item[i], TUPLE(w)->ob_item[i], op);
}

static Kaa_ssize_t tuple_length(KaaObject *o)
{
    return Kaa_SIZE(o);
}

static KaaObject *tuple_item(KaaObject *o, Kaa_ssize_t i)
{
    if ((size_t)i >= (size_t)Kaa_SIZE(o)) {
        KaaErr_SetString(KaaExc(IndexError), "tuple index out of range");
        return NULL;
    }
    return Kaa_NewRef(TUPLE(o)->ob_item[i]);
}

static KaaObject *tuple_concat(KaaObject *a, KaaObject *b)
{
    if (!KaaTuple_Check(b)) {
        return KaaErr_Format(KaaExc(TypeError),
                             "can only concatenate tuple (not \"%.200s\") to tuple",
                             Kaa_TYPE(b)->tp_name);
    }
    if (Kaa_SIZE(a) == 0 && KaaTuple_CheckExact(b)) {
        return Kaa_NewRef(b);
    }
    if (Kaa_SIZE(b) == 0 && KaaTuple_CheckExact(a)) {
        return Kaa_NewRef(a);
    }
    Kaa_ssize_t na = Kaa_SIZE(a), nb = Kaa_SIZE(b);
    if (na > KAA_SSIZE_MAX - nb) {
        return KaaErr_NoMemory();
    }
    KaaObject *t = KaaTuple_New(na + nb);
    if (t == NULL) {
        return NULL;
    }
    for (Kaa_ssize_t i = 0; i < na; i++) {
        TUPLE(t)->ob_item[i] = Kaa_NewRef(TUPLE(a)->ob_item[i]);
    }
    for (Kaa_ssize_t i = 0; i < nb; i++) {
        TUPLE(t)->ob_item[na + i] = Kaa_NewRef(TUPLE(b)->ob_item[i]);
    }
    return t;
}

static KaaObject *tuple_repeat(KaaObject *a, Kaa_ssize_t n)
{
    Kaa_ssize_t len = Kaa_SIZE(a);
    if (len == 0 || n == 1) {
        if (KaaTuple_CheckExact(a)) {
            return Kaa_NewRef(a); // immutable: share it
        }
    }
    if (len == 0 || n <= 0) {
        return KaaTuple_New(0);
    }
    if (n > KAA_SSIZE_MAX / len) {
        return KaaErr_NoMemory();
    }
    KaaObject *t = KaaTuple_New(len * n);
    if (t == NULL) {
        return NULL;
    }
    KaaObject **dst = TUPLE(t)->ob_item;
    for (Kaa_ssize_t k = 0; k < n; k++) {
        for (Kaa_ssize_t i = 0; i < len; i++) {
            *dst++ = Kaa_NewRef(TUPLE(a)->ob_item[i]);
        }
    }
    return t;
}

static int tuple_contains(KaaObject *o, KaaObject *el)
{
    int cmp = 0;
    for (Kaa_ssize_t i = 0; cmp == 0 && i < Kaa_SIZE(o); i++) {
        cmp = KaaObject_RichCompareBool(TUPLE(o)->ob_item[i], el, Kaa_EQ);
    }
    return cmp;
}

static KaaObject *tuple_subscript(KaaObject *o, KaaObject *item)
{
    KaaNumberMethods *nb = Kaa_TYPE(item)->tp_as_number;
    if (nb && nb->nb_index) {
        Kaa_ssize_t i = KaaNumber_AsSsize_t(item, KaaExc(IndexError));
        if (i == -1 && KaaErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += Kaa_SIZE(o);
        }
        return tuple_item(o, i);
    }
    if (KaaSlice_Check(item)) {
        Kaa_ssize_t start, stop, step;
        if (KaaSlice_Unpack(item, &start, &stop, &step) < 0) {
            return NULL;
        }
        Kaa_ssize_t len = KaaSlice_AdjustIndices(Kaa_SIZE(o), &start, &stop, step);
        if (len <= 0) {
            return KaaTuple_New(0);
        }
        if (start == 0 && step == 1 && len == Kaa_SIZE(o) && KaaTuple_CheckExact(o)) {
            return Kaa_NewRef(o);
        }
        KaaObject *t = KaaTuple_New(len);
        if (t == NULL) {
            return NULL;
        }
        for (Kaa_ssize_t i = 0, cur = start; i < len; i++, cur += step) {
            TUPLE(t)->ob_item[i] = Kaa_NewRef(TUPLE(o)->ob_item[cur]);
        }
        return t;
    }
    return KaaErr_Format(KaaExc(TypeError), "tuple indices must be integers or slices, not %.200s",
                         Kaa_TYPE(item)->tp_name);
}

// --- Methods ---------------------------------------------------------------------------

static KaaObject *tuple_index(KaaObject *self, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    Kaa_ssize_t start, stop;
    if (kaa_container_no_kwargs("tuple.index", kwnames) < 0 ||
        kaa_container_check_nargs("index", nargs, 1, 3) < 0 ||
        kaa_container_index_bounds(args, nargs, Kaa_SIZE(self), &start, &stop) < 0) {
        return NULL;
    }
    if (stop > Kaa_SIZE(self)) {
        stop = Kaa_SIZE(self);
    }
    for (Kaa_ssize_t i = start; i < stop; i++) {
        int cmp = KaaObject_RichCompareBool(TUPLE(self)->ob_item[i], args[0], Kaa_EQ);
        if (cmp > 0) {
            return KaaInt_FromSsize_t(i);
        }
        if (cmp < 0) {
            return NULL;
        }
    }
    KaaErr_SetString(KaaExc(ValueError), "tuple.index(x): x not in tuple");
    return NULL;
}

static KaaObject *tuple_count(KaaObject *self, KaaObject *value)
{
    Kaa_ssize_t count = 0;
    for (Kaa_ssize_t i = 0; i < Kaa_SIZE(self); i++) {
        int cmp = KaaObject_RichCompareBool(TUPLE(self)->ob_item[i], value, Kaa_EQ);
        if (cmp > 0) {
            count++;
        } else if (cmp < 0) {
            return NULL;
        }
    }
    return KaaInt_FromSsize_t(count);
}

static KaaObject *tuple_sizeof(KaaObject *self, KaaObject *unused)
{
    return KaaInt_FromSsize_t(Kaa_TYPE(self)->tp_basicsize +
                              Kaa_SIZE(self) * (Kaa_ssize_t)sizeof(KaaObject *));
}

static KaaObject *tuple_getitem_method(KaaObject *self, KaaObject *item)
{
    return tuple_subscript(self, item);
}

// tuple.__new__(subtype, iterable): a plain tuple's items in a subtype instance.
static KaaObject *tuple_subtype_new(KaaTypeObject *type, KaaObject *iterable)
{
    KaaObject *tmp = iterable ? KaaSequence_Tuple(iterable) : KaaTuple_New(0);
    if (tmp == NULL) {
        return NULL;
    }
    Kaa_ssize_t n = Kaa_SIZE(tmp);
    KaaObject *t = tuple_alloc(type, n);
    if (t != NULL) {
        for (Kaa_ssize_t i = 0; i < n; i++) {
            TUPLE(t)->ob_item[i] = Kaa_NewRef(TUPLE(tmp)->ob_item[i]);
        }
        KAA_GC_TRACK(t);
    }
    Kaa_DECREF(tmp);
    return t;
}

static KaaObject *tuple_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    if ((type == &KaaTuple_Type || type->tp_init == KaaTuple_Type.tp_init) &&
        kaa_container_no_kwargs("tuple", kwnames) < 0) {
        return NULL;
    }
    if (kaa_container_check_nargs("tuple", nargs, 0, 1) < 0) {
        return NULL;
    }
    if (type != &KaaTuple_Type) {
        return tuple_subtype_new(type, nargs ? args[0] : NULL);
    }
    return nargs ? KaaSequence_Tuple(args[0]) : KaaTuple_New(0);
}

// --- Iterator ----------------------------------------------------------------------------

typedef struct TupleIterObject {
    KaaObject_HEAD Kaa_ssize_t index;
    KaaObject *seq; // NULL once exhausted
} TupleIterObject;

static KaaTypeObject TupleIter_Type;

static KaaObject *tuple_iter(KaaObject *seq)
{
    if (kaa_container_ready(&TupleIter_Type) < 0) {
        return NULL;
    }
    TupleIterObject *it = (TupleIterObject *)KaaType_GenericAlloc(&TupleIter_Type, 0);
    if (it == NULL) {
        return NULL;
    }
    it->seq = Kaa_NewRef(seq);
    KAA_GC_TRACK(it);
    return (KaaObject *)it;
}

static void tupleiter_dealloc(KaaObject *o)
{
    kaa_gc_untrack_if_tracked(o);
    Kaa_XDECREF(((TupleIterObject *)o)->seq);
    kaa_object_free(o);
}

static int tupleiter_traverse(KaaObject *o, visitproc visit, void *arg)
{
    Kaa_VISIT(((TupleIterObject *)o)->seq);
    return 0;
}

static int tupleiter_clear(KaaObject *o)
{
    Kaa_CLEAR(((TupleIterObject *)o)->seq);
    return 0;
}

static KaaObject *tupleiter_next(KaaObject *o)
{
    TupleIterObject *it = (TupleIterObject *)o;
    KaaObject *seq = it->seq;
    if (seq == NULL) {
        return NULL;
    }
    if (it->index < Kaa_SIZE(seq)) {
        return Kaa_NewRef(TUPLE(seq)->ob_item[it->index++]);
    }
    it->seq = NULL;
    Kaa_DECREF(seq);
    return NULL;
}

static KaaObject *tupleiter_len(KaaObject *o, KaaObject *unused)
{
    TupleIterObject *it = (TupleIterObject *)o;
    return KaaInt_FromSsize_t(it->seq ? Kaa_SIZE(it->seq) - it->index : 0);
}

// --- Type objects ------------------------------------------------------------------------

static KaaMethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_len, KAA_METH_NOARGS, NULL},
    {NULL},
};

static KaaTypeObject TupleIter_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(TupleIterObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = tupleiter_dealloc,
    .tp_traverse = tupleiter_traverse,
    .tp_clear = tupleiter_clear,
    .tp_iter = kaa_iter_self,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
};

static KaaMethodDef tuple_methods[] = {
    {"__class_getitem__", kaa_class_getitem_alias, KAA_METH_O | KAA_METH_CLASS, NULL},
    {"__getitem__", tuple_getitem_method, KAA_METH_O, NULL},
    {"__sizeof__", tuple_sizeof, KAA_METH_NOARGS, NULL},
    {"index", tuple_index, KAA_METH_FASTCALL, NULL},
    {"count", tuple_count, KAA_METH_O, NULL},
    {NULL},
};

static KaaSequenceMethods tuple_as_sequence = {
    .sq_length = tuple_length,
    .sq_concat = tuple_concat,
    .sq_repeat = tuple_repeat,
    .sq_item = tuple_item,
    .sq_contains = tuple_contains,
};

static KaaMappingMethods tuple_as_mapping = {
    .mp_length = tuple_length,
    .mp_subscript = tuple_subscript,
};

// No tp_clear, as in CPython: a tuple cannot be changed, so a cycle through
// tuples is always broken by clearing one of the mutable objects in it.
KaaTypeObject KaaTuple_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "tuple",
    .tp_basicsize = sizeof(KaaTupleObject),
    .tp_itemsize = sizeof(KaaObject *),
    .tp_flags = KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_BASETYPE | KAA_TPFLAGS_TUPLE_SUBCLASS,
    .tp_doc = "Built-in immutable sequence.\n\nIf no argument is given, the constructor returns "
              "an empty tuple.\nIf iterable is specified the tuple is initialized from "
              "iterable's items.\n\nIf the argument is a tuple, the return value is the same "
              "object.",
    .tp_dealloc = tuple_dealloc,
    .tp_repr = tuple_repr,
    .tp_hash = tuple_hash,
    .tp_richcompare = tuple_richcompare,
    .tp_traverse = tuple_traverse,
    .tp_iter = tuple_iter,
    .tp_new = tuple_new,
    .tp_as_sequence = &tuple_as_sequence,
    .tp_as_mapping = &tuple_as_mapping,
    .tp_methods = tuple_methods,
};

// Ready this file's private types at start-up (interp.c), so their namespaces
// are not built in the middle of a program.
int kaa_tuple_ready_types(void)
{
    if (KaaType_Ready(&TupleIter_Type) < 0) {
        return -1;
    }
    return 0;
}
