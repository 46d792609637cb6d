/* The _traceback module: the C half of lib/traceback.py. kaa's traceback
 * objects keep the code and line of each entry (there are no frame objects
 * yet), so the formatting that kaa already does for uncaught exceptions is
 * offered here as text, and the entries as plain tuples.
 */
#include <limits.h>

#include "vm/vm.h"

// A limit argument: None for all entries, else an int (negative: the last).
static int parse_limit(KaaObject *o, long *limit)
{
    *limit = LONG_MAX;
    if (o == NULL || o == Kaa_None) {
        return 0;
    }
    int64_t v = KaaInt_AsInt64(o);
    if (v == -1 && KaaErr_Occurred()) {
        return -1;
    }
    *limit = v > LONG_MAX - 1 ? LONG_MAX - 1 : (long)v;
    return 0;
}

// format_exception(exc, limit=None, chain=True) -> str
static KaaObject *tb_format_exception(KaaObject *m, KaaObject *const *args, size_t nargs,
                                      KaaObject *kwnames)
{
    static const char *const kwlist[] = {"exc", "limit", "chain", NULL};
    KaaObject *a[3] = {NULL, NULL, NULL};
    long limit;
    if (kaa_unpack_args("format_exception", args, nargs, kwnames, kwlist, 1, a) < 0 ||
        parse_limit(a[1], &limit) < 0) {
        return NULL;
    }
    int chain = a[2] ? KaaObject_IsTrue(a[2]) : 1;
    if (chain < 0) {
        return NULL;
    }
    return kaa_format_exception(a[0], chain, limit);
}

// extract_tb(tb, limit=None) -> [(filename, lineno, name, line), ...]
static KaaObject *tb_extract_tb(KaaObject *m, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    static const char *const kwlist[] = {"tb", "limit", NULL};
    KaaObject *a[2] = {NULL, NULL};
    long limit;
    if (kaa_unpack_args("extract_tb", args, nargs, kwnames, kwlist, 1, a) < 0 ||
        parse_limit(a[1], &limit) < 0) {
        return NULL;
    }
    if (a[0] != Kaa_None && Kaa_TYPE(a[0]) != &KaaTraceBack_Type) {
        return KaaErr_Format(KaaExc(TypeError), "extract_tb() argument must be a traceback, not %s",
                             Kaa_TYPE(a[0])->tp_name);
    }
    return kaa_traceback_entries(a[0] == Kaa_None ? NULL : a[0], limit);
}

static KaaMethodDef traceback_methods[] = {
    {"format_exception", tb_format_exception, KAA_METH_FASTCALL, NULL},
    {"extract_tb", tb_extract_tb, KAA_METH_FASTCALL, NULL},
    {NULL},
};

KaaObject *kaa_init_traceback(void)
{
    KaaObject *m = KaaModule_New("_traceback");
    if (m == NULL || KaaModule_AddFunctions(m, traceback_methods) < 0) {
        Kaa_XDECREF(m);
        return NULL;
    }
    return m;
}
