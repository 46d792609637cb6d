/* Weak references (see kaa/weakrefobject.h for the list invariants): the
 * ref type, the two proxy types that forward every operation to their live
 * referent, and the clearing of weak references when a referent dies.
 */
#include <string.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "vm/vm.h"

// --- The referent's list ---------------------------------------------------------

// Unlink wr from its referent's list; its referent becomes None.
static void unlink_ref(KaaWeakReference *wr)
{
    if (wr->wr_object == NULL || wr->wr_object == Kaa_None) {
        return; // never linked, or already cleared
    }
    KaaWeakReference **list = kaa_weakref_list(wr->wr_object);
    if (*list == wr) {
        *list = wr->wr_next;
    }
    if (wr->wr_prev) {
        wr->wr_prev->wr_next = wr->wr_next;
    }
    if (wr->wr_next) {
        wr->wr_next->wr_prev = wr->wr_prev;
    }
    wr->wr_prev = wr->wr_next = NULL;
    wr->wr_object = Kaa_None;
}

// Unlink and drop the callback: a cleared weakref never calls back.
static void clear_weakref(KaaWeakReference *wr)
{
    unlink_ref(wr);
    Kaa_CLEAR(wr->wr_callback);
}

void kaa_weakref_clear_ref(KaaObject *ref)
{
    unlink_ref((KaaWeakReference *)ref);
}

static void insert_head(KaaWeakReference *wr, KaaWeakReference **list)
{
    wr->wr_prev = NULL;
    wr->wr_next = *list;
    if (*list) {
        (*list)->wr_prev = wr;
    }
    *list = wr;
}

static void insert_after(KaaWeakReference *wr, KaaWeakReference *prev)
{
    wr->wr_prev = prev;
    wr->wr_next = prev->wr_next;
    if (prev->wr_next) {
        prev->wr_next->wr_prev = wr;
    }
    prev->wr_next = wr;
}

// The shared callback-less ref and proxy at the head of a list, if any.
static void get_basic_refs(KaaWeakReference *head, KaaWeakReference **ref, KaaWeakReference **proxy)
{
    *ref = *proxy = NULL;
    if (head && head->wr_callback == NULL && KaaWeakref_CheckRefExact(head)) {
        *ref = head;
        head = head->wr_next;
    }
    if (head && head->wr_callback == NULL && KaaWeakref_CheckProxy(head)) {
        *proxy = head;
    }
}

// Link a new weakref into ob's list at CPython's place: a basic ref at the
// head, a basic proxy after the basic ref, anything else after both.
static void link_new(KaaWeakReference *wr, KaaWeakReference **list)
{
    KaaWeakReference *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    KaaWeakReference *prev;
    if (wr->wr_callback == NULL && KaaWeakref_CheckRefExact(wr)) {
        prev = NULL;
    } else if (wr->wr_callback == NULL && KaaWeakref_CheckProxy(wr)) {
        prev = ref;
    } else {
        prev = proxy ? proxy : ref;
    }
    if (prev) {
        insert_after(wr, prev);
    } else {
        insert_head(wr, list);
    }
}

Kaa_ssize_t KaaWeakref_GetWeakrefCount(KaaObject *o)
{
    KaaWeakReference **list = kaa_weakref_list(o);
    Kaa_ssize_t n = 0;
    for (KaaWeakReference *wr = list ? *list : NULL; wr; wr = wr->wr_next) {
        n++;
    }
    return n;
}

KaaObject *KaaWeakref_GetObject(KaaObject *ref)
{
    return ((KaaWeakReference *)ref)->wr_object;
}

// Call callback(wr), reporting a failure as unraisable.
static void call_callback(KaaObject *wr, KaaObject *callback)
{
    KaaObject *r = KaaObject_CallOneArg(callback, wr);
    if (r == NULL) {
        KaaErr_WriteUnraisable(callback);
    }
    Kaa_XDECREF(r);
}

typedef struct {
    KaaObject *ref;      // owned, or NULL when the weakref is itself dying
    KaaObject *callback; // owned, or NULL
} PendingCallback;

void kaa_weakref_clear_refs(KaaObject *o)
{
    KaaWeakReference **list = kaa_weakref_list(o);
    if (list == NULL || *list == NULL) {
        return;
    }
    // Clear them all before calling anything: no callback may see a weakref
    // that still leads to the dead object.
    Kaa_ssize_t n = KaaWeakref_GetWeakrefCount(o);
    PendingCallback small[8];
    PendingCallback *pending = small;
    if (n > 8) {
        pending = kaa_mem_alloc((size_t)n * sizeof(*pending));
        if (pending == NULL) {
            while (*list) {
                clear_weakref(*list);
            }
            return;
        }
    }
    for (Kaa_ssize_t i = 0; i < n; i++) {
        KaaWeakReference *wr = *list;
        // A ref subclass whose own dict held the referent is mid-dealloc
        // (refcount 0): clear it, but it cannot be passed to a callback.
        int alive = Kaa_REFCNT(wr) > 0;
        pending[i].ref = alive ? Kaa_NewRef(wr) : NULL;
        pending[i].callback = alive ? wr->wr_callback : NULL;
        if (!alive) {
            Kaa_XDECREF(wr->wr_callback);
        }
        wr->wr_callback = NULL;
        unlink_ref(wr);
    }
    KaaObject *saved = KaaErr_GetRaisedException();
    for (Kaa_ssize_t i = 0; i < n; i++) {
        if (pending[i].callback) {
            call_callback(pending[i].ref, pending[i].callback);
            Kaa_DECREF(pending[i].callback);
        }
        Kaa_XDECREF(pending[i].ref);
    }
    KaaErr_SetRaisedException(saved);
    if (pending != small) {
        kaa_mem_free(pending);
    }
}

// --- Creating weak references ---------------------------------------------------

// CPython's PyArg_UnpackTuple arity messages.
static int check_arity(const char *fname, size_t nargs, size_t min, size_t max)
{
    if (nargs >= min && nargs <= max) {
        return 0;
    }
    const char *how = min == max ? "" : nargs < min ? "at least " : "at most ";
    size_t want = nargs < min ? min : max;
    KaaErr_Format(KaaExc(TypeError), "%s expected %s%zu argument%s, got %zu", fname, how, want,
                  want == 1 ? "" : "s", nargs);
    return -1;
}

static KaaWeakReference **weakref_list_or_error(KaaObject *ob)
{
    KaaWeakReference **list = kaa_weakref_list(ob);
    if (list == NULL) {
        KaaErr_Format(KaaExc(TypeError), "cannot create weak reference to '%s' object",
                      Kaa_TYPE(ob)->tp_name);
    }
    return list;
}

static void ready_types(void)
{
    if (!(KaaWeakref_RefType.tp_flags & KAA_TPFLAGS_READY)) {
        KaaType_Ready(&KaaWeakref_RefType);
        KaaType_Ready(&KaaWeakref_ProxyType);
        KaaType_Ready(&KaaWeakref_CallableProxyType);
    }
}

// A new weakref of `type` to ob, or the shared basic one when there is no
// callback and type is exactly ref or a proxy type. New reference; raises.
static KaaObject *new_weakref(KaaTypeObject *type, KaaObject *ob, KaaObject *callback)
{
    KaaWeakReference **list = weakref_list_or_error(ob);
    if (list == NULL) {
        return NULL;
    }
    if (callback == Kaa_None) {
        callback = NULL;
    }
    int basic = callback == NULL && (type == &KaaWeakref_RefType || type == &KaaWeakref_ProxyType ||
                                     type == &KaaWeakref_CallableProxyType);
    KaaWeakReference *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    KaaWeakReference *shared = type == &KaaWeakref_RefType ? ref : proxy;
    if (basic && shared) {
        return Kaa_NewRef(shared);
    }
    KaaWeakReference *wr = (KaaWeakReference *)KaaType_GenericAlloc(type, 0);
    if (wr == NULL) {
        return NULL;
    }
    wr->wr_object = Kaa_None;
    wr->hash = -1;
    // The allocation may have run the collector, and a callback or __del__
    // may have created the shared weakref meanwhile: use it then.
    get_basic_refs(*list, &ref, &proxy);
    shared = type == &KaaWeakref_RefType ? ref : proxy;
    if (basic && shared) {
        Kaa_DECREF(wr);
        return Kaa_NewRef(shared);
    }
    wr->wr_object = ob;
    wr->wr_callback = Kaa_XNewRef(callback);
    link_new(wr, list);
    kaa_gc_track((KaaObject *)wr);
    return (KaaObject *)wr;
}

KaaObject *KaaWeakref_NewRef(KaaObject *ob, KaaObject *callback)
{
    ready_types();
    return new_weakref(&KaaWeakref_RefType, ob, callback);
}

KaaObject *KaaWeakref_NewProxy(KaaObject *ob, KaaObject *callback)
{
    ready_types();
    KaaTypeObject *type =
        Kaa_TYPE(ob)->tp_call ? &KaaWeakref_CallableProxyType : &KaaWeakref_ProxyType;
    return new_weakref(type, ob, callback);
}

// --- Slots shared by refs and proxies ----------------------------------------------

static int weakref_traverse(KaaObject *o, visitproc visit, void *arg)
{
    Kaa_VISIT(((KaaWeakReference *)o)->wr_callback);
    return 0;
}

static int weakref_clear(KaaObject *o)
{
    clear_weakref((KaaWeakReference *)o);
    return 0;
}

static void weakref_dealloc(KaaObject *o)
{
    kaa_gc_untrack(o);
    clear_weakref((KaaWeakReference *)o);
    kaa_object_free(o);
}

// --- ref --------------------------------------------------------------------------

static KaaObject *weakref_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames) > 0) {
        return KaaErr_Format(KaaExc(TypeError), "ref() takes no keyword arguments");
    }
    if (check_arity("__new__", nargs, 1, 2) < 0) {
        return NULL;
    }
    return new_weakref(type, args[0], nargs > 1 ? args[1] : NULL);
}

// ref.__init__ only checks its arguments (as CPython's): __new__ did the work.
static int weakref_init(KaaObject *self, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    return check_arity("__init__", nargs, 1, 2);
}

// r(): the referent, or None once it is dead.
static KaaObject *weakref_call(KaaObject *self, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames) > 0) {
        return KaaErr_Format(KaaExc(TypeError), "weakref() takes no keyword arguments");
    }
    if (check_arity("weakref", nargs, 0, 0) < 0) {
        return NULL;
    }
    return Kaa_NewRef(((KaaWeakReference *)self)->wr_object);
}

// A weakref hashes as its referent, computed while it lives and cached.
static Kaa_hash_t weakref_hash(KaaObject *self)
{
    KaaWeakReference *wr = (KaaWeakReference *)self;
    if (wr->hash != -1) {
        return wr->hash;
    }
    if (wr->wr_object == Kaa_None) {
        KaaErr_SetString(KaaExc(TypeError), "weak object has gone away");
        return -1;
    }
    KaaObject *ob = Kaa_NewRef(wr->wr_object);
    wr->hash = KaaObject_Hash(ob);
    Kaa_DECREF(ob);
    return wr->hash;
}

static KaaObject *weakref_repr(KaaObject *self)
{
    KaaWeakReference *wr = (KaaWeakReference *)self;
    if (wr->wr_object == Kaa_None) {
        return KaaStr_FromFormat("<weakref at %p; dead>", (void *)self);
    }
    KaaObject *ob = Kaa_NewRef(wr->wr_object);
    KaaObject *name = NULL;
    KaaObject *r = NULL;
    if (KaaObject_LookupAttr(ob, kaa_id.__name__, &name) >= 0) {
        if (name && KaaStr_Check(name)) {
            r = KaaStr_FromFormat("<weakref at %p; to '%s' at %p (%U)>", (void *)self,
                                  Kaa_TYPE(ob)->tp_name, (void *)ob, name);
        } else {
            r = KaaStr_FromFormat("<weakref at %p; to '%s' at %p>", (void *)self,
                                  Kaa_TYPE(ob)->tp_name, (void *)ob);
        }
    }
    Kaa_XDECREF(name);
    Kaa_DECREF(ob);
    return r;
}

// == and != compare the referents while both live, else identity.
static KaaObject *weakref_richcompare(KaaObject *self, KaaObject *other, int op)
{
    if ((op != Kaa_EQ && op != Kaa_NE) || !KaaWeakref_CheckRef(self) ||
        !KaaWeakref_CheckRef(other)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    KaaObject *a = ((KaaWeakReference *)self)->wr_object;
    KaaObject *b = ((KaaWeakReference *)other)->wr_object;
    if (a == Kaa_None || b == Kaa_None) {
        int same = self == other;
        return KaaBool_FromLong(op == Kaa_EQ ? same : !same);
    }
    Kaa_INCREF(a);
    Kaa_INCREF(b);
    KaaObject *r = KaaObject_RichCompare(a, b, op);
    Kaa_DECREF(a);
    Kaa_DECREF(b);
    return r;
}

static KaaObject *weakref_get_callback(KaaObject *self, void *closure)
{
    KaaObject *cb = ((KaaWeakReference *)self)->wr_callback;
    return cb ? Kaa_NewRef(cb) : kaa_none_ref();
}

static KaaGetSetDef weakref_getset[] = {
    {"__callback__", weakref_get_callback},
    {NULL},
};

KaaTypeObject KaaWeakref_RefType = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(KaaWeakReference),
    .tp_flags = KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_BASETYPE,
    .tp_dealloc = weakref_dealloc,
    .tp_traverse = weakref_traverse,
    .tp_clear = weakref_clear,
    .tp_repr = weakref_repr,
    .tp_hash = weakref_hash,
    .tp_richcompare = weakref_richcompare,
    .tp_call = weakref_call,
    .tp_new = weakref_new,
    .tp_init = weakref_init,
    .tp_getset = weakref_getset,
};

// --- proxy -----------------------------------------------------------------------

// The live referent of a proxy (borrowed), or NULL with ReferenceError.
static KaaObject *proxy_referent(KaaObject *proxy)
{
    KaaObject *ob = ((KaaWeakReference *)proxy)->wr_object;
    if (ob == Kaa_None) {
        KaaErr_SetString(KaaExc(ReferenceError), "weakly-referenced object no longer exists");
        return NULL;
    }
    return ob;
}

// Replace a proxy operand by a new reference to its referent; other
// operands just get a new reference. NULL with ReferenceError when dead.
static KaaObject *unwrap(KaaObject *o)
{
    if (KaaWeakref_CheckProxy(o)) {
        o = proxy_referent(o);
        if (o == NULL) {
            return NULL;
        }
    }
    return Kaa_NewRef(o);
}

static KaaObject *proxy_getattro(KaaObject *self, KaaObject *name)
{
    KaaObject *ob = unwrap(self);
    if (ob == NULL) {
        return NULL;
    }
    KaaObject *r = KaaObject_GetAttr(ob, name);
    Kaa_DECREF(ob);
    return r;
}

static int proxy_setattro(KaaObject *self, KaaObject *name, KaaObject *value)
{
    KaaObject *ob = unwrap(self);
    if (ob == NULL) {
        return -1;
    }
    int r = KaaObject_SetAttr(ob, name, value);
    Kaa_DECREF(ob);
    return r;
}

static KaaObject *proxy_repr(KaaObject *self)
{
    KaaObject *ob = ((KaaWeakReference *)self)->wr_object;
    return KaaStr_FromFormat("<weakproxy at %p to %s at %p>", (void *)self, Kaa_TYPE(ob)->tp_name,
                             (void *)ob);
}

// Unary operations that return an object: str(p), -p, iter(p), ...
#define PROXY_UNARY(fname, call)                                                                   \
    static KaaObject *fname(KaaObject *self)                                                       \
    {                                                                                              \
        KaaObject *ob = unwrap(self);                                                              \
        if (ob == NULL) {                                                                          \
            return NULL;                                                                           \
        }                                                                                          \
        KaaObject *r = call(ob);                                                                   \
        Kaa_DECREF(ob);                                                                            \
        return r;                                                                                  \
    }

PROXY_UNARY(proxy_str, KaaObject_Str)
PROXY_UNARY(proxy_iter, KaaObject_GetIter)
PROXY_UNARY(proxy_neg, KaaNumber_Negative)
PROXY_UNARY(proxy_pos, KaaNumber_Positive)
PROXY_UNARY(proxy_abs, KaaNumber_Absolute)
PROXY_UNARY(proxy_invert, KaaNumber_Invert)
PROXY_UNARY(proxy_int, KaaNumber_Long)
PROXY_UNARY(proxy_float, KaaNumber_Float)
PROXY_UNARY(proxy_index, KaaNumber_Index)

// Binary operators: unwrap both sides and apply the operator to referents.
#define PROXY_BINARY(fname, op)                                                                    \
    static KaaObject *fname(KaaObject *a, KaaObject *b)                                            \
    {                                                                                              \
        return proxy_binary(a, b, op);                                                             \
    }

static KaaObject *proxy_binary(KaaObject *a, KaaObject *b, int op)
{
    KaaObject *x = unwrap(a);
    if (x == NULL) {
        return NULL;
    }
    KaaObject *y = unwrap(b);
    if (y == NULL) {
        Kaa_DECREF(x);
        return NULL;
    }
    KaaObject *r = KaaNumber_BinaryOp(x, y, op);
    Kaa_DECREF(x);
    Kaa_DECREF(y);
    return r;
}

// The AstOperator numbers of KaaNumber_BinaryOp, in nb_* slot order.
enum { ADD, SUB, MUL, MATMUL, DIV, MOD, POW, LSHIFT, RSHIFT, OR, XOR, AND, FLOORDIV };

PROXY_BINARY(proxy_add, ADD)
PROXY_BINARY(proxy_sub, SUB)
PROXY_BINARY(proxy_mul, MUL)
PROXY_BINARY(proxy_matmul, MATMUL)
PROXY_BINARY(proxy_div, DIV)
PROXY_BINARY(proxy_mod, MOD)
PROXY_BINARY(proxy_lshift, LSHIFT)
PROXY_BINARY(proxy_rshift, RSHIFT)
PROXY_BINARY(proxy_or, OR)
PROXY_BINARY(proxy_xor, XOR)
PROXY_BINARY(proxy_and, AND)
PROXY_BINARY(proxy_floordiv, FLOORDIV)
PROXY_BINARY(proxy_iadd, ADD | KAA_NB_INPLACE)
PROXY_BINARY(proxy_isub, SUB | KAA_NB_INPLACE)
PROXY_BINARY(proxy_imul, MUL | KAA_NB_INPLACE)
PROXY_BINARY(proxy_imatmul, MATMUL | KAA_NB_INPLACE)
PROXY_BINARY(proxy_idiv, DIV | KAA_NB_INPLACE)
PROXY_BINARY(proxy_imod, MOD | KAA_NB_INPLACE)
PROXY_BINARY(proxy_ipow, POW | KAA_NB_INPLACE)
PROXY_BINARY(proxy_ilshift, LSHIFT | KAA_NB_INPLACE)
PROXY_BINARY(proxy_irshift, RSHIFT | KAA_NB_INPLACE)
PROXY_BINARY(proxy_ior, OR | KAA_NB_INPLACE)
PROXY_BINARY(proxy_ixor, XOR | KAA_NB_INPLACE)
PROXY_BINARY(proxy_iand, AND | KAA_NB_INPLACE)
PROXY_BINARY(proxy_ifloordiv, FLOORDIV | KAA_NB_INPLACE)

// pow(p, e[, m]): three-argument pow goes to the referent's own slot.
static KaaObject *proxy_pow(KaaObject *a, KaaObject *b, KaaObject *c)
{
    if (c == Kaa_None) {
        return proxy_binary(a, b, POW);
    }
    KaaObject *x = unwrap(a), *y = x ? unwrap(b) : NULL, *z = y ? unwrap(c) : NULL;
    KaaObject *r = NULL;
    if (z) {
        KaaNumberMethods *nb = Kaa_TYPE(x)->tp_as_number;
        r = nb && nb->nb_power ? nb->nb_power(x, y, z) : Kaa_NewRef(Kaa_NotImplemented);
    }
    Kaa_XDECREF(x);
    Kaa_XDECREF(y);
    Kaa_XDECREF(z);
    return r;
}

static int proxy_bool(KaaObject *self)
{
    KaaObject *ob = proxy_referent(self);
    return ob ? KaaObject_IsTrue(ob) : -1;
}

static KaaNumberMethods proxy_as_number = {
    .nb_add = proxy_add,
    .nb_subtract = proxy_sub,
    .nb_multiply = proxy_mul,
    .nb_matrix_multiply = proxy_matmul,
    .nb_true_divide = proxy_div,
    .nb_remainder = proxy_mod,
    .nb_power = proxy_pow,
    .nb_lshift = proxy_lshift,
    .nb_rshift = proxy_rshift,
    .nb_or = proxy_or,
    .nb_xor = proxy_xor,
    .nb_and = proxy_and,
    .nb_floor_divide = proxy_floordiv,
    .nb_negative = proxy_neg,
    .nb_positive = proxy_pos,
    .nb_absolute = proxy_abs,
    .nb_invert = proxy_invert,
    .nb_bool = proxy_bool,
    .nb_int = proxy_int,
    .nb_float = proxy_float,
    .nb_index = proxy_index,
    .nb_inplace = {proxy_iadd, proxy_isub, proxy_imul, proxy_imatmul, proxy_idiv, proxy_imod,
                   proxy_ipow, proxy_ilshift, proxy_irshift, proxy_ior, proxy_ixor, proxy_iand,
                   proxy_ifloordiv},
};

static Kaa_ssize_t proxy_length(KaaObject *self)
{
    KaaObject *ob = unwrap(self);
    if (ob == NULL) {
        return -1;
    }
    Kaa_ssize_t n = KaaObject_Length(ob);
    Kaa_DECREF(ob);
    return n;
}

static int proxy_contains(KaaObject *self, KaaObject *value)
{
    KaaObject *ob = unwrap(self);
    if (ob == NULL) {
        return -1;
    }
    int r = KaaSequence_Contains(ob, value);
    Kaa_DECREF(ob);
    return r;
}

static KaaObject *proxy_getitem(KaaObject *self, KaaObject *key)
{
    KaaObject *ob = unwrap(self);
    if (ob == NULL) {
        return NULL;
    }
    KaaObject *r = KaaObject_GetItem(ob, key);
    Kaa_DECREF(ob);
    return r;
}

static int proxy_setitem(KaaObject *self, KaaObject *key, KaaObject *value)
{
    KaaObject *ob = unwrap(self);
    if (ob == NULL) {
        return -1;
    }
    int r = value ? KaaObject_SetItem(ob, key, value) : KaaObject_DelItem(ob, key);
    Kaa_DECREF(ob);
    return r;
}

static KaaSequenceMethods proxy_as_sequence = {
    .sq_contains = proxy_contains,
};

static KaaMappingMethods proxy_as_mapping = {
    .mp_length = proxy_length,
    .mp_subscript = proxy_getitem,
    .mp_ass_subscript = proxy_setitem,
};

static KaaObject *proxy_iternext(KaaObject *self)
{
    KaaObject *ob = unwrap(self);
    if (ob == NULL) {
        return NULL;
    }
    KaaObject *r;
    if (Kaa_TYPE(ob)->tp_iternext == NULL) {
        r = KaaErr_Format(KaaExc(TypeError), "Weakref proxy referenced a non-iterator '%s' object",
                          Kaa_TYPE(ob)->tp_name);
    } else {
        r = Kaa_TYPE(ob)->tp_iternext(ob);
    }
    Kaa_DECREF(ob);
    return r;
}

static KaaObject *proxy_richcompare(KaaObject *a, KaaObject *b, int op)
{
    KaaObject *x = unwrap(a);
    if (x == NULL) {
        return NULL;
    }
    KaaObject *y = unwrap(b);
    if (y == NULL) {
        Kaa_DECREF(x);
        return NULL;
    }
    KaaObject *r = KaaObject_RichCompare(x, y, op);
    Kaa_DECREF(x);
    Kaa_DECREF(y);
    return r;
}

static KaaObject *proxy_call(KaaObject *self, KaaObject *const *args, size_t nargs,
                             KaaObject *kwnames)
{
    KaaObject *ob = unwrap(self);
    if (ob == NULL) {
        return NULL;
    }
    KaaObject *r = KaaObject_Vectorcall(ob, args, nargs, kwnames);
    Kaa_DECREF(ob);
    return r;
}

// Proxies are made by weakref.proxy() only (without this, `object`'s
// tp_new would be inherited).
static KaaObject *proxy_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    return KaaErr_Format(KaaExc(TypeError), "cannot create '%s' instances", type->tp_name);
}

// The two proxy types differ only in tp_call: weakref.proxy() picks the
// callable one for callable referents.
KaaTypeObject KaaWeakref_ProxyType = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "weakref.ProxyType",
    .tp_basicsize = sizeof(KaaWeakReference),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = weakref_dealloc,
    .tp_traverse = weakref_traverse,
    .tp_clear = weakref_clear,
    .tp_repr = proxy_repr,
    .tp_str = proxy_str,
    .tp_hash = KaaObject_HashNotImplemented,
    .tp_richcompare = proxy_richcompare,
    .tp_getattro = proxy_getattro,
    .tp_setattro = proxy_setattro,
    .tp_iter = proxy_iter,
    .tp_iternext = proxy_iternext,
    .tp_as_number = &proxy_as_number,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_new = proxy_new,
};

KaaTypeObject KaaWeakref_CallableProxyType = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "weakref.CallableProxyType",
    .tp_basicsize = sizeof(KaaWeakReference),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = weakref_dealloc,
    .tp_traverse = weakref_traverse,
    .tp_clear = weakref_clear,
    .tp_repr = proxy_repr,
    .tp_str = proxy_str,
    .tp_hash = KaaObject_HashNotImplemented,
    .tp_richcompare = proxy_richcompare,
    .tp_getattro = proxy_getattro,
    .tp_setattro = proxy_setattro,
    .tp_iter = proxy_iter,
    .tp_iternext = proxy_iternext,
    .tp_as_number = &proxy_as_number,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_new = proxy_new,
    .tp_call = proxy_call,
};
