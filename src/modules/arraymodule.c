/* The array module: array.array, a typed, resizable sequence of C numbers
 * (CPython's Modules/arraymodule.c). Items are stored natively and converted
 * on access with the codec in objects/buffer.c; conversions into an array use
 * CPython's per-typecode error texts ("signed char is greater than maximum").
 * An array exports its memory through the buffer protocol and refuses to
 * resize while an export is held.
 */
#include <limits.h>
#include <string.h>
#include <wchar.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "vm/vm.h"

typedef struct ArrayObject ArrayObject;

// One typecode: its item size, the format its buffer exports, and the
// conversion of a Python value into an item.
typedef struct ArrayDescr {
    char typecode;
    Kaa_ssize_t itemsize;
    const char *format;
    int (*convert)(const struct ArrayDescr *d, KaaObject *v, KaaItemValue *out);
} ArrayDescr;

struct ArrayObject {
    KaaObject_VAR_HEAD // ob_size: number of items
        char *data;    // `allocated` items (NULL when none)
    Kaa_ssize_t allocated;
    const ArrayDescr *descr;
    Kaa_ssize_t exports; // buffer views held: no resizing while > 0
};

static KaaTypeObject Array_Type, ArrayIter_Type;
#define ARR(o) ((ArrayObject *)(o))
#define ITEMSIZE(a) ((a)->descr->itemsize)
#define array_Check(o) KaaType_IsSubtype(Kaa_TYPE(o), &Array_Type)

// --- Conversions (the messages of CPython's PyArg_Parse converters) -----------------------

static int overflow(const char *msg)
{
    KaaErr_SetString(KaaExc(OverflowError), msg);
    return -1;
}

// b B h H i l q: through a C long first, then the typecode's own bounds.
static int convert_signed(const ArrayDescr *d, KaaObject *v, KaaItemValue *out)
{
    uint64_t bits;
    int cls = kaa_index_bits64(v, &bits);
    if (cls < 0) {
        return -1;
    }
    int64_t x = (int64_t)bits;
    if (cls != KAA_INT64) {
        return overflow(d->typecode == 'q' ? "int too big to convert"
                                           : "Python int too large to convert to C long");
    }
    switch (d->typecode) {
    case 'b': // parsed as a short, then checked as a signed char
        if (x > SHRT_MAX || x < SHRT_MIN) {
            return overflow(x > 0 ? "signed short integer is greater than maximum"
                                  : "signed short integer is less than minimum");
        }
        if (x > SCHAR_MAX || x < SCHAR_MIN) {
            return overflow(x > 0 ? "signed char is greater than maximum"
                                  : "signed char is less than minimum");
        }
        break;
    case 'B':
        if (x < 0 || x > UCHAR_MAX) {
            return overflow(x > 0 ? "unsigned byte integer is greater than maximum"
                                  : "unsigned byte integer is less than minimum");
        }
        break;
    case 'h':
        if (x > SHRT_MAX || x < SHRT_MIN) {
            return overflow(x > 0 ? "signed short integer is greater than maximum"
                                  : "signed short integer is less than minimum");
        }
        break;
    case 'H': // parsed as an int, then checked as an unsigned short
    case 'i':
        if (x > INT_MAX || x < INT_MIN) {
            return overflow(x > 0 ? "signed integer is greater than maximum"
                                  : "signed integer is less than minimum");
        }
        if (d->typecode == 'H' && (x < 0 || x > USHRT_MAX)) {
            return overflow(x > 0 ? "unsigned short is greater than maximum"
                                  : "unsigned short is less than minimum");
        }
        break;
    default: // 'l', 'q': any 64-bit value
        break;
    }
    out->i = x;
    return 0;
}

// I L Q: through a C unsigned long (long long for 'Q').
static int convert_unsigned(const ArrayDescr *d, KaaObject *v, KaaItemValue *out)
{
    uint64_t bits;
    int cls = kaa_index_bits64(v, &bits);
    if (cls < 0) {
        return -1;
    }
    int q = d->typecode == 'Q';
    if (cls == KAA_INT_TOO_SMALL || (cls == KAA_INT64 && (int64_t)bits < 0)) {
        return overflow(q ? "can't convert negative int to unsigned"
                          : "can't convert negative value to unsigned int");
    }
    if (cls == KAA_INT_TOO_BIG) {
        return overflow(q ? "int too big to convert"
                          : "Python int too large to convert to C unsigned long");
    }
    if (d->typecode == 'I' && bits > UINT_MAX) {
        return overflow("unsigned int is greater than maximum");
    }
    out->u = bits;
    return 0;
}

static int convert_float(const ArrayDescr *d, KaaObject *v, KaaItemValue *out)
{
    (void)d;
    out->d = KaaFloat_AsDouble(v);
    return out->d == -1.0 && KaaErr_Occurred() ? -1 : 0;
}

// 'u': a str of one code point, stored as a wchar_t.
static int convert_unicode(const ArrayDescr *d, KaaObject *v, KaaItemValue *out)
{
    (void)d;
    if (!KaaStr_Check(v) || KaaStr_LEN(v) != 1) {
        KaaErr_SetString(KaaExc(TypeError), "array item must be unicode character");
        return -1;
    }
    const unsigned char *s = (const unsigned char *)KaaStr_DATA(v);
    uint32_t cp = s[0];
    int extra = cp < 0x80 ? 0 : cp < 0xe0 ? 1 : cp < 0xf0 ? 2 : 3;
    cp &= extra == 0 ? 0x7f : extra == 1 ? 0x1f : extra == 2 ? 0x0f : 0x07;
    for (int k = 1; k <= extra; k++) {
        cp = (cp << 6) | (s[k] & 0x3f);
    }
    out->u = cp;
    return 0;
}

static const ArrayDescr descrs[] = {
    {'b', 1, "b", convert_signed},
    {'B', 1, "B", convert_signed}, // via a C long, as CPython's "b" converter
    {'u', sizeof(wchar_t), "w", convert_unicode},
    {'h', sizeof(short), "h", convert_signed},
    {'H', sizeof(short), "H", convert_signed},
    {'i', sizeof(int), "i", convert_signed},
    {'I', sizeof(int), "I", convert_unsigned},
    {'l', sizeof(long), "l", convert_signed},
    {'L', sizeof(long), "L", convert_unsigned},
    {'q', sizeof(long long), "q", convert_signed},
    {'Q', sizeof(long long), "Q", convert_unsigned},
    {'f', sizeof(float), "f", convert_float},
    {'d', sizeof(double), "d", convert_float},
};

static int convert_item(const ArrayDescr *d, KaaObject *v, KaaItemValue *out)
{
    return d->convert(d, v, out);
}

static void store(ArrayObject *a, Kaa_ssize_t i, KaaItemValue v)
{
    char *p = a->data + i * ITEMSIZE(a);
    if (a->descr->typecode == 'u') {
        wchar_t w = (wchar_t)v.u;
        memcpy(p, &w, sizeof w);
    } else {
        kaa_buffer_store_item(a->descr->typecode, p, v);
    }
}

static KaaObject *get_item(ArrayObject *a, Kaa_ssize_t i)
{
    const char *p = a->data + i * ITEMSIZE(a);
    if (a->descr->typecode == 'u') {
        wchar_t w;
        memcpy(&w, p, sizeof w);
        return KaaStr_FromCodepoint((uint32_t)w);
    }
    return kaa_buffer_unpack_item(a->descr->typecode, p);
}

// --- Storage -------------------------------------------------------------------------

static int resize(ArrayObject *a, Kaa_ssize_t n)
{
    if (a->exports > 0 && n != Kaa_SIZE(a)) {
        KaaErr_SetString(KaaExc(BufferError), "cannot resize an array that is exporting buffers");
        return -1;
    }
    if (n > a->allocated || n < a->allocated / 2) {
        if (n > KAA_SSIZE_MAX / ITEMSIZE(a) - 16) {
            KaaErr_NoMemory();
            return -1;
        }
        Kaa_ssize_t want = n == 0 ? 0 : n + (n >> 4) + (n < 8 ? 3 : 7);
        char *d = want ? kaa_mem_realloc(a->data, (size_t)(want * ITEMSIZE(a))) : NULL;
        if (want && d == NULL) {
            KaaErr_NoMemory();
            return -1;
        }
        if (want == 0) {
            kaa_mem_free(a->data);
        }
        a->data = d;
        a->allocated = want;
    }
    Kaa_SIZE(a) = n;
    return 0;
}

// A new empty array of the given type and descriptor.
static ArrayObject *new_array(KaaTypeObject *type, const ArrayDescr *d, Kaa_ssize_t n)
{
    ArrayObject *a = (ArrayObject *)KaaType_GenericAlloc(type, 0);
    if (a == NULL) {
        return NULL;
    }
    a->descr = d;
    if (n > 0 && resize(a, n) < 0) {
        Kaa_DECREF(a);
        return NULL;
    }
    return a;
}

// Replace items [lo, hi) with m items from p (p may point into a: copied first).
static int replace(ArrayObject *a, Kaa_ssize_t lo, Kaa_ssize_t hi, const char *p, Kaa_ssize_t m)
{
    Kaa_ssize_t isz = ITEMSIZE(a), n = Kaa_SIZE(a), tail = n - hi;
    char *copy = NULL;
    if (m > 0) {
        copy = kaa_mem_alloc((size_t)(m * isz));
        if (copy == NULL) {
            KaaErr_NoMemory();
            return -1;
        }
        memcpy(copy, p, (size_t)(m * isz));
    }
    Kaa_ssize_t newn = n - (hi - lo) + m;
    if (newn != n && a->exports > 0) {
        kaa_mem_free(copy);
        return resize(a, newn); // raises BufferError
    }
    if (newn > n && resize(a, newn) < 0) {
        kaa_mem_free(copy);
        return -1;
    }
    if (tail > 0) {
        memmove(a->data + (lo + m) * isz, a->data + hi * isz, (size_t)(tail * isz));
    }
    if (newn < n && resize(a, newn) < 0) {
        kaa_mem_free(copy);
        return -1;
    }
    if (m > 0) {
        memcpy(a->data + lo * isz, copy, (size_t)(m * isz));
    }
    kaa_mem_free(copy);
    return 0;
}

// Append converted value v. 0 or -1.
static int append_value(ArrayObject *a, KaaObject *v)
{
    KaaItemValue x;
    if (convert_item(a->descr, v, &x) < 0) {
        return -1;
    }
    Kaa_ssize_t n = Kaa_SIZE(a);
    if (resize(a, n + 1) < 0) {
        return -1;
    }
    store(a, n, x);
    return 0;
}

// Append every item of an iterable. 0 or -1 (items appended so far stay).
static int extend_iter(ArrayObject *a, KaaObject *iterable)
{
    KaaObject *it = KaaObject_GetIter(iterable);
    if (it == NULL) {
        return -1;
    }
    KaaObject *v;
    while ((v = KaaIter_Next(it)) != NULL) {
        int r = append_value(a, v);
        Kaa_DECREF(v);
        if (r < 0) {
            Kaa_DECREF(it);
            return -1;
        }
    }
    Kaa_DECREF(it);
    return KaaErr_Occurred() ? -1 : 0;
}

static int extend_bytes(ArrayObject *a, const char *p, Kaa_ssize_t n)
{
    if (n % ITEMSIZE(a) != 0) {
        KaaErr_SetString(KaaExc(ValueError), "bytes length not a multiple of item size");
        return -1;
    }
    return replace(a, Kaa_SIZE(a), Kaa_SIZE(a), p, n / ITEMSIZE(a));
}

// Append the code points of str s ('u' arrays).
static int extend_unicode(ArrayObject *a, KaaObject *s)
{
    Kaa_ssize_t n = KaaStr_LEN(s), old = Kaa_SIZE(a);
    if (resize(a, old + n) < 0) {
        return -1;
    }
    const unsigned char *p = (const unsigned char *)KaaStr_DATA(s);
    for (Kaa_ssize_t i = 0; i < n; i++) {
        uint32_t cp = *p++;
        int extra = cp < 0x80 ? 0 : cp < 0xe0 ? 1 : cp < 0xf0 ? 2 : 3;
        cp &= extra == 0 ? 0x7f : extra == 1 ? 0x1f : extra == 2 ? 0x0f : 0x07;
        for (int k = 0; k < extra; k++) {
            cp = (cp << 6) | (*p++ & 0x3f);
        }
        store(a, old + i, (KaaItemValue){.u = cp});
    }
    return 0;
}

// Append the items of a list or tuple; on failure the array is unchanged.
static int extend_seq(ArrayObject *a, KaaObject *seq)
{
    Kaa_ssize_t old = Kaa_SIZE(a);
    Kaa_ssize_t n = KaaList_Check(seq) ? KaaList_GET_SIZE(seq) : KaaTuple_GET_SIZE(seq);
    for (Kaa_ssize_t i = 0; i < n; i++) {
        // Re-read the size each time: a conversion may run code that changes seq.
        if (i >= (KaaList_Check(seq) ? KaaList_GET_SIZE(seq) : KaaTuple_GET_SIZE(seq))) {
            break;
        }
        KaaObject *v = KaaList_Check(seq) ? KaaList_GET_ITEM(seq, i) : KaaTuple_GET_ITEM(seq, i);
        Kaa_INCREF(v);
        int r = append_value(a, v);
        Kaa_DECREF(v);
        if (r < 0) {
            if (Kaa_SIZE(a) > old) {
                KaaObject *exc = KaaErr_GetRaisedException();
                resize(a, old);
                KaaErr_SetRaisedException(exc);
            }
            return -1;
        }
    }
    return 0;
}

// --- Construction --------------------------------------------------------------------

static const ArrayDescr *find_descr(int c)
{
    for (size_t i = 0; i < sizeof descrs / sizeof descrs[0]; i++) {
        if (descrs[i].typecode == c) {
            return &descrs[i];
        }
    }
    return NULL;
}

static KaaObject *array_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    if (type == &Array_Type && kwnames && KaaTuple_GET_SIZE(kwnames) > 0) {
        return KaaErr_Format(KaaExc(TypeError), "array.array() takes no keyword arguments");
    }
    if (nargs < 1 || nargs > 2) {
        return KaaErr_Format(KaaExc(TypeError), "array() takes at %s %d argument%s (%zu given)",
                             nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s",
                             nargs);
    }
    KaaObject *tc = args[0], *init = nargs > 1 ? args[1] : NULL;
    if (!KaaStr_Check(tc) || KaaStr_LEN(tc) != 1) {
        return KaaErr_Format(KaaExc(TypeError),
                             "array() argument 1 must be a unicode character, not %s",
                             Kaa_TYPE(tc)->tp_name);
    }
    const ArrayDescr *d = find_descr((unsigned char)KaaStr_DATA(tc)[0]);
    if (d == NULL) {
        return KaaErr_Format(KaaExc(ValueError), "bad typecode (must be b, B, u, h, H, i, I, l, L, "
                                                 "q, Q, f or d)");
    }
    if (init != NULL && KaaStr_Check(init) && d->typecode != 'u') {
        return KaaErr_Format(KaaExc(TypeError),
                             "cannot use a str to initialize an array with typecode '%c'",
                             d->typecode);
    }
    if (init != NULL && array_Check(init) && ARR(init)->descr->typecode == 'u' &&
        d->typecode != 'u') {
        return KaaErr_Format(KaaExc(TypeError),
                             "cannot use a unicode array to initialize an array with typecode "
                             "'%c'",
                             d->typecode);
    }
    ArrayObject *a = new_array(type, d, 0);
    if (a == NULL) {
        return NULL;
    }
    int r = 0;
    const char *p;
    Kaa_ssize_t n;
    if (init == NULL) {
        r = 0;
    } else if (KaaList_Check(init) || KaaTuple_Check(init)) {
        r = extend_seq(a, init);
    } else if (KaaBytes_Check(init) || KaaByteArray_Check(init)) {
        kaa_bytes_view(init, &p, &n);
        r = extend_bytes(a, p, n);
    } else if (KaaStr_Check(init)) {
        r = extend_unicode(a, init);
    } else if (array_Check(init) && ARR(init)->descr == d) {
        r = replace(a, 0, 0, ARR(init)->data, Kaa_SIZE(init));
    } else {
        r = extend_iter(a, init);
    }
    if (r < 0) {
        Kaa_DECREF(a);
        return NULL;
    }
    return (KaaObject *)a;
}

static void array_dealloc(KaaObject *o)
{
    kaa_mem_free(ARR(o)->data);
    kaa_container_free(o);
}

// --- Sequence slots ------------------------------------------------------------------

static Kaa_ssize_t array_length(KaaObject *o)
{
    return Kaa_SIZE(o);
}

static KaaObject *array_item(KaaObject *o, Kaa_ssize_t i)
{
    if (i < 0 || i >= Kaa_SIZE(o)) {
        KaaErr_SetString(KaaExc(IndexError), "array index out of range");
        return NULL;
    }
    return get_item(ARR(o), i);
}

static int is_index(KaaObject *o)
{
    KaaNumberMethods *nb = Kaa_TYPE(o)->tp_as_number;
    return nb != NULL && nb->nb_index != NULL;
}

static KaaObject *array_subscript(KaaObject *o, KaaObject *key)
{
    ArrayObject *a = ARR(o);
    if (is_index(key)) {
        Kaa_ssize_t i = KaaNumber_AsSsize_t(key, KaaExc(IndexError));
        if (i == -1 && KaaErr_Occurred()) {
            return NULL;
        }
        return array_item(o, i < 0 ? i + Kaa_SIZE(a) : i);
    }
    if (!KaaSlice_Check(key)) {
        return KaaErr_Format(KaaExc(TypeError), "array indices must be integers");
    }
    Kaa_ssize_t start, stop, step;
    if (KaaSlice_Unpack(key, &start, &stop, &step) < 0) {
        return NULL;
    }
    Kaa_ssize_t len = KaaSlice_AdjustIndices(Kaa_SIZE(a), &start, &stop, step);
    ArrayObject *r = new_array(&Array_Type, a->descr, len < 0 ? 0 : len);
    for (Kaa_ssize_t i = 0; r != NULL && i < len; i++) {
        memcpy(r->data + i * ITEMSIZE(a), a->data + (start + i * step) * ITEMSIZE(a),
               (size_t)ITEMSIZE(a));
    }
    return (KaaObject *)r;
}

// Delete the extended slice start, start+step, ... (len items).
static int delete_extended(ArrayObject *a, Kaa_ssize_t start, Kaa_ssize_t step, Kaa_ssize_t len)
{
    if (len <= 0) {
        return 0;
    }
    if (a->exports > 0) {
        return resize(a, Kaa_SIZE(a) - len); // raises BufferError
    }
    if (step < 0) {
        start += step * (len - 1);
        step = -step;
    }
    Kaa_ssize_t n = Kaa_SIZE(a), w = 0, isz = ITEMSIZE(a);
    for (Kaa_ssize_t i = 0; i < n; i++) {
        if (i >= start && (i - start) % step == 0 && (i - start) / step < len) {
            continue;
        }
        memmove(a->data + w * isz, a->data + i * isz, (size_t)isz);
        w++;
    }
    return resize(a, w);
}

static int assign_slice(ArrayObject *a, KaaObject *key, KaaObject *value)
{
    Kaa_ssize_t start, stop, step;
    if (KaaSlice_Unpack(key, &start, &stop, &step) < 0) {
        return -1;
    }
    if (value != NULL && !array_Check(value)) {
        KaaErr_Format(KaaExc(TypeError), "can only assign array (not \"%.200s\") to array slice",
                      Kaa_TYPE(value)->tp_name);
        return -1;
    }
    if (value != NULL && ARR(value)->descr != a->descr) {
        KaaErr_SetString(KaaExc(TypeError), "bad argument type for built-in operation");
        return -1;
    }
    Kaa_ssize_t len = KaaSlice_AdjustIndices(Kaa_SIZE(a), &start, &stop, step);
    Kaa_ssize_t m = value ? Kaa_SIZE(value) : 0;
    if (step == 1) {
        return replace(a, start, stop < start ? start : stop, value ? ARR(value)->data : NULL, m);
    }
    if (value == NULL) {
        return delete_extended(a, start, step, len);
    }
    if (m != len) {
        KaaErr_Format(KaaExc(ValueError),
                      "attempt to assign array of size %zd to extended slice of size %zd", m, len);
        return -1;
    }
    char *copy = kaa_mem_alloc((size_t)(m * ITEMSIZE(a)) + 1); // value may be a
    if (copy == NULL) {
        KaaErr_NoMemory();
        return -1;
    }
    memcpy(copy, ARR(value)->data, (size_t)(m * ITEMSIZE(a)));
    for (Kaa_ssize_t i = 0; i < len; i++) {
        memcpy(a->data + (start + i * step) * ITEMSIZE(a), copy + i * ITEMSIZE(a),
               (size_t)ITEMSIZE(a));
    }
    kaa_mem_free(copy);
    return 0;
}

static int array_ass_subscript(KaaObject *o, KaaObject *key, KaaObject *value)
{
    ArrayObject *a = ARR(o);
    if (KaaSlice_Check(key)) {
        return assign_slice(a, key, value);
    }
    if (!is_index(key)) {
        KaaErr_SetString(KaaExc(TypeError), "array indices must be integers");
        return -1;
    }
    Kaa_ssize_t i = KaaNumber_AsSsize_t(key, KaaExc(IndexError));
    if (i == -1 && KaaErr_Occurred()) {
        return -1;
    }
    if (i < 0) {
        i += Kaa_SIZE(a);
    }
    if (i < 0 || i >= Kaa_SIZE(a)) {
        KaaErr_SetString(KaaExc(IndexError), "array assignment index out of range");
        return -1;
    }
    if (value == NULL) {
        return replace(a, i, i + 1, NULL, 0);
    }
    KaaItemValue x;
    if (convert_item(a->descr, value, &x) < 0) {
        return -1;
    }
    if (i >= Kaa_SIZE(a)) { // the conversion ran code that shrank the array
        KaaErr_SetString(KaaExc(IndexError), "array assignment index out of range");
        return -1;
    }
    store(a, i, x);
    return 0;
}

static KaaObject *array_concat(KaaObject *o, KaaObject *other)
{
    if (!array_Check(other)) {
        return KaaErr_Format(KaaExc(TypeError), "can only append array (not \"%.200s\") to array",
                             Kaa_TYPE(other)->tp_name);
    }
    if (ARR(other)->descr != ARR(o)->descr) {
        return KaaErr_BadArgument();
    }
    Kaa_ssize_t n = Kaa_SIZE(o), m = Kaa_SIZE(other), isz = ITEMSIZE(ARR(o));
    ArrayObject *r = new_array(&Array_Type, ARR(o)->descr, n + m);
    if (r != NULL && n + m > 0) {
        memcpy(r->data, ARR(o)->data, (size_t)(n * isz));
        memcpy(r->data + n * isz, ARR(other)->data, (size_t)(m * isz));
    }
    return (KaaObject *)r;
}

static KaaObject *array_repeat(KaaObject *o, Kaa_ssize_t k)
{
    Kaa_ssize_t n = Kaa_SIZE(o), isz = ITEMSIZE(ARR(o));
    if (k < 0) {
        k = 0;
    }
    if (n && k > KAA_SSIZE_MAX / isz / n) {
        return KaaErr_NoMemory();
    }
    ArrayObject *r = new_array(&Array_Type, ARR(o)->descr, n * k);
    for (Kaa_ssize_t i = 0; r != NULL && i < k; i++) {
        memcpy(r->data + i * n * isz, ARR(o)->data, (size_t)(n * isz));
    }
    return (KaaObject *)r;
}

// a.extend(b) and a += b for an array b.
static int extend_array(ArrayObject *a, KaaObject *b)
{
    if (ARR(b)->descr != a->descr) {
        KaaErr_SetString(KaaExc(TypeError), "can only extend with array of same kind");
        return -1;
    }
    return replace(a, Kaa_SIZE(a), Kaa_SIZE(a), ARR(b)->data, Kaa_SIZE(b));
}

static KaaObject *array_inplace_concat(KaaObject *o, KaaObject *other)
{
    if (!array_Check(other)) {
        return KaaErr_Format(KaaExc(TypeError), "can only extend array with array (not \"%.200s\")",
                             Kaa_TYPE(other)->tp_name);
    }
    return extend_array(ARR(o), other) < 0 ? NULL : Kaa_NewRef(o);
}

static KaaObject *array_inplace_repeat(KaaObject *o, Kaa_ssize_t k)
{
    ArrayObject *a = ARR(o);
    Kaa_ssize_t n = Kaa_SIZE(a), isz = ITEMSIZE(a);
    if (k < 0) {
        k = 0;
    }
    if (n && k > KAA_SSIZE_MAX / isz / n) {
        return KaaErr_NoMemory();
    }
    if (resize(a, n * k) < 0) {
        return NULL;
    }
    for (Kaa_ssize_t i = 1; i < k; i++) {
        memcpy(a->data + i * n * isz, a->data, (size_t)(n * isz));
    }
    return Kaa_NewRef(o);
}

static int array_contains(KaaObject *o, KaaObject *v)
{
    for (Kaa_ssize_t i = 0; i < Kaa_SIZE(o); i++) {
        KaaObject *item = get_item(ARR(o), i);
        int eq = item ? KaaObject_RichCompareBool(item, v, Kaa_EQ) : -1;
        Kaa_XDECREF(item);
        if (eq != 0) {
            return eq;
        }
    }
    return 0;
}

// Lexicographic comparison by item values, as CPython's array_richcompare.
static KaaObject *array_richcompare(KaaObject *v, KaaObject *w, int op)
{
    if (!array_Check(v) || !array_Check(w)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    Kaa_ssize_t nv = Kaa_SIZE(v), nw = Kaa_SIZE(w);
    if (nv != nw && (op == Kaa_EQ || op == Kaa_NE)) {
        return KaaBool_FromLong(op == Kaa_NE);
    }
    for (Kaa_ssize_t i = 0; i < Kaa_SIZE(v) && i < Kaa_SIZE(w); i++) {
        KaaObject *x = get_item(ARR(v), i);
        KaaObject *y = x ? get_item(ARR(w), i) : NULL;
        int eq = y ? KaaObject_RichCompareBool(x, y, Kaa_EQ) : -1;
        if (eq == 0) {
            KaaObject *r = op == Kaa_EQ   ? KaaBool_FromLong(0)
                           : op == Kaa_NE ? KaaBool_FromLong(1)
                                          : KaaObject_RichCompare(x, y, op);
            Kaa_DECREF(x);
            Kaa_DECREF(y);
            return r;
        }
        Kaa_XDECREF(x);
        Kaa_XDECREF(y);
        if (eq < 0) {
            return NULL;
        }
    }
    return kaa_compare_sizes(Kaa_SIZE(v), Kaa_SIZE(w), op);
}

static KaaObject *array_tolist(KaaObject *self, KaaObject *unused);
static KaaObject *array_tounicode(KaaObject *self, KaaObject *unused);

// array('i', [1, 2]) with the class's own name (not "array.array").
static KaaObject *array_repr(KaaObject *o)
{
    const char *name = Kaa_TYPE(o)->tp_name;
    const char *dot = strrchr(name, '.');
    name = dot ? dot + 1 : name;
    char tc = ARR(o)->descr->typecode;
    if (Kaa_SIZE(o) == 0) {
        return KaaStr_FromFormat("%s('%c')", name, tc);
    }
    KaaObject *body = tc == 'u' ? array_tounicode(o, NULL) : array_tolist(o, NULL);
    if (body == NULL) {
        return NULL;
    }
    KaaObject *r = KaaStr_FromFormat("%s('%c', %R)", name, tc, body);
    Kaa_DECREF(body);
    return r;
}

// --- Methods -------------------------------------------------------------------------

static KaaObject *array_append(KaaObject *self, KaaObject *v)
{
    if (append_value(ARR(self), v) < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *array_extend(KaaObject *self, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    if (kaa_container_no_kwargs("array.extend", kwnames) < 0) {
        return NULL;
    }
    if (nargs != 1) {
        return KaaErr_Format(KaaExc(TypeError),
                             "extend() takes exactly 1 positional argument (%zu given)", nargs);
    }
    int r =
        array_Check(args[0]) ? extend_array(ARR(self), args[0]) : extend_iter(ARR(self), args[0]);
    if (r < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *array_insert(KaaObject *self, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    if (kaa_container_no_kwargs("array.insert", kwnames) < 0 ||
        kaa_container_check_nargs("insert", nargs, 2, 2) < 0) {
        return NULL;
    }
    Kaa_ssize_t i = KaaNumber_AsSsize_t(args[0], KaaExc(OverflowError));
    if (i == -1 && KaaErr_Occurred()) {
        return NULL;
    }
    ArrayObject *a = ARR(self);
    KaaItemValue x;
    if (convert_item(a->descr, args[1], &x) < 0) {
        return NULL;
    }
    Kaa_ssize_t n = Kaa_SIZE(a);
    if (i < 0) {
        i = i + n < 0 ? 0 : i + n;
    }
    if (i > n) {
        i = n;
    }
    if (resize(a, n + 1) < 0) {
        return NULL;
    }
    memmove(a->data + (i + 1) * ITEMSIZE(a), a->data + i * ITEMSIZE(a),
            (size_t)((n - i) * ITEMSIZE(a)));
    store(a, i, x);
    Kaa_RETURN_NONE;
}

static KaaObject *array_pop(KaaObject *self, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    Kaa_ssize_t i;
    if (kaa_pop_index(self, "array", args, nargs, kwnames, &i) < 0) {
        return NULL;
    }
    KaaObject *v = get_item(ARR(self), i);
    if (v != NULL && replace(ARR(self), i, i + 1, NULL, 0) < 0) {
        Kaa_CLEAR(v);
    }
    return v;
}

// The index of the first item equal to v in [start, stop), -1 when none, -2 on error.
static Kaa_ssize_t find(ArrayObject *a, KaaObject *v, Kaa_ssize_t start, Kaa_ssize_t stop)
{
    for (Kaa_ssize_t i = start; i < stop && i < Kaa_SIZE(a); i++) {
        KaaObject *item = get_item(a, i);
        int eq = item ? KaaObject_RichCompareBool(item, v, Kaa_EQ) : -1;
        Kaa_XDECREF(item);
        if (eq != 0) {
            return eq < 0 ? -2 : i;
        }
    }
    return -1;
}

static KaaObject *array_remove(KaaObject *self, KaaObject *v)
{
    Kaa_ssize_t i = find(ARR(self), v, 0, Kaa_SIZE(self));
    if (i == -2) {
        return NULL;
    }
    if (i == -1) {
        return KaaErr_Format(KaaExc(ValueError), "array.remove(x): x not in array");
    }
    if (replace(ARR(self), i, i + 1, NULL, 0) < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *array_index(KaaObject *self, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    Kaa_ssize_t start, stop;
    if (kaa_container_no_kwargs("array.index", kwnames) < 0 ||
        kaa_container_check_nargs("index", nargs, 1, 3) < 0 ||
        kaa_container_index_bounds(args, nargs, Kaa_SIZE(self), &start, &stop) < 0) {
        return NULL;
    }
    Kaa_ssize_t i = find(ARR(self), args[0], start, stop);
    if (i == -2) {
        return NULL;
    }
    if (i == -1) {
        return KaaErr_Format(KaaExc(ValueError), "array.index(x): x not in array");
    }
    return KaaInt_FromSsize_t(i);
}

static KaaObject *array_count(KaaObject *self, KaaObject *v)
{
    Kaa_ssize_t count = 0;
    for (Kaa_ssize_t i = 0; i < Kaa_SIZE(self); i++) {
        KaaObject *item = get_item(ARR(self), i);
        int eq = item ? KaaObject_RichCompareBool(item, v, Kaa_EQ) : -1;
        Kaa_XDECREF(item);
        if (eq < 0) {
            return NULL;
        }
        count += eq;
    }
    return KaaInt_FromSsize_t(count);
}

static KaaObject *array_reverse(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    ArrayObject *a = ARR(self);
    Kaa_ssize_t isz = ITEMSIZE(a);
    char tmp[16];
    for (Kaa_ssize_t i = 0, j = Kaa_SIZE(a) - 1; i < j; i++, j--) {
        memcpy(tmp, a->data + i * isz, (size_t)isz);
        memcpy(a->data + i * isz, a->data + j * isz, (size_t)isz);
        memcpy(a->data + j * isz, tmp, (size_t)isz);
    }
    Kaa_RETURN_NONE;
}

static KaaObject *array_tolist(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    KaaObject *list = KaaList_New(Kaa_SIZE(self));
    for (Kaa_ssize_t i = 0; list != NULL && i < Kaa_SIZE(self); i++) {
        KaaObject *v = get_item(ARR(self), i);
        if (v == NULL) {
            Kaa_CLEAR(list);
            break;
        }
        KaaList_SET_ITEM(list, i, v);
    }
    return list;
}

static KaaObject *array_tobytes(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    return KaaBytes_FromStringAndSize(ARR(self)->data, Kaa_SIZE(self) * ITEMSIZE(ARR(self)));
}

static KaaObject *array_frombytes(KaaObject *self, KaaObject *arg)
{
    KaaBuffer view;
    if (KaaObject_GetBuffer(arg, &view, 0) < 0) {
        return NULL;
    }
    int r;
    if (view.itemsize != 1) {
        KaaErr_SetString(KaaExc(TypeError), "a bytes-like object is required");
        r = -1;
    } else {
        r = extend_bytes(ARR(self), view.buf, view.len);
    }
    KaaBuffer_Release(&view);
    if (r < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

// fromfile(f, n): n items from f.read().
static KaaObject *array_fromfile(KaaObject *self, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames)
{
    if (kaa_container_no_kwargs("array.fromfile", kwnames) < 0 ||
        kaa_container_check_nargs("fromfile", nargs, 2, 2) < 0) {
        return NULL;
    }
    Kaa_ssize_t n = KaaNumber_AsSsize_t(args[1], KaaExc(OverflowError));
    if (n == -1 && KaaErr_Occurred()) {
        return NULL;
    }
    if (n < 0) {
        return KaaErr_Format(KaaExc(ValueError), "negative count");
    }
    if (n > KAA_SSIZE_MAX / ITEMSIZE(ARR(self))) {
        return KaaErr_NoMemory();
    }
    Kaa_ssize_t nbytes = n * ITEMSIZE(ARR(self));
    KaaObject *count = KaaInt_FromSsize_t(nbytes);
    if (count == NULL) {
        return NULL;
    }
    KaaObject *b = KaaObject_CallMethod(args[0], "read", &count, 1);
    Kaa_DECREF(count);
    if (b == NULL) {
        return NULL;
    }
    if (!KaaBytes_Check(b)) {
        Kaa_DECREF(b);
        return KaaErr_Format(KaaExc(TypeError), "read() didn't return bytes");
    }
    int short_read = Kaa_SIZE(b) != nbytes;
    int r = extend_bytes(ARR(self), KaaBytes_AS_STRING(b), Kaa_SIZE(b));
    Kaa_DECREF(b);
    if (r < 0) {
        return NULL;
    }
    if (short_read) {
        return KaaErr_Format(KaaExc(EOFError), "read() didn't return enough bytes");
    }
    Kaa_RETURN_NONE;
}

// tofile(f): f.write() of the items' bytes, in blocks of 64 KiB as CPython.
static KaaObject *array_tofile(KaaObject *self, KaaObject *f)
{
    Kaa_ssize_t nbytes = Kaa_SIZE(self) * ITEMSIZE(ARR(self)), block = 64 * 1024;
    for (Kaa_ssize_t at = 0; at < nbytes; at += block) {
        Kaa_ssize_t len = nbytes - at < block ? nbytes - at : block;
        KaaObject *b = KaaBytes_FromStringAndSize(ARR(self)->data + at, len);
        if (b == NULL) {
            return NULL;
        }
        KaaObject *r = KaaObject_CallMethod(f, "write", &b, 1);
        Kaa_DECREF(b);
        if (r == NULL) {
            return NULL;
        }
        Kaa_DECREF(r);
    }
    Kaa_RETURN_NONE;
}

static KaaObject *array_fromlist(KaaObject *self, KaaObject *list)
{
    if (!KaaList_Check(list)) {
        return KaaErr_Format(KaaExc(TypeError), "arg must be list");
    }
    if (extend_seq(ARR(self), list) < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *array_fromunicode(KaaObject *self, KaaObject *s)
{
    if (!KaaStr_Check(s)) {
        return KaaErr_Format(KaaExc(TypeError), "fromunicode() argument must be str, not %s",
                             Kaa_TYPE(s)->tp_name);
    }
    if (ARR(self)->descr->typecode != 'u') {
        return KaaErr_Format(KaaExc(ValueError),
                             "fromunicode() may only be called on unicode type arrays");
    }
    if (extend_unicode(ARR(self), s) < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *array_tounicode(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    if (ARR(self)->descr->typecode != 'u') {
        return KaaErr_Format(KaaExc(ValueError),
                             "tounicode() may only be called on unicode type arrays");
    }
    KaaObject *parts = KaaList_New(0);
    for (Kaa_ssize_t i = 0; parts != NULL && i < Kaa_SIZE(self); i++) {
        KaaObject *c = get_item(ARR(self), i);
        if (c == NULL || KaaList_Append(parts, c) < 0) {
            Kaa_XDECREF(c);
            Kaa_CLEAR(parts);
            break;
        }
        Kaa_DECREF(c);
    }
    if (parts == NULL) {
        return NULL;
    }
    KaaObject *empty = KaaStr_FromString("");
    KaaObject *r = empty ? KaaStr_Join(empty, parts) : NULL;
    Kaa_XDECREF(empty);
    Kaa_DECREF(parts);
    return r;
}

static KaaObject *array_buffer_info(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    KaaObject *addr = KaaInt_FromSsize_t((Kaa_ssize_t)(uintptr_t)ARR(self)->data);
    KaaObject *len = KaaInt_FromSsize_t(Kaa_SIZE(self));
    KaaObject *r = addr && len ? KaaTuple_Pack(2, addr, len) : NULL;
    Kaa_XDECREF(addr);
    Kaa_XDECREF(len);
    return r;
}

static KaaObject *array_byteswap(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    ArrayObject *a = ARR(self);
    Kaa_ssize_t isz = ITEMSIZE(a);
    if (isz != 1 && isz != 2 && isz != 4 && isz != 8) {
        return KaaErr_Format(KaaExc(RuntimeError), "don't know how to byteswap this array type");
    }
    for (Kaa_ssize_t i = 0; i < Kaa_SIZE(a); i++) {
        char *p = a->data + i * isz;
        for (Kaa_ssize_t k = 0; k < isz / 2; k++) {
            char t = p[k];
            p[k] = p[isz - 1 - k];
            p[isz - 1 - k] = t;
        }
    }
    Kaa_RETURN_NONE;
}

static KaaObject *array_copy(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    ArrayObject *r = new_array(&Array_Type, ARR(self)->descr, Kaa_SIZE(self));
    if (r != NULL && Kaa_SIZE(self) > 0) {
        memcpy(r->data, ARR(self)->data, (size_t)(Kaa_SIZE(self) * ITEMSIZE(r)));
    }
    return (KaaObject *)r;
}

static KaaObject *array_deepcopy(KaaObject *self, KaaObject *memo)
{
    (void)memo;
    return array_copy(self, NULL);
}

// (type(self), (typecode, items), __dict__ or None): enough for copy and pickle
// by value (CPython uses array._array_reconstructor for protocol 3+).
static KaaObject *array_reduce_ex(KaaObject *self, KaaObject *protocol)
{
    (void)protocol;
    KaaObject *items =
        ARR(self)->descr->typecode == 'u' ? array_tounicode(self, NULL) : array_tolist(self, NULL);
    KaaObject *tc = KaaStr_FromFormat("%c", ARR(self)->descr->typecode);
    KaaObject *dict = NULL;
    if (items == NULL || tc == NULL || KaaObject_LookupAttr(self, kaa_id.__dict__, &dict) < 0) {
        Kaa_XDECREF(items);
        Kaa_XDECREF(tc);
        return NULL;
    }
    KaaObject *args = KaaTuple_Pack(2, tc, items);
    KaaObject *r =
        args ? KaaTuple_Pack(3, (KaaObject *)Kaa_TYPE(self), args, dict ? dict : Kaa_None) : NULL;
    Kaa_XDECREF(args);
    Kaa_XDECREF(dict);
    Kaa_DECREF(items);
    Kaa_DECREF(tc);
    return r;
}

static KaaObject *array_get_typecode(KaaObject *o, void *closure)
{
    (void)closure;
    return KaaStr_FromFormat("%c", ARR(o)->descr->typecode);
}

static KaaObject *array_get_itemsize(KaaObject *o, void *closure)
{
    (void)closure;
    return KaaInt_FromSsize_t(ITEMSIZE(ARR(o)));
}

// --- Buffer export -------------------------------------------------------------------

static int array_getbuffer(KaaObject *o, KaaBuffer *view, int writable)
{
    (void)writable;
    ArrayObject *a = ARR(o);
    static char empty[8];
    view->buf = a->data ? a->data : empty;
    view->len = Kaa_SIZE(a) * ITEMSIZE(a);
    view->readonly = 0;
    view->itemsize = ITEMSIZE(a);
    view->format = a->descr->format;
    a->exports++;
    return 0;
}

static void array_releasebuffer(KaaObject *o, KaaBuffer *view)
{
    (void)view;
    ARR(o)->exports--;
}

static const KaaBufferProcs array_buffer_procs = {array_getbuffer, array_releasebuffer};

// --- Iteration -----------------------------------------------------------------------

typedef struct ArrayIterObject {
    KaaObject_HEAD KaaObject *array; // NULL when exhausted
    Kaa_ssize_t index;
} ArrayIterObject;

static KaaObject *array_iter(KaaObject *o)
{
    ArrayIterObject *it = (ArrayIterObject *)KaaType_GenericAlloc(&ArrayIter_Type, 0);
    if (it == NULL) {
        return NULL;
    }
    it->array = Kaa_NewRef(o);
    KAA_GC_TRACK(it);
    return (KaaObject *)it;
}

static KaaObject *arrayiter_next(KaaObject *o)
{
    ArrayIterObject *it = (ArrayIterObject *)o;
    if (it->array == NULL) {
        return NULL;
    }
    if (it->index < Kaa_SIZE(it->array)) {
        return get_item(ARR(it->array), it->index++);
    }
    Kaa_CLEAR(it->array);
    return NULL;
}

static void arrayiter_dealloc(KaaObject *o)
{
    kaa_gc_untrack_if_tracked(o);
    Kaa_XDECREF(((ArrayIterObject *)o)->array);
    kaa_object_free(o);
}

static int arrayiter_traverse(KaaObject *o, visitproc visit, void *arg)
{
    Kaa_VISIT(((ArrayIterObject *)o)->array);
    return 0;
}

static int arrayiter_clear(KaaObject *o)
{
    Kaa_CLEAR(((ArrayIterObject *)o)->array);
    return 0;
}

static KaaObject *arrayiter_self(KaaObject *o)
{
    return Kaa_NewRef(o);
}

static KaaTypeObject ArrayIter_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "array.arrayiterator",
    .tp_basicsize = sizeof(ArrayIterObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = arrayiter_dealloc,
    .tp_traverse = arrayiter_traverse,
    .tp_clear = arrayiter_clear,
    .tp_iter = arrayiter_self,
    .tp_iternext = arrayiter_next,
};

// --- The type and the module ---------------------------------------------------------

static KaaMethodDef array_methods[] = {
    {"append", array_append, KAA_METH_O, "Append new value v to the end of the array."},
    {"buffer_info", array_buffer_info, KAA_METH_NOARGS,
     "Return a tuple (address, length) giving the current memory address and the length in "
     "items of the buffer used to hold array's contents."},
    {"byteswap", array_byteswap, KAA_METH_NOARGS, "Byteswap all items of the array."},
    {"count", array_count, KAA_METH_O, "Return number of occurrences of v in the array."},
    {"extend", array_extend, KAA_METH_FASTCALL, "Append items to the end of the array."},
    {"frombytes", array_frombytes, KAA_METH_O,
     "Appends items from the string, interpreting it as an array of machine values."},
    {"fromfile", array_fromfile, KAA_METH_FASTCALL,
     "Read n objects from the file object f and append them to the end of the array."},
    {"fromlist", array_fromlist, KAA_METH_O, "Append items to array from list."},
    {"fromunicode", array_fromunicode, KAA_METH_O,
     "Extends this array with data from the unicode string ustr."},
    {"index", array_index, KAA_METH_FASTCALL,
     "Return index of first occurrence of v in the array."},
    {"insert", array_insert, KAA_METH_FASTCALL,
     "Insert a new item v into the array before position i."},
    {"pop", array_pop, KAA_METH_FASTCALL, "Return the i-th element and delete it from the array."},
    {"remove", array_remove, KAA_METH_O, "Remove the first occurrence of v in the array."},
    {"reverse", array_reverse, KAA_METH_NOARGS, "Reverse the order of the items in the array."},
    {"tobytes", array_tobytes, KAA_METH_NOARGS,
     "Convert the array to an array of machine values and return the bytes representation."},
    {"tofile", array_tofile, KAA_METH_O,
     "Write all items (as machine values) to the file "
     "object f."},
    {"tolist", array_tolist, KAA_METH_NOARGS,
     "Convert array to an ordinary list with the same items."},
    {"tounicode", array_tounicode, KAA_METH_NOARGS,
     "Extends this array with data from the unicode string ustr."},
    {"__copy__", array_copy, KAA_METH_NOARGS, "Return a copy of the array."},
    {"__deepcopy__", array_deepcopy, KAA_METH_O, "Return a copy of the array."},
    {"__reduce_ex__", array_reduce_ex, KAA_METH_O, "Return state information for pickling."},
    {NULL},
};

static KaaGetSetDef array_getset[] = {
    {"typecode", array_get_typecode, NULL, "the typecode character used to create the array", NULL},
    {"itemsize", array_get_itemsize, NULL, "the size, in bytes, of one array item", NULL},
    {NULL},
};

static KaaSequenceMethods array_as_sequence = {
    .sq_length = array_length,
    .sq_concat = array_concat,
    .sq_repeat = array_repeat,
    .sq_item = array_item,
    .sq_contains = array_contains,
    .sq_inplace_concat = array_inplace_concat,
    .sq_inplace_repeat = array_inplace_repeat,
};

static KaaMappingMethods array_as_mapping = {
    .mp_length = array_length,
    .mp_subscript = array_subscript,
    .mp_ass_subscript = array_ass_subscript,
};

static KaaTypeObject Array_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "array.array",
    .tp_basicsize = sizeof(ArrayObject),
    .tp_flags = KAA_TPFLAGS_BASETYPE,
    .tp_doc = "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are "
              "restricted by typecode, and\ninitialized from the optional initializer value, "
              "which must be a list,\nstring or iterable over elements of the appropriate type.",
    .tp_dealloc = array_dealloc,
    .tp_repr = array_repr,
    .tp_hash = KaaObject_HashNotImplemented,
    .tp_richcompare = array_richcompare,
    .tp_iter = array_iter,
    .tp_new = array_new,
    .tp_as_sequence = &array_as_sequence,
    .tp_as_mapping = &array_as_mapping,
    .tp_methods = array_methods,
    .tp_getset = array_getset,
};

KaaObject *kaa_init_array(void)
{
    if (KaaType_Ready(&Array_Type) < 0 || KaaType_Ready(&ArrayIter_Type) < 0 ||
        KaaBuffer_RegisterType(&Array_Type, &array_buffer_procs) < 0) {
        return NULL;
    }
    KaaObject *m = KaaModule_New("array");
    KaaObject *codes = KaaStr_FromString("bBuhHiIlLqQfd");
    if (m == NULL || codes == NULL ||
        KaaModule_AddObjectRef(m, "array", (KaaObject *)&Array_Type) < 0 ||
        KaaModule_AddObjectRef(m, "ArrayType", (KaaObject *)&Array_Type) < 0 ||
        KaaModule_AddObjectRef(m, "typecodes", codes) < 0) {
        Kaa_XDECREF(codes);
        Kaa_XDECREF(m);
        return NULL;
    }
    Kaa_DECREF(codes);
    return m;
}
