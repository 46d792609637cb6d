/* Builtin functions and the descriptors that put C methods, getters and
 * struct members into a type's namespace. A method descriptor bound to an
 * instance becomes a builtin method (a KaaCFunctionObject with m_self).
 */
#include <stddef.h>

#include "gc/gc.h"
#include "vm/vm.h"

Kaa_hash_t kaa_hash_pointer(const void *p);

// Call ml with self bound. `name` writes the function's name for error
// messages ("list.append"); it is only called when an error is raised, so
// the common path builds no string.
typedef void (*NameFn)(const void *ctx, char *buf, size_t n);

static KaaObject *call_def(KaaMethodDef *ml, KaaObject *self, KaaObject *const *args,
                           size_t nargs, KaaObject *kwnames, NameFn name, const void *ctx)
{
    int flags = ml->ml_flags & (KAA_METH_NOARGS | KAA_METH_O | KAA_METH_FASTCALL);
    if (flags == KAA_METH_FASTCALL) {
        return ((KaaCFunctionFast)ml->ml_meth)(self, args, nargs, kwnames);
    }
    char buf[128];
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        name(ctx, buf, sizeof buf);
        return KaaErr_Format(KaaExc(TypeError), "%s() takes no keyword arguments", buf);
    }
    if (flags == KAA_METH_NOARGS) {
        if (nargs != 0) {
            name(ctx, buf, sizeof buf);
            return KaaErr_Format(KaaExc(TypeError), "%s() takes no arguments (%zu given)", buf,
                                 nargs);
        }
        return ((KaaCFunction)ml->ml_meth)(self, NULL);
    }
    if (nargs != 1) {
        name(ctx, buf, sizeof buf);
        return KaaErr_Format(KaaExc(TypeError), "%s() takes exactly one argument (%zu given)",
                             buf, nargs);
    }
    return ((KaaCFunction)ml->ml_meth)(self, args[0]);
}

static void fixed_name(const void *ctx, char *buf, size_t n)
{
    snprintf(buf, n, "%s", (const char *)ctx);
}

KaaObject *kaa_cfunction_call_def(KaaMethodDef *ml, KaaObject *self, KaaObject *const *args,
                                  size_t nargs, KaaObject *kwnames, const char *owner)
{
    return call_def(ml, self, args, nargs, kwnames, fixed_name, owner);
}

// "list.append" for methods bound to instances of builtin types, "len" else.
static const char *owner_name(const KaaCFunctionObject *f, char *buf, size_t n)
{
    if (f->m_self == NULL || KaaModule_Check(f->m_self)) {
        // Functions of modules other than builtins are named "gc.enable".
        if (f->m_module && KaaStr_Check(f->m_module) &&
            !KaaStr_EqualToASCII(f->m_module, "builtins")) {
            snprintf(buf, n, "%s.%s", KaaStr_DATA(f->m_module), f->m_ml->ml_name);
            return buf;
        }
        return f->m_ml->ml_name;
    }
    KaaTypeObject *t = KaaType_HasFeature(Kaa_TYPE(f->m_self), KAA_TPFLAGS_TYPE_SUBCLASS)
                           ? (KaaTypeObject *)f->m_self
                           : Kaa_TYPE(f->m_self);
    snprintf(buf, n, "%s.%s", t->tp_name, f->m_ml->ml_name);
    return buf;
}

static void cfunction_name(const void *ctx, char *buf, size_t n)
{
    const char *name = owner_name(ctx, buf, n);
    if (name != buf) {
        snprintf(buf, n, "%s", name);
    }
}

// --- builtin_function_or_method ---------------------------------------------------------

KaaObject *KaaCFunction_New(KaaMethodDef *ml, KaaObject *self, KaaObject *module)
{
    KaaCFunctionObject *f = (KaaCFunctionObject *)kaa_object_new(&KaaCFunction_Type);
    if (f == NULL) {
        return NULL;
    }
    f->m_ml = ml;
    f->m_self = Kaa_XNewRef(self);
    f->m_module = Kaa_XNewRef(module);
    KAA_GC_TRACK(f);
    return (KaaObject *)f;
}

static KaaObject *cfunction_call(KaaObject *callable, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames)
{
    KaaCFunctionObject *f = (KaaCFunctionObject *)callable;
    if (kaa_enter_recursive_call(" while calling a Python object")) {
        return NULL;
    }
    KaaObject *res = call_def(f->m_ml, f->m_self, args, nargs, kwnames, cfunction_name, f);
    kaa_leave_recursive_call();
    return res;
}

static void cfunction_dealloc(KaaObject *o)
{
    KaaCFunctionObject *f = (KaaCFunctionObject *)o;
    kaa_gc_untrack(o);
    Kaa_XDECREF(f->m_self);
    Kaa_XDECREF(f->m_module);
    kaa_object_free(o);
}

static int cfunction_traverse(KaaObject *o, visitproc visit, void *arg)
{
    KaaCFunctionObject *f = (KaaCFunctionObject *)o;
    Kaa_VISIT(f->m_self);
    Kaa_VISIT(f->m_module);
    return 0;
}

static KaaObject *cfunction_repr(KaaObject *o)
{
    KaaCFunctionObject *f = (KaaCFunctionObject *)o;
    if (f->m_self == NULL || KaaModule_Check(f->m_self)) {
        return KaaStr_FromFormat("<built-in function %s>", f->m_ml->ml_name);
    }
    return KaaStr_FromFormat("<built-in method %s of %s object at %p>", f->m_ml->ml_name,
                             Kaa_TYPE(f->m_self)->tp_name, (void *)f->m_self);
}

static KaaObject *cfunction_get_name(KaaObject *o, void *c)
{
    return KaaStr_FromString(((KaaCFunctionObject *)o)->m_ml->ml_name);
}

static KaaObject *cfunction_get_self(KaaObject *o, void *c)
{
    KaaObject *self = ((KaaCFunctionObject *)o)->m_self;
    return self ? Kaa_NewRef(self) : kaa_none_ref();
}

static KaaGetSetDef cfunction_getset[] = {
    {"__name__", cfunction_get_name},
    {"__qualname__", cfunction_get_name},
    {"__self__", cfunction_get_self},
    {NULL},
};

static KaaObject *cfunction_richcompare(KaaObject *a, KaaObject *b, int op)
{
    if ((op != Kaa_EQ && op != Kaa_NE) || Kaa_TYPE(b) != &KaaCFunction_Type) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    KaaCFunctionObject *x = (KaaCFunctionObject *)a, *y = (KaaCFunctionObject *)b;
    int eq = x->m_ml == y->m_ml && x->m_self == y->m_self;
    return KaaBool_FromLong(op == Kaa_EQ ? eq : !eq);
}

static Kaa_hash_t cfunction_hash(KaaObject *o)
{
    KaaCFunctionObject *f = (KaaCFunctionObject *)o;
    Kaa_hash_t h = kaa_hash_pointer(f->m_ml) ^ kaa_hash_pointer(f->m_self);
    return h == -1 ? -2 : h;
}

KaaTypeObject KaaCFunction_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(KaaCFunctionObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = cfunction_dealloc,
    .tp_traverse = cfunction_traverse,
    .tp_repr = cfunction_repr,
    .tp_call = cfunction_call,
    .tp_richcompare = cfunction_richcompare,
    .tp_hash = cfunction_hash,
    .tp_getset = cfunction_getset,
};

// --- Descriptors --------------------------------------------------------------------------

typedef struct {
    KaaObject_HEAD
    KaaTypeObject *d_type;
    KaaObject *d_name;
    void *d_def; // KaaMethodDef*, KaaGetSetDef* or KaaMemberDef*
} DescrObject;

static KaaObject *descr_new(KaaTypeObject *descrtype, KaaTypeObject *type, const char *name,
                            void *def)
{
    DescrObject *d = (DescrObject *)kaa_object_new(descrtype);
    if (d == NULL) {
        return NULL;
    }
    d->d_type = type;
    d->d_name = Kaa_XNewRef(KaaStr_InternFromString(name));
    d->d_def = def;
    KAA_GC_TRACK(d);
    return (KaaObject *)d;
}

KaaObject *KaaDescr_NewMethod(KaaTypeObject *type, KaaMethodDef *ml)
{
    return descr_new(&KaaMethodDescr_Type, type, ml->ml_name, ml);
}

KaaObject *KaaDescr_NewClassMethod(KaaTypeObject *type, KaaMethodDef *ml)
{
    return descr_new(&KaaClassMethodDescr_Type, type, ml->ml_name, ml);
}

KaaObject *KaaDescr_NewGetSet(KaaTypeObject *type, KaaGetSetDef *gs)
{
    return descr_new(&KaaGetSetDescr_Type, type, gs->name, gs);
}

KaaObject *KaaDescr_NewMember(KaaTypeObject *type, KaaMemberDef *m)
{
    return descr_new(&KaaMemberDescr_Type, type, m->name, m);
}

static void descr_dealloc(KaaObject *o)
{
    kaa_gc_untrack(o);
    Kaa_XDECREF(((DescrObject *)o)->d_name);
    kaa_object_free(o);
}

static int descr_traverse(KaaObject *o, visitproc visit, void *arg)
{
    return 0; // d_type is a static type; d_name is an interned str
}

// Check that obj is an instance of the descriptor's type.
static int descr_check(DescrObject *d, KaaObject *obj)
{
    if (!KaaType_IsSubtype(Kaa_TYPE(obj), d->d_type)) {
        KaaErr_Format(KaaExc(TypeError), "descriptor '%U' for '%s' objects doesn't apply to a '%s' object",
                      d->d_name, d->d_type->tp_name, Kaa_TYPE(obj)->tp_name);
        return -1;
    }
    return 0;
}

static void descr_name(const void *ctx, char *buf, size_t n)
{
    const DescrObject *d = ctx;
    snprintf(buf, n, "%s.%s", d->d_type->tp_name, ((KaaMethodDef *)d->d_def)->ml_name);
}

static KaaObject *method_get(KaaObject *o, KaaObject *obj, KaaObject *type)
{
    DescrObject *d = (DescrObject *)o;
    if (obj == NULL) {
        return Kaa_NewRef(o);
    }
    if (descr_check(d, obj) < 0) {
        return NULL;
    }
    return KaaCFunction_New(d->d_def, obj, NULL);
}

// Calling the unbound descriptor: list.append(lst, x).
static KaaObject *method_call(KaaObject *o, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    DescrObject *d = (DescrObject *)o;
    KaaMethodDef *ml = d->d_def;
    if (nargs < 1) {
        char buf[128];
        descr_name(d, buf, sizeof buf);
        return KaaErr_Format(KaaExc(TypeError), "unbound method %s() needs an argument", buf);
    }
    if (descr_check(d, args[0]) < 0) {
        return NULL;
    }
    return call_def(ml, args[0], args + 1, nargs - 1, kwnames, descr_name, d);
}

static KaaObject *method_repr(KaaObject *o)
{
    DescrObject *d = (DescrObject *)o;
    return KaaStr_FromFormat("<method '%U' of '%s' objects>", d->d_name, d->d_type->tp_name);
}

KaaTypeObject KaaMethodDescr_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(DescrObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse,
    .tp_repr = method_repr,
    .tp_call = method_call,
    .tp_descr_get = method_get,
};

static KaaObject *classmethod_get(KaaObject *o, KaaObject *obj, KaaObject *type)
{
    DescrObject *d = (DescrObject *)o;
    if (type == NULL) {
        type = (KaaObject *)Kaa_TYPE(obj);
    }
    return KaaCFunction_New(d->d_def, type, NULL);
}

KaaTypeObject KaaClassMethodDescr_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(DescrObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse,
    .tp_repr = method_repr,
    .tp_descr_get = classmethod_get,
};

static KaaObject *getset_get(KaaObject *o, KaaObject *obj, KaaObject *type)
{
    DescrObject *d = (DescrObject *)o;
    if (obj == NULL) {
        return Kaa_NewRef(o);
    }
    if (descr_check(d, obj) < 0) {
        return NULL;
    }
    KaaGetSetDef *gs = d->d_def;
    return gs->get(obj, gs->closure);
}

static int getset_set(KaaObject *o, KaaObject *obj, KaaObject *value)
{
    DescrObject *d = (DescrObject *)o;
    KaaGetSetDef *gs = d->d_def;
    if (descr_check(d, obj) < 0) {
        return -1;
    }
    if (gs->set == NULL) {
        KaaErr_Format(KaaExc(AttributeError), "attribute '%U' of '%s' objects is not writable",
                      d->d_name, d->d_type->tp_name);
        return -1;
    }
    return gs->set(obj, value, gs->closure);
}

static KaaObject *getset_repr(KaaObject *o)
{
    DescrObject *d = (DescrObject *)o;
    return KaaStr_FromFormat("<attribute '%U' of '%s' objects>", d->d_name, d->d_type->tp_name);
}

KaaTypeObject KaaGetSetDescr_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(DescrObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse,
    .tp_repr = getset_repr,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
};

static KaaObject *member_get(KaaObject *o, KaaObject *obj, KaaObject *type)
{
    DescrObject *d = (DescrObject *)o;
    if (obj == NULL) {
        return Kaa_NewRef(o);
    }
    if (descr_check(d, obj) < 0) {
        return NULL;
    }
    KaaMemberDef *m = d->d_def;
    char *addr = (char *)obj + m->offset;
    switch (m->type) {
    case KAA_T_OBJECT:
    case KAA_T_OBJECT_EX: {
        KaaObject *v = *(KaaObject **)addr;
        if (v == NULL) {
            if (m->type == KAA_T_OBJECT_EX) {
                return KaaErr_Format(KaaExc(AttributeError), "'%s' object has no attribute '%U'",
                                     Kaa_TYPE(obj)->tp_name, d->d_name);
            }
            return kaa_none_ref();
        }
        return Kaa_NewRef(v);
    }
    case KAA_T_SSIZE:
        return KaaInt_FromSsize_t(*(Kaa_ssize_t *)addr);
    case KAA_T_INT:
        return KaaInt_FromInt64(*(int *)addr);
    default:
        return KaaBool_FromLong(*(char *)addr);
    }
}

static int member_set(KaaObject *o, KaaObject *obj, KaaObject *value)
{
    DescrObject *d = (DescrObject *)o;
    KaaMemberDef *m = d->d_def;
    if (descr_check(d, obj) < 0) {
        return -1;
    }
    if (!(m->flags & KAA_MEMBER_WRITABLE) ||
        (m->type != KAA_T_OBJECT && m->type != KAA_T_OBJECT_EX)) {
        KaaErr_SetString(KaaExc(AttributeError), "readonly attribute");
        return -1;
    }
    KaaObject **addr = (KaaObject **)((char *)obj + m->offset);
    Kaa_SETREF(*addr, Kaa_XNewRef(value));
    return 0;
}

static KaaObject *member_repr(KaaObject *o)
{
    DescrObject *d = (DescrObject *)o;
    return KaaStr_FromFormat("<member '%U' of '%s' objects>", d->d_name, d->d_type->tp_name);
}

KaaTypeObject KaaMemberDescr_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(DescrObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse,
    .tp_repr = member_repr,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
};
