/* The generic object protocol: allocation and deallocation, repr/str, hash,
 * rich comparison, truth, attribute access and calls. Each dispatches
 * through the type's slots.
 */
#include <string.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "objects/heaptype.h"
#include "vm/vm.h"

Kaa_ssize_t kaa_ref_total;

// --- Allocation --------------------------------------------------------------

KaaObject *KaaType_GenericAlloc(KaaTypeObject *type, Kaa_ssize_t nitems)
{
    size_t size = (size_t)type->tp_basicsize + (size_t)nitems * (size_t)type->tp_itemsize;
    KaaObject *o;
    if (KaaType_IS_GC(type)) {
        o = kaa_gc_alloc(size);
    } else {
        o = kaa_obj_alloc(size);
    }
    if (o == NULL) {
        return KaaErr_NoMemory();
    }
    memset(o, 0, size);
    o->ob_refcnt = 1;
    kaa_ref_total++; // a new reference, as CPython's _Py_NewReference counts it
    o->ob_type = type;
    if (type->tp_itemsize) {
        Kaa_SIZE(o) = nitems;
    }
    if (type->tp_flags & KAA_TPFLAGS_HEAPTYPE) {
        Kaa_INCREF(type);
    }
    return o;
}

KaaObject *kaa_object_new(KaaTypeObject *type)
{
    return KaaType_GenericAlloc(type, 0);
}

KaaObject *kaa_object_new_var(KaaTypeObject *type, Kaa_ssize_t n)
{
    return KaaType_GenericAlloc(type, n);
}

void kaa_object_free(KaaObject *o)
{
    if (KaaObject_IS_GC(o)) {
        kaa_gc_free(o);
    } else {
        kaa_obj_free(o);
    }
}

void kaa_object_dealloc(KaaObject *o)
{
    Kaa_TYPE(o)->tp_dealloc(o);
}

// --- repr, str, hash -----------------------------------------------------------

KaaObject *kaa_object_default_repr(KaaObject *o)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    if (t->tp_module_obj && KaaStr_Check(t->tp_module_obj) &&
        !KaaStr_EqualToASCII(t->tp_module_obj, "builtins")) {
        return KaaStr_FromFormat("<%U.%U object at %p>", t->tp_module_obj, t->tp_qualname_obj,
                                 (void *)o);
    }
    return KaaStr_FromFormat("<%s object at %p>", t->tp_name, (void *)o);
}

static KaaObject *check_str_result(KaaObject *res, const char *what)
{
    if (res && !KaaStr_Check(res)) {
        KaaErr_Format(KaaExc(TypeError), "%s returned non-string (type %T)", what, res);
        Kaa_DECREF(res);
        return NULL;
    }
    return res;
}

KaaObject *KaaObject_Repr(KaaObject *o)
{
    reprfunc f = Kaa_TYPE(o)->tp_repr;
    if (f == NULL) {
        return kaa_object_default_repr(o);
    }
    if (kaa_enter_recursive_call(" while getting the repr of an object")) {
        return NULL;
    }
    KaaObject *res = f(o);
    kaa_leave_recursive_call();
    return check_str_result(res, "__repr__");
}

KaaObject *KaaObject_Str(KaaObject *o)
{
    if (KaaStr_CheckExact(o)) {
        return Kaa_NewRef(o);
    }
    reprfunc f = Kaa_TYPE(o)->tp_str;
    if (f == NULL) {
        return KaaObject_Repr(o);
    }
    if (kaa_enter_recursive_call(" while getting the str of an object")) {
        return NULL;
    }
    KaaObject *res = f(o);
    kaa_leave_recursive_call();
    return check_str_result(res, "__str__");
}

Kaa_hash_t KaaObject_HashNotImplemented(KaaObject *o)
{
    KaaErr_Format(KaaExc(TypeError), "unhashable type: '%s'", Kaa_TYPE(o)->tp_name);
    return -1;
}

Kaa_hash_t KaaObject_Hash(KaaObject *o)
{
    hashfunc f = Kaa_TYPE(o)->tp_hash;
    if (f == NULL) {
        return KaaObject_HashNotImplemented(o);
    }
    return f(o);
}

// Pointer hash as CPython: rotate the low 4 alignment bits away.
Kaa_hash_t kaa_hash_pointer(const void *p)
{
    uintptr_t y = (uintptr_t)p;
    y = (y >> 4) | (y << (8 * sizeof(y) - 4));
    Kaa_hash_t h = (Kaa_hash_t)y;
    return h == -1 ? -2 : h;
}

// --- Rich comparison -------------------------------------------------------------

static const char *const cmp_symbols[] = {"==", "!=", "<", "<=", ">", ">="};
static const int swapped_op[] = {Kaa_EQ, Kaa_NE, Kaa_GT, Kaa_GE, Kaa_LT, Kaa_LE};

static KaaObject *do_richcompare(KaaObject *v, KaaObject *w, int op)
{
    richcmpfunc f;
    KaaObject *res;
    int checked_reverse = 0;
    // A subclass of the left operand's type gets the first try (CPython rule).
    if (Kaa_TYPE(v) != Kaa_TYPE(w) && KaaType_IsSubtype(Kaa_TYPE(w), Kaa_TYPE(v)) &&
        (f = Kaa_TYPE(w)->tp_richcompare) != NULL) {
        checked_reverse = 1;
        res = f(w, v, swapped_op[op]);
        if (res != Kaa_NotImplemented) {
            return res;
        }
        Kaa_DECREF(res);
    }
    if ((f = Kaa_TYPE(v)->tp_richcompare) != NULL) {
        res = f(v, w, op);
        if (res != Kaa_NotImplemented) {
            return res;
        }
        Kaa_DECREF(res);
    }
    if (!checked_reverse && (f = Kaa_TYPE(w)->tp_richcompare) != NULL) {
        res = f(w, v, swapped_op[op]);
        if (res != Kaa_NotImplemented) {
            return res;
        }
        Kaa_DECREF(res);
    }
    // Neither side knows: identity for == and !=, TypeError for ordering.
    switch (op) {
    case Kaa_EQ:
        return KaaBool_FromLong(v == w);
    case Kaa_NE:
        return KaaBool_FromLong(v != w);
    default:
        return KaaErr_Format(KaaExc(TypeError),
                             "'%s' not supported between instances of '%s' and '%s'",
                             cmp_symbols[op], Kaa_TYPE(v)->tp_name, Kaa_TYPE(w)->tp_name);
    }
}

KaaObject *KaaObject_RichCompare(KaaObject *v, KaaObject *w, int op)
{
    if (kaa_enter_recursive_call(" in comparison")) {
        return NULL;
    }
    KaaObject *res = do_richcompare(v, w, op);
    kaa_leave_recursive_call();
    return res;
}

int KaaObject_RichCompareBool(KaaObject *v, KaaObject *w, int op)
{
    // Identity implies equality (as CPython, also for nan in containers).
    if (v == w) {
        if (op == Kaa_EQ) {
            return 1;
        }
        if (op == Kaa_NE) {
            return 0;
        }
    }
    KaaObject *res = KaaObject_RichCompare(v, w, op);
    if (res == NULL) {
        return -1;
    }
    int ok = KaaBool_Check(res) ? res == Kaa_True : KaaObject_IsTrue(res);
    Kaa_DECREF(res);
    return ok;
}

// --- Truth ---------------------------------------------------------------------

int KaaObject_IsTrue(KaaObject *o)
{
    if (o == Kaa_True) {
        return 1;
    }
    if (o == Kaa_False || o == Kaa_None) {
        return 0;
    }
    KaaTypeObject *t = Kaa_TYPE(o);
    if (t->tp_as_number && t->tp_as_number->nb_bool) {
        return t->tp_as_number->nb_bool(o);
    }
    if (t->tp_as_mapping && t->tp_as_mapping->mp_length) {
        Kaa_ssize_t n = t->tp_as_mapping->mp_length(o);
        return n < 0 ? -1 : n > 0;
    }
    if (t->tp_as_sequence && t->tp_as_sequence->sq_length) {
        Kaa_ssize_t n = t->tp_as_sequence->sq_length(o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

int KaaObject_Not(KaaObject *o)
{
    int r = KaaObject_IsTrue(o);
    return r < 0 ? r : !r;
}

// --- Attributes -------------------------------------------------------------------

KaaObject **kaa_object_dict_ptr(KaaObject *o)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    Kaa_ssize_t off = t->tp_dictoffset;
    if (off == 0) {
        return NULL;
    }
    if (off != KAA_DICTOFFSET_VAREND) {
        return (KaaObject **)((char *)o + off);
    }
    // After the builtin's own variable part (str: its UTF-8 bytes and NUL).
    KaaTypeObject *base = t;
    while (base->tp_flags & KAA_TPFLAGS_HEAPTYPE) {
        base = base->tp_base;
    }
    size_t end = KaaStr_Check(o) ? offsetof(KaaStrObject, data) + (size_t)KaaStr_NBYTES(o) + 1
                                 : (size_t)base->tp_basicsize +
                                       (size_t)(Kaa_SIZE(o) < 0 ? -Kaa_SIZE(o) : Kaa_SIZE(o)) *
                                           (size_t)base->tp_itemsize;
    end = (end + sizeof(KaaObject *) - 1) & ~(sizeof(KaaObject *) - 1);
    return (KaaObject **)((char *)o + end);
}

static KaaObject **instance_dict_ptr(KaaObject *o)
{
    return kaa_object_dict_ptr(o);
}

static KaaObject *attribute_error(KaaObject *o, KaaObject *name)
{
    KaaErr_Format(KaaExc(AttributeError), "'%s' object has no attribute '%U'",
                  Kaa_TYPE(o)->tp_name, name);
    KaaObject *exc = kaa_ts.curexc;
    if (exc && KaaType_IsSubtype(Kaa_TYPE(exc), &KaaExc_AttributeError_Type)) {
        KaaAttributeErrorObject *ae = (KaaAttributeErrorObject *)exc;
        Kaa_SETREF(ae->name, Kaa_NewRef(name));
        Kaa_SETREF(ae->obj, Kaa_NewRef(o));
    }
    return NULL;
}

// The lookup order of object.__getattribute__: data descriptors on the type,
// then the instance dict, then other descriptors and plain class attributes.
KaaObject *KaaObject_GenericGetAttr(KaaObject *o, KaaObject *name)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    KaaObject *descr = kaa_type_lookup(t, name);
    descrgetfunc get = NULL;
    if (descr) {
        Kaa_INCREF(descr);
        get = Kaa_TYPE(descr)->tp_descr_get;
        if (get && Kaa_TYPE(descr)->tp_descr_set) {
            KaaObject *res = get(descr, o, (KaaObject *)t);
            Kaa_DECREF(descr);
            return res;
        }
    }
    if (t->tp_flags & KAA_TPFLAGS_MANAGED_DICT) {
        KaaObject *res = kaa_instance_lookup(o, name);
        if (res) {
            Kaa_XDECREF(descr);
            return Kaa_NewRef(res);
        }
        if (KaaErr_Occurred()) {
            Kaa_XDECREF(descr);
            return NULL;
        }
    }
    KaaObject **dictp = (t->tp_flags & KAA_TPFLAGS_MANAGED_DICT) ? NULL : instance_dict_ptr(o);
    if (dictp && *dictp) {
        KaaObject *res = KaaDict_GetItemWithError(*dictp, name);
        if (res) {
            Kaa_XDECREF(descr);
            return Kaa_NewRef(res);
        }
        if (KaaErr_Occurred()) {
            Kaa_XDECREF(descr);
            return NULL;
        }
    }
    if (get) {
        KaaObject *res = get(descr, o, (KaaObject *)t);
        Kaa_DECREF(descr);
        return res;
    }
    if (descr) {
        return descr;
    }
    return attribute_error(o, name);
}

int KaaObject_GenericSetAttr(KaaObject *o, KaaObject *name, KaaObject *value)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    KaaObject *descr = kaa_type_lookup(t, name);
    if (descr && Kaa_TYPE(descr)->tp_descr_set) {
        Kaa_INCREF(descr);
        int r = Kaa_TYPE(descr)->tp_descr_set(descr, o, value);
        Kaa_DECREF(descr);
        return r;
    }
    if (t->tp_flags & KAA_TPFLAGS_MANAGED_DICT) {
        int r = kaa_instance_store(o, name, value);
        if (r == 0) {
            attribute_error(o, name);
            return -1;
        }
        return r < 0 ? -1 : 0;
    }
    KaaObject **dictp = instance_dict_ptr(o);
    if (dictp == NULL) {
        if (descr) {
            KaaErr_Format(KaaExc(AttributeError), "'%s' object attribute '%U' is read-only",
                          t->tp_name, name);
        } else {
            KaaErr_Format(KaaExc(AttributeError), "'%s' object has no attribute '%U'",
                          t->tp_name, name);
        }
        return -1;
    }
    if (*dictp == NULL) {
        if (value == NULL) {
            attribute_error(o, name);
            return -1;
        }
        *dictp = KaaDict_New();
        if (*dictp == NULL) {
            return -1;
        }
    }
    if (value == NULL) {
        if (KaaDict_Contains(*dictp, name) == 0) {
            attribute_error(o, name);
            return -1;
        }
        return KaaDict_DelItem(*dictp, name);
    }
    return KaaDict_SetItem(*dictp, name, value);
}

KaaObject *KaaObject_GetAttr(KaaObject *o, KaaObject *name)
{
    if (!KaaStr_Check(name)) {
        return KaaErr_Format(KaaExc(TypeError), "attribute name must be string, not '%s'",
                             Kaa_TYPE(name)->tp_name);
    }
    getattrofunc f = Kaa_TYPE(o)->tp_getattro;
    if (f == NULL) {
        f = KaaObject_GenericGetAttr;
    }
    return f(o, name);
}

KaaObject *KaaObject_GetAttrString(KaaObject *o, const char *name)
{
    KaaObject *n = KaaStr_FromString(name);
    if (n == NULL) {
        return NULL;
    }
    KaaObject *res = KaaObject_GetAttr(o, n);
    Kaa_DECREF(n);
    return res;
}

int KaaObject_LookupAttr(KaaObject *o, KaaObject *name, KaaObject **res)
{
    *res = KaaObject_GetAttr(o, name);
    if (*res) {
        return 1;
    }
    if (KaaErr_ExceptionMatches(KaaExc(AttributeError))) {
        KaaErr_Clear();
        return 0;
    }
    return -1;
}

int KaaObject_SetAttr(KaaObject *o, KaaObject *name, KaaObject *value)
{
    if (!KaaStr_Check(name)) {
        KaaErr_Format(KaaExc(TypeError), "attribute name must be string, not '%s'",
                      Kaa_TYPE(name)->tp_name);
        return -1;
    }
    setattrofunc f = Kaa_TYPE(o)->tp_setattro;
    if (f == NULL) {
        KaaTypeObject *t = Kaa_TYPE(o);
        if (kaa_type_lookup(t, name) == NULL) {
            KaaErr_Format(KaaExc(AttributeError), "'%s' object has no attribute '%U'",
                          t->tp_name, name);
        } else {
            KaaErr_Format(KaaExc(AttributeError), "'%s' object attribute '%U' is read-only",
                          t->tp_name, name);
        }
        return -1;
    }
    return f(o, name, value);
}

int KaaObject_SetAttrString(KaaObject *o, const char *name, KaaObject *value)
{
    KaaObject *n = KaaStr_FromString(name);
    if (n == NULL) {
        return -1;
    }
    int r = KaaObject_SetAttr(o, n, value);
    Kaa_DECREF(n);
    return r;
}

// --- Calls -----------------------------------------------------------------------

KaaObject *KaaObject_Vectorcall(KaaObject *callable, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    vectorcallfunc f = Kaa_TYPE(callable)->tp_call;
    if (f == NULL) {
        return KaaErr_Format(KaaExc(TypeError), "'%s' object is not callable",
                             Kaa_TYPE(callable)->tp_name);
    }
    return f(callable, args, nargs, kwnames);
}

KaaObject *KaaObject_CallNoArgs(KaaObject *callable)
{
    return KaaObject_Vectorcall(callable, NULL, 0, NULL);
}

KaaObject *KaaObject_CallOneArg(KaaObject *callable, KaaObject *arg)
{
    return KaaObject_Vectorcall(callable, &arg, 1, NULL);
}

// Call o.name(*args).
KaaObject *KaaObject_CallMethod(KaaObject *o, const char *name, KaaObject *const *args,
                                size_t nargs)
{
    KaaObject *meth = KaaObject_GetAttrString(o, name);
    if (meth == NULL) {
        return NULL;
    }
    KaaObject *res = KaaObject_Vectorcall(meth, args, nargs, NULL);
    Kaa_DECREF(meth);
    return res;
}

// --- None, NotImplemented, Ellipsis ----------------------------------------------

static KaaObject *none_repr(KaaObject *o)
{
    return Kaa_NewRef(KaaStr_InternFromString("None"));
}

static void static_dealloc(KaaObject *o)
{
    // Singletons are never freed; reaching here means a refcount bug.
    fprintf(stderr, "kaa: fatal: deallocating the %s singleton\n", Kaa_TYPE(o)->tp_name);
    abort();
}

static int none_bool(KaaObject *o)
{
    return 0;
}

static Kaa_hash_t none_hash(KaaObject *o)
{
    return 0xFCA86420; // CPython 3.12's constant; 3.11 hashes the address
}

static KaaNumberMethods none_as_number = {.nb_bool = none_bool};

KaaTypeObject KaaNone_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(KaaObject),
    .tp_dealloc = static_dealloc,
    .tp_repr = none_repr,
    .tp_hash = none_hash,
    .tp_as_number = &none_as_number,
};
KaaObject Kaa_NoneStruct = KaaObject_HEAD_INIT(&KaaNone_Type);

static KaaObject *notimpl_repr(KaaObject *o)
{
    return KaaStr_FromString("NotImplemented");
}

KaaTypeObject KaaNotImplemented_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(KaaObject),
    .tp_dealloc = static_dealloc,
    .tp_repr = notimpl_repr,
};
KaaObject Kaa_NotImplementedStruct = KaaObject_HEAD_INIT(&KaaNotImplemented_Type);

static KaaObject *ellipsis_repr(KaaObject *o)
{
    return KaaStr_FromString("Ellipsis");
}

KaaTypeObject KaaEllipsis_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(KaaObject),
    .tp_dealloc = static_dealloc,
    .tp_repr = ellipsis_repr,
};
KaaObject Kaa_EllipsisStruct = KaaObject_HEAD_INIT(&KaaEllipsis_Type);
