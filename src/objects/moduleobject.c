// Module objects: a name and a namespace dict.
#include <stddef.h>

#include "gc/gc.h"
#include "vm/vm.h"

KaaObject *KaaModule_New(const char *name)
{
    KaaModuleObject *m = (KaaModuleObject *)kaa_object_new(&KaaModule_Type);
    if (m == NULL) {
        return NULL;
    }
    m->md_name = KaaStr_FromString(name);
    m->md_dict = KaaDict_New();
    if (m->md_name == NULL || m->md_dict == NULL ||
        KaaDict_SetItem(m->md_dict, kaa_id.__name__, m->md_name) < 0 ||
        KaaDict_SetItem(m->md_dict, kaa_id.__doc__, Kaa_None) < 0) {
        Kaa_DECREF(m);
        return NULL;
    }
    KAA_GC_TRACK(m);
    return (KaaObject *)m;
}

KaaObject *KaaModule_GetDict(KaaObject *m)
{
    return ((KaaModuleObject *)m)->md_dict;
}

int KaaModule_AddObjectRef(KaaObject *m, const char *name, KaaObject *value)
{
    return KaaDict_SetItemString(KaaModule_GetDict(m), name, value);
}

int KaaModule_AddFunctions(KaaObject *m, KaaMethodDef *defs)
{
    KaaModuleObject *mod = (KaaModuleObject *)m;
    for (KaaMethodDef *d = defs; d->ml_name; d++) {
        KaaObject *f = KaaCFunction_New(d, m, mod->md_name);
        if (f == NULL) {
            return -1;
        }
        int r = KaaDict_SetItemString(mod->md_dict, d->ml_name, f);
        Kaa_DECREF(f);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

static int module_traverse(KaaObject *o, visitproc visit, void *arg)
{
    KaaModuleObject *m = (KaaModuleObject *)o;
    Kaa_VISIT(m->md_dict);
    return 0;
}

static int module_clear(KaaObject *o)
{
    Kaa_CLEAR(((KaaModuleObject *)o)->md_dict);
    return 0;
}

static void module_dealloc(KaaObject *o)
{
    KaaModuleObject *m = (KaaModuleObject *)o;
    kaa_gc_untrack(o);
    Kaa_CLEAR(m->md_dict);
    Kaa_CLEAR(m->md_name);
    kaa_object_free(o);
}

static KaaObject *module_repr(KaaObject *o)
{
    KaaModuleObject *m = (KaaModuleObject *)o;
    KaaObject *file = m->md_dict ? KaaDict_GetItemString(m->md_dict, "__file__") : NULL;
    if (file) {
        return KaaStr_FromFormat("<module %R from %R>", m->md_name, file);
    }
    return KaaStr_FromFormat("<module %R (built-in)>", m->md_name);
}

static KaaObject *module_getattro(KaaObject *o, KaaObject *name)
{
    KaaModuleObject *m = (KaaModuleObject *)o;
    KaaObject *descr = kaa_type_lookup(Kaa_TYPE(o), name);
    if (descr == NULL && m->md_dict) {
        KaaObject *v = KaaDict_GetItemWithError(m->md_dict, name);
        if (v) {
            return Kaa_NewRef(v);
        }
        if (KaaErr_Occurred()) {
            return NULL;
        }
        return KaaErr_Format(KaaExc(AttributeError), "module '%U' has no attribute '%U'",
                             m->md_name, name);
    }
    return KaaObject_GenericGetAttr(o, name);
}

KaaTypeObject KaaModule_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "module",
    .tp_basicsize = sizeof(KaaModuleObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_BASETYPE,
    .tp_dealloc = module_dealloc,
    .tp_traverse = module_traverse,
    .tp_clear = module_clear,
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_setattro = KaaObject_GenericSetAttr,
    .tp_dictoffset = offsetof(KaaModuleObject, md_dict),
};
