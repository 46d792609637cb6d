/* The struct module: conversion between Python values and C structs packed
 * into bytes (CPython's Modules/_struct.c).
 *
 * A format is parsed once into a Struct: a byte order mode and a list of
 * codes with their offsets. '@' (the default) is native sizes, alignment and
 * byte order; '=', '<', '>' and '!' are standard sizes without alignment.
 * Error texts follow CPython, which picks them per (mode, code): on the
 * host's own byte order the standard table borrows the native converters
 * wherever the sizes agree, so '<h' reports "short format requires ..."
 * while '>h' reports "'h' format requires ...".
 */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "vm/vm.h"

// struct.error. A strong reference kept for the life of the process: Struct
// methods have no module to find it in, and a module namespace cleared at
// exit must not leave it dangling.
static KaaObject *struct_error;

enum { MODE_NATIVE, MODE_LITTLE, MODE_BIG };

typedef struct FmtCode {
    char code;
    Kaa_ssize_t offset; // of the first item
    Kaa_ssize_t size;   // of one item; of the whole field for 's' and 'p'
    Kaa_ssize_t count;  // items (1 for 's' and 'p'; the pad bytes for 'x')
} FmtCode;

typedef struct StructObject {
    KaaObject_HEAD KaaObject *format; // str
    Kaa_ssize_t size;                 // bytes packed
    Kaa_ssize_t nitems;               // values packed or unpacked
    int mode;
    FmtCode *codes;
    Kaa_ssize_t ncodes;
} StructObject;

static KaaTypeObject Struct_Type, UnpackIter_Type;
#define ST(o) ((StructObject *)(o))

static int host_little(void)
{
    const uint16_t one = 1;
    return *(const unsigned char *)&one == 1;
}

// Raise struct.error with a KaaErr_Format message; NULL.
#define struct_errorf(...) KaaErr_Format(struct_error, __VA_ARGS__)

// --- Format parsing ------------------------------------------------------------------

// Standard size of code c ('<', '>' ...), or 0 when the code is not allowed.
static Kaa_ssize_t std_size(int c)
{
    switch (c) {
    case 'x':
    case 'c':
    case 'b':
    case 'B':
    case '?':
    case 's':
    case 'p':
        return 1;
    case 'h':
    case 'H':
    case 'e':
        return 2;
    case 'i':
    case 'I':
    case 'l':
    case 'L':
    case 'f':
        return 4;
    case 'q':
    case 'Q':
    case 'd':
        return 8;
    default:
        return 0;
    }
}

static Kaa_ssize_t native_size(int c)
{
    return c == 'x' || c == 's' || c == 'p' ? 1 : kaa_buffer_item_size(c);
}

static Kaa_ssize_t native_align(int c)
{
    return c == 'x' || c == 's' || c == 'p' ? 1 : kaa_buffer_item_align(c);
}

static int is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Parse fmt (NUL-terminated ASCII) into s. 0, or -1 with struct.error.
static int parse_format(StructObject *s, const char *fmt)
{
    const char *p = fmt;
    s->mode = MODE_NATIVE;
    switch (*p) {
    case '<':
        s->mode = MODE_LITTLE;
        p++;
        break;
    case '>':
    case '!':
        s->mode = MODE_BIG;
        p++;
        break;
    case '=':
        s->mode = host_little() ? MODE_LITTLE : MODE_BIG;
        p++;
        break;
    case '@':
        p++;
        break;
    default:
        break;
    }
    // Two passes: count the codes, then fill them in.
    for (int pass = 0; pass < 2; pass++) {
        Kaa_ssize_t size = 0, nitems = 0, ncodes = 0;
        for (const char *q = p; *q;) {
            int c = (unsigned char)*q++;
            if (is_space(c)) {
                continue;
            }
            Kaa_ssize_t num = 1;
            if (c >= '0' && c <= '9') {
                num = c - '0';
                while ((c = (unsigned char)*q++) >= '0' && c <= '9') {
                    if (num >= KAA_SSIZE_MAX / 10 &&
                        (num > KAA_SSIZE_MAX / 10 || (c - '0') > KAA_SSIZE_MAX % 10)) {
                        goto overflow;
                    }
                    num = num * 10 + (c - '0');
                }
                if (c == '\0') {
                    struct_errorf("repeat count given without format specifier");
                    return -1;
                }
            }
            Kaa_ssize_t itemsize = s->mode == MODE_NATIVE ? native_size(c) : std_size(c);
            if (itemsize == 0) {
                struct_errorf("bad char in struct format");
                return -1;
            }
            if (s->mode == MODE_NATIVE) {
                Kaa_ssize_t align = native_align(c);
                if (size > 0 && align > 1) {
                    Kaa_ssize_t extra = (align - 1) - (size - 1) % align;
                    if (extra > KAA_SSIZE_MAX - size) {
                        goto overflow;
                    }
                    size += extra;
                }
            }
            if (num > (KAA_SSIZE_MAX - size) / itemsize) {
                goto overflow;
            }
            int is_field = c == 's' || c == 'p';
            if (c != 'x' && (is_field || num > 0)) {
                if (pass == 1) {
                    s->codes[ncodes] =
                        (FmtCode){(char)c, size, is_field ? num : itemsize, is_field ? 1 : num};
                }
                ncodes++;
            }
            nitems += c == 'x' ? 0 : is_field ? 1 : num;
            size += num * itemsize;
        }
        if (pass == 0) {
            s->codes = kaa_mem_alloc((size_t)(ncodes + 1) * sizeof(FmtCode));
            if (s->codes == NULL) {
                KaaErr_NoMemory();
                return -1;
            }
        }
        s->ncodes = ncodes;
        s->size = size;
        s->nitems = nitems;
    }
    return 0;
overflow:
    struct_errorf("total struct size too long");
    return -1;
}

// A new Struct for a str or bytes format. New reference; raises.
static KaaObject *struct_from_format(KaaObject *format)
{
    KaaObject *text;
    if (KaaStr_Check(format)) {
        text = Kaa_NewRef(format);
    } else if (KaaBytes_Check(format)) {
        text = KaaStr_FromStringAndSize(KaaBytes_AS_STRING(format), Kaa_SIZE(format));
        if (text == NULL) {
            return NULL;
        }
    } else {
        return KaaErr_Format(KaaExc(TypeError),
                             "Struct() argument 1 must be a str or bytes object, not %s",
                             Kaa_TYPE(format)->tp_name);
    }
    KaaObject *ascii = kaa_str_encode(text, "ascii", "strict"); // UnicodeEncodeError
    if (ascii == NULL) {
        Kaa_DECREF(text);
        return NULL;
    }
    const char *s = KaaBytes_AS_STRING(ascii);
    if ((Kaa_ssize_t)strlen(s) != Kaa_SIZE(ascii)) {
        Kaa_DECREF(ascii);
        Kaa_DECREF(text);
        return struct_errorf("embedded null character");
    }
    StructObject *st = (StructObject *)KaaType_GenericAlloc(&Struct_Type, 0);
    if (st == NULL) {
        Kaa_DECREF(ascii);
        Kaa_DECREF(text);
        return NULL;
    }
    st->format = text;
    int r = parse_format(st, s);
    Kaa_DECREF(ascii);
    if (r < 0) {
        Kaa_DECREF(st);
        return NULL;
    }
    return (KaaObject *)st;
}

static void struct_dealloc(KaaObject *o)
{
    Kaa_XDECREF(ST(o)->format);
    kaa_mem_free(ST(o)->codes);
    kaa_object_free(o);
}

// --- Packing -------------------------------------------------------------------------

// The int value of v for an integer code: its class (kaa_int_bits64), or -1
// with struct.error for a non-integer.
static int int_arg(KaaObject *v, uint64_t *bits)
{
    KaaNumberMethods *nb = Kaa_TYPE(v)->tp_as_number;
    if (!KaaInt_Check(v) && (nb == NULL || nb->nb_index == NULL)) {
        struct_errorf("required argument is not an integer");
        return -1;
    }
    return kaa_index_bits64(v, bits);
}

static int out_of_range(void)
{
    struct_errorf("argument out of range");
    return -1;
}

// "'h' format requires -32768 <= number <= 32767" (CPython's _range_error).
static int range_error(int c, Kaa_ssize_t size, int is_unsigned)
{
    uint64_t ulargest = size >= 8 ? UINT64_MAX : ((uint64_t)1 << (8 * size)) - 1;
    if (is_unsigned) {
        struct_errorf("'%c' format requires 0 <= number <= %llu", c, (unsigned long long)ulargest);
    } else {
        long long largest = (long long)(ulargest >> 1);
        struct_errorf("'%c' format requires %lld <= number <= %lld", c, ~largest, largest);
    }
    return -1;
}

// np_byte, np_ubyte, np_short and np_ushort's texts: "byte format requires
// -128 <= number <= 127".
static int small_range(int64_t x, int64_t lo, int64_t hi, const char *name)
{
    if (x < lo || x > hi) {
        struct_errorf("%s format requires %lld <= number <= %lld", name, (long long)lo,
                      (long long)hi);
        return -1;
    }
    return 0;
}

// The native converters (np_* in CPython): a C long or unsigned long first.
static int pack_native_int(int c, KaaObject *v, uint64_t *out)
{
    uint64_t bits;
    int cls = int_arg(v, &bits);
    if (cls < 0) {
        return -1;
    }
    int64_t x = (int64_t)bits;
    if (c == 'P') {
        if (cls == KAA_INT_TOO_BIG || cls == KAA_INT_TOO_SMALL) {
            KaaErr_SetString(KaaExc(OverflowError), "int too large to convert");
            return -1;
        }
        *out = bits;
        return 0;
    }
    if (kaa_buffer_code_unsigned(c) && c != 'B' && c != 'H') {
        // I L Q N: unsigned conversion, then the width.
        if (cls == KAA_INT_TOO_BIG || cls == KAA_INT_TOO_SMALL || (cls == KAA_INT64 && x < 0)) {
            return out_of_range();
        }
        if (c == 'I' && bits > UINT_MAX) {
            return range_error(c, sizeof(int), 1);
        }
        *out = bits;
        return 0;
    }
    if (cls != KAA_INT64) {
        return out_of_range();
    }
    int r = 0;
    switch (c) {
    case 'b':
        r = small_range(x, SCHAR_MIN, SCHAR_MAX, "byte");
        break;
    case 'B':
        r = small_range(x, 0, UCHAR_MAX, "ubyte");
        break;
    case 'h':
        r = small_range(x, SHRT_MIN, SHRT_MAX, "short");
        break;
    case 'H':
        r = small_range(x, 0, USHRT_MAX, "ushort");
        break;
    case 'i':
        if (x < INT_MIN || x > INT_MAX) {
            r = range_error(c, sizeof(int), 0);
        }
        break;
    default: // l q n: a 64-bit value
        break;
    }
    if (r < 0) {
        return -1;
    }
    *out = bits;
    return 0;
}

// The standard converters for h H i I l L (bp_int/lp_int, bp_uint/lp_uint)
// and q Q (through _PyLong_AsByteArray).
static int pack_std_int(int c, Kaa_ssize_t size, KaaObject *v, uint64_t *out)
{
    uint64_t bits;
    int cls = int_arg(v, &bits);
    if (cls < 0) {
        return -1;
    }
    int is_unsigned = kaa_buffer_code_unsigned(c);
    int64_t x = (int64_t)bits;
    if (size == 8) {
        int ok =
            is_unsigned ? cls == KAA_UINT64_ONLY || (cls == KAA_INT64 && x >= 0) : cls == KAA_INT64;
        if (!ok) {
            KaaErr_SetString(KaaExc(OverflowError), "int too big to convert");
            return -1;
        }
        *out = bits;
        return 0;
    }
    if (is_unsigned) {
        if (cls == KAA_INT_TOO_BIG || cls == KAA_INT_TOO_SMALL || (cls == KAA_INT64 && x < 0)) {
            return out_of_range();
        }
        if (bits >= ((uint64_t)1 << (8 * size))) {
            return range_error(c, size, 1);
        }
    } else {
        if (cls != KAA_INT64) {
            return out_of_range();
        }
        int64_t lim = (int64_t)1 << (8 * size - 1);
        if (x < -lim || x >= lim) {
            return range_error(c, size, 0);
        }
    }
    *out = bits;
    return 0;
}

static int float_arg(KaaObject *v, double *out)
{
    *out = KaaFloat_AsDouble(v);
    if (*out == -1.0 && KaaErr_Occurred()) {
        KaaErr_Clear();
        struct_errorf("required argument is not a float");
        return -1;
    }
    return 0;
}

// Write the low `size` bytes of bits at p in the mode's byte order.
static void put_bytes(unsigned char *p, uint64_t bits, Kaa_ssize_t size, int little)
{
    for (Kaa_ssize_t i = 0; i < size; i++) {
        unsigned char byte = (unsigned char)(bits >> (8 * i));
        p[little ? i : size - 1 - i] = byte;
    }
}

// Reverse n bytes in place (a native float turned into the other order).
static void reverse_bytes(unsigned char *p, Kaa_ssize_t n)
{
    for (Kaa_ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        unsigned char t = p[i];
        p[i] = p[j];
        p[j] = t;
    }
}

// Pack one value of code c at p. 0, or -1 with an exception.
static int pack_one(StructObject *s, int c, Kaa_ssize_t size, unsigned char *p, KaaObject *v)
{
    int native = s->mode == MODE_NATIVE;
    int little = native ? host_little() : s->mode == MODE_LITTLE;
    // On the host's byte order, CPython's standard table uses the native
    // converters where the sizes agree (not for f, d and ?).
    int borrow = native || c == 'b' || c == 'B' ||
                 (little == host_little() && size == kaa_buffer_item_size(c) && c != 'f' &&
                  c != 'd' && c != '?');
    KaaItemValue x;
    switch (c) {
    case 'c':
        if (!KaaBytes_Check(v) || Kaa_SIZE(v) != 1) {
            struct_errorf("char format requires a bytes object of length 1");
            return -1;
        }
        *p = (unsigned char)KaaBytes_AS_STRING(v)[0];
        return 0;
    case '?': {
        int t = KaaObject_IsTrue(v);
        if (t < 0) {
            return -1;
        }
        *p = (unsigned char)t;
        return 0;
    }
    case 'e':
    case 'f':
    case 'd':
        if (float_arg(v, &x.d) < 0) {
            return -1;
        }
        if (c == 'e' && fabs(x.d) <= DBL_MAX) {
            unsigned char half[2];
            if (kaa_half_pack(x.d, half) < 0) {
                KaaErr_SetString(KaaExc(OverflowError), "float too large to pack with e format");
                return -1;
            }
        }
        if (c == 'f' && !native && isinf((float)x.d) && !isinf(x.d)) {
            KaaErr_SetString(KaaExc(OverflowError), "float too large to pack with f format");
            return -1;
        }
        kaa_buffer_store_item(c, p, x);
        if (little != host_little()) {
            reverse_bytes(p, size);
        }
        return 0;
    default:
        break;
    }
    uint64_t bits;
    if (borrow ? pack_native_int(c, v, &bits) < 0 : pack_std_int(c, size, v, &bits) < 0) {
        return -1;
    }
    put_bytes(p, bits, size, little);
    return 0;
}

// Pack args[0..nargs) into buf (s->size bytes). 0, or -1 with an exception.
static int pack_into_buf(StructObject *s, const char *fname, unsigned char *buf,
                         KaaObject *const *args, size_t nargs)
{
    if ((Kaa_ssize_t)nargs != s->nitems) {
        struct_errorf("%s expected %zd items for packing (got %zd)", fname, s->nitems,
                      (Kaa_ssize_t)nargs);
        return -1;
    }
    memset(buf, 0, (size_t)s->size);
    size_t arg = 0;
    for (Kaa_ssize_t k = 0; k < s->ncodes; k++) {
        FmtCode *fc = &s->codes[k];
        unsigned char *p = buf + fc->offset;
        if (fc->code == 's' || fc->code == 'p') {
            KaaObject *v = args[arg++];
            if (!KaaBytes_Check(v) && !KaaByteArray_Check(v)) {
                struct_errorf("argument for '%c' must be a bytes object", fc->code);
                return -1;
            }
            const char *data;
            Kaa_ssize_t n;
            kaa_bytes_view(v, &data, &n);
            if (fc->code == 's') {
                memmove(p, data, (size_t)(n < fc->size ? n : fc->size));
            } else if (fc->size > 0) {
                if (n > fc->size - 1) {
                    n = fc->size - 1;
                }
                memmove(p + 1, data, (size_t)n);
                *p = (unsigned char)(n > 255 ? 255 : n);
            }
            continue;
        }
        for (Kaa_ssize_t i = 0; i < fc->count; i++, p += fc->size) {
            KaaObject *v = args[arg++];
            if (pack_one(s, fc->code, fc->size, p, v) < 0) {
                if (KaaInt_Check(v) && KaaErr_ExceptionMatches(KaaExc(OverflowError))) {
                    KaaErr_Clear();
                    struct_errorf("int too large to convert");
                }
                return -1;
            }
        }
    }
    return 0;
}

static KaaObject *s_pack(KaaObject *self, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    if (kaa_container_no_kwargs("pack", kwnames) < 0) {
        return NULL;
    }
    KaaObject *r = KaaBytes_FromStringAndSize(NULL, ST(self)->size);
    if (r != NULL &&
        pack_into_buf(ST(self), "pack", (unsigned char *)KaaBytes_AS_STRING(r), args, nargs) < 0) {
        Kaa_CLEAR(r);
    }
    return r;
}

// Resolve a possibly negative offset for a `need`-byte access to a len-byte
// buffer (CPython's texts, verb "unpack"/"pack"). The offset, or -1 with struct.error.
static Kaa_ssize_t resolve_offset(Kaa_ssize_t offset, Kaa_ssize_t need, Kaa_ssize_t len,
                                  int packing)
{
    if (offset < 0) {
        if (offset + need > 0) {
            struct_errorf(packing ? "no space to pack %zd bytes at offset %zd"
                                  : "not enough data to unpack %zd bytes at offset %zd",
                          need, offset);
            return -1;
        }
        if (offset + len < 0) {
            struct_errorf("offset %zd out of range for %zd-byte buffer", offset, len);
            return -1;
        }
        offset += len;
    }
    if (len - offset < need) {
        struct_errorf(packing ? "pack_into requires a buffer of at least %zu bytes for packing "
                                "%zd bytes at offset %zd (actual buffer size is %zd)"
                              : "unpack_from requires a buffer of at least %zu bytes for "
                                "unpacking %zd bytes at offset %zd (actual buffer size is %zd)",
                      (size_t)need + (size_t)offset, need, offset, len);
        return -1;
    }
    return offset;
}

static KaaObject *s_pack_into(KaaObject *self, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    StructObject *s = ST(self);
    if (kaa_container_no_kwargs("pack_into", kwnames) < 0) {
        return NULL;
    }
    if ((Kaa_ssize_t)nargs != s->nitems + 2) {
        if (nargs == 0) {
            return struct_errorf("pack_into expected buffer argument");
        }
        if (nargs == 1) {
            return struct_errorf("pack_into expected offset argument");
        }
        return struct_errorf("pack_into expected %zd items for packing (got %zd)", s->nitems,
                             (Kaa_ssize_t)nargs - 2);
    }
    KaaBuffer view;
    if (!KaaObject_CheckBuffer(args[0]) || KaaObject_GetBuffer(args[0], &view, 1) < 0) {
        KaaErr_Clear();
        return KaaErr_Format(KaaExc(TypeError),
                             "argument must be read-write bytes-like object, not %s",
                             Kaa_TYPE(args[0])->tp_name);
    }
    Kaa_ssize_t offset = KaaNumber_AsSsize_t(args[1], KaaExc(IndexError));
    if (offset == -1 && KaaErr_Occurred()) {
        KaaBuffer_Release(&view);
        return NULL;
    }
    offset = resolve_offset(offset, s->size, view.len, 1);
    if (offset < 0) {
        KaaBuffer_Release(&view);
        return NULL;
    }
    // In place, as CPython: a failing item leaves the bytes zeroed and packed so far.
    int r = pack_into_buf(s, "pack_into", (unsigned char *)view.buf + offset, args + 2, nargs - 2);
    KaaBuffer_Release(&view);
    if (r < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

// --- Unpacking -----------------------------------------------------------------------

static uint64_t get_bytes(const unsigned char *p, Kaa_ssize_t size, int little)
{
    uint64_t bits = 0;
    for (Kaa_ssize_t i = 0; i < size; i++) {
        bits |= (uint64_t)p[little ? i : size - 1 - i] << (8 * i);
    }
    return bits;
}

static KaaObject *unpack_one(StructObject *s, int c, Kaa_ssize_t size, const unsigned char *p)
{
    if (s->mode == MODE_NATIVE || c == 'c' || c == 'b' || c == 'B') {
        return kaa_buffer_unpack_item(c, p);
    }
    int little = s->mode == MODE_LITTLE;
    if (c == '?') {
        return KaaBool_FromLong(*p != 0);
    }
    if (c == 'e' || c == 'f' || c == 'd') {
        unsigned char tmp[8];
        memcpy(tmp, p, (size_t)size);
        if (little != host_little()) {
            reverse_bytes(tmp, size);
        }
        return kaa_buffer_unpack_item(c, tmp);
    }
    uint64_t bits = get_bytes(p, size, little);
    if (kaa_buffer_code_unsigned(c)) {
        if (bits <= INT64_MAX) {
            return KaaInt_FromInt64((int64_t)bits);
        }
        return kaa_buffer_unpack_item('Q', &bits);
    }
    if (size < 8 && (bits >> (8 * size - 1)) & 1) {
        bits |= ~(uint64_t)0 << (8 * size); // sign-extend
    }
    return KaaInt_FromInt64((int64_t)bits);
}

// The values packed at buf (s->size bytes) as a new tuple.
static KaaObject *unpack_buf(StructObject *s, const unsigned char *buf)
{
    KaaObject *t = KaaTuple_New(s->nitems);
    if (t == NULL) {
        return NULL;
    }
    Kaa_ssize_t k = 0;
    for (Kaa_ssize_t j = 0; j < s->ncodes; j++) {
        FmtCode *fc = &s->codes[j];
        const unsigned char *p = buf + fc->offset;
        for (Kaa_ssize_t i = 0; i < fc->count; i++, p += fc->size) {
            KaaObject *v;
            if (fc->code == 's') {
                v = KaaBytes_FromStringAndSize((const char *)p, fc->size);
            } else if (fc->code == 'p') {
                Kaa_ssize_t n = fc->size > 0 ? *p : 0;
                if (n >= fc->size) {
                    n = fc->size > 0 ? fc->size - 1 : 0;
                }
                v = KaaBytes_FromStringAndSize((const char *)p + 1, n);
            } else {
                v = unpack_one(s, fc->code, fc->size, p);
            }
            if (v == NULL) {
                Kaa_DECREF(t);
                return NULL;
            }
            KaaTuple_SET_ITEM(t, k++, v);
        }
    }
    return t;
}

static KaaObject *s_unpack(KaaObject *self, KaaObject *buffer)
{
    KaaBuffer view;
    if (KaaObject_GetBuffer(buffer, &view, 0) < 0) {
        return NULL;
    }
    KaaObject *r;
    if (view.len != ST(self)->size) {
        r = struct_errorf("unpack requires a buffer of %zd bytes", ST(self)->size);
    } else {
        r = unpack_buf(ST(self), view.buf);
    }
    KaaBuffer_Release(&view);
    return r;
}

// unpack_from(buffer, offset=0) with the arguments unpacked.
static KaaObject *unpack_from(KaaObject *self, KaaObject *buffer, KaaObject *offset_arg)
{
    Kaa_ssize_t offset = 0;
    if (offset_arg != NULL) {
        KaaObject *i = KaaNumber_Index(offset_arg);
        if (i == NULL) {
            return NULL;
        }
        offset = KaaInt_AsSsize_t(i);
        Kaa_DECREF(i);
        if (offset == -1 && KaaErr_Occurred()) {
            return NULL;
        }
    }
    KaaBuffer view;
    if (KaaObject_GetBuffer(buffer, &view, 0) < 0) {
        return NULL;
    }
    KaaObject *r = NULL;
    offset = resolve_offset(offset, ST(self)->size, view.len, 0);
    if (offset >= 0) {
        r = unpack_buf(ST(self), (const unsigned char *)view.buf + offset);
    }
    KaaBuffer_Release(&view);
    return r;
}

static KaaObject *s_unpack_from(KaaObject *self, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    static const char *const kwlist[] = {"buffer", "offset", NULL};
    KaaObject *a[2];
    if (kaa_unpack_args("unpack_from", args, nargs, kwnames, kwlist, 1, a) < 0) {
        return NULL;
    }
    return unpack_from(self, a[0], a[1]);
}

// --- iter_unpack ---------------------------------------------------------------------

typedef struct UnpackIterObject {
    KaaObject_HEAD KaaObject *st; // the Struct
    KaaBuffer view;               // view.obj NULL once exhausted
    Kaa_ssize_t index;            // byte offset of the next record
} UnpackIterObject;

#define UI(o) ((UnpackIterObject *)(o))

static KaaObject *s_iter_unpack(KaaObject *self, KaaObject *buffer)
{
    StructObject *s = ST(self);
    if (s->size == 0) {
        return struct_errorf("cannot iteratively unpack with a struct of length 0");
    }
    UnpackIterObject *it = (UnpackIterObject *)KaaType_GenericAlloc(&UnpackIter_Type, 0);
    if (it == NULL) {
        return NULL;
    }
    if (KaaObject_GetBuffer(buffer, &it->view, 0) < 0) {
        Kaa_DECREF(it);
        return NULL;
    }
    if (it->view.len % s->size != 0) {
        Kaa_DECREF(it);
        return struct_errorf("iterative unpacking requires a buffer of a multiple of %zd bytes",
                             s->size);
    }
    it->st = Kaa_NewRef(self);
    KAA_GC_TRACK(it);
    return (KaaObject *)it;
}

static KaaObject *unpackiter_next(KaaObject *o)
{
    UnpackIterObject *it = UI(o);
    if (it->view.obj == NULL) {
        return NULL;
    }
    if (it->index >= it->view.len) {
        KaaBuffer_Release(&it->view);
        return NULL;
    }
    KaaObject *r = unpack_buf(ST(it->st), (const unsigned char *)it->view.buf + it->index);
    it->index += ST(it->st)->size;
    return r;
}

static KaaObject *unpackiter_length_hint(KaaObject *o, KaaObject *unused)
{
    (void)unused;
    UnpackIterObject *it = UI(o);
    Kaa_ssize_t left = it->view.obj ? (it->view.len - it->index) / ST(it->st)->size : 0;
    return KaaInt_FromSsize_t(left);
}

static void unpackiter_dealloc(KaaObject *o)
{
    kaa_gc_untrack_if_tracked(o);
    KaaBuffer_Release(&UI(o)->view);
    Kaa_XDECREF(UI(o)->st);
    kaa_object_free(o);
}

static int unpackiter_traverse(KaaObject *o, visitproc visit, void *arg)
{
    Kaa_VISIT(UI(o)->st);
    Kaa_VISIT(UI(o)->view.obj);
    return 0;
}

static int unpackiter_clear(KaaObject *o)
{
    KaaBuffer_Release(&UI(o)->view);
    Kaa_CLEAR(UI(o)->st);
    return 0;
}

static KaaObject *unpackiter_self(KaaObject *o)
{
    return Kaa_NewRef(o);
}

static KaaMethodDef unpackiter_methods[] = {
    {"__length_hint__", unpackiter_length_hint, KAA_METH_NOARGS, NULL},
    {NULL},
};

static KaaTypeObject UnpackIter_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "_struct.unpack_iterator",
    .tp_basicsize = sizeof(UnpackIterObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = unpackiter_dealloc,
    .tp_traverse = unpackiter_traverse,
    .tp_clear = unpackiter_clear,
    .tp_iter = unpackiter_self,
    .tp_iternext = unpackiter_next,
    .tp_methods = unpackiter_methods,
};

// --- The Struct type -----------------------------------------------------------------

static KaaObject *struct_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                             KaaObject *kwnames)
{
    (void)type;
    static const char *const kwlist[] = {"format", NULL};
    KaaObject *a[1];
    if (kaa_unpack_args("Struct", args, nargs, kwnames, kwlist, 1, a) < 0) {
        return NULL;
    }
    return struct_from_format(a[0]);
}

static KaaObject *struct_get_format(KaaObject *o, void *closure)
{
    (void)closure;
    return Kaa_NewRef(ST(o)->format);
}

static KaaObject *struct_get_size(KaaObject *o, void *closure)
{
    (void)closure;
    return KaaInt_FromSsize_t(ST(o)->size);
}

static KaaMethodDef struct_methods[] = {
    {"pack", s_pack, KAA_METH_FASTCALL,
     "S.pack(v1, v2, ...) -> bytes\n\nReturn a bytes object containing values v1, v2, ... "
     "packed according to the format string S.format."},
    {"pack_into", s_pack_into, KAA_METH_FASTCALL,
     "S.pack_into(buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to "
     "the format string S.format and write the packed bytes into the writable buffer buf "
     "starting at offset."},
    {"unpack", s_unpack, KAA_METH_O,
     "Return a tuple containing unpacked values.\n\nUnpack according to the format string "
     "Struct.format."},
    {"unpack_from", s_unpack_from, KAA_METH_FASTCALL,
     "Return a tuple containing unpacked values.\n\nValues are unpacked according to the "
     "format string Struct.format."},
    {"iter_unpack", s_iter_unpack, KAA_METH_O,
     "Return an iterator yielding tuples.\n\nTuples are unpacked from the given bytes source, "
     "like a repeated invocation of unpack_from()."},
    {NULL},
};

static KaaGetSetDef struct_getset[] = {
    {"format", struct_get_format, NULL, "struct format string", NULL},
    {"size", struct_get_size, NULL, "struct size in bytes", NULL},
    {NULL},
};

static KaaTypeObject Struct_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "_struct.Struct",
    .tp_basicsize = sizeof(StructObject),
    .tp_doc = "Struct(format)\n--\n\nCreate a compiled struct object.",
    .tp_dealloc = struct_dealloc,
    .tp_new = struct_new,
    .tp_methods = struct_methods,
    .tp_getset = struct_getset,
};

// --- Module functions ----------------------------------------------------------------

// "unpack expected 2 arguments, got 1"
static int exact_args(const char *name, size_t nargs, size_t want, KaaObject *kwnames)
{
    if (kaa_container_no_kwargs(name, kwnames) < 0) {
        return -1;
    }
    if (nargs != want) {
        KaaErr_Format(KaaExc(TypeError), "%s expected %zu arguments, got %zu", name, want, nargs);
        return -1;
    }
    return 0;
}

static KaaObject *mod_pack(KaaObject *m, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    (void)m;
    if (nargs == 0) {
        return KaaErr_Format(KaaExc(TypeError), "missing format argument");
    }
    KaaObject *s = struct_from_format(args[0]);
    if (s == NULL) {
        return NULL;
    }
    KaaObject *r = s_pack(s, args + 1, nargs - 1, kwnames);
    Kaa_DECREF(s);
    return r;
}

static KaaObject *mod_pack_into(KaaObject *m, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    (void)m;
    if (nargs == 0) {
        return KaaErr_Format(KaaExc(TypeError), "missing format argument");
    }
    KaaObject *s = struct_from_format(args[0]);
    if (s == NULL) {
        return NULL;
    }
    KaaObject *r = s_pack_into(s, args + 1, nargs - 1, kwnames);
    Kaa_DECREF(s);
    return r;
}

static KaaObject *mod_unpack(KaaObject *m, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    (void)m;
    if (exact_args("unpack", nargs, 2, kwnames) < 0) {
        return NULL;
    }
    KaaObject *s = struct_from_format(args[0]);
    KaaObject *r = s ? s_unpack(s, args[1]) : NULL;
    Kaa_XDECREF(s);
    return r;
}

static KaaObject *mod_iter_unpack(KaaObject *m, KaaObject *const *args, size_t nargs,
                                  KaaObject *kwnames)
{
    (void)m;
    if (exact_args("iter_unpack", nargs, 2, kwnames) < 0) {
        return NULL;
    }
    KaaObject *s = struct_from_format(args[0]);
    KaaObject *r = s ? s_iter_unpack(s, args[1]) : NULL;
    Kaa_XDECREF(s);
    return r;
}

static KaaObject *mod_unpack_from(KaaObject *m, KaaObject *const *args, size_t nargs,
                                  KaaObject *kwnames)
{
    (void)m;
    static const char *const kwlist[] = {"", "buffer", "offset", NULL};
    KaaObject *a[3];
    if (kaa_unpack_args("unpack_from", args, nargs, kwnames, kwlist, 2, a) < 0) {
        return NULL;
    }
    KaaObject *s = struct_from_format(a[0]);
    KaaObject *r = s ? unpack_from(s, a[1], a[2]) : NULL;
    Kaa_XDECREF(s);
    return r;
}

static KaaObject *mod_calcsize(KaaObject *m, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    (void)m;
    if (kaa_container_no_kwargs("calcsize", kwnames) < 0) {
        return NULL;
    }
    if (nargs != 1) {
        return KaaErr_Format(KaaExc(TypeError),
                             "_struct.calcsize() takes exactly one argument (%zu given)", nargs);
    }
    KaaObject *s = struct_from_format(args[0]);
    KaaObject *r = s ? KaaInt_FromSsize_t(ST(s)->size) : NULL;
    Kaa_XDECREF(s);
    return r;
}

static KaaObject *mod_clearcache(KaaObject *m, KaaObject *unused)
{
    (void)m, (void)unused;
    Kaa_RETURN_NONE; // kaa keeps no cache of Struct objects
}

static KaaMethodDef struct_module_methods[] = {
    {"pack", mod_pack, KAA_METH_FASTCALL,
     "pack(format, v1, v2, ...) -> bytes\n\nReturn a bytes object containing the values v1, "
     "v2, ... packed according to the format string."},
    {"pack_into", mod_pack_into, KAA_METH_FASTCALL,
     "pack_into(format, buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according "
     "to the format string and write the packed bytes into the writable buffer buf starting "
     "at offset."},
    {"unpack", mod_unpack, KAA_METH_FASTCALL,
     "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from", mod_unpack_from, KAA_METH_FASTCALL,
     "Return a tuple containing values unpacked according to the format string."},
    {"iter_unpack", mod_iter_unpack, KAA_METH_FASTCALL,
     "Return an iterator yielding tuples unpacked from the buffer."},
    {"calcsize", mod_calcsize, KAA_METH_FASTCALL,
     "Return size in bytes of the struct described by the format string."},
    {"_clearcache", mod_clearcache, KAA_METH_NOARGS, "Clear the internal cache."},
    {NULL},
};

// struct.error: class error(Exception), with __module__ 'struct'.
static KaaObject *make_error_class(void)
{
    KaaObject *name = KaaStr_FromString("error");
    KaaObject *bases = KaaTuple_Pack(1, KaaExc(Exception));
    KaaObject *ns = KaaDict_New();
    KaaObject *mod = KaaStr_FromString("struct");
    KaaObject *cls = NULL;
    if (name && bases && ns && mod && KaaDict_SetItemString(ns, "__module__", mod) == 0) {
        KaaObject *args[3] = {name, bases, ns};
        cls = KaaObject_Vectorcall((KaaObject *)&KaaType_Type, args, 3, NULL);
    }
    Kaa_XDECREF(name);
    Kaa_XDECREF(bases);
    Kaa_XDECREF(ns);
    Kaa_XDECREF(mod);
    return cls;
}

KaaObject *kaa_init_struct(void)
{
    if (KaaType_Ready(&Struct_Type) < 0 || KaaType_Ready(&UnpackIter_Type) < 0) {
        return NULL;
    }
    KaaObject *m = KaaModule_New("struct");
    if (m == NULL || KaaModule_AddFunctions(m, struct_module_methods) < 0) {
        Kaa_XDECREF(m);
        return NULL;
    }
    KaaObject *error = make_error_class();
    if (error == NULL || KaaModule_AddObjectRef(m, "error", error) < 0 ||
        KaaModule_AddObjectRef(m, "Struct", (KaaObject *)&Struct_Type) < 0) {
        Kaa_XDECREF(error);
        Kaa_DECREF(m);
        return NULL;
    }
    // A re-import (after del sys.modules['struct']) makes a new class, as
    // CPython's module state would; the old one stays alive for old modules.
    struct_error = error;
    return m;
}
