/* KaaObject and KaaTypeObject: the object model, CPython's on purpose.
 *
 * Every value is a KaaObject*: a reference count and a type pointer, with the
 * field names a reader of any CPython memory article expects (ob_refcnt,
 * ob_type). Behaviour lives in the type's tp_* slots; nothing switches on a
 * type tag. Containers that can form cycles have KAA_TPFLAGS_HAVE_GC and carry
 * a KaaGC_Head before the object (src/gc/gc.h).
 *
 * Ownership: every function documents whether it returns a new or a borrowed
 * reference and whether it steals an argument. Errors: a function returning
 * an object returns NULL with an exception set; one returning int returns -1.
 */
#ifndef KAA_OBJECT_H
#define KAA_OBJECT_H

#include <stddef.h>
#include <stdint.h>

typedef ptrdiff_t Kaa_ssize_t;
typedef intptr_t Kaa_hash_t;
#define KAA_SSIZE_MAX PTRDIFF_MAX
#define KAA_SSIZE_MIN PTRDIFF_MIN

typedef struct KaaTypeObject KaaTypeObject;

typedef struct KaaObject {
    Kaa_ssize_t ob_refcnt;
    KaaTypeObject *ob_type;
} KaaObject;

typedef struct KaaVarObject {
    KaaObject ob_base;
    Kaa_ssize_t ob_size;
} KaaVarObject;

#define KaaObject_HEAD KaaObject ob_base;
#define KaaObject_VAR_HEAD KaaVarObject ob_base;
#define KaaObject_HEAD_INIT(type) {1, (type)}
#define KaaVarObject_HEAD_INIT(type, size) {{1, (type)}, (size)}

#define Kaa_TYPE(o) (((KaaObject *)(o))->ob_type)
#define Kaa_REFCNT(o) (((KaaObject *)(o))->ob_refcnt)
#define Kaa_SIZE(o) (((KaaVarObject *)(o))->ob_size)

// Slot signatures. Calls use one convention everywhere ("vectorcall"):
// positional arguments in args[0..nargs), then the values of keyword
// arguments whose names are in the tuple kwnames (NULL when there are none).
typedef void (*destructor)(KaaObject *);
typedef KaaObject *(*reprfunc)(KaaObject *);
typedef Kaa_hash_t (*hashfunc)(KaaObject *);
typedef KaaObject *(*richcmpfunc)(KaaObject *, KaaObject *, int op);
typedef KaaObject *(*getattrofunc)(KaaObject *, KaaObject *name);
typedef int (*setattrofunc)(KaaObject *, KaaObject *name, KaaObject *value);
typedef KaaObject *(*unaryfunc)(KaaObject *);
typedef KaaObject *(*binaryfunc)(KaaObject *, KaaObject *);
typedef KaaObject *(*ternaryfunc)(KaaObject *, KaaObject *, KaaObject *);
typedef int (*inquiry)(KaaObject *);
typedef Kaa_ssize_t (*lenfunc)(KaaObject *);
typedef KaaObject *(*ssizeargfunc)(KaaObject *, Kaa_ssize_t);
typedef int (*ssizeobjargproc)(KaaObject *, Kaa_ssize_t, KaaObject *);
typedef int (*objobjproc)(KaaObject *, KaaObject *);
typedef int (*objobjargproc)(KaaObject *, KaaObject *, KaaObject *);
typedef KaaObject *(*getiterfunc)(KaaObject *);
typedef KaaObject *(*iternextfunc)(KaaObject *);
typedef int (*visitproc)(KaaObject *, void *arg);
typedef int (*traverseproc)(KaaObject *, visitproc, void *arg);
typedef KaaObject *(*descrgetfunc)(KaaObject *descr, KaaObject *obj, KaaObject *type);
typedef int (*descrsetfunc)(KaaObject *descr, KaaObject *obj, KaaObject *value);
typedef KaaObject *(*vectorcallfunc)(KaaObject *callable, KaaObject *const *args, size_t nargs,
                                     KaaObject *kwnames);
typedef KaaObject *(*newfunc)(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames);
typedef int (*initproc)(KaaObject *self, KaaObject *const *args, size_t nargs,
                        KaaObject *kwnames);

typedef struct KaaNumberMethods {
    binaryfunc nb_add;
    binaryfunc nb_subtract;
    binaryfunc nb_multiply;
    binaryfunc nb_matrix_multiply;
    binaryfunc nb_true_divide;
    binaryfunc nb_remainder;
    ternaryfunc nb_power;
    binaryfunc nb_lshift;
    binaryfunc nb_rshift;
    binaryfunc nb_or;
    binaryfunc nb_xor;
    binaryfunc nb_and;
    binaryfunc nb_floor_divide;
    binaryfunc nb_divmod;
    unaryfunc nb_negative;
    unaryfunc nb_positive;
    unaryfunc nb_absolute;
    unaryfunc nb_invert;
    inquiry nb_bool;
    unaryfunc nb_int;
    unaryfunc nb_float;
    unaryfunc nb_index;
    // In-place versions, in the order of the binary ones above.
    binaryfunc nb_inplace[13];
} KaaNumberMethods;

typedef struct KaaSequenceMethods {
    lenfunc sq_length;
    binaryfunc sq_concat;
    ssizeargfunc sq_repeat;
    ssizeargfunc sq_item;
    ssizeobjargproc sq_ass_item;
    objobjproc sq_contains;
    binaryfunc sq_inplace_concat;
    ssizeargfunc sq_inplace_repeat;
} KaaSequenceMethods;

typedef struct KaaMappingMethods {
    lenfunc mp_length;
    binaryfunc mp_subscript;
    objobjargproc mp_ass_subscript; // value NULL: delete
} KaaMappingMethods;

// Builtin methods. The flags say which C signature `meth` has.
enum {
    KAA_METH_NOARGS = 1,   // KaaObject *f(KaaObject *self, KaaObject *unused)
    KAA_METH_O = 2,        // KaaObject *f(KaaObject *self, KaaObject *arg)
    KAA_METH_FASTCALL = 4, // KaaObject *f(self, args, nargs, kwnames)
    KAA_METH_CLASS = 16,   // bound to the type (classmethod)
    KAA_METH_STATIC = 32,
};
typedef KaaObject *(*KaaCFunction)(KaaObject *self, KaaObject *arg);
typedef KaaObject *(*KaaCFunctionFast)(KaaObject *self, KaaObject *const *args, size_t nargs,
                                       KaaObject *kwnames);
typedef struct KaaMethodDef {
    const char *ml_name;
    void *ml_meth;
    int ml_flags;
    const char *ml_doc;
} KaaMethodDef;

typedef KaaObject *(*getter)(KaaObject *, void *closure);
typedef int (*setter)(KaaObject *, KaaObject *, void *closure);
typedef struct KaaGetSetDef {
    const char *name;
    getter get;
    setter set;
    const char *doc;
    void *closure;
} KaaGetSetDef;

// Object fields exposed as attributes (read-only unless KAA_MEMBER_WRITABLE).
enum { KAA_T_OBJECT, KAA_T_OBJECT_EX, KAA_T_SSIZE, KAA_T_INT, KAA_T_BOOL };
enum { KAA_MEMBER_WRITABLE = 1 };
typedef struct KaaMemberDef {
    const char *name;
    int type;
    Kaa_ssize_t offset;
    int flags;
    const char *doc;
} KaaMemberDef;

enum {
    KAA_TPFLAGS_HEAPTYPE = 1 << 9,
    KAA_TPFLAGS_BASETYPE = 1 << 10,
    KAA_TPFLAGS_READY = 1 << 12,
    KAA_TPFLAGS_HAVE_GC = 1 << 14,
    KAA_TPFLAGS_MANAGED_DICT = 1 << 4,
    KAA_TPFLAGS_LONG_SUBCLASS = 1 << 24,
    KAA_TPFLAGS_LIST_SUBCLASS = 1 << 25,
    KAA_TPFLAGS_TUPLE_SUBCLASS = 1 << 26,
    KAA_TPFLAGS_BYTES_SUBCLASS = 1 << 27,
    KAA_TPFLAGS_UNICODE_SUBCLASS = 1 << 28,
    KAA_TPFLAGS_DICT_SUBCLASS = 1 << 29,
    KAA_TPFLAGS_BASE_EXC_SUBCLASS = 1 << 30,
    KAA_TPFLAGS_TYPE_SUBCLASS = 1u << 31,
};

struct KaaTypeObject {
    KaaVarObject ob_base;
    const char *tp_name; // "int", or "module.Name" for types defined in a module
    Kaa_ssize_t tp_basicsize;
    Kaa_ssize_t tp_itemsize;
    unsigned long tp_flags;
    const char *tp_doc;

    destructor tp_dealloc;
    reprfunc tp_repr;
    reprfunc tp_str;
    hashfunc tp_hash;
    richcmpfunc tp_richcompare;
    getattrofunc tp_getattro;
    setattrofunc tp_setattro;
    vectorcallfunc tp_call;
    getiterfunc tp_iter;
    iternextfunc tp_iternext;
    traverseproc tp_traverse;
    inquiry tp_clear;
    destructor tp_finalize;
    descrgetfunc tp_descr_get;
    descrsetfunc tp_descr_set;
    newfunc tp_new;
    initproc tp_init;

    KaaNumberMethods *tp_as_number;
    KaaSequenceMethods *tp_as_sequence;
    KaaMappingMethods *tp_as_mapping;

    KaaMethodDef *tp_methods;
    KaaMemberDef *tp_members;
    KaaGetSetDef *tp_getset;

    KaaTypeObject *tp_base;
    KaaObject *tp_bases; // tuple
    KaaObject *tp_mro;   // tuple
    KaaObject *tp_dict;  // the type's namespace
    Kaa_ssize_t tp_dictoffset;
    Kaa_ssize_t tp_weaklistoffset;
    KaaObject *tp_name_obj;     // str, __name__ (set by KaaType_Ready)
    KaaObject *tp_qualname_obj; // str, __qualname__
    KaaObject *tp_module_obj;   // str or NULL
    unsigned int tp_version_tag; // changes when the type's namespace changes
    inquiry tp_is_gc;            // for types whose instances are GC only sometimes
    KaaObject *tp_weaklist;      // weak references to this type (classes only)
};

// Rich comparison operators, in the order of AstCmpOp's first six.
enum { Kaa_EQ, Kaa_NE, Kaa_LT, Kaa_LE, Kaa_GT, Kaa_GE };

void kaa_object_dealloc(KaaObject *o);

// The sum of all reference counts taken and dropped through Kaa_INCREF and
// Kaa_DECREF since start-up (CPython debug builds' _Py_RefTotal), shown by
// `kaa -X showrefcount`.
extern Kaa_ssize_t kaa_ref_total;

static inline void Kaa_INCREF(KaaObject *o)
{
    kaa_ref_total++;
    o->ob_refcnt++;
}

static inline void Kaa_DECREF(KaaObject *o)
{
    kaa_ref_total--;
    if (--o->ob_refcnt == 0) {
        kaa_object_dealloc(o);
    }
}

static inline void Kaa_XINCREF(KaaObject *o)
{
    if (o) {
        kaa_ref_total++;
        o->ob_refcnt++;
    }
}

static inline void Kaa_XDECREF(KaaObject *o)
{
    if (o) {
        Kaa_DECREF(o);
    }
}

// Return a new reference to o (o may not be NULL).
static inline KaaObject *Kaa_NewRef(KaaObject *o)
{
    kaa_ref_total++;
    o->ob_refcnt++;
    return o;
}

static inline KaaObject *Kaa_XNewRef(KaaObject *o)
{
    if (o) {
        kaa_ref_total++;
        o->ob_refcnt++;
    }
    return o;
}

#define Kaa_INCREF(o) Kaa_INCREF((KaaObject *)(o))
#define Kaa_DECREF(o) Kaa_DECREF((KaaObject *)(o))
#define Kaa_XINCREF(o) Kaa_XINCREF((KaaObject *)(o))
#define Kaa_XDECREF(o) Kaa_XDECREF((KaaObject *)(o))
#define Kaa_NewRef(o) Kaa_NewRef((KaaObject *)(o))
#define Kaa_XNewRef(o) Kaa_XNewRef((KaaObject *)(o))

// Set *op to NULL, then drop the reference it held (safe against re-entry).
#define Kaa_CLEAR(op)                                                                            \
    do {                                                                                         \
        KaaObject *kaa_tmp_ = (KaaObject *)(op);                                                 \
        if (kaa_tmp_ != NULL) {                                                                  \
            (op) = NULL;                                                                         \
            Kaa_DECREF(kaa_tmp_);                                                                \
        }                                                                                        \
    } while (0)

// Replace *dst with src (a new reference the caller gives up), dropping the old.
#define Kaa_SETREF(dst, src)                                                                     \
    do {                                                                                         \
        KaaObject *kaa_old_ = (KaaObject *)(dst);                                                \
        (dst) = (src);                                                                           \
        Kaa_XDECREF(kaa_old_);                                                                   \
    } while (0)

#define Kaa_VISIT(o)                                                                             \
    do {                                                                                         \
        if (o) {                                                                                 \
            int kaa_vret_ = visit((KaaObject *)(o), arg);                                        \
            if (kaa_vret_) {                                                                     \
                return kaa_vret_;                                                                \
            }                                                                                    \
        }                                                                                        \
    } while (0)

extern KaaTypeObject KaaType_Type;
extern KaaTypeObject KaaBaseObject_Type; // `object`
extern KaaTypeObject KaaNone_Type;
extern KaaTypeObject KaaNotImplemented_Type;
extern KaaTypeObject KaaEllipsis_Type;
extern KaaObject Kaa_NoneStruct;
extern KaaObject Kaa_NotImplementedStruct;
extern KaaObject Kaa_EllipsisStruct;
#define Kaa_None (&Kaa_NoneStruct)
#define Kaa_NotImplemented (&Kaa_NotImplementedStruct)
#define Kaa_Ellipsis (&Kaa_EllipsisStruct)

static inline KaaObject *kaa_none_ref(void)
{
    Kaa_INCREF(Kaa_None);
    return Kaa_None;
}
#define Kaa_RETURN_NONE return kaa_none_ref()
#define Kaa_RETURN_NOTIMPLEMENTED return Kaa_NewRef(Kaa_NotImplemented)

static inline int KaaType_HasFeature(KaaTypeObject *t, unsigned long f)
{
    return (t->tp_flags & f) != 0;
}
#define KaaType_IS_GC(t) KaaType_HasFeature((t), KAA_TPFLAGS_HAVE_GC)
// A GC object carries a KaaGC_Head. `type` objects are GC only when they are
// heap types (classes): tp_is_gc decides, as in CPython.
static inline int KaaObject_IS_GC(KaaObject *o)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    return KaaType_IS_GC(t) && (t->tp_is_gc == NULL || t->tp_is_gc(o));
}

// --- Generic object protocol (objects/object.c, objects/abstract.c) ---------
// Each returns a new reference, or NULL/-1 with an exception set, unless noted.
KaaObject *KaaObject_Repr(KaaObject *o);
KaaObject *KaaObject_Str(KaaObject *o);
KaaObject *KaaObject_ASCII(KaaObject *o);
Kaa_hash_t KaaObject_Hash(KaaObject *o); // -1 on error
Kaa_hash_t KaaObject_HashNotImplemented(KaaObject *o);
KaaObject *KaaObject_RichCompare(KaaObject *a, KaaObject *b, int op);
int KaaObject_RichCompareBool(KaaObject *a, KaaObject *b, int op); // 1, 0 or -1
int KaaObject_IsTrue(KaaObject *o);                                // 1, 0 or -1
int KaaObject_Not(KaaObject *o);
KaaObject *KaaObject_GetAttr(KaaObject *o, KaaObject *name);
KaaObject *KaaObject_GetAttrString(KaaObject *o, const char *name);
int KaaObject_SetAttr(KaaObject *o, KaaObject *name, KaaObject *value); // value NULL: delete
int KaaObject_SetAttrString(KaaObject *o, const char *name, KaaObject *value);
// Like GetAttr but returns 0 with *res = NULL and no exception when missing.
int KaaObject_LookupAttr(KaaObject *o, KaaObject *name, KaaObject **res);
KaaObject *KaaObject_GenericGetAttr(KaaObject *o, KaaObject *name);
// tp_dictoffset KAA_DICTOFFSET_VAREND: the instance dict pointer follows the
// variable-size part (subclasses of str, bytes, tuple), as CPython's
// negative dict offsets. kaa_object_dict_ptr finds it for any type.
#define KAA_DICTOFFSET_VAREND (-1)
KaaObject **kaa_object_dict_ptr(KaaObject *o); // NULL when the type has no dict
int KaaObject_GenericSetAttr(KaaObject *o, KaaObject *name, KaaObject *value);
KaaObject *KaaObject_GetIter(KaaObject *o);
KaaObject *KaaIter_Next(KaaObject *it); // NULL without exception at the end
KaaObject *KaaObject_GetItem(KaaObject *o, KaaObject *key);
int KaaObject_SetItem(KaaObject *o, KaaObject *key, KaaObject *value);
int KaaObject_DelItem(KaaObject *o, KaaObject *key);
Kaa_ssize_t KaaObject_Length(KaaObject *o);
int KaaSequence_Contains(KaaObject *seq, KaaObject *item); // 1, 0 or -1
KaaObject *KaaObject_Vectorcall(KaaObject *callable, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames);
KaaObject *KaaObject_CallNoArgs(KaaObject *callable);
KaaObject *KaaObject_CallOneArg(KaaObject *callable, KaaObject *arg);
KaaObject *KaaObject_CallMethod(KaaObject *o, const char *name, KaaObject *const *args,
                                size_t nargs);
int KaaObject_IsInstance(KaaObject *inst, KaaObject *cls); // 1, 0 or -1
int KaaObject_IsSubclass(KaaObject *derived, KaaObject *cls);
int KaaType_IsSubtype(KaaTypeObject *a, KaaTypeObject *b); // never fails
KaaObject *KaaObject_Dir(KaaObject *o);

// Number protocol; `op` of KaaNumber_BinaryOp is an AstOperator (parse/ast.h),
// plus KAA_NB_INPLACE for the augmented form.
enum { KAA_NB_INPLACE = 16 };
KaaObject *KaaNumber_BinaryOp(KaaObject *a, KaaObject *b, int op);
KaaObject *KaaNumber_Add(KaaObject *a, KaaObject *b);
KaaObject *KaaNumber_Subtract(KaaObject *a, KaaObject *b);
KaaObject *KaaNumber_Multiply(KaaObject *a, KaaObject *b);
KaaObject *KaaNumber_Negative(KaaObject *o);
KaaObject *KaaNumber_Positive(KaaObject *o);
KaaObject *KaaNumber_Invert(KaaObject *o);
KaaObject *KaaNumber_Absolute(KaaObject *o);
KaaObject *KaaNumber_Index(KaaObject *o);
KaaObject *KaaNumber_Long(KaaObject *o);
KaaObject *KaaNumber_Float(KaaObject *o);
// Convert an index-like object to Kaa_ssize_t; exc (or NULL: clip) on overflow.
Kaa_ssize_t KaaNumber_AsSsize_t(KaaObject *o, KaaObject *exc);

// Allocation of objects of a given type (objects/object.c). GC types get their
// KaaGC_Head; the object starts untracked. Return NULL with MemoryError set.
KaaObject *KaaType_GenericAlloc(KaaTypeObject *type, Kaa_ssize_t nitems);
KaaObject *kaa_object_new(KaaTypeObject *type);                      // fixed size
KaaObject *kaa_object_new_var(KaaTypeObject *type, Kaa_ssize_t n); // with n items
void kaa_object_free(KaaObject *o); // releases memory only (after dealloc work)
int KaaType_Ready(KaaTypeObject *type);
KaaObject *kaa_type_lookup(KaaTypeObject *type, KaaObject *name); // borrowed, no exception

#endif
