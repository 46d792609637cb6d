/* Python functions, closure cells and bound methods. Calling a function is
 * the VM's business (kaa_function_vectorcall in vm/eval.c).
 */
#include <string.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "vm/vm.h"

// --- function -----------------------------------------------------------------

KaaObject *KaaFunction_New(KaaObject *code, KaaObject *globals, KaaObject *qualname)
{
    KaaFunctionObject *f = (KaaFunctionObject *)kaa_object_new(&KaaFunction_Type);
    if (f == NULL) {
        return NULL;
    }
    KaaCodeObject *co = (KaaCodeObject *)code;
    f->func_code = Kaa_NewRef(code);
    f->func_globals = Kaa_NewRef(globals);
    KaaObject *b = KaaDict_GetItemString(globals, "__builtins__");
    if (b && KaaModule_Check(b)) {
        b = KaaModule_GetDict(b);
    }
    f->func_builtins = Kaa_NewRef(b && KaaDict_Check(b) ? b : kaa_interp.builtins);
    f->func_name = Kaa_NewRef(co->co_name);
    f->func_qualname = Kaa_NewRef(qualname ? qualname : co->co_name);
    KaaObject *mod = KaaDict_GetItemString(globals, "__name__");
    f->func_module = Kaa_XNewRef(mod);
    // The docstring is the first constant when it is a str (set by the compiler).
    f->func_doc = kaa_none_ref();
    KAA_GC_TRACK(f);
    return (KaaObject *)f;
}

static int func_traverse(KaaObject *o, visitproc visit, void *arg)
{
    KaaFunctionObject *f = (KaaFunctionObject *)o;
    Kaa_VISIT(f->func_code);
    Kaa_VISIT(f->func_globals);
    Kaa_VISIT(f->func_builtins);
    Kaa_VISIT(f->func_module);
    Kaa_VISIT(f->func_defaults);
    Kaa_VISIT(f->func_kwdefaults);
    Kaa_VISIT(f->func_doc);
    Kaa_VISIT(f->func_name);
    Kaa_VISIT(f->func_dict);
    Kaa_VISIT(f->func_closure);
    Kaa_VISIT(f->func_annotations);
    Kaa_VISIT(f->func_qualname);
    return 0;
}

static int func_clear(KaaObject *o)
{
    KaaFunctionObject *f = (KaaFunctionObject *)o;
    Kaa_CLEAR(f->func_globals);
    Kaa_CLEAR(f->func_builtins);
    Kaa_CLEAR(f->func_module);
    Kaa_CLEAR(f->func_defaults);
    Kaa_CLEAR(f->func_kwdefaults);
    Kaa_CLEAR(f->func_doc);
    Kaa_CLEAR(f->func_dict);
    Kaa_CLEAR(f->func_closure);
    Kaa_CLEAR(f->func_annotations);
    // name, qualname and code stay valid until dealloc (repr may need them).
    return 0;
}

static void func_dealloc(KaaObject *o)
{
    KaaFunctionObject *f = (KaaFunctionObject *)o;
    kaa_gc_untrack(o);
    kaa_weakref_clear_refs(o);
    func_clear(o);
    Kaa_CLEAR(f->func_code);
    Kaa_CLEAR(f->func_name);
    Kaa_CLEAR(f->func_qualname);
    kaa_object_free(o);
}

static KaaObject *func_repr(KaaObject *o)
{
    KaaFunctionObject *f = (KaaFunctionObject *)o;
    return KaaStr_FromFormat("<function %U at %p>", f->func_qualname, (void *)o);
}

// Functions become bound methods when looked up through an instance.
static KaaObject *func_descr_get(KaaObject *func, KaaObject *obj, KaaObject *type)
{
    if (obj == NULL || obj == Kaa_None) {
        return Kaa_NewRef(func);
    }
    return KaaMethod_New(func, obj);
}

static KaaObject *func_get_name(KaaObject *o, void *c)
{
    return Kaa_NewRef(((KaaFunctionObject *)o)->func_name);
}

static int func_set_name(KaaObject *o, KaaObject *v, void *c)
{
    if (v == NULL || !KaaStr_Check(v)) {
        KaaErr_SetString(KaaExc(TypeError), "__name__ must be set to a string object");
        return -1;
    }
    Kaa_SETREF(((KaaFunctionObject *)o)->func_name, Kaa_NewRef(v));
    return 0;
}

static KaaObject *func_get_qualname(KaaObject *o, void *c)
{
    return Kaa_NewRef(((KaaFunctionObject *)o)->func_qualname);
}

static int func_set_qualname(KaaObject *o, KaaObject *v, void *c)
{
    if (v == NULL || !KaaStr_Check(v)) {
        KaaErr_SetString(KaaExc(TypeError), "__qualname__ must be set to a string object");
        return -1;
    }
    Kaa_SETREF(((KaaFunctionObject *)o)->func_qualname, Kaa_NewRef(v));
    return 0;
}

static KaaObject *func_get_dict(KaaObject *o, void *c)
{
    KaaFunctionObject *f = (KaaFunctionObject *)o;
    if (f->func_dict == NULL && (f->func_dict = KaaDict_New()) == NULL) {
        return NULL;
    }
    return Kaa_NewRef(f->func_dict);
}

// MAKE_FUNCTION leaves the annotations as a tuple of name/value pairs; the
// dict is built on first read (or is an empty one when there were none).
static KaaObject *func_get_annotations(KaaObject *o, void *c)
{
    KaaFunctionObject *f = (KaaFunctionObject *)o;
    KaaObject *a = f->func_annotations;
    if (a == NULL || KaaTuple_Check(a)) {
        KaaObject *d = KaaDict_New();
        for (Kaa_ssize_t i = 0; d && a && i + 1 < KaaTuple_GET_SIZE(a); i += 2) {
            if (KaaDict_SetItem(d, KaaTuple_GET_ITEM(a, i), KaaTuple_GET_ITEM(a, i + 1)) < 0) {
                Kaa_CLEAR(d);
            }
        }
        if (d == NULL) {
            return NULL;
        }
        Kaa_SETREF(f->func_annotations, d);
    }
    return Kaa_NewRef(f->func_annotations);
}

static int func_set_annotations(KaaObject *o, KaaObject *v, void *c)
{
    if (v == Kaa_None) {
        v = NULL;
    }
    if (v && !KaaDict_Check(v)) {
        KaaErr_SetString(KaaExc(TypeError), "__annotations__ must be set to a dict object");
        return -1;
    }
    Kaa_SETREF(((KaaFunctionObject *)o)->func_annotations, Kaa_XNewRef(v));
    return 0;
}

static KaaGetSetDef func_getset[] = {
    {"__annotations__", func_get_annotations, func_set_annotations},
    {"__name__", func_get_name, func_set_name},
    {"__qualname__", func_get_qualname, func_set_qualname},
    {"__dict__", func_get_dict},
    {NULL},
};

static KaaMemberDef func_members[] = {
    {"__code__", KAA_T_OBJECT, offsetof(KaaFunctionObject, func_code)},
    {"__globals__", KAA_T_OBJECT, offsetof(KaaFunctionObject, func_globals)},
    {"__builtins__", KAA_T_OBJECT, offsetof(KaaFunctionObject, func_builtins)},
    {"__closure__", KAA_T_OBJECT, offsetof(KaaFunctionObject, func_closure)},
    {"__defaults__", KAA_T_OBJECT, offsetof(KaaFunctionObject, func_defaults),
     KAA_MEMBER_WRITABLE},
    {"__kwdefaults__", KAA_T_OBJECT, offsetof(KaaFunctionObject, func_kwdefaults),
     KAA_MEMBER_WRITABLE},
    {"__doc__", KAA_T_OBJECT, offsetof(KaaFunctionObject, func_doc), KAA_MEMBER_WRITABLE},
    {"__module__", KAA_T_OBJECT, offsetof(KaaFunctionObject, func_module), KAA_MEMBER_WRITABLE},
    {NULL},
};

KaaTypeObject KaaFunction_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "function",
    .tp_basicsize = sizeof(KaaFunctionObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = func_dealloc,
    .tp_traverse = func_traverse,
    .tp_clear = func_clear,
    .tp_repr = func_repr,
    .tp_call = kaa_function_vectorcall,
    .tp_descr_get = func_descr_get,
    .tp_getset = func_getset,
    .tp_members = func_members,
    .tp_dictoffset = offsetof(KaaFunctionObject, func_dict),
    .tp_weaklistoffset = offsetof(KaaFunctionObject, func_weakreflist),
};

// --- cell -----------------------------------------------------------------------

KaaObject *KaaCell_New(KaaObject *value)
{
    KaaCellObject *c = (KaaCellObject *)kaa_object_new(&KaaCell_Type);
    if (c == NULL) {
        return NULL;
    }
    c->ob_ref = Kaa_XNewRef(value);
    KAA_GC_TRACK(c);
    return (KaaObject *)c;
}

static int cell_traverse(KaaObject *o, visitproc visit, void *arg)
{
    Kaa_VISIT(((KaaCellObject *)o)->ob_ref);
    return 0;
}

static int cell_clear(KaaObject *o)
{
    Kaa_CLEAR(((KaaCellObject *)o)->ob_ref);
    return 0;
}

static void cell_dealloc(KaaObject *o)
{
    kaa_gc_untrack(o);
    cell_clear(o);
    kaa_object_free(o);
}

static KaaObject *cell_repr(KaaObject *o)
{
    KaaObject *v = ((KaaCellObject *)o)->ob_ref;
    if (v == NULL) {
        return KaaStr_FromFormat("<cell at %p: empty>", (void *)o);
    }
    return KaaStr_FromFormat("<cell at %p: %s object at %p>", (void *)o, Kaa_TYPE(v)->tp_name,
                             (void *)v);
}

static KaaObject *cell_get_contents(KaaObject *o, void *c)
{
    KaaObject *v = ((KaaCellObject *)o)->ob_ref;
    if (v == NULL) {
        return KaaErr_Format(KaaExc(ValueError), "Cell is empty");
    }
    return Kaa_NewRef(v);
}

static int cell_set_contents(KaaObject *o, KaaObject *v, void *c)
{
    Kaa_SETREF(((KaaCellObject *)o)->ob_ref, Kaa_XNewRef(v));
    return 0;
}

static KaaGetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents},
    {NULL},
};

KaaTypeObject KaaCell_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "cell",
    .tp_basicsize = sizeof(KaaCellObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = cell_dealloc,
    .tp_traverse = cell_traverse,
    .tp_clear = cell_clear,
    .tp_repr = cell_repr,
    .tp_getset = cell_getset,
};

// --- bound method -----------------------------------------------------------------

KaaObject *KaaMethod_New(KaaObject *func, KaaObject *self)
{
    KaaMethodObject *m = (KaaMethodObject *)kaa_object_new(&KaaMethod_Type);
    if (m == NULL) {
        return NULL;
    }
    m->im_func = Kaa_NewRef(func);
    m->im_self = Kaa_NewRef(self);
    KAA_GC_TRACK(m);
    return (KaaObject *)m;
}

// Call func(self, *args): copy the arguments behind self.
static KaaObject *method_call(KaaObject *o, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    KaaMethodObject *m = (KaaMethodObject *)o;
    size_t total = nargs + (kwnames ? (size_t)KaaTuple_GET_SIZE(kwnames) : 0);
    KaaObject *small[8];
    KaaObject **argv = small;
    if (total + 1 > 8) {
        argv = kaa_mem_alloc((total + 1) * sizeof(KaaObject *));
        if (argv == NULL) {
            return KaaErr_NoMemory();
        }
    }
    argv[0] = m->im_self;
    if (total) {
        memcpy(argv + 1, args, total * sizeof(KaaObject *));
    }
    KaaObject *res = KaaObject_Vectorcall(m->im_func, argv, nargs + 1, kwnames);
    if (argv != small) {
        kaa_mem_free(argv);
    }
    return res;
}

static int method_traverse(KaaObject *o, visitproc visit, void *arg)
{
    KaaMethodObject *m = (KaaMethodObject *)o;
    Kaa_VISIT(m->im_func);
    Kaa_VISIT(m->im_self);
    return 0;
}

static void method_dealloc(KaaObject *o)
{
    KaaMethodObject *m = (KaaMethodObject *)o;
    kaa_gc_untrack(o);
    Kaa_DECREF(m->im_func);
    Kaa_DECREF(m->im_self);
    kaa_object_free(o);
}

static KaaObject *method_repr(KaaObject *o)
{
    KaaMethodObject *m = (KaaMethodObject *)o;
    KaaObject *name = NULL;
    if (KaaObject_LookupAttr(m->im_func, kaa_id.__qualname__, &name) < 0) {
        return NULL;
    }
    KaaObject *r = KaaStr_FromFormat("<bound method %S of %R>", name ? name : Kaa_None,
                                     m->im_self);
    Kaa_XDECREF(name);
    return r;
}

static KaaObject *method_getattro(KaaObject *o, KaaObject *name)
{
    // Attributes not of the method itself come from the function.
    KaaObject *descr = kaa_type_lookup(Kaa_TYPE(o), name);
    if (descr) {
        return KaaObject_GenericGetAttr(o, name);
    }
    return KaaObject_GetAttr(((KaaMethodObject *)o)->im_func, name);
}

static KaaObject *method_richcompare(KaaObject *a, KaaObject *b, int op)
{
    if ((op != Kaa_EQ && op != Kaa_NE) || Kaa_TYPE(b) != &KaaMethod_Type) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    KaaMethodObject *x = (KaaMethodObject *)a, *y = (KaaMethodObject *)b;
    int eq = x->im_func == y->im_func && x->im_self == y->im_self;
    return KaaBool_FromLong(op == Kaa_EQ ? eq : !eq);
}

static KaaMemberDef method_members[] = {
    {"__func__", KAA_T_OBJECT, offsetof(KaaMethodObject, im_func)},
    {"__self__", KAA_T_OBJECT, offsetof(KaaMethodObject, im_self)},
    {NULL},
};

KaaTypeObject KaaMethod_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "method",
    .tp_basicsize = sizeof(KaaMethodObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = method_dealloc,
    .tp_traverse = method_traverse,
    .tp_repr = method_repr,
    .tp_call = method_call,
    .tp_getattro = method_getattro,
    .tp_richcompare = method_richcompare,
    .tp_members = method_members,
};
