/* bytearray: a mutable, resizable sequence of bytes. It holds no references,
 * so it is not a GC type (its Python subclasses are). The read-only methods,
 * indexing, concatenation, repetition and % formatting are shared with bytes
 * (bytesobject.c); here are construction and mutation.
 */
#include <string.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "vm/vm.h"

#define BA(o) ((KaaByteArrayObject *)(o))

// While a buffer view of the contents is held (memoryview, ...), the size
// may not change: the view points into data.
static int check_exports(KaaObject *o)
{
    if (BA(o)->exports > 0) {
        KaaErr_SetString(KaaExc(BufferError), "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    return 0;
}

int KaaByteArray_Resize(KaaObject *o, Kaa_ssize_t n)
{
    if (n != Kaa_SIZE(o) && check_exports(o) < 0) {
        return -1;
    }
    if (n < 0 || n > KAA_SSIZE_MAX - 64) {
        KaaErr_NoMemory();
        return -1;
    }
    if (n + 1 > BA(o)->alloc || (n + 1) * 4 < BA(o)->alloc) {
        Kaa_ssize_t want = n + 1 + (n >> 3) + (n < 9 ? 3 : 6);
        char *d = kaa_mem_realloc(BA(o)->data, (size_t)want);
        if (d == NULL) {
            KaaErr_NoMemory();
            return -1;
        }
        BA(o)->data = d;
        BA(o)->alloc = want;
    }
    Kaa_SIZE(o) = n;
    BA(o)->data[n] = '\0';
    return 0;
}

static KaaObject *ba_alloc(KaaTypeObject *type, const char *data, Kaa_ssize_t n)
{
    KaaObject *o = KaaType_GenericAlloc(type, 0);
    if (o == NULL) {
        return NULL;
    }
    BA(o)->data = kaa_mem_alloc(1);
    if (BA(o)->data == NULL) {
        Kaa_DECREF(o);
        return KaaErr_NoMemory();
    }
    BA(o)->alloc = 1;
    BA(o)->data[0] = '\0';
    if (KaaByteArray_Resize(o, n) < 0) {
        Kaa_DECREF(o);
        return NULL;
    }
    if (n > 0) {
        if (data) {
            memcpy(BA(o)->data, data, (size_t)n);
        } else {
            memset(BA(o)->data, 0, (size_t)n);
        }
    }
    return o;
}

KaaObject *KaaByteArray_FromStringAndSize(const char *data, Kaa_ssize_t n)
{
    if (n < 0) {
        KaaErr_BadInternalCall("KaaByteArray_FromStringAndSize");
        return NULL;
    }
    return ba_alloc(&KaaByteArray_Type, data, n);
}

// bytearray.__new__ makes an empty bytearray and __init__ fills it, as in
// CPython, so a subclass's __init__ may take other arguments.
static KaaObject *ba_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                         KaaObject *kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    return ba_alloc(type, NULL, 0);
}

static int ba_init(KaaObject *self, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    char *buf;
    Kaa_ssize_t n;
    // CPython empties self first, which an export forbids even for the same size.
    if ((Kaa_SIZE(self) != 0 && check_exports(self) < 0) ||
        kaa_bytes_from_args("bytearray", args, nargs, kwnames, &buf, &n) < 0) {
        return -1;
    }
    int r = KaaByteArray_Resize(self, n);
    if (r == 0 && n > 0) {
        memcpy(BA(self)->data, buf, (size_t)n);
    }
    kaa_mem_free(buf);
    return r;
}

static void ba_dealloc(KaaObject *o)
{
    kaa_mem_free(BA(o)->data);
    kaa_container_free(o);
}

static KaaObject *ba_repr(KaaObject *o)
{
    const char *name = Kaa_TYPE(o)->tp_name;
    char prefix[256];
    snprintf(prefix, sizeof prefix, "%s(", name);
    return kaa_bytes_repr_data(prefix, BA(o)->data, Kaa_SIZE(o), ")");
}

static int is_index(KaaObject *o)
{
    KaaNumberMethods *nb = Kaa_TYPE(o)->tp_as_number;
    return nb && nb->nb_index;
}

// Replace o[lo:hi] with p[0..m) (p may point into o: the caller copies).
static int replace_range(KaaObject *o, Kaa_ssize_t lo, Kaa_ssize_t hi, const char *p,
                         Kaa_ssize_t m)
{
    Kaa_ssize_t n = Kaa_SIZE(o), tail = n - hi;
    Kaa_ssize_t newn = n - (hi - lo) + m;
    if (newn != n && check_exports(o) < 0) {
        return -1;
    }
    if (newn > n) {
        if (KaaByteArray_Resize(o, newn) < 0) {
            return -1;
        }
        memmove(BA(o)->data + lo + m, BA(o)->data + hi, (size_t)tail);
    } else {
        memmove(BA(o)->data + lo + m, BA(o)->data + hi, (size_t)tail);
        if (KaaByteArray_Resize(o, newn) < 0) {
            return -1;
        }
    }
    if (m) {
        memcpy(BA(o)->data + lo, p, (size_t)m);
    }
    return 0;
}

// The bytes of a value assigned to a slice: a new bytes object, or NULL.
static KaaObject *slice_value(KaaObject *v)
{
    const char *p;
    Kaa_ssize_t n;
    if (kaa_buffer_peek(v, &p, &n)) {
        return KaaBytes_FromStringAndSize(p, n);
    }
    KaaNumberMethods *nb = Kaa_TYPE(v)->tp_as_number;
    if ((nb && (nb->nb_index || nb->nb_int || nb->nb_float)) || KaaStr_Check(v)) {
        return KaaErr_Format(KaaExc(TypeError),
                             "can assign only bytes, buffers, or iterables of ints in range(0, "
                             "256)");
    }
    KaaObject *args[1] = {v};
    char *buf;
    if (kaa_bytes_from_args("bytearray", args, 1, NULL, &buf, &n) < 0) {
        return NULL;
    }
    KaaObject *r = KaaBytes_FromStringAndSize(buf, n);
    kaa_mem_free(buf);
    return r;
}

static int ba_ass_subscript(KaaObject *o, KaaObject *item, KaaObject *value)
{
    if (is_index(item)) {
        Kaa_ssize_t i = KaaNumber_AsSsize_t(item, KaaExc(IndexError));
        if (i == -1 && KaaErr_Occurred()) {
            return -1;
        }
        // The value first, as CPython: its __index__ may resize o.
        int v = value ? kaa_byte_value(value) : 0;
        if (v < 0) {
            return -1;
        }
        if (i < 0) {
            i += Kaa_SIZE(o);
        }
        if (i < 0 || i >= Kaa_SIZE(o)) {
            KaaErr_SetString(KaaExc(IndexError), "bytearray index out of range");
            return -1;
        }
        if (value == NULL) {
            return replace_range(o, i, i + 1, NULL, 0);
        }
        BA(o)->data[i] = (char)v;
        return 0;
    }
    if (!KaaSlice_Check(item)) {
        KaaErr_Format(KaaExc(TypeError), "bytearray indices must be integers or slices, not %.200s",
                      Kaa_TYPE(item)->tp_name);
        return -1;
    }
    Kaa_ssize_t start, stop, step;
    if (KaaSlice_Unpack(item, &start, &stop, &step) < 0) {
        return -1;
    }
    KaaObject *b = NULL;
    if (value != NULL) {
        b = slice_value(value);
        if (b == NULL) {
            return -1;
        }
    }
    // After the value's conversion, which may have run Python code.
    Kaa_ssize_t len = KaaSlice_AdjustIndices(Kaa_SIZE(o), &start, &stop, step);
    int r = 0;
    if (step == 1) {
        if (stop < start) {
            stop = start;
        }
        r = replace_range(o, start, stop, b ? KaaBytes_AS_STRING(b) : NULL,
                          b ? Kaa_SIZE(b) : 0);
    } else if (b == NULL) {
        // Delete an extended slice: keep the bytes not selected.
        if (len > 0 && (r = check_exports(o)) == 0) {
            if (step < 0) {
                start = start + step * (len - 1);
                step = -step;
            }
            Kaa_ssize_t n = Kaa_SIZE(o), w = 0;
            for (Kaa_ssize_t i = 0; i < n; i++) {
                if (i >= start && (i - start) % step == 0 && (i - start) / step < len) {
                    continue;
                }
                BA(o)->data[w++] = BA(o)->data[i];
            }
            r = KaaByteArray_Resize(o, w);
        }
    } else if (Kaa_SIZE(b) != len) {
        KaaErr_Format(KaaExc(ValueError),
                      "attempt to assign bytes of size %zd to extended slice of size %zd",
                      Kaa_SIZE(b), len);
        r = -1;
    } else {
        for (Kaa_ssize_t i = 0, cur = start; i < len; i++, cur += step) {
            BA(o)->data[cur] = KaaBytes_AS_STRING(b)[i];
        }
    }
    Kaa_XDECREF(b);
    return r;
}

static KaaObject *ba_inplace_concat(KaaObject *o, KaaObject *other)
{
    const char *p;
    Kaa_ssize_t n;
    if (!kaa_buffer_peek(other, &p, &n)) {
        return KaaErr_Format(KaaExc(TypeError), "can't concat %s to %s",
                             Kaa_TYPE(other)->tp_name, Kaa_TYPE(o)->tp_name);
    }
    KaaObject *copy = KaaBytes_FromStringAndSize(p, n); // other may be o
    if (copy == NULL) {
        return NULL;
    }
    Kaa_ssize_t old = Kaa_SIZE(o);
    int r = replace_range(o, old, old, KaaBytes_AS_STRING(copy), n);
    Kaa_DECREF(copy);
    return r < 0 ? NULL : Kaa_NewRef(o);
}

static KaaObject *ba_inplace_repeat(KaaObject *a, Kaa_ssize_t n)
{
    KaaObject *r = kaa_bytes_repeat(a, n);
    if (r == NULL) {
        return NULL;
    }
    int rc = replace_range(a, 0, Kaa_SIZE(a), BA(r)->data, Kaa_SIZE(r));
    Kaa_DECREF(r);
    return rc < 0 ? NULL : Kaa_NewRef(a);
}

static KaaObject *ba_iter(KaaObject *o)
{
    return KaaSeqIter_New(o);
}

// --- Mutating methods ----------------------------------------------------------------

static KaaObject *ba_append(KaaObject *self, KaaObject *x)
{
    int v = kaa_byte_value(x);
    if (v < 0) {
        return NULL;
    }
    char c = (char)v;
    if (replace_range(self, Kaa_SIZE(self), Kaa_SIZE(self), &c, 1) < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *ba_extend(KaaObject *self, KaaObject *x)
{
    const char *p;
    Kaa_ssize_t n;
    KaaObject *b;
    if (kaa_buffer_peek(x, &p, &n)) {
        b = KaaBytes_FromStringAndSize(p, n);
    } else {
        if (KaaObject_CheckBuffer(x)) { // a released or stepped memoryview
            return KaaErr_Format(KaaExc(TypeError), "can't set bytearray slice from %s",
                                 Kaa_TYPE(x)->tp_name);
        }
        if (is_index(x) || (!KaaStr_Check(x) && Kaa_TYPE(x)->tp_iter == NULL &&
                            Kaa_TYPE(x)->tp_as_sequence == NULL)) {
            return KaaErr_Format(KaaExc(TypeError), "can't extend bytearray with %s",
                                 Kaa_TYPE(x)->tp_name);
        }
        KaaObject *it = KaaObject_GetIter(x);
        if (it == NULL) {
            return NULL;
        }
        Kaa_DECREF(it);
        KaaObject *args[1] = {x};
        char *buf;
        if (KaaStr_Check(x)) {
            // Iterating a str yields str items: the int conversion fails.
            return KaaErr_Format(KaaExc(TypeError), "'str' object cannot be interpreted as an "
                                                    "integer");
        }
        if (kaa_bytes_from_args("bytearray", args, 1, NULL, &buf, &n) < 0) {
            return NULL;
        }
        b = KaaBytes_FromStringAndSize(buf, n);
        kaa_mem_free(buf);
    }
    if (b == NULL) {
        return NULL;
    }
    int r = replace_range(self, Kaa_SIZE(self), Kaa_SIZE(self), KaaBytes_AS_STRING(b), Kaa_SIZE(b));
    Kaa_DECREF(b);
    if (r < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *ba_pop(KaaObject *self, KaaObject *const *args, size_t nargs,
                         KaaObject *kwnames)
{
    Kaa_ssize_t i;
    if (kaa_pop_index(self, "bytearray", args, nargs, kwnames, &i) < 0) {
        return NULL;
    }
    int v = (unsigned char)BA(self)->data[i];
    if (replace_range(self, i, i + 1, NULL, 0) < 0) {
        return NULL;
    }
    return KaaInt_FromSsize_t(v);
}

static KaaObject *ba_insert(KaaObject *self, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    if (kaa_container_no_kwargs("bytearray.insert", kwnames) < 0 ||
        kaa_container_check_nargs("insert", nargs, 2, 2) < 0) {
        return NULL;
    }
    Kaa_ssize_t i = KaaNumber_AsSsize_t(args[0], KaaExc(OverflowError));
    if (i == -1 && KaaErr_Occurred()) {
        return NULL;
    }
    int v = kaa_byte_value(args[1]);
    if (v < 0) {
        return NULL;
    }
    Kaa_ssize_t n = Kaa_SIZE(self);
    if (i < 0) {
        i += n;
        if (i < 0) {
            i = 0;
        }
    }
    if (i > n) {
        i = n;
    }
    char c = (char)v;
    if (replace_range(self, i, i, &c, 1) < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *ba_remove(KaaObject *self, KaaObject *x)
{
    int v = kaa_byte_value(x);
    if (v < 0) {
        return NULL;
    }
    char *hit = Kaa_SIZE(self) ? memchr(BA(self)->data, v, (size_t)Kaa_SIZE(self)) : NULL;
    if (hit == NULL) {
        return KaaErr_Format(KaaExc(ValueError), "value not found in bytearray");
    }
    Kaa_ssize_t i = hit - BA(self)->data;
    if (replace_range(self, i, i + 1, NULL, 0) < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *ba_clear(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    if (KaaByteArray_Resize(self, 0) < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *ba_reverse(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    char *d = BA(self)->data;
    for (Kaa_ssize_t i = 0, j = Kaa_SIZE(self) - 1; i < j; i++, j--) {
        char t = d[i];
        d[i] = d[j];
        d[j] = t;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *ba_copy(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    return KaaByteArray_FromStringAndSize(BA(self)->data, Kaa_SIZE(self));
}

// __alloc__(): the bytes allocated for the contents (implementation-specific).
static KaaObject *ba_alloc_method(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    return KaaInt_FromSsize_t(BA(self)->alloc);
}

// --- The type ------------------------------------------------------------------------

static KaaMethodDef ba_methods[] = {
    {"__alloc__", ba_alloc_method, KAA_METH_NOARGS, NULL},
    {"append", ba_append, KAA_METH_O, NULL},
    {"clear", ba_clear, KAA_METH_NOARGS, NULL},
    {"copy", ba_copy, KAA_METH_NOARGS, NULL},
    {"extend", ba_extend, KAA_METH_O, NULL},
    {"insert", ba_insert, KAA_METH_FASTCALL, NULL},
    {"pop", ba_pop, KAA_METH_FASTCALL, NULL},
    {"remove", ba_remove, KAA_METH_O, NULL},
    {"reverse", ba_reverse, KAA_METH_NOARGS, NULL},
    KAA_BYTES_SHARED_METHODS,
    {NULL},
};

static KaaNumberMethods ba_as_number = {
    .nb_remainder = kaa_bytes_mod,
};

static KaaSequenceMethods ba_as_sequence = {
    .sq_length = kaa_bytes_length,
    .sq_concat = kaa_bytes_concat,
    .sq_repeat = kaa_bytes_repeat,
    .sq_item = kaa_bytes_item,
    .sq_contains = kaa_bytes_contains,
    .sq_inplace_concat = ba_inplace_concat,
    .sq_inplace_repeat = ba_inplace_repeat,
};

static KaaMappingMethods ba_as_mapping = {
    .mp_length = kaa_bytes_length,
    .mp_subscript = kaa_bytes_subscript,
    .mp_ass_subscript = ba_ass_subscript,
};

KaaTypeObject KaaByteArray_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(KaaByteArrayObject),
    .tp_flags = KAA_TPFLAGS_BASETYPE,
    .tp_doc = "bytearray(iterable_of_ints) -> bytearray\n"
              "bytearray(string, encoding[, errors]) -> bytearray\n"
              "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
              "bytearray(int) -> bytes array of size given by the parameter initialized with "
              "null bytes\nbytearray() -> empty bytes array",
    .tp_dealloc = ba_dealloc,
    .tp_repr = ba_repr,
    .tp_hash = KaaObject_HashNotImplemented,
    .tp_richcompare = kaa_bytes_richcompare,
    .tp_iter = ba_iter,
    .tp_new = ba_new,
    .tp_init = ba_init,
    .tp_as_number = &ba_as_number,
    .tp_as_sequence = &ba_as_sequence,
    .tp_as_mapping = &ba_as_mapping,
    .tp_methods = ba_methods,
};
