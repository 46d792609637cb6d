/* The sys module: what the memory-watching programs need (getrefcount,
 * _debugmallocstats, recursion limit) plus argv, exit, modules and the
 * version facts. stdout/stderr file objects arrive with the io work.
 */
#include <limits.h>

#include "mem/mem.h"
#include "vm/vm.h"

static KaaObject *sys_getrefcount(KaaObject *m, KaaObject *o)
{
    // The argument slot of the call holds one of the references, as in CPython.
    return KaaInt_FromSsize_t(Kaa_REFCNT(o));
}

static KaaObject *sys_debugmallocstats(KaaObject *m, KaaObject *unused)
{
    fflush(stdout);
    kaa_mem_debug_stats(stderr);
    fflush(stderr);
    Kaa_RETURN_NONE;
}

static KaaObject *sys_getrecursionlimit(KaaObject *m, KaaObject *unused)
{
    return KaaInt_FromInt64(kaa_ts.recursion_limit);
}

static KaaObject *sys_setrecursionlimit(KaaObject *m, KaaObject *arg)
{
    if (KaaFloat_Check(arg)) {
        return KaaErr_Format(KaaExc(TypeError), "'float' object cannot be interpreted as an integer");
    }
    KaaObject *i = KaaNumber_Index(arg);
    if (i == NULL) {
        return NULL;
    }
    int64_t v = KaaInt_AsInt64(i);
    Kaa_DECREF(i);
    if ((v == -1 && KaaErr_Occurred()) || v > INT_MAX) {
        KaaErr_Clear();
        return KaaErr_Format(KaaExc(OverflowError), "Python int too large to convert to C int");
    }
    if (v < 1) {
        return KaaErr_Format(KaaExc(ValueError), "recursion limit must be greater or equal than 1");
    }
    if (v <= kaa_ts.recursion_depth) {
        return KaaErr_Format(KaaExc(RecursionError),
                             "cannot set the recursion limit to %d at the recursion depth %d: the "
                             "limit is too low",
                             (int)v, kaa_ts.recursion_depth);
    }
    kaa_ts.recursion_limit = (int)v;
    Kaa_RETURN_NONE;
}

static KaaObject *sys_exit(KaaObject *m, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        return KaaErr_Format(KaaExc(TypeError), "exit() takes no keyword arguments");
    }
    if (nargs > 1) {
        return KaaErr_Format(KaaExc(TypeError), "exit expected at most 1 argument, got %zu", nargs);
    }
    KaaErr_SetObject(KaaExc(SystemExit), nargs ? args[0] : NULL);
    return NULL;
}

static KaaObject *sys_intern(KaaObject *m, KaaObject *s)
{
    if (!KaaStr_CheckExact(s)) {
        return KaaErr_Format(KaaExc(TypeError), "intern() argument must be str, not %s",
                             Kaa_TYPE(s)->tp_name);
    }
    KaaObject *r = Kaa_NewRef(s);
    KaaStr_InternInPlace(&r);
    return r;
}

static KaaMethodDef sys_methods[] = {
    {"getrefcount", sys_getrefcount, KAA_METH_O},
    {"_debugmallocstats", sys_debugmallocstats, KAA_METH_NOARGS},
    {"getrecursionlimit", sys_getrecursionlimit, KAA_METH_NOARGS},
    {"setrecursionlimit", sys_setrecursionlimit, KAA_METH_O},
    {"exit", sys_exit, KAA_METH_FASTCALL},
    {"intern", sys_intern, KAA_METH_O},
    {NULL},
};

static int add_new(KaaObject *m, const char *name, KaaObject *v)
{
    if (v == NULL) {
        return -1;
    }
    int r = KaaModule_AddObjectRef(m, name, v);
    Kaa_DECREF(v);
    return r;
}

KaaObject *kaa_init_sys(void)
{
    KaaObject *m = KaaModule_New("sys");
    if (m == NULL || KaaModule_AddFunctions(m, sys_methods) < 0) {
        Kaa_XDECREF(m);
        return NULL;
    }
    if (KaaModule_AddObjectRef(m, "argv", kaa_interp.argv) < 0 ||
        KaaModule_AddObjectRef(m, "modules", kaa_interp.modules) < 0 ||
        add_new(m, "maxsize", KaaInt_FromInt64(KAA_SSIZE_MAX)) < 0 ||
        add_new(m, "byteorder", KaaStr_FromString("little")) < 0 ||
        add_new(m, "platform", KaaStr_FromString("linux")) < 0 ||
        add_new(m, "version", KaaStr_FromString(KAA_PYTHON_VERSION " (kaa " KAA_VERSION ")")) < 0 ||
        add_new(m, "hexversion", KaaInt_FromInt64(0x030B07F0)) < 0 ||
        add_new(m, "path", KaaList_New(0)) < 0) {
        Kaa_DECREF(m);
        return NULL;
    }
    return m;
}
