/* White-box tests of set and frozenset: the C API, CPython 3.11's table
 * sizes and iteration orders, dummy reuse, pop's finger, frozenset hashes,
 * tp_traverse order, GC tracking and collection of cycles through a set,
 * and the Python-level API through small programs. Each test runs in a
 * fresh interpreter and must give back every block it took. Expected
 * values were printed by CPython 3.11.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gc/gc.h"
#include "kaa.h"
#include "testutil.h"

#define SET(o) ((KaaSetObject *)(o))

// --- Helpers ----------------------------------------------------------------------

static KaaObject *int_(int64_t v)
{
    KaaObject *o = KaaInt_FromInt64(v);
    ck_assert_ptr_nonnull(o);
    return o;
}

static KaaObject *list_of(int n, const int64_t *v)
{
    KaaObject *l = KaaList_New(0);
    ck_assert_ptr_nonnull(l);
    for (int i = 0; i < n; i++) {
        KaaObject *x = int_(v[i]);
        ck_assert_int_eq(KaaList_Append(l, x), 0);
        Kaa_DECREF(x);
    }
    return l;
}

// A set (or frozenset) of the given ints, added in order.
static KaaObject *set_of(int frozen, int n, const int64_t *v)
{
    KaaObject *l = list_of(n, v);
    KaaObject *s = frozen ? KaaFrozenSet_New(l) : KaaSet_New(l);
    Kaa_DECREF(l);
    ck_assert_ptr_nonnull(s);
    return s;
}

static void add_int(KaaObject *s, int64_t v)
{
    KaaObject *x = int_(v);
    ck_assert_int_eq(KaaSet_Add(s, x), 0);
    Kaa_DECREF(x);
}

static int discard_int(KaaObject *s, int64_t v)
{
    KaaObject *x = int_(v);
    int r = KaaSet_Discard(s, x);
    Kaa_DECREF(x);
    return r;
}

static int64_t pop_int(KaaObject *s)
{
    KaaObject *x = KaaSet_Pop(s);
    ck_assert_ptr_nonnull(x);
    int64_t v = KaaInt_AsSsize_t(x);
    Kaa_DECREF(x);
    return v;
}

// Check repr(o); o is borrowed.
static void assert_repr(KaaObject *o, const char *expected)
{
    KaaObject *r = KaaObject_Repr(o);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(KaaStr_DATA(r), expected);
    Kaa_DECREF(r);
}

static void assert_run(const char *src, const char *expected)
{
    int status;
    char *out = kaa_test_run(src, &status);
    ck_assert_int_eq(status, 0);
    ck_assert_str_eq(out, expected);
    free(out);
}

typedef struct Visited {
    KaaObject *items[16];
    int n;
} Visited;

static int record_visit(KaaObject *o, void *arg)
{
    Visited *v = arg;
    if (v->n < 16) {
        v->items[v->n++] = o;
    }
    return 0;
}

static void assert_raised(KaaObject *type)
{
    ck_assert(KaaErr_ExceptionMatches(type));
    KaaErr_Clear();
}

// --- C API --------------------------------------------------------------------------

START_TEST(api_basics)
{
    KaaObject *s = KaaSet_New(NULL);
    ck_assert(KaaSet_Check(s) && KaaSet_CheckExact(s) && KaaAnySet_Check(s));
    ck_assert(!KaaFrozenSet_Check(s));
    ck_assert_int_eq(KaaSet_GET_SIZE(s), 0);
    assert_repr(s, "set()");
    add_int(s, 5);
    add_int(s, 3);
    add_int(s, 5);
    ck_assert_int_eq(KaaSet_GET_SIZE(s), 2);
    ck_assert_int_eq(KaaSet_Size(s), 2);
    KaaObject *five = int_(5), *seven = int_(7);
    ck_assert_int_eq(KaaSet_Contains(s, five), 1);
    ck_assert_int_eq(KaaSet_Contains(s, seven), 0);
    ck_assert_int_eq(KaaSet_Discard(s, five), 1);
    ck_assert_int_eq(KaaSet_Discard(s, five), 0);
    assert_repr(s, "{3}");

    int64_t v[] = {20, 17, 14, 11, 8, 5, 2};
    KaaObject *l = list_of(7, v);
    ck_assert_int_eq(KaaSet_Update(s, l), 0);
    assert_repr(s, "{2, 3, 5, 8, 11, 14, 17, 20}");
    ck_assert_int_eq(pop_int(s), 2);
    ck_assert_int_eq(KaaSet_Clear(s), 0);
    ck_assert_int_eq(KaaSet_GET_SIZE(s), 0);
    ck_assert_ptr_eq(SET(s)->table, SET(s)->smalltable);
    ck_assert_ptr_null(KaaSet_Pop(s));
    assert_raised(KaaExc(KeyError));

    KaaObject *f = KaaFrozenSet_New(l);
    ck_assert(KaaFrozenSet_CheckExact(f) && KaaAnySet_Check(f) && !KaaSet_Check(f));
    assert_repr(f, "frozenset({2, 5, 8, 11, 14, 17, 20})");
    // A frozenset still private to its maker can be filled (compiler constants).
    ck_assert_int_eq(KaaSet_Add(f, seven), 0);
    ck_assert_int_eq(KaaSet_GET_SIZE(f), 8);
    Kaa_INCREF(f);
    ck_assert_int_eq(KaaSet_Add(f, five), -1);
    assert_raised(KaaExc(SystemError));
    Kaa_DECREF(f);
    ck_assert_int_eq(KaaSet_Update(f, l), -1);
    assert_raised(KaaExc(SystemError));
    KaaObject *empty = KaaFrozenSet_New(NULL);
    assert_repr(empty, "frozenset()");

    // Unhashable elements, non-iterables, non-sets.
    KaaObject *inner = KaaList_New(0);
    ck_assert_int_eq(KaaSet_Add(s, inner), -1);
    assert_raised(KaaExc(TypeError));
    ck_assert_int_eq(KaaSet_Update(s, five), -1);
    assert_raised(KaaExc(TypeError));
    ck_assert_int_eq(KaaSet_Add(l, five), -1);
    assert_raised(KaaExc(SystemError));
    ck_assert_int_eq(KaaSet_Contains(l, five), -1);
    assert_raised(KaaExc(SystemError));

    Kaa_DECREF(inner);
    Kaa_DECREF(empty);
    Kaa_DECREF(f);
    Kaa_DECREF(l);
    Kaa_DECREF(five);
    Kaa_DECREF(seven);
    Kaa_DECREF(s);
}
END_TEST

START_TEST(next_entry_walks_the_table)
{
    int64_t v[] = {5, 3, 17, 9, 100, -1};
    KaaObject *s = set_of(0, 6, v);
    static const int64_t order[] = {3, 100, 5, 9, 17, -1};
    Kaa_ssize_t pos = 0;
    KaaObject *key;
    Kaa_hash_t hash;
    int n = 0;
    while (KaaSet_NextEntry(s, &pos, &key, &hash)) {
        ck_assert_int_lt(n, 6);
        ck_assert_int_eq(KaaInt_AsSsize_t(key), order[n]);
        ck_assert_int_eq(hash, order[n] == -1 ? -2 : order[n]);
        n++;
    }
    ck_assert_int_eq(n, 6);
    Kaa_DECREF(s);
}
END_TEST

// --- Table layout -------------------------------------------------------------------

START_TEST(growth_sizes)
{
    // Table size after each add of 0, 1, 2, ... (from set.__sizeof__).
    KaaObject *s = KaaSet_New(NULL);
    for (int i = 0; i < 60; i++) {
        add_int(s, i);
        Kaa_ssize_t size = SET(s)->mask + 1;
        ck_assert_int_eq(size, i < 4 ? 8 : i < 18 ? 32 : 128);
        ck_assert_int_eq(SET(s)->table == SET(s)->smalltable, size == 8);
    }
    ck_assert_int_eq(SET(s)->fill, 60);
    // Deleting leaves dummies: fill stays, used drops.
    for (int i = 0; i < 60; i += 2) {
        ck_assert_int_eq(discard_int(s, i), 1);
    }
    ck_assert_int_eq(SET(s)->fill, 60);
    ck_assert_int_eq(SET(s)->used, 30);
    // difference_update rebuilds the table once over a quarter are dummies.
    KaaObject *meth = KaaObject_GetAttrString(s, "difference_update");
    ck_assert_ptr_nonnull(meth);
    int64_t drop[] = {1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25};
    KaaObject *l = list_of(13, drop);
    KaaObject *r = KaaObject_CallOneArg(meth, l);
    ck_assert_ptr_eq(r, Kaa_None);
    Kaa_DECREF(r);
    ck_assert_int_eq(SET(s)->used, 17);
    ck_assert_int_eq(SET(s)->fill, 17);
    ck_assert_int_eq(SET(s)->mask + 1, 128);
    Kaa_DECREF(l);
    Kaa_DECREF(meth);
    Kaa_DECREF(s);
}
END_TEST

START_TEST(dummy_reuse_and_pop_finger)
{
    // {1, 9}: 9 collides with 1 and probes to the next entry.
    int64_t v[] = {1, 9};
    KaaObject *s = set_of(0, 2, v);
    ck_assert_int_eq(discard_int(s, 1), 1);
    ck_assert(SET(s)->table[1].key != NULL && SET(s)->table[1].hash == -1);
    add_int(s, 17); // takes the dummy
    assert_repr(s, "{17, 9}");
    ck_assert_int_eq(SET(s)->fill, 2);

    // The last dummy on the probe path is the one reused.
    int64_t w[] = {0, 1, 2, 3, 4, 5, 6, 100};
    KaaObject *t = set_of(0, 8, w);
    ck_assert_int_eq(SET(t)->mask, 31);
    for (int i = 0; i < 3; i++) {
        ck_assert_int_eq(pop_int(t), i);
    }
    ck_assert_int_eq(SET(t)->finger, 3);
    add_int(t, 32); // home slot 0; dummies at 0, 1, 2
    ck_assert_int_eq(KaaInt_AsSsize_t(SET(t)->table[2].key), 32);
    ck_assert_int_eq(SET(t)->table[2].hash, 32);
    ck_assert_int_eq(SET(t)->fill, 8);
    assert_repr(t, "{32, 3, 4, 5, 6, 100}");
    ck_assert_int_eq(pop_int(t), 3); // from the finger on
    Kaa_DECREF(t);
    Kaa_DECREF(s);
}
END_TEST

START_TEST(frozenset_hashes)
{
    int64_t one_two[] = {1, 2};
    KaaObject *f = set_of(1, 2, one_two);
    ck_assert_int_eq(KaaObject_Hash(f), -1826646154956904602);
    ck_assert_int_eq(SET(f)->hash, -1826646154956904602); // cached
    KaaObject *e = KaaFrozenSet_New(NULL);
    ck_assert_int_eq(KaaObject_Hash(e), 133146708735736);
    int64_t ten[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    KaaObject *g = set_of(1, 10, ten);
    ck_assert_int_eq(KaaObject_Hash(g), 3895031357313128696);
    // Dummies and empty entries do not change the hash.
    KaaObject *s = set_of(0, 10, ten);
    ck_assert_int_eq(discard_int(s, 3), 1);
    add_int(s, 3);
    KaaObject *h = KaaFrozenSet_New(s);
    ck_assert_int_eq(KaaObject_Hash(h), 3895031357313128696);
    ck_assert_int_eq(KaaObject_Hash(s), -1);
    assert_raised(KaaExc(TypeError));
    Kaa_DECREF(h);
    Kaa_DECREF(s);
    Kaa_DECREF(g);
    Kaa_DECREF(e);
    Kaa_DECREF(f);
}
END_TEST

// --- GC -----------------------------------------------------------------------------

START_TEST(gc_traverse_and_cycles)
{
    KaaObject *s = KaaSet_New(NULL), *f = KaaFrozenSet_New(NULL);
    ck_assert(kaa_gc_is_tracked(s));
    ck_assert(kaa_gc_is_tracked(f));
    Kaa_DECREF(f);
    int64_t v[] = {5, 1, 3};
    KaaObject *t = set_of(0, 3, v);
    Visited seen = {.n = 0};
    Kaa_TYPE(t)->tp_traverse(t, record_visit, &seen);
    ck_assert_int_eq(seen.n, 3);
    for (int i = 0; i < 3; i++) {
        ck_assert_int_eq(KaaInt_AsSsize_t(seen.items[i]), 2 * i + 1); // table order
    }
    Kaa_DECREF(t);

    // A cycle set -> tuple -> set: the tuple is hashed while it holds None,
    // then patched to point back at the set.
    kaa_gc_collect(2);
    KaaObject *tup = KaaTuple_Pack(1, Kaa_None);
    ck_assert_int_eq(KaaSet_Add(s, tup), 0);
    Kaa_DECREF(KaaTuple_GET_ITEM(tup, 0));
    KaaTuple_SET_ITEM(tup, 0, Kaa_NewRef(s));
    Kaa_DECREF(tup);
    Kaa_DECREF(s);
    ck_assert_int_eq(kaa_gc_collect(2), 2);
}
END_TEST

// --- Python level -------------------------------------------------------------------

START_TEST(python_orders)
{
    assert_run("print(set([5, 3, 17, 9, 100, -1]), set(range(20, 0, -3)))\n"
               "s = set(range(10))\ns.update({5: 1, 50: 2, 13: 3})\nprint(s, s.__sizeof__())\n"
               "a = set(range(0, 200, 2))\nb = set([4, 5, 6, 198, 199])\n"
               "print(a & b, b & a, b - a, b ^ set([5, 1000]))\n"
               "s = set(range(100, 0, -7))\nprint(s.pop(), s.pop(), s.pop())\n",
               "{3, 100, 5, 9, 17, -1} {2, 5, 8, 11, 14, 17, 20}\n"
               "{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 50} 712\n"
               "{4, 198, 6} {4, 198, 6} {5, 199} {4, 198, 6, 1000, 199}\n"
               "65 2 100\n");
}
END_TEST

START_TEST(python_api)
{
    assert_run(
        "f = frozenset([1, 2])\n"
        "print(frozenset(f) is f, f.copy() is f, f.union() is f, frozenset() is frozenset())\n"
        "print(type(f | set([3])).__name__, type(set([3]) | f).__name__, f | set([3]))\n"
        "s = set([frozenset([1])])\nprint(set([1]) in s, s.__contains__(set([1])))\n"
        "s.remove(set([1]))\nprint(s, len(s), bool(s))\n"
        "print(set([1, 2]) < set([1, 2, 3]), set([1]) == frozenset([1]), set([1]) == [1])\n",
        "True True False False\n"
        "frozenset set frozenset({1, 2, 3})\n"
        "True True\n"
        "set() 0 False\n"
        "True True False\n");
}
END_TEST

START_TEST(python_errors)
{
    static const struct {
        const char *expr;
        const char *message;
    } cases[] = {
        {"set().pop()", "KeyError 'pop from an empty set'\n"},
        {"set([1]).remove(2)", "KeyError 2\n"},
        {"set([1]).remove((2,))", "KeyError (2,)\n"},
        {"set([1]).remove(set([2]))", "KeyError {2}\n"},
        {"set([[]])", "TypeError unhashable type: 'list'\n"},
        {"set([1]).add(set())", "TypeError unhashable type: 'set'\n"},
        {"set(a=1)", "TypeError set() takes no keyword arguments\n"},
        {"set(1, 2)", "TypeError set expected at most 1 argument, got 2\n"},
        {"frozenset(a=1)", "TypeError frozenset() takes no keyword arguments\n"},
        {"frozenset(1, 2)", "TypeError frozenset expected at most 1 argument, got 2\n"},
        {"set(5)", "TypeError 'int' object is not iterable\n"},
        {"set([1]).union(x=1)", "TypeError set.union() takes no keyword arguments\n"},
        {"frozenset([1]).union(x=1)", "TypeError frozenset.union() takes no keyword arguments\n"},
        {"set([1]) | [1]", "TypeError unsupported operand type(s) for |: 'set' and 'list'\n"},
        {"set([1]) < [1]", "TypeError '<' not supported between instances of 'set' and 'list'\n"},
        {"frozenset([1]) - 2",
         "TypeError unsupported operand type(s) for -: 'frozenset' and 'int'\n"},
        {"hash(set())", "TypeError unhashable type: 'set'\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char src[512];
        snprintf(src, sizeof src,
                 "try:\n    %s\nexcept Exception as e:\n    print(type(e).__name__, e)\n",
                 cases[i].expr);
        assert_run(src, cases[i].message);
    }
    int status;
    char *out = kaa_test_run("s = set([1, 2, 3])\nfor x in s:\n    s.add(x + 10)\n", &status);
    ck_assert_int_eq(status, 1);
    ck_assert_ptr_null(KaaErr_Occurred());
    free(out);
}
END_TEST

static Suite *sets_suite(void)
{
    Suite *s = suite_create("sets");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, kaa_test_setup, kaa_test_teardown);
    tcase_add_test(tc, api_basics);
    tcase_add_test(tc, next_entry_walks_the_table);
    tcase_add_test(tc, growth_sizes);
    tcase_add_test(tc, dummy_reuse_and_pop_finger);
    tcase_add_test(tc, frozenset_hashes);
    tcase_add_test(tc, gc_traverse_and_cycles);
    tcase_add_test(tc, python_orders);
    tcase_add_test(tc, python_api);
    tcase_add_test(tc, python_errors);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(sets_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
