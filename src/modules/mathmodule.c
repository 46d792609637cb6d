/* The math module: C's libm behind CPython's error rules ("math domain
 * error" when a finite argument gives NaN, "math range error" on overflow),
 * exact integer functions (factorial, gcd, comb, isqrt...) on kaa's
 * arbitrary-precision ints, and fsum's exact summation (Shewchuk's
 * algorithm: a list of non-overlapping partial sums).
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "mem/mem.h"
#include "parse/ast.h"
#include "vm/vm.h"

// --- Helpers ---------------------------------------------------------------------------------

static KaaObject *domain_error(void)
{
    KaaErr_SetString(KaaExc(ValueError), "math domain error");
    return NULL;
}

static KaaObject *range_error(void)
{
    KaaErr_SetString(KaaExc(OverflowError), "math range error");
    return NULL;
}

// The value of a real number (float, int, or anything with __float__ or
// __index__) as a double. 0, or -1 with an exception.
static int to_double(KaaObject *o, double *out)
{
    if (KaaFloat_Check(o)) {
        *out = KaaFloat_AS_DOUBLE(o);
        return 0;
    }
    if (!KaaInt_Check(o)) {
        KaaNumberMethods *nb = Kaa_TYPE(o)->tp_as_number;
        if (nb == NULL || (nb->nb_float == NULL && nb->nb_index == NULL)) {
            KaaErr_Format(KaaExc(TypeError), "must be real number, not %s", kaa_arg_type_name(o));
            return -1;
        }
    }
    *out = KaaFloat_AsDouble(o);
    return *out == -1.0 && KaaErr_Occurred() ? -1 : 0;
}

// FASTCALL functions without keywords: "math.atan2() takes no keyword arguments".
static int no_kw(const char *name, KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        KaaErr_Format(KaaExc(TypeError), "math.%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

// Fixed arity check with CPython's _PyArg_CheckPositional wording.
static int check_args(const char *name, KaaObject *kwnames, size_t nargs, size_t min, size_t max)
{
    if (no_kw(name, kwnames) < 0) {
        return -1;
    }
    if (nargs >= min && nargs <= max) {
        return 0;
    }
    if (min == max) {
        KaaErr_Format(KaaExc(TypeError), "%s expected %zu argument%s, got %zu", name, min,
                      min == 1 ? "" : "s", nargs);
    } else if (nargs < min) {
        KaaErr_Format(KaaExc(TypeError), "%s expected at least %zu argument%s, got %zu", name, min,
                      min == 1 ? "" : "s", nargs);
    } else {
        KaaErr_Format(KaaExc(TypeError), "%s expected at most %zu argument%s, got %zu", name, max,
                      max == 1 ? "" : "s", nargs);
    }
    return -1;
}

// Call type(o).<name>(o) if the type has it: 1 with *res (NULL on error), or
// 0 when there is no such method.
static int call_special(KaaObject *o, const char *name, KaaObject **res)
{
    KaaObject *descr = kaa_type_lookup(Kaa_TYPE(o), KaaStr_InternFromString(name));
    if (descr == NULL) {
        return 0;
    }
    descrgetfunc get = Kaa_TYPE(descr)->tp_descr_get;
    KaaObject *bound = get ? get(descr, o, (KaaObject *)Kaa_TYPE(o)) : Kaa_NewRef(descr);
    *res = bound ? KaaObject_CallNoArgs(bound) : NULL;
    Kaa_XDECREF(bound);
    return 1;
}

// --- Functions of one or two floats -------------------------------------------------------

// f(x) with CPython's math_1 rules: NaN from a non-NaN argument is a domain
// error; an infinity from a finite one is a range error if the function can
// overflow, else a domain error (log(0), atanh(1)).
static KaaObject *math_1(KaaObject *arg, double (*f)(double), int can_overflow)
{
    double x;
    if (to_double(arg, &x) < 0) {
        return NULL;
    }
    double r = f(x);
    if (isnan(r) && !isnan(x)) {
        return domain_error();
    }
    if (isinf(r) && isfinite(x)) {
        return can_overflow ? range_error() : domain_error();
    }
    return KaaFloat_FromDouble(r);
}

// Two floats from args (after the arity check).
static int two_doubles(const char *name, KaaObject *const *args, size_t nargs, KaaObject *kwnames,
                       double *x, double *y)
{
    if (check_args(name, kwnames, nargs, 2, 2) < 0 || to_double(args[0], x) < 0 ||
        to_double(args[1], y) < 0) {
        return -1;
    }
    return 0;
}

// f(x, y) with math_1's rules applied to both arguments.
static KaaObject *math_2(const char *name, KaaObject *const *args, size_t nargs, KaaObject *kwnames,
                         double (*f)(double, double))
{
    double x, y;
    if (two_doubles(name, args, nargs, kwnames, &x, &y) < 0) {
        return NULL;
    }
    double r = f(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        return domain_error();
    }
    if (isinf(r) && isfinite(x) && isfinite(y)) {
        return range_error();
    }
    return KaaFloat_FromDouble(r);
}

#define MATH_FUNC1(name, cfunc, can_overflow)                                                      \
    static KaaObject *math_##name(KaaObject *m, KaaObject *x)                                      \
    {                                                                                              \
        return math_1(x, cfunc, can_overflow);                                                     \
    }

MATH_FUNC1(sqrt, sqrt, 0)
MATH_FUNC1(exp, exp, 1)
MATH_FUNC1(exp2, exp2, 1)
MATH_FUNC1(expm1, expm1, 1)
MATH_FUNC1(log1p, log1p, 0)
MATH_FUNC1(sin, sin, 0)
MATH_FUNC1(cos, cos, 0)
MATH_FUNC1(tan, tan, 0)
MATH_FUNC1(asin, asin, 0)
MATH_FUNC1(acos, acos, 0)
MATH_FUNC1(atan, atan, 0)
MATH_FUNC1(sinh, sinh, 1)
MATH_FUNC1(cosh, cosh, 1)
MATH_FUNC1(tanh, tanh, 0)
MATH_FUNC1(asinh, asinh, 0)
MATH_FUNC1(acosh, acosh, 0)
MATH_FUNC1(atanh, atanh, 0)
MATH_FUNC1(fabs, fabs, 0)
MATH_FUNC1(erf, erf, 0)
MATH_FUNC1(erfc, erfc, 0)
MATH_FUNC1(cbrt, cbrt, 0)

static double degrees(double x)
{
    return x * (180.0 / M_PI);
}

static double radians(double x)
{
    return x * (M_PI / 180.0);
}

MATH_FUNC1(degrees, degrees, 1)
MATH_FUNC1(radians, radians, 0)

// gamma and lgamma by Lanczos' approximation with the (g = 6.0246..., n = 13)
// coefficients of Boost's lanczos13m53, evaluated as CPython does so that
// the last digits agree (libm's tgamma/lgamma differ in the last ulp).
#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
static const double lanczos_den[LANCZOS_N] = {
    0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0, 357423.0,   32670.0,     1925.0,      66.0,        1.0,
};

// The rational function of the approximation, for x > 0 (Horner's rule in
// x below 5, in 1/x above, to avoid overflow).
static double lanczos_sum(double x)
{
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num[i];
            den = den * x + lanczos_den[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num[i];
            den = den / x + lanczos_den[i];
        }
    }
    return num / den;
}

// sin(pi * x), exact at the multiples of 1/2.
static double sin_pi(double x)
{
    double y = fmod(fabs(x), 2.0);
    double r;
    switch ((int)round(2.0 * y)) {
    case 0:
        r = sin(M_PI * y);
        break;
    case 1:
        r = cos(M_PI * (y - 0.5));
        break;
    case 2:
        r = sin(M_PI * (1.0 - y)); // not -sin(pi*(y-1)): that gives -0.0 at y == 1
        break;
    case 3:
        r = -cos(M_PI * (y - 1.5));
        break;
    default:
        r = sin(M_PI * (y - 2.0));
        break;
    }
    return copysign(1.0, x) * r;
}

// gamma(x): NULL-free arithmetic; *err is set to EDOM or ERANGE like libm.
static double gamma_value(double x, int *err)
{
    if (!isfinite(x)) {
        if (isnan(x) || x > 0) {
            return x;
        }
        *err = EDOM;
        return NAN;
    }
    if (x == 0) {
        *err = EDOM;
        return copysign(INFINITY, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            *err = EDOM;
            return NAN;
        }
        if (x <= 23.0) { // (n-1)! is exact as a double up to 22!
            double f = 1.0;
            for (int i = 2; i < (int)x; i++) {
                f *= i;
            }
            return f;
        }
    }
    double absx = fabs(x);
    if (absx < 1e-20) {
        double r = 1.0 / x;
        if (isinf(r)) {
            *err = ERANGE;
        }
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0) {
            return 0.0 / sin_pi(x);
        }
        *err = ERANGE;
        return INFINITY;
    }
    double y = absx + lanczos_g_minus_half;
    // z: the rounding error of y, scaled; it corrects exp(y) below.
    double z;
    if (absx > lanczos_g_minus_half) {
        double q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        double q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    double r;
    if (x < 0.0) {
        r = -M_PI / sin_pi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (isinf(r)) {
        *err = ERANGE;
    }
    return r;
}

static double lgamma_value(double x, int *err)
{
    if (!isfinite(x)) {
        return isnan(x) ? x : INFINITY;
    }
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            *err = EDOM;
            return INFINITY;
        }
        return 0.0;
    }
    double absx = fabs(x);
    if (absx < 1e-20) {
        return -log(absx);
    }
    double r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0) { // reflection formula
        r = 1.144729885849400174143427351353058711647 /* log(pi) */ - log(fabs(sin_pi(absx))) -
            log(absx) - r;
    }
    if (isinf(r)) {
        *err = ERANGE;
    }
    return r;
}

static KaaObject *gamma_like(KaaObject *arg, int log_form)
{
    double x;
    if (to_double(arg, &x) < 0) {
        return NULL;
    }
    int err = 0;
    double r = log_form ? lgamma_value(x, &err) : gamma_value(x, &err);
    if (err == EDOM) {
        return domain_error();
    }
    if (err == ERANGE && fabs(r) >= 1.5) {
        return range_error();
    }
    return KaaFloat_FromDouble(r);
}

static KaaObject *math_gamma(KaaObject *m, KaaObject *x)
{
    return gamma_like(x, 0);
}

static KaaObject *math_lgamma(KaaObject *m, KaaObject *x)
{
    return gamma_like(x, 1);
}

static KaaObject *math_atan2(KaaObject *m, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    return math_2("atan2", args, nargs, kwnames, atan2);
}

static KaaObject *math_copysign(KaaObject *m, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    return math_2("copysign", args, nargs, kwnames, copysign);
}

static KaaObject *math_remainder(KaaObject *m, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames)
{
    return math_2("remainder", args, nargs, kwnames, remainder);
}

static KaaObject *math_nextafter(KaaObject *m, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames)
{
    double x, y;
    if (two_doubles("nextafter", args, nargs, kwnames, &x, &y) < 0) {
        return NULL;
    }
    return KaaFloat_FromDouble(nextafter(x, y));
}

static KaaObject *math_fmod(KaaObject *m, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    double x, y;
    if (two_doubles("fmod", args, nargs, kwnames, &x, &y) < 0) {
        return NULL;
    }
    if (isinf(y) && isfinite(x)) {
        return KaaFloat_FromDouble(x);
    }
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        return domain_error();
    }
    return KaaFloat_FromDouble(r);
}

// pow(x, y): C99's pow already has IEEE's special cases (1**nan == 1,
// nan**0 == 1); only finite arguments can raise.
static KaaObject *math_pow(KaaObject *m, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    double x, y;
    if (two_doubles("pow", args, nargs, kwnames, &x, &y) < 0) {
        return NULL;
    }
    double r = pow(x, y);
    if (isfinite(x) && isfinite(y) && !isfinite(r)) {
        if (isnan(r) || x == 0.0) {
            return domain_error(); // (-x)**fraction, 0**negative
        }
        return range_error();
    }
    return KaaFloat_FromDouble(r);
}

static KaaObject *math_ldexp(KaaObject *m, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    double x;
    if (check_args("ldexp", kwnames, nargs, 2, 2) < 0 || to_double(args[0], &x) < 0) {
        return NULL;
    }
    if (!KaaInt_Check(args[1])) {
        return KaaErr_Format(KaaExc(TypeError), "Expected an int as second argument to ldexp.");
    }
    // Exponents beyond any double's range behave like the largest ones.
    int64_t e = KaaInt_AsInt64(args[1]);
    if (e == -1 && KaaErr_Occurred()) {
        KaaErr_Clear();
        e = KaaInt_Sign(args[1]) < 0 ? -100000 : 100000;
    }
    if (x == 0.0 || !isfinite(x)) {
        return KaaFloat_FromDouble(x);
    }
    if (e > 100000) {
        e = 100000;
    } else if (e < -100000) {
        e = -100000;
    }
    double r = ldexp(x, (int)e);
    if (isinf(r)) {
        return range_error();
    }
    return KaaFloat_FromDouble(r);
}

// A new (a, b) tuple of floats.
static KaaObject *float_pair(double a, double b)
{
    KaaObject *x = KaaFloat_FromDouble(a), *y = KaaFloat_FromDouble(b);
    KaaObject *t = x && y ? KaaTuple_Pack(2, x, y) : NULL;
    Kaa_XDECREF(x);
    Kaa_XDECREF(y);
    return t;
}

static KaaObject *math_modf(KaaObject *m, KaaObject *arg)
{
    double x;
    if (to_double(arg, &x) < 0) {
        return NULL;
    }
    if (isinf(x)) {
        return float_pair(copysign(0.0, x), x);
    }
    double ip;
    double fp = modf(x, &ip);
    return float_pair(fp, ip);
}

static KaaObject *math_frexp(KaaObject *m, KaaObject *arg)
{
    double x;
    if (to_double(arg, &x) < 0) {
        return NULL;
    }
    int e = 0;
    double mant = (x == 0.0 || !isfinite(x)) ? x : frexp(x, &e);
    KaaObject *a = KaaFloat_FromDouble(mant), *b = KaaInt_FromInt64(e);
    KaaObject *t = a && b ? KaaTuple_Pack(2, a, b) : NULL;
    Kaa_XDECREF(a);
    Kaa_XDECREF(b);
    return t;
}

static KaaObject *math_ulp(KaaObject *m, KaaObject *arg)
{
    double x;
    if (to_double(arg, &x) < 0) {
        return NULL;
    }
    if (isnan(x) || isinf(x)) {
        return KaaFloat_FromDouble(fabs(x));
    }
    x = fabs(x);
    double up = nextafter(x, INFINITY);
    if (isinf(up)) {
        return KaaFloat_FromDouble(x - nextafter(x, -INFINITY));
    }
    return KaaFloat_FromDouble(up - x);
}

// isnan/isinf/isfinite.
static KaaObject *float_test(KaaObject *arg, int which)
{
    double x;
    if (to_double(arg, &x) < 0) {
        return NULL;
    }
    return KaaBool_FromLong(which == 0 ? isnan(x) : which == 1 ? isinf(x) : isfinite(x));
}

static KaaObject *math_isnan(KaaObject *m, KaaObject *x)
{
    return float_test(x, 0);
}

static KaaObject *math_isinf(KaaObject *m, KaaObject *x)
{
    return float_test(x, 1);
}

static KaaObject *math_isfinite(KaaObject *m, KaaObject *x)
{
    return float_test(x, 2);
}

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
static KaaObject *math_isclose(KaaObject *m, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    KaaObject *v[4] = {NULL, NULL, NULL, NULL};
    if (nargs > 2) {
        return KaaErr_Format(KaaExc(TypeError),
                             "isclose() takes exactly 2 positional arguments (%zu given)", nargs);
    }
    for (size_t i = 0; i < nargs; i++) {
        v[i] = args[i];
    }
    Kaa_ssize_t nkw = kwnames ? KaaTuple_GET_SIZE(kwnames) : 0;
    for (Kaa_ssize_t k = 0; k < nkw; k++) {
        KaaObject *name = KaaTuple_GET_ITEM(kwnames, k);
        int j = 0;
        while (j < 4 && !KaaStr_EqualToASCII(name, names[j])) {
            j++;
        }
        if (j == 4) {
            return KaaErr_Format(KaaExc(TypeError),
                                 "isclose() got an unexpected keyword argument '%U'", name);
        }
        if (v[j]) {
            return KaaErr_Format(KaaExc(TypeError),
                                 "argument for isclose() given by name ('%s') and position (%d)",
                                 names[j], j + 1);
        }
        v[j] = args[nargs + (size_t)k];
    }
    for (int j = 0; j < 2; j++) {
        if (v[j] == NULL) {
            return KaaErr_Format(KaaExc(TypeError),
                                 "isclose() missing required argument '%s' (pos %d)", names[j],
                                 j + 1);
        }
    }
    double a, b, rel_tol = 1e-09, abs_tol = 0.0;
    if (to_double(v[0], &a) < 0 || to_double(v[1], &b) < 0 ||
        (v[2] && to_double(v[2], &rel_tol) < 0) || (v[3] && to_double(v[3], &abs_tol) < 0)) {
        return NULL;
    }
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        return KaaErr_Format(KaaExc(ValueError), "tolerances must be non-negative");
    }
    if (a == b) {
        return KaaBool_FromLong(1);
    }
    if (isinf(a) || isinf(b)) {
        return KaaBool_FromLong(0);
    }
    double diff = fabs(b - a);
    return KaaBool_FromLong(diff <= fabs(rel_tol * b) || diff <= fabs(rel_tol * a) ||
                            diff <= abs_tol);
}

// --- Logarithms -------------------------------------------------------------------------------

// f(x) for log, log2 or log10, accepting ints of any size: a huge int is
// m * 2**e with m in [0.5, 1), and f(x) = f(m) + e * f(2). 0 or -1.
static int log_value(KaaObject *arg, double (*f)(double), double *out)
{
    if (KaaInt_Check(arg)) {
        if (KaaInt_Sign(arg) <= 0) {
            domain_error();
            return -1;
        }
        double x = KaaInt_AsDouble(arg);
        if (!(x == -1.0 && KaaErr_Occurred())) {
            *out = f(x);
            return 0;
        }
        if (!KaaErr_ExceptionMatches(KaaExc(OverflowError))) {
            return -1;
        }
        KaaErr_Clear();
        KaaObject *bits = KaaObject_CallMethod(arg, "bit_length", NULL, 0);
        int64_t n = bits ? KaaInt_AsInt64(bits) : -1;
        Kaa_XDECREF(bits);
        if (n < 0) {
            return -1;
        }
        // The top 62 bits, plus a sticky bit for the rest, round correctly.
        KaaObject *shift = KaaInt_FromInt64(n - 62);
        KaaObject *top = shift ? KaaNumber_BinaryOp(arg, shift, AST_RSHIFT) : NULL;
        KaaObject *back = top ? KaaNumber_BinaryOp(top, shift, AST_LSHIFT) : NULL;
        int exact = back ? KaaObject_RichCompareBool(back, arg, Kaa_EQ) : -1;
        int64_t y = exact >= 0 ? KaaInt_AsInt64(top) : -1;
        Kaa_XDECREF(shift);
        Kaa_XDECREF(top);
        Kaa_XDECREF(back);
        if (exact < 0 || (y == -1 && KaaErr_Occurred())) {
            return -1;
        }
        double m = ldexp((double)(y | !exact), -62);
        *out = f(m) + (double)n * f(2.0);
        return 0;
    }
    double x;
    if (to_double(arg, &x) < 0) {
        return -1;
    }
    if (isnan(x) || (isinf(x) && x > 0)) {
        *out = x;
        return 0;
    }
    if (x <= 0) {
        domain_error();
        return -1;
    }
    *out = f(x);
    return 0;
}

static KaaObject *math_log(KaaObject *m, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    if (no_kw("log", kwnames) < 0) {
        return NULL;
    }
    if (nargs < 1 || nargs > 2) {
        return KaaErr_Format(KaaExc(TypeError), "math.log requires 1 to 2 arguments");
    }
    double num, den;
    if (log_value(args[0], log, &num) < 0) {
        return NULL;
    }
    if (nargs == 1) {
        return KaaFloat_FromDouble(num);
    }
    if (log_value(args[1], log, &den) < 0) {
        return NULL;
    }
    if (den == 0.0) {
        return KaaErr_Format(KaaExc(ZeroDivisionError), "float division by zero");
    }
    return KaaFloat_FromDouble(num / den);
}

static KaaObject *math_log2(KaaObject *m, KaaObject *x)
{
    double r;
    return log_value(x, log2, &r) < 0 ? NULL : KaaFloat_FromDouble(r);
}

static KaaObject *math_log10(KaaObject *m, KaaObject *x)
{
    double r;
    return log_value(x, log10, &r) < 0 ? NULL : KaaFloat_FromDouble(r);
}

// --- Rounding to integers ------------------------------------------------------------------

static KaaObject *floor_or_ceil(KaaObject *arg, const char *special, double (*f)(double))
{
    if (KaaFloat_CheckExact(arg)) {
        return KaaInt_FromDouble(f(KaaFloat_AS_DOUBLE(arg)));
    }
    KaaObject *res;
    if (call_special(arg, special, &res)) {
        return res;
    }
    double x;
    if (to_double(arg, &x) < 0) {
        return NULL;
    }
    return KaaInt_FromDouble(f(x));
}

static KaaObject *math_floor(KaaObject *m, KaaObject *x)
{
    return floor_or_ceil(x, "__floor__", floor);
}

static KaaObject *math_ceil(KaaObject *m, KaaObject *x)
{
    return floor_or_ceil(x, "__ceil__", ceil);
}

static KaaObject *math_trunc(KaaObject *m, KaaObject *x)
{
    KaaObject *res;
    if (call_special(x, "__trunc__", &res)) {
        return res;
    }
    return KaaErr_Format(KaaExc(TypeError), "type %s doesn't define __trunc__ method",
                         Kaa_TYPE(x)->tp_name);
}

// --- Integer functions ----------------------------------------------------------------------

static KaaObject *int_op(KaaObject *a, KaaObject *b, int op)
{
    return KaaNumber_BinaryOp(a, b, op);
}

// a op b where b is a C integer. New reference or NULL.
static KaaObject *int_op_c(KaaObject *a, int64_t b, int op)
{
    KaaObject *bo = KaaInt_FromInt64(b);
    KaaObject *r = bo ? KaaNumber_BinaryOp(a, bo, op) : NULL;
    Kaa_XDECREF(bo);
    return r;
}

// The product of the ints in list[lo:hi], by halves so that big numbers meet
// big numbers (the fast order for GMP). New reference.
static KaaObject *product_tree(KaaObject *list, Kaa_ssize_t lo, Kaa_ssize_t hi)
{
    if (hi - lo == 1) {
        return Kaa_NewRef(KaaList_GET_ITEM(list, lo));
    }
    Kaa_ssize_t mid = lo + (hi - lo) / 2;
    KaaObject *a = product_tree(list, lo, mid);
    KaaObject *b = a ? product_tree(list, mid, hi) : NULL;
    KaaObject *r = b ? KaaNumber_Multiply(a, b) : NULL;
    Kaa_XDECREF(a);
    Kaa_XDECREF(b);
    return r;
}

// lo * (lo+1) * ... * hi for 1 <= lo <= hi + 1 (1 when empty). New reference.
static KaaObject *range_product(uint64_t lo, uint64_t hi)
{
    KaaObject *chunks = KaaList_New(0);
    uint64_t acc = 1;
    for (uint64_t i = lo; chunks && i <= hi; i++) {
        if (acc > (uint64_t)INT64_MAX / i) {
            KaaObject *c = KaaInt_FromInt64((int64_t)acc);
            if (c == NULL || KaaList_Append(chunks, c) < 0) {
                Kaa_CLEAR(chunks);
            }
            Kaa_XDECREF(c);
            acc = 1;
        }
        acc *= i;
    }
    if (chunks == NULL) {
        return NULL;
    }
    KaaObject *c = KaaInt_FromInt64((int64_t)acc);
    if (c == NULL || KaaList_Append(chunks, c) < 0) {
        Kaa_XDECREF(c);
        Kaa_DECREF(chunks);
        return NULL;
    }
    Kaa_DECREF(c);
    KaaObject *r = product_tree(chunks, 0, KaaList_GET_SIZE(chunks));
    Kaa_DECREF(chunks);
    return r;
}

static KaaObject *math_factorial(KaaObject *m, KaaObject *arg)
{
    KaaObject *n = KaaNumber_Index(arg);
    if (n == NULL) {
        return NULL;
    }
    int64_t v = KaaInt_AsInt64(n);
    int sign = KaaInt_Sign(n);
    Kaa_DECREF(n);
    if (v == -1 && KaaErr_Occurred()) {
        KaaErr_Clear();
        if (sign > 0) {
            return KaaErr_Format(KaaExc(OverflowError),
                                 "factorial() argument should not exceed %lld",
                                 (long long)INT64_MAX);
        }
        v = -1;
    }
    if (v < 0) {
        return KaaErr_Format(KaaExc(ValueError), "factorial() not defined for negative values");
    }
    return range_product(2, (uint64_t)v);
}

// An argument of the integer functions as an int (new reference).
static KaaObject *int_arg(KaaObject *o)
{
    return KaaNumber_Index(o);
}

static uint64_t gcd_u64(uint64_t a, uint64_t b)
{
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

// gcd(|a|, |b|) for two ints. New reference.
static KaaObject *gcd2(KaaObject *a, KaaObject *b)
{
    int64_t x = KaaInt_AsInt64(a), y = x == -1 && KaaErr_Occurred() ? 0 : KaaInt_AsInt64(b);
    if (!KaaErr_Occurred() && x != INT64_MIN && y != INT64_MIN) {
        return KaaInt_FromInt64(
            (int64_t)gcd_u64((uint64_t)(x < 0 ? -x : x), (uint64_t)(y < 0 ? -y : y)));
    }
    KaaErr_Clear();
    // Euclid on big ints.
    a = KaaNumber_Absolute(a);
    b = a ? KaaNumber_Absolute(b) : NULL;
    while (b && KaaInt_Sign(b) != 0) {
        KaaObject *r = int_op(a, b, AST_MOD);
        Kaa_DECREF(a);
        a = b;
        b = r;
    }
    if (b == NULL) {
        Kaa_XDECREF(a);
        return NULL;
    }
    Kaa_DECREF(b);
    return a;
}

static KaaObject *math_gcd(KaaObject *m, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    if (no_kw("gcd", kwnames) < 0) {
        return NULL;
    }
    KaaObject *res = KaaInt_FromInt64(0);
    for (size_t i = 0; res && i < nargs; i++) {
        KaaObject *x = int_arg(args[i]);
        if (x == NULL) {
            Kaa_CLEAR(res);
            break;
        }
        KaaObject *g = gcd2(res, x);
        Kaa_DECREF(x);
        Kaa_SETREF(res, g);
    }
    return res;
}

static KaaObject *math_lcm(KaaObject *m, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    if (no_kw("lcm", kwnames) < 0) {
        return NULL;
    }
    KaaObject *res = KaaInt_FromInt64(1);
    for (size_t i = 0; res && i < nargs; i++) {
        KaaObject *x = int_arg(args[i]);
        if (x == NULL) {
            Kaa_CLEAR(res);
            break;
        }
        KaaObject *next;
        if (KaaInt_Sign(res) == 0 || KaaInt_Sign(x) == 0) {
            next = KaaInt_FromInt64(0);
        } else {
            // |res // gcd(res, x) * x|
            KaaObject *g = gcd2(res, x);
            KaaObject *q = g ? int_op(res, g, AST_FLOORDIV) : NULL;
            KaaObject *p = q ? KaaNumber_Multiply(q, x) : NULL;
            next = p ? KaaNumber_Absolute(p) : NULL;
            Kaa_XDECREF(g);
            Kaa_XDECREF(q);
            Kaa_XDECREF(p);
        }
        Kaa_DECREF(x);
        Kaa_SETREF(res, next);
    }
    return res;
}

// comb(n, k) and perm(n, k): n and k as non-negative ints in *n, *k.
static int comb_args(KaaObject *const *args, size_t nargs, KaaObject **n, KaaObject **k)
{
    *n = int_arg(args[0]);
    *k = *n && nargs > 1 && args[1] != Kaa_None ? int_arg(args[1]) : NULL;
    if (*n == NULL || (nargs > 1 && args[1] != Kaa_None && *k == NULL)) {
        Kaa_XDECREF(*n);
        return -1;
    }
    if (KaaInt_Sign(*n) < 0 || (*k && KaaInt_Sign(*k) < 0)) {
        KaaErr_Format(KaaExc(ValueError), "%s must be a non-negative integer",
                      KaaInt_Sign(*n) < 0 ? "n" : "k");
        Kaa_DECREF(*n);
        Kaa_XDECREF(*k);
        return -1;
    }
    return 0;
}

// n * (n-1) * ... * (n-k+1) divided step by step by 1..k when `divide`
// (every prefix of the product of i consecutive ints is divisible by i!).
static KaaObject *falling_product(KaaObject *n, int64_t k, int divide)
{
    KaaObject *res = KaaInt_FromInt64(1);
    KaaObject *factor = int_op_c(n, k - 1, AST_SUB); // n-k+1, counting up to n
    for (int64_t i = 1; res && factor && i <= k; i++) {
        KaaObject *p = KaaNumber_Multiply(res, factor);
        Kaa_SETREF(res, divide && p ? int_op_c(p, i, AST_FLOORDIV) : p);
        if (divide) {
            Kaa_XDECREF(p);
        }
        Kaa_SETREF(factor, res ? int_op_c(factor, 1, AST_ADD) : NULL);
    }
    if (factor == NULL) {
        Kaa_CLEAR(res);
    }
    Kaa_XDECREF(factor);
    return res;
}

static KaaObject *math_comb(KaaObject *m, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    KaaObject *n, *k;
    if (check_args("comb", kwnames, nargs, 2, 2) < 0 || comb_args(args, nargs, &n, &k) < 0) {
        return NULL;
    }
    KaaObject *res = NULL;
    KaaObject *nk = int_op(n, k, AST_SUB);
    if (nk == NULL) {
        goto done;
    }
    if (KaaInt_Sign(nk) < 0) {
        res = KaaInt_FromInt64(0);
        goto done;
    }
    // comb(n, k) == comb(n, n-k): use the smaller.
    int smaller = KaaObject_RichCompareBool(nk, k, Kaa_LT);
    if (smaller < 0) {
        goto done;
    }
    KaaObject *kk = smaller ? nk : k;
    int64_t kv = KaaInt_AsInt64(kk);
    if (kv == -1 && KaaErr_Occurred()) {
        KaaErr_Clear();
        KaaErr_Format(KaaExc(OverflowError), "min(n - k, k) must not exceed %lld",
                      (long long)INT64_MAX);
        goto done;
    }
    res = falling_product(n, kv, 1);
done:
    Kaa_XDECREF(nk);
    Kaa_DECREF(n);
    Kaa_DECREF(k);
    return res;
}

static KaaObject *math_perm(KaaObject *m, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    KaaObject *n, *k;
    if (check_args("perm", kwnames, nargs, 1, 2) < 0 || comb_args(args, nargs, &n, &k) < 0) {
        return NULL;
    }
    if (k == NULL) {
        KaaObject *r = math_factorial(m, n);
        Kaa_DECREF(n);
        return r;
    }
    KaaObject *res = NULL;
    int over = KaaObject_RichCompareBool(k, n, Kaa_GT);
    if (over > 0) {
        res = KaaInt_FromInt64(0);
    } else if (over == 0) {
        int64_t kv = KaaInt_AsInt64(k);
        if (kv == -1 && KaaErr_Occurred()) {
            KaaErr_Clear();
            KaaErr_Format(KaaExc(OverflowError), "k must not exceed %lld", (long long)INT64_MAX);
        } else {
            res = falling_product(n, kv, 0);
        }
    }
    Kaa_DECREF(n);
    Kaa_DECREF(k);
    return res;
}

// isqrt: the floor of the square root. Machine integers directly; big ones
// by Newton's iteration from above, which decreases until it stops at the root.
static KaaObject *math_isqrt(KaaObject *m, KaaObject *arg)
{
    KaaObject *n = int_arg(arg);
    if (n == NULL) {
        return NULL;
    }
    if (KaaInt_Sign(n) < 0) {
        Kaa_DECREF(n);
        return KaaErr_Format(KaaExc(ValueError), "isqrt() argument must be nonnegative");
    }
    int64_t v = KaaInt_AsInt64(n);
    if (!(v == -1 && KaaErr_Occurred())) {
        Kaa_DECREF(n);
        unsigned __int128 x = (unsigned __int128)sqrt((double)v);
        while (x * x > (unsigned __int128)v) {
            x--;
        }
        while ((x + 1) * (x + 1) <= (unsigned __int128)v) {
            x++;
        }
        return KaaInt_FromInt64((int64_t)x);
    }
    KaaErr_Clear();
    KaaObject *bits = KaaObject_CallMethod(n, "bit_length", NULL, 0);
    int64_t nb = bits ? KaaInt_AsInt64(bits) : -1;
    Kaa_XDECREF(bits);
    KaaObject *one = KaaInt_FromInt64(1);
    KaaObject *x = nb >= 0 && one ? int_op_c(one, (nb + 1) / 2, AST_LSHIFT) : NULL;
    Kaa_XDECREF(one);
    while (x) {
        KaaObject *q = int_op(n, x, AST_FLOORDIV);
        KaaObject *s = q ? KaaNumber_Add(x, q) : NULL;
        KaaObject *y = s ? int_op_c(s, 1, AST_RSHIFT) : NULL;
        Kaa_XDECREF(q);
        Kaa_XDECREF(s);
        int done = y ? KaaObject_RichCompareBool(y, x, Kaa_GE) : -1;
        if (done != 0) {
            Kaa_XDECREF(y);
            if (done < 0) {
                Kaa_CLEAR(x);
            }
            break;
        }
        Kaa_SETREF(x, y);
    }
    Kaa_DECREF(n);
    return x;
}

// --- Sums and products -------------------------------------------------------------------

// prod(iterable, *, start=1)
static KaaObject *math_prod(KaaObject *m, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    KaaObject *start = NULL;
    Kaa_ssize_t nkw = kwnames ? KaaTuple_GET_SIZE(kwnames) : 0;
    for (Kaa_ssize_t k = 0; k < nkw; k++) {
        KaaObject *name = KaaTuple_GET_ITEM(kwnames, k);
        if (!KaaStr_EqualToASCII(name, "start")) {
            return KaaErr_Format(KaaExc(TypeError),
                                 "'%U' is an invalid keyword argument for prod()", name);
        }
        start = args[nargs + (size_t)k];
    }
    if (nargs != 1) {
        return KaaErr_Format(KaaExc(TypeError),
                             "prod() takes exactly 1 positional argument (%zu given)", nargs);
    }
    KaaObject *it = KaaObject_GetIter(args[0]);
    if (it == NULL) {
        return NULL;
    }
    KaaObject *res = start ? Kaa_NewRef(start) : KaaInt_FromInt64(1);
    KaaObject *x;
    while (res && (x = KaaIter_Next(it)) != NULL) {
        KaaObject *p = KaaNumber_Multiply(res, x);
        Kaa_DECREF(x);
        Kaa_SETREF(res, p);
    }
    Kaa_DECREF(it);
    if (res && KaaErr_Occurred()) {
        Kaa_CLEAR(res);
    }
    return res;
}

// fsum keeps the running sum exactly, as partials: doubles of increasing
// magnitude whose bits do not overlap. Adding x walks the partials, keeping
// each rounding error (two-sum) as a new partial. Infinities and NaNs are
// summed apart; an infinite partial from finite inputs is an overflow.
typedef struct Partials {
    double *p;
    Kaa_ssize_t n, cap;
    double inline_p[32];
} Partials;

static int partials_add(Partials *ps, double x)
{
    Kaa_ssize_t kept = 0;
    for (Kaa_ssize_t j = 0; j < ps->n; j++) {
        double y = ps->p[j];
        if (fabs(x) < fabs(y)) {
            double t = x;
            x = y;
            y = t;
        }
        double hi = x + y;
        double lo = y - (hi - x);
        if (lo != 0.0) {
            ps->p[kept++] = lo;
        }
        x = hi;
    }
    ps->n = kept;
    if (x == 0.0) {
        return 0;
    }
    if (ps->n == ps->cap) {
        Kaa_ssize_t cap = ps->cap * 2;
        double *np = kaa_mem_alloc((size_t)cap * sizeof(double));
        if (np == NULL) {
            KaaErr_NoMemory();
            return -1;
        }
        memcpy(np, ps->p, (size_t)ps->n * sizeof(double));
        if (ps->p != ps->inline_p) {
            kaa_mem_free(ps->p);
        }
        ps->p = np;
        ps->cap = cap;
    }
    ps->p[ps->n++] = x;
    return 0;
}

// The correctly rounded value of the exact sum of the partials.
static double partials_total(const Partials *ps)
{
    Kaa_ssize_t n = ps->n;
    if (n == 0) {
        return 0.0;
    }
    double hi = ps->p[--n], lo = 0.0;
    while (n > 0) {
        double x = hi, y = ps->p[--n];
        hi = x + y;
        lo = y - (hi - x);
        if (lo != 0.0) {
            break;
        }
    }
    // hi is the rounded sum of the top partials; if it was a tie decided
    // toward lo's side while the next partial points the same way, the true
    // sum is past the halfway point: round the other way.
    if (n > 0 && ((lo < 0.0 && ps->p[n - 1] < 0.0) || (lo > 0.0 && ps->p[n - 1] > 0.0))) {
        double y = lo * 2.0;
        double x = hi + y;
        if (y == x - hi) {
            hi = x;
        }
    }
    return hi;
}

static KaaObject *math_fsum(KaaObject *m, KaaObject *seq)
{
    KaaObject *it = KaaObject_GetIter(seq);
    if (it == NULL) {
        return NULL;
    }
    Partials ps = {.n = 0, .cap = 32};
    ps.p = ps.inline_p;
    double special = 0.0, infs = 0.0;
    int failed = 0;
    KaaObject *item;
    while (!failed && (item = KaaIter_Next(it)) != NULL) {
        double x;
        failed = to_double(item, &x) < 0;
        Kaa_DECREF(item);
        if (failed) {
            break;
        }
        if (!isfinite(x)) {
            if (isinf(x)) {
                infs += x;
            }
            special += x;
            continue;
        }
        failed = partials_add(&ps, x) < 0;
        if (!failed && ps.n && !isfinite(ps.p[ps.n - 1])) {
            KaaErr_SetString(KaaExc(OverflowError), "intermediate overflow in fsum");
            failed = 1;
        }
    }
    Kaa_DECREF(it);
    double total = partials_total(&ps);
    if (ps.p != ps.inline_p) {
        kaa_mem_free(ps.p);
    }
    if (failed || KaaErr_Occurred()) {
        return NULL;
    }
    if (special != 0.0 || isnan(special)) {
        if (isnan(infs)) {
            return KaaErr_Format(KaaExc(ValueError), "-inf + inf in fsum");
        }
        return KaaFloat_FromDouble(special);
    }
    return KaaFloat_FromDouble(total);
}

// The Euclidean norm of v[0..n), nearly always correctly rounded: scale by a
// power of two (exact), sum the squares in double-double with fma, then one
// Newton correction of the square root.
static double vector_norm(double *v, Kaa_ssize_t n, double max, int found_nan)
{
    if (isinf(max)) {
        return max;
    }
    if (found_nan) {
        return NAN;
    }
    if (max == 0.0 || n == 1) {
        return max;
    }
    int e;
    frexp(max, &e);
    double hi = 0.0, lo = 0.0;
    for (Kaa_ssize_t i = 0; i < n; i++) {
        double x = ldexp(v[i], -e);
        double sq = x * x;
        double sq_err = fma(x, x, -sq);
        double s = hi + sq;
        double s_err = (hi - (s - (s - hi))) + (sq - (s - hi));
        hi = s;
        lo += s_err + sq_err;
    }
    double total = hi + lo;
    double total_lo = lo - (total - hi);
    double h = sqrt(total);
    double residual = fma(-h, h, total) + total_lo;
    h += residual / (2.0 * h);
    return ldexp(h, e);
}

// Absolute values of the coordinates into v; their max and whether a NaN was seen.
static int collect_coords(KaaObject *const *items, Kaa_ssize_t n, double *v, double *max,
                          int *found_nan)
{
    *max = 0.0;
    *found_nan = 0;
    for (Kaa_ssize_t i = 0; i < n; i++) {
        if (to_double(items[i], &v[i]) < 0) {
            return -1;
        }
        v[i] = fabs(v[i]);
        *found_nan |= isnan(v[i]);
        if (v[i] > *max) {
            *max = v[i];
        }
    }
    return 0;
}

static KaaObject *math_hypot(KaaObject *m, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    if (no_kw("hypot", kwnames) < 0) {
        return NULL;
    }
    double small[16];
    double *v = nargs <= 16 ? small : kaa_mem_alloc(nargs * sizeof(double));
    if (v == NULL) {
        return KaaErr_NoMemory();
    }
    double max;
    int found_nan;
    KaaObject *res = NULL;
    if (collect_coords(args, (Kaa_ssize_t)nargs, v, &max, &found_nan) == 0) {
        res = KaaFloat_FromDouble(nargs ? vector_norm(v, (Kaa_ssize_t)nargs, max, found_nan) : 0.0);
    }
    if (v != small) {
        kaa_mem_free(v);
    }
    return res;
}

// dist(p, q): the distance between two points given as sequences of coordinates.
static KaaObject *math_dist(KaaObject *m, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    if (check_args("dist", kwnames, nargs, 2, 2) < 0) {
        return NULL;
    }
    KaaObject *p = KaaSequence_Tuple(args[0]);
    KaaObject *q = p ? KaaSequence_Tuple(args[1]) : NULL;
    KaaObject *res = NULL;
    if (q == NULL) {
        goto done;
    }
    Kaa_ssize_t n = KaaTuple_GET_SIZE(p);
    if (KaaTuple_GET_SIZE(q) != n) {
        KaaErr_SetString(KaaExc(ValueError), "both points must have the same number of dimensions");
        goto done;
    }
    double *v = kaa_mem_alloc((size_t)(n ? n : 1) * sizeof(double));
    if (v == NULL) {
        KaaErr_NoMemory();
        goto done;
    }
    double max = 0.0;
    int found_nan = 0, ok = 1;
    for (Kaa_ssize_t i = 0; ok && i < n; i++) {
        double a, b;
        ok = to_double(KaaTuple_GET_ITEM(p, i), &a) == 0 &&
             to_double(KaaTuple_GET_ITEM(q, i), &b) == 0;
        v[i] = fabs(a - b);
        found_nan |= isnan(v[i]);
        max = v[i] > max ? v[i] : max;
    }
    if (ok) {
        res = KaaFloat_FromDouble(n ? vector_norm(v, n, max, found_nan) : 0.0);
    }
    kaa_mem_free(v);
done:
    Kaa_XDECREF(p);
    Kaa_XDECREF(q);
    return res;
}

// --- The module ----------------------------------------------------------------------------

static KaaMethodDef math_methods[] = {
    {"sqrt", math_sqrt, KAA_METH_O, NULL},
    {"exp", math_exp, KAA_METH_O, NULL},
    {"exp2", math_exp2, KAA_METH_O, NULL},
    {"expm1", math_expm1, KAA_METH_O, NULL},
    {"log", math_log, KAA_METH_FASTCALL, NULL},
    {"log2", math_log2, KAA_METH_O, NULL},
    {"log10", math_log10, KAA_METH_O, NULL},
    {"log1p", math_log1p, KAA_METH_O, NULL},
    {"pow", math_pow, KAA_METH_FASTCALL, NULL},
    {"sin", math_sin, KAA_METH_O, NULL},
    {"cos", math_cos, KAA_METH_O, NULL},
    {"tan", math_tan, KAA_METH_O, NULL},
    {"asin", math_asin, KAA_METH_O, NULL},
    {"acos", math_acos, KAA_METH_O, NULL},
    {"atan", math_atan, KAA_METH_O, NULL},
    {"atan2", math_atan2, KAA_METH_FASTCALL, NULL},
    {"sinh", math_sinh, KAA_METH_O, NULL},
    {"cosh", math_cosh, KAA_METH_O, NULL},
    {"tanh", math_tanh, KAA_METH_O, NULL},
    {"asinh", math_asinh, KAA_METH_O, NULL},
    {"acosh", math_acosh, KAA_METH_O, NULL},
    {"atanh", math_atanh, KAA_METH_O, NULL},
    {"hypot", math_hypot, KAA_METH_FASTCALL, NULL},
    {"dist", math_dist, KAA_METH_FASTCALL, NULL},
    {"degrees", math_degrees, KAA_METH_O, NULL},
    {"radians", math_radians, KAA_METH_O, NULL},
    {"floor", math_floor, KAA_METH_O, NULL},
    {"ceil", math_ceil, KAA_METH_O, NULL},
    {"trunc", math_trunc, KAA_METH_O, NULL},
    {"fabs", math_fabs, KAA_METH_O, NULL},
    {"fmod", math_fmod, KAA_METH_FASTCALL, NULL},
    {"remainder", math_remainder, KAA_METH_FASTCALL, NULL},
    {"copysign", math_copysign, KAA_METH_FASTCALL, NULL},
    {"nextafter", math_nextafter, KAA_METH_FASTCALL, NULL},
    {"ulp", math_ulp, KAA_METH_O, NULL},
    {"isnan", math_isnan, KAA_METH_O, NULL},
    {"isinf", math_isinf, KAA_METH_O, NULL},
    {"isfinite", math_isfinite, KAA_METH_O, NULL},
    {"isclose", math_isclose, KAA_METH_FASTCALL, NULL},
    {"factorial", math_factorial, KAA_METH_O, NULL},
    {"gcd", math_gcd, KAA_METH_FASTCALL, NULL},
    {"lcm", math_lcm, KAA_METH_FASTCALL, NULL},
    {"comb", math_comb, KAA_METH_FASTCALL, NULL},
    {"perm", math_perm, KAA_METH_FASTCALL, NULL},
    {"isqrt", math_isqrt, KAA_METH_O, NULL},
    {"prod", math_prod, KAA_METH_FASTCALL, NULL},
    {"fsum", math_fsum, KAA_METH_O, NULL},
    {"modf", math_modf, KAA_METH_O, NULL},
    {"frexp", math_frexp, KAA_METH_O, NULL},
    {"ldexp", math_ldexp, KAA_METH_FASTCALL, NULL},
    {"erf", math_erf, KAA_METH_O, NULL},
    {"erfc", math_erfc, KAA_METH_O, NULL},
    {"gamma", math_gamma, KAA_METH_O, NULL},
    {"lgamma", math_lgamma, KAA_METH_O, NULL},
    {"cbrt", math_cbrt, KAA_METH_O, NULL},
    {NULL},
};

KaaObject *kaa_init_math(void)
{
    KaaObject *m = KaaModule_New("math");
    if (m == NULL || KaaModule_AddFunctions(m, math_methods) < 0) {
        Kaa_XDECREF(m);
        return NULL;
    }
    static const struct {
        const char *name;
        double value;
    } consts[] = {
        {"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", INFINITY}, {"nan", NAN},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        KaaObject *v = KaaFloat_FromDouble(consts[i].value);
        if (v == NULL || KaaModule_AddObjectRef(m, consts[i].name, v) < 0) {
            Kaa_XDECREF(v);
            Kaa_DECREF(m);
            return NULL;
        }
        Kaa_DECREF(v);
    }
    return m;
}
