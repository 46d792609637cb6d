/* Classes defined in Python: creating them (type_new, the C3 MRO, __slots__),
 * their instances (inline attribute values, see heaptype.h), deallocation
 * with finalizers, and the dispatch of special methods (__add__, __len__...)
 * through the type's C slots, as CPython's typeobject.c does.
 */
#include <string.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "objects/heaptype.h"
#include "vm/vm.h"

#define HT(t) ((KaaHeapTypeObject *)(t))

// --- Instance attributes ------------------------------------------------------------

static KaaObject **dict_slot(KaaObject *o)
{
    return (KaaObject **)((char *)o + Kaa_TYPE(o)->tp_dictoffset);
}

static KaaInlineValues **values_slot(KaaObject *o)
{
    return (KaaInlineValues **)((char *)o + Kaa_TYPE(o)->tp_dictoffset + sizeof(KaaObject *));
}

static int key_index(KaaSharedKeys *keys, KaaObject *name)
{
    for (int i = 0; i < keys->n; i++) {
        if (keys->names[i] == name) {
            return i;
        }
    }
    for (int i = 0; i < keys->n; i++) {
        if (kaa_str_eq(keys->names[i], name)) {
            return i;
        }
    }
    return -1;
}

// The shared keys of o's class (the class that added the managed dict, or a
// subclass: each class has its own, as CPython's ht_cached_keys).
static KaaSharedKeys *instance_keys(KaaObject *o)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    if (!(t->tp_flags & KAA_TPFLAGS_HEAPTYPE)) {
        return NULL;
    }
    KaaHeapTypeObject *ht = HT(t);
    if (ht->ht_cached_keys == NULL) {
        ht->ht_cached_keys = kaa_mem_calloc(1, sizeof(KaaSharedKeys));
    }
    return ht->ht_cached_keys;
}

// Move the inline values into a new dict, in the instance's insertion order.
static KaaObject *materialize(KaaObject *o)
{
    KaaObject **dictp = dict_slot(o);
    if (*dictp) {
        return *dictp;
    }
    KaaObject *d = KaaDict_New();
    if (d == NULL) {
        return NULL;
    }
    KaaInlineValues *v = *values_slot(o);
    KaaSharedKeys *keys = instance_keys(o);
    if (v) {
        for (int i = 0; i < v->norder; i++) {
            int ix = v->order[i];
            if (KaaDict_SetItem(d, keys->names[ix], v->values[ix]) < 0) {
                Kaa_DECREF(d);
                return NULL;
            }
        }
        for (int i = 0; i < v->cap; i++) {
            Kaa_XDECREF(v->values[i]);
        }
        kaa_obj_free(v);
        *values_slot(o) = NULL;
    }
    *dictp = d;
    return d;
}

KaaObject *kaa_instance_dict(KaaObject *o)
{
    return materialize(o);
}

KaaObject *kaa_instance_lookup(KaaObject *o, KaaObject *name)
{
    KaaObject *d = *dict_slot(o);
    if (d) {
        return KaaDict_GetItemWithError(d, name);
    }
    KaaInlineValues *v = *values_slot(o);
    KaaSharedKeys *keys = instance_keys(o);
    if (v == NULL || keys == NULL) {
        return NULL;
    }
    int ix = key_index(keys, name);
    return ix >= 0 && ix < v->cap ? v->values[ix] : NULL;
}

static KaaTypeObject *static_base(KaaTypeObject *t);

// Same instance layout, so an object may change between the two classes
// (CPython's compatible_for_assignment).
static int same_layout(KaaTypeObject *a, KaaTypeObject *b)
{
    while (a->tp_base && (a->tp_flags & KAA_TPFLAGS_HEAPTYPE) && HT(a)->ht_slots == NULL &&
           a->tp_basicsize == a->tp_base->tp_basicsize) {
        a = a->tp_base;
    }
    while (b->tp_base && (b->tp_flags & KAA_TPFLAGS_HEAPTYPE) && HT(b)->ht_slots == NULL &&
           b->tp_basicsize == b->tp_base->tp_basicsize) {
        b = b->tp_base;
    }
    if (a == b) {
        return 1;
    }
    if (a->tp_basicsize != b->tp_basicsize || a->tp_itemsize != b->tp_itemsize ||
        a->tp_dictoffset != b->tp_dictoffset || a->tp_weaklistoffset != b->tp_weaklistoffset ||
        ((a->tp_flags ^ b->tp_flags) & (KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_MANAGED_DICT)) ||
        static_base(a) != static_base(b)) {
        return 0;
    }
    KaaObject *sa = (a->tp_flags & KAA_TPFLAGS_HEAPTYPE) ? HT(a)->ht_slots : NULL;
    KaaObject *sb = (b->tp_flags & KAA_TPFLAGS_HEAPTYPE) ? HT(b)->ht_slots : NULL;
    if (sa == NULL || sb == NULL) {
        return sa == sb;
    }
    return KaaObject_RichCompareBool(sa, sb, Kaa_EQ) == 1;
}

int kaa_object_set_class(KaaObject *o, KaaObject *value)
{
    if (value == NULL) {
        KaaErr_SetString(KaaExc(TypeError), "can't delete __class__ attribute");
        return -1;
    }
    if (!KaaType_HasFeature(Kaa_TYPE(value), KAA_TPFLAGS_TYPE_SUBCLASS)) {
        KaaErr_Format(KaaExc(TypeError), "__class__ must be set to a class, not '%s' object",
                      Kaa_TYPE(value)->tp_name);
        return -1;
    }
    KaaTypeObject *oldto = Kaa_TYPE(o), *newto = (KaaTypeObject *)value;
    if (!(oldto->tp_flags & KAA_TPFLAGS_HEAPTYPE) || !(newto->tp_flags & KAA_TPFLAGS_HEAPTYPE)) {
        KaaErr_SetString(KaaExc(TypeError), "__class__ assignment only supported for mutable "
                                            "types or ModuleType subclasses");
        return -1;
    }
    if (!same_layout(oldto, newto)) {
        KaaErr_Format(KaaExc(TypeError), "__class__ assignment: '%s' object layout differs from '%s'",
                      newto->tp_name, oldto->tp_name);
        return -1;
    }
    // Inline values are indexed by the old class's shared keys: move them
    // into a real dict first.
    if ((oldto->tp_flags & KAA_TPFLAGS_MANAGED_DICT) && *values_slot(o) && materialize(o) == NULL) {
        return -1;
    }
    Kaa_INCREF(newto);
    o->ob_type = newto;
    Kaa_DECREF(oldto);
    return 0;
}

int kaa_instance_key_index(KaaObject *o, KaaObject *name)
{
    KaaSharedKeys *keys = instance_keys(o);
    return keys ? key_index(keys, name) : -1;
}

int kaa_instance_nkeys(KaaObject *o)
{
    KaaSharedKeys *keys = instance_keys(o);
    return keys ? keys->n : -1;
}

static KaaInlineValues *grow_values(KaaObject *o, int need)
{
    KaaInlineValues **vp = values_slot(o);
    KaaInlineValues *v = *vp;
    int oldcap = v ? v->cap : 0;
    if (need <= oldcap) {
        return v;
    }
    int cap = oldcap ? oldcap : 4;
    while (cap < need) {
        cap *= 2;
    }
    if (cap > KAA_SHARED_KEYS_MAX) {
        cap = KAA_SHARED_KEYS_MAX;
    }
    KaaInlineValues *nv =
        kaa_obj_realloc(v, sizeof(KaaInlineValues) + (size_t)cap * sizeof(KaaObject *));
    if (nv == NULL) {
        KaaErr_NoMemory();
        return NULL;
    }
    if (v == NULL) {
        nv->norder = 0;
    }
    for (int i = oldcap; i < cap; i++) {
        nv->values[i] = NULL;
    }
    nv->cap = cap;
    *vp = nv;
    return nv;
}

int kaa_instance_store(KaaObject *o, KaaObject *name, KaaObject *value)
{
    KaaObject *d = *dict_slot(o);
    KaaSharedKeys *keys = d ? NULL : instance_keys(o);
    if (d == NULL && (keys == NULL || !KaaStr_CheckExact(name))) {
        d = materialize(o);
        if (d == NULL) {
            return -1;
        }
    }
    if (d) {
        if (value) {
            return KaaDict_SetItem(d, name, value) < 0 ? -1 : 1;
        }
        int has = KaaDict_Contains(d, name);
        if (has <= 0) {
            return has;
        }
        return KaaDict_DelItem(d, name) < 0 ? -1 : 1;
    }
    int ix = key_index(keys, name);
    if (ix < 0) {
        if (value == NULL) {
            return 0;
        }
        if (keys->n == KAA_SHARED_KEYS_MAX) {
            // The shared layout is full: this instance gets a real dict.
            return materialize(o) ? kaa_instance_store(o, name, value) : -1;
        }
        KaaObject *interned = Kaa_NewRef(name);
        KaaStr_InternInPlace(&interned);
        ix = keys->n;
        keys->names[keys->n++] = interned;
    }
    KaaInlineValues *v = grow_values(o, ix + 1);
    if (v == NULL) {
        return -1;
    }
    if (value == NULL) {
        if (v->values[ix] == NULL) {
            return 0;
        }
        for (int i = 0; i < v->norder; i++) {
            if (v->order[i] == ix) {
                memmove(&v->order[i], &v->order[i + 1], (size_t)(v->norder - i - 1));
                v->norder--;
                break;
            }
        }
        Kaa_CLEAR(v->values[ix]);
        return 1;
    }
    if (v->values[ix] == NULL) {
        v->order[v->norder++] = (uint8_t)ix;
    }
    Kaa_SETREF(v->values[ix], Kaa_NewRef(value));
    return 1;
}

// --- Instance traverse, clear, dealloc -----------------------------------------------

static KaaTypeObject *static_base(KaaTypeObject *t)
{
    while (t->tp_flags & KAA_TPFLAGS_HEAPTYPE) {
        t = t->tp_base;
    }
    return t;
}

static int traverse_slots(KaaTypeObject *t, KaaObject *o, visitproc visit, void *arg)
{
    for (; t->tp_flags & KAA_TPFLAGS_HEAPTYPE; t = t->tp_base) {
        for (KaaMemberDef *m = HT(t)->ht_members; m && m->name; m++) {
            Kaa_VISIT(*(KaaObject **)((char *)o + m->offset));
        }
    }
    return 0;
}

static int has_managed_dict(KaaTypeObject *t)
{
    return (t->tp_flags & KAA_TPFLAGS_MANAGED_DICT) != 0;
}

static int subtype_traverse(KaaObject *o, visitproc visit, void *arg)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    int r = traverse_slots(t, o, visit, arg);
    if (r) {
        return r;
    }
    if (t->tp_dictoffset == KAA_DICTOFFSET_VAREND) {
        Kaa_VISIT(*kaa_object_dict_ptr(o));
    }
    if (has_managed_dict(t)) {
        KaaObject *d = *dict_slot(o);
        if (d) {
            Kaa_VISIT(d);
        } else {
            KaaInlineValues *v = *values_slot(o);
            for (int i = 0; v && i < v->cap; i++) {
                Kaa_VISIT(v->values[i]);
            }
        }
    }
    Kaa_VISIT(t);
    KaaTypeObject *base = static_base(t);
    if (base->tp_traverse) {
        return base->tp_traverse(o, visit, arg);
    }
    return 0;
}

static void clear_slots(KaaTypeObject *t, KaaObject *o)
{
    for (; t->tp_flags & KAA_TPFLAGS_HEAPTYPE; t = t->tp_base) {
        for (KaaMemberDef *m = HT(t)->ht_members; m && m->name; m++) {
            Kaa_CLEAR(*(KaaObject **)((char *)o + m->offset));
        }
    }
}

static void clear_managed_dict(KaaObject *o)
{
    Kaa_CLEAR(*dict_slot(o));
    KaaInlineValues **vp = values_slot(o);
    KaaInlineValues *v = *vp;
    if (v) {
        *vp = NULL;
        // Release in the shared keys' order, as CPython frees inline values.
        for (int i = 0; i < v->cap; i++) {
            Kaa_CLEAR(v->values[i]);
        }
        kaa_obj_free(v);
    }
}

static int subtype_clear(KaaObject *o)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    clear_slots(t, o);
    if (has_managed_dict(t)) {
        clear_managed_dict(o);
    }
    if (t->tp_dictoffset == KAA_DICTOFFSET_VAREND) {
        Kaa_CLEAR(*kaa_object_dict_ptr(o));
    }
    KaaTypeObject *base = static_base(t);
    if (base->tp_clear) {
        return base->tp_clear(o);
    }
    return 0;
}

// Run tp_finalize (__del__) from dealloc. Return 1 when the object was
// resurrected by it (and must not be freed).
static int call_finalizer_from_dealloc(KaaObject *o)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    if (t->tp_finalize == NULL) {
        return 0;
    }
    if (KaaObject_IS_GC(o)) {
        KaaGC_Head *g = KAA_AS_GC(o);
        if (g->gc_prev & KAA_GC_PREV_MASK_FINALIZED) {
            return 0;
        }
        g->gc_prev |= KAA_GC_PREV_MASK_FINALIZED;
    }
    o->ob_refcnt = 1; // temporarily alive while __del__ runs
    kaa_ref_total++;
    KaaObject *saved = KaaErr_GetRaisedException();
    t->tp_finalize(o);
    KaaErr_SetRaisedException(saved);
    kaa_ref_total--;
    if (--o->ob_refcnt == 0) {
        return 0;
    }
    return 1; // resurrected: someone kept a reference
}

// The trashcan: deallocations nested deeper than this are deferred, so a
// million-node linked list is freed without exhausting the C stack.
#define TRASHCAN_DEPTH 50
static int dealloc_depth;
static KaaObject *trash_delete_later; // linked through ob_type's slot below

static void subtype_dealloc_body(KaaObject *o);

static void destroy_deferred(void)
{
    while (trash_delete_later) {
        KaaObject *o = trash_delete_later;
        // The deferred object's ob_refcnt field holds the next link.
        trash_delete_later = (KaaObject *)(uintptr_t)o->ob_refcnt;
        o->ob_refcnt = 0;
        dealloc_depth++;
        subtype_dealloc_body(o);
        dealloc_depth--;
    }
}

static void subtype_dealloc(KaaObject *o)
{
    if (dealloc_depth >= TRASHCAN_DEPTH) {
        // Park it untracked (the collector must not read the link as a count).
        if (KaaObject_IS_GC(o)) {
            kaa_gc_untrack(o);
        }
        o->ob_refcnt = (Kaa_ssize_t)(uintptr_t)trash_delete_later;
        trash_delete_later = o;
        return;
    }
    dealloc_depth++;
    subtype_dealloc_body(o);
    dealloc_depth--;
    if (dealloc_depth == 0) {
        destroy_deferred();
    }
}

static void subtype_dealloc_body(KaaObject *o)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    if (call_finalizer_from_dealloc(o)) {
        return;
    }
    if (KaaObject_IS_GC(o)) {
        kaa_gc_untrack(o);
    }
    kaa_weakref_clear_refs(o); // after __del__, before the attributes go
    clear_slots(t, o);
    if (has_managed_dict(t)) {
        clear_managed_dict(o);
    }
    if (t->tp_dictoffset == KAA_DICTOFFSET_VAREND) {
        Kaa_CLEAR(*kaa_object_dict_ptr(o));
    }
    KaaTypeObject *base = static_base(t);
    if (base->tp_dealloc && base != &KaaBaseObject_Type) {
        base->tp_dealloc(o);
    } else {
        kaa_object_free(o);
    }
    Kaa_DECREF(t);
}

// --- Calling special methods -----------------------------------------------------------

// Call the special method `descr` (found on self's type) with self and
// args/kwnames: unbound with self prepended when it is a plain function or
// slot wrapper (no bound method is made), else bound through __get__.
static KaaObject *call_descr(KaaObject *descr, KaaObject *self, KaaObject *const *args,
                             size_t nargs, KaaObject *kwnames)
{
    Kaa_INCREF(descr);
    KaaObject *r;
    if (Kaa_TYPE(descr) == &KaaFunction_Type || Kaa_TYPE(descr) == &KaaWrapperDescr_Type) {
        size_t total = nargs + (kwnames ? (size_t)KaaTuple_GET_SIZE(kwnames) : 0);
        KaaObject *small[8], **argv = small;
        if (total + 1 > 8) {
            argv = kaa_mem_alloc((total + 1) * sizeof(KaaObject *));
            if (argv == NULL) {
                Kaa_DECREF(descr);
                return KaaErr_NoMemory();
            }
        }
        argv[0] = self;
        if (total) {
            memcpy(argv + 1, args, total * sizeof(KaaObject *));
        }
        r = KaaObject_Vectorcall(descr, argv, nargs + 1, kwnames);
        if (argv != small) {
            kaa_mem_free(argv);
        }
    } else {
        descrgetfunc get = Kaa_TYPE(descr)->tp_descr_get;
        KaaObject *bound = get ? get(descr, self, (KaaObject *)Kaa_TYPE(self)) : Kaa_NewRef(descr);
        r = bound ? KaaObject_Vectorcall(bound, args, nargs, kwnames) : NULL;
        Kaa_XDECREF(bound);
    }
    Kaa_DECREF(descr);
    return r;
}

// Call the special method `name` of self's type with self and args. A
// missing method gives NULL with *missing set (and no exception); with
// missing NULL it is an AttributeError.
static KaaObject *call_special(KaaObject *self, const char *name, KaaObject *const *args,
                               size_t nargs, int *missing)
{
    KaaObject *descr = kaa_type_lookup(Kaa_TYPE(self), KaaStr_InternFromString(name));
    if (missing) {
        *missing = descr == NULL;
    }
    if (descr == NULL) {
        if (missing == NULL) {
            KaaErr_Format(KaaExc(AttributeError), "'%s' object has no attribute '%s'",
                          Kaa_TYPE(self)->tp_name, name);
        }
        return NULL;
    }
    return call_descr(descr, self, args, nargs, NULL);
}

static KaaObject *call0(KaaObject *self, const char *name)
{
    return call_special(self, name, NULL, 0, NULL);
}

static KaaObject *call1(KaaObject *self, const char *name, KaaObject *arg)
{
    return call_special(self, name, &arg, 1, NULL);
}

// --- Slot dispatchers for heap types -----------------------------------------------------

static KaaObject *slot_tp_repr(KaaObject *self)
{
    return call0(self, "__repr__");
}

static KaaObject *slot_tp_str(KaaObject *self)
{
    return call0(self, "__str__");
}

static Kaa_hash_t slot_tp_hash(KaaObject *self)
{
    KaaObject *r = call0(self, "__hash__");
    if (r == NULL) {
        return -1;
    }
    if (!KaaInt_Check(r)) {
        Kaa_DECREF(r);
        KaaErr_SetString(KaaExc(TypeError), "__hash__ method should return an integer");
        return -1;
    }
    // A value that fits is the hash as it is (CPython's slot_tp_hash); a
    // bigger one is reduced as hash(int) does.
    Kaa_hash_t v = KaaInt_AsSsize_t(r);
    if (v == -1 && KaaErr_Occurred()) {
        KaaErr_Clear();
        v = KaaObject_Hash(r);
    }
    Kaa_DECREF(r);
    return v == -1 ? -2 : v;
}

static KaaObject *slot_tp_call(KaaObject *self, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    KaaObject *descr = kaa_type_lookup(Kaa_TYPE(self), kaa_id.__call__);
    if (descr == NULL) {
        return KaaErr_Format(KaaExc(TypeError), "'%s' object is not callable",
                             Kaa_TYPE(self)->tp_name);
    }
    return call_descr(descr, self, args, nargs, kwnames);
}

static const char *const richcmp_names[] = {"__eq__", "__ne__", "__lt__",
                                            "__le__", "__gt__", "__ge__"};

static KaaObject *slot_tp_richcompare(KaaObject *self, KaaObject *other, int op)
{
    int missing;
    KaaObject *r = call_special(self, richcmp_names[op], &other, 1, &missing);
    if (missing) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    return r;
}

static KaaObject *slot_tp_iter(KaaObject *self)
{
    int missing;
    KaaObject *r = call_special(self, "__iter__", NULL, 0, &missing);
    if (missing) {
        return KaaErr_Format(KaaExc(TypeError), "'%s' object is not iterable",
                             Kaa_TYPE(self)->tp_name);
    }
    return r;
}

static KaaObject *slot_tp_iternext(KaaObject *self)
{
    return call0(self, "__next__");
}

static KaaObject *slot_tp_descr_get(KaaObject *self, KaaObject *obj, KaaObject *type)
{
    KaaObject *args[2] = {obj ? obj : Kaa_None, type ? type : Kaa_None};
    return call_special(self, "__get__", args, 2, NULL);
}

static int slot_tp_descr_set(KaaObject *self, KaaObject *obj, KaaObject *value)
{
    KaaObject *r;
    if (value) {
        KaaObject *args[2] = {obj, value};
        r = call_special(self, "__set__", args, 2, NULL);
    } else {
        r = call_special(self, "__delete__", &obj, 1, NULL);
    }
    if (r == NULL) {
        return -1;
    }
    Kaa_DECREF(r);
    return 0;
}

static int slot_tp_init(KaaObject *self, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    KaaObject *descr = kaa_type_lookup(Kaa_TYPE(self), kaa_id.__init__);
    if (descr == NULL) {
        return 0;
    }
    KaaObject *r = call_descr(descr, self, args, nargs, kwnames);
    if (r == NULL) {
        return -1;
    }
    if (r != Kaa_None) {
        KaaErr_Format(KaaExc(TypeError), "__init__() should return None, not '%s'",
                      Kaa_TYPE(r)->tp_name);
        Kaa_DECREF(r);
        return -1;
    }
    Kaa_DECREF(r);
    return 0;
}

// __new__ is a static method: call it with the class first.
static KaaObject *slot_tp_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    KaaObject *func = KaaObject_GetAttr((KaaObject *)type, kaa_id.__new__);
    if (func == NULL) {
        return NULL;
    }
    size_t nkw = kwnames ? (size_t)KaaTuple_GET_SIZE(kwnames) : 0;
    KaaObject **argv = kaa_mem_alloc((nargs + nkw + 1) * sizeof(KaaObject *));
    if (argv == NULL) {
        Kaa_DECREF(func);
        return KaaErr_NoMemory();
    }
    argv[0] = (KaaObject *)type;
    memcpy(argv + 1, args, (nargs + nkw) * sizeof(KaaObject *));
    KaaObject *r = KaaObject_Vectorcall(func, argv, nargs + 1, kwnames);
    kaa_mem_free(argv);
    Kaa_DECREF(func);
    return r;
}

static void slot_tp_finalize(KaaObject *self)
{
    KaaObject *saved = KaaErr_GetRaisedException();
    KaaObject *descr = kaa_type_lookup(Kaa_TYPE(self), kaa_id.__del__);
    if (descr) {
        Kaa_INCREF(descr);
        KaaObject *r = call0(self, "__del__");
        if (r == NULL) {
            KaaErr_WriteUnraisable(descr);
        }
        Kaa_XDECREF(r);
        Kaa_DECREF(descr);
    }
    KaaErr_SetRaisedException(saved);
}

// __getattribute__ overridden and/or __getattr__ defined.
static KaaObject *slot_tp_getattr_hook(KaaObject *self, KaaObject *name)
{
    KaaTypeObject *t = Kaa_TYPE(self);
    KaaObject *getattribute = kaa_type_lookup(t, KaaStr_InternFromString("__getattribute__"));
    KaaObject *res;
    if (getattribute == NULL || Kaa_TYPE(getattribute) == &KaaWrapperDescr_Type) {
        res = KaaObject_GenericGetAttr(self, name);
    } else {
        res = call1(self, "__getattribute__", name);
    }
    if (res || !KaaErr_ExceptionMatches(KaaExc(AttributeError))) {
        return res;
    }
    KaaObject *getattr = kaa_type_lookup(t, kaa_id.__getattr__);
    if (getattr == NULL) {
        return NULL;
    }
    KaaErr_Clear();
    return call1(self, "__getattr__", name);
}

static int slot_tp_setattro(KaaObject *self, KaaObject *name, KaaObject *value)
{
    KaaObject *r;
    if (value) {
        KaaObject *args[2] = {name, value};
        r = call_special(self, "__setattr__", args, 2, NULL);
    } else {
        r = call1(self, "__delattr__", name);
    }
    if (r == NULL) {
        return -1;
    }
    Kaa_DECREF(r);
    return 0;
}

static Kaa_ssize_t slot_length(KaaObject *self)
{
    KaaObject *r = call0(self, "__len__");
    if (r == NULL) {
        return -1;
    }
    KaaObject *i = KaaNumber_Index(r);
    Kaa_DECREF(r);
    if (i == NULL) {
        return -1;
    }
    Kaa_ssize_t n = KaaInt_AsSsize_t(i);
    int neg = KaaInt_Sign(i) < 0;
    Kaa_DECREF(i);
    if (n == -1 && KaaErr_Occurred()) {
        KaaErr_Clear();
        KaaErr_SetString(KaaExc(OverflowError), "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    if (neg) {
        KaaErr_SetString(KaaExc(ValueError), "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static KaaObject *slot_mp_subscript(KaaObject *self, KaaObject *key)
{
    return call1(self, "__getitem__", key);
}

static int slot_mp_ass_subscript(KaaObject *self, KaaObject *key, KaaObject *value)
{
    KaaObject *r;
    if (value) {
        KaaObject *args[2] = {key, value};
        r = call_special(self, "__setitem__", args, 2, NULL);
    } else {
        r = call1(self, "__delitem__", key);
    }
    if (r == NULL) {
        return -1;
    }
    Kaa_DECREF(r);
    return 0;
}

static int slot_sq_contains(KaaObject *self, KaaObject *value)
{
    int missing;
    KaaObject *r = call_special(self, "__contains__", &value, 1, &missing);
    if (missing) {
        // No __contains__: fall back to iteration, as CPython does.
        KaaObject *it = KaaObject_GetIter(self);
        if (it == NULL) {
            return -1;
        }
        KaaObject *x;
        int found = 0;
        while (!found && (x = KaaIter_Next(it)) != NULL) {
            found = KaaObject_RichCompareBool(x, value, Kaa_EQ);
            Kaa_DECREF(x);
        }
        Kaa_DECREF(it);
        return found < 0 || KaaErr_Occurred() ? -1 : found;
    }
    if (r == NULL) {
        return -1;
    }
    int t = KaaObject_IsTrue(r);
    Kaa_DECREF(r);
    return t;
}

static int slot_nb_bool(KaaObject *self)
{
    int missing;
    KaaObject *r = call_special(self, "__bool__", NULL, 0, &missing);
    if (missing) {
        // No __bool__: __len__ decides, else true.
        if (kaa_type_lookup(Kaa_TYPE(self), kaa_id.__len__)) {
            Kaa_ssize_t n = slot_length(self);
            return n < 0 ? -1 : n > 0;
        }
        return 1;
    }
    if (r == NULL) {
        return -1;
    }
    if (!KaaBool_Check(r)) {
        KaaErr_Format(KaaExc(TypeError), "__bool__ should return bool, returned %s",
                      Kaa_TYPE(r)->tp_name);
        Kaa_DECREF(r);
        return -1;
    }
    int t = r == Kaa_True;
    Kaa_DECREF(r);
    return t;
}

#define UNARY_SLOT(fname, method)                                                                \
    static KaaObject *fname(KaaObject *self)                                                     \
    {                                                                                            \
        return call0(self, method);                                                              \
    }
UNARY_SLOT(slot_nb_negative, "__neg__")
UNARY_SLOT(slot_nb_positive, "__pos__")
UNARY_SLOT(slot_nb_absolute, "__abs__")
UNARY_SLOT(slot_nb_invert, "__invert__")
UNARY_SLOT(slot_nb_int, "__int__")
UNARY_SLOT(slot_nb_float, "__float__")
UNARY_SLOT(slot_nb_index, "__index__")

// Binary operators: CPython's SLOT1BINFULL. Each slot is called as
// slot(left, right) for either operand's type; it tries left.__op__(right)
// and right.__rop__(left), a subclass's reflected method first.
static const char *const binop_names[13][2] = {
    {"__add__", "__radd__"},           {"__sub__", "__rsub__"},
    {"__mul__", "__rmul__"},           {"__matmul__", "__rmatmul__"},
    {"__truediv__", "__rtruediv__"},   {"__mod__", "__rmod__"},
    {"__pow__", "__rpow__"},           {"__lshift__", "__rlshift__"},
    {"__rshift__", "__rrshift__"},     {"__or__", "__ror__"},
    {"__xor__", "__rxor__"},           {"__and__", "__rand__"},
    {"__floordiv__", "__rfloordiv__"},
};
static const char *const inplace_names[13] = {
    "__iadd__", "__isub__", "__imul__", "__imatmul__", "__itruediv__", "__imod__", "__ipow__",
    "__ilshift__", "__irshift__", "__ior__", "__ixor__", "__iand__", "__ifloordiv__"};

static binaryfunc binop_dispatchers[14];

static KaaObject *call_binop(KaaObject *self, const char *name, KaaObject *other)
{
    int missing;
    KaaObject *r = call_special(self, name, &other, 1, &missing);
    if (missing) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    return r;
}

static KaaObject *slot_nb_power(KaaObject *a, KaaObject *b, KaaObject *mod);

static int has_dispatcher(KaaObject *o, int op)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    void *expected = op == 6 ? (void *)slot_nb_power : (void *)binop_dispatchers[op];
    return t->tp_as_number && ((void **)t->tp_as_number)[op] == expected;
}

static KaaObject *slot_binop(int op, KaaObject *self, KaaObject *other)
{
    const char *name = op < 13 ? binop_names[op][0] : "__divmod__";
    const char *rname = op < 13 ? binop_names[op][1] : "__rdivmod__";
    int do_other = Kaa_TYPE(self) != Kaa_TYPE(other) && has_dispatcher(other, op);
    if (has_dispatcher(self, op)) {
        if (do_other && KaaType_IsSubtype(Kaa_TYPE(other), Kaa_TYPE(self))) {
            KaaObject *r = call_binop(other, rname, self);
            if (r != Kaa_NotImplemented) {
                return r;
            }
            Kaa_DECREF(r);
            do_other = 0;
        }
        KaaObject *r = call_binop(self, name, other);
        if (r != Kaa_NotImplemented || Kaa_TYPE(other) == Kaa_TYPE(self)) {
            return r;
        }
        Kaa_DECREF(r);
    }
    if (do_other) {
        return call_binop(other, rname, self);
    }
    Kaa_RETURN_NOTIMPLEMENTED;
}

#define BINOP_SLOT(n)                                                                            \
    static KaaObject *slot_binop_##n(KaaObject *a, KaaObject *b)                                 \
    {                                                                                            \
        return slot_binop(n, a, b);                                                              \
    }
BINOP_SLOT(0)
BINOP_SLOT(1)
BINOP_SLOT(2)
BINOP_SLOT(3)
BINOP_SLOT(4)
BINOP_SLOT(5)
BINOP_SLOT(7)
BINOP_SLOT(8)
BINOP_SLOT(9)
BINOP_SLOT(10)
BINOP_SLOT(11)
BINOP_SLOT(12)
BINOP_SLOT(13)

static KaaObject *slot_nb_power(KaaObject *a, KaaObject *b, KaaObject *mod)
{
    if (mod == Kaa_None) {
        return slot_binop(6, a, b);
    }
    KaaObject *args[2] = {b, mod};
    int missing;
    KaaObject *r = call_special(a, "__pow__", args, 2, &missing);
    if (missing) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    return r;
}

static KaaObject *slot_power_binary(KaaObject *a, KaaObject *b)
{
    return slot_binop(6, a, b);
}

#define INPLACE_SLOT(n)                                                                          \
    static KaaObject *slot_inplace_##n(KaaObject *a, KaaObject *b)                              \
    {                                                                                            \
        return call_binop(a, inplace_names[n], b);                                               \
    }
INPLACE_SLOT(0)
INPLACE_SLOT(1)
INPLACE_SLOT(2)
INPLACE_SLOT(3)
INPLACE_SLOT(4)
INPLACE_SLOT(5)
INPLACE_SLOT(6)
INPLACE_SLOT(7)
INPLACE_SLOT(8)
INPLACE_SLOT(9)
INPLACE_SLOT(10)
INPLACE_SLOT(11)
INPLACE_SLOT(12)

static binaryfunc binop_dispatchers[14] = {
    slot_binop_0,  slot_binop_1,  slot_binop_2,      slot_binop_3, slot_binop_4,
    slot_binop_5,  slot_power_binary /* unused: nb_power is ternary */, slot_binop_7,
    slot_binop_8,  slot_binop_9,  slot_binop_10,     slot_binop_11, slot_binop_12,
    slot_binop_13,
};
static binaryfunc inplace_dispatchers[13] = {
    slot_inplace_0, slot_inplace_1, slot_inplace_2,  slot_inplace_3, slot_inplace_4,
    slot_inplace_5, slot_inplace_6, slot_inplace_7,  slot_inplace_8, slot_inplace_9,
    slot_inplace_10, slot_inplace_11, slot_inplace_12,
};

// --- The slot table ---------------------------------------------------------------------
// Each entry ties a special method name to a C slot: `dispatcher` is what a
// class defining the method in Python gets in that slot; `kind` says how a
// C slot of a builtin type is exposed as a method (int.__add__...).

typedef enum {
    W_NONE,
    W_UNARY,
    W_BINARY,
    W_RBINARY,
    W_TERNARY,
    W_RTERNARY,
    W_INQUIRY,
    W_LEN,
    W_HASH,
    W_RICHCMP,
    W_GETATTR,
    W_SETATTR,
    W_DELATTR,
    W_CALL,
    W_INIT,
    W_CONTAINS,
    W_SETITEM,
    W_DELITEM,
    W_DESCR_GET,
    W_DESCR_SET,
    W_DESCR_DELETE,
    W_NEXT,
    W_DEL,
} WrapKind;

enum { T_TYPE, T_NUM, T_SEQ, T_MAP };

typedef struct SlotDef {
    const char *name;
    int table;
    size_t offset;
    void *dispatcher;
    WrapKind kind;
    int op; // richcompare operator
} SlotDef;

#define TP(slot) T_TYPE, offsetof(KaaTypeObject, slot)
#define NB(slot) T_NUM, offsetof(KaaNumberMethods, slot)
#define NBI(i) T_NUM, offsetof(KaaNumberMethods, nb_inplace) + (i) * sizeof(binaryfunc)
#define SQ(slot) T_SEQ, offsetof(KaaSequenceMethods, slot)
#define MP(slot) T_MAP, offsetof(KaaMappingMethods, slot)
#define BIN(n, slot) {binop_names[n][0], NB(slot), NULL, W_BINARY, n}, {binop_names[n][1], NB(slot), NULL, W_RBINARY, n}

static SlotDef slotdefs[] = {
    {"__repr__", TP(tp_repr), slot_tp_repr, W_UNARY},
    {"__str__", TP(tp_str), slot_tp_str, W_UNARY},
    {"__hash__", TP(tp_hash), slot_tp_hash, W_HASH},
    {"__call__", TP(tp_call), slot_tp_call, W_CALL},
    {"__getattribute__", TP(tp_getattro), slot_tp_getattr_hook, W_GETATTR},
    {"__getattr__", TP(tp_getattro), slot_tp_getattr_hook, W_NONE},
    {"__setattr__", TP(tp_setattro), slot_tp_setattro, W_SETATTR},
    {"__delattr__", TP(tp_setattro), slot_tp_setattro, W_DELATTR},
    {"__eq__", TP(tp_richcompare), slot_tp_richcompare, W_RICHCMP, Kaa_EQ},
    {"__ne__", TP(tp_richcompare), slot_tp_richcompare, W_RICHCMP, Kaa_NE},
    {"__lt__", TP(tp_richcompare), slot_tp_richcompare, W_RICHCMP, Kaa_LT},
    {"__le__", TP(tp_richcompare), slot_tp_richcompare, W_RICHCMP, Kaa_LE},
    {"__gt__", TP(tp_richcompare), slot_tp_richcompare, W_RICHCMP, Kaa_GT},
    {"__ge__", TP(tp_richcompare), slot_tp_richcompare, W_RICHCMP, Kaa_GE},
    {"__iter__", TP(tp_iter), slot_tp_iter, W_UNARY},
    {"__next__", TP(tp_iternext), slot_tp_iternext, W_NEXT},
    {"__get__", TP(tp_descr_get), slot_tp_descr_get, W_DESCR_GET},
    {"__set__", TP(tp_descr_set), slot_tp_descr_set, W_DESCR_SET},
    {"__delete__", TP(tp_descr_set), slot_tp_descr_set, W_DESCR_DELETE},
    {"__init__", TP(tp_init), slot_tp_init, W_INIT},
    {"__del__", TP(tp_finalize), slot_tp_finalize, W_DEL},
    {"__len__", MP(mp_length), slot_length, W_LEN},
    {"__len__", SQ(sq_length), slot_length, W_LEN},
    {"__getitem__", MP(mp_subscript), slot_mp_subscript, W_BINARY},
    {"__setitem__", MP(mp_ass_subscript), slot_mp_ass_subscript, W_SETITEM},
    {"__delitem__", MP(mp_ass_subscript), slot_mp_ass_subscript, W_DELITEM},
    {"__contains__", SQ(sq_contains), slot_sq_contains, W_CONTAINS},
    BIN(0, nb_add),
    BIN(1, nb_subtract),
    BIN(2, nb_multiply),
    BIN(3, nb_matrix_multiply),
    BIN(4, nb_true_divide),
    BIN(5, nb_remainder),
    {"__pow__", NB(nb_power), slot_nb_power, W_TERNARY},
    {"__rpow__", NB(nb_power), slot_nb_power, W_RTERNARY},
    BIN(7, nb_lshift),
    BIN(8, nb_rshift),
    BIN(9, nb_or),
    BIN(10, nb_xor),
    BIN(11, nb_and),
    BIN(12, nb_floor_divide),
    {"__divmod__", NB(nb_divmod), NULL, W_BINARY, 13},
    {"__rdivmod__", NB(nb_divmod), NULL, W_RBINARY, 13},
    {"__neg__", NB(nb_negative), slot_nb_negative, W_UNARY},
    {"__pos__", NB(nb_positive), slot_nb_positive, W_UNARY},
    {"__abs__", NB(nb_absolute), slot_nb_absolute, W_UNARY},
    {"__invert__", NB(nb_invert), slot_nb_invert, W_UNARY},
    {"__bool__", NB(nb_bool), slot_nb_bool, W_INQUIRY},
    {"__int__", NB(nb_int), slot_nb_int, W_UNARY},
    {"__float__", NB(nb_float), slot_nb_float, W_UNARY},
    {"__index__", NB(nb_index), slot_nb_index, W_UNARY},
    {"__iadd__", NBI(0), NULL, W_BINARY, 100},
    {"__isub__", NBI(1), NULL, W_BINARY, 101},
    {"__imul__", NBI(2), NULL, W_BINARY, 102},
    {"__imatmul__", NBI(3), NULL, W_BINARY, 103},
    {"__itruediv__", NBI(4), NULL, W_BINARY, 104},
    {"__imod__", NBI(5), NULL, W_BINARY, 105},
    {"__ipow__", NBI(6), NULL, W_BINARY, 106},
    {"__ilshift__", NBI(7), NULL, W_BINARY, 107},
    {"__irshift__", NBI(8), NULL, W_BINARY, 108},
    {"__ior__", NBI(9), NULL, W_BINARY, 109},
    {"__ixor__", NBI(10), NULL, W_BINARY, 110},
    {"__iand__", NBI(11), NULL, W_BINARY, 111},
    {"__ifloordiv__", NBI(12), NULL, W_BINARY, 112},
    {NULL},
};

// Fill in the dispatchers that depend on tables (binary and in-place ops).
static void init_slotdefs(void)
{
    for (SlotDef *d = slotdefs; d->name; d++) {
        if (d->dispatcher) {
            continue;
        }
        if (d->op >= 100) {
            d->dispatcher = (void *)inplace_dispatchers[d->op - 100];
        } else if (d->kind == W_BINARY || d->kind == W_RBINARY) {
            d->dispatcher = (void *)binop_dispatchers[d->op];
        }
    }
}

// Address of a slot in a type, or NULL when its table is missing.
static void **slot_ptr(KaaTypeObject *t, const SlotDef *d)
{
    char *base;
    switch (d->table) {
    case T_TYPE:
        base = (char *)t;
        break;
    case T_NUM:
        base = (char *)t->tp_as_number;
        break;
    case T_SEQ:
        base = (char *)t->tp_as_sequence;
        break;
    default:
        base = (char *)t->tp_as_mapping;
        break;
    }
    return base ? (void **)(base + d->offset) : NULL;
}

// --- Wrapper descriptors (slot wrappers of builtin types) --------------------------------

typedef struct {
    KaaObject_HEAD
    const SlotDef *d;
    KaaTypeObject *type;
    void *func;
    KaaObject *name;
} WrapperDescr;

static int wrapper_nargs(const WrapperDescr *w, size_t got, size_t want)
{
    if (got != want) {
        KaaErr_Format(KaaExc(TypeError), "expected %zu argument%s, got %zu", want,
                      want == 1 ? "" : "s", got);
        return -1;
    }
    return 0;
}

static KaaObject *int_or_error(Kaa_ssize_t v)
{
    return v == -1 && KaaErr_Occurred() ? NULL : KaaInt_FromSsize_t(v);
}

static KaaObject *none_or_error(int r)
{
    return r < 0 ? NULL : kaa_none_ref();
}

// Call the wrapped C slot with self and the Python-level arguments.
static KaaObject *wrapper_call_slot(const WrapperDescr *w, KaaObject *self,
                                    KaaObject *const *args, size_t n, KaaObject *kwnames)
{
    void *f = w->func;
    if (w->d->kind != W_CALL && w->d->kind != W_INIT && kwnames && KaaTuple_GET_SIZE(kwnames)) {
        return KaaErr_Format(KaaExc(TypeError), "wrapper %U() takes no keyword arguments",
                             w->name);
    }
    switch (w->d->kind) {
    case W_UNARY:
        return wrapper_nargs(w, n, 0) < 0 ? NULL : ((unaryfunc)f)(self);
    case W_BINARY:
        return wrapper_nargs(w, n, 1) < 0 ? NULL : ((binaryfunc)f)(self, args[0]);
    case W_RBINARY:
        return wrapper_nargs(w, n, 1) < 0 ? NULL : ((binaryfunc)f)(args[0], self);
    case W_TERNARY:
        if (n < 1 || n > 2) {
            return KaaErr_Format(KaaExc(TypeError), "expected 1 or 2 arguments, got %zu", n);
        }
        return ((ternaryfunc)f)(self, args[0], n == 2 ? args[1] : Kaa_None);
    case W_RTERNARY:
        if (n < 1 || n > 2) {
            return KaaErr_Format(KaaExc(TypeError), "expected 1 or 2 arguments, got %zu", n);
        }
        return ((ternaryfunc)f)(args[0], self, n == 2 ? args[1] : Kaa_None);
    case W_INQUIRY: {
        if (wrapper_nargs(w, n, 0) < 0) {
            return NULL;
        }
        int r = ((inquiry)f)(self);
        return r < 0 ? NULL : KaaBool_FromLong(r);
    }
    case W_LEN:
        return wrapper_nargs(w, n, 0) < 0 ? NULL : int_or_error(((lenfunc)f)(self));
    case W_HASH:
        return wrapper_nargs(w, n, 0) < 0 ? NULL : int_or_error(((hashfunc)f)(self));
    case W_RICHCMP:
        return wrapper_nargs(w, n, 1) < 0 ? NULL : ((richcmpfunc)f)(self, args[0], w->d->op);
    case W_GETATTR:
        return wrapper_nargs(w, n, 1) < 0 ? NULL : ((getattrofunc)f)(self, args[0]);
    case W_SETATTR:
        return wrapper_nargs(w, n, 2) < 0 ? NULL
                                          : none_or_error(((setattrofunc)f)(self, args[0], args[1]));
    case W_DELATTR:
        return wrapper_nargs(w, n, 1) < 0 ? NULL
                                          : none_or_error(((setattrofunc)f)(self, args[0], NULL));
    case W_CALL:
        return ((vectorcallfunc)f)(self, args, n, kwnames);
    case W_INIT:
        return none_or_error(((initproc)f)(self, args, n, kwnames));
    case W_CONTAINS: {
        if (wrapper_nargs(w, n, 1) < 0) {
            return NULL;
        }
        int r = ((objobjproc)f)(self, args[0]);
        return r < 0 ? NULL : KaaBool_FromLong(r);
    }
    case W_SETITEM:
        return wrapper_nargs(w, n, 2) < 0
                   ? NULL
                   : none_or_error(((objobjargproc)f)(self, args[0], args[1]));
    case W_DELITEM:
        return wrapper_nargs(w, n, 1) < 0 ? NULL
                                          : none_or_error(((objobjargproc)f)(self, args[0], NULL));
    case W_DESCR_GET:
        if (n < 1 || n > 2) {
            return KaaErr_Format(KaaExc(TypeError), "expected 1 or 2 arguments, got %zu", n);
        }
        return ((descrgetfunc)f)(self, args[0] == Kaa_None ? NULL : args[0],
                                 n == 2 && args[1] != Kaa_None ? args[1] : NULL);
    case W_DESCR_SET:
        return wrapper_nargs(w, n, 2) < 0
                   ? NULL
                   : none_or_error(((descrsetfunc)f)(self, args[0], args[1]));
    case W_DESCR_DELETE:
        return wrapper_nargs(w, n, 1) < 0 ? NULL
                                          : none_or_error(((descrsetfunc)f)(self, args[0], NULL));
    case W_NEXT: {
        if (wrapper_nargs(w, n, 0) < 0) {
            return NULL;
        }
        KaaObject *r = ((iternextfunc)f)(self);
        if (r == NULL && !KaaErr_Occurred()) {
            KaaErr_SetNone(KaaExc(StopIteration));
        }
        return r;
    }
    case W_DEL:
        if (wrapper_nargs(w, n, 0) < 0) {
            return NULL;
        }
        ((destructor)f)(self);
        Kaa_RETURN_NONE;
    default:
        return KaaErr_Format(KaaExc(SystemError), "bad slot wrapper");
    }
}

static KaaObject *wrapper_call(KaaObject *o, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    WrapperDescr *w = (WrapperDescr *)o;
    if (nargs < 1) {
        return KaaErr_Format(KaaExc(TypeError), "descriptor '%U' of '%s' object needs an argument",
                             w->name, w->type->tp_name);
    }
    if (!KaaType_IsSubtype(Kaa_TYPE(args[0]), w->type)) {
        return KaaErr_Format(KaaExc(TypeError),
                             "descriptor '%U' requires a '%s' object but received a '%s'",
                             w->name, w->type->tp_name, Kaa_TYPE(args[0])->tp_name);
    }
    return wrapper_call_slot(w, args[0], args + 1, nargs - 1, kwnames);
}

static KaaObject *wrapper_get(KaaObject *o, KaaObject *obj, KaaObject *type)
{
    if (obj == NULL) {
        return Kaa_NewRef(o);
    }
    return KaaMethod_New(o, obj);
}

static KaaObject *wrapper_repr(KaaObject *o)
{
    WrapperDescr *w = (WrapperDescr *)o;
    return KaaStr_FromFormat("<slot wrapper '%U' of '%s' objects>", w->name, w->type->tp_name);
}

static void wrapper_dealloc(KaaObject *o)
{
    kaa_gc_untrack(o);
    Kaa_XDECREF(((WrapperDescr *)o)->name);
    kaa_object_free(o);
}

static int wrapper_traverse(KaaObject *o, visitproc visit, void *arg)
{
    return 0;
}

static KaaObject *wrapper_get_name(KaaObject *o, void *closure)
{
    return Kaa_NewRef(((WrapperDescr *)o)->name);
}

static KaaObject *wrapper_get_qualname(KaaObject *o, void *closure)
{
    WrapperDescr *w = (WrapperDescr *)o;
    return KaaStr_FromFormat("%s.%U", w->type->tp_name, w->name);
}

static KaaObject *wrapper_get_objclass(KaaObject *o, void *closure)
{
    return Kaa_NewRef(((WrapperDescr *)o)->type);
}

static KaaGetSetDef wrapper_getset[] = {
    {"__name__", wrapper_get_name},
    {"__qualname__", wrapper_get_qualname},
    {"__objclass__", wrapper_get_objclass},
    {NULL},
};

KaaTypeObject KaaWrapperDescr_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(WrapperDescr),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_getset = wrapper_getset,
    .tp_dealloc = wrapper_dealloc,
    .tp_traverse = wrapper_traverse,
    .tp_repr = wrapper_repr,
    .tp_call = wrapper_call,
    .tp_descr_get = wrapper_get,
};

// object.__new__ and friends: X.__new__(Y, ...) creates a Y with X's tp_new.
static KaaObject *tp_new_wrapper(KaaObject *self, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames)
{
    KaaTypeObject *type = (KaaTypeObject *)self;
    if (nargs < 1) {
        return KaaErr_Format(KaaExc(TypeError), "%s.__new__(): not enough arguments",
                             type->tp_name);
    }
    KaaObject *sub = args[0];
    if (!KaaType_HasFeature(Kaa_TYPE(sub), KAA_TPFLAGS_TYPE_SUBCLASS)) {
        return KaaErr_Format(KaaExc(TypeError), "%s.__new__(X): X is not a type object (%s)",
                             type->tp_name, Kaa_TYPE(sub)->tp_name);
    }
    KaaTypeObject *subtype = (KaaTypeObject *)sub;
    if (!KaaType_IsSubtype(subtype, type)) {
        return KaaErr_Format(KaaExc(TypeError), "%s.__new__(%s): %s is not a subtype of %s",
                             type->tp_name, subtype->tp_name, subtype->tp_name, type->tp_name);
    }
    return type->tp_new(subtype, args + 1, nargs - 1, kwnames);
}

static KaaMethodDef tp_new_def = {"__new__", tp_new_wrapper, KAA_METH_FASTCALL};

// Expose the C slots a builtin type defines itself as methods (int.__add__).
int kaa_add_operators(KaaTypeObject *type)
{
    static int initialized;
    if (!initialized) {
        init_slotdefs();
        initialized = 1;
    }
    KaaObject *dict = type->tp_dict;
    for (SlotDef *d = slotdefs; d->name; d++) {
        if (d->kind == W_NONE) {
            continue;
        }
        void **p = slot_ptr(type, d);
        if (p == NULL || *p == NULL) {
            continue;
        }
        KaaObject *name = KaaStr_InternFromString(d->name);
        if (KaaDict_GetItemWithError(dict, name)) {
            continue;
        }
        if (d->kind == W_HASH && *p == (void *)KaaObject_HashNotImplemented) {
            if (KaaDict_SetItem(dict, name, Kaa_None) < 0) {
                return -1;
            }
            continue;
        }
        WrapperDescr *w = (WrapperDescr *)kaa_object_new(&KaaWrapperDescr_Type);
        if (w == NULL) {
            return -1;
        }
        w->d = d;
        w->type = type;
        w->func = *p;
        w->name = Kaa_NewRef(name);
        KAA_GC_TRACK(w);
        int r = KaaDict_SetItem(dict, name, (KaaObject *)w);
        Kaa_DECREF(w);
        if (r < 0) {
            return -1;
        }
    }
    if (type->tp_new && KaaDict_GetItemString(dict, "__new__") == NULL) {
        KaaObject *f = KaaCFunction_New(&tp_new_def, (KaaObject *)type, NULL);
        if (f == NULL || KaaDict_SetItemString(dict, "__new__", f) < 0) {
            Kaa_XDECREF(f);
            return -1;
        }
        Kaa_DECREF(f);
    }
    return 0;
}

void kaa_type_modified(void);

static int is_dispatcher(void *f)
{
    for (SlotDef *d = slotdefs; d->name; d++) {
        if (d->dispatcher == f) {
            return 1;
        }
    }
    return f == (void *)slot_tp_new;
}

// For a class: point each slot at the dispatcher when the special method
// comes from Python, or at the builtin base's C function when it is that
// base's own slot wrapper (so a plain subclass of list keeps list's speed).
// `reset`: a slot whose special methods are gone from the whole MRO is
// cleared (after `del C.__add__`); at creation the inherited value stays.
static void fixup_slots_ex(KaaTypeObject *type, int reset)
{
    for (SlotDef *d = slotdefs; d->name; d++) {
        void **p = slot_ptr(type, d);
        if (p == NULL) {
            continue;
        }
        void *generic = NULL, *specific = NULL;
        int use_generic = 0, found_any = 0, hash_none = 0;
        // Every entry sharing this slot decides together.
        for (SlotDef *e = slotdefs; e->name; e++) {
            if (e->table != d->table || e->offset != d->offset) {
                continue;
            }
            KaaObject *descr = kaa_type_lookup(type, KaaStr_InternFromString(e->name));
            if (descr == NULL) {
                continue;
            }
            found_any = 1;
            generic = e->dispatcher;
            if (Kaa_TYPE(descr) == &KaaWrapperDescr_Type) {
                WrapperDescr *w = (WrapperDescr *)descr;
                if (w->d->table == d->table && w->d->offset == d->offset &&
                    (specific == NULL || specific == w->func)) {
                    specific = w->func;
                    continue;
                }
            } else if (e->kind == W_HASH && descr == Kaa_None) {
                hash_none = 1;
                continue;
            } else if (e->kind == W_INIT && Kaa_TYPE(descr) == &KaaCFunction_Type) {
                continue;
            }
            use_generic = 1;
        }
        if (!found_any) {
            if (reset && d->kind != W_NONE && is_dispatcher(*p)) {
                void **inherited = slot_ptr(type->tp_base, d);
                *p = inherited ? *inherited : NULL;
            }
            continue;
        }
        if (hash_none && !use_generic) {
            *p = (void *)KaaObject_HashNotImplemented;
        } else if (use_generic) {
            *p = generic;
        } else if (specific) {
            *p = specific;
        }
    }
    // __new__: a Python function (a staticmethod in the dict) takes over;
    // else the builtin whose __new__ comes first in the MRO (class C(Plain,
    // tuple) makes instances with tuple's, not with object's via Plain).
    KaaObject *newf = kaa_type_lookup(type, kaa_id.__new__);
    if (newf && Kaa_TYPE(newf) != &KaaCFunction_Type) {
        type->tp_new = slot_tp_new;
    } else if (newf && ((KaaCFunctionObject *)newf)->m_ml == &tp_new_def) {
        type->tp_new = ((KaaTypeObject *)((KaaCFunctionObject *)newf)->m_self)->tp_new;
    }
}

static void fixup_slots(KaaTypeObject *type)
{
    fixup_slots_ex(type, 0);
}

static KaaHeapTypeObject *all_classes, **all_classes_tail = &all_classes;

static void link_class(KaaHeapTypeObject *ht)
{
    ht->ht_next = NULL;
    ht->ht_pprev = all_classes_tail;
    *all_classes_tail = ht;
    all_classes_tail = &ht->ht_next;
}

static void unlink_class(KaaHeapTypeObject *ht)
{
    if (ht->ht_pprev == NULL) {
        return; // never linked (creation failed)
    }
    *ht->ht_pprev = ht->ht_next;
    if (ht->ht_next) {
        ht->ht_next->ht_pprev = ht->ht_pprev;
    } else {
        all_classes_tail = ht->ht_pprev;
    }
    ht->ht_pprev = NULL;
}

void kaa_heaptype_update_slots(KaaTypeObject *type)
{
    for (KaaHeapTypeObject *ht = all_classes; ht; ht = ht->ht_next) {
        KaaTypeObject *t = &ht->ht_type;
        if (t->tp_mro && KaaType_IsSubtype(t, type)) {
            fixup_slots_ex(t, 1);
        }
    }
    kaa_type_modified();
}

// type.__subclasses__(): the live classes that name type as a direct base,
// in creation order (kaa does not list builtin subclasses of builtins).
KaaObject *kaa_type_subclasses(KaaObject *self, KaaObject *unused)
{
    KaaObject *list = KaaList_New(0);
    for (KaaHeapTypeObject *ht = all_classes; list && ht; ht = ht->ht_next) {
        KaaObject *bases = ht->ht_type.tp_bases;
        for (Kaa_ssize_t i = 0; bases && i < KaaTuple_GET_SIZE(bases); i++) {
            if (KaaTuple_GET_ITEM(bases, i) == self) {
                if (KaaList_Append(list, (KaaObject *)ht) < 0) {
                    Kaa_CLEAR(list);
                }
                break;
            }
        }
    }
    return list;
}

int kaa_heaptype_set_name(KaaTypeObject *type, KaaObject *value)
{
    KaaHeapTypeObject *ht = (KaaHeapTypeObject *)type;
    if (value == NULL || !KaaStr_Check(value)) {
        KaaErr_Format(KaaExc(TypeError), "can only assign string to %s.__name__, not '%s'",
                      type->tp_name, value ? Kaa_TYPE(value)->tp_name : "NoneType");
        return -1;
    }
    if (strlen(KaaStr_DATA(value)) != (size_t)KaaStr_NBYTES(value)) {
        KaaErr_SetString(KaaExc(ValueError), "type name must not contain null characters");
        return -1;
    }
    char *copy = kaa_mem_strdup(KaaStr_DATA(value));
    if (copy == NULL) {
        KaaErr_NoMemory();
        return -1;
    }
    kaa_mem_free(ht->ht_tpname);
    ht->ht_tpname = copy;
    type->tp_name = copy;
    Kaa_SETREF(type->tp_name_obj, Kaa_NewRef(value));
    return 0;
}

// --- Creating a class ----------------------------------------------------------------------

static int tuple_contains_ptr(KaaObject *t, KaaObject *o, Kaa_ssize_t from)
{
    for (Kaa_ssize_t i = from; i < KaaTuple_GET_SIZE(t); i++) {
        if (KaaTuple_GET_ITEM(t, i) == o) {
            return 1;
        }
    }
    return 0;
}

// C3 linearization of type (whose tp_bases is set). New tuple or NULL.
static KaaObject *mro_c3(KaaTypeObject *type)
{
    KaaObject *bases = type->tp_bases;
    Kaa_ssize_t nb = KaaTuple_GET_SIZE(bases);
    Kaa_ssize_t nseq = nb + 1;
    KaaObject **seqs = kaa_mem_alloc((size_t)nseq * sizeof(KaaObject *));
    Kaa_ssize_t *heads = kaa_mem_calloc((size_t)nseq, sizeof(Kaa_ssize_t));
    KaaObject *result = KaaList_New(0);
    if (seqs == NULL || heads == NULL || result == NULL) {
        kaa_mem_free(seqs);
        kaa_mem_free(heads);
        Kaa_XDECREF(result);
        return KaaErr_NoMemory();
    }
    for (Kaa_ssize_t i = 0; i < nb; i++) {
        seqs[i] = ((KaaTypeObject *)KaaTuple_GET_ITEM(bases, i))->tp_mro;
    }
    seqs[nb] = bases;
    if (KaaList_Append(result, (KaaObject *)type) < 0) {
        goto fail;
    }
    for (;;) {
        int empty = 1;
        KaaObject *candidate = NULL;
        for (Kaa_ssize_t i = 0; i < nseq; i++) {
            if (heads[i] >= KaaTuple_GET_SIZE(seqs[i])) {
                continue;
            }
            empty = 0;
            KaaObject *c = KaaTuple_GET_ITEM(seqs[i], heads[i]);
            int in_tail = 0;
            for (Kaa_ssize_t j = 0; j < nseq && !in_tail; j++) {
                in_tail = tuple_contains_ptr(seqs[j], c, heads[j] + 1);
            }
            if (!in_tail) {
                candidate = c;
                break;
            }
        }
        if (empty) {
            break;
        }
        if (candidate == NULL) {
            KaaObject *names = KaaList_New(0);
            for (Kaa_ssize_t i = 0; names && i < nb; i++) {
                KaaList_Append(names, ((KaaTypeObject *)KaaTuple_GET_ITEM(bases, i))->tp_name_obj);
            }
            KaaObject *sep = KaaStr_FromString(", ");
            KaaObject *joined = names && sep ? KaaStr_Join(sep, names) : NULL;
            if (joined) {
                KaaErr_Format(KaaExc(TypeError),
                              "Cannot create a consistent method resolution\norder (MRO) for bases %U",
                              joined);
            }
            Kaa_XDECREF(joined);
            Kaa_XDECREF(sep);
            Kaa_XDECREF(names);
            goto fail;
        }
        if (KaaList_Append(result, candidate) < 0) {
            goto fail;
        }
        for (Kaa_ssize_t i = 0; i < nseq; i++) {
            if (heads[i] < KaaTuple_GET_SIZE(seqs[i]) &&
                KaaTuple_GET_ITEM(seqs[i], heads[i]) == candidate) {
                heads[i]++;
            }
        }
    }
    kaa_mem_free(seqs);
    kaa_mem_free(heads);
    KaaObject *t = KaaList_AsTuple(result);
    Kaa_DECREF(result);
    return t;
fail:
    kaa_mem_free(seqs);
    kaa_mem_free(heads);
    Kaa_DECREF(result);
    return NULL;
}

// The nearest class that fixes the instance layout (CPython's solid_base): a
// class whose __slots__ add fields, or the builtin type below; a __dict__ and
// a weakref slot do not count, as a subclass may put them elsewhere.
static KaaTypeObject *solid_base(KaaTypeObject *t)
{
    for (; t->tp_base; t = t->tp_base) {
        if (t->tp_flags & KAA_TPFLAGS_HEAPTYPE) {
            KaaMemberDef *m = HT(t)->ht_members;
            if (m && m->name) {
                return t;
            }
        } else if (t->tp_basicsize != t->tp_base->tp_basicsize ||
                   t->tp_itemsize != t->tp_base->tp_itemsize) {
            return t; // a builtin that adds fields (int, list, OSError...)
        }
    }
    return t;
}

// The base that decides the instance layout.
static KaaTypeObject *best_base(KaaObject *bases)
{
    KaaTypeObject *winner = NULL, *best = NULL;
    for (Kaa_ssize_t i = 0; i < KaaTuple_GET_SIZE(bases); i++) {
        KaaObject *b = KaaTuple_GET_ITEM(bases, i);
        if (!KaaType_HasFeature(Kaa_TYPE(b), KAA_TPFLAGS_TYPE_SUBCLASS)) {
            KaaErr_SetString(KaaExc(TypeError), "bases must be types");
            return NULL;
        }
        KaaTypeObject *base = (KaaTypeObject *)b;
        if (!(base->tp_flags & KAA_TPFLAGS_BASETYPE)) {
            KaaErr_Format(KaaExc(TypeError), "type '%s' is not an acceptable base type",
                          base->tp_name);
            return NULL;
        }
        KaaTypeObject *candidate = solid_base(base);
        if (winner == NULL || KaaType_IsSubtype(candidate, winner)) {
            winner = candidate;
            best = base;
        } else if (!KaaType_IsSubtype(winner, candidate)) {
            KaaErr_SetString(KaaExc(TypeError), "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return best;
}

static int inherit_tables(KaaHeapTypeObject *ht, KaaTypeObject *base)
{
    void **dst, *const *src;
    size_t n;
    if (base->tp_as_sequence) {
        dst = (void **)&ht->as_sequence;
        src = (void *const *)base->tp_as_sequence;
        n = sizeof(KaaSequenceMethods) / sizeof(void *);
        for (size_t i = 0; i < n; i++) {
            if (dst[i] == NULL) {
                dst[i] = src[i];
            }
        }
    }
    if (base->tp_as_mapping) {
        dst = (void **)&ht->as_mapping;
        src = (void *const *)base->tp_as_mapping;
        n = sizeof(KaaMappingMethods) / sizeof(void *);
        for (size_t i = 0; i < n; i++) {
            if (dst[i] == NULL) {
                dst[i] = src[i];
            }
        }
    }
    return 0;
}

void kaa_type_inherit_slots(KaaTypeObject *type, KaaTypeObject *base);

static KaaObject *dict_get(KaaObject *dict, const char *key)
{
    return KaaDict_GetItemString(dict, key);
}

static KaaObject *subtype_get_dict(KaaObject *o, void *c)
{
    KaaObject *d = kaa_instance_dict(o);
    return d ? Kaa_NewRef(d) : NULL;
}

static int subtype_set_dict(KaaObject *o, KaaObject *value, void *c)
{
    if (value == NULL || !KaaDict_Check(value)) {
        KaaErr_Format(KaaExc(TypeError), "__dict__ must be set to a dictionary, not a '%s'",
                      value ? Kaa_TYPE(value)->tp_name : "NoneType");
        return -1;
    }
    if (kaa_instance_dict(o) == NULL) {
        return -1;
    }
    Kaa_SETREF(*dict_slot(o), Kaa_NewRef(value));
    return 0;
}

// __dict__ of instances whose dict follows their items (KAA_DICTOFFSET_VAREND).
static KaaObject *vardict_get(KaaObject *o, void *c)
{
    KaaObject **dictp = kaa_object_dict_ptr(o);
    if (*dictp == NULL && (*dictp = KaaDict_New()) == NULL) {
        return NULL;
    }
    return Kaa_NewRef(*dictp);
}

static int vardict_set(KaaObject *o, KaaObject *value, void *c)
{
    if (value == NULL || !KaaDict_Check(value)) {
        KaaErr_Format(KaaExc(TypeError), "__dict__ must be set to a dictionary, not a '%s'",
                      value ? Kaa_TYPE(value)->tp_name : "NoneType");
        return -1;
    }
    Kaa_SETREF(*kaa_object_dict_ptr(o), Kaa_NewRef(value));
    return 0;
}

static KaaGetSetDef subtype_getset[] = {
    {"__dict__", subtype_get_dict, subtype_set_dict},
    {"__dict__", vardict_get, vardict_set},
    {NULL},
};

// __slots__: one member descriptor per name, stored after the base's fields.
// A __slots__ name as the class body would spell it: `__x` in class C is
// `_C__x` (private name mangling). New reference.
static KaaObject *mangle_slot(const char *classname, KaaObject *name)
{
    const char *s = KaaStr_DATA(name);
    Kaa_ssize_t n = KaaStr_NBYTES(name);
    while (*classname == '_') {
        classname++;
    }
    if (n < 2 || s[0] != '_' || s[1] != '_' || (s[n - 1] == '_' && s[n - 2] == '_') ||
        *classname == '\0') {
        return Kaa_NewRef(name);
    }
    return KaaStr_FromFormat("_%s%U", classname, name);
}

static int add_slots(KaaHeapTypeObject *ht, KaaObject *slots, int *add_dict)
{
    KaaObject *given = KaaStr_Check(slots) ? KaaTuple_Pack(1, slots) : KaaSequence_Tuple(slots);
    if (given == NULL) {
        return -1;
    }
    KaaObject *names = KaaTuple_New(KaaTuple_GET_SIZE(given));
    for (Kaa_ssize_t i = 0; names && i < KaaTuple_GET_SIZE(given); i++) {
        KaaObject *name = KaaTuple_GET_ITEM(given, i);
        KaaObject *m = KaaStr_Check(name) ? mangle_slot(ht->ht_tpname, name) : Kaa_NewRef(name);
        if (m == NULL) {
            Kaa_CLEAR(names);
            break;
        }
        KaaTuple_SET_ITEM(names, i, m);
    }
    Kaa_DECREF(given);
    if (names == NULL) {
        return -1;
    }
    Kaa_ssize_t n = KaaTuple_GET_SIZE(names);
    ht->ht_members = kaa_mem_calloc((size_t)n + 1, sizeof(KaaMemberDef));
    if (ht->ht_members == NULL) {
        Kaa_DECREF(names);
        KaaErr_NoMemory();
        return -1;
    }
    int k = 0;
    *add_dict = 0;
    for (Kaa_ssize_t i = 0; i < n; i++) {
        KaaObject *name = KaaTuple_GET_ITEM(names, i);
        if (!KaaStr_Check(name)) {
            KaaErr_Format(KaaExc(TypeError), "__slots__ items must be strings, not '%s'",
                          Kaa_TYPE(name)->tp_name);
            Kaa_DECREF(names);
            return -1;
        }
        if (KaaStr_EqualToASCII(name, "__dict__")) {
            *add_dict = 1;
            continue;
        }
        if (KaaStr_EqualToASCII(name, "__weakref__")) {
            continue;
        }
        KaaMemberDef *m = &ht->ht_members[k++];
        m->name = KaaStr_DATA(name); // kept alive by ht_slots
        m->type = KAA_T_OBJECT_EX;
        m->offset = ht->ht_type.tp_basicsize;
        m->flags = KAA_MEMBER_WRITABLE;
        ht->ht_type.tp_basicsize += sizeof(KaaObject *);
    }
    ht->ht_slots = names;
    return 0;
}

// Wrap plain functions that Python makes implicit static/class methods.
static int implicit_methods(KaaObject *dict)
{
    static const struct {
        const char *name;
        KaaTypeObject *wrapper;
    } names[] = {{"__new__", &KaaStaticMethod_Type},
                 {"__init_subclass__", &KaaClassMethod_Type},
                 {"__class_getitem__", &KaaClassMethod_Type}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        KaaObject *f = dict_get(dict, names[i].name);
        if (f && KaaFunction_Check(f)) {
            KaaObject *w = KaaObject_CallOneArg((KaaObject *)names[i].wrapper, f);
            if (w == NULL || KaaDict_SetItemString(dict, names[i].name, w) < 0) {
                Kaa_XDECREF(w);
                return -1;
            }
            Kaa_DECREF(w);
        }
    }
    return 0;
}

// callable(*args, **kwds) for a dict of keywords (kwds may be NULL).
static KaaObject *call_with_kwdict(KaaObject *callable, KaaObject *const *args, size_t nargs,
                                   KaaObject *kwds)
{
    Kaa_ssize_t nkw = kwds ? KaaDict_GET_SIZE(kwds) : 0;
    if (nkw == 0) {
        return KaaObject_Vectorcall(callable, args, nargs, NULL);
    }
    KaaObject *kwnames = KaaTuple_New(nkw);
    KaaObject **argv = kaa_mem_alloc((nargs + (size_t)nkw) * sizeof(KaaObject *));
    KaaObject *r = NULL;
    if (kwnames && argv) {
        if (nargs) {
            memcpy(argv, args, nargs * sizeof(KaaObject *));
        }
        Kaa_ssize_t pos = 0, j = 0;
        KaaObject *k, *v;
        while (KaaDict_Next(kwds, &pos, &k, &v)) {
            KaaTuple_SET_ITEM(kwnames, j, Kaa_NewRef(k));
            argv[nargs + (size_t)j++] = v;
        }
        r = KaaObject_Vectorcall(callable, argv, nargs, kwnames);
    } else {
        KaaErr_NoMemory();
    }
    kaa_mem_free(argv);
    Kaa_XDECREF(kwnames);
    return r;
}

// __set_name__ for descriptors, then the parent's __init_subclass__.
static int finish_class(KaaTypeObject *type, KaaObject *kwds)
{
    KaaObject *items = KaaDict_Copy(type->tp_dict);
    if (items == NULL) {
        return -1;
    }
    Kaa_ssize_t pos = 0;
    KaaObject *k, *v;
    while (KaaDict_Next(items, &pos, &k, &v)) {
        KaaObject *set_name = kaa_type_lookup(Kaa_TYPE(v), KaaStr_InternFromString("__set_name__"));
        if (set_name == NULL) {
            continue;
        }
        KaaObject *args[2] = {(KaaObject *)type, k};
        KaaObject *r = call_special(v, "__set_name__", args, 2, NULL);
        if (r == NULL) {
            // 3.11 wraps the error: RuntimeError from the original.
            KaaObject *cause = KaaErr_GetRaisedException();
            KaaErr_Format(KaaExc(RuntimeError), "Error calling __set_name__ on '%s' instance %R in '%s'",
                          Kaa_TYPE(v)->tp_name, k, type->tp_name);
            KaaObject *exc = KaaErr_GetRaisedException();
            if (exc && cause) {
                KaaBaseExceptionObject *be = (KaaBaseExceptionObject *)exc;
                Kaa_SETREF(be->context, Kaa_NewRef(cause));
                Kaa_SETREF(be->cause, cause);
                be->suppress_context = 1;
            } else {
                Kaa_XDECREF(cause);
            }
            KaaErr_SetRaisedException(exc);
            Kaa_DECREF(items);
            return -1;
        }
        Kaa_DECREF(r);
    }
    Kaa_DECREF(items);
    // super(type, type).__init_subclass__(**kwds)
    KaaObject *mro = type->tp_mro;
    for (Kaa_ssize_t i = 1; i < KaaTuple_GET_SIZE(mro); i++) {
        KaaTypeObject *b = (KaaTypeObject *)KaaTuple_GET_ITEM(mro, i);
        KaaObject *f = b->tp_dict ? dict_get(b->tp_dict, "__init_subclass__") : NULL;
        if (f == NULL || Kaa_TYPE(f) != &KaaClassMethod_Type) {
            continue;
        }
        KaaObject *bound = Kaa_TYPE(f)->tp_descr_get(f, NULL, (KaaObject *)type);
        if (bound == NULL) {
            return -1;
        }
        KaaObject *r = call_with_kwdict(bound, NULL, 0, kwds);
        Kaa_DECREF(bound);
        if (r == NULL) {
            return -1;
        }
        Kaa_DECREF(r);
        return 0;
    }
    if (kwds && KaaDict_GET_SIZE(kwds)) {
        KaaErr_Format(KaaExc(TypeError), "%s.__init_subclass__() takes no keyword arguments",
                      type->tp_name);
        return -1;
    }
    return 0;
}


KaaObject *kaa_type_new(KaaTypeObject *meta, KaaObject *name, KaaObject *bases, KaaObject *ns,
                        KaaObject *kwds)
{
    kaa_type_modified();
    if (!KaaStr_Check(name)) {
        return KaaErr_Format(KaaExc(TypeError), "type.__new__() argument 1 must be str, not %s",
                             Kaa_TYPE(name)->tp_name);
    }
    if (!KaaTuple_Check(bases)) {
        return KaaErr_Format(KaaExc(TypeError), "type.__new__() argument 2 must be tuple, not %s",
                             Kaa_TYPE(bases)->tp_name);
    }
    if (!KaaDict_Check(ns)) {
        return KaaErr_Format(KaaExc(TypeError), "type.__new__() argument 3 must be dict, not %s",
                             Kaa_TYPE(ns)->tp_name);
    }
    KaaObject *own_bases = KaaTuple_GET_SIZE(bases)
                               ? Kaa_NewRef(bases)
                               : KaaTuple_Pack(1, (KaaObject *)&KaaBaseObject_Type);
    if (own_bases == NULL) {
        return NULL;
    }
    for (Kaa_ssize_t i = 0; i < KaaTuple_GET_SIZE(own_bases); i++) {
        if (tuple_contains_ptr(own_bases, KaaTuple_GET_ITEM(own_bases, i), i + 1)) {
            KaaObject *dup = KaaTuple_GET_ITEM(own_bases, i);
            Kaa_DECREF(own_bases);
            return KaaErr_Format(KaaExc(TypeError), "duplicate base class %U",
                                 ((KaaTypeObject *)dup)->tp_name_obj);
        }
    }
    KaaTypeObject *base = best_base(own_bases);
    if (base == NULL) {
        Kaa_DECREF(own_bases);
        return NULL;
    }
    KaaHeapTypeObject *ht = (KaaHeapTypeObject *)KaaType_GenericAlloc(meta, 0);
    if (ht == NULL) {
        Kaa_DECREF(own_bases);
        return NULL;
    }
    KaaTypeObject *type = &ht->ht_type;
    type->tp_flags = KAA_TPFLAGS_HEAPTYPE | KAA_TPFLAGS_BASETYPE | KAA_TPFLAGS_HAVE_GC |
                     (base->tp_flags & (KAA_TPFLAGS_MANAGED_DICT | KAA_TPFLAGS_LONG_SUBCLASS |
                                        KAA_TPFLAGS_LIST_SUBCLASS | KAA_TPFLAGS_TUPLE_SUBCLASS |
                                        KAA_TPFLAGS_BYTES_SUBCLASS | KAA_TPFLAGS_UNICODE_SUBCLASS |
                                        KAA_TPFLAGS_DICT_SUBCLASS | KAA_TPFLAGS_BASE_EXC_SUBCLASS |
                                        KAA_TPFLAGS_TYPE_SUBCLASS));
    type->tp_bases = own_bases;
    type->tp_base = (KaaTypeObject *)Kaa_NewRef(base);
    type->tp_as_number = &ht->as_number;
    type->tp_as_sequence = &ht->as_sequence;
    type->tp_as_mapping = &ht->as_mapping;
    type->tp_basicsize = base->tp_basicsize;
    type->tp_itemsize = base->tp_itemsize;
    type->tp_dictoffset = base->tp_dictoffset;
    type->tp_weaklistoffset = base->tp_weaklistoffset;
    type->tp_dict = KaaDict_Copy(ns);
    ht->ht_tpname = kaa_mem_strdup(KaaStr_DATA(name));
    type->tp_name = ht->ht_tpname;
    type->tp_name_obj = Kaa_NewRef(name);
    if (type->tp_dict == NULL || ht->ht_tpname == NULL) {
        goto fail;
    }
    KaaObject *dict = type->tp_dict;
    // __module__ (from the class body) and __qualname__ (removed from the dict).
    KaaObject *module = dict_get(dict, "__module__");
    if (module == NULL && kaa_ts.frame && kaa_ts.frame->globals) {
        module = KaaDict_GetItemString(kaa_ts.frame->globals, "__name__");
        if (module && KaaDict_SetItemString(dict, "__module__", module) < 0) {
            goto fail;
        }
    }
    type->tp_module_obj = Kaa_XNewRef(module);
    KaaObject *qualname = dict_get(dict, "__qualname__");
    if (qualname) {
        if (!KaaStr_Check(qualname)) {
            KaaErr_Format(KaaExc(TypeError), "type __qualname__ must be a str, not %s",
                          Kaa_TYPE(qualname)->tp_name);
            goto fail;
        }
        type->tp_qualname_obj = Kaa_NewRef(qualname);
        if (KaaDict_DelItemString(dict, "__qualname__") < 0) {
            goto fail;
        }
    } else {
        type->tp_qualname_obj = Kaa_NewRef(name);
    }
    if (dict_get(dict, "__doc__") == NULL && KaaDict_SetItemString(dict, "__doc__", Kaa_None) < 0) {
        goto fail;
    }
    // A class defining __eq__ without __hash__ is unhashable.
    if (dict_get(dict, "__eq__") && dict_get(dict, "__hash__") == NULL &&
        KaaDict_SetItemString(dict, "__hash__", Kaa_None) < 0) {
        goto fail;
    }
    if (implicit_methods(dict) < 0) {
        goto fail;
    }
    // Instance layout: __slots__, then a managed dict and a weakref slot.
    KaaObject *slots = dict_get(dict, "__slots__");
    int add_dict = base->tp_dictoffset == 0 && base->tp_itemsize == 0;
    int want_dict = 1;
    if (slots) {
        if (add_slots(ht, slots, &want_dict) < 0) {
            goto fail;
        }
        if (base->tp_itemsize != 0 && ht->ht_members && ht->ht_members[0].name) {
            KaaErr_Format(KaaExc(TypeError), "nonempty __slots__ not supported for subtype of '%s'",
                          base->tp_name);
            goto fail;
        }
        add_dict = add_dict && want_dict;
    }
    // A variable-size builtin (str, bytes, tuple) has no fixed place after
    // its items: the dict pointer goes after them, at an aligned offset.
    int add_var_dict = base->tp_dictoffset == 0 && base->tp_itemsize != 0 &&
                       want_dict;
    if (add_dict) {
        type->tp_dictoffset = type->tp_basicsize;
        type->tp_basicsize += 2 * sizeof(KaaObject *); // dict, inline values
        type->tp_flags |= KAA_TPFLAGS_MANAGED_DICT;
    } else if (add_var_dict) {
        type->tp_dictoffset = KAA_DICTOFFSET_VAREND;
        type->tp_basicsize += 2 * sizeof(KaaObject *); // the pointer and its alignment
    }
    if (type->tp_weaklistoffset == 0 && base->tp_itemsize == 0 && slots == NULL) {
        type->tp_weaklistoffset = type->tp_basicsize;
        type->tp_basicsize += sizeof(KaaObject *);
    }
    for (KaaMemberDef *m = ht->ht_members; m && m->name; m++) {
        KaaObject *d = KaaDescr_NewMember(type, m);
        if (d == NULL || KaaDict_SetItemString(dict, m->name, d) < 0) {
            Kaa_XDECREF(d);
            goto fail;
        }
        Kaa_DECREF(d);
    }
    if ((add_dict || add_var_dict) && dict_get(dict, "__dict__") == NULL) {
        KaaObject *d = KaaDescr_NewGetSet(type, &subtype_getset[add_dict ? 0 : 1]);
        if (d == NULL || KaaDict_SetItemString(dict, "__dict__", d) < 0) {
            Kaa_XDECREF(d);
            goto fail;
        }
        Kaa_DECREF(d);
    }
    type->tp_mro = mro_c3(type);
    if (type->tp_mro == NULL) {
        goto fail;
    }
    type->tp_flags |= KAA_TPFLAGS_READY;
    for (Kaa_ssize_t i = 1; i < KaaTuple_GET_SIZE(type->tp_mro); i++) {
        KaaTypeObject *b = (KaaTypeObject *)KaaTuple_GET_ITEM(type->tp_mro, i);
        kaa_type_inherit_slots(type, b);
        inherit_tables(ht, b);
    }
    type->tp_dealloc = subtype_dealloc;
    type->tp_traverse = subtype_traverse;
    type->tp_clear = subtype_clear;
    if (type->tp_setattro == NULL || (add_dict && type->tp_setattro != KaaObject_GenericSetAttr)) {
        if (add_dict) {
            type->tp_setattro = KaaObject_GenericSetAttr;
        }
    }
    kaa_type_modified(); // the namespace is final from here on
    fixup_slots(type);
    kaa_type_modified();
    KaaObject *cell = dict_get(dict, "__classcell__");
    if (cell) {
        if (Kaa_TYPE(cell) == &KaaCell_Type) {
            Kaa_SETREF(((KaaCellObject *)cell)->ob_ref, Kaa_NewRef(type));
        }
        if (KaaDict_DelItemString(dict, "__classcell__") < 0) {
            goto fail;
        }
        kaa_type_modified();
    }
    KAA_GC_TRACK(type);
    link_class(ht);
    if (finish_class(type, kwds) < 0) {
        Kaa_DECREF(type);
        return NULL;
    }
    return (KaaObject *)type;
fail:
    Kaa_DECREF(type);
    return NULL;
}

// --- Heap type lifetime ------------------------------------------------------------------

int kaa_heaptype_traverse(KaaObject *o, visitproc visit, void *arg)
{
    KaaTypeObject *t = (KaaTypeObject *)o;
    Kaa_VISIT(t->tp_dict);
    Kaa_VISIT(t->tp_mro);
    Kaa_VISIT(t->tp_bases);
    Kaa_VISIT(t->tp_base);
    Kaa_VISIT(t->tp_module_obj);
    return 0;
}

int kaa_heaptype_clear(KaaObject *o)
{
    kaa_type_modified();
    KaaTypeObject *t = (KaaTypeObject *)o;
    Kaa_CLEAR(t->tp_dict);
    Kaa_CLEAR(t->tp_mro);
    return 0;
}

void kaa_heaptype_dealloc(KaaObject *o)
{
    kaa_type_modified(); // its address may be reused by a new class
    KaaHeapTypeObject *ht = (KaaHeapTypeObject *)o;
    KaaTypeObject *t = &ht->ht_type;
    unlink_class(ht);
    kaa_gc_untrack(o);
    kaa_weakref_clear_refs(o);
    Kaa_CLEAR(t->tp_dict);
    Kaa_CLEAR(t->tp_mro);
    Kaa_CLEAR(t->tp_bases);
    Kaa_CLEAR(t->tp_base);
    Kaa_CLEAR(t->tp_name_obj);
    Kaa_CLEAR(t->tp_qualname_obj);
    Kaa_CLEAR(t->tp_module_obj);
    Kaa_CLEAR(ht->ht_slots);
    kaa_mem_free(ht->ht_members);
    kaa_mem_free(ht->ht_tpname);
    if (ht->ht_cached_keys) {
        for (int i = 0; i < ht->ht_cached_keys->n; i++) {
            Kaa_DECREF(ht->ht_cached_keys->names[i]);
        }
        kaa_mem_free(ht->ht_cached_keys);
    }
    kaa_object_free(o);
    // A class whose metaclass is itself a class dies through subtype_dealloc,
    // which drops the reference to the metaclass after this.
}

// --- super -----------------------------------------------------------------------------

typedef struct {
    KaaObject_HEAD
    KaaTypeObject *type;     // the class super() was called in
    KaaObject *obj;          // the instance (or class)
    KaaTypeObject *obj_type; // the type whose MRO is searched
} SuperObject;

static KaaTypeObject *super_check(KaaTypeObject *type, KaaObject *obj)
{
    if (KaaType_HasFeature(Kaa_TYPE(obj), KAA_TPFLAGS_TYPE_SUBCLASS) &&
        KaaType_IsSubtype((KaaTypeObject *)obj, type)) {
        return (KaaTypeObject *)obj;
    }
    if (KaaType_IsSubtype(Kaa_TYPE(obj), type)) {
        return Kaa_TYPE(obj);
    }
    KaaErr_SetString(KaaExc(TypeError),
                     "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

// super() with no arguments: __class__ from the cell, obj from the first argument.
static int super_from_frame(KaaTypeObject **type, KaaObject **obj)
{
    KaaFrame *f = kaa_ts.frame;
    if (f == NULL) {
        KaaErr_SetString(KaaExc(RuntimeError), "super(): no current frame");
        return -1;
    }
    KaaCodeObject *co = f->code;
    if (co->co_argcount == 0) {
        KaaErr_SetString(KaaExc(RuntimeError), "super(): no arguments");
        return -1;
    }
    KaaObject *first = f->localsplus[0];
    for (int i = 0; first == NULL && i < co->co_ncellvars; i++) {
        if (co->co_cell2arg && co->co_cell2arg[i] == 0) {
            first = ((KaaCellObject *)f->localsplus[co->co_nlocals + i])->ob_ref;
        }
    }
    if (first == NULL) {
        KaaErr_SetString(KaaExc(RuntimeError), "super(): arg[0] deleted");
        return -1;
    }
    int start = co->co_nlocals + co->co_ncellvars;
    for (int i = start; i < co->co_nlocalsplus; i++) {
        if (KaaStr_EqualToASCII(KaaTuple_GET_ITEM(co->co_localsplusnames, i), "__class__")) {
            KaaObject *cls = ((KaaCellObject *)f->localsplus[i])->ob_ref;
            if (cls == NULL) {
                KaaErr_SetString(KaaExc(RuntimeError), "super(): empty __class__ cell");
                return -1;
            }
            if (!KaaType_HasFeature(Kaa_TYPE(cls), KAA_TPFLAGS_TYPE_SUBCLASS)) {
                KaaErr_Format(KaaExc(RuntimeError), "super(): __class__ is not a type (%s)",
                              Kaa_TYPE(cls)->tp_name);
                return -1;
            }
            *type = (KaaTypeObject *)cls;
            *obj = first;
            return 0;
        }
    }
    KaaErr_SetString(KaaExc(RuntimeError), "super(): __class__ cell not found");
    return -1;
}

static KaaObject *super_new(KaaTypeObject *stype, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        return KaaErr_Format(KaaExc(TypeError), "super() takes no keyword arguments");
    }
    KaaTypeObject *type;
    KaaObject *obj = NULL;
    if (nargs == 0) {
        if (super_from_frame(&type, &obj) < 0) {
            return NULL;
        }
    } else {
        if (nargs > 2) {
            return KaaErr_Format(KaaExc(TypeError), "super() takes at most 2 arguments (%zu given)",
                                 nargs);
        }
        if (!KaaType_HasFeature(Kaa_TYPE(args[0]), KAA_TPFLAGS_TYPE_SUBCLASS)) {
            return KaaErr_Format(KaaExc(TypeError), "super() argument 1 must be a type, not %s",
                                 Kaa_TYPE(args[0])->tp_name);
        }
        type = (KaaTypeObject *)args[0];
        obj = nargs == 2 && args[1] != Kaa_None ? args[1] : NULL;
    }
    KaaTypeObject *obj_type = NULL;
    if (obj && (obj_type = super_check(type, obj)) == NULL) {
        return NULL;
    }
    SuperObject *su = (SuperObject *)KaaType_GenericAlloc(stype, 0);
    if (su == NULL) {
        return NULL;
    }
    su->type = (KaaTypeObject *)Kaa_NewRef(type);
    su->obj = Kaa_XNewRef(obj);
    su->obj_type = (KaaTypeObject *)Kaa_XNewRef(obj_type);
    KAA_GC_TRACK(su);
    return (KaaObject *)su;
}

static KaaObject *super_getattro(KaaObject *self, KaaObject *name)
{
    SuperObject *su = (SuperObject *)self;
    if (su->obj_type && !KaaStr_EqualToASCII(name, "__class__")) {
        KaaObject *mro = su->obj_type->tp_mro;
        Kaa_ssize_t n = KaaTuple_GET_SIZE(mro), i = 0;
        while (i < n && KaaTuple_GET_ITEM(mro, i) != (KaaObject *)su->type) {
            i++;
        }
        for (i++; i < n; i++) {
            KaaTypeObject *t = (KaaTypeObject *)KaaTuple_GET_ITEM(mro, i);
            KaaObject *res = t->tp_dict ? KaaDict_GetItemWithError(t->tp_dict, name) : NULL;
            if (res) {
                descrgetfunc get = Kaa_TYPE(res)->tp_descr_get;
                if (get) {
                    KaaObject *obj = su->obj == (KaaObject *)su->obj_type ? NULL : su->obj;
                    Kaa_INCREF(res);
                    KaaObject *r = get(res, obj, (KaaObject *)su->obj_type);
                    Kaa_DECREF(res);
                    return r;
                }
                return Kaa_NewRef(res);
            }
            if (KaaErr_Occurred()) {
                return NULL;
            }
        }
    }
    return KaaObject_GenericGetAttr(self, name);
}

static KaaObject *super_repr(KaaObject *self)
{
    SuperObject *su = (SuperObject *)self;
    if (su->obj_type) {
        return KaaStr_FromFormat("<super: <class '%s'>, <%s object>>", su->type->tp_name,
                                 su->obj_type->tp_name);
    }
    return KaaStr_FromFormat("<super: <class '%s'>, NULL>", su->type->tp_name);
}

static int super_traverse(KaaObject *o, visitproc visit, void *arg)
{
    SuperObject *su = (SuperObject *)o;
    Kaa_VISIT(su->obj);
    Kaa_VISIT(su->type);
    Kaa_VISIT(su->obj_type);
    return 0;
}

static void super_dealloc(KaaObject *o)
{
    SuperObject *su = (SuperObject *)o;
    kaa_gc_untrack(o);
    Kaa_XDECREF(su->obj);
    Kaa_XDECREF(su->type);
    Kaa_XDECREF(su->obj_type);
    kaa_object_free(o);
}

static KaaMemberDef super_members[] = {
    {"__thisclass__", KAA_T_OBJECT, offsetof(SuperObject, type)},
    {"__self__", KAA_T_OBJECT, offsetof(SuperObject, obj)},
    {"__self_class__", KAA_T_OBJECT, offsetof(SuperObject, obj_type)},
    {NULL},
};

KaaTypeObject KaaSuper_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "super",
    .tp_basicsize = sizeof(SuperObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_BASETYPE,
    .tp_dealloc = super_dealloc,
    .tp_traverse = super_traverse,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_new = super_new,
    .tp_members = super_members,
};

// --- staticmethod and classmethod -------------------------------------------------------

typedef struct {
    KaaObject_HEAD
    KaaObject *callable;
    KaaObject *dict;
} WrapObject;

static KaaObject *wrap_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                           KaaObject *kwnames)
{
    if ((kwnames && KaaTuple_GET_SIZE(kwnames)) || nargs != 1) {
        return KaaErr_Format(KaaExc(TypeError), "%s expected 1 argument, got %zu", type->tp_name,
                             nargs);
    }
    WrapObject *w = (WrapObject *)KaaType_GenericAlloc(type, 0);
    if (w == NULL) {
        return NULL;
    }
    w->callable = Kaa_NewRef(args[0]);
    KAA_GC_TRACK(w);
    return (KaaObject *)w;
}

static int wrap_traverse(KaaObject *o, visitproc visit, void *arg)
{
    Kaa_VISIT(((WrapObject *)o)->callable);
    Kaa_VISIT(((WrapObject *)o)->dict);
    return 0;
}

static int wrap_clear(KaaObject *o)
{
    Kaa_CLEAR(((WrapObject *)o)->callable);
    Kaa_CLEAR(((WrapObject *)o)->dict);
    return 0;
}

static void wrap_dealloc(KaaObject *o)
{
    kaa_gc_untrack(o);
    wrap_clear(o);
    kaa_object_free(o);
}

static KaaObject *staticmethod_get(KaaObject *self, KaaObject *obj, KaaObject *type)
{
    return Kaa_NewRef(((WrapObject *)self)->callable);
}

static KaaObject *staticmethod_call(KaaObject *self, KaaObject *const *args, size_t nargs,
                                    KaaObject *kwnames)
{
    return KaaObject_Vectorcall(((WrapObject *)self)->callable, args, nargs, kwnames);
}

static KaaObject *classmethod_get(KaaObject *self, KaaObject *obj, KaaObject *type)
{
    if (type == NULL) {
        type = (KaaObject *)Kaa_TYPE(obj);
    }
    return KaaMethod_New(((WrapObject *)self)->callable, type);
}

static KaaMemberDef wrap_members[] = {
    {"__func__", KAA_T_OBJECT, offsetof(WrapObject, callable)},
    {"__wrapped__", KAA_T_OBJECT, offsetof(WrapObject, callable)},
    {NULL},
};

static KaaObject *wrap_getattro(KaaObject *self, KaaObject *name)
{
    // __doc__, __name__... come from the wrapped callable when not our own.
    KaaObject *r = KaaObject_GenericGetAttr(self, name);
    if (r == NULL && KaaErr_ExceptionMatches(KaaExc(AttributeError)) &&
        (KaaStr_EqualToASCII(name, "__doc__") || KaaStr_EqualToASCII(name, "__name__") ||
         KaaStr_EqualToASCII(name, "__qualname__"))) {
        KaaErr_Clear();
        return KaaObject_GetAttr(((WrapObject *)self)->callable, name);
    }
    return r;
}

KaaTypeObject KaaStaticMethod_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(WrapObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_BASETYPE,
    .tp_dealloc = wrap_dealloc,
    .tp_traverse = wrap_traverse,
    .tp_clear = wrap_clear,
    .tp_descr_get = staticmethod_get,
    .tp_call = staticmethod_call,
    .tp_getattro = wrap_getattro,
    .tp_new = wrap_new,
    .tp_members = wrap_members,
    .tp_dictoffset = offsetof(WrapObject, dict),
};

KaaTypeObject KaaClassMethod_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(WrapObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_BASETYPE,
    .tp_dealloc = wrap_dealloc,
    .tp_traverse = wrap_traverse,
    .tp_clear = wrap_clear,
    .tp_descr_get = classmethod_get,
    .tp_getattro = wrap_getattro,
    .tp_new = wrap_new,
    .tp_members = wrap_members,
    .tp_dictoffset = offsetof(WrapObject, dict),
};

// --- property ------------------------------------------------------------------------------

typedef struct {
    KaaObject_HEAD
    KaaObject *fget, *fset, *fdel, *doc, *name;
} PropertyObject;

static int none_to_null(KaaObject **p)
{
    if (*p == Kaa_None) {
        *p = NULL;
    }
    return 0;
}

int kaa_unpack_args(const char *fname, KaaObject *const *args, size_t nargs, KaaObject *kwnames,
                    const char *const *kwlist, int nrequired, KaaObject **out);

static KaaObject *property_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    static const char *const kwlist[] = {"fget", "fset", "fdel", "doc", NULL};
    KaaObject *a[4];
    if (kaa_unpack_args("property", args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    for (int i = 0; i < 4; i++) {
        none_to_null(&a[i]);
    }
    PropertyObject *p = (PropertyObject *)KaaType_GenericAlloc(type, 0);
    if (p == NULL) {
        return NULL;
    }
    p->fget = Kaa_XNewRef(a[0]);
    p->fset = Kaa_XNewRef(a[1]);
    p->fdel = Kaa_XNewRef(a[2]);
    p->doc = Kaa_XNewRef(a[3]);
    if (p->doc == NULL && p->fget) {
        KaaObject *d;
        if (KaaObject_LookupAttr(p->fget, kaa_id.__doc__, &d) < 0) {
            KaaErr_Clear();
        } else if (d && d != Kaa_None) {
            p->doc = d;
        } else {
            Kaa_XDECREF(d);
        }
    }
    KAA_GC_TRACK(p);
    return (KaaObject *)p;
}

static int property_init(KaaObject *self, KaaObject *const *args, size_t nargs, KaaObject *kw)
{
    return 0; // done by __new__
}

static KaaObject *property_name(PropertyObject *p)
{
    if (p->name) {
        return Kaa_NewRef(p->name);
    }
    KaaObject *n = NULL;
    if (p->fget && KaaObject_LookupAttr(p->fget, kaa_id.__name__, &n) < 0) {
        KaaErr_Clear();
    }
    return n;
}

static KaaObject *property_error(PropertyObject *p, KaaObject *obj, const char *what)
{
    KaaObject *n = property_name(p);
    if (n) {
        KaaErr_Format(KaaExc(AttributeError), "property %R of '%s' object has no %s", n,
                      Kaa_TYPE(obj)->tp_name, what);
        Kaa_DECREF(n);
    } else {
        KaaErr_Format(KaaExc(AttributeError), "property of '%s' object has no %s",
                      Kaa_TYPE(obj)->tp_name, what);
    }
    return NULL;
}

static KaaObject *property_get(KaaObject *self, KaaObject *obj, KaaObject *type)
{
    PropertyObject *p = (PropertyObject *)self;
    if (obj == NULL || obj == Kaa_None) {
        return Kaa_NewRef(self);
    }
    if (p->fget == NULL) {
        return property_error(p, obj, "getter");
    }
    return KaaObject_CallOneArg(p->fget, obj);
}

static int property_set(KaaObject *self, KaaObject *obj, KaaObject *value)
{
    PropertyObject *p = (PropertyObject *)self;
    KaaObject *f = value ? p->fset : p->fdel;
    if (f == NULL) {
        property_error(p, obj, value ? "setter" : "deleter");
        return -1;
    }
    KaaObject *args[2] = {obj, value};
    KaaObject *r = KaaObject_Vectorcall(f, args, value ? 2 : 1, NULL);
    if (r == NULL) {
        return -1;
    }
    Kaa_DECREF(r);
    return 0;
}

// getter/setter/deleter: a copy with one function replaced.
static KaaObject *property_copy(KaaObject *self, KaaObject *fget, KaaObject *fset,
                                KaaObject *fdel)
{
    PropertyObject *p = (PropertyObject *)self;
    KaaObject *args[4] = {fget ? fget : Kaa_None, fset ? fset : Kaa_None,
                          fdel ? fdel : Kaa_None, p->doc ? p->doc : Kaa_None};
    KaaObject *r = KaaObject_Vectorcall((KaaObject *)Kaa_TYPE(self), args, 4, NULL);
    if (r && p->name && Kaa_TYPE(r) == &KaaProperty_Type) {
        ((PropertyObject *)r)->name = Kaa_NewRef(p->name);
    }
    return r;
}

static KaaObject *property_getter(KaaObject *self, KaaObject *f)
{
    PropertyObject *p = (PropertyObject *)self;
    return property_copy(self, f, p->fset, p->fdel);
}

static KaaObject *property_setter(KaaObject *self, KaaObject *f)
{
    PropertyObject *p = (PropertyObject *)self;
    return property_copy(self, p->fget, f, p->fdel);
}

static KaaObject *property_deleter(KaaObject *self, KaaObject *f)
{
    PropertyObject *p = (PropertyObject *)self;
    return property_copy(self, p->fget, p->fset, f);
}

static KaaObject *property_set_name(KaaObject *self, KaaObject *const *args, size_t nargs,
                                    KaaObject *kwnames)
{
    if (nargs != 2) {
        return KaaErr_Format(KaaExc(TypeError), "__set_name__() takes 2 positional arguments but %zu were given",
                             nargs);
    }
    Kaa_SETREF(((PropertyObject *)self)->name, Kaa_NewRef(args[1]));
    Kaa_RETURN_NONE;
}

static KaaMethodDef property_methods[] = {
    {"getter", property_getter, KAA_METH_O},
    {"setter", property_setter, KAA_METH_O},
    {"deleter", property_deleter, KAA_METH_O},
    {"__set_name__", property_set_name, KAA_METH_FASTCALL},
    {NULL},
};

static KaaMemberDef property_members[] = {
    {"fget", KAA_T_OBJECT, offsetof(PropertyObject, fget)},
    {"fset", KAA_T_OBJECT, offsetof(PropertyObject, fset)},
    {"fdel", KAA_T_OBJECT, offsetof(PropertyObject, fdel)},
    {"__doc__", KAA_T_OBJECT, offsetof(PropertyObject, doc), KAA_MEMBER_WRITABLE},
    {NULL},
};

static int property_traverse(KaaObject *o, visitproc visit, void *arg)
{
    PropertyObject *p = (PropertyObject *)o;
    Kaa_VISIT(p->fget);
    Kaa_VISIT(p->fset);
    Kaa_VISIT(p->fdel);
    Kaa_VISIT(p->doc);
    Kaa_VISIT(p->name);
    return 0;
}

static int property_clear(KaaObject *o)
{
    PropertyObject *p = (PropertyObject *)o;
    Kaa_CLEAR(p->fget);
    Kaa_CLEAR(p->fset);
    Kaa_CLEAR(p->fdel);
    Kaa_CLEAR(p->doc);
    Kaa_CLEAR(p->name);
    return 0;
}

static void property_dealloc(KaaObject *o)
{
    kaa_gc_untrack(o);
    property_clear(o);
    kaa_object_free(o);
}

KaaTypeObject KaaProperty_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "property",
    .tp_basicsize = sizeof(PropertyObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_BASETYPE,
    .tp_dealloc = property_dealloc,
    .tp_traverse = property_traverse,
    .tp_clear = property_clear,
    .tp_descr_get = property_get,
    .tp_descr_set = property_set,
    .tp_new = property_new,
    .tp_init = property_init,
    .tp_methods = property_methods,
    .tp_members = property_members,
};

// --- __build_class__ -------------------------------------------------------------------------

static KaaTypeObject *calculate_metaclass(KaaTypeObject *meta, KaaObject *bases)
{
    KaaTypeObject *winner = meta;
    for (Kaa_ssize_t i = 0; i < KaaTuple_GET_SIZE(bases); i++) {
        KaaTypeObject *t = Kaa_TYPE(KaaTuple_GET_ITEM(bases, i));
        if (KaaType_IsSubtype(winner, t)) {
            continue;
        }
        if (KaaType_IsSubtype(t, winner)) {
            winner = t;
            continue;
        }
        KaaErr_SetString(KaaExc(TypeError),
                         "metaclass conflict: the metaclass of a derived class must be a "
                         "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

KaaObject *kaa_eval_class_body(KaaObject *func, KaaObject *ns);

// PEP 560: a base that is not a class may stand for others through its
// __mro_entries__(bases) (class A(list[int]) derives from list). A new tuple,
// or bases itself (a new reference) when no base has the method.
static KaaObject *update_bases(KaaObject *bases)
{
    KaaObject *list = NULL;
    Kaa_ssize_t n = KaaTuple_GET_SIZE(bases);
    for (Kaa_ssize_t i = 0; i < n; i++) {
        KaaObject *base = KaaTuple_GET_ITEM(bases, i), *meth = NULL;
        if (KaaType_HasFeature(Kaa_TYPE(base), KAA_TPFLAGS_TYPE_SUBCLASS)) {
            if (list && KaaList_Append(list, base) < 0) {
                goto fail;
            }
            continue;
        }
        if (KaaObject_LookupAttr(base, KaaStr_InternFromString("__mro_entries__"), &meth) < 0) {
            goto fail;
        }
        if (meth == NULL) {
            if (list && KaaList_Append(list, base) < 0) {
                goto fail;
            }
            continue;
        }
        KaaObject *entries = KaaObject_CallOneArg(meth, bases);
        Kaa_DECREF(meth);
        if (entries == NULL) {
            goto fail;
        }
        if (!KaaTuple_Check(entries)) {
            Kaa_DECREF(entries);
            KaaErr_SetString(KaaExc(TypeError), "__mro_entries__ must return a tuple");
            goto fail;
        }
        if (list == NULL) {
            list = KaaList_New(0);
            for (Kaa_ssize_t j = 0; list && j < i; j++) {
                if (KaaList_Append(list, KaaTuple_GET_ITEM(bases, j)) < 0) {
                    Kaa_CLEAR(list);
                }
            }
        }
        for (Kaa_ssize_t j = 0; list && j < KaaTuple_GET_SIZE(entries); j++) {
            if (KaaList_Append(list, KaaTuple_GET_ITEM(entries, j)) < 0) {
                Kaa_CLEAR(list);
            }
        }
        Kaa_DECREF(entries);
        if (list == NULL) {
            return NULL;
        }
    }
    if (list == NULL) {
        return Kaa_NewRef(bases);
    }
    KaaObject *t = KaaTuple_FromArray(((KaaListObject *)list)->ob_item, KaaList_GET_SIZE(list));
    Kaa_DECREF(list);
    return t;
fail:
    Kaa_XDECREF(list);
    return NULL;
}

KaaObject *kaa_build_class(KaaObject *self, KaaObject *const *args, size_t nargs,
                           KaaObject *kwnames)
{
    if (nargs < 2) {
        return KaaErr_Format(KaaExc(TypeError), "__build_class__: not enough arguments");
    }
    KaaObject *func = args[0], *name = args[1];
    if (!KaaFunction_Check(func)) {
        return KaaErr_Format(KaaExc(TypeError), "__build_class__: func must be a function");
    }
    KaaObject *orig_bases = KaaTuple_FromArray(args + 2, (Kaa_ssize_t)nargs - 2);
    KaaObject *bases = orig_bases ? update_bases(orig_bases) : NULL;
    KaaObject *kwds = KaaDict_New();
    KaaObject *meta = NULL, *ns = NULL, *cls = NULL;
    if (bases == NULL || kwds == NULL) {
        goto done;
    }
    Kaa_ssize_t nkw = kwnames ? KaaTuple_GET_SIZE(kwnames) : 0;
    for (Kaa_ssize_t k = 0; k < nkw; k++) {
        KaaObject *kn = KaaTuple_GET_ITEM(kwnames, k);
        if (KaaStr_EqualToASCII(kn, "metaclass")) {
            meta = args[nargs + (size_t)k];
        } else if (KaaDict_SetItem(kwds, kn, args[nargs + (size_t)k]) < 0) {
            goto done;
        }
    }
    int explicit_meta = meta != NULL;
    if (meta == NULL) {
        meta = KaaTuple_GET_SIZE(bases) ? (KaaObject *)Kaa_TYPE(KaaTuple_GET_ITEM(bases, 0))
                                        : (KaaObject *)&KaaType_Type;
    }
    if (KaaType_HasFeature(Kaa_TYPE(meta), KAA_TPFLAGS_TYPE_SUBCLASS) &&
        KaaType_IsSubtype((KaaTypeObject *)meta, &KaaType_Type)) {
        KaaTypeObject *w = calculate_metaclass((KaaTypeObject *)meta, bases);
        if (w == NULL) {
            goto done;
        }
        meta = (KaaObject *)w;
    }
    (void)explicit_meta;
    Kaa_INCREF(meta);
    // __prepare__ gives the namespace when the metaclass defines one.
    KaaObject *prepare = NULL;
    if (KaaObject_LookupAttr(meta, KaaStr_InternFromString("__prepare__"), &prepare) < 0) {
        goto done;
    }
    if (prepare) {
        KaaObject *pa[2] = {name, bases};
        ns = call_with_kwdict(prepare, pa, 2, kwds);
        Kaa_DECREF(prepare);
    } else {
        ns = KaaDict_New();
    }
    if (ns == NULL) {
        goto done;
    }
    KaaObject *cell = kaa_eval_class_body(func, ns);
    if (cell == NULL) {
        goto done;
    }
    if (bases != orig_bases &&
        KaaObject_SetItem(ns, KaaStr_InternFromString("__orig_bases__"), orig_bases) < 0) {
        Kaa_DECREF(cell);
        goto done;
    }
    // meta(name, bases, ns, **kwds)
    KaaObject *margs[3] = {name, bases, ns};
    cls = call_with_kwdict(meta, margs, 3, kwds);
    if (cls && Kaa_TYPE(cell) == &KaaCell_Type && ((KaaCellObject *)cell)->ob_ref == NULL) {
        ((KaaCellObject *)cell)->ob_ref = Kaa_NewRef(cls);
    }
    Kaa_DECREF(cell);
done:
    Kaa_XDECREF(meta);
    Kaa_XDECREF(ns);
    Kaa_XDECREF(bases);
    Kaa_XDECREF(orig_bases);
    Kaa_XDECREF(kwds);
    return cls;
}
