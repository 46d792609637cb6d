/* White-box checks of the string formatting entry points the compiler and
 * VM use (KaaObject_Format, KaaObject_ASCII, KaaStr_PrintfFormat) and of the
 * Unicode tables, with every block returned at teardown.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "kaa.h"
#include "objects/unicodectype.h"
#include "testutil.h"

// Assert that s (a new reference, consumed) is a str equal to want.
static void expect_str(KaaObject *s, const char *want)
{
    ck_assert_ptr_nonnull(s);
    ck_assert(KaaStr_Check(s));
    ck_assert_str_eq(KaaStr_DATA(s), want);
    Kaa_DECREF(s);
}

START_TEST(test_format_protocol)
{
    KaaObject *i = KaaInt_FromInt64(255);
    KaaObject *f = KaaFloat_FromDouble(1e16);
    KaaObject *spec = KaaStr_FromString("#06x");
    expect_str(KaaObject_Format(i, spec), "0x00ff");
    expect_str(KaaObject_Format(i, NULL), "255");
    expect_str(KaaObject_Format(f, NULL), "1e+16");
    KaaObject *list = KaaList_New(0);
    ck_assert_ptr_null(KaaObject_Format(list, spec));
    ck_assert(KaaErr_ExceptionMatches(KaaExc(TypeError)));
    KaaErr_Clear();
    expect_str(KaaObject_Format(list, NULL), "[]");
    Kaa_DECREF(list);
    Kaa_DECREF(spec);
    Kaa_DECREF(f);
    Kaa_DECREF(i);
}
END_TEST

START_TEST(test_ascii)
{
    KaaObject *s = KaaStr_FromString("\xc3\xa9\xe1\x88\xb4\xf0\x9f\x98\x80x"); // é ሴ 😀 x
    expect_str(KaaObject_ASCII(s), "'\\xe9\\u1234\\U0001f600x'");
    KaaObject *plain = KaaStr_FromString("abc");
    expect_str(KaaObject_ASCII(plain), "'abc'");
    Kaa_DECREF(plain);
    Kaa_DECREF(s);
}
END_TEST

START_TEST(test_printf_format)
{
    KaaObject *fmt = KaaStr_FromString("%-4s|%+05d|%.2f|%%");
    KaaObject *t = KaaTuple_New(3);
    KaaTuple_SET_ITEM(t, 0, KaaStr_FromString("ab"));
    KaaTuple_SET_ITEM(t, 1, KaaInt_FromInt64(42));
    KaaTuple_SET_ITEM(t, 2, KaaFloat_FromDouble(2.675));
    expect_str(KaaStr_PrintfFormat(fmt, t), "ab  |+0042|2.67|%");
    KaaObject *one = KaaInt_FromInt64(1);
    ck_assert_ptr_null(KaaStr_PrintfFormat(fmt, one));
    ck_assert(KaaErr_ExceptionMatches(KaaExc(TypeError)));
    KaaErr_Clear();
    Kaa_DECREF(one);
    Kaa_DECREF(t);
    Kaa_DECREF(fmt);
}
END_TEST

START_TEST(test_unicode_tables)
{
    ck_assert(kaa_unicode_isalpha(0xE9));
    ck_assert(!kaa_unicode_isalpha(0x301));
    ck_assert(kaa_unicode_isdecimal(0x661));
    ck_assert(kaa_unicode_isdigit(0xB2) && !kaa_unicode_isdecimal(0xB2));
    ck_assert(kaa_unicode_isnumeric(0xBD) && !kaa_unicode_isdigit(0xBD));
    ck_assert(kaa_unicode_istitle(0x1C5) && !kaa_unicode_isupper(0x1C5));
    ck_assert(kaa_unicode_isspace(0x3000) && !kaa_unicode_isspace(0x200B));
    ck_assert(!kaa_unicode_isprintable(0xAD) && kaa_unicode_isprintable(0xE9));
    ck_assert(kaa_unicode_isxidcontinue(0x301) && !kaa_unicode_isxidstart(0x301));
    ck_assert_uint_eq(kaa_unicode_toupper(0xE9), 0xC9);
    ck_assert_uint_eq(kaa_unicode_tolower(0x3A3), 0x3C3);
}
END_TEST

START_TEST(test_str_methods_from_python)
{
    int status;
    char *out = kaa_test_run("print('ß'.upper(), 'ΣΑΣ'.lower(), '{:>5}|{!r}'.format('é', 'x'))\n"
                             "print('%(a)s=%(b).1f' % {'a': 'x', 'b': 2.25}, format(1234, ','))\n",
                             &status);
    ck_assert_int_eq(status, 0);
    ck_assert_str_eq(out, "SS σας     é|'x'\nx=2.2 1,234\n");
    free(out);
}
END_TEST

static Suite *strings_suite(void)
{
    Suite *s = suite_create("strings");
    TCase *tc = tcase_create("format");
    tcase_add_checked_fixture(tc, kaa_test_setup, kaa_test_teardown);
    tcase_add_test(tc, test_format_protocol);
    tcase_add_test(tc, test_ascii);
    tcase_add_test(tc, test_printf_format);
    tcase_add_test(tc, test_unicode_tables);
    tcase_add_test(tc, test_str_methods_from_python);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(strings_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
