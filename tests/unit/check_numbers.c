/* int, bool and float at the C level: representations, arithmetic with the
 * int64 fast path and its promotion to GMP, hashes, parsing and the error
 * messages. Every expected string and hash was printed by CPython 3.11.
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kaa.h"
#include "mem/mem.h"

static size_t live_blocks_at_start;

static void setup(void)
{
    live_blocks_at_start = kaa_mem_live_blocks();
    ck_assert_int_eq(Kaa_Initialize(0, NULL), 0);
}

static void teardown(void)
{
    ck_assert_ptr_null(KaaErr_Occurred());
    Kaa_Finalize();
    ck_assert_uint_eq(kaa_mem_live_blocks(), live_blocks_at_start);
}

// --- Helpers ----------------------------------------------------------------------

#define NB(slot) (KaaInt_Type.tp_as_number->slot)
#define FNB(slot) (KaaFloat_Type.tp_as_number->slot)

// An int from decimal text (base 10); the test fails if it does not parse.
static KaaObject *I(const char *text)
{
    KaaObject *o = KaaInt_FromString(text, strlen(text), 10);
    ck_assert_ptr_nonnull(o);
    return o;
}

// mul * base**exp + add, built with int's own slots.
static KaaObject *mk(int64_t mul, int64_t base, int64_t exp, int64_t add)
{
    KaaObject *b = KaaInt_FromInt64(base), *e = KaaInt_FromInt64(exp);
    KaaObject *p = NB(nb_power)(b, e, Kaa_None);
    KaaObject *m = KaaInt_FromInt64(mul), *a = KaaInt_FromInt64(add);
    KaaObject *pm = NB(nb_multiply)(p, m);
    KaaObject *r = NB(nb_add)(pm, a);
    Kaa_DECREF(b);
    Kaa_DECREF(e);
    Kaa_DECREF(p);
    Kaa_DECREF(m);
    Kaa_DECREF(a);
    Kaa_DECREF(pm);
    ck_assert_ptr_nonnull(r);
    return r;
}

// Assert repr(o) == want, then release o.
static void expect_repr(KaaObject *o, const char *want)
{
    ck_assert_msg(o != NULL, "NULL result where %s was expected", want);
    KaaObject *r = KaaObject_Repr(o);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(KaaStr_DATA(r), want);
    Kaa_DECREF(r);
    Kaa_DECREF(o);
}

// Assert the call failed with exception type and str(exc) == msg.
static void expect_error(KaaObject *res, KaaObject *type, const char *msg)
{
    ck_assert_ptr_null(res);
    ck_assert_ptr_eq(KaaErr_Occurred(), type);
    KaaObject *exc = KaaErr_GetRaisedException();
    KaaObject *s = KaaObject_Str(exc);
    ck_assert_str_eq(KaaStr_DATA(s), msg);
    Kaa_DECREF(s);
    Kaa_DECREF(exc);
}

// f(I(a), I(b)), releasing the operands.
static KaaObject *binop_text(binaryfunc f, const char *a, const char *b)
{
    KaaObject *x = I(a), *y = I(b);
    KaaObject *r = f(x, y);
    Kaa_DECREF(x);
    Kaa_DECREF(y);
    return r;
}

static double from_bits(uint64_t bits)
{
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

static KaaObject *F(double d)
{
    return KaaFloat_FromDouble(d);
}

// --- int: representation and the small-int cache -------------------------------------

START_TEST(test_int_repr)
{
    static const char *texts[] = {
        "0",
        "1",
        "-1",
        "256",
        "-5",
        "257",
        "-6",
        "9223372036854775807",
        "-9223372036854775808",
        "9223372036854775808",
        "-9223372036854775809",
        "18446744073709551616",
        "123456789012345678901234567890123456789",
        "-100000000000000000000000000000",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        expect_repr(I(texts[i]), texts[i]);
    }
    expect_repr(KaaInt_FromInt64(INT64_MIN), "-9223372036854775808");
    expect_repr(KaaInt_FromSsize_t(-42), "-42");
}
END_TEST

START_TEST(test_small_int_cache)
{
    KaaObject *a = KaaInt_FromInt64(256), *b = I("256");
    ck_assert_ptr_eq(a, b);
    KaaObject *c = KaaInt_FromInt64(-5), *d = KaaInt_FromInt64(-5);
    ck_assert_ptr_eq(c, d);
    KaaObject *e = KaaInt_FromInt64(257), *f = KaaInt_FromInt64(257);
    ck_assert_ptr_ne(e, f);
    ck_assert_int_eq(Kaa_REFCNT(e), 1);
    // Results that land in the cache are the cached objects.
    KaaObject *g = NB(nb_subtract)(e, f);
    ck_assert_ptr_eq(g, KaaInt_FromInt64(0));
    Kaa_DECREF(g); // the FromInt64 reference
    KaaObject *objs[] = {a, b, c, d, e, f, g};
    for (size_t i = 0; i < 7; i++) {
        Kaa_DECREF(objs[i]);
    }
}
END_TEST

START_TEST(test_format_base)
{
    struct {
        const char *v;
        int base;
        const char *want;
    } cases[] = {
        {"0", 16, "0x0"},
        {"-31", 16, "-0x1f"},
        {"8", 8, "0o10"},
        {"-5", 2, "-0b101"},
        {"18446744073709551616", 16, "0x10000000000000000"},
        {"-9223372036854775808", 2,
         "-0b1000000000000000000000000000000000000000000000000000000000000000"},
        {"-1000000000000000000000000000000", 8, "-0o1447626234640431647336510000000000"},
        {"255", 10, "255"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        KaaObject *v = I(cases[i].v);
        KaaObject *s = kaa_int_format_base(v, cases[i].base);
        ck_assert_str_eq(KaaStr_DATA(s), cases[i].want);
        Kaa_DECREF(s);
        Kaa_DECREF(v);
    }
}
END_TEST

START_TEST(test_str_digit_limit)
{
    KaaObject *big = mk(1, 10, 4300, 0); // 4301 digits
    expect_error(KaaObject_Repr(big), KaaExc(ValueError),
                 "Exceeds the limit (4300 digits) for integer string conversion; "
                 "use sys.set_int_max_str_digits() to increase the limit");
    KaaObject *one = KaaInt_FromInt64(1);
    KaaObject *ok = NB(nb_subtract)(big, one); // 4300 nines
    KaaObject *r = KaaObject_Repr(ok);
    ck_assert_int_eq(KaaStr_NBYTES(r), 4300);
    Kaa_DECREF(r);
    KaaObject *neg = NB(nb_negative)(ok);
    r = KaaObject_Repr(neg);
    ck_assert_int_eq(KaaStr_NBYTES(r), 4301); // the sign does not count
    Kaa_DECREF(r);
    // Hex has no limit.
    r = kaa_int_format_base(big, 16);
    ck_assert_ptr_nonnull(r);
    Kaa_DECREF(r);
    char *text = malloc(4302);
    memset(text, '7', 4301);
    text[4301] = '\0';
    expect_error(KaaInt_FromString(text, 4301, 10), KaaExc(ValueError),
                 "Exceeds the limit (4300 digits) for integer string conversion: value has "
                 "4301 digits; use sys.set_int_max_str_digits() to increase the limit");
    KaaObject *parsed = KaaInt_FromString(text, 4300, 10);
    ck_assert_ptr_nonnull(parsed);
    Kaa_DECREF(parsed);
    parsed = KaaInt_FromString(text, 4301, 8); // power-of-two bases are not limited
    ck_assert_ptr_nonnull(parsed);
    Kaa_DECREF(parsed);
    free(text);
    Kaa_DECREF(neg);
    Kaa_DECREF(ok);
    Kaa_DECREF(one);
    Kaa_DECREF(big);
}
END_TEST

// --- int: arithmetic ---------------------------------------------------------------------

// {a, b, a // b, a % b, a + b, a - b, a * b} from CPython.
static const char *arith_table[][7] = {
    {"7", "2", "3", "1", "9", "5", "14"},
    {"7", "-2", "-4", "-1", "5", "9", "-14"},
    {"7", "-3", "-3", "-2", "4", "10", "-21"},
    {"7", "-1", "-7", "0", "6", "8", "-7"},
    {"7", "100000000000000000001", "0", "7", "100000000000000000008", "-99999999999999999994",
     "700000000000000000007"},
    {"7", "-100000000000000000001", "-1", "-99999999999999999994", "-99999999999999999994",
     "100000000000000000008", "-700000000000000000007"},
    {"-7", "2", "-4", "1", "-5", "-9", "-14"},
    {"-7", "-2", "3", "-1", "-9", "-5", "14"},
    {"-7", "3", "-3", "2", "-4", "-10", "-21"},
    {"-7", "9223372036854775808", "-1", "9223372036854775801", "9223372036854775801",
     "-9223372036854775815", "-64563604257983430656"},
    {"0", "-2", "0", "0", "-2", "2", "0"},
    {"-1", "9223372036854775808", "-1", "9223372036854775807", "9223372036854775807",
     "-9223372036854775809", "-9223372036854775808"},
    {"9223372036854775807", "2", "4611686018427387903", "1", "9223372036854775809",
     "9223372036854775805", "18446744073709551614"},
    {"9223372036854775807", "-3", "-3074457345618258603", "-2", "9223372036854775804",
     "9223372036854775810", "-27670116110564327421"},
    {"9223372036854775807", "-1", "-9223372036854775807", "0", "9223372036854775806",
     "9223372036854775808", "-9223372036854775807"},
    {"9223372036854775807", "9223372036854775808", "0", "9223372036854775807",
     "18446744073709551615", "-1", "85070591730234615856620279821087277056"},
    {"-9223372036854775808", "-2", "4611686018427387904", "0", "-9223372036854775810",
     "-9223372036854775806", "18446744073709551616"},
    {"-9223372036854775808", "-1", "9223372036854775808", "0", "-9223372036854775809",
     "-9223372036854775807", "9223372036854775808"},
    {"-9223372036854775808", "-3", "3074457345618258602", "-2", "-9223372036854775811",
     "-9223372036854775805", "27670116110564327424"},
    {"-9223372036854775808", "9223372036854775808", "-1", "0", "0", "-18446744073709551616",
     "-85070591730234615865843651857942052864"},
    {"1000000000000000000000000000007", "-2", "-500000000000000000000000000004", "-1",
     "1000000000000000000000000000005", "1000000000000000000000000000009",
     "-2000000000000000000000000000014"},
    {"1000000000000000000000000000007", "-100000000000000000001", "-10000000000", "-9999999993",
     "999999999900000000000000000006", "1000000000100000000000000000008",
     "-100000000000000000001000000000700000000000000000007"},
    {"-1000000000000000000000000000007", "3", "-333333333333333333333333333336", "1",
     "-1000000000000000000000000000004", "-1000000000000000000000000000010",
     "-3000000000000000000000000000021"},
    {"-1000000000000000000000000000007", "-100000000000000000001", "9999999999",
     "-99999999990000000008", "-1000000000100000000000000000008", "-999999999900000000000000000006",
     "100000000000000000001000000000700000000000000000007"},
    {"-1000000000000000000000000000007", "9223372036854775808", "-108420217249",
     "4146427766549512185", "-999999999990776627963145224199", "-1000000000009223372036854775815",
     "-9223372036854775808000000000064563604257983430656"},
    {"18446744073709551616", "-3", "-6148914691236517206", "-2", "18446744073709551613",
     "18446744073709551619", "-55340232221128654848"},
    {"18446744073709551616", "9223372036854775808", "2", "0", "27670116110564327424",
     "9223372036854775808", "170141183460469231731687303715884105728"},
};

START_TEST(test_int_arith_table)
{
    binaryfunc fns[] = {NB(nb_floor_divide), NB(nb_remainder), NB(nb_add), NB(nb_subtract),
                        NB(nb_multiply)};
    for (size_t i = 0; i < sizeof arith_table / sizeof arith_table[0]; i++) {
        for (int k = 0; k < 5; k++) {
            expect_repr(binop_text(fns[k], arith_table[i][0], arith_table[i][1]),
                        arith_table[i][2 + k]);
        }
        // divmod agrees with // and %.
        KaaObject *t = binop_text(NB(nb_divmod), arith_table[i][0], arith_table[i][1]);
        char want[256];
        snprintf(want, sizeof want, "(%s, %s)", arith_table[i][2], arith_table[i][3]);
        expect_repr(t, want);
    }
}
END_TEST

START_TEST(test_promotion_and_demotion)
{
    KaaObject *max = KaaInt_FromInt64(INT64_MAX), *one = KaaInt_FromInt64(1);
    ck_assert(KaaInt_IS_SMALL(max));
    KaaObject *over = NB(nb_add)(max, one);
    ck_assert(!KaaInt_IS_SMALL(over));
    KaaObject *back = NB(nb_subtract)(over, one);
    ck_assert(KaaInt_IS_SMALL(back)); // normalized as soon as it fits
    ck_assert_int_eq(KaaInt_AsInt64(back), INT64_MAX);
    KaaObject *neg = NB(nb_negative)(over); // -2**63 fits again
    ck_assert(KaaInt_IS_SMALL(neg));
    ck_assert_int_eq(KaaInt_AsInt64(neg), INT64_MIN);
    KaaObject *negneg = NB(nb_negative)(neg);
    ck_assert(!KaaInt_IS_SMALL(negneg));
    KaaObject *ab = NB(nb_absolute)(neg);
    ck_assert(!KaaInt_IS_SMALL(ab));
    KaaObject *sq = NB(nb_multiply)(over, over);
    KaaObject *q = NB(nb_floor_divide)(sq, over);
    ck_assert(!KaaInt_IS_SMALL(q));
    KaaObject *z = NB(nb_subtract)(q, over);
    ck_assert_ptr_eq(z, KaaInt_FromInt64(0)); // the cached zero
    Kaa_DECREF(z);
    KaaObject *m1 = KaaInt_FromInt64(-1);
    KaaObject *d = NB(nb_floor_divide)(neg, m1); // INT64_MIN // -1 overflows
    expect_repr(Kaa_NewRef(d), "9223372036854775808");
    KaaObject *r = NB(nb_remainder)(neg, m1);
    expect_repr(r, "0");
    KaaObject *objs[] = {max, one, over, back, neg, negneg, ab, sq, q, z, m1, d};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        Kaa_DECREF(objs[i]);
    }
}
END_TEST

START_TEST(test_int_pow)
{
    expect_repr(mk(1, 2, 100, 0), "1267650600228229401496703205376");
    expect_repr(mk(1, -3, 41, 0), "-36472996377170786403");
    expect_repr(mk(1, -2, 63, 0), "-9223372036854775808");
    expect_repr(mk(1, 2, 62, 0), "4611686018427387904");
    expect_repr(mk(1, 0, 0, 0), "1");
    KaaObject *b = KaaInt_FromInt64(2), *e = KaaInt_FromInt64(-2);
    expect_repr(NB(nb_power)(b, e, Kaa_None), "0.25");
    KaaObject *zero = KaaInt_FromInt64(0), *m1 = KaaInt_FromInt64(-1);
    expect_error(NB(nb_power)(zero, m1, Kaa_None), KaaExc(ZeroDivisionError),
                 "0.0 cannot be raised to a negative power");
    // (-1) ** huge and 1 ** huge without computing anything large.
    KaaObject *huge = mk(1, 10, 30, 1);
    expect_repr(NB(nb_power)(m1, huge, Kaa_None), "-1");
    KaaObject *two = KaaInt_FromInt64(2);
    expect_error(NB(nb_power)(two, huge, Kaa_None), KaaExc(MemoryError), "");
    KaaObject *big = mk(1, 2, 1100, 0);
    expect_error(NB(nb_power)(big, m1, Kaa_None), KaaExc(OverflowError),
                 "int too large to convert to float");
    Kaa_DECREF(b);
    Kaa_DECREF(e);
    Kaa_DECREF(zero);
    Kaa_DECREF(m1);
    Kaa_DECREF(huge);
    Kaa_DECREF(two);
    Kaa_DECREF(big);
}
END_TEST

START_TEST(test_int_pow_mod)
{
    // {a, b, c, pow(a, b, c)} from CPython; NULL marks an error row below.
    static const char *rows[][4] = {
        {"3", "-2", "7", "4"},
        {"3", "4", "-7", "-3"},
        {"-3", "3", "7", "1"},
        {"2", "-1", "1", "0"},
        {"2", "3", "-1", "0"},
        {"2", "100000000000000000000", "1000000007", "855473248"},
        {"-2", "100000000000000000001", "-1000000007", "-710946489"},
        {"12345678901234567890", "-1", "100000000000000000003", "2069652342083836311"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        KaaObject *a = I(rows[i][0]), *b = I(rows[i][1]), *c = I(rows[i][2]);
        expect_repr(NB(nb_power)(a, b, c), rows[i][3]);
        Kaa_DECREF(a);
        Kaa_DECREF(b);
        Kaa_DECREF(c);
    }
    KaaObject *two = I("2"), *three = I("3"), *zero = I("0"), *m1 = I("-1"), *four = I("4");
    expect_error(NB(nb_power)(two, three, zero), KaaExc(ValueError),
                 "pow() 3rd argument cannot be 0");
    expect_error(NB(nb_power)(two, m1, four), KaaExc(ValueError),
                 "base is not invertible for the given modulus");
    KaaObject *fl = F(5.0);
    KaaObject *r = NB(nb_power)(two, three, fl);
    ck_assert_ptr_eq(r, Kaa_NotImplemented);
    Kaa_DECREF(r);
    expect_error(FNB(nb_power)(two, three, fl), KaaExc(TypeError),
                 "pow() 3rd argument not allowed unless all arguments are integers");
    KaaObject *objs[] = {two, three, zero, m1, four, fl};
    for (size_t i = 0; i < 6; i++) {
        Kaa_DECREF(objs[i]);
    }
}
END_TEST

START_TEST(test_int_bitwise_and_shifts)
{
    struct {
        binaryfunc f;
        const char *a, *b, *want;
    } cases[] = {
        {NB(nb_and), "-1180591620717411303424", "1180591620717411303423", "0"},
        {NB(nb_or), "-1180591620717411303424", "5", "-1180591620717411303419"},
        {NB(nb_xor), "-1180591620717411303424", "-1", "1180591620717411303423"},
        {NB(nb_and), "1180591620717411303424", "-1", "1180591620717411303424"},
        {NB(nb_and), "-6", "13", "8"},
        {NB(nb_xor), "-6", "13", "-9"},
        {NB(nb_lshift), "1", "100", "1267650600228229401496703205376"},
        {NB(nb_lshift), "-1", "63", "-9223372036854775808"},
        {NB(nb_lshift), "3", "62", "13835058055282163712"},
        {NB(nb_lshift), "0", "1180591620717411303424", "0"},
        {NB(nb_rshift), "-5", "1180591620717411303424", "-1"},
        {NB(nb_rshift), "5", "1180591620717411303424", "0"},
        {NB(nb_rshift), "-5", "1", "-3"},
        {NB(nb_rshift), "-18446744073709551616", "64", "-1"},
        {NB(nb_rshift), "-18446744073709551617", "64", "-2"},
        {NB(nb_rshift), "-9223372036854775808", "63", "-1"},
        {NB(nb_rshift), "-9223372036854775808", "64", "-1"},
        {NB(nb_rshift), "18446744073709551616", "63", "2"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        expect_repr(binop_text(cases[i].f, cases[i].a, cases[i].b), cases[i].want);
    }
    expect_error(binop_text(NB(nb_lshift), "0", "-1"), KaaExc(ValueError), "negative shift count");
    expect_error(binop_text(NB(nb_rshift), "1", "-1"), KaaExc(ValueError), "negative shift count");
    expect_error(binop_text(NB(nb_lshift), "1", "1180591620717411303424"), KaaExc(MemoryError), "");
    KaaObject *v = I("18446744073709551616");
    expect_repr(NB(nb_invert)(v), "-18446744073709551617");
    Kaa_DECREF(v);
    v = KaaInt_FromInt64(INT64_MIN);
    expect_repr(NB(nb_invert)(v), "9223372036854775807");
    Kaa_DECREF(v);
}
END_TEST

// {a, b, a / b} with a = mul * base**exp + add, from CPython.
static const struct {
    int64_t a[4], b[4];
    const char *want;
} truediv_table[] = {
    {{1, 1, 0, 0}, {1, 3, 330, 0}, "3.548019046196538e-158"},
    {{1, 2, 1074, 0}, {1, 2, 2148, 0}, "5e-324"},
    {{1, 2, 1075, 0}, {1, 2, 2149, 0}, "5e-324"},
    {{3, 1, 0, 0}, {1, 2, 1076, 0}, "5e-324"},
    {{1, 1, 0, 0}, {1, 2, 1075, 0}, "0.0"},
    {{1, 2, 1075, 1}, {1, 2, 2150, 0}, "5e-324"},
    {{1, 2, 1075, 0}, {1, 2, 2150, 0}, "0.0"}, // a tie, to even
    {{-1, 10, 400, 0}, {3, 10, 380, 0}, "-3.333333333333333e+19"},
    {{-1, 1, 0, 0}, {1, 10, 323, 0}, "-1e-323"},
    {{1, 2, 63, 1024}, {1, 2, 10, 0}, "9007199254740992.0"},
    {{1, 3, 200, 0}, {1, 7, 150, 0}, "4.566094987608383e-32"},
    {{1, 10, 400, 0}, {1, 10, 399, 0}, "10.0"},
    {{1, 10, 400, 1}, {1, 10, 400, 0}, "1.0"},
    {{-3, 2, 1100, -1}, {1, 2, 1100, 0}, "-3.0"},
    {{1, 2, 1023, 0}, {1, 3, 1, 0}, "2.9961552247705263e+307"},
    {{1, 2, 53, 1}, {1, 1, 0, 1}, "4503599627370496.0"},
    {{7, 1, 0, 0}, {-2, 1, 0, 0}, "-3.5"},
    {{0, 1, 0, 0}, {-5, 1, 0, 0}, "-0.0"},
    {{1, 2, 64, 0}, {-3, 1, 0, 0}, "-6.148914691236517e+18"},
};

START_TEST(test_int_true_divide)
{
    for (size_t i = 0; i < sizeof truediv_table / sizeof truediv_table[0]; i++) {
        const int64_t *a = truediv_table[i].a, *b = truediv_table[i].b;
        KaaObject *x = mk(a[0], a[1], a[2], a[3]), *y = mk(b[0], b[1], b[2], b[3]);
        expect_repr(NB(nb_true_divide)(x, y), truediv_table[i].want);
        Kaa_DECREF(x);
        Kaa_DECREF(y);
    }
    KaaObject *x = mk(1, 10, 400, 0), *three = KaaInt_FromInt64(3), *zero = KaaInt_FromInt64(0);
    expect_error(NB(nb_true_divide)(x, three), KaaExc(OverflowError),
                 "integer division result too large for a float");
    expect_error(NB(nb_true_divide)(three, zero), KaaExc(ZeroDivisionError), "division by zero");
    expect_error(NB(nb_floor_divide)(x, zero), KaaExc(ZeroDivisionError),
                 "integer division or modulo by zero");
    expect_error(NB(nb_remainder)(x, zero), KaaExc(ZeroDivisionError), "integer modulo by zero");
    expect_error(NB(nb_divmod)(three, zero), KaaExc(ZeroDivisionError),
                 "integer division or modulo by zero");
    Kaa_DECREF(x);
    Kaa_DECREF(three);
    Kaa_DECREF(zero);
}
END_TEST

START_TEST(test_int_to_double)
{
    // Correct rounding, half to even: 2**1024 - 2**970 - 1 is the largest
    // int that still rounds down to DBL_MAX.
    KaaObject *top = mk(1, 2, 1024, 0), *step = mk(1, 2, 970, 0), *one = KaaInt_FromInt64(1);
    KaaObject *edge = NB(nb_subtract)(top, step);
    KaaObject *below = NB(nb_subtract)(edge, one);
    ck_assert(KaaInt_AsDouble(below) == DBL_MAX);
    ck_assert(KaaInt_AsDouble(edge) == -1.0);
    expect_error(NULL, KaaExc(OverflowError), "int too large to convert to float");
    KaaObject *odd = mk(1, 2, 53, 1), *odd2 = mk(1, 2, 54, 3);
    ck_assert(KaaInt_AsDouble(odd) == 9007199254740992.0);
    ck_assert(KaaInt_AsDouble(odd2) == 18014398509481988.0);
    KaaObject *n = mk(-1, 2, 64, -2049); // -(2**64 + 2**11 + 1) rounds away
    ck_assert(KaaInt_AsDouble(n) == -18446744073709555712.0);
    KaaObject *objs[] = {top, step, one, edge, below, odd, odd2, n};
    for (size_t i = 0; i < 8; i++) {
        Kaa_DECREF(objs[i]);
    }
}
END_TEST

START_TEST(test_int_conversions)
{
    KaaObject *v = mk(1, 2, 63, 0);
    ck_assert_int_eq(KaaInt_AsInt64(v), -1);
    expect_error(NULL, KaaExc(OverflowError), "Python int too large to convert to C long");
    ck_assert_int_eq(KaaInt_AsSsize_t(v), -1);
    expect_error(NULL, KaaExc(OverflowError), "Python int too large to convert to C ssize_t");
    Kaa_DECREF(v);
    v = KaaInt_FromInt64(-77);
    ck_assert_int_eq(KaaInt_AsInt64(v), -77);
    ck_assert_int_eq(KaaInt_Sign(v), -1);
    Kaa_DECREF(v);
    expect_repr(KaaInt_FromDouble(3.99), "3");
    expect_repr(KaaInt_FromDouble(-3.99), "-3");
    expect_repr(KaaInt_FromDouble(-9223372036854775808.0), "-9223372036854775808");
    expect_repr(KaaInt_FromDouble(9223372036854775808.0), "9223372036854775808");
    expect_repr(KaaInt_FromDouble(1e30), "1000000000000000019884624838656");
    expect_error(KaaInt_FromDouble(NAN), KaaExc(ValueError), "cannot convert float NaN to integer");
    expect_error(KaaInt_FromDouble(-INFINITY), KaaExc(OverflowError),
                 "cannot convert float infinity to integer");
}
END_TEST

// --- int: parsing -------------------------------------------------------------------------

START_TEST(test_int_from_string)
{
    struct {
        const char *text;
        int base;
        const char *want;
    } ok[] = {
        {"  12  ", 10, "12"},
        {"1_000", 10, "1000"},
        {"0x_1f", 16, "31"},
        {"0x_1f", 0, "31"},
        {"0_0", 0, "0"},
        {"00", 0, "0"},
        {" -0x_ff ", 0, "-255"},
        {"0b1", 16, "177"},
        {"0o17", 8, "15"},
        {"0O17", 0, "15"},
        {"Z", 36, "35"},
        {"+7", 10, "7"},
        {"99999999999999999999", 10, "99999999999999999999"},
        {"-9223372036854775808", 10, "-9223372036854775808"},
        {"-9223372036854775809", 10, "-9223372036854775809"},
        {"9223372036854775808", 10, "9223372036854775808"},
        {"ffffffffffffffffffffffffffffffffffffffff", 16,
         "1461501637330902918203684832716283019655932542975"},
        {"\t\n12\r\f\v", 10, "12"},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        expect_repr(KaaInt_FromString(ok[i].text, strlen(ok[i].text), ok[i].base), ok[i].want);
    }
    struct {
        const char *text;
        int base;
        const char *msg;
    } bad[] = {
        {"abc", 10, "invalid literal for int() with base 10: 'abc'"},
        {" 1 2 ", 10, "invalid literal for int() with base 10: ' 1 2 '"},
        {"", 10, "invalid literal for int() with base 10: ''"},
        {" ", 10, "invalid literal for int() with base 10: ' '"},
        {"010", 0, "invalid literal for int() with base 0: '010'"},
        {"1__0", 10, "invalid literal for int() with base 10: '1__0'"},
        {"_10", 10, "invalid literal for int() with base 10: '_10'"},
        {"10_", 10, "invalid literal for int() with base 10: '10_'"},
        {"0x__1f", 0, "invalid literal for int() with base 0: '0x__1f'"},
        {"0b102", 0, "invalid literal for int() with base 0: '0b102'"},
        {"0x", 16, "invalid literal for int() with base 16: '0x'"},
        {"+ 1", 10, "invalid literal for int() with base 10: '+ 1'"},
        {"1e5", 10, "invalid literal for int() with base 10: '1e5'"},
        {"z", 35, "invalid literal for int() with base 35: 'z'"},
        {"12", 1, "int() base must be >= 2 and <= 36, or 0"},
        {"12", 37, "int() base must be >= 2 and <= 36, or 0"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        expect_error(KaaInt_FromString(bad[i].text, strlen(bad[i].text), bad[i].base),
                     KaaExc(ValueError), bad[i].msg);
    }
    // The message quotes at most 200 characters.
    char text[301];
    memset(text, 'x', 300);
    text[300] = '\0';
    KaaObject *r = KaaInt_FromString(text, 300, 10);
    ck_assert_ptr_null(r);
    KaaObject *exc = KaaErr_GetRaisedException();
    KaaObject *s = KaaObject_Str(exc);
    ck_assert_int_eq(KaaStr_NBYTES(s),
                     (Kaa_ssize_t)strlen("invalid literal for int() with base 10: ''") + 200);
    Kaa_DECREF(s);
    Kaa_DECREF(exc);
}
END_TEST

// --- int: hash and comparison ---------------------------------------------------------------

START_TEST(test_int_hash)
{
    static const struct {
        const char *v;
        long long h;
    } rows[] = {
        {"0", 0LL},
        {"1", 1LL},
        {"-1", -2LL},
        {"-2", -2LL},
        {"2305843009213693951", 0LL},
        {"2305843009213693952", 1LL},
        {"-2305843009213693952", -2LL},
        {"9223372036854775807", 3LL},
        {"-9223372036854775808", -4LL},
        {"9223372036854775808", 4LL},
        {"18446744073709551616", 8LL},
        {"-18446744073709551616", -8LL},
        {"1000000000000000000000000000000", 465258685558744706LL},
        {"-1000000000000000000000000000000", -465258685558744706LL},
        {"123456789012345678901234567890123456789", 1289982585495713625LL},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        KaaObject *v = I(rows[i].v);
        ck_assert_int_eq(KaaObject_Hash(v), rows[i].h);
        Kaa_DECREF(v);
    }
    ck_assert_int_eq(KaaObject_Hash(Kaa_True), 1);
    ck_assert_int_eq(KaaObject_Hash(Kaa_False), 0);
}
END_TEST

static int cmp(KaaObject *a, KaaObject *b, int op)
{
    int r = KaaObject_RichCompareBool(a, b, op);
    ck_assert_int_ge(r, 0);
    return r;
}

START_TEST(test_int_float_compare)
{
    KaaObject *p53 = mk(1, 2, 53, 0), *p53p1 = mk(1, 2, 53, 1);
    KaaObject *f53 = F(9007199254740992.0);
    ck_assert(cmp(p53, f53, Kaa_EQ));
    ck_assert(!cmp(p53p1, f53, Kaa_EQ));
    ck_assert(cmp(p53p1, f53, Kaa_GT));
    ck_assert(cmp(f53, p53p1, Kaa_LT));
    KaaObject *huge = mk(1, 10, 400, 0), *dmax = F(DBL_MAX), *inf = F(INFINITY);
    KaaObject *nan = F(NAN), *minf = F(-INFINITY), *nhuge = mk(-1, 10, 400, 0);
    ck_assert(cmp(huge, dmax, Kaa_GT));
    ck_assert(cmp(dmax, huge, Kaa_LT));
    ck_assert(cmp(huge, inf, Kaa_LT));
    ck_assert(cmp(nhuge, minf, Kaa_GT));
    ck_assert(!cmp(huge, nan, Kaa_EQ));
    ck_assert(cmp(huge, nan, Kaa_NE));
    ck_assert(!cmp(nan, huge, Kaa_LT));
    KaaObject *nan2 = F(NAN);
    ck_assert(!cmp(nan, nan2, Kaa_EQ)); // (the same object compares equal by identity)
    ck_assert(cmp(nan, nan2, Kaa_NE));
    Kaa_DECREF(nan2);
    KaaObject *e300 = F(1e300);
    KaaObject *i300 = KaaInt_FromDouble(1e300), *t300 = mk(1, 10, 300, 0);
    ck_assert(cmp(e300, i300, Kaa_EQ));
    ck_assert(!cmp(e300, t300, Kaa_EQ)); // 1e300 is not exactly 10**300
    ck_assert(cmp(t300, e300, Kaa_LT));
    KaaObject *m63 = F(-9223372036854775808.0), *imin = KaaInt_FromInt64(INT64_MIN);
    ck_assert(cmp(m63, imin, Kaa_EQ));
    KaaObject *objs[] = {p53,  p53p1, f53,  huge, dmax, inf, nan,
                         minf, nhuge, e300, i300, t300, m63, imin};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        Kaa_DECREF(objs[i]);
    }
}
END_TEST

// --- bool --------------------------------------------------------------------------------

START_TEST(test_bool)
{
    expect_repr(Kaa_NewRef(Kaa_True), "True");
    expect_repr(Kaa_NewRef(Kaa_False), "False");
    ck_assert(KaaInt_Check(Kaa_True));
    ck_assert(!KaaInt_CheckExact(Kaa_True));
    KaaObject *one = KaaInt_FromInt64(1), *three = KaaInt_FromInt64(3);
    // & | ^ of bools stay bools; with ints they are int arithmetic.
    KaaObject *r = KaaBool_Type.tp_as_number->nb_and(Kaa_True, Kaa_False);
    ck_assert_ptr_eq(r, Kaa_False);
    Kaa_DECREF(r);
    r = KaaBool_Type.tp_as_number->nb_xor(Kaa_True, Kaa_False);
    ck_assert_ptr_eq(r, Kaa_True);
    Kaa_DECREF(r);
    expect_repr(KaaBool_Type.tp_as_number->nb_or(Kaa_True, three), "3");
    expect_repr(KaaBool_Type.tp_as_number->nb_and(Kaa_True, one), "1");
    // The other slots are int's, inherited.
    expect_repr(KaaNumber_Add(Kaa_True, Kaa_True), "2");
    expect_repr(KaaNumber_Negative(Kaa_True), "-1");
    expect_repr(KaaNumber_Invert(Kaa_True), "-2");
    expect_repr(KaaNumber_Positive(Kaa_True), "1");
    expect_repr(KaaNumber_Absolute(Kaa_True), "1");
    ck_assert_int_eq(KaaObject_IsTrue(Kaa_True), 1);
    ck_assert_int_eq(KaaObject_IsTrue(Kaa_False), 0);
    Kaa_DECREF(one);
    Kaa_DECREF(three);
}
END_TEST

// --- float ------------------------------------------------------------------------------

// {bits, repr, hash} from CPython (hash 0 stands for NaN, hashed by identity).
static const struct {
    uint64_t bits;
    const char *repr;
    long long hash;
} float_table[] = {
    {0x0000000000000000ULL, "0.0", 0LL},
    {0x8000000000000000ULL, "-0.0", 0LL},
    {0x3ff0000000000000ULL, "1.0", 1LL},
    {0xbff0000000000000ULL, "-1.0", -2LL},
    {0x3fb999999999999aULL, "0.1", 230584300921369408LL},
    {0x3fd3333333333334ULL, "0.30000000000000004", 691752902764108288LL},
    {0x3fd5555555555555ULL, "0.3333333333333333", 768614336404564608LL},
    {0x3fe5555555555555ULL, "0.6666666666666666", 1537228672809129216LL},
    {0x4341c37937e08000ULL, "1e+16", 10000000000000000LL},
    {0x430c6bf526340000ULL, "1000000000000000.0", 1000000000000000LL},
    {0x4341c37937e07fffULL, "9999999999999998.0", 9999999999999998LL},
    {0x4480f0cf064dd592ULL, "1e+22", 1864712049423028464LL},
    {0x44b52d02c7e14af6ULL, "1e+23", 200376420512344424LL},
    {0x7e41eb2d66005835ULL, "1.5e+300", 1837492894133638746LL},
    {0x3ee4f8b588e368f1ULL, "1e-05", 2170758078822671208LL},
    {0x3f1a36e2eb1c432dULL, "0.0001", 936979306793984537LL},
    {0x3f202c9dedbc309dULL, "0.0001234", 1873781986013463305LL},
    {0x405ec00000000000ULL, "123.0", 123LL},
    {0x405edd2f1a9fbe77ULL, "123.456", 1051464412201451643LL},
    {0x0000000000000001ULL, "5e-324", 16777216LL},
    {0x0010000000000000ULL, "2.2250738585072014e-308", 32768LL},
    {0x7fefffffffffffffULL, "1.7976931348623157e+308", 2234066890152476671LL},
    // Powers of two whose nearest 16-digit decimal does not read back.
    {0x0060000000000000ULL, "7.120236347223045e-307", 1048576LL},
    {0x0100000000000000ULL, "7.291122019556398e-304", 1073741824LL},
    {0x7fe0000000000000ULL, "8.98846567431158e+307", 140737488355328LL},
    {0x4340000000000000ULL, "9007199254740992.0", 9007199254740992LL},
    {0x4340000000000001ULL, "9007199254740994.0", 9007199254740994LL},
    {0x43e0000000000000ULL, "9.223372036854776e+18", 4LL},
    {0x43e56a95319d63e1ULL, "1.2345678901234567e+19", 816463855166097413LL},
    {0x54b249ad2594c37dULL, "1e+100", 1822893315824342674LL},
    {0x4011666666666666ULL, "4.35", 807045053224792068LL},
    {0x3fe0000000000000ULL, "0.5", 1152921504606846976LL},
    {0x4059000000000000ULL, "100.0", 100LL},
    {0x3e7ad7f29abcaf48ULL, "1e-07", 851743510110745977LL},
    {0x7ff0000000000000ULL, "inf", 314159LL},
    {0xfff0000000000000ULL, "-inf", -314159LL},
    {0x7ff8000000000000ULL, "nan", 0LL},
    {0x437b69b4ba630f35ULL, "1.2345678901234568e+17", 123456789012345680LL},
    {0x3f202e85be111841ULL, "0.000123456789", 144399860049711492LL},
    {0xbdf12e0be826d695ULL, "-2.5e-10", -699647011998930896LL},
    {0xdda1494c73cf256dULL, "-1.0539756485530688e+143", -1873801549193212502LL},
    {0xc7fde805ec99108dULL, "-6.360375184993316e+38", -1441985639276249207LL},
    {0x73ab48767734d7c1ULL, "1.526087629730313e+249", 485834635190574541LL},
    {0x309d6b79965eda32ULL, "1.6260771785726701e-74", 1059960868175681792LL},
    {0x9d2c67eda13ffe79ULL, "-3.7634144828029947e-168", -15991139316268274LL},
    {0x89e7d15f17362f25ULL, "-6.0511296129096725e-261", -578136785004891081LL},
    {0xbd299753a7677796ULL, "-4.545896140860994e-14", -526585733079734645LL},
    {0x102b938b8743feb6ULL, "8.88116792998917e-231", 612444194930396039LL},
    {0x09208a650f3ebdd3ULL, "1.0259476444142278e-264", 2227452512365198586LL},
    {0xe12b2b8f30b17d0bULL, "-1.1937126864956989e+160", -1202476037457860798LL},
};

START_TEST(test_float_repr_and_hash)
{
    for (size_t i = 0; i < sizeof float_table / sizeof float_table[0]; i++) {
        double d = from_bits(float_table[i].bits);
        char buf[32];
        kaa_float_repr_buf(d, buf);
        ck_assert_str_eq(buf, float_table[i].repr);
        KaaObject *f = F(d);
        if (!isnan(d)) {
            ck_assert_int_eq(KaaObject_Hash(f), float_table[i].hash);
        }
        expect_repr(f, float_table[i].repr);
    }
}
END_TEST

START_TEST(test_float_repr_round_trips)
{
    // Random bit patterns: the repr reads back, and is no longer than 17 digits.
    uint64_t x = 88172645463325252ULL;
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double d = from_bits(x);
        if (!isfinite(d)) {
            continue;
        }
        char buf[32];
        kaa_float_repr_buf(d, buf);
        ck_assert_msg(strtod(buf, NULL) == d, "%s does not read back", buf);
        ck_assert_int_le(strlen(buf), 24);
    }
}
END_TEST

// {x, y, x // y, x % y} from CPython.
static const struct {
    double x, y;
    const char *fdiv, *mod;
} fdiv_table[] = {
    {7.5, 2.0, "3.0", "1.5"},
    {7.5, -2.0, "-4.0", "-0.5"},
    {7.5, 0.7, "10.0", "0.5000000000000004"},
    {7.5, -0.7, "-11.0", "-0.1999999999999995"},
    {7.5, INFINITY, "0.0", "7.5"},
    {-7.5, 2.0, "-4.0", "0.5"},
    {-7.5, -2.0, "3.0", "-1.5"},
    {-7.5, 0.7, "-11.0", "0.1999999999999995"},
    {-7.5, INFINITY, "-1.0", "inf"},
    {0.0, -2.0, "-0.0", "-0.0"},
    {-0.0, 2.0, "-0.0", "0.0"},
    {-0.0, -0.7, "0.0", "-0.0"},
    {1e+300, 0.7, "1.4285714285714288e+300", "0.3790560774266656"},
    {1e+300, -0.7, "-1.4285714285714288e+300", "-0.3209439225733344"},
    {3.0, -0.7, "-5.0", "-0.4999999999999998"},
};

START_TEST(test_float_floor_div_mod)
{
    for (size_t i = 0; i < sizeof fdiv_table / sizeof fdiv_table[0]; i++) {
        KaaObject *x = F(fdiv_table[i].x), *y = F(fdiv_table[i].y);
        expect_repr(FNB(nb_floor_divide)(x, y), fdiv_table[i].fdiv);
        expect_repr(FNB(nb_remainder)(x, y), fdiv_table[i].mod);
        char want[96];
        snprintf(want, sizeof want, "(%s, %s)", fdiv_table[i].fdiv, fdiv_table[i].mod);
        expect_repr(FNB(nb_divmod)(x, y), want);
        Kaa_DECREF(x);
        Kaa_DECREF(y);
    }
    KaaObject *one = F(1.0), *zero = F(0.0), *izero = KaaInt_FromInt64(0);
    expect_error(FNB(nb_true_divide)(one, zero), KaaExc(ZeroDivisionError),
                 "float division by zero");
    expect_error(FNB(nb_remainder)(one, izero), KaaExc(ZeroDivisionError), "float modulo");
    expect_error(FNB(nb_floor_divide)(one, zero), KaaExc(ZeroDivisionError),
                 "float floor division by zero");
    expect_error(FNB(nb_divmod)(one, zero), KaaExc(ZeroDivisionError), "float divmod()");
    Kaa_DECREF(one);
    Kaa_DECREF(zero);
    Kaa_DECREF(izero);
}
END_TEST

static KaaObject *fpow(double x, double y)
{
    KaaObject *a = F(x), *b = F(y);
    KaaObject *r = FNB(nb_power)(a, b, Kaa_None);
    Kaa_DECREF(a);
    Kaa_DECREF(b);
    return r;
}

START_TEST(test_float_pow)
{
    expect_repr(fpow(-8.0, 3.0), "-512.0");
    expect_repr(fpow(-8.0, -3.0), "-0.001953125");
    expect_repr(fpow(-0.0, 3.0), "-0.0");
    expect_repr(fpow(2.0, -10000.0), "0.0");
    expect_repr(fpow(NAN, 0.0), "1.0");
    expect_repr(fpow(1.0, NAN), "1.0");
    expect_repr(fpow(-1.0, INFINITY), "1.0");
    expect_repr(fpow(0.5, INFINITY), "0.0");
    expect_repr(fpow(2.0, -INFINITY), "0.0");
    expect_repr(fpow(-INFINITY, 3.0), "-inf");
    expect_repr(fpow(-INFINITY, 2.0), "inf");
    expect_repr(fpow(-INFINITY, -3.0), "-0.0");
    expect_repr(fpow(INFINITY, -1.0), "0.0");
    expect_error(fpow(0.0, -1.0), KaaExc(ZeroDivisionError),
                 "0.0 cannot be raised to a negative power");
    expect_error(fpow(0.0, -2.5), KaaExc(ZeroDivisionError),
                 "0.0 cannot be raised to a negative power");
    expect_error(fpow(2.0, 10000.0), KaaExc(OverflowError),
                 "(34, 'Numerical result out of range')");
    expect_error(fpow(-2.0, 10001.0), KaaExc(OverflowError),
                 "(34, 'Numerical result out of range')");
    // A negative number to a fractional power is complex, as in CPython.
    expect_repr(fpow(-2.0, 0.5), "(8.659560562354934e-17+1.4142135623730951j)");
}
END_TEST

START_TEST(test_float_mixed_with_int)
{
    KaaObject *f = F(1.5), *i = KaaInt_FromInt64(2), *huge = mk(1, 10, 400, 0);
    expect_repr(KaaNumber_Add(i, f), "3.5");
    expect_repr(FNB(nb_multiply)(i, f), "3.0");
    expect_repr(FNB(nb_true_divide)(Kaa_True, i), "0.5");
    KaaObject *r = NB(nb_add)(i, f);
    ck_assert_ptr_eq(r, Kaa_NotImplemented); // int leaves floats to float's slot
    Kaa_DECREF(r);
    r = FNB(nb_add)(f, Kaa_None);
    ck_assert_ptr_eq(r, Kaa_NotImplemented);
    Kaa_DECREF(r);
    expect_error(FNB(nb_add)(f, huge), KaaExc(OverflowError), "int too large to convert to float");
    Kaa_DECREF(f);
    Kaa_DECREF(i);
    Kaa_DECREF(huge);
}
END_TEST

static KaaObject *float_of(const char *text)
{
    KaaObject *s = KaaStr_FromString(text);
    KaaObject *r = KaaFloat_FromString(s);
    Kaa_DECREF(s);
    return r;
}

START_TEST(test_float_from_string)
{
    struct {
        const char *text, *want;
    } ok[] = {
        {"1_0.5", "10.5"},
        {"1e1_0", "10000000000.0"},
        {"+1.5E-3", "0.0015"},
        {" -Infinity ", "-inf"},
        {"nAn", "nan"},
        {"-nan", "nan"},
        {"1e400", "inf"},
        {"-1e-400", "-0.0"},
        {".5", "0.5"},
        {"5.", "5.0"},
        {"1.e5", "100000.0"},
        {"  3.25\n", "3.25"},
        {"INF", "inf"},
        {"0.1", "0.1"},
        {"2.2250738585072011e-308", "2.225073858507201e-308"},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        expect_repr(float_of(ok[i].text), ok[i].want);
    }
    KaaObject *neg_nan = float_of("-nan");
    ck_assert(signbit(KaaFloat_AS_DOUBLE(neg_nan)));
    Kaa_DECREF(neg_nan);
    const char *bad[] = {"abc", "1__0", "0x10", "1._5",  "1_.5", "1e_10", "infinit", ".",     "e5",
                         "",    "  ",   "1e",   "1.5.5", "- 1",  "_1",    "1_",      "nan(1)"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        KaaObject *s = KaaStr_FromString(bad[i]);
        char msg[96];
        KaaObject *quoted = KaaObject_Repr(s);
        snprintf(msg, sizeof msg, "could not convert string to float: %s", KaaStr_DATA(quoted));
        expect_error(KaaFloat_FromString(s), KaaExc(ValueError), msg);
        Kaa_DECREF(quoted);
        Kaa_DECREF(s);
    }
}
END_TEST

// x.__round__(*args) through the method table.
static KaaObject *call_round(KaaTypeObject *type, KaaObject *self, KaaObject *const *args,
                             size_t nargs)
{
    for (KaaMethodDef *m = type->tp_methods; m->ml_name; m++) {
        if (strcmp(m->ml_name, "__round__") == 0) {
            return ((KaaCFunctionFast)m->ml_meth)(self, args, nargs, NULL);
        }
    }
    ck_abort_msg("no __round__");
    return NULL;
}

static void expect_fround(double x, int64_t n, const char *want)
{
    KaaObject *self = F(x), *nd = KaaInt_FromInt64(n);
    expect_repr(call_round(&KaaFloat_Type, self, &nd, 1), want);
    Kaa_DECREF(self);
    Kaa_DECREF(nd);
}

START_TEST(test_round)
{
    static const struct {
        double x;
        const char *want;
    } whole[] = {
        {2.5, "2"},
        {-2.5, "-2"},
        {3.5, "4"},
        {-0.5, "0"},
        {0.5, "0"},
        {-0.4, "0"},
        {1e15 + 0.5, "1000000000000000"},
        {4503599627370497.0, "4503599627370497"},
    };
    for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++) {
        KaaObject *self = F(whole[i].x);
        expect_repr(call_round(&KaaFloat_Type, self, NULL, 0), whole[i].want);
        Kaa_DECREF(self);
    }
    expect_fround(0.125, 2, "0.12");
    expect_fround(0.375, 2, "0.38");
    expect_fround(2.675, 2, "2.67");
    expect_fround(-0.4, 0, "-0.0");
    expect_fround(-0.0, 2, "-0.0");
    expect_fround(149.5, -2, "100.0");
    expect_fround(150.0, -2, "200.0");
    expect_fround(250.0, -2, "200.0");
    expect_fround(250.0000001, -2, "300.0");
    expect_fround(-250.0, -2, "-200.0");
    expect_fround(5e-324, 400, "5e-324");
    expect_fround(5e-324, 323, "0.0");
    expect_fround(5e-324, 324, "5e-324");
    expect_fround(1e300, -400, "0.0");
    expect_fround(-1e300, -400, "-0.0");
    expect_fround(123.456, -1, "120.0");
    expect_fround(123.456, 1, "123.5");
    expect_fround(1e22, -21, "1e+22");
    expect_fround(5e22, -23, "0.0");
    expect_fround(99999.0, -5, "100000.0");
    expect_fround(50000.0, -5, "0.0");
    expect_fround(150000.0, -5, "200000.0");
    expect_fround(1.23456789e-10, 15, "1.23457e-10");
    KaaObject *self = F(DBL_MAX), *nd = KaaInt_FromInt64(-308);
    expect_error(call_round(&KaaFloat_Type, self, &nd, 1), KaaExc(OverflowError),
                 "rounded value too large to represent");
    Kaa_DECREF(self);
    Kaa_DECREF(nd);
    self = F(INFINITY);
    expect_error(call_round(&KaaFloat_Type, self, NULL, 0), KaaExc(OverflowError),
                 "cannot convert float infinity to integer");
    Kaa_DECREF(self);
    // int.__round__ with negative ndigits: half to even.
    struct {
        const char *v;
        int64_t n;
        const char *want;
    } ints[] = {
        {"5", -1, "0"},
        {"15", -1, "20"},
        {"25", -1, "20"},
        {"-15", -1, "-20"},
        {"-25", -1, "-20"},
        {"12345", -2, "12300"},
        {"5", 3, "5"},
        {"5", -100, "0"},
        {"1000000000000000000005000000000", -10, "1000000000000000000000000000000"},
        {"1000000000000000000015000000000", -10, "1000000000000000000020000000000"},
    };
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        KaaObject *v = I(ints[i].v), *n = KaaInt_FromInt64(ints[i].n);
        expect_repr(call_round(&KaaInt_Type, v, &n, 1), ints[i].want);
        Kaa_DECREF(v);
        Kaa_DECREF(n);
    }
}
END_TEST

START_TEST(test_float_to_int)
{
    KaaObject *f = F(-3.7);
    expect_repr(FNB(nb_int)(f), "-3");
    Kaa_DECREF(f);
    f = F(1e300);
    expect_repr(FNB(nb_int)(f),
                "1000000000000000052504760255204420248704468581108159154915854115511802457988908"
                "1957863713750804478640437044438328838781769425232353604305756447921847867069828"
                "4838720092657580373783023379478809005936895323497079994508111903896764088007465"
                "2742780142494579258788820056842838115669472196386865459400540160");
    Kaa_DECREF(f);
    ck_assert(KaaFloat_AsDouble(Kaa_True) == 1.0);
    KaaObject *big = mk(1, 10, 400, 0);
    ck_assert(KaaFloat_AsDouble(big) == -1.0);
    expect_error(NULL, KaaExc(OverflowError), "int too large to convert to float");
    Kaa_DECREF(big);
    ck_assert(KaaFloat_AsDouble(Kaa_None) == -1.0);
    expect_error(NULL, KaaExc(TypeError), "must be real number, not NoneType");
}
END_TEST

static KaaObject *fromhex(const char *text)
{
    KaaObject *s = KaaStr_FromString(text);
    KaaObject *r = KaaObject_CallMethod((KaaObject *)&KaaFloat_Type, "fromhex", &s, 1);
    Kaa_DECREF(s);
    return r;
}

START_TEST(test_float_hex)
{
    static const struct {
        double x;
        const char *want;
    } hex[] = {
        {0.0, "0x0.0p+0"},
        {-0.0, "-0x0.0p+0"},
        {1.0, "0x1.0000000000000p+0"},
        {-2.5, "-0x1.4000000000000p+1"},
        {5e-324, "0x0.0000000000001p-1022"},
        {2.2250738585072014e-308, "0x1.0000000000000p-1022"},
        {DBL_MAX, "0x1.fffffffffffffp+1023"},
        {0.1, "0x1.999999999999ap-4"},
        {-INFINITY, "-inf"},
    };
    for (size_t i = 0; i < sizeof hex / sizeof hex[0]; i++) {
        KaaObject *f = F(hex[i].x);
        KaaObject *r = KaaObject_CallMethod(f, "hex", NULL, 0);
        ck_assert_str_eq(KaaStr_DATA(r), hex[i].want);
        Kaa_DECREF(r);
        Kaa_DECREF(f);
    }
    static const struct {
        const char *text, *want;
    } ok[] = {
        {"0x1.8p1", "3.0"},
        {"1.8p1", "3.0"},
        {"  -0X1.8P+1  ", "-3.0"},
        {"0x.8", "0.5"},
        {"ff", "255.0"},
        {"0x1p-1074", "5e-324"},
        {"0x1p-1075", "0.0"},
        {"0x1.8p-1075", "5e-324"},
        {"-Infinity", "-inf"},
        {"0x1.00000000000008p0", "1.0"},
        {"0x1.00000000000018p0", "1.0000000000000004"},
        {"0x1.000000000000080000001p0", "1.0000000000000002"},
        {"0x1p-99999999999999999", "0.0"},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        expect_repr(fromhex(ok[i].text), ok[i].want);
    }
    static const char *bad[] = {"0x", "0x.p1", "0x1p", "0x1p+", "1_0", "0x1.8p1.5", "", "0x1 p1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        expect_error(fromhex(bad[i]), KaaExc(ValueError),
                     "invalid hexadecimal floating-point string");
    }
    expect_error(fromhex("0x1.fffffffffffff8p1023"), KaaExc(OverflowError),
                 "hexadecimal value too large to represent as a float");
    expect_error(fromhex("0x1p99999999999999999"), KaaExc(OverflowError),
                 "hexadecimal value too large to represent as a float");
}
END_TEST

// --- Through the interpreter: tp_new and attributes ------------------------------------------

// type(*args) through tp_new.
static KaaObject *construct(KaaTypeObject *type, KaaObject *const *args, size_t nargs)
{
    return type->tp_new(type, args, nargs, NULL);
}

START_TEST(test_constructors)
{
    expect_repr(construct(&KaaInt_Type, NULL, 0), "0");
    expect_repr(construct(&KaaFloat_Type, NULL, 0), "0.0");
    expect_repr(construct(&KaaBool_Type, NULL, 0), "False");
    KaaObject *s = KaaStr_FromString("ff"), *b16 = KaaInt_FromInt64(16), *f = F(3.99);
    KaaObject *args[] = {s, b16};
    expect_repr(construct(&KaaInt_Type, args, 2), "255");
    expect_repr(construct(&KaaInt_Type, &f, 1), "3");
    expect_repr(construct(&KaaBool_Type, &f, 1), "True");
    expect_repr(construct(&KaaFloat_Type, &b16, 1), "16.0");
    KaaObject *args2[] = {b16, b16};
    expect_error(construct(&KaaInt_Type, args2, 2), KaaExc(TypeError),
                 "int() can't convert non-string with explicit base");
    KaaObject *args3[] = {s, b16, b16};
    expect_error(construct(&KaaInt_Type, args3, 3), KaaExc(TypeError),
                 "int() takes at most 2 arguments (3 given)");
    expect_error(construct(&KaaFloat_Type, args2, 2), KaaExc(TypeError),
                 "float expected at most 1 argument, got 2");
    expect_error(construct(&KaaBool_Type, args2, 2), KaaExc(TypeError),
                 "bool expected at most 1 argument, got 2");
    KaaObject *lst = KaaList_New(0);
    expect_error(construct(&KaaInt_Type, &lst, 1), KaaExc(TypeError),
                 "int() argument must be a string, a bytes-like object or a real number, "
                 "not 'list'");
    expect_error(construct(&KaaFloat_Type, &lst, 1), KaaExc(TypeError),
                 "float() argument must be a string or a real number, not 'list'");
    KaaObject *abc = KaaStr_FromString("abc");
    expect_error(construct(&KaaFloat_Type, &abc, 1), KaaExc(ValueError),
                 "could not convert string to float: 'abc'");
    expect_error(construct(&KaaInt_Type, &abc, 1), KaaExc(ValueError),
                 "invalid literal for int() with base 10: 'abc'");
    KaaObject *objs[] = {s, b16, f, lst, abc};
    for (size_t i = 0; i < 5; i++) {
        Kaa_DECREF(objs[i]);
    }
}
END_TEST

START_TEST(test_methods_and_attributes)
{
    KaaObject *v = mk(1, 2, 70, -1);
    KaaObject *r = KaaObject_CallMethod(v, "bit_length", NULL, 0);
    expect_repr(r, "70");
    expect_repr(KaaObject_CallMethod(v, "bit_count", NULL, 0), "70");
    expect_repr(KaaObject_CallMethod(Kaa_True, "as_integer_ratio", NULL, 0), "(1, 1)");
    expect_repr(KaaObject_GetAttrString(Kaa_True, "real"), "1");
    expect_repr(KaaObject_GetAttrString(v, "denominator"), "1");
    expect_repr(KaaObject_GetAttrString(v, "imag"), "0");
    KaaObject *f = F(-0.5);
    expect_repr(KaaObject_CallMethod(f, "as_integer_ratio", NULL, 0), "(-1, 2)");
    expect_repr(KaaObject_CallMethod(f, "is_integer", NULL, 0), "False");
    expect_repr(KaaObject_CallMethod(f, "__floor__", NULL, 0), "-1");
    expect_repr(KaaObject_CallMethod(f, "__ceil__", NULL, 0), "0");
    expect_repr(KaaObject_GetAttrString(f, "imag"), "0.0");
    Kaa_DECREF(f);
    f = F(5e-324);
    KaaObject *ratio = KaaObject_CallMethod(f, "as_integer_ratio", NULL, 0);
    ck_assert_ptr_nonnull(ratio);
    expect_repr(Kaa_NewRef(KaaTuple_GET_ITEM(ratio, 0)), "1");
    Kaa_DECREF(ratio);
    Kaa_DECREF(f);
    f = F(INFINITY);
    expect_error(KaaObject_CallMethod(f, "as_integer_ratio", NULL, 0), KaaExc(OverflowError),
                 "cannot convert Infinity to integer ratio");
    Kaa_DECREF(f);
    Kaa_DECREF(v);
}
END_TEST

static Suite *numbers_suite(void)
{
    Suite *s = suite_create("numbers");
    TCase *ti = tcase_create("int");
    tcase_add_checked_fixture(ti, setup, teardown);
    tcase_add_test(ti, test_int_repr);
    tcase_add_test(ti, test_small_int_cache);
    tcase_add_test(ti, test_format_base);
    tcase_add_test(ti, test_str_digit_limit);
    tcase_add_test(ti, test_int_arith_table);
    tcase_add_test(ti, test_promotion_and_demotion);
    tcase_add_test(ti, test_int_pow);
    tcase_add_test(ti, test_int_pow_mod);
    tcase_add_test(ti, test_int_bitwise_and_shifts);
    tcase_add_test(ti, test_int_true_divide);
    tcase_add_test(ti, test_int_to_double);
    tcase_add_test(ti, test_int_conversions);
    tcase_add_test(ti, test_int_from_string);
    tcase_add_test(ti, test_int_hash);
    tcase_add_test(ti, test_int_float_compare);
    tcase_add_test(ti, test_bool);
    suite_add_tcase(s, ti);
    TCase *tf = tcase_create("float");
    tcase_add_checked_fixture(tf, setup, teardown);
    tcase_add_test(tf, test_float_repr_and_hash);
    tcase_add_test(tf, test_float_repr_round_trips);
    tcase_add_test(tf, test_float_floor_div_mod);
    tcase_add_test(tf, test_float_pow);
    tcase_add_test(tf, test_float_mixed_with_int);
    tcase_add_test(tf, test_float_from_string);
    tcase_add_test(tf, test_round);
    tcase_add_test(tf, test_float_hex);
    tcase_add_test(tf, test_float_to_int);
    tcase_add_test(tf, test_constructors);
    tcase_add_test(tf, test_methods_and_attributes);
    suite_add_tcase(s, tf);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(numbers_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
