/* memoryview: a view of another object's memory through the buffer protocol
 * (CPython's Objects/memoryobject.c, one-dimensional only).
 *
 * Each memoryview holds its own export of the underlying object in `master`,
 * so a slice or a view of a view pins the memory independently of its
 * parent; release() gives the export back and makes every later operation a
 * ValueError. Items are read and written with the native codec of buffer.c.
 */
#include <string.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "util/strbuf.h"
#include "vm/vm.h"

#define MV(o) ((KaaMemoryViewObject *)(o))

// The one struct code of a format ("@h" -> 'h').
static int fmt_code(const char *f)
{
    return f[0] == '@' ? f[1] : f[0];
}

static int is_byte_code(int c)
{
    return c == 'B' || c == 'b' || c == 'c';
}

static int check_released(KaaMemoryViewObject *mv)
{
    if (mv->master.obj == NULL) {
        KaaErr_SetString(KaaExc(ValueError), "operation forbidden on released memoryview object");
        return -1;
    }
    return 0;
}

static int c_contiguous(KaaMemoryViewObject *mv)
{
    return mv->length <= 1 || mv->stride == mv->itemsize;
}

static char *item_ptr(KaaMemoryViewObject *mv, Kaa_ssize_t i)
{
    return mv->start + i * mv->stride;
}

// Copy the items into dst (length * itemsize bytes), gathering a stepped view.
static void gather(KaaMemoryViewObject *mv, char *dst)
{
    if (mv->stride == mv->itemsize) {
        if (mv->length > 0) {
            memcpy(dst, mv->start, (size_t)(mv->length * mv->itemsize));
        }
        return;
    }
    for (Kaa_ssize_t i = 0; i < mv->length; i++) {
        memcpy(dst + i * mv->itemsize, item_ptr(mv, i), (size_t)mv->itemsize);
    }
}

// --- Construction --------------------------------------------------------------------

// A new memoryview over a fresh export of base laid out as `like` (whose
// start, length and stride the caller may then adjust).
static KaaMemoryViewObject *view_like(KaaObject *base, KaaMemoryViewObject *like)
{
    KaaMemoryViewObject *mv = (KaaMemoryViewObject *)KaaType_GenericAlloc(&KaaMemoryView_Type, 0);
    if (mv == NULL) {
        return NULL;
    }
    if (KaaObject_GetBuffer(base, &mv->master, 0) < 0) {
        Kaa_DECREF(mv);
        return NULL;
    }
    mv->start = like->start;
    mv->length = like->length;
    mv->stride = like->stride;
    mv->itemsize = like->itemsize;
    mv->readonly = like->readonly;
    memcpy(mv->format, like->format, sizeof mv->format);
    mv->hash = -1;
    KAA_GC_TRACK(mv);
    return mv;
}

KaaObject *KaaMemoryView_FromObject(KaaObject *o)
{
    if (KaaMemoryView_Check(o)) {
        if (check_released(MV(o)) < 0) {
            return NULL;
        }
        return (KaaObject *)view_like(MV(o)->master.obj, MV(o));
    }
    if (!KaaObject_CheckBuffer(o)) {
        return KaaErr_Format(KaaExc(TypeError),
                             "memoryview: a bytes-like object is required, not "
                             "'%s'",
                             Kaa_TYPE(o)->tp_name);
    }
    KaaMemoryViewObject *mv = (KaaMemoryViewObject *)KaaType_GenericAlloc(&KaaMemoryView_Type, 0);
    if (mv == NULL) {
        return NULL;
    }
    if (KaaObject_GetBuffer(o, &mv->master, 0) < 0) {
        Kaa_DECREF(mv);
        return NULL;
    }
    KaaBuffer *b = &mv->master;
    mv->start = b->buf;
    mv->itemsize = b->itemsize;
    mv->length = b->len / b->itemsize;
    mv->stride = b->itemsize;
    mv->readonly = b->readonly;
    strncpy(mv->format, b->format, sizeof mv->format - 1);
    mv->hash = -1;
    KAA_GC_TRACK(mv);
    return (KaaObject *)mv;
}

static KaaObject *mv_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                         KaaObject *kwnames)
{
    (void)type;
    static const char *const kwlist[] = {"object", NULL};
    KaaObject *a[1];
    if (kaa_unpack_args("memoryview", args, nargs, kwnames, kwlist, 1, a) < 0) {
        return NULL;
    }
    return KaaMemoryView_FromObject(a[0]);
}

static void mv_dealloc(KaaObject *o)
{
    kaa_gc_untrack_if_tracked(o);
    KaaBuffer_Release(&MV(o)->master);
    kaa_object_free(o);
}

static int mv_traverse(KaaObject *o, visitproc visit, void *arg)
{
    Kaa_VISIT(MV(o)->master.obj);
    return 0;
}

static int mv_clear(KaaObject *o)
{
    KaaBuffer_Release(&MV(o)->master);
    return 0;
}

// --- Items ---------------------------------------------------------------------------

static KaaObject *mv_item(KaaObject *o, Kaa_ssize_t i)
{
    KaaMemoryViewObject *mv = MV(o);
    if (check_released(mv) < 0) {
        return NULL;
    }
    if (i < 0) {
        i += mv->length;
    }
    if (i < 0 || i >= mv->length) {
        KaaErr_SetString(KaaExc(IndexError), "index out of bounds on dimension 1");
        return NULL;
    }
    return kaa_buffer_unpack_item(fmt_code(mv->format), item_ptr(mv, i));
}

// 1 when the integer of class cls (kaa_int_bits64) with bits fits code c.
static int int_fits(int c, int cls, uint64_t bits)
{
    Kaa_ssize_t size = kaa_buffer_item_size(c);
    int is_unsigned = kaa_buffer_code_unsigned(c) || c == 'c';
    if (cls == KAA_INT_TOO_BIG || cls == KAA_INT_TOO_SMALL) {
        return 0;
    }
    if (is_unsigned) {
        if (cls == KAA_INT64 && (int64_t)bits < 0) {
            return 0;
        }
        return size >= 8 || bits < ((uint64_t)1 << (8 * size));
    }
    if (cls == KAA_UINT64_ONLY) {
        return 0;
    }
    if (size >= 8) {
        return 1;
    }
    int64_t v = (int64_t)bits, lim = (int64_t)1 << (8 * size - 1);
    return v >= -lim && v < lim;
}

// Convert value for an item of format fmt: 0, or -1 with memoryview's
// "invalid type/value for format" errors.
static int pack_value(const char *fmt, KaaObject *value, KaaItemValue *out)
{
    int c = fmt_code(fmt);
    int bad_type = 0;
    if (c == 'c') {
        if (!KaaBytes_Check(value)) {
            bad_type = 1;
            goto error;
        }
        if (Kaa_SIZE(value) != 1) {
            goto error;
        }
        out->u = (unsigned char)KaaBytes_AS_STRING(value)[0];
        return 0;
    }
    if (c == '?') {
        int t = KaaObject_IsTrue(value);
        if (t < 0) {
            return -1;
        }
        out->i = t;
        return 0;
    }
    if (c == 'e' || c == 'f' || c == 'd') {
        out->d = KaaFloat_AsDouble(value);
        if (out->d == -1.0 && KaaErr_Occurred()) {
            bad_type = KaaErr_ExceptionMatches(KaaExc(TypeError));
            goto error;
        }
        unsigned char half[2];
        if (c == 'e' && kaa_half_pack(out->d, half) < 0) {
            goto error;
        }
        return 0;
    }
    KaaObject *i = KaaNumber_Index(value);
    if (i == NULL) {
        bad_type = KaaErr_ExceptionMatches(KaaExc(TypeError));
        goto error;
    }
    uint64_t bits;
    int cls = kaa_int_bits64(i, &bits);
    Kaa_DECREF(i);
    if (!int_fits(c, cls, bits)) {
        goto error;
    }
    out->u = bits;
    return 0;
error:
    if (KaaErr_Occurred() && !KaaErr_ExceptionMatches(KaaExc(TypeError)) &&
        !KaaErr_ExceptionMatches(KaaExc(ValueError)) &&
        !KaaErr_ExceptionMatches(KaaExc(OverflowError))) {
        return -1;
    }
    KaaErr_Clear();
    KaaErr_Format(bad_type ? KaaExc(TypeError) : KaaExc(ValueError),
                  "memoryview: invalid %s for format '%s'", bad_type ? "type" : "value", fmt);
    return -1;
}

// The shape of another buffer for comparison and slice assignment.
typedef struct Layout {
    char *start;
    Kaa_ssize_t length, stride, itemsize;
    const char *format;
} Layout;

static void layout_of_view(KaaMemoryViewObject *mv, Layout *l)
{
    l->start = mv->start;
    l->length = mv->length;
    l->stride = mv->stride;
    l->itemsize = mv->itemsize;
    l->format = mv->format;
}

// o's layout: a memoryview's own, else a view taken into *held (released by
// the caller). 0, or -1 with an exception.
static int layout_of(KaaObject *o, Layout *l, KaaBuffer *held)
{
    held->obj = NULL;
    if (KaaMemoryView_Check(o)) {
        if (check_released(MV(o)) < 0) {
            return -1;
        }
        layout_of_view(MV(o), l);
        return 0;
    }
    if (KaaObject_GetBuffer(o, held, 0) < 0) {
        return -1;
    }
    l->start = held->buf;
    l->itemsize = held->itemsize;
    l->length = held->len / held->itemsize;
    l->stride = held->itemsize;
    l->format = held->format;
    return 0;
}

static int same_format(const char *a, const char *b)
{
    return strcmp(a[0] == '@' ? a + 1 : a, b[0] == '@' ? b + 1 : b) == 0;
}

// self[start:start+len*step:step] = value, value a buffer of the same structure.
static int assign_slice(KaaMemoryViewObject *mv, KaaObject *key, KaaObject *value)
{
    Kaa_ssize_t start, stop, step;
    if (KaaSlice_Unpack(key, &start, &stop, &step) < 0) {
        return -1;
    }
    Kaa_ssize_t len = KaaSlice_AdjustIndices(mv->length, &start, &stop, step);
    Layout src;
    KaaBuffer held;
    if (layout_of(value, &src, &held) < 0) {
        return -1;
    }
    int r = 0;
    if (!same_format(mv->format, src.format) || mv->itemsize != src.itemsize || len != src.length) {
        KaaErr_SetString(KaaExc(ValueError),
                         "memoryview assignment: lvalue and rvalue have different structures");
        r = -1;
    } else if (len > 0) {
        // Through a copy: source and destination may overlap.
        size_t nbytes = (size_t)(len * src.itemsize);
        char *tmp = kaa_mem_alloc(nbytes);
        if (tmp == NULL) {
            KaaErr_NoMemory();
            r = -1;
        } else {
            for (Kaa_ssize_t i = 0; i < len; i++) {
                memcpy(tmp + i * src.itemsize, src.start + i * src.stride, (size_t)src.itemsize);
            }
            for (Kaa_ssize_t i = 0; i < len; i++) {
                memcpy(item_ptr(mv, start + i * step), tmp + i * src.itemsize,
                       (size_t)src.itemsize);
            }
            kaa_mem_free(tmp);
        }
    }
    KaaBuffer_Release(&held);
    return r;
}

// A tuple key: 1 when all items are index-like, 2 when all are slices, 0 else.
static int tuple_key_kind(KaaObject *key)
{
    Kaa_ssize_t n = KaaTuple_GET_SIZE(key);
    int indexes = 1, slices = 1;
    for (Kaa_ssize_t i = 0; i < n; i++) {
        KaaObject *k = KaaTuple_GET_ITEM(key, i);
        KaaNumberMethods *nb = Kaa_TYPE(k)->tp_as_number;
        indexes &= nb != NULL && nb->nb_index != NULL;
        slices &= KaaSlice_Check(k);
    }
    return indexes ? 1 : slices ? 2 : 0;
}

// A multi-dimensional key on a 1-D view: the index of a 1-tuple in *i (0),
// or -1 with CPython's error.
static int tuple_index(KaaObject *key, Kaa_ssize_t *i)
{
    int kind = tuple_key_kind(key);
    Kaa_ssize_t n = KaaTuple_GET_SIZE(key);
    if (kind == 1 && n == 1) {
        *i = KaaNumber_AsSsize_t(KaaTuple_GET_ITEM(key, 0), KaaExc(IndexError));
        return *i == -1 && KaaErr_Occurred() ? -1 : 0;
    }
    if (kind == 1 && n == 0) {
        KaaErr_SetString(KaaExc(NotImplementedError), "sub-views are not implemented");
    } else if (kind == 1) {
        KaaErr_Format(KaaExc(TypeError), "cannot index 1-dimension view with %zd-element tuple", n);
    } else if (kind == 2) {
        KaaErr_SetString(KaaExc(NotImplementedError),
                         "multi-dimensional slicing is not implemented");
    } else {
        KaaErr_SetString(KaaExc(TypeError), "memoryview: invalid slice key");
    }
    return -1;
}

static int is_index(KaaObject *o)
{
    KaaNumberMethods *nb = Kaa_TYPE(o)->tp_as_number;
    return nb != NULL && nb->nb_index != NULL;
}

static KaaObject *mv_subscript(KaaObject *o, KaaObject *key)
{
    KaaMemoryViewObject *mv = MV(o);
    if (check_released(mv) < 0) {
        return NULL;
    }
    Kaa_ssize_t i;
    if (is_index(key)) {
        i = KaaNumber_AsSsize_t(key, KaaExc(IndexError));
        if (i == -1 && KaaErr_Occurred()) {
            return NULL;
        }
        return mv_item(o, i);
    }
    if (KaaSlice_Check(key)) {
        Kaa_ssize_t start, stop, step;
        if (KaaSlice_Unpack(key, &start, &stop, &step) < 0) {
            return NULL;
        }
        Kaa_ssize_t len = KaaSlice_AdjustIndices(mv->length, &start, &stop, step);
        KaaMemoryViewObject *r = view_like(mv->master.obj, mv);
        if (r != NULL) {
            r->start = item_ptr(mv, start);
            r->length = len;
            r->stride = mv->stride * step;
        }
        return (KaaObject *)r;
    }
    if (KaaTuple_Check(key)) {
        return tuple_index(key, &i) < 0 ? NULL : mv_item(o, i);
    }
    return KaaErr_Format(KaaExc(TypeError), "memoryview: invalid slice key");
}

static int mv_ass_subscript(KaaObject *o, KaaObject *key, KaaObject *value)
{
    KaaMemoryViewObject *mv = MV(o);
    if (check_released(mv) < 0) {
        return -1;
    }
    if (mv->readonly) {
        KaaErr_SetString(KaaExc(TypeError), "cannot modify read-only memory");
        return -1;
    }
    if (value == NULL) {
        KaaErr_SetString(KaaExc(TypeError), "cannot delete memory");
        return -1;
    }
    Kaa_ssize_t i;
    if (is_index(key)) {
        i = KaaNumber_AsSsize_t(key, KaaExc(IndexError));
        if (i == -1 && KaaErr_Occurred()) {
            return -1;
        }
    } else if (KaaSlice_Check(key)) {
        return assign_slice(mv, key, value);
    } else if (KaaTuple_Check(key)) {
        if (tuple_index(key, &i) < 0) {
            return -1;
        }
    } else {
        KaaErr_SetString(KaaExc(TypeError), "memoryview: invalid slice key");
        return -1;
    }
    if (i < 0) {
        i += mv->length;
    }
    if (i < 0 || i >= mv->length) {
        KaaErr_SetString(KaaExc(IndexError), "index out of bounds on dimension 1");
        return -1;
    }
    if (kaa_buffer_item_size(fmt_code(mv->format)) == 0) { // array('u') exports 'w'
        KaaErr_Format(KaaExc(NotImplementedError), "memoryview: format %s not supported",
                      mv->format);
        return -1;
    }
    KaaItemValue v;
    if (pack_value(mv->format, value, &v) < 0) {
        return -1;
    }
    // Converting the value ran Python code, which may have released the view.
    if (check_released(mv) < 0) {
        return -1;
    }
    kaa_buffer_store_item(fmt_code(mv->format), item_ptr(mv, i), v);
    return 0;
}

static Kaa_ssize_t mv_length(KaaObject *o)
{
    return check_released(MV(o)) < 0 ? -1 : MV(o)->length;
}

// --- Comparison, hash, repr ------------------------------------------------------------

// Item-wise equality of two layouts of the same length: 1, 0 or -1.
static int equal_items(Layout *a, Layout *b)
{
    int ca = fmt_code(a->format), cb = fmt_code(b->format);
    // Equal integer formats compare as bytes; the rest compare as values
    // (NaN != NaN, 'c' items are bytes and never equal ints).
    int raw = ca == cb && a->itemsize == b->itemsize && strchr("cbBhHiIlLqQnNP", ca) != NULL;
    for (Kaa_ssize_t i = 0; i < a->length; i++) {
        char *pa = a->start + i * a->stride, *pb = b->start + i * b->stride;
        if (raw) {
            if (memcmp(pa, pb, (size_t)a->itemsize) != 0) {
                return 0;
            }
            continue;
        }
        KaaObject *x = kaa_buffer_unpack_item(ca, pa);
        KaaObject *y = x ? kaa_buffer_unpack_item(cb, pb) : NULL;
        int eq = y ? KaaObject_RichCompareBool(x, y, Kaa_EQ) : -1;
        Kaa_XDECREF(x);
        Kaa_XDECREF(y);
        if (eq <= 0) {
            return eq;
        }
    }
    return 1;
}

static KaaObject *mv_richcompare(KaaObject *v, KaaObject *w, int op)
{
    if ((op != Kaa_EQ && op != Kaa_NE) || !KaaMemoryView_Check(v)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    int equal;
    if (MV(v)->master.obj == NULL || (KaaMemoryView_Check(w) && MV(w)->master.obj == NULL)) {
        equal = v == w;
    } else {
        if (!KaaObject_CheckBuffer(w)) {
            Kaa_RETURN_NOTIMPLEMENTED;
        }
        Layout a, b;
        KaaBuffer held;
        layout_of_view(MV(v), &a);
        if (layout_of(w, &b, &held) < 0) {
            KaaErr_Clear();
            Kaa_RETURN_NOTIMPLEMENTED;
        }
        equal = a.length != b.length ? 0 : equal_items(&a, &b);
        KaaBuffer_Release(&held);
        if (equal < 0) {
            return NULL;
        }
    }
    return KaaBool_FromLong(op == Kaa_EQ ? equal : !equal);
}

// The items as a new bytes object.
static KaaObject *to_bytes(KaaMemoryViewObject *mv)
{
    KaaObject *b = KaaBytes_FromStringAndSize(NULL, mv->length * mv->itemsize);
    if (b != NULL) {
        gather(mv, KaaBytes_AS_STRING(b));
    }
    return b;
}

static Kaa_hash_t mv_hash(KaaObject *o)
{
    KaaMemoryViewObject *mv = MV(o);
    if (mv->hash != -1) {
        return mv->hash;
    }
    if (check_released(mv) < 0) {
        return -1;
    }
    if (!mv->readonly) {
        KaaErr_SetString(KaaExc(ValueError), "cannot hash writable memoryview object");
        return -1;
    }
    if (!is_byte_code(fmt_code(mv->format))) {
        KaaErr_SetString(KaaExc(ValueError),
                         "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return -1;
    }
    if (KaaObject_Hash(mv->master.obj) == -1) {
        return -1;
    }
    KaaObject *b = to_bytes(mv);
    if (b == NULL) {
        return -1;
    }
    mv->hash = KaaObject_Hash(b); // equal to the hash of the equal bytes
    Kaa_DECREF(b);
    return mv->hash;
}

static KaaObject *mv_repr(KaaObject *o)
{
    return KaaStr_FromFormat(MV(o)->master.obj ? "<memory at %p>" : "<released memory at %p>",
                             (void *)o);
}

// --- Methods -------------------------------------------------------------------------

static KaaObject *mv_tobytes(KaaObject *self, KaaObject *const *args, size_t nargs,
                             KaaObject *kwnames)
{
    static const char *const kwlist[] = {"order", NULL};
    KaaObject *a[1];
    if (kaa_unpack_args("tobytes", args, nargs, kwnames, kwlist, 0, a) < 0 ||
        check_released(MV(self)) < 0) {
        return NULL;
    }
    if (a[0] != NULL && a[0] != Kaa_None) {
        if (!KaaStr_Check(a[0])) {
            return KaaErr_Format(KaaExc(TypeError),
                                 "tobytes() argument 'order' must be str or None, not %s",
                                 Kaa_TYPE(a[0])->tp_name);
        }
        if (!KaaStr_EqualToASCII(a[0], "C") && !KaaStr_EqualToASCII(a[0], "F") &&
            !KaaStr_EqualToASCII(a[0], "A")) {
            return KaaErr_Format(KaaExc(ValueError), "order must be 'C', 'F' or 'A'");
        }
    }
    return to_bytes(MV(self));
}

static KaaObject *mv_tolist(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    KaaMemoryViewObject *mv = MV(self);
    if (check_released(mv) < 0) {
        return NULL;
    }
    KaaObject *list = KaaList_New(mv->length);
    for (Kaa_ssize_t i = 0; list != NULL && i < mv->length; i++) {
        KaaObject *item = kaa_buffer_unpack_item(fmt_code(mv->format), item_ptr(mv, i));
        if (item == NULL) {
            Kaa_CLEAR(list);
            break;
        }
        KaaList_SET_ITEM(list, i, item);
    }
    return list;
}

static KaaObject *mv_hex(KaaObject *self, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    if (check_released(MV(self)) < 0) {
        return NULL;
    }
    KaaObject *b = to_bytes(MV(self));
    if (b == NULL) {
        return NULL;
    }
    KaaObject *r = kaa_bytes_hex(b, args, nargs, kwnames);
    Kaa_DECREF(b);
    return r;
}

static KaaObject *mv_release(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    KaaMemoryViewObject *mv = MV(self);
    if (mv->exports > 0) {
        return KaaErr_Format(KaaExc(BufferError), "memoryview has %zd exported buffer%s",
                             mv->exports, mv->exports == 1 ? "" : "s");
    }
    KaaBuffer_Release(&mv->master);
    Kaa_RETURN_NONE;
}

static KaaObject *mv_enter(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    return check_released(MV(self)) < 0 ? NULL : Kaa_NewRef(self);
}

static KaaObject *mv_exit(KaaObject *self, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    return mv_release(self, NULL);
}

static KaaObject *mv_toreadonly(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    KaaMemoryViewObject *mv = MV(self);
    if (check_released(mv) < 0) {
        return NULL;
    }
    KaaMemoryViewObject *r = view_like(mv->master.obj, mv);
    if (r != NULL) {
        r->readonly = 1;
    }
    return (KaaObject *)r;
}

// The item size of a cast() destination format ('@' and one native code),
// or 0 when it is not one.
static Kaa_ssize_t cast_format(KaaObject *fmt, char out[4])
{
    const char *s = KaaStr_DATA(fmt);
    Kaa_ssize_t n = KaaStr_NBYTES(fmt);
    const char *code = s[0] == '@' ? s + 1 : s;
    if (n < 1 || n > 2 || code + 1 != s + n) {
        return 0;
    }
    memcpy(out, s, (size_t)n);
    out[n] = '\0';
    return kaa_buffer_item_size((unsigned char)*code);
}

// The length a shape argument gives (only 1-D shapes), or -1 with an error.
static Kaa_ssize_t cast_shape(KaaObject *shape, Kaa_ssize_t nbytes, Kaa_ssize_t itemsize)
{
    if (!KaaList_Check(shape) && !KaaTuple_Check(shape)) {
        KaaErr_SetString(KaaExc(TypeError), "shape must be a list or a tuple");
        return -1;
    }
    Kaa_ssize_t ndim = KaaObject_Length(shape);
    if (ndim != 1) {
        KaaErr_SetString(KaaExc(NotImplementedError),
                         "memoryview: kaa casts to one dimension only");
        return -1;
    }
    KaaObject *item =
        KaaList_Check(shape) ? KaaList_GET_ITEM(shape, 0) : KaaTuple_GET_ITEM(shape, 0);
    if (!KaaInt_Check(item)) {
        KaaErr_SetString(KaaExc(TypeError),
                         "memoryview.cast(): elements of shape must be integers");
        return -1;
    }
    Kaa_ssize_t len = KaaInt_AsSsize_t(item);
    if (len == -1 && KaaErr_Occurred()) {
        return -1;
    }
    if (len <= 0) {
        KaaErr_SetString(KaaExc(ValueError),
                         "memoryview.cast(): elements of shape must be integers > 0");
        return -1;
    }
    if (len * itemsize != nbytes) {
        KaaErr_SetString(KaaExc(TypeError), "memoryview: product(shape) * itemsize != buffer size");
        return -1;
    }
    return len;
}

static KaaObject *mv_cast(KaaObject *self, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    static const char *const kwlist[] = {"format", "shape", NULL};
    KaaObject *a[2];
    KaaMemoryViewObject *mv = MV(self);
    if (kaa_unpack_args("cast", args, nargs, kwnames, kwlist, 1, a) < 0 || check_released(mv) < 0) {
        return NULL;
    }
    if (!KaaStr_Check(a[0])) {
        return KaaErr_Format(KaaExc(TypeError), "cast() argument 'format' must be str, not %s",
                             Kaa_TYPE(a[0])->tp_name);
    }
    if (!c_contiguous(mv)) {
        return KaaErr_Format(KaaExc(TypeError),
                             "memoryview: casts are restricted to C-contiguous views");
    }
    char fmt[4];
    Kaa_ssize_t itemsize = cast_format(a[0], fmt);
    if (itemsize == 0) {
        return KaaErr_Format(KaaExc(ValueError),
                             "memoryview: destination format must be a native single character "
                             "format prefixed with an optional '@'");
    }
    if (!is_byte_code(fmt_code(mv->format)) && !is_byte_code(fmt_code(fmt))) {
        return KaaErr_Format(KaaExc(TypeError), "memoryview: cannot cast between two non-byte "
                                                "formats");
    }
    Kaa_ssize_t nbytes = mv->length * mv->itemsize;
    if (nbytes % itemsize != 0) {
        return KaaErr_Format(KaaExc(TypeError), "memoryview: length is not a multiple of itemsize");
    }
    Kaa_ssize_t len = nbytes / itemsize;
    if (a[1] != NULL && (len = cast_shape(a[1], nbytes, itemsize)) < 0) {
        return NULL;
    }
    KaaMemoryViewObject *r = view_like(mv->master.obj, mv);
    if (r != NULL) {
        r->length = len;
        r->itemsize = itemsize;
        r->stride = itemsize;
        memcpy(r->format, fmt, sizeof r->format);
    }
    return (KaaObject *)r;
}

// --- Attributes ----------------------------------------------------------------------

// (v,): the shape and strides of a 1-D view.
static KaaObject *int_tuple(Kaa_ssize_t v)
{
    KaaObject *i = KaaInt_FromSsize_t(v);
    if (i == NULL) {
        return NULL;
    }
    KaaObject *t = KaaTuple_Pack(1, i);
    Kaa_DECREF(i);
    return t;
}

// Each getter fails on a released view, as CPython's.
#define GETTER(name, expr)                                                                         \
    static KaaObject *mv_get_##name(KaaObject *o, void *closure)                                   \
    {                                                                                              \
        (void)closure;                                                                             \
        KaaMemoryViewObject *mv = MV(o);                                                           \
        if (check_released(mv) < 0) {                                                              \
            return NULL;                                                                           \
        }                                                                                          \
        return (expr);                                                                             \
    }

GETTER(obj, Kaa_NewRef(mv->master.obj))
GETTER(nbytes, KaaInt_FromSsize_t(mv->length * mv->itemsize))
GETTER(readonly, KaaBool_FromLong(mv->readonly))
GETTER(itemsize, KaaInt_FromSsize_t(mv->itemsize))
GETTER(format, KaaStr_FromString(mv->format))
GETTER(ndim, KaaInt_FromSsize_t(1))
GETTER(shape, int_tuple(mv->length))
GETTER(strides, int_tuple(mv->stride))
GETTER(suboffsets, KaaTuple_New(0))
GETTER(contiguous, KaaBool_FromLong(c_contiguous(mv)))

static KaaGetSetDef mv_getset[] = {
    {"obj", mv_get_obj, NULL, "The underlying object of the memoryview.", NULL},
    {"nbytes", mv_get_nbytes, NULL, "The amount of space in bytes that the array would use.", NULL},
    {"readonly", mv_get_readonly, NULL, "A bool indicating whether the memory is read only.", NULL},
    {"itemsize", mv_get_itemsize, NULL, "The size in bytes of each element.", NULL},
    {"format", mv_get_format, NULL, "A string containing the format of each element.", NULL},
    {"ndim", mv_get_ndim, NULL, "The number of dimensions.", NULL},
    {"shape", mv_get_shape, NULL, "A tuple of ndim integers giving the shape.", NULL},
    {"strides", mv_get_strides, NULL, "A tuple of ndim integers giving the strides.", NULL},
    {"suboffsets", mv_get_suboffsets, NULL, "A tuple of integers used internally.", NULL},
    {"c_contiguous", mv_get_contiguous, NULL,
     "A bool indicating whether the memory is C "
     "contiguous.",
     NULL},
    {"f_contiguous", mv_get_contiguous, NULL,
     "A bool indicating whether the memory is Fortran "
     "contiguous.",
     NULL},
    {"contiguous", mv_get_contiguous, NULL, "A bool indicating whether the memory is contiguous.",
     NULL},
    {NULL},
};

static KaaMethodDef mv_methods[] = {
    {"release", mv_release, KAA_METH_NOARGS, "Release the underlying buffer."},
    {"tobytes", mv_tobytes, KAA_METH_FASTCALL, "Return the data in the buffer as a byte string."},
    {"hex", mv_hex, KAA_METH_FASTCALL, "Return the data in the buffer as a str of hex digits."},
    {"tolist", mv_tolist, KAA_METH_NOARGS, "Return the data in the buffer as a list of elements."},
    {"cast", mv_cast, KAA_METH_FASTCALL, "Cast a memoryview to a new format or shape."},
    {"toreadonly", mv_toreadonly, KAA_METH_NOARGS, "Return a readonly version of the memoryview."},
    {"__enter__", mv_enter, KAA_METH_NOARGS, NULL},
    {"__exit__", mv_exit, KAA_METH_FASTCALL, NULL},
    {NULL},
};

// --- Buffer export -------------------------------------------------------------------

static int mv_getbuffer(KaaObject *o, KaaBuffer *view, int writable)
{
    (void)writable;
    KaaMemoryViewObject *mv = MV(o);
    if (check_released(mv) < 0) {
        return -1;
    }
    if (!c_contiguous(mv)) {
        KaaErr_SetString(KaaExc(BufferError), "memoryview: underlying buffer is not C-contiguous");
        return -1;
    }
    view->buf = mv->start;
    view->len = mv->length * mv->itemsize;
    view->readonly = mv->readonly;
    view->itemsize = mv->itemsize;
    view->format = mv->format;
    mv->exports++;
    return 0;
}

static void mv_releasebuffer(KaaObject *o, KaaBuffer *view)
{
    (void)view;
    MV(o)->exports--;
}

const KaaBufferProcs kaa_memoryview_procs = {mv_getbuffer, mv_releasebuffer};

int kaa_buffer_copy(KaaObject *o, char **out, Kaa_ssize_t *n)
{
    *out = NULL;
    *n = 0;
    if (KaaMemoryView_Check(o)) {
        KaaMemoryViewObject *mv = MV(o);
        if (check_released(mv) < 0) {
            return -1;
        }
        *n = mv->length * mv->itemsize;
        if ((*out = kaa_mem_alloc((size_t)*n + 1)) == NULL) {
            KaaErr_NoMemory();
            return -1;
        }
        gather(mv, *out);
        return 1;
    }
    if (!KaaObject_CheckBuffer(o)) {
        return 0;
    }
    KaaBuffer view;
    if (KaaObject_GetBuffer(o, &view, 0) < 0) {
        return -1;
    }
    *n = view.len;
    *out = kaa_mem_alloc((size_t)view.len + 1);
    if (*out == NULL) {
        KaaBuffer_Release(&view);
        KaaErr_NoMemory();
        return -1;
    }
    if (view.len > 0) {
        memcpy(*out, view.buf, (size_t)view.len);
    }
    KaaBuffer_Release(&view);
    return 1;
}

// --- Iteration -----------------------------------------------------------------------

typedef struct MemoryIterObject {
    KaaObject_HEAD KaaObject *view; // NULL when exhausted
    Kaa_ssize_t index;
} MemoryIterObject;

static KaaObject *mv_iter(KaaObject *o)
{
    if (check_released(MV(o)) < 0) {
        return NULL;
    }
    MemoryIterObject *it = (MemoryIterObject *)KaaType_GenericAlloc(&KaaMemoryIter_Type, 0);
    if (it == NULL) {
        return NULL;
    }
    it->view = Kaa_NewRef(o);
    KAA_GC_TRACK(it);
    return (KaaObject *)it;
}

static KaaObject *mviter_next(KaaObject *o)
{
    MemoryIterObject *it = (MemoryIterObject *)o;
    if (it->view == NULL) {
        return NULL;
    }
    KaaMemoryViewObject *mv = MV(it->view);
    if (it->index < mv->length) {
        if (check_released(mv) < 0) {
            return NULL;
        }
        return mv_item(it->view, it->index++);
    }
    Kaa_CLEAR(it->view);
    return NULL;
}

static void mviter_dealloc(KaaObject *o)
{
    kaa_gc_untrack_if_tracked(o);
    Kaa_XDECREF(((MemoryIterObject *)o)->view);
    kaa_object_free(o);
}

static int mviter_traverse(KaaObject *o, visitproc visit, void *arg)
{
    Kaa_VISIT(((MemoryIterObject *)o)->view);
    return 0;
}

static int mviter_clear(KaaObject *o)
{
    Kaa_CLEAR(((MemoryIterObject *)o)->view);
    return 0;
}

static KaaObject *mviter_self(KaaObject *o)
{
    return Kaa_NewRef(o);
}

KaaTypeObject KaaMemoryIter_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "memory_iterator",
    .tp_basicsize = sizeof(MemoryIterObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = mviter_dealloc,
    .tp_traverse = mviter_traverse,
    .tp_clear = mviter_clear,
    .tp_iter = mviter_self,
    .tp_iternext = mviter_next,
};

// --- The type ------------------------------------------------------------------------

static KaaSequenceMethods mv_as_sequence = {
    .sq_length = mv_length,
    .sq_item = mv_item,
};

static KaaMappingMethods mv_as_mapping = {
    .mp_length = mv_length,
    .mp_subscript = mv_subscript,
    .mp_ass_subscript = mv_ass_subscript,
};

KaaTypeObject KaaMemoryView_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "memoryview",
    .tp_basicsize = sizeof(KaaMemoryViewObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a new memoryview object which references the given object.",
    .tp_dealloc = mv_dealloc,
    .tp_repr = mv_repr,
    .tp_hash = mv_hash,
    .tp_richcompare = mv_richcompare,
    .tp_traverse = mv_traverse,
    .tp_clear = mv_clear,
    .tp_iter = mv_iter,
    .tp_new = mv_new,
    .tp_as_sequence = &mv_as_sequence,
    .tp_as_mapping = &mv_as_mapping,
    .tp_methods = mv_methods,
    .tp_getset = mv_getset,
};
