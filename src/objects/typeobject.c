/* `type` and `object`: readying static types (namespace, MRO, inherited
 * slots), attribute lookup along the MRO, and calling a type to make an
 * instance. User-defined classes (heap types) build on the same machinery.
 */
#include <string.h>

#include <gmp.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "objects/heaptype.h"
#include "vm/vm.h"

Kaa_hash_t kaa_hash_pointer(const void *p);

// Static types readied so far, so that shutdown can release their namespaces.
static KaaTypeObject **ready_types;
static size_t n_ready, cap_ready;

int KaaType_IsSubtype(KaaTypeObject *a, KaaTypeObject *b)
{
    if (a == b) {
        return 1;
    }
    KaaObject *mro = a->tp_mro;
    if (mro) {
        for (Kaa_ssize_t i = 0; i < KaaTuple_GET_SIZE(mro); i++) {
            if (KaaTuple_GET_ITEM(mro, i) == (KaaObject *)b) {
                return 1;
            }
        }
        return 0;
    }
    for (KaaTypeObject *t = a->tp_base; t; t = t->tp_base) {
        if (t == b) {
            return 1;
        }
    }
    return b == &KaaBaseObject_Type;
}

// A cache of kaa_type_lookup results (CPython's method cache): entries are
// valid while kaa_type_epoch is unchanged. The epoch moves whenever any
// type's namespace may change (class creation and destruction, attribute
// assignment on a class, readying a type), so an entry never outlives the
// namespaces it was read from. Only interned names are cached: they live
// until shutdown, so a name pointer cannot be reused by another string.
#define TYPE_CACHE_SIZE 4096
typedef struct {
    KaaTypeObject *type;
    KaaObject *name;
    KaaObject *value; // borrowed; NULL caches "not found"
    unsigned epoch;
} TypeCacheEntry;
static TypeCacheEntry type_cache[TYPE_CACHE_SIZE];
unsigned kaa_type_epoch = 1;

void kaa_type_modified(void)
{
    kaa_type_epoch++;
    if (kaa_type_epoch == 0) {
        memset(type_cache, 0, sizeof type_cache);
        kaa_type_epoch = 1;
    }
}

static KaaObject *lookup_uncached(KaaTypeObject *type, KaaObject *name)
{
    KaaObject *mro = type->tp_mro;
    if (mro == NULL) {
        return NULL;
    }
    Kaa_ssize_t n = KaaTuple_GET_SIZE(mro);
    for (Kaa_ssize_t i = 0; i < n; i++) {
        KaaTypeObject *base = (KaaTypeObject *)KaaTuple_GET_ITEM(mro, i);
        if (base->tp_dict == NULL) {
            continue;
        }
        // Names are str: the lookup cannot fail, and an exception already
        // pending (the caller may be building one) must be left alone.
        KaaObject *res = KaaDict_GetItemWithError(base->tp_dict, name);
        if (res) {
            return res;
        }
    }
    return NULL;
}

// Find name in the namespaces along type's MRO. Borrowed, no exception set.
KaaObject *kaa_type_lookup(KaaTypeObject *type, KaaObject *name)
{
    // Static types are readied on first use, so every file need not list them.
    if (!(type->tp_flags & KAA_TPFLAGS_READY)) {
        KaaObject *pending = KaaErr_GetRaisedException();
        int r = KaaType_Ready(type);
        KaaErr_SetRaisedException(pending);
        if (r < 0) {
            return NULL;
        }
    }
    if (!((KaaStrObject *)name)->interned) {
        return lookup_uncached(type, name);
    }
    size_t h = (((uintptr_t)type >> 4) ^ ((uintptr_t)name >> 3)) & (TYPE_CACHE_SIZE - 1);
    TypeCacheEntry *e = &type_cache[h];
    if (e->type == type && e->name == name && e->epoch == kaa_type_epoch) {
        return e->value;
    }
    KaaObject *res = lookup_uncached(type, name);
    e->type = type;
    e->name = name;
    e->value = res;
    e->epoch = kaa_type_epoch;
    return res;
}

// --- Readying a type -------------------------------------------------------------

#define INHERIT(slot)                                                                            \
    if (type->slot == NULL) {                                                                    \
        type->slot = base->slot;                                                                 \
    }

static void inherit_number(KaaTypeObject *type, KaaTypeObject *base)
{
    if (base->tp_as_number == NULL) {
        return;
    }
    if (type->tp_as_number == NULL) {
        type->tp_as_number = base->tp_as_number;
        return;
    }
    // Copy slot by slot: both tables are plain arrays of function pointers.
    void **dst = (void **)type->tp_as_number;
    void *const *src = (void *const *)base->tp_as_number;
    for (size_t i = 0; i < sizeof(KaaNumberMethods) / sizeof(void *); i++) {
        if (dst[i] == NULL) {
            dst[i] = src[i];
        }
    }
}

void kaa_type_inherit_slots(KaaTypeObject *type, KaaTypeObject *base)
{
    if (type->tp_basicsize == 0) {
        type->tp_basicsize = base->tp_basicsize;
    }
    if (type->tp_itemsize == 0) {
        type->tp_itemsize = base->tp_itemsize;
    }
    INHERIT(tp_dealloc);
    INHERIT(tp_repr);
    INHERIT(tp_str);
    INHERIT(tp_getattro);
    INHERIT(tp_setattro);
    INHERIT(tp_call);
    INHERIT(tp_iter);
    INHERIT(tp_iternext);
    INHERIT(tp_descr_get);
    INHERIT(tp_descr_set);
    INHERIT(tp_init);
    INHERIT(tp_new);
    INHERIT(tp_finalize);
    if (type->tp_richcompare == NULL && type->tp_hash == NULL) {
        type->tp_richcompare = base->tp_richcompare;
        type->tp_hash = base->tp_hash;
    }
    if (KaaType_IS_GC(type) == KaaType_IS_GC(base)) {
        INHERIT(tp_traverse);
        INHERIT(tp_clear);
    }
    // Offsets into the instance belong to the layout, which comes from
    // tp_base alone; another class of the MRO may place its dict elsewhere.
    if (base == type->tp_base && type->tp_dictoffset == 0) {
        type->tp_dictoffset = base->tp_dictoffset;
    }
    if (base == type->tp_base && type->tp_weaklistoffset == 0) {
        type->tp_weaklistoffset = base->tp_weaklistoffset;
    }
    inherit_number(type, base);
    INHERIT(tp_as_sequence);
    INHERIT(tp_as_mapping);
    type->tp_flags |= base->tp_flags &
                      (KAA_TPFLAGS_LONG_SUBCLASS | KAA_TPFLAGS_LIST_SUBCLASS |
                       KAA_TPFLAGS_TUPLE_SUBCLASS | KAA_TPFLAGS_BYTES_SUBCLASS |
                       KAA_TPFLAGS_UNICODE_SUBCLASS | KAA_TPFLAGS_DICT_SUBCLASS |
                       KAA_TPFLAGS_BASE_EXC_SUBCLASS | KAA_TPFLAGS_TYPE_SUBCLASS);
}

static int add_to_dict(KaaObject *dict, const char *name, KaaObject *value)
{
    if (value == NULL) {
        return -1;
    }
    int r = KaaDict_SetItem(dict, KaaStr_InternFromString(name), value);
    Kaa_DECREF(value);
    return r;
}

static int fill_dict(KaaTypeObject *type)
{
    KaaObject *dict = type->tp_dict;
    for (KaaMethodDef *m = type->tp_methods; m && m->ml_name; m++) {
        KaaObject *d = (m->ml_flags & KAA_METH_CLASS) ? KaaDescr_NewClassMethod(type, m)
                                                       : KaaDescr_NewMethod(type, m);
        if (add_to_dict(dict, m->ml_name, d) < 0) {
            return -1;
        }
    }
    for (KaaGetSetDef *g = type->tp_getset; g && g->name; g++) {
        if (add_to_dict(dict, g->name, KaaDescr_NewGetSet(type, g)) < 0) {
            return -1;
        }
    }
    for (KaaMemberDef *m = type->tp_members; m && m->name; m++) {
        if (add_to_dict(dict, m->name, KaaDescr_NewMember(type, m)) < 0) {
            return -1;
        }
    }
    if (KaaDict_GetItemString(dict, "__doc__") == NULL) {
        KaaObject *doc = type->tp_doc ? KaaStr_FromString(type->tp_doc) : kaa_none_ref();
        if (add_to_dict(dict, "__doc__", doc) < 0) {
            return -1;
        }
    }
    return 0;
}

static int set_names(KaaTypeObject *type)
{
    const char *dot = strrchr(type->tp_name, '.');
    const char *shortname = dot ? dot + 1 : type->tp_name;
    type->tp_name_obj = KaaStr_FromString(shortname);
    type->tp_qualname_obj = Kaa_NewRef(type->tp_name_obj);
    if (dot) {
        type->tp_module_obj = KaaStr_FromStringAndSize(type->tp_name, dot - type->tp_name);
    } else {
        type->tp_module_obj = KaaStr_FromString("builtins");
    }
    return type->tp_name_obj && type->tp_module_obj ? 0 : -1;
}

static int remember_ready(KaaTypeObject *type)
{
    if (n_ready == cap_ready) {
        size_t cap = cap_ready ? cap_ready * 2 : 64;
        KaaTypeObject **p = kaa_mem_realloc(ready_types, cap * sizeof(*p));
        if (p == NULL) {
            KaaErr_NoMemory();
            return -1;
        }
        ready_types = p;
        cap_ready = cap;
    }
    ready_types[n_ready++] = type;
    return 0;
}

int KaaType_Ready(KaaTypeObject *type)
{
    if (type->tp_flags & KAA_TPFLAGS_READY) {
        return 0;
    }
    kaa_type_modified();
    KaaTypeObject *base = type->tp_base;
    if (base == NULL && type != &KaaBaseObject_Type) {
        base = type->tp_base = &KaaBaseObject_Type;
    }
    if (base && KaaType_Ready(base) < 0) {
        return -1;
    }
    type->tp_flags |= KAA_TPFLAGS_READY;
    // Comparing without hashing (list, dict): unhashable, __hash__ is None.
    if (type->tp_hash == NULL && type->tp_richcompare != NULL &&
        !(type->tp_flags & KAA_TPFLAGS_HEAPTYPE)) {
        type->tp_hash = KaaObject_HashNotImplemented;
    }
    // The namespace first: its slot wrappers are for the slots the type
    // defines itself, not those it inherits.
    type->tp_dict = KaaDict_New();
    if (type->tp_dict == NULL || fill_dict(type) < 0 || kaa_add_operators(type) < 0) {
        return -1;
    }
    if (base) {
        kaa_type_inherit_slots(type, base);
    }
    if (type->tp_setattro == NULL && type->tp_dictoffset) {
        type->tp_setattro = KaaObject_GenericSetAttr;
    }
    // MRO of a single-inheritance static type: itself, then its base's MRO.
    Kaa_ssize_t nbase = base ? KaaTuple_GET_SIZE(base->tp_mro) : 0;
    type->tp_mro = KaaTuple_New(nbase + 1);
    if (type->tp_mro == NULL) {
        return -1;
    }
    KaaTuple_SET_ITEM(type->tp_mro, 0, Kaa_NewRef(type));
    for (Kaa_ssize_t i = 0; i < nbase; i++) {
        KaaTuple_SET_ITEM(type->tp_mro, i + 1, Kaa_NewRef(KaaTuple_GET_ITEM(base->tp_mro, i)));
    }
    type->tp_bases = base ? KaaTuple_Pack(1, (KaaObject *)base) : KaaTuple_New(0);
    if (type->tp_bases == NULL || set_names(type) < 0) {
        return -1;
    }
    return (type->tp_flags & KAA_TPFLAGS_HEAPTYPE) ? 0 : remember_ready(type);
}

// Release what KaaType_Ready allocated for static types (at shutdown).
void kaa_type_fini(void)
{
    kaa_type_modified();
    // Clear namespaces first: they may hold descriptors referring to other types.
    for (size_t i = 0; i < n_ready; i++) {
        KaaTypeObject *t = ready_types[i];
        if (t->tp_dict) {
            KaaDict_Clear(t->tp_dict);
        }
    }
    for (size_t i = n_ready; i-- > 0;) {
        KaaTypeObject *t = ready_types[i];
        Kaa_CLEAR(t->tp_dict);
        Kaa_CLEAR(t->tp_mro);
        Kaa_CLEAR(t->tp_bases);
        Kaa_CLEAR(t->tp_name_obj);
        Kaa_CLEAR(t->tp_qualname_obj);
        Kaa_CLEAR(t->tp_module_obj);
        t->tp_flags &= ~(unsigned long)KAA_TPFLAGS_READY;
    }
    kaa_mem_free(ready_types);
    ready_types = NULL;
    n_ready = cap_ready = 0;
}

// --- type --------------------------------------------------------------------

static KaaObject *type_repr(KaaObject *o)
{
    KaaTypeObject *t = (KaaTypeObject *)o;
    if (t->tp_module_obj && KaaStr_Check(t->tp_module_obj) &&
        !KaaStr_EqualToASCII(t->tp_module_obj, "builtins")) {
        return KaaStr_FromFormat("<class '%U.%U'>", t->tp_module_obj, t->tp_qualname_obj);
    }
    return KaaStr_FromFormat("<class '%s'>", t->tp_name);
}

static KaaObject *type_call(KaaObject *callable, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    KaaTypeObject *type = (KaaTypeObject *)callable;
    if (type == &KaaType_Type && nargs == 1 && kwnames == NULL) {
        return Kaa_NewRef(Kaa_TYPE(args[0]));
    }
    if (type == &KaaType_Type && nargs != 3) {
        return KaaErr_Format(KaaExc(TypeError), "type() takes 1 or 3 arguments");
    }
    if (type->tp_new == NULL) {
        return KaaErr_Format(KaaExc(TypeError), "cannot create '%s' instances", type->tp_name);
    }
    KaaObject *obj = type->tp_new(type, args, nargs, kwnames);
    if (obj == NULL) {
        return NULL;
    }
    // Instances of classes are GC objects even when their builtin base's
    // __new__ (int, float, str...) does not know it: track them here.
    if ((Kaa_TYPE(obj)->tp_flags & KAA_TPFLAGS_HEAPTYPE) && KaaObject_IS_GC(obj) &&
        !kaa_gc_is_tracked(obj)) {
        kaa_gc_track(obj);
    }
    // __init__ runs only when __new__ returned an instance of this type.
    if (!KaaType_IsSubtype(Kaa_TYPE(obj), type)) {
        return obj;
    }
    initproc init = Kaa_TYPE(obj)->tp_init;
    if (init && init(obj, args, nargs, kwnames) < 0) {
        Kaa_DECREF(obj);
        return NULL;
    }
    return obj;
}

static KaaObject *type_getattro(KaaObject *o, KaaObject *name)
{
    KaaTypeObject *type = (KaaTypeObject *)o;
    KaaTypeObject *meta = Kaa_TYPE(o);
    KaaObject *meta_attr = kaa_type_lookup(meta, name);
    descrgetfunc meta_get = NULL;
    if (meta_attr) {
        meta_get = Kaa_TYPE(meta_attr)->tp_descr_get;
        if (meta_get && Kaa_TYPE(meta_attr)->tp_descr_set) {
            return meta_get(meta_attr, o, (KaaObject *)meta);
        }
    }
    KaaObject *attr = kaa_type_lookup(type, name);
    if (attr) {
        descrgetfunc get = Kaa_TYPE(attr)->tp_descr_get;
        if (get) {
            Kaa_INCREF(attr);
            KaaObject *res = get(attr, NULL, o);
            Kaa_DECREF(attr);
            return res;
        }
        return Kaa_NewRef(attr);
    }
    if (meta_get) {
        return meta_get(meta_attr, o, (KaaObject *)meta);
    }
    if (meta_attr) {
        return Kaa_NewRef(meta_attr);
    }
    return KaaErr_Format(KaaExc(AttributeError), "type object '%s' has no attribute '%U'",
                         type->tp_name, name);
}

static int type_setattro(KaaObject *o, KaaObject *name, KaaObject *value)
{
    KaaTypeObject *type = (KaaTypeObject *)o;
    if (!(type->tp_flags & KAA_TPFLAGS_HEAPTYPE)) {
        KaaErr_Format(KaaExc(TypeError),
                      "cannot set '%U' attribute of immutable type '%s'", name, type->tp_name);
        return -1;
    }
    // A data descriptor of the metaclass (__name__, ...) takes the assignment.
    KaaObject *meta_attr = kaa_type_lookup(Kaa_TYPE(o), name);
    if (meta_attr && Kaa_TYPE(meta_attr)->tp_descr_set) {
        Kaa_INCREF(meta_attr);
        int r = Kaa_TYPE(meta_attr)->tp_descr_set(meta_attr, o, value);
        Kaa_DECREF(meta_attr);
        return r;
    }
    type->tp_version_tag++;
    kaa_type_modified();
    int r;
    if (value == NULL) {
        r = KaaDict_DelItem(type->tp_dict, name);
        if (r < 0 && KaaErr_ExceptionMatches(KaaExc(KeyError))) {
            KaaErr_Clear();
            KaaErr_Format(KaaExc(AttributeError), "type object '%s' has no attribute '%U'",
                          type->tp_name, name);
        }
    } else {
        r = KaaDict_SetItem(type->tp_dict, name, value);
    }
    // __module__ stored in the namespace (a metaclass's own __module__ hid
    // type's descriptor): the repr follows it.
    if (r == 0 && KaaStr_Check(name) && KaaStr_EqualToASCII(name, "__module__")) {
        Kaa_SETREF(type->tp_module_obj, Kaa_XNewRef(value));
    }
    // A special method changed: the C slots of this class and its subclasses follow.
    if (r == 0 && KaaStr_Check(name) && KaaStr_NBYTES(name) > 4 &&
        memcmp(KaaStr_DATA(name), "__", 2) == 0 &&
        memcmp(KaaStr_DATA(name) + KaaStr_NBYTES(name) - 2, "__", 2) == 0) {
        kaa_heaptype_update_slots(type);
    }
    return r;
}

static KaaObject *type_get_name(KaaObject *o, void *closure)
{
    return Kaa_NewRef(((KaaTypeObject *)o)->tp_name_obj);
}

static KaaObject *type_get_qualname(KaaObject *o, void *closure)
{
    return Kaa_NewRef(((KaaTypeObject *)o)->tp_qualname_obj);
}

// Builtin types' names are fixed; a class's may be reassigned.
static int check_set_special(KaaTypeObject *type, KaaObject *value, const char *attr)
{
    if (!(type->tp_flags & KAA_TPFLAGS_HEAPTYPE)) {
        KaaErr_Format(KaaExc(TypeError), "cannot set '%s' attribute of immutable type '%s'", attr,
                      type->tp_name);
        return -1;
    }
    if (value == NULL) {
        KaaErr_Format(KaaExc(TypeError), "cannot delete '%s' attribute of immutable type '%s'",
                      attr, type->tp_name);
        return -1;
    }
    return 0;
}

static int type_set_name(KaaObject *o, KaaObject *value, void *closure)
{
    KaaTypeObject *type = (KaaTypeObject *)o;
    if (check_set_special(type, value, "__name__") < 0) {
        return -1;
    }
    return kaa_heaptype_set_name(type, value);
}

static int type_set_qualname(KaaObject *o, KaaObject *value, void *closure)
{
    KaaTypeObject *type = (KaaTypeObject *)o;
    if (check_set_special(type, value, "__qualname__") < 0) {
        return -1;
    }
    if (!KaaStr_Check(value)) {
        KaaErr_Format(KaaExc(TypeError), "can only assign string to %s.__qualname__, not '%s'",
                      type->tp_name, Kaa_TYPE(value)->tp_name);
        return -1;
    }
    Kaa_SETREF(type->tp_qualname_obj, Kaa_NewRef(value));
    return 0;
}

static int type_set_module(KaaObject *o, KaaObject *value, void *closure)
{
    KaaTypeObject *type = (KaaTypeObject *)o;
    if (check_set_special(type, value, "__module__") < 0 ||
        KaaDict_SetItemString(type->tp_dict, "__module__", value) < 0) {
        return -1;
    }
    Kaa_SETREF(type->tp_module_obj, Kaa_NewRef(value));
    kaa_type_modified();
    return 0;
}

static KaaObject *type_get_module(KaaObject *o, void *closure)
{
    KaaTypeObject *t = (KaaTypeObject *)o;
    return t->tp_module_obj ? Kaa_NewRef(t->tp_module_obj) : kaa_none_ref();
}

static KaaObject *type_get_mro(KaaObject *o, void *closure)
{
    return Kaa_NewRef(((KaaTypeObject *)o)->tp_mro);
}

static KaaObject *type_get_bases(KaaObject *o, void *closure)
{
    return Kaa_NewRef(((KaaTypeObject *)o)->tp_bases);
}

static KaaObject *type_get_base(KaaObject *o, void *closure)
{
    KaaTypeObject *b = ((KaaTypeObject *)o)->tp_base;
    return b ? Kaa_NewRef(b) : kaa_none_ref();
}

static KaaObject *type_get_dict(KaaObject *o, void *closure)
{
    // CPython returns a read-only mappingproxy; a copy keeps the type safe.
    return KaaDict_Copy(((KaaTypeObject *)o)->tp_dict);
}

static KaaGetSetDef type_getset[] = {
    {"__name__", type_get_name, type_set_name},
    {"__qualname__", type_get_qualname, type_set_qualname},
    {"__module__", type_get_module, type_set_module},
    {"__mro__", type_get_mro},
    {"__bases__", type_get_bases},
    {"__base__", type_get_base},
    {"__dict__", type_get_dict},
    {NULL},
};

int kaa_heaptype_traverse(KaaObject *o, visitproc visit, void *arg);
int kaa_heaptype_clear(KaaObject *o);
void kaa_heaptype_dealloc(KaaObject *o);

static void type_dealloc(KaaObject *o)
{
    if (((KaaTypeObject *)o)->tp_flags & KAA_TPFLAGS_HEAPTYPE) {
        kaa_heaptype_dealloc(o);
        return;
    }
    fprintf(stderr, "kaa: fatal: deallocating static type %s\n", ((KaaTypeObject *)o)->tp_name);
    abort();
}

// Only classes (heap types) are GC objects; static types have no GC head.
static int type_is_gc(KaaObject *o)
{
    return (((KaaTypeObject *)o)->tp_flags & KAA_TPFLAGS_HEAPTYPE) != 0;
}

static int type_traverse(KaaObject *o, visitproc visit, void *arg)
{
    if (!type_is_gc(o)) {
        return 0;
    }
    return kaa_heaptype_traverse(o, visit, arg);
}

static int type_clear(KaaObject *o)
{
    return type_is_gc(o) ? kaa_heaptype_clear(o) : 0;
}

// type(name, bases, dict, **kwds) and Meta(...) for metaclasses.
static KaaObject *type_new_slot(KaaTypeObject *meta, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    if (nargs != 3) {
        return KaaErr_Format(KaaExc(TypeError), "type.__new__() takes exactly 3 arguments (%zu given)",
                             nargs);
    }
    KaaObject *kwds = NULL;
    Kaa_ssize_t nkw = kwnames ? KaaTuple_GET_SIZE(kwnames) : 0;
    if (nkw) {
        kwds = KaaDict_New();
        for (Kaa_ssize_t i = 0; kwds && i < nkw; i++) {
            if (KaaDict_SetItem(kwds, KaaTuple_GET_ITEM(kwnames, i), args[nargs + (size_t)i]) < 0) {
                Kaa_CLEAR(kwds);
            }
        }
        if (kwds == NULL) {
            return NULL;
        }
    }
    KaaObject *r = kaa_type_new(meta, args[0], args[1], args[2], kwds);
    Kaa_XDECREF(kwds);
    return r;
}

static int type_init(KaaObject *self, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    return 0;
}

static Kaa_hash_t object_hash(KaaObject *o)
{
    return kaa_hash_pointer(o);
}

static KaaNumberMethods type_as_number = {.nb_or = kaa_type_or};

static KaaMethodDef type_methods[] = {
    {"__subclasses__", kaa_type_subclasses, KAA_METH_NOARGS,
     "Return a list of immediate subclasses."},
    {NULL},
};

KaaTypeObject KaaType_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "type",
    .tp_basicsize = sizeof(KaaHeapTypeObject),
    .tp_flags = KAA_TPFLAGS_BASETYPE | KAA_TPFLAGS_TYPE_SUBCLASS | KAA_TPFLAGS_HAVE_GC,
    .tp_is_gc = type_is_gc,
    .tp_traverse = type_traverse,
    .tp_clear = type_clear,
    .tp_new = type_new_slot,
    .tp_init = type_init,
    .tp_dictoffset = offsetof(KaaTypeObject, tp_dict),
    .tp_weaklistoffset = offsetof(KaaTypeObject, tp_weaklist),
    .tp_dealloc = type_dealloc,
    .tp_repr = type_repr,
    .tp_call = type_call,
    .tp_getattro = type_getattro,
    .tp_setattro = type_setattro,
    .tp_hash = object_hash,
    .tp_getset = type_getset,
    .tp_as_number = &type_as_number,
    .tp_methods = type_methods,
};

// --- object --------------------------------------------------------------------

static KaaObject *object_richcompare(KaaObject *a, KaaObject *b, int op)
{
    if (op == Kaa_EQ) {
        if (a == b) {
            return KaaBool_FromLong(1);
        }
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    if (op == Kaa_NE) {
        // Default __ne__ inverts __eq__ unless that is NotImplemented.
        KaaObject *eq = Kaa_TYPE(a)->tp_richcompare(a, b, Kaa_EQ);
        if (eq == NULL || eq == Kaa_NotImplemented) {
            return eq;
        }
        int t = KaaObject_IsTrue(eq);
        Kaa_DECREF(eq);
        return t < 0 ? NULL : KaaBool_FromLong(!t);
    }
    Kaa_RETURN_NOTIMPLEMENTED;
}

static KaaObject *object_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                             KaaObject *kwnames)
{
    if ((nargs || kwnames) && type->tp_init == KaaBaseObject_Type.tp_init) {
        return KaaErr_Format(KaaExc(TypeError), "%s() takes no arguments", type->tp_name);
    }
    KaaObject *o = KaaType_GenericAlloc(type, 0);
    if (o && KaaType_IS_GC(type)) {
        kaa_gc_track(o);
    }
    return o;
}

static int object_init(KaaObject *self, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    KaaTypeObject *type = Kaa_TYPE(self);
    if ((nargs || kwnames) && type->tp_new == KaaBaseObject_Type.tp_new) {
        KaaErr_Format(KaaExc(TypeError), "%s() takes no arguments", type->tp_name);
        return -1;
    }
    return 0;
}

static void object_dealloc(KaaObject *o)
{
    // Instances of classes come through subtype_dealloc, which drops the
    // reference to their type.
    kaa_object_free(o);
}

static KaaObject *object_get_class(KaaObject *o, void *closure)
{
    return Kaa_NewRef(Kaa_TYPE(o));
}

static int object_set_class(KaaObject *o, KaaObject *value, void *closure)
{
    return kaa_object_set_class(o, value);
}

KaaObject *kaa_object_default_repr(KaaObject *o);

static KaaObject *object_str(KaaObject *o)
{
    return KaaObject_Repr(o);
}

// object.__sizeof__: the bytes this object owns, headers in front of it
// (the GC head) left to sys.getsizeof. Generally tp_basicsize plus
// tp_itemsize per item, as CPython's; kaa's own variable layouts are counted
// here too, since str and int inherit this method: a str stores its UTF-8
// bytes and a NUL after the header (ob_size counts code points, not bytes),
// and a big int owns a GMP integer and its limbs. As in CPython 3.11, an
// instance's inline values array and its __dict__ are not counted.
static KaaObject *object_sizeof(KaaObject *self, KaaObject *unused)
{
    KaaTypeObject *t = Kaa_TYPE(self);
    Kaa_ssize_t res = t->tp_basicsize;
    if (KaaStr_Check(self)) {
        res += ((KaaStrObject *)self)->nbytes + 1;
    } else if (t->tp_itemsize > 0) {
        Kaa_ssize_t n = ((KaaVarObject *)self)->ob_size;
        res += (n < 0 ? -n : n) * t->tp_itemsize;
    }
    if (KaaInt_Check(self) && !KaaInt_IS_SMALL(self)) {
        __mpz_struct *z = ((KaaIntObject *)self)->big;
        res += (Kaa_ssize_t)(sizeof(__mpz_struct) + (size_t)z->_mp_alloc * sizeof(mp_limb_t));
    }
    return KaaInt_FromSsize_t(res);
}

// object.__init_subclass__(): the end of the super() chain; takes nothing.
static KaaObject *object_init_subclass(KaaObject *cls, KaaObject *const *args, size_t nargs,
                                       KaaObject *kwnames)
{
    if (nargs || (kwnames && KaaTuple_GET_SIZE(kwnames))) {
        return KaaErr_Format(KaaExc(TypeError), "%s.__init_subclass__() takes no %sarguments",
                             "object", nargs ? "" : "keyword ");
    }
    Kaa_RETURN_NONE;
}

static KaaMethodDef object_methods[] = {
    {"__init_subclass__", object_init_subclass, KAA_METH_FASTCALL | KAA_METH_CLASS,
     "This method is called when a class is subclassed."},
    {"__sizeof__", object_sizeof, KAA_METH_NOARGS, "Size of object in memory, in bytes."},
    {"__format__", kaa_object___format__, KAA_METH_O, "Default object formatter."},
    {NULL},
};

static KaaGetSetDef object_getset[] = {
    {"__class__", object_get_class, object_set_class},
    {NULL},
};

KaaTypeObject KaaBaseObject_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "object",
    .tp_basicsize = sizeof(KaaObject),
    .tp_flags = KAA_TPFLAGS_BASETYPE,
    .tp_doc = "The base class of the class hierarchy.",
    .tp_dealloc = object_dealloc,
    .tp_repr = kaa_object_default_repr,
    .tp_str = object_str,
    .tp_hash = object_hash,
    .tp_richcompare = object_richcompare,
    .tp_getattro = KaaObject_GenericGetAttr,
    .tp_setattro = KaaObject_GenericSetAttr,
    .tp_new = object_new,
    .tp_init = object_init,
    .tp_methods = object_methods,
    .tp_getset = object_getset,
};
