/* The buffer protocol (CPython's Objects/abstract.c buffer half): the table of
 * exporting types, getting and releasing views, the exports of bytes and
 * bytearray, and the native item codec that memoryview, array and struct
 * share (Modules/_struct.c's native table).
 *
 * kaa's type object has no tp_as_buffer slot, so exporters register their
 * KaaBufferProcs here; a lookup walks the type's tp_base chain, so subclasses
 * of an exporter export too.
 */
#include <gmp.h>
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "vm/vm.h"

// --- The exporters -------------------------------------------------------------------

static int bytes_getbuffer(KaaObject *o, KaaBuffer *view, int writable)
{
    (void)writable;
    view->buf = KaaBytes_AS_STRING(o);
    view->len = Kaa_SIZE(o);
    view->readonly = 1;
    view->itemsize = 1;
    view->format = "B";
    return 0;
}

// A bytearray counts its exports: KaaByteArray_Resize refuses to move the
// memory while one is held.
static int bytearray_getbuffer(KaaObject *o, KaaBuffer *view, int writable)
{
    (void)writable;
    view->buf = KaaByteArray_AS_STRING(o);
    view->len = Kaa_SIZE(o);
    view->readonly = 0;
    view->itemsize = 1;
    view->format = "B";
    ((KaaByteArrayObject *)o)->exports++;
    return 0;
}

static void bytearray_releasebuffer(KaaObject *o, KaaBuffer *view)
{
    (void)view;
    ((KaaByteArrayObject *)o)->exports--;
}

static const KaaBufferProcs bytes_procs = {bytes_getbuffer, NULL};
static const KaaBufferProcs bytearray_procs = {bytearray_getbuffer, bytearray_releasebuffer};

enum { MAX_EXPORTERS = 16 };
static struct {
    KaaTypeObject *type;
    const KaaBufferProcs *procs;
} exporters[MAX_EXPORTERS] = {
    {&KaaBytes_Type, &bytes_procs},
    {&KaaByteArray_Type, &bytearray_procs},
    {&KaaMemoryView_Type, &kaa_memoryview_procs},
};
static int nexporters = 3;

int KaaBuffer_RegisterType(KaaTypeObject *type, const KaaBufferProcs *procs)
{
    for (int i = 0; i < nexporters; i++) {
        if (exporters[i].type == type) {
            exporters[i].procs = procs;
            return 0;
        }
    }
    if (nexporters == MAX_EXPORTERS) {
        KaaErr_SetString(KaaExc(SystemError), "too many buffer exporter types");
        return -1;
    }
    exporters[nexporters].type = type;
    exporters[nexporters].procs = procs;
    nexporters++;
    return 0;
}

static const KaaBufferProcs *procs_of(KaaTypeObject *t)
{
    for (; t != NULL; t = t->tp_base) {
        for (int i = 0; i < nexporters; i++) {
            if (exporters[i].type == t) {
                return exporters[i].procs;
            }
        }
    }
    return NULL;
}

int KaaObject_CheckBuffer(KaaObject *o)
{
    return procs_of(Kaa_TYPE(o)) != NULL;
}

int KaaObject_GetBuffer(KaaObject *o, KaaBuffer *view, int writable)
{
    view->obj = NULL;
    const KaaBufferProcs *procs = procs_of(Kaa_TYPE(o));
    if (procs == NULL) {
        KaaErr_Format(KaaExc(TypeError), "a bytes-like object is required, not '%s'",
                      Kaa_TYPE(o)->tp_name);
        return -1;
    }
    if (procs->bf_getbuffer(o, view, writable) < 0) {
        return -1;
    }
    if (writable && view->readonly) {
        if (procs->bf_releasebuffer) {
            procs->bf_releasebuffer(o, view);
        }
        KaaErr_SetString(KaaExc(BufferError), "Object is not writable.");
        return -1;
    }
    view->obj = Kaa_NewRef(o);
    return 0;
}

void KaaBuffer_Release(KaaBuffer *view)
{
    KaaObject *o = view->obj;
    if (o == NULL) {
        return;
    }
    view->obj = NULL;
    const KaaBufferProcs *procs = procs_of(Kaa_TYPE(o));
    if (procs && procs->bf_releasebuffer) {
        procs->bf_releasebuffer(o, view);
    }
    Kaa_DECREF(o);
}

int kaa_buffer_peek(KaaObject *o, const char **p, Kaa_ssize_t *n)
{
    if (kaa_bytes_view(o, p, n)) {
        return 1;
    }
    KaaBuffer view;
    if (!KaaObject_CheckBuffer(o) || KaaObject_GetBuffer(o, &view, 0) < 0) {
        KaaErr_Clear();
        *p = "";
        *n = 0;
        return 0;
    }
    *p = view.buf;
    *n = view.len;
    KaaBuffer_Release(&view);
    return 1;
}

// --- Native items --------------------------------------------------------------------

// The C type of each native code, as CPython's native_table in
// Modules/_struct.c: its size and alignment; zero for other codes.
static const struct {
    unsigned char size, align;
} native_items[128] = {
    ['c'] = {sizeof(char), _Alignof(char)},
    ['b'] = {sizeof(signed char), _Alignof(signed char)},
    ['B'] = {sizeof(unsigned char), _Alignof(unsigned char)},
    ['?'] = {sizeof(unsigned char), _Alignof(unsigned char)},
    ['h'] = {sizeof(short), _Alignof(short)},
    ['H'] = {sizeof(unsigned short), _Alignof(unsigned short)},
    ['e'] = {sizeof(short), _Alignof(short)},
    ['i'] = {sizeof(int), _Alignof(int)},
    ['I'] = {sizeof(unsigned int), _Alignof(unsigned int)},
    ['l'] = {sizeof(long), _Alignof(long)},
    ['L'] = {sizeof(unsigned long), _Alignof(unsigned long)},
    ['q'] = {sizeof(long long), _Alignof(long long)},
    ['Q'] = {sizeof(unsigned long long), _Alignof(unsigned long long)},
    ['n'] = {sizeof(size_t), _Alignof(size_t)},
    ['N'] = {sizeof(size_t), _Alignof(size_t)},
    ['P'] = {sizeof(void *), _Alignof(void *)},
    ['f'] = {sizeof(float), _Alignof(float)},
    ['d'] = {sizeof(double), _Alignof(double)},
};

Kaa_ssize_t kaa_buffer_item_size(int c)
{
    return c > 0 && c < 128 ? native_items[c].size : 0;
}

Kaa_ssize_t kaa_buffer_item_align(int c)
{
    return c > 0 && c < 128 ? native_items[c].align : 0;
}

int kaa_buffer_code_unsigned(int c)
{
    return c != '\0' && strchr("BHILQNP", c) != NULL;
}

// An int object for an unsigned 64-bit value.
static KaaObject *int_from_u64(uint64_t u)
{
    if (u <= INT64_MAX) {
        return KaaInt_FromInt64((int64_t)u);
    }
    char text[24];
    int len = snprintf(text, sizeof text, "%llu", (unsigned long long)u);
    return KaaInt_FromString(text, (size_t)len, 10);
}

#define LOAD(type, p) (*(type *)memcpy(&(type){0}, (p), sizeof(type)))

KaaObject *kaa_buffer_unpack_item(int c, const void *p)
{
    switch (c) {
    case 'c':
        return KaaBytes_FromStringAndSize(p, 1);
    case 'b':
        return KaaInt_FromInt64(LOAD(signed char, p));
    case 'B':
        return KaaInt_FromInt64(LOAD(unsigned char, p));
    case '?':
        return KaaBool_FromLong(LOAD(unsigned char, p) != 0);
    case 'h':
        return KaaInt_FromInt64(LOAD(short, p));
    case 'H':
        return KaaInt_FromInt64(LOAD(unsigned short, p));
    case 'i':
        return KaaInt_FromInt64(LOAD(int, p));
    case 'I':
        return KaaInt_FromInt64(LOAD(unsigned int, p));
    case 'l':
        return KaaInt_FromInt64(LOAD(long, p));
    case 'L':
        return int_from_u64(LOAD(unsigned long, p));
    case 'q':
        return KaaInt_FromInt64(LOAD(long long, p));
    case 'Q':
        return int_from_u64(LOAD(unsigned long long, p));
    case 'n':
        return KaaInt_FromInt64(LOAD(Kaa_ssize_t, p));
    case 'N':
        return int_from_u64(LOAD(size_t, p));
    case 'P':
        return int_from_u64((uintptr_t)LOAD(void *, p));
    case 'e':
        return KaaFloat_FromDouble(kaa_half_unpack(p));
    case 'f':
        return KaaFloat_FromDouble(LOAD(float, p));
    case 'd':
        return KaaFloat_FromDouble(LOAD(double, p));
    default:
        KaaErr_Format(KaaExc(NotImplementedError), "memoryview: format %c not supported", c);
        return NULL;
    }
}

#define STORE(type, p, value)                                                                      \
    do {                                                                                           \
        type v_ = (type)(value);                                                                   \
        memcpy((p), &v_, sizeof v_);                                                               \
    } while (0)

void kaa_buffer_store_item(int c, void *p, KaaItemValue v)
{
    switch (c) {
    case 'c':
    case 'B':
        STORE(unsigned char, p, v.u);
        break;
    case 'b':
        STORE(signed char, p, v.i);
        break;
    case '?':
        STORE(unsigned char, p, v.i != 0);
        break;
    case 'h':
        STORE(short, p, v.i);
        break;
    case 'H':
        STORE(unsigned short, p, v.u);
        break;
    case 'i':
        STORE(int, p, v.i);
        break;
    case 'I':
        STORE(unsigned int, p, v.u);
        break;
    case 'l':
        STORE(long, p, v.i);
        break;
    case 'L':
        STORE(unsigned long, p, v.u);
        break;
    case 'q':
        STORE(long long, p, v.i);
        break;
    case 'Q':
        STORE(unsigned long long, p, v.u);
        break;
    case 'n':
        STORE(Kaa_ssize_t, p, v.i);
        break;
    case 'N':
        STORE(size_t, p, v.u);
        break;
    case 'P':
        STORE(uintptr_t, p, v.u);
        break;
    case 'e': {
        unsigned char half[2];
        kaa_half_pack(v.d, half); // the caller checked the range
        memcpy(p, half, 2);
        break;
    }
    case 'f':
        STORE(float, p, v.d);
        break;
    case 'd':
        STORE(double, p, v.d);
        break;
    default:
        break;
    }
}

int kaa_int_bits64(KaaObject *o, uint64_t *out)
{
    KaaIntObject *io = (KaaIntObject *)o;
    if (io->big == NULL) {
        *out = (uint64_t)io->value;
        return KAA_INT64;
    }
    // A big int never fits int64_t; it may still fit 64 unsigned bits.
    mpz_srcptr z = io->big;
    if (mpz_sgn(z) < 0) {
        return KAA_INT_TOO_SMALL;
    }
    if (mpz_sizeinbase(z, 2) > 64) {
        return KAA_INT_TOO_BIG;
    }
    uint64_t u = 0;
    mpz_export(&u, NULL, -1, sizeof u, 0, 0, z);
    *out = u;
    return KAA_UINT64_ONLY;
}

int kaa_index_bits64(KaaObject *o, uint64_t *out)
{
    KaaObject *i = KaaNumber_Index(o);
    if (i == NULL) {
        return -1;
    }
    int cls = kaa_int_bits64(i, out);
    Kaa_DECREF(i);
    return cls;
}

// --- binary16 (CPython's PyFloat_Pack2/Unpack2) ----------------------------------------

int kaa_half_pack(double x, unsigned char out[2])
{
    unsigned short bits;
    int sign, e;
    if (x == 0.0) {
        sign = signbit(x) != 0;
        e = 0;
        bits = 0;
    } else if (isinf(x)) {
        sign = x < 0.0;
        e = 0x1f;
        bits = 0;
    } else if (isnan(x)) {
        sign = signbit(x) != 0;
        e = 0x1f;
        bits = 512;
    } else {
        sign = x < 0.0;
        if (sign) {
            x = -x;
        }
        double f = frexp(x, &e); // 0.5 <= f < 1
        f *= 2.0;                // 1 <= f < 2
        e--;
        if (e >= 16) {
            return -1;
        }
        if (e < -25) {
            f = 0.0; // underflow to zero
            e = 0;
        } else if (e < -14) {
            f = ldexp(f, 14 + e); // subnormal
            e = 0;
        } else {
            e += 15;
            f -= 1.0; // drop the implicit leading bit
        }
        f *= 1024.0;
        bits = (unsigned short)f;
        // Round half to even.
        if (f - bits > 0.5 || (f - bits == 0.5 && bits % 2 == 1)) {
            if (++bits == 1024) {
                bits = 0;
                if (++e == 31) {
                    return -1;
                }
            }
        }
    }
    bits |= (unsigned short)((e << 10) | (sign << 15));
    memcpy(out, &bits, 2);
    return 0;
}

double kaa_half_unpack(const unsigned char in[2])
{
    unsigned short bits;
    memcpy(&bits, in, 2);
    int sign = (bits >> 15) & 1;
    int e = (bits >> 10) & 0x1f;
    unsigned f = bits & 0x3ff;
    if (e == 0x1f) {
        if (f == 0) {
            return sign ? -HUGE_VAL : HUGE_VAL;
        }
        return sign ? -NAN : NAN;
    }
    double x = (double)f / 1024.0;
    if (e == 0) {
        e = -14;
    } else {
        x += 1.0;
        e -= 15;
    }
    x = ldexp(x, e);
    return sign ? -x : x;
}
