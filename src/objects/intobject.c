/* int: arbitrary-precision integers.
 *
 * A value that fits in int64_t lives in `value` with `big` NULL; every
 * operation tries that fast path first, detects overflow with the
 * __builtin_*_overflow intrinsics and only then falls back to GMP. Results are
 * normalized: a value that fits in int64_t is always stored small, so
 * KaaInt_IS_SMALL(o) means "fits in int64_t". GMP allocates through kaa_mem_*,
 * so its limbs are counted (and checked at exit) like every other block.
 */
#include <float.h>
#include <gmp.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaa/bytesobject.h"
#include "kaa/errors.h"
#include "kaa/floatobject.h"
#include "kaa/intobject.h"
#include "kaa/object.h"
#include "kaa/strobject.h"
#include "kaa/tupleobject.h"
#include "mem/mem.h"

// GMP's *_si/*_ui functions carry our int64_t values.
_Static_assert(sizeof(long) == sizeof(int64_t), "long must be 64 bits");

#define NSMALLNEG 5
#define NSMALLPOS 257
// Results larger than this many bits raise MemoryError before GMP tries to
// allocate them: GMP cannot report a failed allocation, it aborts.
#define MAX_BITS ((uint64_t)1 << 33)
// The modulus of numeric hashes: 2**61 - 1, as CPython on 64-bit machines.
#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)

static KaaIntObject small_ints[NSMALLNEG + NSMALLPOS];
static int max_str_digits = 4300;

// --- GMP memory hooks --------------------------------------------------------

static void *gmp_alloc(size_t n)
{
    void *p = kaa_mem_alloc(n);
    if (p == NULL) {
        fprintf(stderr, "kaa: out of memory in GMP (%zu bytes)\n", n);
        abort();
    }
    return p;
}

static void *gmp_realloc(void *p, size_t old, size_t n)
{
    void *q = kaa_mem_realloc(p, n);
    if (q == NULL) {
        fprintf(stderr, "kaa: out of memory in GMP (%zu bytes)\n", n);
        abort();
    }
    return q;
}

static void gmp_free(void *p, size_t n)
{
    kaa_mem_free(p);
}

void kaa_int_init(void)
{
    static int done;
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
    if (done) {
        return;
    }
    // Static, never freed: their refcount starts at 1 so it never reaches 0.
    for (int i = 0; i < NSMALLNEG + NSMALLPOS; i++) {
        small_ints[i].ob_base.ob_refcnt = 1;
        small_ints[i].ob_base.ob_type = &KaaInt_Type;
        small_ints[i].value = i - NSMALLNEG;
        small_ints[i].big = NULL;
    }
    done = 1;
}

void kaa_int_fini(void)
{
}

int KaaInt_GetMaxStrDigits(void)
{
    return max_str_digits;
}

int KaaInt_SetMaxStrDigits(int n)
{
    if (n != 0 && n < 640) {
        KaaErr_SetString(KaaExc(ValueError), "maxdigits must be 0 or larger than 640");
        return -1;
    }
    max_str_digits = n;
    return 0;
}

// --- Construction and the mpz view --------------------------------------------

#define SMALL(o) (((KaaIntObject *)(o))->value)
#define BIG(o) ((mpz_ptr)((KaaIntObject *)(o))->big)

KaaObject *KaaInt_FromInt64(int64_t v)
{
    if (v >= -NSMALLNEG && v < NSMALLPOS) {
        KaaObject *o = (KaaObject *)&small_ints[v + NSMALLNEG];
        Kaa_INCREF(o);
        return o;
    }
    KaaIntObject *o = (KaaIntObject *)kaa_object_new(&KaaInt_Type);
    if (o == NULL) {
        return NULL;
    }
    o->value = v;
    o->big = NULL;
    return (KaaObject *)o;
}

KaaObject *KaaInt_FromSsize_t(Kaa_ssize_t v)
{
    return KaaInt_FromInt64((int64_t)v);
}

// New int from z, which this function consumes (clears): small if it fits.
static KaaObject *from_mpz(mpz_ptr z)
{
    if (mpz_fits_slong_p(z)) {
        int64_t v = mpz_get_si(z);
        mpz_clear(z);
        return KaaInt_FromInt64(v);
    }
    KaaIntObject *o = (KaaIntObject *)kaa_object_new(&KaaInt_Type);
    mpz_ptr big = o ? kaa_obj_alloc(sizeof(__mpz_struct)) : NULL;
    if (big == NULL) {
        if (o) {
            kaa_object_free((KaaObject *)o);
            KaaErr_NoMemory();
        }
        mpz_clear(z);
        return NULL;
    }
    // Move the limbs: mpz_init allocates nothing, the swap hands z's over.
    mpz_init(big);
    mpz_swap(big, z);
    mpz_clear(z);
    o->value = 0;
    o->big = big;
    return (KaaObject *)o;
}

// Return o's value as an mpz: its own for a big int, else tmp (initialized by
// the caller) set to the small value. Read only.
static mpz_srcptr as_mpz(KaaObject *o, mpz_ptr tmp)
{
    if (!KaaInt_IS_SMALL(o)) {
        return BIG(o);
    }
    mpz_set_si(tmp, SMALL(o));
    return tmp;
}

// New exact int with o's value (o may be a subclass instance, e.g. bool).
static KaaObject *int_copy(KaaObject *o)
{
    if (KaaInt_CheckExact(o)) {
        return Kaa_NewRef(o);
    }
    if (KaaInt_IS_SMALL(o)) {
        return KaaInt_FromInt64(SMALL(o));
    }
    mpz_t z;
    mpz_init_set(z, BIG(o));
    return from_mpz(z);
}

static int is_zero(KaaObject *o)
{
    return KaaInt_IS_SMALL(o) && SMALL(o) == 0;
}

int KaaInt_Sign(KaaObject *o)
{
    if (KaaInt_IS_SMALL(o)) {
        return (SMALL(o) > 0) - (SMALL(o) < 0);
    }
    return mpz_sgn(BIG(o));
}

// Number of bits of |o| (0 for 0).
static uint64_t bit_length(KaaObject *o)
{
    if (!KaaInt_IS_SMALL(o)) {
        return mpz_sizeinbase(BIG(o), 2);
    }
    int64_t v = SMALL(o);
    uint64_t m = v < 0 ? -(uint64_t)v : (uint64_t)v;
    return m == 0 ? 0 : 64 - __builtin_clzll(m);
}

// --- Conversions to C ---------------------------------------------------------

// Call conv on o, or on o.__index__() when o is not an int.
#define VIA_INDEX(o, conv, failed)                                                                 \
    do {                                                                                           \
        if (!KaaInt_Check(o)) {                                                                    \
            KaaObject *idx_ = KaaNumber_Index(o);                                                  \
            if (idx_ == NULL) {                                                                    \
                return (failed);                                                                   \
            }                                                                                      \
            __typeof__(conv(idx_)) r_ = conv(idx_);                                                \
            Kaa_DECREF(idx_);                                                                      \
            return r_;                                                                             \
        }                                                                                          \
    } while (0)

int64_t KaaInt_AsInt64(KaaObject *o)
{
    VIA_INDEX(o, KaaInt_AsInt64, -1);
    if (KaaInt_IS_SMALL(o)) {
        return SMALL(o);
    }
    KaaErr_SetString(KaaExc(OverflowError), "Python int too large to convert to C long");
    return -1;
}

Kaa_ssize_t KaaInt_AsSsize_t(KaaObject *o)
{
    VIA_INDEX(o, KaaInt_AsSsize_t, -1);
    if (KaaInt_IS_SMALL(o) && SMALL(o) >= PTRDIFF_MIN && SMALL(o) <= PTRDIFF_MAX) {
        return (Kaa_ssize_t)SMALL(o);
    }
    KaaErr_SetString(KaaExc(OverflowError), "Python int too large to convert to C ssize_t");
    return -1;
}

// Round q * 2**shift to a double, half to even; `sticky` says that bits below
// q were lost (the true value is a little above q * 2**shift). q holds at
// least DBL_MANT_DIG + 2 significant bits unless the result is subnormal.
static double round_scaled(uint64_t q, long shift, int sticky)
{
    int qbits = q == 0 ? 0 : 64 - __builtin_clzll(q);
    // Bits to drop: those beyond 53 significant ones, or below 2**-1074.
    long keep_from = DBL_MIN_EXP - shift;
    long extra = (qbits > keep_from ? qbits : keep_from) - DBL_MANT_DIG;
    if (extra > 0) {
        uint64_t half = (uint64_t)1 << (extra - 1);
        uint64_t low = q & ((half << 1) - 1);
        q -= low;
        if (low > half || (low == half && (sticky || (q & (half << 1))))) {
            q += half << 1;
        }
    }
    // q now has at most 54 significant bits ending in zeros: exact in a double.
    return ldexp((double)q, (int)shift);
}

// Correctly rounded a / b for b != 0. Return 0, or -1 when the result is too
// large for a double (no exception set).
static int mpz_true_divide(mpz_srcptr a, mpz_srcptr b, double *out)
{
    int negate = (mpz_sgn(a) < 0) != (mpz_sgn(b) < 0);
    if (mpz_sgn(a) == 0) {
        *out = negate ? -0.0 : 0.0;
        return 0;
    }
    long diff = (long)mpz_sizeinbase(a, 2) - (long)mpz_sizeinbase(b, 2);
    if (diff > DBL_MAX_EXP) {
        return -1;
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
        *out = negate ? -0.0 : 0.0; // below half the smallest subnormal
        return 0;
    }
    // Scale |a| so the quotient has DBL_MANT_DIG + 2 (or + 3) bits.
    long shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    mpz_t x, d, q, r;
    mpz_inits(x, d, q, r, NULL);
    mpz_abs(x, a);
    int sticky = 0;
    if (shift <= 0) {
        mpz_mul_2exp(x, x, (mp_bitcnt_t)-shift);
    } else {
        sticky = mpz_scan1(x, 0) < (mp_bitcnt_t)shift;
        mpz_fdiv_q_2exp(x, x, (mp_bitcnt_t)shift);
    }
    mpz_abs(d, b);
    mpz_tdiv_qr(q, r, x, d);
    sticky |= mpz_sgn(r) != 0;
    double res = round_scaled(mpz_get_ui(q), shift, sticky);
    mpz_clears(x, d, q, r, NULL);
    if (isinf(res)) {
        return -1;
    }
    *out = negate ? -res : res;
    return 0;
}

double KaaInt_AsDouble(KaaObject *o)
{
    VIA_INDEX(o, KaaInt_AsDouble, -1.0);
    if (KaaInt_IS_SMALL(o)) {
        return (double)SMALL(o); // the conversion rounds to nearest, ties even
    }
    mpz_t one;
    mpz_init_set_ui(one, 1);
    double d;
    int r = mpz_true_divide(BIG(o), one, &d);
    mpz_clear(one);
    if (r < 0) {
        KaaErr_SetString(KaaExc(OverflowError), "int too large to convert to float");
        return -1.0;
    }
    return d;
}

KaaObject *KaaInt_FromDouble(double d)
{
    if (isnan(d)) {
        KaaErr_SetString(KaaExc(ValueError), "cannot convert float NaN to integer");
        return NULL;
    }
    if (isinf(d)) {
        KaaErr_SetString(KaaExc(OverflowError), "cannot convert float infinity to integer");
        return NULL;
    }
    if (d > -9223372036854775808.0 && d < 9223372036854775808.0) {
        return KaaInt_FromInt64((int64_t)d); // truncates toward zero
    }
    mpz_t z;
    mpz_init_set_d(z, d); // exact: d is an integer this large
    return from_mpz(z);
}

// Compare int i with double d (not NaN): -1, 0 or 1 as i <, ==, > d, exactly.
int kaa_int_compare_double(KaaObject *i, double d)
{
    if (isinf(d)) {
        return d > 0 ? -1 : 1;
    }
    if (KaaInt_IS_SMALL(i) && SMALL(i) >= -(INT64_C(1) << 53) && SMALL(i) <= (INT64_C(1) << 53)) {
        double x = (double)SMALL(i); // exact
        return (x > d) - (x < d);
    }
    mpz_t tmp;
    mpz_init(tmp);
    int c = mpz_cmp_d(as_mpz(i, tmp), d); // GMP compares exactly
    mpz_clear(tmp);
    return (c > 0) - (c < 0);
}

// --- Text ---------------------------------------------------------------------

static KaaObject *digit_limit_error(void)
{
    return KaaErr_Format(KaaExc(ValueError),
                         "Exceeds the limit (%d digits) for integer string conversion; "
                         "use sys.set_int_max_str_digits() to increase the limit",
                         max_str_digits);
}

KaaObject *kaa_int_repr(KaaObject *o)
{
    if (KaaInt_IS_SMALL(o)) {
        char buf[24];
        int n = snprintf(buf, sizeof buf, "%" PRId64, SMALL(o));
        return KaaStr_FromStringAndSize(buf, n);
    }
    mpz_ptr z = BIG(o);
    // sizeinbase may exceed the true digit count by one: check before and after.
    size_t est = mpz_sizeinbase(z, 10);
    if (max_str_digits > 0 && est > (size_t)max_str_digits + 1) {
        return digit_limit_error();
    }
    char *buf = kaa_mem_alloc(est + 2);
    if (buf == NULL) {
        return KaaErr_NoMemory();
    }
    mpz_get_str(buf, 10, z);
    size_t n = strlen(buf);
    KaaObject *s;
    if (max_str_digits > 0 && n - (buf[0] == '-') > (size_t)max_str_digits) {
        s = digit_limit_error();
    } else {
        s = KaaStr_FromStringAndSize(buf, (Kaa_ssize_t)n);
    }
    kaa_mem_free(buf);
    return s;
}

static KaaObject *int_repr(KaaObject *o)
{
    return kaa_int_repr(o);
}

// Write |v| in base (2, 8 or 16) ending at end; return the first character.
static char *format_u64(uint64_t m, int base, char *end)
{
    const char *digits = "0123456789abcdef";
    *--end = '\0';
    do {
        *--end = digits[m % base];
        m /= base;
    } while (m != 0);
    return end;
}

KaaObject *kaa_int_format_base(KaaObject *o, int base)
{
    if (base == 10) {
        return kaa_int_repr(o);
    }
    const char *prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
    int neg = KaaInt_Sign(o) < 0;
    if (KaaInt_IS_SMALL(o)) {
        char buf[72];
        int64_t v = SMALL(o);
        char *digits = format_u64(neg ? -(uint64_t)v : (uint64_t)v, base, buf + sizeof buf);
        return KaaStr_FromFormat("%s%s%s", neg ? "-" : "", prefix, digits);
    }
    mpz_t m;
    mpz_init(m);
    mpz_abs(m, BIG(o));
    size_t cap = mpz_sizeinbase(m, base) + 4;
    char *buf = kaa_mem_alloc(cap);
    if (buf == NULL) {
        mpz_clear(m);
        return KaaErr_NoMemory();
    }
    // Sign and prefix first, then the digits after them.
    size_t off = 0;
    if (neg) {
        buf[off++] = '-';
    }
    buf[off++] = prefix[0];
    buf[off++] = prefix[1];
    mpz_get_str(buf + off, base, m);
    mpz_clear(m);
    KaaObject *s = KaaStr_FromString(buf);
    kaa_mem_free(buf);
    return s;
}

static int is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 99;
}

// ValueError quoting the text, cut to 200 characters as CPython does.
static KaaObject *invalid_literal(const char *s, size_t len, int base)
{
    size_t cut = 0;
    for (size_t chars = 0; cut < len && chars < 200; chars++) {
        cut++;
        while (cut < len && ((unsigned char)s[cut] & 0xC0) == 0x80) {
            cut++; // UTF-8 continuation byte
        }
    }
    KaaObject *text = KaaStr_FromStringAndSize(s, (Kaa_ssize_t)cut);
    if (text == NULL) {
        return NULL;
    }
    KaaErr_Format(KaaExc(ValueError), "invalid literal for int() with base %d: %R", base, text);
    Kaa_DECREF(text);
    return NULL;
}

// Skip a "0x"/"0o"/"0b" prefix matching *base (deducing the base when 0).
// Return 1 if a prefix was skipped.
static int skip_prefix(const char **pp, const char *end, int *base, int *octal_zero)
{
    const char *p = *pp;
    int pb = 0;
    if (end - p >= 2 && p[0] == '0') {
        char c = p[1] | 0x20;
        pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
    }
    if (*base == 0) {
        // Base 0 without a prefix is decimal, where "0..." must be all zeros.
        *octal_zero = pb == 0 && p < end && p[0] == '0';
        *base = pb ? pb : 10;
    }
    if (pb != 0 && pb == *base) {
        *pp = p + 2;
        return 1;
    }
    return 0;
}

// Scan digits with single underscores between them from *pp; copy the digit
// characters to out (when not NULL). Return the digit count (0: invalid).
static size_t scan_digits(const char **pp, const char *end, int base, char *out)
{
    const char *p = *pp;
    size_t n = 0;
    while (p < end) {
        if (*p == '_') {
            if (n == 0 || p + 1 >= end || digit_value(p[1]) >= base) {
                return 0;
            }
            p++;
        }
        if (digit_value(*p) >= base) {
            break;
        }
        if (out) {
            out[n] = *p;
        }
        n++;
        p++;
    }
    *pp = p;
    return n;
}

// Build the value of n digits (already validated) in base.
static KaaObject *digits_value(const char *p, const char *end, size_t n, int base, int neg)
{
    uint64_t acc = 0;
    int overflow = 0;
    for (const char *q = p; q < end && !overflow; q++) {
        if (*q != '_') {
            overflow = __builtin_mul_overflow(acc, (uint64_t)base, &acc) ||
                       __builtin_add_overflow(acc, (uint64_t)digit_value(*q), &acc);
        }
    }
    if (!overflow && acc <= (uint64_t)INT64_MAX + neg) {
        return KaaInt_FromInt64(neg ? (int64_t)(0 - acc) : (int64_t)acc);
    }
    char *buf = kaa_mem_alloc(n + 1);
    if (buf == NULL) {
        return KaaErr_NoMemory();
    }
    scan_digits(&p, end, base, buf);
    buf[n] = '\0';
    mpz_t z;
    mpz_init_set_str(z, buf, base);
    kaa_mem_free(buf);
    if (neg) {
        mpz_neg(z, z);
    }
    return from_mpz(z);
}

KaaObject *KaaInt_FromString(const char *s, size_t len, int base)
{
    if ((base != 0 && base < 2) || base > 36) {
        KaaErr_SetString(KaaExc(ValueError), "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    const char *p = s, *end = s + len;
    while (p < end && is_space(*p)) {
        p++;
    }
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p++ == '-';
    }
    int b = base, octal_zero = 0;
    if (skip_prefix(&p, end, &b, &octal_zero) && p < end && *p == '_') {
        p++; // one underscore may follow the base prefix
    }
    const char *start = p;
    size_t n = scan_digits(&p, end, b, NULL);
    if (n == 0) {
        return invalid_literal(s, len, base);
    }
    // CPython checks the digit limit before looking at what follows the digits.
    if ((b & (b - 1)) != 0 && max_str_digits > 0 && n > (size_t)max_str_digits) {
        return KaaErr_Format(KaaExc(ValueError),
                             "Exceeds the limit (%d digits) for integer string conversion: "
                             "value has %zu digits; use sys.set_int_max_str_digits() "
                             "to increase the limit",
                             max_str_digits, n);
    }
    const char *digits_end = p;
    while (p < end && is_space(*p)) {
        p++;
    }
    if (p != end) {
        return invalid_literal(s, len, base);
    }
    KaaObject *v = digits_value(start, digits_end, n, b, neg);
    if (v != NULL && octal_zero && !is_zero(v)) {
        Kaa_DECREF(v);
        return invalid_literal(s, len, base);
    }
    return v;
}

// --- Arithmetic -----------------------------------------------------------------

#define CHECK_BINOP(a, b)                                                                          \
    do {                                                                                           \
        if (!KaaInt_Check(a) || !KaaInt_Check(b)) {                                                \
            Kaa_RETURN_NOTIMPLEMENTED;                                                             \
        }                                                                                          \
    } while (0)

#define BOTH_SMALL(a, b) (KaaInt_IS_SMALL(a) && KaaInt_IS_SMALL(b))

typedef void (*mpz_binop)(mpz_ptr, mpz_srcptr, mpz_srcptr);

// The slow path of a binary operation: fn on both values as mpz.
static KaaObject *big_binop(KaaObject *a, KaaObject *b, mpz_binop fn)
{
    mpz_t ta, tb, r;
    mpz_inits(ta, tb, r, NULL);
    fn(r, as_mpz(a, ta), as_mpz(b, tb));
    mpz_clears(ta, tb, NULL);
    return from_mpz(r);
}

static KaaObject *int_add(KaaObject *a, KaaObject *b)
{
    CHECK_BINOP(a, b);
    int64_t r;
    if (BOTH_SMALL(a, b) && !__builtin_add_overflow(SMALL(a), SMALL(b), &r)) {
        return KaaInt_FromInt64(r);
    }
    return big_binop(a, b, mpz_add);
}

static KaaObject *int_sub(KaaObject *a, KaaObject *b)
{
    CHECK_BINOP(a, b);
    int64_t r;
    if (BOTH_SMALL(a, b) && !__builtin_sub_overflow(SMALL(a), SMALL(b), &r)) {
        return KaaInt_FromInt64(r);
    }
    return big_binop(a, b, mpz_sub);
}

static KaaObject *int_mul(KaaObject *a, KaaObject *b)
{
    CHECK_BINOP(a, b);
    int64_t r;
    if (BOTH_SMALL(a, b) && !__builtin_mul_overflow(SMALL(a), SMALL(b), &r)) {
        return KaaInt_FromInt64(r);
    }
    if (bit_length(a) + bit_length(b) > MAX_BITS) {
        return KaaErr_NoMemory();
    }
    return big_binop(a, b, mpz_mul);
}

// Floor division and modulo of small values (y != 0, not INT64_MIN / -1).
static int64_t floor_div64(int64_t x, int64_t y)
{
    int64_t q = x / y;
    if (x % y != 0 && ((x < 0) != (y < 0))) {
        q--;
    }
    return q;
}

static int64_t floor_mod64(int64_t x, int64_t y)
{
    if (y == -1) {
        return 0; // INT64_MIN % -1 traps on x86
    }
    int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) {
        r += y;
    }
    return r;
}

static int small_divisible(KaaObject *a, KaaObject *b)
{
    return BOTH_SMALL(a, b) && !(SMALL(a) == INT64_MIN && SMALL(b) == -1);
}

static KaaObject *int_floor_div(KaaObject *a, KaaObject *b)
{
    CHECK_BINOP(a, b);
    if (is_zero(b)) {
        KaaErr_SetString(KaaExc(ZeroDivisionError), "integer division or modulo by zero");
        return NULL;
    }
    if (small_divisible(a, b)) {
        return KaaInt_FromInt64(floor_div64(SMALL(a), SMALL(b)));
    }
    return big_binop(a, b, mpz_fdiv_q);
}

static KaaObject *int_mod(KaaObject *a, KaaObject *b)
{
    CHECK_BINOP(a, b);
    if (is_zero(b)) {
        KaaErr_SetString(KaaExc(ZeroDivisionError), "integer modulo by zero");
        return NULL;
    }
    if (BOTH_SMALL(a, b)) {
        return KaaInt_FromInt64(floor_mod64(SMALL(a), SMALL(b)));
    }
    return big_binop(a, b, mpz_fdiv_r);
}

// New 2-tuple (q, r), stealing both; NULL (releasing them) if either is NULL.
static KaaObject *pair(KaaObject *q, KaaObject *r)
{
    KaaObject *t = (q && r) ? KaaTuple_New(2) : NULL;
    if (t == NULL) {
        Kaa_XDECREF(q);
        Kaa_XDECREF(r);
        return NULL;
    }
    KaaTuple_SET_ITEM(t, 0, q);
    KaaTuple_SET_ITEM(t, 1, r);
    return t;
}

static KaaObject *int_divmod(KaaObject *a, KaaObject *b)
{
    CHECK_BINOP(a, b);
    if (is_zero(b)) {
        KaaErr_SetString(KaaExc(ZeroDivisionError), "integer division or modulo by zero");
        return NULL;
    }
    if (small_divisible(a, b)) {
        int64_t x = SMALL(a), y = SMALL(b);
        return pair(KaaInt_FromInt64(floor_div64(x, y)), KaaInt_FromInt64(floor_mod64(x, y)));
    }
    mpz_t ta, tb, q, r;
    mpz_inits(ta, tb, q, r, NULL);
    mpz_fdiv_qr(q, r, as_mpz(a, ta), as_mpz(b, tb));
    mpz_clears(ta, tb, NULL);
    KaaObject *qo = from_mpz(q);
    return pair(qo, from_mpz(r));
}

static KaaObject *int_true_div(KaaObject *a, KaaObject *b)
{
    CHECK_BINOP(a, b);
    if (is_zero(b)) {
        KaaErr_SetString(KaaExc(ZeroDivisionError), "division by zero");
        return NULL;
    }
    const int64_t exact = INT64_C(1) << DBL_MANT_DIG;
    if (BOTH_SMALL(a, b) && SMALL(a) >= -exact && SMALL(a) <= exact && SMALL(b) >= -exact &&
        SMALL(b) <= exact) {
        // Both exact in a double: IEEE division rounds correctly.
        return KaaFloat_FromDouble((double)SMALL(a) / (double)SMALL(b));
    }
    mpz_t ta, tb;
    mpz_inits(ta, tb, NULL);
    double d;
    int r = mpz_true_divide(as_mpz(a, ta), as_mpz(b, tb), &d);
    mpz_clears(ta, tb, NULL);
    if (r < 0) {
        KaaErr_SetString(KaaExc(OverflowError), "integer division result too large for a float");
        return NULL;
    }
    return KaaFloat_FromDouble(d);
}

// base ** exp for small values by squaring; 0 when an overflow needs GMP.
static int pow64(int64_t base, uint64_t exp, int64_t *out)
{
    int64_t r = 1;
    while (exp != 0) {
        if ((exp & 1) && __builtin_mul_overflow(r, base, &r)) {
            return 0;
        }
        exp >>= 1;
        if (exp != 0 && __builtin_mul_overflow(base, base, &base)) {
            return 0;
        }
    }
    *out = r;
    return 1;
}

// a ** b for b >= 0.
static KaaObject *int_pow_positive(KaaObject *a, KaaObject *b)
{
    int64_t r;
    if (KaaInt_IS_SMALL(a)) {
        int64_t x = SMALL(a);
        if (x == 0 || x == 1) {
            return KaaInt_FromInt64(is_zero(b) ? 1 : x);
        }
        if (x == -1) {
            int odd = KaaInt_IS_SMALL(b) ? (SMALL(b) & 1) : mpz_odd_p(BIG(b));
            return KaaInt_FromInt64(odd ? -1 : 1);
        }
        if (KaaInt_IS_SMALL(b) && pow64(x, (uint64_t)SMALL(b), &r)) {
            return KaaInt_FromInt64(r);
        }
    }
    // |a| >= 2 here: the result has at least (bits(a) - 1) * b bits.
    uint64_t bits;
    if (!KaaInt_IS_SMALL(b) ||
        __builtin_mul_overflow(bit_length(a) - 1, (uint64_t)SMALL(b), &bits) || bits > MAX_BITS) {
        return KaaErr_NoMemory();
    }
    mpz_t ta, z;
    mpz_inits(ta, z, NULL);
    mpz_pow_ui(z, as_mpz(a, ta), (unsigned long)SMALL(b));
    mpz_clear(ta);
    return from_mpz(z);
}

// pow(a, b, c) for ints, c != 0: the result has c's sign, as a % c.
static KaaObject *int_pow_mod(KaaObject *a, KaaObject *b, KaaObject *c)
{
    if (is_zero(c)) {
        KaaErr_SetString(KaaExc(ValueError), "pow() 3rd argument cannot be 0");
        return NULL;
    }
    mpz_t ta, tb, tc, m, base, exp, r;
    mpz_inits(ta, tb, tc, m, base, exp, r, NULL);
    mpz_abs(m, as_mpz(c, tc));
    mpz_set(base, as_mpz(a, ta));
    mpz_set(exp, as_mpz(b, tb));
    KaaObject *res = NULL;
    if (mpz_cmp_ui(m, 1) == 0) {
        res = KaaInt_FromInt64(0);
        goto done;
    }
    if (mpz_sgn(exp) < 0) {
        if (!mpz_invert(base, base, m)) {
            KaaErr_SetString(KaaExc(ValueError), "base is not invertible for the given modulus");
            goto done;
        }
        mpz_neg(exp, exp);
    }
    mpz_powm(r, base, exp, m); // in [0, m)
    if (KaaInt_Sign(c) < 0 && mpz_sgn(r) != 0) {
        mpz_sub(r, r, m);
    }
    res = from_mpz(r);
    mpz_init(r); // from_mpz cleared it; keep the mpz_clears below valid
done:
    mpz_clears(ta, tb, tc, m, base, exp, r, NULL);
    return res;
}

static KaaObject *int_pow(KaaObject *a, KaaObject *b, KaaObject *c)
{
    CHECK_BINOP(a, b);
    if (c != NULL && c != Kaa_None) {
        if (!KaaInt_Check(c)) {
            Kaa_RETURN_NOTIMPLEMENTED;
        }
        return int_pow_mod(a, b, c);
    }
    if (KaaInt_Sign(b) < 0) {
        // A negative exponent makes a float: float's power converts both.
        return KaaFloat_Type.tp_as_number->nb_power(a, b, Kaa_None);
    }
    return int_pow_positive(a, b);
}

static KaaObject *int_neg(KaaObject *a)
{
    if (KaaInt_IS_SMALL(a) && SMALL(a) != INT64_MIN) {
        return KaaInt_FromInt64(-SMALL(a));
    }
    mpz_t t, z;
    mpz_inits(t, z, NULL);
    mpz_neg(z, as_mpz(a, t));
    mpz_clear(t);
    return from_mpz(z);
}

static KaaObject *int_pos(KaaObject *a)
{
    return int_copy(a);
}

static KaaObject *int_abs(KaaObject *a)
{
    return KaaInt_Sign(a) < 0 ? int_neg(a) : int_copy(a);
}

static KaaObject *int_invert(KaaObject *a)
{
    if (KaaInt_IS_SMALL(a)) {
        return KaaInt_FromInt64(~SMALL(a)); // -(x + 1): always in range
    }
    mpz_t z;
    mpz_init(z);
    mpz_com(z, BIG(a));
    return from_mpz(z);
}

static int int_bool(KaaObject *a)
{
    return !is_zero(a);
}

static KaaObject *negative_shift(void)
{
    KaaErr_SetString(KaaExc(ValueError), "negative shift count");
    return NULL;
}

static KaaObject *int_lshift(KaaObject *a, KaaObject *b)
{
    CHECK_BINOP(a, b);
    if (KaaInt_Sign(b) < 0) {
        return negative_shift();
    }
    if (is_zero(a)) {
        return KaaInt_FromInt64(0);
    }
    if (!KaaInt_IS_SMALL(b) || bit_length(a) + (uint64_t)SMALL(b) > MAX_BITS) {
        return KaaErr_NoMemory();
    }
    int64_t s = SMALL(b), r;
    if (KaaInt_IS_SMALL(a) && s < 63 && !__builtin_mul_overflow(SMALL(a), INT64_C(1) << s, &r)) {
        return KaaInt_FromInt64(r);
    }
    mpz_t t, z;
    mpz_inits(t, z, NULL);
    mpz_mul_2exp(z, as_mpz(a, t), (mp_bitcnt_t)s);
    mpz_clear(t);
    return from_mpz(z);
}

static KaaObject *int_rshift(KaaObject *a, KaaObject *b)
{
    CHECK_BINOP(a, b);
    if (KaaInt_Sign(b) < 0) {
        return negative_shift();
    }
    // Shifting by at least the bit length leaves only the sign: 0 or -1.
    if (!KaaInt_IS_SMALL(b) || (uint64_t)SMALL(b) >= bit_length(a)) {
        return KaaInt_FromInt64(KaaInt_Sign(a) < 0 ? -1 : 0);
    }
    if (KaaInt_IS_SMALL(a)) {
        return KaaInt_FromInt64(SMALL(a) >> SMALL(b)); // arithmetic shift in GCC/Clang
    }
    mpz_t z;
    mpz_init(z);
    mpz_fdiv_q_2exp(z, BIG(a), (mp_bitcnt_t)SMALL(b));
    return from_mpz(z);
}

// & | ^ use two's complement semantics on negatives, as GMP's functions do.
static KaaObject *int_and(KaaObject *a, KaaObject *b)
{
    CHECK_BINOP(a, b);
    if (BOTH_SMALL(a, b)) {
        return KaaInt_FromInt64(SMALL(a) & SMALL(b));
    }
    return big_binop(a, b, mpz_and);
}

static KaaObject *int_or(KaaObject *a, KaaObject *b)
{
    CHECK_BINOP(a, b);
    if (BOTH_SMALL(a, b)) {
        return KaaInt_FromInt64(SMALL(a) | SMALL(b));
    }
    return big_binop(a, b, mpz_ior);
}

static KaaObject *int_xor(KaaObject *a, KaaObject *b)
{
    CHECK_BINOP(a, b);
    if (BOTH_SMALL(a, b)) {
        return KaaInt_FromInt64(SMALL(a) ^ SMALL(b));
    }
    return big_binop(a, b, mpz_xor);
}

static KaaObject *int_float(KaaObject *a)
{
    double d = KaaInt_AsDouble(a);
    if (d == -1.0 && KaaErr_Occurred()) {
        return NULL;
    }
    return KaaFloat_FromDouble(d);
}

// --- Comparison and hash --------------------------------------------------------

static int int_compare(KaaObject *a, KaaObject *b)
{
    if (BOTH_SMALL(a, b)) {
        return (SMALL(a) > SMALL(b)) - (SMALL(a) < SMALL(b));
    }
    mpz_t ta, tb;
    mpz_inits(ta, tb, NULL);
    int c = mpz_cmp(as_mpz(a, ta), as_mpz(b, tb));
    mpz_clears(ta, tb, NULL);
    return (c > 0) - (c < 0);
}

static KaaObject *int_richcompare(KaaObject *a, KaaObject *b, int op)
{
    if (!KaaInt_Check(a) || !KaaInt_Check(b)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    int c = int_compare(a, b);
    int r = 0;
    switch (op) {
    case Kaa_EQ:
        r = c == 0;
        break;
    case Kaa_NE:
        r = c != 0;
        break;
    case Kaa_LT:
        r = c < 0;
        break;
    case Kaa_LE:
        r = c <= 0;
        break;
    case Kaa_GT:
        r = c > 0;
        break;
    case Kaa_GE:
        r = c >= 0;
        break;
    }
    return KaaBool_FromLong(r);
}

// CPython's numeric hash: sign(x) * (|x| mod (2**61 - 1)), with -1 -> -2.
static Kaa_hash_t int_hash(KaaObject *a)
{
    uint64_t m;
    int neg;
    if (KaaInt_IS_SMALL(a)) {
        int64_t v = SMALL(a);
        neg = v < 0;
        m = (neg ? -(uint64_t)v : (uint64_t)v) % HASH_MODULUS;
    } else {
        neg = mpz_sgn(BIG(a)) < 0;
        m = mpz_tdiv_ui(BIG(a), HASH_MODULUS); // |remainder|
    }
    Kaa_hash_t h = neg ? -(Kaa_hash_t)m : (Kaa_hash_t)m;
    return h == -1 ? -2 : h;
}

// --- Methods and attributes -----------------------------------------------------

static KaaObject *int_bit_length(KaaObject *self, KaaObject *unused)
{
    return KaaInt_FromInt64((int64_t)bit_length(self));
}

static KaaObject *int_bit_count(KaaObject *self, KaaObject *unused)
{
    if (KaaInt_IS_SMALL(self)) {
        int64_t v = SMALL(self);
        return KaaInt_FromInt64(__builtin_popcountll(v < 0 ? -(uint64_t)v : (uint64_t)v));
    }
    mpz_t m;
    mpz_init(m);
    mpz_abs(m, BIG(self)); // mpz_popcount of a negative is "infinite"
    int64_t n = (int64_t)mpz_popcount(m);
    mpz_clear(m);
    return KaaInt_FromInt64(n);
}

static KaaObject *int_self(KaaObject *self, KaaObject *unused)
{
    return int_copy(self);
}

static KaaObject *int_as_integer_ratio(KaaObject *self, KaaObject *unused)
{
    return pair(int_copy(self), KaaInt_FromInt64(1));
}

static KaaObject *int_getnewargs(KaaObject *self, KaaObject *unused)
{
    KaaObject *v = int_copy(self);
    KaaObject *t = v ? KaaTuple_New(1) : NULL;
    if (t == NULL) {
        Kaa_XDECREF(v);
        return NULL;
    }
    KaaTuple_SET_ITEM(t, 0, v);
    return t;
}

// self rounded to a multiple of 10**k, k > 0, half to even.
static KaaObject *round_to_pow10(KaaObject *self, uint64_t k)
{
    // 10**k > 2 * |self| whenever k exceeds the digit count: the result is 0.
    if (k > bit_length(self) / 3 + 2) {
        return KaaInt_FromInt64(0);
    }
    mpz_t t, p, q, r;
    mpz_inits(t, p, q, r, NULL);
    mpz_ui_pow_ui(p, 10, (unsigned long)k);
    mpz_fdiv_qr(q, r, as_mpz(self, t), p);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, p);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) {
        mpz_add_ui(q, q, 1);
    }
    mpz_mul(q, q, p);
    mpz_clears(t, p, r, NULL);
    return from_mpz(q);
}

static KaaObject *int_round(KaaObject *self, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    if (kwnames != NULL && KaaTuple_GET_SIZE(kwnames) > 0) {
        KaaErr_SetString(KaaExc(TypeError), "int.__round__() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        return KaaErr_Format(KaaExc(TypeError), "__round__ expected at most 1 argument, got %zu",
                             nargs);
    }
    if (nargs == 0 || args[0] == Kaa_None) {
        return int_copy(self);
    }
    KaaObject *nd = KaaNumber_Index(args[0]);
    if (nd == NULL) {
        return NULL;
    }
    int sign = KaaInt_Sign(nd);
    int huge = !KaaInt_IS_SMALL(nd) || SMALL(nd) <= INT64_MIN + 1;
    uint64_t k = (sign < 0 && !huge) ? (uint64_t)(-SMALL(nd)) : 0;
    Kaa_DECREF(nd);
    if (sign >= 0) {
        return int_copy(self);
    }
    // An enormous negative ndigits rounds everything to 0.
    return huge ? KaaInt_FromInt64(0) : round_to_pow10(self, k);
}

static KaaObject *int_get_self(KaaObject *self, void *closure)
{
    return int_copy(self);
}

static KaaObject *int_get_zero(KaaObject *self, void *closure)
{
    return KaaInt_FromInt64(0);
}

static KaaObject *int_get_one(KaaObject *self, void *closure)
{
    return KaaInt_FromInt64(1);
}

// --- Construction from Python -----------------------------------------------------

// int(b'12', base): the bytes' text, with the bytes' repr in the error.
static KaaObject *int_from_bytes_text(KaaObject *x, int base)
{
    const char *data = KaaBytes_Check(x) ? KaaBytes_AS_STRING(x) : KaaByteArray_AS_STRING(x);
    Kaa_ssize_t n = Kaa_SIZE(x);
    for (Kaa_ssize_t i = 0; i < n; i++) {
        if ((unsigned char)data[i] >= 0x80 || data[i] == 0) {
            return KaaErr_Format(KaaExc(ValueError), "invalid literal for int() with base %d: %R",
                                 base, x);
        }
    }
    KaaObject *r = KaaInt_FromString(data, (size_t)n, base);
    if (r == NULL && KaaErr_ExceptionMatches(KaaExc(ValueError))) {
        KaaErr_Clear();
        KaaErr_Format(KaaExc(ValueError), "invalid literal for int() with base %d: %R", base, x);
    }
    return r;
}

// int(x) for one argument: CPython's PyNumber_Long.
static KaaObject *number_long(KaaObject *x)
{
    if (KaaInt_CheckExact(x)) {
        return Kaa_NewRef(x);
    }
    KaaNumberMethods *nb = Kaa_TYPE(x)->tp_as_number;
    if (nb != NULL && nb->nb_int != NULL) {
        KaaObject *r = nb->nb_int(x);
        if (r == NULL || KaaInt_CheckExact(r)) {
            return r;
        }
        if (!KaaInt_Check(r)) {
            KaaErr_Format(KaaExc(TypeError), "__int__ returned non-int (type %T)", r);
            Kaa_DECREF(r);
            return NULL;
        }
        Kaa_SETREF(r, int_copy(r));
        return r;
    }
    if (nb != NULL && nb->nb_index != NULL) {
        KaaObject *r = KaaNumber_Index(x);
        if (r != NULL && !KaaInt_CheckExact(r)) {
            Kaa_SETREF(r, int_copy(r));
        }
        return r;
    }
    if (KaaStr_Check(x)) {
        return KaaInt_FromString(KaaStr_DATA(x), (size_t)KaaStr_NBYTES(x), 10);
    }
    if (KaaBytes_Check(x) || KaaByteArray_Check(x)) {
        return int_from_bytes_text(x, 10);
    }
    return KaaErr_Format(KaaExc(TypeError),
                         "int() argument must be a string, a bytes-like object or a real "
                         "number, not '%T'",
                         x);
}

static KaaObject *int_new_impl(KaaObject *x, KaaObject *obase)
{
    if (x == NULL) {
        if (obase != NULL) {
            KaaErr_SetString(KaaExc(TypeError), "int() missing string argument");
            return NULL;
        }
        return KaaInt_FromInt64(0);
    }
    if (obase == NULL) {
        return number_long(x);
    }
    Kaa_ssize_t base = KaaNumber_AsSsize_t(obase, NULL);
    if (base == -1 && KaaErr_Occurred()) {
        return NULL;
    }
    if ((base != 0 && base < 2) || base > 36) {
        KaaErr_SetString(KaaExc(ValueError), "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    if (KaaBytes_Check(x) || KaaByteArray_Check(x)) {
        return int_from_bytes_text(x, (int)base);
    }
    if (!KaaStr_Check(x)) {
        KaaErr_SetString(KaaExc(TypeError), "int() can't convert non-string with explicit base");
        return NULL;
    }
    return KaaInt_FromString(KaaStr_DATA(x), (size_t)KaaStr_NBYTES(x), (int)base);
}

// An instance of the int subclass `type` with the value of the exact int v
// (which this function consumes).
static KaaObject *int_subtype_new(KaaTypeObject *type, KaaObject *v)
{
    KaaIntObject *o = (KaaIntObject *)KaaType_GenericAlloc(type, 0);
    if (o == NULL) {
        Kaa_DECREF(v);
        return NULL;
    }
    o->value = SMALL(v);
    o->big = NULL;
    if (!KaaInt_IS_SMALL(v)) {
        o->big = kaa_obj_alloc(sizeof(__mpz_struct));
        if (o->big == NULL) {
            Kaa_DECREF(v);
            Kaa_DECREF(o);
            return KaaErr_NoMemory();
        }
        mpz_init_set(o->big, BIG(v));
    }
    Kaa_DECREF(v);
    return (KaaObject *)o;
}

// int(x=0, /, base=10)
static KaaObject *int_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                          KaaObject *kwnames)
{
    size_t nkw = kwnames ? (size_t)KaaTuple_GET_SIZE(kwnames) : 0;
    if (nargs + nkw > 2) {
        return KaaErr_Format(KaaExc(TypeError), "int() takes at most 2 arguments (%zu given)",
                             nargs + nkw);
    }
    KaaObject *x = nargs > 0 ? args[0] : NULL;
    KaaObject *obase = nargs > 1 ? args[1] : NULL;
    for (size_t i = 0; i < nkw; i++) {
        KaaObject *name = KaaTuple_GET_ITEM(kwnames, i);
        if (!KaaStr_EqualToASCII(name, "base")) {
            return KaaErr_Format(KaaExc(TypeError), "'%U' is an invalid keyword argument for int()",
                                 name);
        }
        if (obase != NULL) {
            KaaErr_SetString(KaaExc(TypeError),
                             "argument for int() given by name ('base') and position (2)");
            return NULL;
        }
        obase = args[nargs + i];
    }
    KaaObject *v = int_new_impl(x, obase);
    if (v == NULL || type == &KaaInt_Type) {
        return v;
    }
    return int_subtype_new(type, v);
}

static void int_dealloc(KaaObject *o)
{
    KaaIntObject *v = (KaaIntObject *)o;
    if (v >= small_ints && v < small_ints + NSMALLNEG + NSMALLPOS) {
        // A refcount bug somewhere: a static small int must never be freed.
        fprintf(stderr, "kaa: fatal: deallocating the small int %" PRId64 "\n", v->value);
        abort();
    }
    if (v->big != NULL) {
        mpz_clear(v->big);
        kaa_obj_free(v->big);
    }
    kaa_object_free(o);
}

// --- The type -----------------------------------------------------------------------

static KaaNumberMethods int_as_number = {
    .nb_add = int_add,
    .nb_subtract = int_sub,
    .nb_multiply = int_mul,
    .nb_true_divide = int_true_div,
    .nb_remainder = int_mod,
    .nb_power = int_pow,
    .nb_lshift = int_lshift,
    .nb_rshift = int_rshift,
    .nb_or = int_or,
    .nb_xor = int_xor,
    .nb_and = int_and,
    .nb_floor_divide = int_floor_div,
    .nb_divmod = int_divmod,
    .nb_negative = int_neg,
    .nb_positive = int_pos,
    .nb_absolute = int_abs,
    .nb_invert = int_invert,
    .nb_bool = int_bool,
    .nb_int = int_pos,
    .nb_float = int_float,
    .nb_index = int_pos,
};

// --- to_bytes / from_bytes -------------------------------------------------------------

int kaa_unpack_args(const char *fname, KaaObject *const *args, size_t nargs, KaaObject *kwnames,
                    const char *const *kwlist, int nrequired, KaaObject **out);

// byteorder argument: 1 little, 0 big, -1 error.
static int parse_byteorder(KaaObject *o)
{
    if (o == NULL) {
        return 0;
    }
    if (!KaaStr_Check(o)) {
        KaaErr_Format(KaaExc(TypeError), "to_bytes() argument 'byteorder' must be str, not %T", o);
        return -1;
    }
    if (KaaStr_EqualToASCII(o, "little")) {
        return 1;
    }
    if (KaaStr_EqualToASCII(o, "big")) {
        return 0;
    }
    KaaErr_SetString(KaaExc(ValueError), "byteorder must be either 'little' or 'big'");
    return -1;
}

// int.to_bytes(length=1, byteorder='big', *, signed=False): two's complement
// for signed values, as CPython's _PyLong_AsByteArray.
static KaaObject *int_to_bytes(KaaObject *self, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    static const char *const kwlist[] = {"length", "byteorder", "signed", NULL};
    KaaObject *a[3] = {NULL, NULL, NULL};
    if (kaa_unpack_args("to_bytes", args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    Kaa_ssize_t length = 1;
    if (a[0]) {
        length = KaaNumber_AsSsize_t(a[0], KaaExc(OverflowError));
        if (length == -1 && KaaErr_Occurred()) {
            return NULL;
        }
        if (length < 0) {
            return KaaErr_Format(KaaExc(ValueError), "length argument must be non-negative");
        }
    }
    int little = parse_byteorder(a[1]);
    int is_signed = a[2] ? KaaObject_IsTrue(a[2]) : 0;
    if (little < 0 || is_signed < 0) {
        return NULL;
    }
    mpz_t tmp, v;
    mpz_init(tmp);
    mpz_init_set(v, as_mpz(self, tmp));
    mpz_clear(tmp);
    int neg = mpz_sgn(v) < 0;
    if (neg && !is_signed) {
        mpz_clear(v);
        return KaaErr_Format(KaaExc(OverflowError), "can't convert negative int to unsigned");
    }
    // Fits when -2**(8n-1) <= v < 2**(8n-1) (signed) or v < 2**(8n).
    size_t bits = mpz_sgn(v) == 0 ? 0 : mpz_sizeinbase(v, 2);
    int fits;
    if (!is_signed) {
        fits = bits <= (size_t)length * 8;
    } else if (!neg) {
        fits = bits < (size_t)length * 8 || (bits == 0 && length == 0);
    } else {
        // v >= -2**(8n-1): |v| <= 2**(8n-1)
        mpz_t m;
        mpz_init(m);
        mpz_neg(m, v);
        mpz_sub_ui(m, m, 1); // |v| - 1 < 2**(8n-1)
        size_t mb = mpz_sgn(m) == 0 ? 0 : mpz_sizeinbase(m, 2);
        fits = mb < (size_t)length * 8 || (mb == 0 && length == 0); // CPython: (-1).to_bytes(0, signed=True) is b''
        mpz_clear(m);
    }
    if (!fits) {
        mpz_clear(v);
        return KaaErr_Format(KaaExc(OverflowError), "int too big to convert");
    }
    if (neg) {
        // Two's complement: v + 2**(8n).
        mpz_t m;
        mpz_init(m);
        mpz_ui_pow_ui(m, 2, (unsigned long)length * 8);
        mpz_add(v, v, m);
        mpz_clear(m);
    }
    KaaObject *res = KaaBytes_FromStringAndSize(NULL, length);
    if (res == NULL) {
        mpz_clear(v);
        return NULL;
    }
    unsigned char *out = (unsigned char *)KaaBytes_AS_STRING(res);
    memset(out, 0, (size_t)length);
    size_t count = 0;
    if (mpz_sgn(v) != 0) {
        // Least significant byte first into the tail, then order as asked.
        unsigned char *buf = kaa_mem_alloc((size_t)length + 1);
        if (buf == NULL) {
            mpz_clear(v);
            Kaa_DECREF(res);
            return KaaErr_NoMemory();
        }
        mpz_export(buf, &count, -1, 1, 0, 0, v);
        for (size_t i = 0; i < count && i < (size_t)length; i++) {
            out[little ? i : (size_t)length - 1 - i] = buf[i];
        }
        kaa_mem_free(buf);
    }
    mpz_clear(v);
    return res;
}

// int.from_bytes(bytes, byteorder='big', *, signed=False), a classmethod.
static KaaObject *int_from_bytes(KaaObject *cls, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames)
{
    static const char *const kwlist[] = {"bytes", "byteorder", "signed", NULL};
    KaaObject *a[3] = {NULL, NULL, NULL};
    if (kaa_unpack_args("from_bytes", args, nargs, kwnames, kwlist, 1, a) < 0) {
        return NULL;
    }
    int little = parse_byteorder(a[1]);
    int is_signed = a[2] ? KaaObject_IsTrue(a[2]) : 0;
    if (little < 0 || is_signed < 0) {
        return NULL;
    }
    KaaObject *b = a[0];
    if (KaaBytes_Check(b)) {
        Kaa_INCREF(b);
    } else {
        KaaObject *bargs[1] = {b};
        b = KaaObject_Vectorcall((KaaObject *)&KaaBytes_Type, bargs, 1, NULL);
        if (b == NULL) {
            return NULL;
        }
    }
    Kaa_ssize_t n = KaaBytes_GET_SIZE(b);
    const unsigned char *data = (const unsigned char *)KaaBytes_AS_STRING(b);
    mpz_t v;
    mpz_init(v);
    if (n > 0) {
        mpz_import(v, (size_t)n, little ? -1 : 1, 1, 0, 0, data);
        unsigned char top = little ? data[n - 1] : data[0];
        if (is_signed && (top & 0x80)) {
            mpz_t m;
            mpz_init(m);
            mpz_ui_pow_ui(m, 2, (unsigned long)n * 8);
            mpz_sub(v, v, m);
            mpz_clear(m);
        }
    }
    Kaa_DECREF(b);
    KaaObject *r = from_mpz(v);
    if (r && (KaaTypeObject *)cls != &KaaInt_Type) {
        Kaa_SETREF(r, KaaObject_CallOneArg(cls, r));
    }
    return r;
}

static KaaMethodDef int_methods[] = {
    {"to_bytes", int_to_bytes, KAA_METH_FASTCALL, "Return an array of bytes representing an integer."},
    {"from_bytes", int_from_bytes, KAA_METH_FASTCALL | KAA_METH_CLASS,
     "Return the integer represented by the given array of bytes."},
    {"conjugate", int_self, KAA_METH_NOARGS, "Returns self, the complex conjugate of any int."},
    {"bit_length", int_bit_length, KAA_METH_NOARGS,
     "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, KAA_METH_NOARGS,
     "Number of ones in the binary representation of the absolute value of self."},
    {"as_integer_ratio", int_as_integer_ratio, KAA_METH_NOARGS, "Return integer ratio (self, 1)."},
    {"__trunc__", int_self, KAA_METH_NOARGS, "Truncating an Integral returns itself."},
    {"__floor__", int_self, KAA_METH_NOARGS, "Flooring an Integral returns itself."},
    {"__ceil__", int_self, KAA_METH_NOARGS, "Ceiling of an Integral returns itself."},
    {"__round__", int_round, KAA_METH_FASTCALL, "Rounding an Integral returns itself."},
    {"__getnewargs__", int_getnewargs, KAA_METH_NOARGS, NULL},
    {"__format__", kaa_int___format__, KAA_METH_O, "Convert to a string according to format_spec."},
    {NULL, NULL, 0, NULL},
};

static KaaGetSetDef int_getset[] = {
    {"real", int_get_self, NULL, "the real part of a complex number", NULL},
    {"imag", int_get_zero, NULL, "the imaginary part of a complex number", NULL},
    {"numerator", int_get_self, NULL, "the numerator of a rational number in lowest terms", NULL},
    {"denominator", int_get_one, NULL, "the denominator of a rational number in lowest terms",
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KaaTypeObject KaaInt_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "int",
    .tp_basicsize = sizeof(KaaIntObject),
    .tp_flags = KAA_TPFLAGS_BASETYPE | KAA_TPFLAGS_LONG_SUBCLASS,
    .tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer",
    .tp_dealloc = int_dealloc,
    .tp_repr = int_repr,
    .tp_hash = int_hash,
    .tp_richcompare = int_richcompare,
    .tp_as_number = &int_as_number,
    .tp_methods = int_methods,
    .tp_getset = int_getset,
    .tp_new = int_new,
};
