/* float: a C double with CPython's semantics.
 *
 * Arithmetic accepts float and int operands (ints convert with correct
 * rounding or raise OverflowError); anything else gets NotImplemented. repr
 * is the shortest text that reads back to the same double, found with the C
 * library's correctly rounded printf and strtod; hashes of integral values
 * equal the hashes of the equal ints, as in CPython.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaa/bytesobject.h"
#include "kaa/complexobject.h"
#include "kaa/errors.h"
#include "kaa/floatobject.h"
#include "kaa/intobject.h"
#include "kaa/object.h"
#include "kaa/strobject.h"
#include "kaa/tupleobject.h"
#include "mem/mem.h"

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159
// round(x, n) returns x unchanged above this many decimal places and 0 below
// the minimum (CPython's NDIGITS_MAX / NDIGITS_MIN for IEEE doubles).
#define NDIGITS_MAX 323
#define NDIGITS_MIN (-308)

#define FVAL(o) KaaFloat_AS_DOUBLE(o)

// Up to 100 freed floats are kept for reuse, as CPython's float free list
// does: arithmetic allocates and frees floats at a high rate.
#define FLOAT_FREELIST_MAX 100
static KaaFloatObject *float_freelist; // linked through ob_type
static int float_numfree;

KaaObject *KaaFloat_FromDouble(double v)
{
    KaaFloatObject *o = float_freelist;
    if (o) {
        float_freelist = (KaaFloatObject *)o->ob_base.ob_type;
        float_numfree--;
    } else {
        o = (KaaFloatObject *)kaa_obj_alloc(sizeof(KaaFloatObject));
        if (o == NULL) {
            return KaaErr_NoMemory();
        }
    }
    o->ob_base.ob_refcnt = 1;
    o->ob_base.ob_type = &KaaFloat_Type;
    kaa_ref_total++;
    o->ob_fval = v;
    return (KaaObject *)o;
}

static void float_dealloc(KaaObject *o)
{
    if (Kaa_TYPE(o) == &KaaFloat_Type && float_numfree < FLOAT_FREELIST_MAX) {
        o->ob_type = (KaaTypeObject *)float_freelist;
        float_freelist = (KaaFloatObject *)o;
        float_numfree++;
        return;
    }
    kaa_object_free(o);
}

// Release the free list (at shutdown, and in full collections as CPython).
void kaa_float_clear_freelist(void)
{
    while (float_freelist) {
        KaaFloatObject *next = (KaaFloatObject *)float_freelist->ob_base.ob_type;
        kaa_obj_free(float_freelist);
        float_freelist = next;
    }
    float_numfree = 0;
}

// --- repr -------------------------------------------------------------------------

// Split printf's "%e" text ("d.ddde+XX") into its digits; return the exponent.
static int split_e(const char *buf, char *digits)
{
    int n = 0;
    const char *p = buf;
    for (; *p != 'e'; p++) {
        if (*p != '.') {
            digits[n++] = *p;
        }
    }
    digits[n] = '\0';
    return atoi(p + 1);
}

// Add one unit in the last place to the digits (of exponent *exp).
static void increment_digits(char *digits, int *exp)
{
    int i = (int)strlen(digits) - 1;
    while (i >= 0 && digits[i] == '9') {
        digits[i--] = '0';
    }
    if (i >= 0) {
        digits[i]++;
        return;
    }
    // All nines: 9.99 -> 10.00, so one decimal order up.
    memmove(digits + 1, digits, strlen(digits) + 1);
    digits[0] = '1';
    (*exp)++;
}

static int reads_back(const char *digits, int exp, double v)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%c.%se%d", digits[0], digits + 1, exp);
    return strtod(buf, NULL) == v;
}

// The correctly rounded p-digit decimal of v, in digits and *exp: 1 if it
// reads back as v.
static int nearest_digits(double v, int p, char *digits, int *exp)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%.*e", p - 1, v);
    *exp = split_e(buf, digits);
    return strtod(buf, NULL) == v;
}

// For a power of two the gap below is half the gap above, so the nearest
// p-digit decimal can fail to read back while the next one up does.
static int power_of_two_digits(double v, char *digits)
{
    int exp = 0;
    for (int p = 1; p <= 17; p++) {
        if (nearest_digits(v, p, digits, &exp) || p == 17) {
            break;
        }
        char up[24];
        int up_exp = exp;
        strcpy(up, digits);
        increment_digits(up, &up_exp);
        if (reads_back(up, up_exp, v)) {
            strcpy(digits, up);
            exp = up_exp;
            break;
        }
    }
    return exp;
}

// The shortest digits that read back as v (finite, > 0), without trailing
// zeros; return their exponent: v ~ d.ddd * 10**exp. The nearest p-digit
// decimal is at least as close as the nearest (p-1)-digit one, so (but for
// powers of two) "reads back" is monotonic in p: binary search it.
static int shortest_digits(double v, char *digits)
{
    int e2, exp;
    if (frexp(v, &e2) == 0.5) {
        exp = power_of_two_digits(v, digits);
    } else {
        char probe[24];
        int lo = 1, hi = 17, probe_exp, found = 0; // 17 digits always read back
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (nearest_digits(v, mid, probe, &probe_exp)) {
                hi = mid;
                found = mid;
                strcpy(digits, probe);
                exp = probe_exp;
            } else {
                lo = mid + 1;
            }
        }
        if (found != lo) {
            nearest_digits(v, lo, digits, &exp);
        }
    }
    size_t n = strlen(digits);
    while (n > 1 && digits[n - 1] == '0') {
        digits[--n] = '\0';
    }
    return exp;
}

// Python's repr layout of digits d1d2d3... times 10**exp: positional when
// -4 <= exp < 16 (always with a '.'), else d1.d2d3e+XX.
static void layout(const char *digits, int exp, char *p)
{
    int n = (int)strlen(digits);
    if (exp < -4 || exp >= 16) {
        *p++ = digits[0];
        if (n > 1) {
            *p++ = '.';
            memcpy(p, digits + 1, n - 1);
            p += n - 1;
        }
        sprintf(p, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    } else if (exp < 0) {
        p += sprintf(p, "0.");
        for (int i = 0; i < -exp - 1; i++) {
            *p++ = '0';
        }
        strcpy(p, digits);
    } else if (exp + 1 < n) {
        memcpy(p, digits, exp + 1);
        p += exp + 1;
        *p++ = '.';
        strcpy(p, digits + exp + 1);
    } else {
        memcpy(p, digits, n);
        p += n;
        for (int i = n; i < exp + 1; i++) {
            *p++ = '0';
        }
        strcpy(p, ".0");
    }
}

void kaa_float_repr_buf(double v, char *buf)
{
    if (isnan(v)) {
        strcpy(buf, "nan");
        return;
    }
    if (isinf(v)) {
        strcpy(buf, v > 0 ? "inf" : "-inf");
        return;
    }
    if (signbit(v)) {
        *buf++ = '-';
        v = -v;
    }
    if (v == 0.0) {
        strcpy(buf, "0.0");
        return;
    }
    char digits[24];
    int exp = shortest_digits(v, digits);
    layout(digits, exp, buf);
}

static KaaObject *float_repr(KaaObject *o)
{
    char buf[32];
    kaa_float_repr_buf(FVAL(o), buf);
    return KaaStr_FromString(buf);
}

// --- hash -------------------------------------------------------------------------

// CPython's hash of a finite double: its exact value reduced modulo 2**61 - 1,
// so that it equals the hash of an equal int (or Fraction). The mantissa is
// folded in 28 bits at a time, then the exponent becomes a rotation (2**61 is
// 1 modulo the hash modulus, so multiplying by 2**e rotates 61-bit values).
Kaa_hash_t kaa_hash_double(double v)
{
    if (isinf(v)) {
        return v > 0 ? HASH_INF : -HASH_INF;
    }
    if (isnan(v)) {
        return 0; // float_hash hashes NaNs by identity instead
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m != 0.0) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0; // 2**28
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS) {
            x -= HASH_MODULUS;
        }
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    Kaa_hash_t h = (Kaa_hash_t)x * sign;
    return h == -1 ? -2 : h;
}

static Kaa_hash_t float_hash(KaaObject *o)
{
    double v = FVAL(o);
    if (isnan(v)) {
        // NaNs are unequal to each other: hash by identity, as CPython 3.10+.
        uintptr_t y = (uintptr_t)o;
        y = (y >> 4) | (y << (8 * sizeof(y) - 4));
        return (Kaa_hash_t)y == -1 ? -2 : (Kaa_hash_t)y;
    }
    return kaa_hash_double(v);
}

// --- Conversions ------------------------------------------------------------------

// Call o's __float__ and check the result is a float (exact one returned).
static KaaObject *call_nb_float(KaaObject *o)
{
    KaaObject *r = Kaa_TYPE(o)->tp_as_number->nb_float(o);
    if (r == NULL || KaaFloat_CheckExact(r)) {
        return r;
    }
    if (!KaaFloat_Check(r)) {
        KaaErr_Format(KaaExc(TypeError), "%T.__float__ returned non-float (type %T)", o, r);
        Kaa_DECREF(r);
        return NULL;
    }
    Kaa_SETREF(r, KaaFloat_FromDouble(FVAL(r)));
    return r;
}

double KaaFloat_AsDouble(KaaObject *o)
{
    if (KaaFloat_Check(o)) {
        return FVAL(o);
    }
    if (KaaInt_Check(o)) {
        return KaaInt_AsDouble(o);
    }
    KaaNumberMethods *nb = Kaa_TYPE(o)->tp_as_number;
    if (nb != NULL && nb->nb_float != NULL) {
        KaaObject *r = call_nb_float(o);
        if (r == NULL) {
            return -1.0;
        }
        double d = FVAL(r);
        Kaa_DECREF(r);
        return d;
    }
    if (nb != NULL && nb->nb_index != NULL) {
        KaaObject *i = KaaNumber_Index(o);
        if (i == NULL) {
            return -1.0;
        }
        double d = KaaInt_AsDouble(i);
        Kaa_DECREF(i);
        return d;
    }
    KaaErr_Format(KaaExc(TypeError), "must be real number, not %T", o);
    return -1.0;
}

// Convert an operand of an arithmetic slot: 1 done, 0 not a float or int
// (the slot returns NotImplemented), -1 error (int too large).
static int operand(KaaObject *o, double *out)
{
    // The exact test first: KaaFloat_Check walks the MRO.
    if (KaaFloat_CheckExact(o) || KaaFloat_Check(o)) {
        *out = FVAL(o);
        return 1;
    }
    if (!KaaInt_Check(o)) {
        return 0;
    }
    *out = KaaInt_AsDouble(o);
    return (*out == -1.0 && KaaErr_Occurred()) ? -1 : 1;
}

// Both operands as doubles, converting a first as CPython does.
static int operands(KaaObject *a, KaaObject *b, double *x, double *y)
{
    int r = operand(a, x);
    return r <= 0 ? r : operand(b, y);
}

#define OPERANDS(a, b, x, y)                                                                       \
    do {                                                                                           \
        int r_ = operands((a), (b), &(x), &(y));                                                   \
        if (r_ <= 0) {                                                                             \
            return r_ < 0 ? NULL : Kaa_NewRef(Kaa_NotImplemented);                                 \
        }                                                                                          \
    } while (0)

// --- Parsing ------------------------------------------------------------------------

static int is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

// Digits with single underscores between them, copied without the
// underscores to *out. Return the count, 0 for none, -1 for a bad underscore.
static int copy_digits(const char **pp, const char *end, char **out)
{
    const char *p = *pp;
    int n = 0;
    while (p < end) {
        if (*p == '_') {
            if (n == 0 || p + 1 >= end || !is_digit(p[1])) {
                return -1;
            }
            p++;
        }
        if (!is_digit(*p)) {
            break;
        }
        *(*out)++ = *p++;
        n++;
    }
    *pp = p;
    return n;
}

// Case-insensitive: is [p, end) exactly word?
static int word_is(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - p) != n) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if ((p[i] | 0x20) != word[i]) {
            return 0;
        }
    }
    return 1;
}

// Check the number syntax [digits][.digits][e[+-]digits] of [p, end) and
// copy it without underscores to out (room for end - p + 1 bytes).
static int copy_number(const char *p, const char *end, char *out)
{
    int whole = copy_digits(&p, end, &out);
    int frac = 0;
    if (whole >= 0 && p < end && *p == '.') {
        *out++ = *p++;
        frac = copy_digits(&p, end, &out);
    }
    if (whole < 0 || frac < 0 || whole + frac == 0) {
        return 0;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        *out++ = *p++;
        if (p < end && (*p == '+' || *p == '-')) {
            *out++ = *p++;
        }
        if (copy_digits(&p, end, &out) <= 0) {
            return 0;
        }
    }
    *out = '\0';
    return p == end;
}

// Parse Python's float() text syntax. Return 0, or -1 when it is invalid.
static int parse_float(const char *s, size_t len, double *out)
{
    const char *p = s, *end = s + len;
    while (p < end && is_space(*p)) {
        p++;
    }
    while (end > p && is_space(end[-1])) {
        end--;
    }
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p++ == '-';
    }
    if (word_is(p, end, "inf") || word_is(p, end, "infinity")) {
        *out = neg ? -INFINITY : INFINITY;
        return 0;
    }
    if (word_is(p, end, "nan")) {
        *out = copysign(NAN, neg ? -1.0 : 1.0);
        return 0;
    }
    char small[64];
    size_t need = (size_t)(end - p) + 1;
    char *buf = need <= sizeof small ? small : kaa_mem_alloc(need);
    if (buf == NULL) {
        KaaErr_NoMemory();
        return -2;
    }
    int ok = copy_number(p, end, buf);
    if (ok) {
        // strtod rounds correctly; overflow gives inf, as Python's float() does.
        double d = strtod(buf, NULL);
        *out = neg ? -d : d;
    }
    if (buf != small) {
        kaa_mem_free(buf);
    }
    return ok ? 0 : -1;
}

KaaObject *KaaFloat_FromString(KaaObject *s)
{
    double d;
    int r = parse_float(KaaStr_DATA(s), (size_t)KaaStr_NBYTES(s), &d);
    if (r == -1) {
        return KaaErr_Format(KaaExc(ValueError), "could not convert string to float: %R", s);
    }
    return r < 0 ? NULL : KaaFloat_FromDouble(d);
}

// --- Arithmetic ---------------------------------------------------------------------

static KaaObject *float_add(KaaObject *a, KaaObject *b)
{
    double x, y;
    OPERANDS(a, b, x, y);
    return KaaFloat_FromDouble(x + y);
}

static KaaObject *float_sub(KaaObject *a, KaaObject *b)
{
    double x, y;
    OPERANDS(a, b, x, y);
    return KaaFloat_FromDouble(x - y);
}

static KaaObject *float_mul(KaaObject *a, KaaObject *b)
{
    double x, y;
    OPERANDS(a, b, x, y);
    return KaaFloat_FromDouble(x * y);
}

static KaaObject *float_div(KaaObject *a, KaaObject *b)
{
    double x, y;
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        KaaErr_SetString(KaaExc(ZeroDivisionError), "float division by zero");
        return NULL;
    }
    return KaaFloat_FromDouble(x / y);
}

// Python's x % y for y != 0: the result takes y's sign (zero included).
static double float_mod_value(double x, double y)
{
    double mod = fmod(x, y);
    if (mod != 0.0) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
        }
    } else {
        mod = copysign(0.0, y);
    }
    return mod;
}

static KaaObject *float_mod(KaaObject *a, KaaObject *b)
{
    double x, y;
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        KaaErr_SetString(KaaExc(ZeroDivisionError), "float modulo");
        return NULL;
    }
    return KaaFloat_FromDouble(float_mod_value(x, y));
}

// Python's divmod(x, y) for y != 0, CPython's algorithm: the quotient comes
// from (x - mod) / y, which is exact up to rounding, then is snapped to floor.
static double float_floordiv_value(double x, double y, double *modp)
{
    double mod = fmod(x, y);
    double div = (x - mod) / y;
    if (mod != 0.0) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, y);
    }
    double floordiv;
    if (div != 0.0) {
        floordiv = floor(div);
        if (div - floordiv > 0.5) {
            floordiv += 1.0;
        }
    } else {
        floordiv = copysign(0.0, x / y);
    }
    *modp = mod;
    return floordiv;
}

static KaaObject *float_floor_div(KaaObject *a, KaaObject *b)
{
    double x, y, mod;
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        KaaErr_SetString(KaaExc(ZeroDivisionError), "float floor division by zero");
        return NULL;
    }
    return KaaFloat_FromDouble(float_floordiv_value(x, y, &mod));
}

// New 2-tuple stealing both items; NULL (releasing them) if either is NULL.
static KaaObject *pair(KaaObject *p, KaaObject *q)
{
    KaaObject *t = (p && q) ? KaaTuple_New(2) : NULL;
    if (t == NULL) {
        Kaa_XDECREF(p);
        Kaa_XDECREF(q);
        return NULL;
    }
    KaaTuple_SET_ITEM(t, 0, p);
    KaaTuple_SET_ITEM(t, 1, q);
    return t;
}

static KaaObject *float_divmod(KaaObject *a, KaaObject *b)
{
    double x, y, mod;
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        KaaErr_SetString(KaaExc(ZeroDivisionError), "float divmod()");
        return NULL;
    }
    double q = float_floordiv_value(x, y, &mod);
    return pair(KaaFloat_FromDouble(q), KaaFloat_FromDouble(mod));
}

static int is_odd_integer(double x)
{
    return fmod(fabs(x), 2.0) == 1.0;
}

// x ** y for the special values (C's pow differs from Python on some);
// return 1 with *out set if handled.
static int pow_special(double x, double y, double *out)
{
    if (y == 0.0) {
        *out = 1.0; // even nan ** 0
    } else if (isnan(x)) {
        *out = x;
    } else if (isnan(y)) {
        *out = x == 1.0 ? 1.0 : y;
    } else if (isinf(y)) {
        double ax = fabs(x);
        *out = ax == 1.0 ? 1.0 : ((y > 0.0) == (ax > 1.0)) ? fabs(y) : 0.0;
    } else if (isinf(x)) {
        int odd = is_odd_integer(y);
        *out = y > 0.0 ? (odd ? x : fabs(x)) : (odd ? copysign(0.0, x) : 0.0);
    } else {
        return 0;
    }
    return 1;
}

static KaaObject *float_pow(KaaObject *a, KaaObject *b, KaaObject *c)
{
    if (c != NULL && c != Kaa_None) {
        KaaErr_SetString(KaaExc(TypeError),
                         "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    double x, y, r;
    OPERANDS(a, b, x, y);
    if (pow_special(x, y, &r)) {
        return KaaFloat_FromDouble(r);
    }
    if (x == 0.0) {
        if (y < 0.0) {
            KaaErr_SetString(KaaExc(ZeroDivisionError), "0.0 cannot be raised to a negative power");
            return NULL;
        }
        return KaaFloat_FromDouble(is_odd_integer(y) ? x : 0.0);
    }
    int negate = 0;
    if (x < 0.0) {
        if (y != floor(y)) {
            // A negative number to a fractional power is complex.
            return KaaComplex_Type.tp_as_number->nb_power(a, b, c);
        }
        x = -x;
        negate = is_odd_integer(y);
    }
    if (x == 1.0) {
        return KaaFloat_FromDouble(negate ? -1.0 : 1.0);
    }
    r = pow(x, y);
    if (isinf(r)) {
        // Finite operands: an infinite result is an overflow (underflow is fine).
        KaaErr_SetString(KaaExc(OverflowError), "(34, 'Numerical result out of range')");
        return NULL;
    }
    return KaaFloat_FromDouble(negate ? -r : r);
}

static KaaObject *float_neg(KaaObject *a)
{
    return KaaFloat_FromDouble(-FVAL(a));
}

// float(x) of a float: itself if exact, else an exact copy (subclasses).
static KaaObject *float_float(KaaObject *a)
{
    if (KaaFloat_CheckExact(a)) {
        return Kaa_NewRef(a);
    }
    return KaaFloat_FromDouble(FVAL(a));
}

static KaaObject *float_abs(KaaObject *a)
{
    return KaaFloat_FromDouble(fabs(FVAL(a)));
}

static int float_bool(KaaObject *a)
{
    return FVAL(a) != 0.0;
}

static KaaObject *float_int(KaaObject *a)
{
    return KaaInt_FromDouble(FVAL(a)); // truncates toward zero
}

// --- Comparison ---------------------------------------------------------------------

static KaaObject *compare_result(int c, int op)
{
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

// float vs float with C's comparisons (NaN unordered); float vs int exactly,
// even where the int does not convert to a double.
static KaaObject *float_richcompare(KaaObject *a, KaaObject *b, int op)
{
    if (!KaaFloat_Check(a)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    double x = FVAL(a);
    if (KaaFloat_Check(b)) {
        double y = FVAL(b);
        if (isnan(x) || isnan(y)) {
            return KaaBool_FromLong(op == Kaa_NE);
        }
        return compare_result((x > y) - (x < y), op);
    }
    if (!KaaInt_Check(b)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    if (isnan(x)) {
        return KaaBool_FromLong(op == Kaa_NE);
    }
    return compare_result(-kaa_int_compare_double(b, x), op);
}

// --- Methods ------------------------------------------------------------------------

static KaaObject *float_conjugate(KaaObject *self, KaaObject *unused)
{
    return float_float(self);
}

static KaaObject *float_trunc(KaaObject *self, KaaObject *unused)
{
    return KaaInt_FromDouble(FVAL(self));
}

static KaaObject *float_floor(KaaObject *self, KaaObject *unused)
{
    return KaaInt_FromDouble(floor(FVAL(self)));
}

static KaaObject *float_ceil(KaaObject *self, KaaObject *unused)
{
    return KaaInt_FromDouble(ceil(FVAL(self)));
}

static KaaObject *float_is_integer(KaaObject *self, KaaObject *unused)
{
    double x = FVAL(self);
    return KaaBool_FromLong(isfinite(x) && floor(x) == x);
}

// float.hex(): the exact value as [-]0x1.<13 hex digits>p<exp>, or
// 0x0.<digits>p-1022 for subnormals, as CPython writes it.
static KaaObject *float_hex(KaaObject *self, KaaObject *unused)
{
    double x = FVAL(self);
    if (!isfinite(x)) {
        return float_repr(self);
    }
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    const char *sign = (bits >> 63) ? "-" : "";
    unsigned long long mant = bits & (((uint64_t)1 << 52) - 1);
    int biased = (int)((bits >> 52) & 0x7ff);
    char buf[40];
    if (biased == 0 && mant == 0) {
        snprintf(buf, sizeof buf, "%s0x0.0p+0", sign);
    } else if (biased == 0) {
        snprintf(buf, sizeof buf, "%s0x0.%013llxp-1022", sign, mant);
    } else {
        snprintf(buf, sizeof buf, "%s0x1.%013llxp%+d", sign, mant, biased - 1023);
    }
    return KaaStr_FromString(buf);
}

static int is_hex_digit(char c)
{
    return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

// Check Python's hex float syntax after the sign, [0x]h*[.h*][p[+-]d+] with
// at least one hex digit, and copy it to out as C's "0x...p..." for strtod.
static int copy_hex_number(const char *p, const char *end, char *out)
{
    if (end - p >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x') {
        p += 2;
    }
    *out++ = '0';
    *out++ = 'x';
    int ndigits = 0;
    for (; p < end && is_hex_digit(*p); p++, ndigits++) {
        *out++ = *p;
    }
    if (p < end && *p == '.') {
        *out++ = *p++;
        for (; p < end && is_hex_digit(*p); p++, ndigits++) {
            *out++ = *p;
        }
    }
    if (ndigits == 0) {
        return 0;
    }
    if (p < end && (*p | 0x20) == 'p') {
        *out++ = *p++;
        if (p < end && (*p == '+' || *p == '-')) {
            *out++ = *p++;
        }
        if (p == end || !is_digit(*p)) {
            return 0;
        }
        while (p < end && is_digit(*p)) {
            *out++ = *p++;
        }
    }
    *out = '\0';
    return p == end;
}

// Parse float.fromhex() text: 0 done, -1 invalid, -2 MemoryError set, -3 too
// large (a finite number that rounds to infinity).
static int parse_hex_float(const char *s, size_t len, double *out)
{
    const char *p = s, *end = s + len;
    while (p < end && is_space(*p)) {
        p++;
    }
    while (end > p && is_space(end[-1])) {
        end--;
    }
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p++ == '-';
    }
    if (word_is(p, end, "inf") || word_is(p, end, "infinity") || word_is(p, end, "nan")) {
        *out = (p[0] | 0x20) == 'n' ? NAN : INFINITY;
        *out = neg ? -*out : *out;
        return 0;
    }
    char small[64];
    size_t need = (size_t)(end - p) + 3;
    char *buf = need <= sizeof small ? small : kaa_mem_alloc(need);
    if (buf == NULL) {
        KaaErr_NoMemory();
        return -2;
    }
    int ok = copy_hex_number(p, end, buf);
    if (ok) {
        // glibc's strtod reads hex floats with correct rounding, like CPython.
        double d = strtod(buf, NULL);
        *out = neg ? -d : d;
        ok = isinf(d) ? -3 : 1;
    }
    if (buf != small) {
        kaa_mem_free(buf);
    }
    return ok == 1 ? 0 : ok == 0 ? -1 : ok;
}

// float.fromhex(s), a class method: cls is float or a subclass.
static KaaObject *float_fromhex(KaaObject *cls, KaaObject *arg)
{
    if (!KaaStr_Check(arg)) {
        return KaaErr_BadArgument();
    }
    double d;
    int r = parse_hex_float(KaaStr_DATA(arg), (size_t)KaaStr_NBYTES(arg), &d);
    if (r == -1) {
        KaaErr_SetString(KaaExc(ValueError), "invalid hexadecimal floating-point string");
        return NULL;
    }
    if (r == -3) {
        KaaErr_SetString(KaaExc(OverflowError),
                         "hexadecimal value too large to represent as a float");
        return NULL;
    }
    if (r < 0) {
        return NULL; // MemoryError
    }
    KaaObject *v = KaaFloat_FromDouble(d);
    if (v == NULL || cls == (KaaObject *)&KaaFloat_Type) {
        return v;
    }
    Kaa_SETREF(v, KaaObject_CallOneArg(cls, v));
    return v;
}

static KaaObject *float_getnewargs(KaaObject *self, KaaObject *unused)
{
    KaaObject *v = KaaFloat_FromDouble(FVAL(self));
    KaaObject *t = v ? KaaTuple_New(1) : NULL;
    if (t == NULL) {
        Kaa_XDECREF(v);
        return NULL;
    }
    KaaTuple_SET_ITEM(t, 0, v);
    return t;
}

// (numerator, denominator) in lowest terms: x = m * 2**e with m an integer.
static KaaObject *float_as_integer_ratio(KaaObject *self, KaaObject *unused)
{
    double x = FVAL(self);
    if (isinf(x)) {
        KaaErr_SetString(KaaExc(OverflowError), "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(x)) {
        KaaErr_SetString(KaaExc(ValueError), "cannot convert NaN to integer ratio");
        return NULL;
    }
    int e;
    double m = frexp(x, &e);
    // Shift mantissa bits above the point until m is an integer.
    while (m != floor(m)) {
        m *= 2.0;
        e--;
    }
    KaaObject *num = KaaInt_FromDouble(m);
    KaaObject *den = KaaInt_FromInt64(1);
    KaaObject *shift = KaaInt_FromInt64(e < 0 ? -e : e);
    if (num == NULL || den == NULL || shift == NULL) {
        goto error;
    }
    // Multiply the numerator or the denominator by 2**|e|.
    KaaObject **target = e > 0 ? &num : &den;
    KaaObject *scaled = KaaInt_Type.tp_as_number->nb_lshift(*target, shift);
    if (scaled == NULL) {
        goto error;
    }
    Kaa_SETREF(*target, scaled);
    Kaa_DECREF(shift);
    return pair(num, den);
error:
    Kaa_XDECREF(num);
    Kaa_XDECREF(den);
    Kaa_XDECREF(shift);
    return NULL;
}

// round(x, n) for n < 0: round the integer part of |x| to a multiple of
// 10**-n in decimal digits, half to even (x's fraction only breaks ties).
static double round_negative_digits(double x, int k, int *overflow)
{
    char buf[320];
    double ax = fabs(x);
    double ip = floor(ax);
    int sticky = ax != ip;
    *overflow = 0;
    int n = snprintf(buf, sizeof buf, "%.0f", ip); // exact: ip is an integer
    if (k > n) {
        return copysign(0.0, x); // below half a unit
    }
    int keep = n - k;
    // Compare the dropped digits with 5000...: >0 above half, 0 exactly half.
    int c = buf[keep] - '5';
    for (int i = keep + 1; c == 0 && i < n; i++) {
        c = buf[i] != '0';
    }
    int last_odd = keep > 0 && (buf[keep - 1] - '0') % 2 == 1;
    int up = c > 0 || (c == 0 && (sticky || last_odd));
    char digits[330];
    memcpy(digits + 1, buf, keep);
    digits[0] = '0'; // room for a carry
    digits[keep + 1] = '\0';
    int exp = 0;
    if (up) {
        increment_digits(digits, &exp);
    }
    char text[340];
    snprintf(text, sizeof text, "%se%d", digits, k);
    double r = strtod(text, NULL);
    *overflow = isinf(r);
    return copysign(r, x);
}

// round(x, n): correctly rounded to n decimal places, half to even, as
// CPython's (which rounds the exact binary value with dtoa, then reads back).
static KaaObject *float_round_digits(double x, Kaa_ssize_t n)
{
    if (!isfinite(x) || x == 0.0 || n > NDIGITS_MAX) {
        return KaaFloat_FromDouble(x);
    }
    if (n < NDIGITS_MIN) {
        return KaaFloat_FromDouble(0.0 * x);
    }
    double r;
    if (n >= 0) {
        // printf rounds the exact value half to even; strtod reads back exactly.
        char buf[700];
        snprintf(buf, sizeof buf, "%.*f", (int)n, x);
        r = strtod(buf, NULL);
    } else {
        int overflow;
        r = round_negative_digits(x, (int)-n, &overflow);
        if (overflow) {
            KaaErr_SetString(KaaExc(OverflowError), "rounded value too large to represent");
            return NULL;
        }
    }
    return KaaFloat_FromDouble(r);
}

static KaaObject *float_round(KaaObject *self, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    if (kwnames != NULL && KaaTuple_GET_SIZE(kwnames) > 0) {
        KaaErr_SetString(KaaExc(TypeError), "float.__round__() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        return KaaErr_Format(KaaExc(TypeError), "__round__ expected at most 1 argument, got %zu",
                             nargs);
    }
    double x = FVAL(self);
    if (nargs == 0 || args[0] == Kaa_None) {
        // To the nearest integer, halfway cases to even.
        double r = round(x);
        if (fabs(x - r) == 0.5) {
            r = 2.0 * round(x / 2.0);
        }
        return KaaInt_FromDouble(r);
    }
    Kaa_ssize_t n = KaaNumber_AsSsize_t(args[0], NULL);
    if (n == -1 && KaaErr_Occurred()) {
        return NULL;
    }
    return float_round_digits(x, n);
}

static KaaObject *float_get_real(KaaObject *self, void *closure)
{
    return float_float(self);
}

static KaaObject *float_get_imag(KaaObject *self, void *closure)
{
    return KaaFloat_FromDouble(0.0);
}

// --- Construction from Python -------------------------------------------------------

// float(x) for one argument: CPython's PyNumber_Float.
static KaaObject *number_float(KaaObject *x)
{
    if (KaaFloat_CheckExact(x)) {
        return Kaa_NewRef(x);
    }
    KaaNumberMethods *nb = Kaa_TYPE(x)->tp_as_number;
    if (nb != NULL && nb->nb_float != NULL) {
        return call_nb_float(x);
    }
    if (nb != NULL && nb->nb_index != NULL) {
        KaaObject *i = KaaNumber_Index(x);
        if (i == NULL) {
            return NULL;
        }
        double d = KaaInt_AsDouble(i);
        Kaa_DECREF(i);
        return (d == -1.0 && KaaErr_Occurred()) ? NULL : KaaFloat_FromDouble(d);
    }
    if (KaaStr_Check(x)) {
        return KaaFloat_FromString(x);
    }
    if (KaaBytes_Check(x) || KaaByteArray_Check(x)) {
        // float(b'1.5'): the bytes' text, with the bytes' repr in the error.
        const char *data = KaaBytes_Check(x) ? KaaBytes_AS_STRING(x) : KaaByteArray_AS_STRING(x);
        KaaObject *s = NULL, *r = NULL;
        Kaa_ssize_t n = Kaa_SIZE(x), i = 0;
        while (i < n && (unsigned char)data[i] < 0x80 && data[i] != 0) {
            i++;
        }
        if (i == n && (s = KaaStr_FromStringAndSize(data, n)) != NULL) {
            r = KaaFloat_FromString(s);
            Kaa_DECREF(s);
        }
        if (r == NULL && (s == NULL || KaaErr_ExceptionMatches(KaaExc(ValueError)))) {
            KaaErr_Clear();
            KaaErr_Format(KaaExc(ValueError), "could not convert string to float: %R", x);
        }
        return r;
    }
    return KaaErr_Format(KaaExc(TypeError),
                         "float() argument must be a string or a real number, not '%T'", x);
}

// float(x=0.0, /)
static KaaObject *float_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    if (kwnames != NULL && KaaTuple_GET_SIZE(kwnames) > 0) {
        KaaErr_SetString(KaaExc(TypeError), "float() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        return KaaErr_Format(KaaExc(TypeError), "float expected at most 1 argument, got %zu",
                             nargs);
    }
    KaaObject *v = nargs == 0 ? KaaFloat_FromDouble(0.0) : number_float(args[0]);
    if (v == NULL || type == &KaaFloat_Type) {
        return v;
    }
    // A subclass instance carrying the value.
    KaaObject *o = KaaType_GenericAlloc(type, 0);
    if (o != NULL) {
        ((KaaFloatObject *)o)->ob_fval = FVAL(v);
    }
    Kaa_DECREF(v);
    return o;
}

// --- The type -----------------------------------------------------------------------

static KaaNumberMethods float_as_number = {
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_true_divide = float_div,
    .nb_remainder = float_mod,
    .nb_power = float_pow,
    .nb_floor_divide = float_floor_div,
    .nb_divmod = float_divmod,
    .nb_negative = float_neg,
    .nb_positive = float_float,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_int,
    .nb_float = float_float,
};

static KaaMethodDef float_methods[] = {
    {"conjugate", float_conjugate, KAA_METH_NOARGS,
     "Return self, the complex conjugate of any float."},
    {"__trunc__", float_trunc, KAA_METH_NOARGS,
     "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor, KAA_METH_NOARGS, "Return the floor as an Integral."},
    {"__ceil__", float_ceil, KAA_METH_NOARGS, "Return the ceiling as an Integral."},
    {"__round__", float_round, KAA_METH_FASTCALL,
     "Return the Integral closest to x, rounding half toward even."},
    {"as_integer_ratio", float_as_integer_ratio, KAA_METH_NOARGS, "Return integer ratio."},
    {"is_integer", float_is_integer, KAA_METH_NOARGS, "Return True if the float is an integer."},
    {"hex", float_hex, KAA_METH_NOARGS,
     "Return a hexadecimal representation of a floating-point number."},
    {"fromhex", float_fromhex, KAA_METH_O | KAA_METH_CLASS,
     "Create a floating-point number from a hexadecimal string."},
    {"__getnewargs__", float_getnewargs, KAA_METH_NOARGS, NULL},
    {"__format__", kaa_float___format__, KAA_METH_O,
     "Formats the float according to format_spec."},
    {NULL, NULL, 0, NULL},
};

static KaaGetSetDef float_getset[] = {
    {"real", float_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KaaTypeObject KaaFloat_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "float",
    .tp_basicsize = sizeof(KaaFloatObject),
    .tp_flags = KAA_TPFLAGS_BASETYPE,
    .tp_doc = "Convert a string or number to a floating point number, if possible.",
    .tp_dealloc = float_dealloc,
    .tp_repr = float_repr,
    .tp_hash = float_hash,
    .tp_richcompare = float_richcompare,
    .tp_as_number = &float_as_number,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_new = float_new,
};
