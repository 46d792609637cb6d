/* complex: a pair of C doubles with CPython 3.11's semantics.
 *
 * Arithmetic accepts complex, float and int operands on either side (int and
 * float slots return NotImplemented for a complex, so the reflected slot here
 * runs); a real operand becomes (x, 0.0) first, exactly as CPython converts
 * it, which decides the signs of zeros and where NaNs appear. Division is
 * Smith's algorithm and small integer powers use repeated squaring, both as
 * in CPython, so results agree to the last bit.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "mem/mem.h"
#include "objects/formatter.h"
#include "objects/unicodectype.h"
#include "util/strbuf.h"
#include "vm/vm.h"

#define CVAL(o) KaaComplex_AS_CCOMPLEX(o)
#define HASH_IMAG 1000003 // CPython's _PyHASH_IMAG multiplier

KaaObject *KaaComplex_FromCComplex(KaaComplex c)
{
    KaaObject *o = KaaType_GenericAlloc(&KaaComplex_Type, 0);
    if (o != NULL) {
        CVAL(o) = c;
    }
    return o;
}

KaaObject *KaaComplex_FromDoubles(double real, double imag)
{
    KaaComplex c = {real, imag};
    return KaaComplex_FromCComplex(c);
}

// An instance of type (complex or a subclass) holding c.
static KaaObject *complex_of_type(KaaTypeObject *type, KaaComplex c)
{
    KaaObject *o = KaaType_GenericAlloc(type, 0);
    if (o != NULL) {
        CVAL(o) = c;
    }
    return o;
}

static void complex_dealloc(KaaObject *o)
{
    kaa_object_free(o);
}

// Convert an arithmetic operand: 1 done, 0 not a number complex understands
// (the slot returns NotImplemented), -1 error (an int too large for a double).
static int to_complex(KaaObject *o, KaaComplex *out)
{
    if (KaaComplex_CheckExact(o) || KaaComplex_Check(o)) {
        *out = CVAL(o);
        return 1;
    }
    out->imag = 0.0;
    if (KaaFloat_Check(o)) {
        out->real = KaaFloat_AS_DOUBLE(o);
        return 1;
    }
    if (KaaInt_Check(o)) {
        out->real = KaaInt_AsDouble(o);
        return (out->real == -1.0 && KaaErr_Occurred()) ? -1 : 1;
    }
    return 0;
}

#define OPERANDS(a, b, x, y)                                                                       \
    do {                                                                                           \
        int r_ = to_complex((a), &(x));                                                            \
        if (r_ > 0) {                                                                              \
            r_ = to_complex((b), &(y));                                                            \
        }                                                                                          \
        if (r_ <= 0) {                                                                             \
            return r_ < 0 ? NULL : Kaa_NewRef(Kaa_NotImplemented);                                 \
        }                                                                                          \
    } while (0)

// --- Arithmetic on C values -----------------------------------------------------------

static KaaComplex c_prod(KaaComplex a, KaaComplex b)
{
    KaaComplex r = {a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
    return r;
}

// a / b by Smith's method: scale by the larger part of b, which avoids most
// spurious overflow. errno = EDOM for b == 0; NaNs in b give nan+nanj.
static KaaComplex c_quot(KaaComplex a, KaaComplex b)
{
    KaaComplex r;
    double abs_re = fabs(b.real), abs_im = fabs(b.imag);
    if (abs_re >= abs_im) {
        if (abs_re == 0.0) {
            errno = EDOM;
            r.real = r.imag = 0.0;
        } else {
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    } else if (abs_im >= abs_re) {
        double ratio = b.real / b.imag;
        double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    } else {
        r.real = r.imag = NAN; // a part of b is a NaN
    }
    return r;
}

// a ** b through polar form; errno = EDOM for 0 to a negative or complex power.
static KaaComplex c_pow(KaaComplex a, KaaComplex b)
{
    KaaComplex r = {1.0, 0.0};
    if (b.real == 0.0 && b.imag == 0.0) {
        return r;
    }
    if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0) {
            errno = EDOM;
        }
        r.real = 0.0;
        return r;
    }
    double vabs = hypot(a.real, a.imag);
    double len = pow(vabs, b.real);
    double at = atan2(a.imag, a.real);
    double phase = at * b.real;
    if (b.imag != 0.0) {
        len /= exp(at * b.imag);
        phase += b.imag * log(vabs);
    }
    r.real = len * cos(phase);
    r.imag = len * sin(phase);
    return r;
}

// x ** n for 0 <= n by binary exponentiation (more accurate than polar form).
static KaaComplex c_powu(KaaComplex x, long n)
{
    KaaComplex r = {1.0, 0.0}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask) {
            r = c_prod(r, p);
        }
        p = c_prod(p, p);
    }
    return r;
}

static KaaComplex c_powi(KaaComplex x, long n)
{
    KaaComplex one = {1.0, 0.0};
    return n >= 0 ? c_powu(x, n) : c_quot(one, c_powu(x, -n));
}

// --- Arithmetic slots -----------------------------------------------------------------

static KaaObject *complex_add(KaaObject *a, KaaObject *b)
{
    KaaComplex x, y;
    OPERANDS(a, b, x, y);
    return KaaComplex_FromDoubles(x.real + y.real, x.imag + y.imag);
}

static KaaObject *complex_sub(KaaObject *a, KaaObject *b)
{
    KaaComplex x, y;
    OPERANDS(a, b, x, y);
    return KaaComplex_FromDoubles(x.real - y.real, x.imag - y.imag);
}

static KaaObject *complex_mul(KaaObject *a, KaaObject *b)
{
    KaaComplex x, y;
    OPERANDS(a, b, x, y);
    return KaaComplex_FromCComplex(c_prod(x, y));
}

static KaaObject *complex_div(KaaObject *a, KaaObject *b)
{
    KaaComplex x, y;
    OPERANDS(a, b, x, y);
    errno = 0;
    KaaComplex q = c_quot(x, y);
    if (errno == EDOM) {
        KaaErr_SetString(KaaExc(ZeroDivisionError), "complex division by zero");
        return NULL;
    }
    return KaaComplex_FromCComplex(q);
}

static KaaObject *complex_pow(KaaObject *a, KaaObject *b, KaaObject *mod)
{
    KaaComplex x, y, p;
    OPERANDS(a, b, x, y);
    if (mod != NULL && mod != Kaa_None) {
        KaaErr_SetString(KaaExc(ValueError), "complex modulo");
        return NULL;
    }
    errno = 0;
    // Small integral exponents by repeated multiplication, like CPython.
    if (y.imag == 0.0 && y.real == floor(y.real) && fabs(y.real) <= 100.0) {
        p = c_powi(x, (long)y.real);
    } else {
        p = c_pow(x, y);
    }
    // An infinite part is an overflow; a range error with a finite result
    // (an underflow in libm) is not.
    if (isinf(p.real) || isinf(p.imag)) {
        if (errno == 0) {
            errno = ERANGE;
        }
    } else if (errno == ERANGE) {
        errno = 0;
    }
    if (errno == EDOM) {
        KaaErr_SetString(KaaExc(ZeroDivisionError), "0.0 to a negative or complex power");
        return NULL;
    }
    if (errno == ERANGE) {
        KaaErr_SetString(KaaExc(OverflowError), "complex exponentiation");
        return NULL;
    }
    return KaaComplex_FromCComplex(p);
}

static KaaObject *complex_neg(KaaObject *a)
{
    return KaaComplex_FromDoubles(-CVAL(a).real, -CVAL(a).imag);
}

// +z, and complex(z) for z exact: itself; a subclass instance gives a copy.
static KaaObject *complex_pos(KaaObject *a)
{
    if (KaaComplex_CheckExact(a)) {
        return Kaa_NewRef(a);
    }
    return KaaComplex_FromCComplex(CVAL(a));
}

static KaaObject *complex_abs(KaaObject *a)
{
    KaaComplex c = CVAL(a);
    // C99's rule: an infinite part makes an infinite result, even with a NaN.
    if (isinf(c.real) || isinf(c.imag)) {
        return KaaFloat_FromDouble(INFINITY);
    }
    if (isnan(c.real) || isnan(c.imag)) {
        return KaaFloat_FromDouble(NAN);
    }
    double r = hypot(c.real, c.imag);
    if (isinf(r)) {
        KaaErr_SetString(KaaExc(OverflowError), "absolute value too large");
        return NULL;
    }
    return KaaFloat_FromDouble(r);
}

static int complex_bool(KaaObject *a)
{
    return CVAL(a).real != 0.0 || CVAL(a).imag != 0.0;
}

// --- Comparison and hash ----------------------------------------------------------------

// Only == and != are defined. a is the complex (reflected comparisons swap).
static KaaObject *complex_richcompare(KaaObject *a, KaaObject *b, int op)
{
    if ((op != Kaa_EQ && op != Kaa_NE) || !KaaComplex_Check(a)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    KaaComplex x = CVAL(a);
    int equal;
    if (KaaInt_Check(b)) {
        if (x.imag != 0.0) {
            equal = 0;
        } else {
            // float vs int compares exactly, even past 2**53.
            KaaObject *re = KaaFloat_FromDouble(x.real);
            if (re == NULL) {
                return NULL;
            }
            KaaObject *r = KaaObject_RichCompare(re, b, op);
            Kaa_DECREF(re);
            return r;
        }
    } else if (KaaFloat_Check(b)) {
        equal = x.real == KaaFloat_AS_DOUBLE(b) && x.imag == 0.0;
    } else if (KaaComplex_Check(b)) {
        equal = x.real == CVAL(b).real && x.imag == CVAL(b).imag;
    } else {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    return KaaBool_FromLong(equal == (op == Kaa_EQ));
}

// hash(real) + 1000003 * hash(imag), wrapping as unsigned: a complex with a
// zero imaginary part hashes like the equal float (and int). A NaN part
// hashes by identity, as a NaN float does.
static Kaa_hash_t part_hash(KaaObject *o, double v)
{
    if (isnan(v)) {
        uintptr_t y = (uintptr_t)o;
        y = (y >> 4) | (y << (8 * sizeof(y) - 4));
        return (Kaa_hash_t)y == -1 ? -2 : (Kaa_hash_t)y;
    }
    return kaa_hash_double(v);
}

static Kaa_hash_t complex_hash(KaaObject *o)
{
    uint64_t re = (uint64_t)part_hash(o, CVAL(o).real);
    uint64_t im = (uint64_t)part_hash(o, CVAL(o).imag);
    Kaa_hash_t h = (Kaa_hash_t)(re + HASH_IMAG * im);
    return h == -1 ? -2 : h;
}

// --- repr -------------------------------------------------------------------------------

// Python's float repr without the ".0" it adds to integral values ("r" mode).
static void part_repr(double v, char *buf)
{
    kaa_float_repr_buf(v, buf);
    size_t n = strlen(buf);
    if (n >= 2 && strcmp(buf + n - 2, ".0") == 0) {
        buf[n - 2] = '\0';
    }
}

// "1j" when the real part is +0.0, else "(re+imj)" with the sign always shown.
static KaaObject *complex_repr(KaaObject *o)
{
    KaaComplex c = CVAL(o);
    char re[40], im[40];
    part_repr(c.imag, im);
    if (c.real == 0.0 && !signbit(c.real)) {
        return KaaStr_FromFormat("%sj", im);
    }
    part_repr(c.real, re);
    return KaaStr_FromFormat("(%s%s%sj)", re, im[0] == '-' ? "" : "+", im);
}

// --- Parsing complex('...') ------------------------------------------------------------

static int is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

// Case-insensitive: does p start with word?
static int starts_with_word(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - p) < n) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if ((p[i] | 0x20) != word[i]) {
            return 0;
        }
    }
    return 1;
}

// The longest float at p ([+-] then digits[.digits][e[+-]digits], inf,
// infinity or nan), as C's strtod reads a prefix: return the end of it, p
// itself when there is none. Overflow gives an infinity, not an error.
static const char *scan_double(const char *p, const char *end, double *out)
{
    const char *s = p;
    int neg = 0;
    if (s < end && (*s == '+' || *s == '-')) {
        neg = *s++ == '-';
    }
    if (starts_with_word(s, end, "inf")) {
        *out = neg ? -INFINITY : INFINITY;
        return s + (starts_with_word(s, end, "infinity") ? 8 : 3);
    }
    if (starts_with_word(s, end, "nan")) {
        *out = copysign(NAN, neg ? -1.0 : 1.0);
        return s + 3;
    }
    const char *digits = s;
    int n = 0;
    for (; s < end && is_digit(*s); s++) {
        n++;
    }
    if (s < end && *s == '.') {
        for (s++; s < end && is_digit(*s); s++) {
            n++;
        }
    }
    if (n == 0) {
        return p;
    }
    // An exponent counts only with at least one digit ("1e" reads as 1).
    if (s < end && (*s | 0x20) == 'e') {
        const char *e = s + 1;
        if (e < end && (*e == '+' || *e == '-')) {
            e++;
        }
        if (e < end && is_digit(*e)) {
            for (s = e; s < end && is_digit(*s); s++) {
            }
        }
    }
    char small[64];
    size_t len = (size_t)(s - digits);
    char *buf = len < sizeof small ? small : kaa_mem_alloc(len + 1);
    if (buf == NULL) {
        return NULL;
    }
    memcpy(buf, digits, len);
    buf[len] = '\0';
    double d = strtod(buf, NULL);
    if (buf != small) {
        kaa_mem_free(buf);
    }
    *out = neg ? -d : d;
    return s;
}

// Parse the ASCII text [s, end) as CPython's complex() does: "<float>",
// "<float>j", "<float><signed float>j", the legacy "<float><sign>j", "<sign>j"
// and "j", with optional spaces and one pair of parentheses around it.
// 1 parsed, 0 malformed, -1 MemoryError.
static int parse_complex(const char *s, const char *end, KaaComplex *out)
{
    double x = 0.0, y = 0.0, z;
    int bracket = 0;
    while (s < end && is_space(*s)) {
        s++;
    }
    if (s < end && *s == '(') {
        bracket = 1;
        for (s++; s < end && is_space(*s); s++) {
        }
    }
    const char *after = scan_double(s, end, &z);
    if (after == NULL) {
        return -1;
    }
    if (after != s) {
        s = after;
        if (s < end && (*s == '+' || *s == '-')) {
            x = z;
            after = scan_double(s, end, &y);
            if (after == NULL) {
                return -1;
            }
            if (after == s) {
                y = *s++ == '+' ? 1.0 : -1.0; // "<float><sign>j"
            } else {
                s = after;
            }
            if (s == end || (*s | 0x20) != 'j') {
                return 0;
            }
            s++;
        } else if (s < end && (*s | 0x20) == 'j') {
            y = z;
            s++;
        } else {
            x = z;
        }
    } else {
        if (s < end && (*s == '+' || *s == '-')) {
            y = *s++ == '+' ? 1.0 : -1.0;
        } else {
            y = 1.0;
        }
        if (s == end || (*s | 0x20) != 'j') {
            return 0;
        }
        s++;
    }
    while (s < end && is_space(*s)) {
        s++;
    }
    if (bracket) {
        if (s == end || *s != ')') {
            return 0;
        }
        for (s++; s < end && is_space(*s); s++) {
        }
    }
    out->real = x;
    out->imag = y;
    return s == end;
}

// The decimal value of a Unicode decimal digit: those come in runs of ten
// consecutive code points, 0 to 9.
static int decimal_value(uint32_t c)
{
    uint32_t start = c;
    while (start > 0 && kaa_unicode_isdecimal(start - 1)) {
        start--;
    }
    return (int)((c - start) % 10);
}

// The str's text as ASCII, the way CPython prepares it for number parsing:
// Unicode digits become ASCII digits, Unicode spaces become ' ', and other
// non-ASCII characters become '?' (which no number contains). Underscores
// are then checked (only between digits) and removed: 1 done with *out set
// to a kaa_mem_alloc'd buffer, 0 bad underscores, -1 MemoryError.
static int ascii_digits(KaaObject *str, char **out, size_t *outlen)
{
    const char *p = KaaStr_DATA(str), *end = p + KaaStr_NBYTES(str);
    char *buf = kaa_mem_alloc((size_t)KaaStr_NBYTES(str) + 1);
    if (buf == NULL) {
        KaaErr_NoMemory();
        return -1;
    }
    size_t n = 0;
    char prev = '\0';
    int bad = 0;
    while (p < end) {
        int len = 1;
        char ch = *p;
        if ((unsigned char)ch >= 0x80) {
            uint32_t c = kaa_str_decode(p, &len);
            ch = kaa_unicode_isspace(c)     ? ' '
                 : kaa_unicode_isdecimal(c) ? (char)('0' + decimal_value(c))
                                            : '?';
        }
        p += len;
        if (ch == '_') {
            bad |= !is_digit(prev);
        } else {
            bad |= prev == '_' && !is_digit(ch);
            buf[n++] = ch;
        }
        prev = ch;
    }
    bad |= prev == '_';
    if (bad) {
        kaa_mem_free(buf);
        return 0;
    }
    buf[n] = '\0';
    *out = buf;
    *outlen = n;
    return 1;
}

static KaaObject *complex_from_string(KaaTypeObject *type, KaaObject *str)
{
    char *text;
    size_t len;
    int r = ascii_digits(str, &text, &len);
    if (r <= 0) {
        return r < 0 ? NULL
                     : KaaErr_Format(KaaExc(ValueError), "could not convert string to complex: %R",
                                     str);
    }
    KaaComplex c;
    r = parse_complex(text, text + len, &c);
    kaa_mem_free(text);
    if (r < 0) {
        return KaaErr_NoMemory();
    }
    if (r == 0) {
        KaaErr_SetString(KaaExc(ValueError), "complex() arg is a malformed string");
        return NULL;
    }
    return complex_of_type(type, c);
}

// --- Construction ---------------------------------------------------------------------

// type(o).__complex__ bound to o, or NULL (no exception) when there is none.
static KaaObject *lookup_complex_method(KaaObject *o)
{
    KaaObject *name = KaaStr_InternFromString("__complex__");
    KaaObject *descr = name ? kaa_type_lookup(Kaa_TYPE(o), name) : NULL;
    if (descr == NULL) {
        return NULL;
    }
    descrgetfunc get = Kaa_TYPE(descr)->tp_descr_get;
    return get ? get(descr, o, (KaaObject *)Kaa_TYPE(o)) : Kaa_NewRef(descr);
}

// The result of o.__complex__() (new reference), or NULL: with an exception
// on error, without one when o has no __complex__.
static KaaObject *call_complex_method(KaaObject *o)
{
    KaaObject *f = lookup_complex_method(o);
    if (f == NULL) {
        return NULL;
    }
    KaaObject *r = KaaObject_CallNoArgs(f);
    Kaa_DECREF(f);
    if (r != NULL && !KaaComplex_Check(r)) {
        KaaErr_Format(KaaExc(TypeError), "__complex__ returned non-complex (type %T)", r);
        Kaa_CLEAR(r);
    }
    return r;
}

static int is_number(KaaObject *o)
{
    KaaNumberMethods *nb = Kaa_TYPE(o)->tp_as_number;
    return KaaComplex_Check(o) || (nb != NULL && (nb->nb_float != NULL || nb->nb_index != NULL));
}

// A real number argument as a double, through float(o).
static int real_part(KaaObject *o, double *out)
{
    KaaObject *f = KaaNumber_Float(o);
    if (f == NULL) {
        return -1;
    }
    *out = KaaFloat_AsDouble(f);
    Kaa_DECREF(f);
    return 0;
}

// complex(real, imag) with both given as numbers: real + imag*1j, where
// either may itself be complex.
static KaaObject *complex_from_numbers(KaaTypeObject *type, KaaObject *r, KaaObject *i)
{
    KaaObject *conv = call_complex_method(r);
    if (conv == NULL && KaaErr_Occurred()) {
        return NULL;
    }
    if (conv != NULL) {
        r = conv;
    }
    KaaObject *bad = !is_number(r) ? r : (i != NULL && !is_number(i)) ? i : NULL;
    if (bad != NULL) {
        if (bad == r) {
            KaaErr_Format(KaaExc(TypeError),
                          "complex() first argument must be a string or a number, not '%T'", r);
        } else {
            KaaErr_Format(KaaExc(TypeError), "complex() second argument must be a number, not '%T'",
                          i);
        }
        Kaa_XDECREF(conv);
        return NULL;
    }
    KaaComplex cr = {0.0, 0.0}, ci = {0.0, 0.0};
    int r_complex = KaaComplex_Check(r), i_complex = i != NULL && KaaComplex_Check(i);
    int failed = 0;
    if (r_complex) {
        cr = CVAL(r);
    } else {
        failed = real_part(r, &cr.real) < 0;
    }
    Kaa_XDECREF(conv);
    if (failed) {
        return NULL;
    }
    if (i == NULL) {
        ci.real = cr.imag;
    } else if (i_complex) {
        ci = CVAL(i);
    } else if (real_part(i, &ci.real) < 0) {
        return NULL;
    }
    // real + imag*1j, with the cross terms of complex arguments folded in.
    if (i_complex) {
        cr.real -= ci.imag;
    }
    if (r_complex && i != NULL) {
        ci.real += cr.imag;
    }
    KaaComplex c = {cr.real, ci.real};
    return complex_of_type(type, c);
}

// complex(real=0, imag=0)
static KaaObject *complex_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    static const char *const kwlist[] = {"real", "imag", NULL};
    KaaObject *a[2];
    if (kaa_unpack_args("complex", args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    KaaObject *r = a[0], *i = a[1];
    if (r == NULL) {
        KaaComplex zero = {0.0, 0.0};
        if (i == NULL) {
            return complex_of_type(type, zero);
        }
        r = KaaInt_FromInt64(0);
        if (r == NULL) {
            return NULL;
        }
        KaaObject *res = NULL;
        if (KaaStr_Check(i)) {
            KaaErr_SetString(KaaExc(TypeError), "complex() second arg can't be a string");
        } else {
            res = complex_from_numbers(type, r, i);
        }
        Kaa_DECREF(r);
        return res;
    }
    if (KaaComplex_CheckExact(r) && i == NULL && type == &KaaComplex_Type) {
        return Kaa_NewRef(r);
    }
    if (KaaStr_Check(r)) {
        if (i != NULL) {
            KaaErr_SetString(KaaExc(TypeError),
                             "complex() can't take second arg if first is a string");
            return NULL;
        }
        return complex_from_string(type, r);
    }
    if (i != NULL && KaaStr_Check(i)) {
        KaaErr_SetString(KaaExc(TypeError), "complex() second arg can't be a string");
        return NULL;
    }
    return complex_from_numbers(type, r, i);
}

// --- format() ---------------------------------------------------------------------------
//
// CPython parses complex's spec with the parser float and int use
// (kaa_format_parse_spec); spec_check then adds complex's own refusals.

// Is type one of the ASCII letters in set ('\0' when absent counts as in)?
static int type_in(uint32_t type, const char *set)
{
    return type == '\0' || (type < 128 && strchr(set, (int)type) != NULL);
}

// One part formatted by float.__format__ with the number options of f (no
// width or fill) and the given sign. Type '\0' without a precision is repr
// without the ".0" float adds to integral values ("1", or "1." with '#').
static KaaObject *format_part(double v, const KaaFormatSpec *f, char sign)
{
    char text[48]; // the precision is at most INT_MAX (spec_check)
    int n = 0;
    if (sign) {
        text[n++] = sign;
    }
    if (f->no_neg_0) {
        text[n++] = 'z';
    }
    if (f->alternate) {
        text[n++] = '#';
    }
    if (f->thousands) {
        text[n++] = f->thousands;
    }
    if (f->precision >= 0) {
        n += snprintf(text + n, sizeof text - n, ".%d", (int)f->precision);
    }
    if (f->type == '\0' && f->precision >= 0) {
        text[n++] = 'g';
    } else if (f->type != '\0') {
        text[n++] = (char)f->type;
    }
    text[n] = '\0';
    KaaObject *spec = KaaStr_FromString(text);
    KaaObject *x = spec ? KaaFloat_FromDouble(v) : NULL;
    KaaObject *r = x ? kaa_float___format__(x, spec) : NULL;
    Kaa_XDECREF(x);
    Kaa_XDECREF(spec);
    if (r == NULL || f->type != '\0' || f->precision >= 0) {
        return r;
    }
    const char *s = KaaStr_DATA(r);
    Kaa_ssize_t len = KaaStr_NBYTES(r);
    if (len >= 2 && s[len - 2] == '.' && s[len - 1] == '0') {
        Kaa_SETREF(r, KaaStr_FromStringAndSize(s, len - (f->alternate ? 1 : 2)));
    }
    return r;
}

// Check the spec's type and flags as CPython does for complex.
static int spec_check(KaaObject *self, const KaaFormatSpec *f)
{
    if (!type_in(f->type, "eEfFgGn")) {
        if (f->type > 32 && f->type < 128) {
            KaaErr_Format(KaaExc(ValueError), "Unknown format code '%c' for object of type '%T'",
                          (int)f->type, self);
        } else {
            KaaErr_Format(KaaExc(ValueError), "Unknown format code '\\x%x' for object of type '%T'",
                          (unsigned)f->type, self);
        }
        return -1;
    }
    const char *msg = NULL;
    if (f->precision > INT_MAX) {
        msg = "precision too big";
    } else if (f->fill == '0') {
        msg = "Zero padding is not allowed in complex format specifier";
    } else if (f->align == '=') {
        msg = "'=' alignment flag is not allowed in complex format specifier";
    }
    if (msg) {
        KaaErr_SetString(KaaExc(ValueError), msg);
        return -1;
    }
    return 0;
}

// complex.__format__(spec): each part as float formats it, the imaginary one
// with a sign; no type means str()'s layout (parentheses, real part left out
// when it is +0.0). Then fill and alignment over the whole text.
static KaaObject *complex_format(KaaObject *self, KaaObject *spec)
{
    if (!KaaStr_Check(spec)) {
        return KaaErr_Format(KaaExc(TypeError), "__format__() argument must be str, not %s",
                             kaa_arg_type_name(spec));
    }
    if (KaaStr_LEN(spec) == 0) {
        return KaaObject_Str(self);
    }
    KaaFormatSpec f;
    if (kaa_format_parse_spec(self, spec, '\0', '>', &f) < 0 || spec_check(self, &f) < 0) {
        return NULL;
    }
    KaaComplex c = CVAL(self);
    int skip_re = 0, parens = 0;
    if (f.type == '\0') {
        skip_re = c.real == 0.0 && !signbit(c.real);
        parens = !skip_re;
    }
    KaaObject *re = skip_re ? NULL : format_part(c.real, &f, f.sign);
    KaaObject *im = (skip_re || re) ? format_part(c.imag, &f, skip_re ? f.sign : '+') : NULL;
    if (im == NULL) {
        Kaa_XDECREF(re);
        return NULL;
    }
    Kaa_ssize_t len = (re ? KaaStr_NBYTES(re) : 0) + KaaStr_NBYTES(im) + 1 + 2 * parens;
    Kaa_ssize_t pad = f.width > len ? f.width - len : 0, left = 0;
    if (f.align == '>') {
        left = pad;
    } else if (f.align == '^') {
        left = pad / 2;
    }
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    for (Kaa_ssize_t k = 0; k < left; k++) {
        kaa_strbuf_add_utf8(&b, f.fill);
    }
    kaa_strbuf_adds(&b, parens ? "(" : "");
    if (re) {
        kaa_strbuf_add(&b, KaaStr_DATA(re), (size_t)KaaStr_NBYTES(re));
    }
    kaa_strbuf_add(&b, KaaStr_DATA(im), (size_t)KaaStr_NBYTES(im));
    kaa_strbuf_adds(&b, parens ? "j)" : "j");
    for (Kaa_ssize_t k = left; k < pad; k++) {
        kaa_strbuf_add_utf8(&b, f.fill);
    }
    Kaa_XDECREF(re);
    Kaa_DECREF(im);
    KaaObject *r =
        b.failed ? KaaErr_NoMemory() : KaaStr_FromStringAndSize(b.data, (Kaa_ssize_t)b.len);
    kaa_strbuf_free(&b);
    return r;
}

// --- Methods and attributes ---------------------------------------------------------------

static KaaObject *complex_conjugate(KaaObject *self, KaaObject *unused)
{
    return KaaComplex_FromDoubles(CVAL(self).real, -CVAL(self).imag);
}

static KaaObject *complex_getnewargs(KaaObject *self, KaaObject *unused)
{
    KaaObject *re = KaaFloat_FromDouble(CVAL(self).real);
    KaaObject *im = re ? KaaFloat_FromDouble(CVAL(self).imag) : NULL;
    KaaObject *t = im ? KaaTuple_New(2) : NULL;
    if (t == NULL) {
        Kaa_XDECREF(re);
        Kaa_XDECREF(im);
        return NULL;
    }
    KaaTuple_SET_ITEM(t, 0, re);
    KaaTuple_SET_ITEM(t, 1, im);
    return t;
}

static KaaObject *complex_get_real(KaaObject *self, void *closure)
{
    return KaaFloat_FromDouble(CVAL(self).real);
}

static KaaObject *complex_get_imag(KaaObject *self, void *closure)
{
    return KaaFloat_FromDouble(CVAL(self).imag);
}

// CPython exposes real and imag as read-only members, whose error this is.
static int complex_set_part(KaaObject *self, KaaObject *value, void *closure)
{
    KaaErr_SetString(KaaExc(AttributeError), "readonly attribute");
    return -1;
}

// --- The type -------------------------------------------------------------------------------

static KaaNumberMethods complex_as_number = {
    .nb_add = complex_add,
    .nb_subtract = complex_sub,
    .nb_multiply = complex_mul,
    .nb_true_divide = complex_div,
    .nb_power = complex_pow,
    .nb_negative = complex_neg,
    .nb_positive = complex_pos,
    .nb_absolute = complex_abs,
    .nb_bool = complex_bool,
};

static KaaMethodDef complex_methods[] = {
    {"conjugate", complex_conjugate, KAA_METH_NOARGS,
     "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__complex__", complex_pos, KAA_METH_NOARGS, "Convert this value to exact type complex."},
    {"__getnewargs__", complex_getnewargs, KAA_METH_NOARGS, NULL},
    {"__format__", complex_format, KAA_METH_O, "Convert to a string according to format_spec."},
    {NULL, NULL, 0, NULL},
};

static KaaGetSetDef complex_getset[] = {
    {"real", complex_get_real, complex_set_part, "the real part of a complex number", NULL},
    {"imag", complex_get_imag, complex_set_part, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KaaTypeObject KaaComplex_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "complex",
    .tp_basicsize = sizeof(KaaComplexObject),
    .tp_flags = KAA_TPFLAGS_BASETYPE,
    .tp_doc = "Create a complex number from a real part and an optional imaginary part.\n\n"
              "This is equivalent to (real + imag*1j) where imag defaults to 0.",
    .tp_dealloc = complex_dealloc,
    .tp_repr = complex_repr,
    .tp_hash = complex_hash,
    .tp_richcompare = complex_richcompare,
    .tp_as_number = &complex_as_number,
    .tp_methods = complex_methods,
    .tp_getset = complex_getset,
    .tp_new = complex_new,
};
