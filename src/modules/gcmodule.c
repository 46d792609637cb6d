/* The gc module: CPython 3.11's API, signatures and error messages over the
 * collector in src/gc (which knows nothing of this module).
 */
#include <limits.h>

#include "gc/gc.h"
#include "vm/vm.h"

int kaa_unpack_args(const char *fname, KaaObject *const *args, size_t nargs, KaaObject *kwnames,
                    const char *const *kwlist, int nrequired, KaaObject **out);

// A C int from an index-like object, with the OverflowError texts of
// CPython's argument parsing ("i" format when `clinic` is 0).
static int as_c_int(KaaObject *o, int *out, int clinic)
{
    KaaObject *i = KaaNumber_Index(o);
    if (i == NULL) {
        return -1;
    }
    int64_t v = KaaInt_AsInt64(i);
    int overflow = (v == -1 && KaaErr_Occurred()) || v > INT_MAX || v < INT_MIN;
    int negative = KaaInt_Sign(i) < 0;
    Kaa_DECREF(i);
    if (overflow) {
        KaaErr_Clear();
        if (clinic) {
            KaaErr_SetString(KaaExc(OverflowError), "Python int too large to convert to C int");
        } else if (negative) {
            KaaErr_SetString(KaaExc(OverflowError), "signed integer is less than minimum");
        } else {
            KaaErr_SetString(KaaExc(OverflowError), "signed integer is greater than maximum");
        }
        return -1;
    }
    *out = (int)v;
    return 0;
}

// Argument Clinic checks the total count (positional and keyword) first,
// saying "keyword argument" when all were given by keyword.
static int check_total(const char *fname, size_t nargs, KaaObject *kwnames, size_t max)
{
    size_t total = nargs + (kwnames ? (size_t)KaaTuple_GET_SIZE(kwnames) : 0);
    if (total > max) {
        KaaErr_Format(KaaExc(TypeError), "%s() takes at most %zu %sargument%s (%zu given)", fname,
                      max, nargs == 0 ? "keyword " : "", max == 1 ? "" : "s", total);
        return -1;
    }
    return 0;
}

static KaaObject *gc_enable(KaaObject *m, KaaObject *unused)
{
    kaa_gc_set_enabled(1);
    Kaa_RETURN_NONE;
}

static KaaObject *gc_disable(KaaObject *m, KaaObject *unused)
{
    kaa_gc_set_enabled(0);
    Kaa_RETURN_NONE;
}

static KaaObject *gc_isenabled(KaaObject *m, KaaObject *unused)
{
    return KaaBool_FromLong(kaa_gc_isenabled());
}

static KaaObject *gc_collect(KaaObject *m, KaaObject *const *args, size_t nargs,
                             KaaObject *kwnames)
{
    static const char *const kwlist[] = {"generation", NULL};
    KaaObject *a[1];
    if (check_total("collect", nargs, kwnames, 1) < 0 ||
        kaa_unpack_args("collect", args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    int generation = 2;
    if (a[0] && as_c_int(a[0], &generation, 1) < 0) {
        return NULL;
    }
    if (generation < 0 || generation >= KAA_NUM_GENERATIONS) {
        return KaaErr_Format(KaaExc(ValueError), "invalid generation");
    }
    Kaa_ssize_t n = kaa_gc_collect(generation);
    return n < 0 ? NULL : KaaInt_FromSsize_t(n);
}

static KaaObject *int_triple(int a, int b, int c)
{
    KaaObject *x = KaaInt_FromInt64(a), *y = KaaInt_FromInt64(b), *z = KaaInt_FromInt64(c);
    KaaObject *t = x && y && z ? KaaTuple_Pack(3, x, y, z) : NULL;
    Kaa_XDECREF(x);
    Kaa_XDECREF(y);
    Kaa_XDECREF(z);
    return t;
}

static KaaObject *gc_get_count(KaaObject *m, KaaObject *unused)
{
    return int_triple(kaa_gc_get_count(0), kaa_gc_get_count(1), kaa_gc_get_count(2));
}

static KaaObject *gc_get_threshold(KaaObject *m, KaaObject *unused)
{
    return int_triple(*kaa_gc_threshold_slot(0), *kaa_gc_threshold_slot(1),
                      *kaa_gc_threshold_slot(2));
}

// set_threshold(t0[, t1[, t2]]): each value is stored as soon as it is
// parsed, so a bad second argument leaves the first one set (as CPython).
static KaaObject *gc_set_threshold(KaaObject *m, KaaObject *const *args, size_t nargs,
                                   KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        return KaaErr_Format(KaaExc(TypeError), "set_threshold() takes no keyword arguments");
    }
    if (nargs < 1) {
        return KaaErr_Format(KaaExc(TypeError),
                             "set_threshold() takes at least 1 argument (0 given)");
    }
    if (nargs > 3) {
        return KaaErr_Format(KaaExc(TypeError),
                             "set_threshold() takes at most 3 arguments (%zu given)", nargs);
    }
    for (size_t i = 0; i < nargs; i++) {
        if (as_c_int(args[i], kaa_gc_threshold_slot((int)i), 0) < 0) {
            return NULL;
        }
    }
    Kaa_RETURN_NONE;
}

static KaaObject *gc_get_debug(KaaObject *m, KaaObject *unused)
{
    return KaaInt_FromInt64(kaa_gc_get_debug());
}

static KaaObject *gc_set_debug(KaaObject *m, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        return KaaErr_Format(KaaExc(TypeError), "gc.set_debug() takes no keyword arguments");
    }
    if (nargs != 1) {
        return KaaErr_Format(KaaExc(TypeError),
                             "gc.set_debug() takes exactly one argument (%zu given)", nargs);
    }
    int flags;
    if (as_c_int(args[0], &flags, 1) < 0) {
        return NULL;
    }
    kaa_gc_set_debug(flags);
    Kaa_RETURN_NONE;
}

static KaaObject *gc_get_objects(KaaObject *m, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames)
{
    static const char *const kwlist[] = {"generation", NULL};
    KaaObject *a[1];
    if (check_total("get_objects", nargs, kwnames, 1) < 0 ||
        kaa_unpack_args("get_objects", args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    Kaa_ssize_t generation = -1;
    if (a[0] && a[0] != Kaa_None) {
        // A Py_ssize_t, as CPython's _Py_convert_optional_to_ssize_t.
        KaaNumberMethods *nb = Kaa_TYPE(a[0])->tp_as_number;
        if (!KaaInt_Check(a[0]) && !(nb && nb->nb_index)) {
            return KaaErr_Format(KaaExc(TypeError), "argument should be integer or None, not '%s'",
                                 Kaa_TYPE(a[0])->tp_name);
        }
        generation = KaaNumber_AsSsize_t(a[0], KaaExc(OverflowError));
        if (generation == -1 && KaaErr_Occurred()) {
            return NULL;
        }
        if (generation >= KAA_NUM_GENERATIONS) {
            return KaaErr_Format(KaaExc(ValueError),
                                 "generation parameter must be less than the number of available "
                                 "generations (%d)",
                                 KAA_NUM_GENERATIONS);
        }
        if (generation < -1) {
            return KaaErr_Format(KaaExc(ValueError), "generation parameter cannot be negative");
        }
    }
    return kaa_gc_get_objects((int)generation);
}

static KaaObject *stats_dict(int generation)
{
    Kaa_ssize_t collections, collected, uncollectable;
    kaa_gc_get_stats(generation, &collections, &collected, &uncollectable);
    KaaObject *d = KaaDict_New();
    KaaObject *a = KaaInt_FromSsize_t(collections), *b = KaaInt_FromSsize_t(collected),
              *c = KaaInt_FromSsize_t(uncollectable);
    if (d == NULL || a == NULL || b == NULL || c == NULL ||
        KaaDict_SetItemString(d, "collections", a) < 0 ||
        KaaDict_SetItemString(d, "collected", b) < 0 ||
        KaaDict_SetItemString(d, "uncollectable", c) < 0) {
        Kaa_CLEAR(d);
    }
    Kaa_XDECREF(a);
    Kaa_XDECREF(b);
    Kaa_XDECREF(c);
    return d;
}

static KaaObject *gc_get_stats(KaaObject *m, KaaObject *unused)
{
    KaaObject *list = KaaList_New(0);
    for (int i = 0; list && i < KAA_NUM_GENERATIONS; i++) {
        KaaObject *d = stats_dict(i);
        if (d == NULL || KaaList_Append(list, d) < 0) {
            Kaa_XDECREF(d);
            Kaa_CLEAR(list);
            break;
        }
        Kaa_DECREF(d);
    }
    return list;
}

static KaaObject *gc_is_tracked(KaaObject *m, KaaObject *o)
{
    return KaaBool_FromLong(KaaObject_IS_GC(o) && kaa_gc_is_tracked(o));
}

static KaaObject *gc_is_finalized(KaaObject *m, KaaObject *o)
{
    return KaaBool_FromLong(KaaObject_IS_GC(o) && kaa_gc_is_finalized(o));
}

static KaaObject *gc_get_referrers(KaaObject *m, KaaObject *const *args, size_t nargs,
                                   KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        return KaaErr_Format(KaaExc(TypeError), "get_referrers() takes no keyword arguments");
    }
    return kaa_gc_get_referrers(args, nargs);
}

static KaaObject *gc_get_referents(KaaObject *m, KaaObject *const *args, size_t nargs,
                                   KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        return KaaErr_Format(KaaExc(TypeError), "get_referents() takes no keyword arguments");
    }
    return kaa_gc_get_referents(args, nargs);
}

static KaaObject *gc_freeze(KaaObject *m, KaaObject *unused)
{
    kaa_gc_freeze();
    Kaa_RETURN_NONE;
}

static KaaObject *gc_unfreeze(KaaObject *m, KaaObject *unused)
{
    kaa_gc_unfreeze();
    Kaa_RETURN_NONE;
}

static KaaObject *gc_get_freeze_count(KaaObject *m, KaaObject *unused)
{
    return KaaInt_FromSsize_t(kaa_gc_get_freeze_count());
}

static KaaMethodDef gc_methods[] = {
    {"enable", gc_enable, KAA_METH_NOARGS},
    {"disable", gc_disable, KAA_METH_NOARGS},
    {"isenabled", gc_isenabled, KAA_METH_NOARGS},
    {"collect", gc_collect, KAA_METH_FASTCALL},
    {"get_count", gc_get_count, KAA_METH_NOARGS},
    {"get_threshold", gc_get_threshold, KAA_METH_NOARGS},
    {"set_threshold", gc_set_threshold, KAA_METH_FASTCALL},
    {"get_debug", gc_get_debug, KAA_METH_NOARGS},
    {"set_debug", gc_set_debug, KAA_METH_FASTCALL},
    {"get_objects", gc_get_objects, KAA_METH_FASTCALL},
    {"get_stats", gc_get_stats, KAA_METH_NOARGS},
    {"is_tracked", gc_is_tracked, KAA_METH_O},
    {"is_finalized", gc_is_finalized, KAA_METH_O},
    {"get_referrers", gc_get_referrers, KAA_METH_FASTCALL},
    {"get_referents", gc_get_referents, KAA_METH_FASTCALL},
    {"freeze", gc_freeze, KAA_METH_NOARGS},
    {"unfreeze", gc_unfreeze, KAA_METH_NOARGS},
    {"get_freeze_count", gc_get_freeze_count, KAA_METH_NOARGS},
    {NULL},
};

KaaObject *kaa_init_gc(void)
{
    KaaObject *m = KaaModule_New("gc");
    if (m == NULL || KaaModule_AddFunctions(m, gc_methods) < 0) {
        Kaa_XDECREF(m);
        return NULL;
    }
    static const struct {
        const char *name;
        int value;
    } consts[] = {
        {"DEBUG_STATS", KAA_GC_DEBUG_STATS},
        {"DEBUG_COLLECTABLE", KAA_GC_DEBUG_COLLECTABLE},
        {"DEBUG_UNCOLLECTABLE", KAA_GC_DEBUG_UNCOLLECTABLE},
        {"DEBUG_SAVEALL", KAA_GC_DEBUG_SAVEALL},
        {"DEBUG_LEAK", KAA_GC_DEBUG_LEAK},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        KaaObject *v = KaaInt_FromInt64(consts[i].value);
        if (v == NULL || KaaModule_AddObjectRef(m, consts[i].name, v) < 0) {
            Kaa_XDECREF(v);
            Kaa_DECREF(m);
            return NULL;
        }
        Kaa_DECREF(v);
    }
    KaaObject *garbage = kaa_gc_garbage(), *callbacks = kaa_gc_callbacks();
    if (garbage == NULL || callbacks == NULL || KaaModule_AddObjectRef(m, "garbage", garbage) < 0 ||
        KaaModule_AddObjectRef(m, "callbacks", callbacks) < 0) {
        Kaa_DECREF(m);
        return NULL;
    }
    return m;
}
