/* The lazy iterator builtins: enumerate, zip, map, filter and reversed.
 * Each is a type whose constructor takes the iterables and whose instances
 * are GC-tracked iterators holding the underlying iterators (CPython's
 * Objects/enumobject.c and Python/bltinmodule.c). Error texts are 3.11's.
 */
#include "gc/gc.h"
#include "mem/mem.h"
#include "vm/vm.h"

extern KaaTypeObject KaaEnum_Type, KaaZip_Type, KaaMap_Type, KaaFilter_Type, KaaReversed_Type;

// Shared dealloc/traverse/clear for the iterators below: each stores only
// KaaObject* fields after its header, listed by offset in a per-type table.
typedef struct RefFields {
    int n;
    size_t offsets[3];
} RefFields;

#define FIELD(o, off) (*(KaaObject **)((char *)(o) + (off)))

static int no_keywords(const char *name, KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        KaaErr_Format(KaaExc(TypeError), "%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

// --- enumerate ---------------------------------------------------------------------

typedef struct EnumObject {
    KaaObject_HEAD KaaObject *it;
    KaaObject *longindex; // the next index once it no longer fits index
    KaaObject *result;    // the (index, item) tuple, reused while nobody else holds it
    Kaa_ssize_t index;
} EnumObject;

// The result tuple of enumerate and zip, as CPython's: reused in place when
// the caller dropped the previous one (refcount 1), so a loop over
// enumerate() allocates no tuples; a new one otherwise. Steals items[0..n).
// The collector may have untracked a reused tuple (only atomic items): track
// it again, as it may now hold containers.
static KaaObject *reuse_result(KaaObject **cache, KaaObject **items, Kaa_ssize_t n)
{
    KaaObject *res = *cache;
    if (res && Kaa_REFCNT(res) == 1) {
        Kaa_INCREF(res);
        for (Kaa_ssize_t i = 0; i < n; i++) {
            KaaObject *old = KaaTuple_GET_ITEM(res, i);
            KaaTuple_SET_ITEM(res, i, items[i]);
            Kaa_DECREF(old);
        }
        if (!kaa_gc_is_tracked(res)) {
            KAA_GC_TRACK(res);
        }
        return res;
    }
    res = KaaTuple_New(n);
    if (res == NULL) {
        for (Kaa_ssize_t i = 0; i < n; i++) {
            Kaa_DECREF(items[i]);
        }
        return NULL;
    }
    for (Kaa_ssize_t i = 0; i < n; i++) {
        KaaTuple_SET_ITEM(res, i, items[i]);
    }
    return res;
}

// A tuple of n Nones: the first result tuple of enumerate or zip.
static KaaObject *none_tuple(Kaa_ssize_t n)
{
    KaaObject *t = KaaTuple_New(n);
    for (Kaa_ssize_t i = 0; t && i < n; i++) {
        KaaTuple_SET_ITEM(t, i, kaa_none_ref());
    }
    return t;
}

static KaaObject *enum_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                           KaaObject *kwnames)
{
    KaaObject *iterable = nargs > 0 ? args[0] : NULL;
    KaaObject *start = nargs > 1 ? args[1] : NULL;
    Kaa_ssize_t nkw = kwnames ? KaaTuple_GET_SIZE(kwnames) : 0;
    if (nargs + (size_t)nkw > 2) {
        return KaaErr_Format(KaaExc(TypeError), "enumerate() takes at most 2 arguments (%zu given)",
                             nargs + (size_t)nkw);
    }
    for (Kaa_ssize_t k = 0; k < nkw; k++) {
        KaaObject *name = KaaTuple_GET_ITEM(kwnames, k);
        KaaObject **slot = KaaStr_EqualToASCII(name, "iterable") ? &iterable
                           : KaaStr_EqualToASCII(name, "start")  ? &start
                                                                 : NULL;
        if (slot == NULL) {
            return KaaErr_Format(KaaExc(TypeError),
                                 "'%U' is an invalid keyword argument for enumerate()", name);
        }
        if (*slot) {
            return KaaErr_Format(KaaExc(TypeError),
                                 "argument for enumerate() given by name ('%U') and position (%d)",
                                 name, slot == &iterable ? 1 : 2);
        }
        *slot = args[nargs + (size_t)k];
    }
    if (iterable == NULL) {
        return KaaErr_Format(KaaExc(TypeError), "enumerate() missing required argument 'iterable'");
    }
    KaaObject *longindex = NULL;
    Kaa_ssize_t index = 0;
    if (start) {
        longindex = KaaNumber_Index(start);
        if (longindex == NULL) {
            return NULL;
        }
        index = KaaInt_AsSsize_t(longindex);
        if (index == -1 && KaaErr_Occurred()) {
            KaaErr_Clear(); // too big: count with int objects
        } else {
            Kaa_CLEAR(longindex);
        }
    }
    KaaObject *it = KaaObject_GetIter(iterable);
    if (it == NULL) {
        Kaa_XDECREF(longindex);
        return NULL;
    }
    EnumObject *en = (EnumObject *)KaaType_GenericAlloc(type, 0);
    if (en == NULL) {
        Kaa_DECREF(it);
        Kaa_XDECREF(longindex);
        return NULL;
    }
    en->it = it;
    en->index = index;
    en->longindex = longindex;
    en->result = none_tuple(2);
    if (en->result == NULL) {
        Kaa_DECREF(en);
        return NULL;
    }
    KAA_GC_TRACK(en);
    return (KaaObject *)en;
}

static KaaObject *enum_next(KaaObject *o)
{
    EnumObject *en = (EnumObject *)o;
    KaaObject *item = Kaa_TYPE(en->it)->tp_iternext(en->it);
    if (item == NULL) {
        return NULL;
    }
    KaaObject *idx;
    if (en->longindex == NULL && en->index < KAA_SSIZE_MAX) {
        idx = KaaInt_FromSsize_t(en->index++);
    } else {
        if (en->longindex == NULL) {
            en->longindex = KaaInt_FromSsize_t(en->index);
            if (en->longindex == NULL) {
                Kaa_DECREF(item);
                return NULL;
            }
        }
        KaaObject *one = KaaInt_FromInt64(1);
        KaaObject *next = KaaNumber_Add(en->longindex, one);
        Kaa_DECREF(one);
        if (next == NULL) {
            Kaa_DECREF(item);
            return NULL;
        }
        idx = en->longindex;
        en->longindex = next;
    }
    if (idx == NULL) {
        Kaa_DECREF(item);
        return NULL;
    }
    KaaObject *pair[2] = {idx, item};
    return reuse_result(&en->result, pair, 2);
}

// --- zip --------------------------------------------------------------------------------

typedef struct ZipObject {
    KaaObject_HEAD KaaObject *ittuple; // tuple of iterators
    KaaObject *result;                 // reused result tuple (see reuse_result)
    Kaa_ssize_t tuplesize;
    int strict;
} ZipObject;

// Iterators for each of args[0..n) in a new tuple; NULL on error.
static KaaObject *iter_tuple(KaaObject *const *args, size_t n)
{
    KaaObject *t = KaaTuple_New((Kaa_ssize_t)n);
    if (t == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        KaaObject *it = KaaObject_GetIter(args[i]);
        if (it == NULL) {
            Kaa_DECREF(t);
            return NULL;
        }
        KaaTuple_SET_ITEM(t, (Kaa_ssize_t)i, it);
    }
    return t;
}

static KaaObject *zip_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                          KaaObject *kwnames)
{
    int strict = 0;
    Kaa_ssize_t nkw = kwnames ? KaaTuple_GET_SIZE(kwnames) : 0;
    for (Kaa_ssize_t k = 0; k < nkw; k++) {
        KaaObject *name = KaaTuple_GET_ITEM(kwnames, k);
        if (!KaaStr_EqualToASCII(name, "strict")) {
            return KaaErr_Format(KaaExc(TypeError), "'%U' is an invalid keyword argument for zip()",
                                 name);
        }
        strict = KaaObject_IsTrue(args[nargs + (size_t)k]);
        if (strict < 0) {
            return NULL;
        }
    }
    KaaObject *ittuple = iter_tuple(args, nargs);
    if (ittuple == NULL) {
        return NULL;
    }
    ZipObject *z = (ZipObject *)KaaType_GenericAlloc(type, 0);
    if (z == NULL) {
        Kaa_DECREF(ittuple);
        return NULL;
    }
    z->ittuple = ittuple;
    z->tuplesize = (Kaa_ssize_t)nargs;
    z->strict = strict;
    z->result = none_tuple(z->tuplesize);
    if (z->result == NULL) {
        Kaa_DECREF(z);
        return NULL;
    }
    KAA_GC_TRACK(z);
    return (KaaObject *)z;
}

// Call an iterator's tp_iternext; NULL at the end (StopIteration cleared) or
// on error (exception left set).
static KaaObject *iter_next(KaaObject *it)
{
    KaaObject *item = Kaa_TYPE(it)->tp_iternext(it);
    if (item == NULL && KaaErr_Occurred() && KaaErr_ExceptionMatches(KaaExc(StopIteration))) {
        KaaErr_Clear();
    }
    return item;
}

// zip(strict=True) found iterator i exhausted: all others must be too.
static KaaObject *zip_strict_check(ZipObject *z, Kaa_ssize_t i)
{
    const char *plural = i == 1 ? " " : "s 1-";
    if (i > 0) {
        return KaaErr_Format(KaaExc(ValueError), "zip() argument %zd is shorter than argument%s%zd",
                             i + 1, plural, i);
    }
    for (i = 1; i < z->tuplesize; i++) {
        KaaObject *item = iter_next(KaaTuple_GET_ITEM(z->ittuple, i));
        if (item) {
            Kaa_DECREF(item);
            plural = i == 1 ? " " : "s 1-";
            return KaaErr_Format(KaaExc(ValueError),
                                 "zip() argument %zd is longer than argument%s%zd", i + 1, plural,
                                 i);
        }
        if (KaaErr_Occurred()) {
            return NULL;
        }
    }
    return NULL;
}

static KaaObject *zip_next(KaaObject *o)
{
    ZipObject *z = (ZipObject *)o;
    if (z->tuplesize == 0) {
        return NULL;
    }
    KaaObject *small[8];
    KaaObject **items = small;
    if (z->tuplesize > 8) {
        items = kaa_mem_alloc((size_t)z->tuplesize * sizeof(KaaObject *));
        if (items == NULL) {
            return KaaErr_NoMemory();
        }
    }
    KaaObject *res = NULL;
    Kaa_ssize_t i = 0;
    for (; i < z->tuplesize; i++) {
        items[i] = iter_next(KaaTuple_GET_ITEM(z->ittuple, i));
        if (items[i] == NULL) {
            break;
        }
    }
    if (i == z->tuplesize) {
        res = reuse_result(&z->result, items, i);
    } else {
        for (Kaa_ssize_t j = 0; j < i; j++) {
            Kaa_DECREF(items[j]);
        }
        if (z->strict && !KaaErr_Occurred()) {
            zip_strict_check(z, i);
        }
    }
    if (items != small) {
        kaa_mem_free(items);
    }
    return res;
}

// --- map ---------------------------------------------------------------------------------

typedef struct MapObject {
    KaaObject_HEAD KaaObject *iters; // tuple of iterators
    KaaObject *func;
} MapObject;

static KaaObject *map_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                          KaaObject *kwnames)
{
    if (no_keywords("map", kwnames) < 0) {
        return NULL;
    }
    if (nargs < 2) {
        return KaaErr_Format(KaaExc(TypeError), "map() must have at least two arguments.");
    }
    KaaObject *iters = iter_tuple(args + 1, nargs - 1);
    if (iters == NULL) {
        return NULL;
    }
    MapObject *m = (MapObject *)KaaType_GenericAlloc(type, 0);
    if (m == NULL) {
        Kaa_DECREF(iters);
        return NULL;
    }
    m->iters = iters;
    m->func = Kaa_NewRef(args[0]);
    KAA_GC_TRACK(m);
    return (KaaObject *)m;
}

static KaaObject *map_next(KaaObject *o)
{
    MapObject *m = (MapObject *)o;
    KaaObject *small[8];
    Kaa_ssize_t n = KaaTuple_GET_SIZE(m->iters);
    KaaObject **stack = small;
    if (n > 8) {
        stack = kaa_mem_alloc((size_t)n * sizeof(KaaObject *));
        if (stack == NULL) {
            return KaaErr_NoMemory();
        }
    }
    KaaObject *res = NULL;
    Kaa_ssize_t got = 0;
    for (; got < n; got++) {
        stack[got] = Kaa_TYPE(KaaTuple_GET_ITEM(m->iters, got))
                         ->tp_iternext(KaaTuple_GET_ITEM(m->iters, got));
        if (stack[got] == NULL) {
            goto done;
        }
    }
    res = KaaObject_Vectorcall(m->func, stack, (size_t)n, NULL);
done:
    for (Kaa_ssize_t i = 0; i < got; i++) {
        Kaa_DECREF(stack[i]);
    }
    if (stack != small) {
        kaa_mem_free(stack);
    }
    return res;
}

// --- filter ------------------------------------------------------------------------------

typedef struct FilterObject {
    KaaObject_HEAD KaaObject *func;
    KaaObject *it;
} FilterObject;

static KaaObject *filter_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                             KaaObject *kwnames)
{
    if (no_keywords("filter", kwnames) < 0) {
        return NULL;
    }
    if (nargs != 2) {
        return KaaErr_Format(KaaExc(TypeError), "filter expected 2 arguments, got %zu", nargs);
    }
    KaaObject *it = KaaObject_GetIter(args[1]);
    if (it == NULL) {
        return NULL;
    }
    FilterObject *f = (FilterObject *)KaaType_GenericAlloc(type, 0);
    if (f == NULL) {
        Kaa_DECREF(it);
        return NULL;
    }
    f->func = Kaa_NewRef(args[0]);
    f->it = it;
    KAA_GC_TRACK(f);
    return (KaaObject *)f;
}

static KaaObject *filter_next(KaaObject *o)
{
    FilterObject *f = (FilterObject *)o;
    int plain = f->func == Kaa_None || f->func == (KaaObject *)&KaaBool_Type;
    for (;;) {
        KaaObject *item = Kaa_TYPE(f->it)->tp_iternext(f->it);
        if (item == NULL) {
            return NULL;
        }
        int ok;
        if (plain) {
            ok = KaaObject_IsTrue(item);
        } else {
            KaaObject *good = KaaObject_CallOneArg(f->func, item);
            if (good == NULL) {
                Kaa_DECREF(item);
                return NULL;
            }
            ok = KaaObject_IsTrue(good);
            Kaa_DECREF(good);
        }
        if (ok > 0) {
            return item;
        }
        Kaa_DECREF(item);
        if (ok < 0) {
            return NULL;
        }
    }
}

// --- reversed ----------------------------------------------------------------------------

typedef struct ReversedObject {
    KaaObject_HEAD KaaObject *seq; // NULL once exhausted
    Kaa_ssize_t index;
} ReversedObject;

// PySequence_Check: a non-dict with item access by index. Classes defined in
// Python fill only mp_subscript for __getitem__, so look for that name too.
static int is_sequence(KaaObject *o)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    if (KaaDict_Check(o)) {
        return 0;
    }
    if (t->tp_as_sequence && t->tp_as_sequence->sq_item) {
        return 1;
    }
    return (t->tp_flags & KAA_TPFLAGS_HEAPTYPE) && kaa_type_lookup(t, kaa_id.__getitem__);
}

static KaaObject *reversed_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    if (no_keywords("reversed", kwnames) < 0) {
        return NULL;
    }
    if (nargs != 1) {
        return KaaErr_Format(KaaExc(TypeError), "reversed expected 1 argument, got %zu", nargs);
    }
    KaaObject *seq = args[0];
    KaaObject *meth = kaa_type_lookup(Kaa_TYPE(seq), KaaStr_InternFromString("__reversed__"));
    if (meth == Kaa_None) {
        return KaaErr_Format(KaaExc(TypeError), "'%s' object is not reversible",
                             Kaa_TYPE(seq)->tp_name);
    }
    if (meth) {
        descrgetfunc get = Kaa_TYPE(meth)->tp_descr_get;
        KaaObject *bound = get ? get(meth, seq, (KaaObject *)Kaa_TYPE(seq)) : Kaa_NewRef(meth);
        if (bound == NULL) {
            return NULL;
        }
        KaaObject *res = KaaObject_CallNoArgs(bound);
        Kaa_DECREF(bound);
        return res;
    }
    if (!is_sequence(seq)) {
        return KaaErr_Format(KaaExc(TypeError), "'%s' object is not reversible",
                             Kaa_TYPE(seq)->tp_name);
    }
    Kaa_ssize_t n = KaaObject_Length(seq);
    if (n < 0) {
        return NULL;
    }
    ReversedObject *r = (ReversedObject *)KaaType_GenericAlloc(type, 0);
    if (r == NULL) {
        return NULL;
    }
    r->index = n - 1;
    r->seq = Kaa_NewRef(seq);
    KAA_GC_TRACK(r);
    return (KaaObject *)r;
}

static KaaObject *reversed_next(KaaObject *o)
{
    ReversedObject *r = (ReversedObject *)o;
    if (r->seq == NULL) {
        return NULL;
    }
    if (r->index >= 0) {
        KaaObject *item;
        KaaSequenceMethods *sq = Kaa_TYPE(r->seq)->tp_as_sequence;
        if (sq && sq->sq_item) {
            item = sq->sq_item(r->seq, r->index);
        } else {
            KaaObject *key = KaaInt_FromSsize_t(r->index);
            item = key ? KaaObject_GetItem(r->seq, key) : NULL;
            Kaa_XDECREF(key);
        }
        if (item) {
            r->index--;
            return item;
        }
        if (!KaaErr_ExceptionMatches(KaaExc(IndexError)) &&
            !KaaErr_ExceptionMatches(KaaExc(StopIteration))) {
            return NULL;
        }
        KaaErr_Clear();
    }
    r->index = -1;
    Kaa_CLEAR(r->seq);
    return NULL;
}

static KaaObject *reversed_len(KaaObject *o, KaaObject *unused)
{
    ReversedObject *r = (ReversedObject *)o;
    if (r->seq == NULL) {
        return KaaInt_FromSsize_t(0);
    }
    Kaa_ssize_t n = KaaObject_Length(r->seq);
    if (n < 0) {
        return NULL;
    }
    return KaaInt_FromSsize_t(n < r->index + 1 ? 0 : r->index + 1);
}

// --- Shared slots and the types ---------------------------------------------------------

static const RefFields *fields_of(KaaTypeObject *t);

static void iter_dealloc(KaaObject *o)
{
    const RefFields *f = fields_of(Kaa_TYPE(o));
    kaa_gc_untrack_if_tracked(o);
    for (int i = 0; i < f->n; i++) {
        Kaa_XDECREF(FIELD(o, f->offsets[i]));
    }
    kaa_container_free(o);
}

static int iter_traverse(KaaObject *o, visitproc visit, void *arg)
{
    const RefFields *f = fields_of(Kaa_TYPE(o));
    for (int i = 0; i < f->n; i++) {
        Kaa_VISIT(FIELD(o, f->offsets[i]));
    }
    return 0;
}

static int iter_clear(KaaObject *o)
{
    const RefFields *f = fields_of(Kaa_TYPE(o));
    for (int i = 0; i < f->n; i++) {
        Kaa_CLEAR(FIELD(o, f->offsets[i]));
    }
    return 0;
}

static const RefFields enum_fields = {
    3, {offsetof(EnumObject, it), offsetof(EnumObject, longindex), offsetof(EnumObject, result)}};
static const RefFields zip_fields = {2,
                                     {offsetof(ZipObject, ittuple), offsetof(ZipObject, result)}};
static const RefFields map_fields = {2, {offsetof(MapObject, iters), offsetof(MapObject, func)}};
static const RefFields filter_fields = {2,
                                        {offsetof(FilterObject, func), offsetof(FilterObject, it)}};
static const RefFields reversed_fields = {1, {offsetof(ReversedObject, seq)}};

// The builtin type an instance's (possibly subclassed) type derives from.
static const RefFields *fields_of(KaaTypeObject *t)
{
    while (t->tp_flags & KAA_TPFLAGS_HEAPTYPE) {
        t = t->tp_base;
    }
    if (t == &KaaEnum_Type) {
        return &enum_fields;
    }
    if (t == &KaaZip_Type) {
        return &zip_fields;
    }
    if (t == &KaaMap_Type) {
        return &map_fields;
    }
    if (t == &KaaFilter_Type) {
        return &filter_fields;
    }
    return &reversed_fields;
}

static KaaMethodDef reversed_methods[] = {
    {"__length_hint__", reversed_len, KAA_METH_NOARGS, NULL},
    {NULL},
};

static KaaMethodDef enum_methods[] = {
    {"__class_getitem__", kaa_class_getitem_alias, KAA_METH_O | KAA_METH_CLASS, NULL},
    {NULL},
};

#define ITER_TYPE(cname, pyname, st, newf, nextf, doc, methods)                                    \
    KaaTypeObject cname = {                                                                        \
        .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),                                       \
        .tp_name = pyname,                                                                         \
        .tp_basicsize = sizeof(st),                                                                \
        .tp_flags = KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_BASETYPE,                                    \
        .tp_doc = doc,                                                                             \
        .tp_dealloc = iter_dealloc,                                                                \
        .tp_traverse = iter_traverse,                                                              \
        .tp_clear = iter_clear,                                                                    \
        .tp_getattro = KaaObject_GenericGetAttr,                                                   \
        .tp_iter = kaa_iter_self,                                                                  \
        .tp_iternext = nextf,                                                                      \
        .tp_new = newf,                                                                            \
        .tp_methods = methods,                                                                     \
    }

ITER_TYPE(KaaEnum_Type, "enumerate", EnumObject, enum_new, enum_next,
          "Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\n"
          "The enumerate object yields pairs containing a count (from start, which\ndefaults "
          "to zero) and a value yielded by the iterable argument.\n\nenumerate is useful for "
          "obtaining an indexed list:\n    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...",
          enum_methods);
ITER_TYPE(KaaZip_Type, "zip", ZipObject, zip_new, zip_next,
          "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.", NULL);
ITER_TYPE(KaaMap_Type, "map", MapObject, map_new, map_next,
          "map(func, *iterables) --> map object\n\nMake an iterator that computes the function "
          "using arguments from\neach of the iterables.  Stops when the shortest iterable is "
          "exhausted.",
          NULL);
ITER_TYPE(KaaFilter_Type, "filter", FilterObject, filter_new, filter_next,
          "filter(function or None, iterable) --> filter object\n\nReturn an iterator yielding "
          "those items of iterable for which function(item)\nis true. If function is None, "
          "return the items that are true.",
          NULL);

KaaTypeObject KaaReversed_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "reversed",
    .tp_basicsize = sizeof(ReversedObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_BASETYPE,
    .tp_doc = "Return a reverse iterator over the values of the given sequence.",
    .tp_dealloc = iter_dealloc,
    .tp_traverse = iter_traverse,
    .tp_clear = iter_clear,
    .tp_getattro = KaaObject_GenericGetAttr,
    .tp_iter = kaa_iter_self,
    .tp_iternext = reversed_next,
    .tp_new = reversed_new,
    .tp_methods = reversed_methods,
};
