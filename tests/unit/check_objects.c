/* The object core: reference counts, the generic protocol, strings, and
 * whole programs through the compiler and VM, with the rule that every
 * block allocated is returned at finalization.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "gc/gc.h"
#include "kaa.h"
#include "mem/mem.h"
#include "testutil.h"

START_TEST(test_fixture_returns_every_block)
{
    // Setup/teardown alone must be leak-free; teardown asserts it.
    ck_assert_ptr_nonnull(Kaa_MainDict());
}
END_TEST

START_TEST(test_refcount_of_new_objects)
{
    KaaObject *l = KaaList_New(0);
    ck_assert_int_eq(Kaa_REFCNT(l), 1);
    KaaObject *s = KaaStr_FromString("hello world");
    ck_assert_int_eq(Kaa_REFCNT(s), 1);
    ck_assert_int_eq(KaaList_Append(l, s), 0);
    ck_assert_int_eq(Kaa_REFCNT(s), 2); // the list holds one
    Kaa_DECREF(l);
    ck_assert_int_eq(Kaa_REFCNT(s), 1); // released with the list
    Kaa_DECREF(s);
}
END_TEST

START_TEST(test_str_basics)
{
    KaaObject *a = KaaStr_FromString("h\xc3\xa9llo"); // héllo
    ck_assert_int_eq(KaaStr_LEN(a), 5);
    ck_assert_int_eq(KaaStr_NBYTES(a), 6);
    KaaObject *r = KaaObject_Repr(a);
    ck_assert_str_eq(KaaStr_DATA(r), "'h\xc3\xa9llo'");
    Kaa_DECREF(r);
    KaaObject *q = KaaStr_FromString("it's");
    r = KaaObject_Repr(q);
    ck_assert_str_eq(KaaStr_DATA(r), "\"it's\"");
    Kaa_DECREF(r);
    Kaa_DECREF(q);
    Kaa_DECREF(a);
}
END_TEST

START_TEST(test_interning_gives_one_object)
{
    KaaObject *a = KaaStr_InternFromString("spam");
    KaaObject *b = KaaStr_FromString("spam");
    ck_assert_ptr_ne(a, b);
    KaaStr_InternInPlace(&b);
    ck_assert_ptr_eq(a, b);
    Kaa_DECREF(b);
}
END_TEST

START_TEST(test_error_state)
{
    ck_assert_ptr_null(KaaErr_Occurred());
    KaaErr_Format(KaaExc(ValueError), "bad %d and %R", 42, Kaa_None);
    ck_assert_ptr_eq(KaaErr_Occurred(), KaaExc(ValueError));
    ck_assert(KaaErr_ExceptionMatches(KaaExc(Exception)));
    ck_assert(!KaaErr_ExceptionMatches(KaaExc(TypeError)));
    KaaObject *exc = KaaErr_GetRaisedException();
    KaaObject *s = KaaObject_Str(exc);
    ck_assert_str_eq(KaaStr_DATA(s), "bad 42 and None");
    Kaa_DECREF(s);
    Kaa_DECREF(exc);
    ck_assert_ptr_null(KaaErr_Occurred());
}
END_TEST

START_TEST(test_gc_tracking_of_containers)
{
    KaaObject *l = KaaList_New(0);
    ck_assert(kaa_gc_is_tracked(l));
    KaaObject *s = KaaStr_FromString("x");
    ck_assert(!KaaObject_IS_GC(s));
    Kaa_DECREF(s);
    Kaa_DECREF(l);
}
END_TEST

START_TEST(test_run_program)
{
    int status;
    char *out = kaa_test_run("def f(a, b):\n    return a * b + 1\nprint(f(6, 7), 'ok')\n",
                             &status);
    ck_assert_int_eq(status, 0);
    ck_assert_str_eq(out, "43 ok\n");
    free(out);
}
END_TEST

START_TEST(test_run_error_is_reported_and_cleared)
{
    int status;
    char *out = kaa_test_run("print(1)\nprint(undefined)\n", &status);
    ck_assert_int_eq(status, 1);
    ck_assert_str_eq(out, "1\n");
    ck_assert_ptr_null(KaaErr_Occurred());
    free(out);
}
END_TEST

START_TEST(test_deep_recursion_raises)
{
    int status;
    char *out = kaa_test_run("def f(n):\n    return f(n + 1)\nf(0)\n", &status);
    ck_assert_int_eq(status, 1);
    free(out);
}
END_TEST

static Suite *objects_suite(void)
{
    Suite *s = suite_create("objects");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, kaa_test_setup, kaa_test_teardown);
    tcase_add_test(tc, test_fixture_returns_every_block);
    tcase_add_test(tc, test_refcount_of_new_objects);
    tcase_add_test(tc, test_str_basics);
    tcase_add_test(tc, test_interning_gives_one_object);
    tcase_add_test(tc, test_error_state);
    tcase_add_test(tc, test_gc_tracking_of_containers);
    tcase_add_test(tc, test_run_program);
    tcase_add_test(tc, test_run_error_is_reported_and_cleared);
    tcase_add_test(tc, test_deep_recursion_raises);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(objects_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
