/* types.SimpleNamespace: an object whose attributes are keyword arguments,
 * shown as namespace(a=1, b=2). sys.implementation is one, as in CPython.
 */
#include "gc/gc.h"
#include "mem/mem.h"
#include "util/strbuf.h"
#include "vm/vm.h"

typedef struct {
    KaaObject_HEAD KaaObject *dict;
} NamespaceObject;

#define NS(o) ((NamespaceObject *)(o))

static KaaObject *ns_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                         KaaObject *kwnames)
{
    (void)args, (void)nargs, (void)kwnames; // __init__ takes the keywords
    NamespaceObject *ns = (NamespaceObject *)KaaType_GenericAlloc(type, 0);
    if (ns == NULL) {
        return NULL;
    }
    ns->dict = KaaDict_New();
    if (ns->dict == NULL) {
        Kaa_DECREF(ns);
        return NULL;
    }
    if (!kaa_gc_is_tracked((KaaObject *)ns)) {
        KAA_GC_TRACK(ns);
    }
    return (KaaObject *)ns;
}

static int ns_init(KaaObject *self, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    if (nargs) {
        KaaErr_Format(KaaExc(TypeError), "no positional arguments expected");
        return -1;
    }
    Kaa_ssize_t nkw = kwnames ? KaaTuple_GET_SIZE(kwnames) : 0;
    for (Kaa_ssize_t i = 0; i < nkw; i++) {
        if (KaaDict_SetItem(NS(self)->dict, KaaTuple_GET_ITEM(kwnames, i), args[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// A new namespace with the given attributes (for C callers: sys.implementation).
KaaObject *kaa_namespace_new(KaaObject *dict)
{
    extern KaaTypeObject KaaNamespace_Type;
    KaaObject *ns = ns_new(&KaaNamespace_Type, NULL, 0, NULL);
    if (ns && dict && KaaDict_Update(NS(ns)->dict, dict) < 0) {
        Kaa_CLEAR(ns);
    }
    return ns;
}

static void ns_dealloc(KaaObject *o)
{
    kaa_gc_untrack_if_tracked(o);
    Kaa_XDECREF(NS(o)->dict);
    kaa_container_free(o);
}

static int ns_traverse(KaaObject *o, visitproc visit, void *arg)
{
    Kaa_VISIT(NS(o)->dict);
    return 0;
}

static int ns_clear(KaaObject *o)
{
    Kaa_CLEAR(NS(o)->dict);
    return 0;
}

// namespace(a=1, b='x'); a namespace inside itself shows as namespace(...).
static KaaObject *ns_repr(KaaObject *o)
{
    extern KaaTypeObject KaaNamespace_Type;
    const char *name = Kaa_TYPE(o) == &KaaNamespace_Type ? "namespace" : Kaa_TYPE(o)->tp_name;
    int r = kaa_repr_enter(o);
    if (r != 0) {
        return r > 0 ? KaaStr_FromFormat("%s(...)", name) : NULL;
    }
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    kaa_strbuf_printf(&b, "%s(", name);
    Kaa_ssize_t pos = 0;
    KaaObject *k, *v;
    int first = 1, ok = 1;
    while (ok && NS(o)->dict && KaaDict_Next(NS(o)->dict, &pos, &k, &v)) {
        if (!KaaStr_Check(k)) {
            continue;
        }
        Kaa_INCREF(v);
        KaaObject *vr = KaaObject_Repr(v);
        Kaa_DECREF(v);
        if (vr == NULL) {
            ok = 0;
            break;
        }
        kaa_strbuf_printf(&b, "%s%s=%s", first ? "" : ", ", KaaStr_DATA(k), KaaStr_DATA(vr));
        Kaa_DECREF(vr);
        first = 0;
    }
    kaa_repr_leave(o);
    kaa_strbuf_addc(&b, ')');
    KaaObject *s = NULL;
    if (ok) {
        s = b.failed ? KaaErr_NoMemory() : KaaStr_FromStringAndSize(b.data, (Kaa_ssize_t)b.len);
    }
    kaa_strbuf_free(&b);
    return s;
}

static KaaObject *ns_richcompare(KaaObject *a, KaaObject *b, int op)
{
    extern KaaTypeObject KaaNamespace_Type;
    if ((op == Kaa_EQ || op == Kaa_NE) && KaaObject_IsInstance(a, (KaaObject *)&KaaNamespace_Type) &&
        KaaObject_IsInstance(b, (KaaObject *)&KaaNamespace_Type)) {
        return KaaObject_RichCompare(NS(a)->dict, NS(b)->dict, op);
    }
    Kaa_RETURN_NOTIMPLEMENTED;
}

static KaaObject *ns_get_dict(KaaObject *o, void *closure)
{
    (void)closure;
    return Kaa_NewRef(NS(o)->dict);
}

static KaaGetSetDef ns_getset[] = {
    {"__dict__", ns_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KaaTypeObject KaaNamespace_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(NamespaceObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_BASETYPE,
    .tp_doc = "A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)",
    .tp_dealloc = ns_dealloc,
    .tp_traverse = ns_traverse,
    .tp_clear = ns_clear,
    .tp_repr = ns_repr,
    .tp_richcompare = ns_richcompare,
    .tp_hash = KaaObject_HashNotImplemented,
    .tp_getattro = KaaObject_GenericGetAttr,
    .tp_setattro = KaaObject_GenericSetAttr,
    .tp_new = ns_new,
    .tp_init = ns_init,
    .tp_dictoffset = offsetof(NamespaceObject, dict),
    .tp_getset = ns_getset,
};
