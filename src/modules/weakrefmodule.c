/* The _weakref module: the C half of lib/weakref.py (CPython's
 * Modules/_weakref.c): ref, proxy, getweakrefcount, getweakrefs and the
 * weak reference types.
 */
#include "vm/vm.h"

static KaaObject *weakref_getweakrefcount(KaaObject *m, KaaObject *ob)
{
    return KaaInt_FromSsize_t(KaaWeakref_GetWeakrefCount(ob));
}

// The weak references to ob, in list order (the shared ref first).
static KaaObject *weakref_getweakrefs(KaaObject *m, KaaObject *ob)
{
    KaaObject *result = KaaList_New(0);
    KaaWeakReference **list = kaa_weakref_list(ob);
    for (KaaWeakReference *wr = list ? *list : NULL; result && wr; wr = wr->wr_next) {
        if (KaaList_Append(result, (KaaObject *)wr) < 0) {
            Kaa_CLEAR(result);
        }
    }
    return result;
}

static KaaObject *weakref_proxy(KaaObject *m, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames) > 0) {
        return KaaErr_Format(KaaExc(TypeError), "_weakref.proxy() takes no keyword arguments");
    }
    if (nargs < 1 || nargs > 2) {
        return KaaErr_Format(KaaExc(TypeError), "proxy expected at %s %d argument%s, got %zu",
                             nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s",
                             nargs);
    }
    return KaaWeakref_NewProxy(args[0], nargs > 1 ? args[1] : NULL);
}

// _remove_dead_weakref(dict, key): del dict[key] if it is a dead weakref
// (WeakValueDictionary's cleanup; missing keys are ignored).
static KaaObject *weakref_remove_dead_weakref(KaaObject *m, KaaObject *const *args, size_t nargs,
                                              KaaObject *kwnames)
{
    if (kwnames || nargs != 2) {
        return KaaErr_Format(KaaExc(TypeError),
                             "_remove_dead_weakref expected 2 arguments, got %zu",
                             nargs + (kwnames ? (size_t)KaaTuple_GET_SIZE(kwnames) : 0));
    }
    if (!KaaDict_Check(args[0])) {
        return KaaErr_Format(KaaExc(TypeError),
                             "_remove_dead_weakref() argument 1 must be dict, not %s",
                             Kaa_TYPE(args[0])->tp_name);
    }
    KaaObject *v = KaaDict_GetItemWithError(args[0], args[1]);
    if (v == NULL) {
        if (KaaErr_Occurred()) {
            return NULL;
        }
        Kaa_RETURN_NONE;
    }
    if (KaaWeakref_Check(v) && KaaWeakref_GetObject(v) == Kaa_None &&
        KaaDict_DelItem(args[0], args[1]) < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaMethodDef weakref_methods[] = {
    {"getweakrefcount", weakref_getweakrefcount, KAA_METH_O,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", weakref_getweakrefs, KAA_METH_O,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"proxy", weakref_proxy, KAA_METH_FASTCALL,
     "Create a proxy object that weakly references 'object'."},
    {"_remove_dead_weakref", weakref_remove_dead_weakref, KAA_METH_FASTCALL,
     "Atomically remove key from dict if it points to a dead weakref."},
    {NULL},
};

KaaObject *kaa_init_weakref(void)
{
    KaaObject *m = KaaModule_New("_weakref");
    if (m == NULL || KaaModule_AddFunctions(m, weakref_methods) < 0) {
        Kaa_XDECREF(m);
        return NULL;
    }
    static const struct {
        const char *name;
        KaaTypeObject *type;
    } types[] = {
        {"ref", &KaaWeakref_RefType},
        {"ReferenceType", &KaaWeakref_RefType},
        {"ProxyType", &KaaWeakref_ProxyType},
        {"CallableProxyType", &KaaWeakref_CallableProxyType},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (KaaType_Ready(types[i].type) < 0 ||
            KaaModule_AddObjectRef(m, types[i].name, (KaaObject *)types[i].type) < 0) {
            Kaa_DECREF(m);
            return NULL;
        }
    }
    return m;
}
