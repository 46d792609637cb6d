/* White-box tests of the container types: list growth (CPython 3.11's sizes),
 * sort stability, dict order through deletions and resizes, tuple hashes,
 * slice arithmetic, reprs, tp_traverse order and GC tracking rules. Each test
 * runs in a fresh interpreter and must give back every block it took.
 * Expected values were printed by CPython 3.11.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "gc/gc.h"
#include "kaa.h"
#include "mem/mem.h"

static size_t live_at_start;

static void setup(void)
{
    live_at_start = kaa_mem_live_blocks();
    ck_assert_int_eq(Kaa_Initialize(0, NULL), 0);
}

static void teardown(void)
{
    Kaa_Finalize();
    ck_assert_uint_eq(kaa_mem_live_blocks(), live_at_start);
}

// --- Helpers ----------------------------------------------------------------------

static KaaObject *int_(int64_t v)
{
    KaaObject *o = KaaInt_FromInt64(v);
    ck_assert_ptr_nonnull(o);
    return o;
}

static KaaObject *str_(const char *s)
{
    KaaObject *o = KaaStr_FromString(s);
    ck_assert_ptr_nonnull(o);
    return o;
}

// A list of ints.
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

static KaaObject *range_(int64_t start, int64_t stop, int64_t step)
{
    KaaObject *a = int_(start), *b = int_(stop), *c = int_(step);
    KaaObject *r = KaaRange_New(a, b, c);
    Kaa_DECREF(a);
    Kaa_DECREF(b);
    Kaa_DECREF(c);
    ck_assert_ptr_nonnull(r);
    return r;
}

// Check repr(o) and drop the reference to o.
static void assert_repr(KaaObject *o, const char *expected)
{
    ck_assert_ptr_nonnull(o);
    KaaObject *r = KaaObject_Repr(o);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(KaaStr_DATA(r), expected);
    Kaa_DECREF(r);
    Kaa_DECREF(o);
}

static int64_t as_int(KaaObject *o)
{
    ck_assert_ptr_nonnull(o);
    return KaaInt_AsInt64(o);
}

// Call o.name(*args, **kw) where kw names come from a NULL-terminated list.
static KaaObject *call_method(KaaObject *o, const char *name, KaaObject *const *args, size_t nargs,
                              const char *const *kwnames)
{
    KaaObject *meth = KaaObject_GetAttrString(o, name);
    ck_assert_ptr_nonnull(meth);
    KaaObject *kw = NULL;
    size_t nkw = 0;
    while (kwnames && kwnames[nkw]) {
        nkw++;
    }
    if (nkw) {
        kw = KaaTuple_New((Kaa_ssize_t)nkw);
        for (size_t i = 0; i < nkw; i++) {
            KaaTuple_SET_ITEM(kw, i, str_(kwnames[i]));
        }
    }
    KaaObject *res = KaaObject_Vectorcall(meth, args, nargs, kw);
    Kaa_XDECREF(kw);
    Kaa_DECREF(meth);
    return res;
}

// The exception raised: type name and str(exc), then cleared.
static void assert_raised(const char *type, const char *msg)
{
    KaaObject *exc = KaaErr_GetRaisedException();
    ck_assert_ptr_nonnull(exc);
    ck_assert_str_eq(Kaa_TYPE(exc)->tp_name, type);
    KaaObject *s = KaaObject_Str(exc);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(KaaStr_DATA(s), msg);
    Kaa_DECREF(s);
    Kaa_DECREF(exc);
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

static Visited traverse(KaaObject *o)
{
    Visited v = {.n = 0};
    ck_assert_ptr_nonnull(Kaa_TYPE(o)->tp_traverse);
    Kaa_TYPE(o)->tp_traverse(o, record_visit, &v);
    return v;
}

// --- list ---------------------------------------------------------------------------

#define ALLOCATED(l) (((KaaListObject *)(l))->allocated)

START_TEST(list_growth)
{
    // sys.getsizeof of a list grown by appends, as allocated slots.
    static const Kaa_ssize_t expect[20] = {4,  4,  4,  4,  8,  8,  8,  8,  16, 16,
                                           16, 16, 16, 16, 16, 16, 24, 24, 24, 24};
    KaaObject *l = KaaList_New(0);
    ck_assert_int_eq(ALLOCATED(l), 0);
    for (int i = 0; i < 20; i++) {
        KaaObject *x = int_(i);
        ck_assert_int_eq(KaaList_Append(l, x), 0);
        Kaa_DECREF(x);
        ck_assert_int_eq(ALLOCATED(l), expect[i]);
    }
    KaaObject *size = call_method(l, "__sizeof__", NULL, 0, NULL);
    ck_assert_int_eq(as_int(size), 40 + 24 * 8);
    Kaa_DECREF(size);
    Kaa_DECREF(l);
}
END_TEST

START_TEST(list_presize)
{
    // list(range(3)): exact room rounded up to even (sys.getsizeof 88).
    KaaObject *r3 = range_(0, 3, 1), *r100 = range_(0, 100, 1);
    KaaObject *l = KaaObject_CallOneArg((KaaObject *)&KaaList_Type, r3);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(ALLOCATED(l), 4);
    ck_assert_int_eq(Kaa_SIZE(l), 3);
    // l *= 3 on 3 items: 16 (184).
    KaaObject *three = int_(3), *ten = int_(10);
    KaaObject *same = KaaNumber_BinaryOp(l, three, 2 | KAA_NB_INPLACE);
    ck_assert_ptr_eq(same, l);
    ck_assert_int_eq(ALLOCATED(l), 16);
    ck_assert_int_eq(Kaa_SIZE(l), 9);
    Kaa_DECREF(same);
    // [1].pop() leaves an array, so extend(range(3)) goes through list_resize: 8 (120).
    KaaObject *l2 = KaaList_New(0);
    KaaList_Append(l2, three);
    Kaa_DECREF(call_method(l2, "pop", NULL, 0, NULL));
    ck_assert_int_eq(ALLOCATED(l2), 0);
    ck_assert_int_eq(KaaList_Extend(l2, r3), 0);
    ck_assert_int_eq(ALLOCATED(l2), 8);
    // [3] * 10: exactly 10 (136).
    KaaObject *l4 = KaaList_New(1);
    KaaList_SET_ITEM(l4, 0, Kaa_NewRef(three));
    KaaObject *l5 = KaaNumber_Multiply(l4, ten);
    ck_assert_int_eq(ALLOCATED(l5), 10);
    // del big[10:] from 100 items: 16 (184).
    KaaObject *big = KaaSequence_List(r100);
    ck_assert_int_eq(ALLOCATED(big), 100);
    KaaObject *sl = KaaSlice_New(ten, NULL, NULL);
    ck_assert_int_eq(KaaObject_DelItem(big, sl), 0);
    ck_assert_int_eq(ALLOCATED(big), 16);
    ck_assert_int_eq(Kaa_SIZE(big), 10);
    Kaa_DECREF(sl);
    Kaa_DECREF(big);
    Kaa_DECREF(l5);
    Kaa_DECREF(l4);
    Kaa_DECREF(l2);
    Kaa_DECREF(l);
    Kaa_DECREF(three);
    Kaa_DECREF(ten);
    Kaa_DECREF(r3);
    Kaa_DECREF(r100);
}
END_TEST

// Equal keys are distinct int objects (> 256, so not cached): their
// identities show whether the sort kept them in order.
static void check_sorted_stable(KaaObject *l, KaaObject **orig, int n, int reverse)
{
    for (int i = 1; i < n; i++) {
        KaaObject *a = KaaList_GET_ITEM(l, i - 1), *b = KaaList_GET_ITEM(l, i);
        int64_t va = KaaInt_AsInt64(a), vb = KaaInt_AsInt64(b);
        ck_assert(reverse ? va >= vb : va <= vb);
        if (va == vb) {
            int ia = -1, ib = -1;
            for (int k = 0; k < n; k++) {
                if (orig[k] == a) {
                    ia = k;
                }
                if (orig[k] == b) {
                    ib = k;
                }
            }
            ck_assert_int_lt(ia, ib);
        }
    }
}

START_TEST(sort_stable)
{
    enum { N = 600 };
    KaaObject *orig[N];
    KaaObject *l = KaaList_New(0);
    uint32_t x = 12345;
    for (int i = 0; i < N; i++) {
        x = x * 1103515245u + 12345u;
        orig[i] = int_(1000 + (x >> 16) % 7);
        KaaList_Append(l, orig[i]);
    }
    KaaObject *l2 = KaaList_GetSlice(l, 0, N);
    ck_assert_int_eq(KaaList_Sort(l), 0);
    check_sorted_stable(l, orig, N, 0);
    static const char *const reverse_kw[] = {"reverse", NULL};
    KaaObject *t = Kaa_True;
    KaaObject *res = call_method(l2, "sort", &t, 0, reverse_kw);
    ck_assert_ptr_eq(res, Kaa_None);
    Kaa_DECREF(res);
    check_sorted_stable(l2, orig, N, 1);
    for (int i = 0; i < N; i++) {
        Kaa_DECREF(orig[i]);
    }
    Kaa_DECREF(l);
    Kaa_DECREF(l2);
}
END_TEST

START_TEST(sort_errors)
{
    // [3, 'a', 1, 2].sort(): TypeError, and no item lost.
    KaaObject *l = KaaList_New(4);
    KaaList_SET_ITEM(l, 0, int_(3));
    KaaList_SET_ITEM(l, 1, str_("a"));
    KaaList_SET_ITEM(l, 2, int_(1));
    KaaList_SET_ITEM(l, 3, int_(2));
    ck_assert_int_eq(KaaList_Sort(l), -1);
    assert_raised("TypeError", "'<' not supported between instances of 'str' and 'int'");
    ck_assert_int_eq(Kaa_SIZE(l), 4);
    int strs = 0, sum = 0;
    for (int i = 0; i < 4; i++) {
        KaaObject *o = KaaList_GET_ITEM(l, i);
        if (KaaStr_Check(o)) {
            strs++;
        } else {
            sum += (int)KaaInt_AsInt64(o);
        }
    }
    ck_assert_int_eq(strs, 1);
    ck_assert_int_eq(sum, 6);
    Kaa_DECREF(l);
}
END_TEST

START_TEST(list_errors)
{
    int64_t v[] = {1, 2, 3};
    KaaObject *l = list_of(3, v);
    KaaObject *five = int_(5), *s = str_("a");
    ck_assert_ptr_null(KaaObject_GetItem(l, five));
    assert_raised("IndexError", "list index out of range");
    ck_assert_ptr_null(KaaObject_GetItem(l, s));
    assert_raised("TypeError", "list indices must be integers or slices, not str");
    ck_assert_ptr_null(KaaNumber_Add(l, five));
    assert_raised("TypeError", "can only concatenate list (not \"int\") to list");
    ck_assert_ptr_null(call_method(l, "index", &five, 1, NULL));
    assert_raised("ValueError", "5 is not in list");
    ck_assert_ptr_null(call_method(l, "remove", &five, 1, NULL));
    assert_raised("ValueError", "list.remove(x): x not in list");
    ck_assert_ptr_null(call_method(l, "pop", &five, 1, NULL));
    assert_raised("IndexError", "pop index out of range");
    // l[::2] = [1]
    KaaObject *two = int_(2);
    KaaObject *sl = KaaSlice_New(NULL, NULL, two);
    KaaObject *one_list = list_of(1, v);
    ck_assert_int_eq(KaaObject_SetItem(l, sl, one_list), -1);
    assert_raised("ValueError", "attempt to assign sequence of size 1 to extended slice of size 2");
    // l[::2] = [7, 8]; del l[::-2]
    int64_t w[] = {7, 8};
    KaaObject *two_list = list_of(2, w);
    ck_assert_int_eq(KaaObject_SetItem(l, sl, two_list), 0);
    assert_repr(Kaa_NewRef(l), "[7, 2, 8]");
    KaaObject *m2 = int_(-2);
    KaaObject *sl2 = KaaSlice_New(NULL, NULL, m2);
    ck_assert_int_eq(KaaObject_DelItem(l, sl2), 0);
    assert_repr(Kaa_NewRef(l), "[2]");
    // l[0:0] = l (self-insertion), then l[1:] = 'ab'
    KaaObject *zero = int_(0);
    KaaObject *sl3 = KaaSlice_New(zero, zero, NULL);
    ck_assert_int_eq(KaaObject_SetItem(l, sl3, l), 0);
    KaaObject *one = int_(1), *ab = str_("ab");
    KaaObject *sl4 = KaaSlice_New(one, NULL, NULL);
    ck_assert_int_eq(KaaObject_SetItem(l, sl4, ab), 0);
    assert_repr(Kaa_NewRef(l), "[2, 'a', 'b']");
    ck_assert_int_eq(KaaObject_SetItem(l, sl4, five), -1);
    assert_raised("TypeError", "can only assign an iterable");
    Kaa_DECREF(sl4);
    Kaa_DECREF(sl3);
    Kaa_DECREF(sl2);
    Kaa_DECREF(sl);
    Kaa_DECREF(m2);
    Kaa_DECREF(zero);
    Kaa_DECREF(one);
    Kaa_DECREF(ab);
    Kaa_DECREF(two);
    Kaa_DECREF(two_list);
    Kaa_DECREF(one_list);
    Kaa_DECREF(five);
    Kaa_DECREF(s);
    Kaa_DECREF(l);
}
END_TEST

// --- dict ---------------------------------------------------------------------------

static int64_t dict_sizeof(KaaObject *d)
{
    KaaObject *r = call_method(d, "__sizeof__", NULL, 0, NULL);
    int64_t v = as_int(r);
    Kaa_DECREF(r);
    return v;
}

START_TEST(dict_thousand_keys)
{
    KaaObject *d = KaaDict_New();
    for (int i = 0; i < 1000; i++) {
        KaaObject *k = int_(i), *v = int_(i * 2);
        ck_assert_int_eq(KaaDict_SetItem(d, k, v), 0);
        Kaa_DECREF(k);
        Kaa_DECREF(v);
    }
    ck_assert_int_eq(KaaDict_GET_SIZE(d), 1000);
    ck_assert_int_eq(dict_sizeof(d), 36936);
    for (int i = 0; i < 1000; i++) {
        KaaObject *k = int_(i);
        KaaObject *v = KaaDict_GetItemWithError(d, k);
        ck_assert_int_eq(as_int(v), i * 2);
        Kaa_DECREF(k);
    }
    for (int i = 0; i < 1000; i += 2) {
        KaaObject *k = int_(i);
        ck_assert_int_eq(KaaDict_DelItem(d, k), 0);
        Kaa_DECREF(k);
    }
    ck_assert_int_eq(dict_sizeof(d), 36936);
    for (int i = 1000; i < 1500; i++) {
        KaaObject *k = int_(i);
        ck_assert_int_eq(KaaDict_SetItem(d, k, k), 0);
        Kaa_DECREF(k);
    }
    ck_assert_int_eq(KaaDict_GET_SIZE(d), 1000);
    ck_assert_int_eq(dict_sizeof(d), 73792);
    // Insertion order survived deletions and resizes: odd keys, then 1000..1499.
    Kaa_ssize_t pos = 0;
    KaaObject *k, *v;
    int64_t expect = 1;
    while (KaaDict_Next(d, &pos, &k, &v)) {
        ck_assert_int_eq(KaaInt_AsInt64(k), expect);
        expect = expect < 999 ? expect + 2 : expect == 999 ? 1000 : expect + 1;
    }
    ck_assert_int_eq(expect, 1500);
    KaaObject *zero = int_(0);
    ck_assert_ptr_null(KaaDict_GetItemWithError(d, zero));
    ck_assert_ptr_null(KaaErr_Occurred());
    ck_assert_int_eq(KaaDict_DelItem(d, zero), -1);
    assert_raised("KeyError", "0");
    Kaa_DECREF(zero);
    Kaa_DECREF(d);
}
END_TEST

START_TEST(dict_sizes_and_kinds)
{
    // 11 str keys (size 32, 16-byte entries), then an int key converts the
    // table through a resize to 64 slots of 24-byte entries.
    KaaObject *d = KaaDict_New();
    ck_assert_int_eq(dict_sizeof(d), 48);
    char name[8];
    for (int i = 0; i < 11; i++) {
        snprintf(name, sizeof name, "%d", i);
        KaaObject *v = int_(i);
        ck_assert_int_eq(KaaDict_SetItemString(d, name, v), 0);
        Kaa_DECREF(v);
    }
    ck_assert_int_eq(dict_sizeof(d), 448);
    KaaObject *zero = int_(0);
    KaaDict_SetItem(d, zero, zero);
    ck_assert_int_eq(dict_sizeof(d), 1152);
    // popitem does not give back room: {1:1,2:2,3:3}, two popitems, 4 inserts.
    KaaObject *p = KaaDict_New();
    for (int i = 1; i <= 3; i++) {
        KaaObject *k = int_(i);
        KaaDict_SetItem(p, k, k);
        Kaa_DECREF(k);
    }
    Kaa_DECREF(call_method(p, "popitem", NULL, 0, NULL));
    KaaObject *item = call_method(p, "popitem", NULL, 0, NULL);
    assert_repr(item, "(2, 2)");
    ck_assert_int_eq(dict_sizeof(p), 208);
    for (int i = 10; i < 14; i++) {
        KaaObject *k = int_(i);
        KaaDict_SetItem(p, k, k);
        Kaa_DECREF(k);
    }
    ck_assert_int_eq(dict_sizeof(p), 336);
    assert_repr(Kaa_NewRef(p), "{1: 1, 10: 10, 11: 11, 12: 12, 13: 13}");
    Kaa_DECREF(p);
    Kaa_DECREF(zero);
    Kaa_DECREF(d);
}
END_TEST

START_TEST(dict_changed_during_iteration)
{
    KaaObject *d = KaaDict_New();
    KaaObject *one = int_(1), *two = int_(2);
    KaaDict_SetItem(d, one, one);
    KaaObject *it = KaaObject_GetIter(d);
    KaaObject *k = KaaIter_Next(it);
    ck_assert_ptr_eq(k, one);
    Kaa_DECREF(k);
    KaaDict_SetItem(d, two, two);
    ck_assert_ptr_null(KaaIter_Next(it));
    assert_raised("RuntimeError", "dictionary changed size during iteration");
    Kaa_DECREF(it);
    // Same size, other keys.
    it = KaaObject_GetIter(d);
    Kaa_DECREF(KaaIter_Next(it));
    KaaDict_DelItem(d, one);
    KaaDict_SetItem(d, one, one);
    Kaa_DECREF(KaaIter_Next(it));
    ck_assert_ptr_null(KaaIter_Next(it));
    assert_raised("RuntimeError", "dictionary keys changed during iteration");
    Kaa_DECREF(it);
    Kaa_DECREF(one);
    Kaa_DECREF(two);
    Kaa_DECREF(d);
}
END_TEST

// --- tuple, slice, range --------------------------------------------------------------

START_TEST(tuple_hash)
{
    KaaObject *one = int_(1), *two = int_(2), *m1 = int_(-1), *m5 = int_(-5);
    KaaObject *big = int_((int64_t)1 << 62), *empty = KaaTuple_New(0);
    KaaObject *t;
    t = KaaTuple_Pack(2, one, two);
    ck_assert_int_eq(KaaObject_Hash(t), -3550055125485641917LL);
    Kaa_DECREF(t);
    ck_assert_int_eq(KaaObject_Hash(empty), 5740354900026072187LL);
    t = KaaTuple_Pack(1, one);
    ck_assert_int_eq(KaaObject_Hash(t), -6644214454873602895LL);
    Kaa_DECREF(t);
    t = KaaTuple_Pack(1, empty);
    ck_assert_int_eq(KaaObject_Hash(t), -5486347211504344842LL);
    Kaa_DECREF(t);
    t = KaaTuple_Pack(1, m1);
    ck_assert_int_eq(KaaObject_Hash(t), 8078679518589016365LL);
    Kaa_DECREF(t);
    t = KaaTuple_Pack(2, big, m5);
    ck_assert_int_eq(KaaObject_Hash(t), -652890028026790339LL);
    Kaa_DECREF(t);
    KaaObject *r = range_(0, 3, 1);
    ck_assert_int_eq(KaaObject_Hash(r), -8338477496398685190LL);
    Kaa_DECREF(r);
    r = range_(0, 10, 3);
    ck_assert_int_eq(KaaObject_Hash(r), -1816567394155750349LL);
    Kaa_DECREF(r);
    KaaObject *l = KaaList_New(0);
    t = KaaTuple_Pack(1, l);
    ck_assert_int_eq(KaaObject_Hash(t), -1);
    assert_raised("TypeError", "unhashable type: 'list'");
    Kaa_DECREF(t);
    Kaa_DECREF(l);
    Kaa_DECREF(one);
    Kaa_DECREF(two);
    Kaa_DECREF(m1);
    Kaa_DECREF(m5);
    Kaa_DECREF(big);
    Kaa_DECREF(empty);
}
END_TEST

#define N KAA_SSIZE_MIN // stands for None in the table
static const struct {
    Kaa_ssize_t length, start, stop, step;  // slice(start, stop, step) on length items
    Kaa_ssize_t rstart, rstop, slicelength; // from python3: slice.indices() and len(range())
} slice_table[] = {
    {0, -1, -7, 3, 0, 0, 0},     {0, 5, N, -3, -1, -1, 0},   {0, 2, -12, 2, 0, 0, 0},
    {0, 3, N, -1, -1, -1, 0},    {0, N, -12, 3, 0, 0, 0},    {0, 0, -12, -1, -1, -1, 0},
    {0, -12, 2, 3, 0, 0, 0},     {0, N, 3, -3, -1, -1, 0},   {0, -5, 5, N, 0, 0, 0},
    {0, 3, 3, 3, 0, 0, 0},       {0, N, -5, N, 0, 0, 0},     {0, 2, -7, 1, 0, 0, 0},
    {0, 0, -7, -3, -1, -1, 0},   {0, 3, -3, -2, -1, -1, 0},  {0, -12, 3, -1, -1, -1, 0},
    {0, -1, -12, -3, -1, -1, 0}, {1, 3, N, -1, 0, -1, 1},    {1, 1, 5, 3, 1, 1, 0},
    {1, 12, -1, 5, 1, 0, 0},     {1, 3, 1, 2, 1, 1, 0},      {1, -3, -5, -2, -1, -1, 0},
    {1, 7, 12, -1, 0, 0, 0},     {1, -12, 3, 1, 0, 1, 1},    {1, 2, 1, 2, 1, 1, 0},
    {1, 7, 1, 1, 1, 1, 0},       {1, 3, -12, -3, 0, -1, 1},  {1, 2, 0, -2, 0, 0, 0},
    {1, 12, -1, -2, 0, 0, 0},    {1, 1, 0, N, 1, 0, 0},      {1, 5, -12, 2, 1, 0, 0},
    {1, -1, 7, 2, 0, 1, 1},      {1, 3, 1, 5, 1, 1, 0},      {2, -12, -12, 1, 0, 0, 0},
    {2, 1, 7, -3, 1, 1, 0},      {2, N, 7, 1, 0, 2, 2},      {2, 5, 3, 5, 2, 2, 0},
    {2, -3, 7, 3, 0, 2, 1},      {2, 5, -1, N, 2, 1, 0},     {2, 1, -1, -2, 1, 1, 0},
    {2, 3, -12, 5, 2, 0, 0},     {2, N, -5, 1, 0, 0, 0},     {2, -7, 7, -1, -1, 1, 0},
    {2, 0, 0, 5, 0, 0, 0},       {2, -12, -7, 5, 0, 0, 0},   {2, 0, 2, 1, 0, 2, 2},
    {2, -7, 0, 1, 0, 0, 0},      {2, 7, 0, 2, 2, 0, 0},      {2, 5, 0, -1, 1, 0, 1},
    {5, -7, -12, -2, -1, -1, 0}, {5, -7, -5, -1, -1, 0, 0},  {5, N, 1, -2, 4, 1, 2},
    {5, -3, -3, N, 2, 2, 0},     {5, -7, 0, 2, 0, 0, 0},     {5, 3, 3, 2, 3, 3, 0},
    {5, -7, 7, N, 0, 5, 5},      {5, 1, 12, 3, 1, 5, 2},     {5, 0, 0, 3, 0, 0, 0},
    {5, -12, 1, 3, 0, 1, 1},     {5, N, -5, -3, 4, 0, 2},    {5, -5, 1, -2, 0, 1, 0},
    {5, -12, -1, N, 0, 4, 4},    {5, -12, N, -2, -1, -1, 0}, {5, 2, -12, 2, 2, 0, 0},
    {5, 3, N, -3, 3, -1, 2},     {7, -5, 3, 3, 2, 3, 1},     {7, -7, 5, 1, 0, 5, 5},
    {7, -1, 3, 2, 6, 3, 0},      {7, 1, -12, -3, 1, -1, 1},  {7, 1, 1, 5, 1, 1, 0},
    {7, 1, -3, -3, 1, 4, 0},     {7, -7, -12, 2, 0, 0, 0},   {7, 7, -3, 5, 7, 4, 0},
    {7, 7, -7, N, 7, 0, 0},      {7, -5, 2, 2, 2, 2, 0},     {7, -7, 7, N, 0, 7, 7},
    {7, 12, 2, 1, 7, 2, 0},      {7, 5, -12, 1, 5, 0, 0},    {7, 2, -1, -2, 2, 6, 0},
    {7, -1, 12, -1, 6, 6, 0},    {7, 2, 2, 2, 2, 2, 0},
};

static KaaObject *none_or_int(Kaa_ssize_t v)
{
    return v == N ? Kaa_NewRef(Kaa_None) : int_(v);
}

START_TEST(slice_arithmetic)
{
    for (size_t i = 0; i < sizeof slice_table / sizeof slice_table[0]; i++) {
        KaaObject *a = none_or_int(slice_table[i].start), *b = none_or_int(slice_table[i].stop);
        KaaObject *c = none_or_int(slice_table[i].step);
        KaaObject *s = KaaSlice_New(a, b, c);
        Kaa_ssize_t start, stop, step;
        ck_assert_int_eq(KaaSlice_Unpack(s, &start, &stop, &step), 0);
        Kaa_ssize_t n = KaaSlice_AdjustIndices(slice_table[i].length, &start, &stop, step);
        ck_assert_int_eq(start, slice_table[i].rstart);
        ck_assert_int_eq(stop, slice_table[i].rstop);
        ck_assert_int_eq(n, slice_table[i].slicelength);
        // slice.indices() gives the same through the big-int path.
        KaaObject *len = int_(slice_table[i].length);
        KaaObject *ind = call_method(s, "indices", &len, 1, NULL);
        ck_assert_ptr_nonnull(ind);
        ck_assert_int_eq(as_int(KaaTuple_GET_ITEM(ind, 0)), slice_table[i].rstart);
        ck_assert_int_eq(as_int(KaaTuple_GET_ITEM(ind, 1)), slice_table[i].rstop);
        Kaa_DECREF(ind);
        Kaa_DECREF(len);
        Kaa_DECREF(s);
        Kaa_DECREF(a);
        Kaa_DECREF(b);
        Kaa_DECREF(c);
    }
    KaaObject *zero = int_(0);
    KaaObject *s = KaaSlice_New(NULL, NULL, zero);
    Kaa_ssize_t start, stop, step;
    ck_assert_int_eq(KaaSlice_Unpack(s, &start, &stop, &step), -1);
    assert_raised("ValueError", "slice step cannot be zero");
    Kaa_DECREF(s);
    Kaa_DECREF(zero);
}
END_TEST
#undef N

START_TEST(range_basics)
{
    KaaObject *r = range_(0, 10, 3);
    ck_assert_int_eq(KaaObject_Length(r), 4);
    KaaObject *m1 = int_(-1), *nine = int_(9), *ten = int_(10);
    KaaObject *x = KaaObject_GetItem(r, m1);
    ck_assert_int_eq(as_int(x), 9);
    Kaa_DECREF(x);
    ck_assert_int_eq(KaaSequence_Contains(r, nine), 1);
    ck_assert_int_eq(KaaSequence_Contains(r, ten), 0);
    ck_assert_ptr_null(KaaObject_GetItem(r, ten));
    assert_raised("IndexError", "range object index out of range");
    KaaObject *idx = call_method(r, "index", &nine, 1, NULL);
    ck_assert_int_eq(as_int(idx), 3);
    Kaa_DECREF(idx);
    // r[::-1] is range(9, -3, -3)
    KaaObject *s = KaaSlice_New(NULL, NULL, m1);
    assert_repr(KaaObject_GetItem(r, s), "range(9, -3, -3)");
    Kaa_DECREF(s);
    // Iteration: 0 3 6 9
    KaaObject *it = KaaObject_GetIter(r);
    ck_assert_str_eq(Kaa_TYPE(it)->tp_name, "range_iterator");
    ck_assert(!KaaObject_IS_GC(it));
    int64_t expect = 0;
    while ((x = KaaIter_Next(it)) != NULL) {
        ck_assert_int_eq(as_int(x), expect);
        expect += 3;
        Kaa_DECREF(x);
    }
    ck_assert_int_eq(expect, 12);
    Kaa_DECREF(it);
    KaaObject *zero = int_(0);
    ck_assert_ptr_null(KaaRange_New(zero, ten, zero));
    assert_raised("ValueError", "range() arg 3 must not be zero");
    Kaa_DECREF(zero);
    Kaa_DECREF(m1);
    Kaa_DECREF(nine);
    Kaa_DECREF(ten);
    Kaa_DECREF(r);
}
END_TEST

// --- Reprs ------------------------------------------------------------------------------

START_TEST(reprs)
{
    int64_t v[] = {1, 2};
    KaaObject *l = list_of(2, v);
    KaaList_Append(l, l);
    assert_repr(Kaa_NewRef(l), "[1, 2, [...]]");
    KaaList_Type.tp_clear(l); // break the cycle
    Kaa_DECREF(l);

    KaaObject *d = KaaDict_New();
    KaaObject *one = int_(1);
    KaaDict_SetItemString(d, "a", one);
    KaaDict_SetItemString(d, "me", d);
    assert_repr(Kaa_NewRef(d), "{'a': 1, 'me': {...}}");
    assert_repr(call_method(d, "keys", NULL, 0, NULL), "dict_keys(['a', 'me'])");
    assert_repr(call_method(d, "items", NULL, 0, NULL),
                "dict_items([('a', 1), ('me', {'a': 1, 'me': {...}})])");
    KaaDict_Clear(d);
    assert_repr(Kaa_NewRef(d), "{}");
    Kaa_DECREF(d);

    assert_repr(KaaTuple_New(0), "()");
    assert_repr(KaaTuple_Pack(1, one), "(1,)");
    KaaObject *inner = KaaList_New(0);
    KaaObject *t = KaaTuple_Pack(1, inner);
    KaaList_Append(inner, t);
    assert_repr(Kaa_NewRef(t), "([(...)],)");
    KaaList_Type.tp_clear(inner);
    Kaa_DECREF(inner);
    Kaa_DECREF(t);

    assert_repr(KaaList_New(0), "[]");
    assert_repr(range_(0, 5, 1), "range(0, 5)");
    assert_repr(range_(0, 10, 2), "range(0, 10, 2)");
    KaaObject *two = int_(2);
    assert_repr(KaaSlice_New(one, two, NULL), "slice(1, 2, None)");
    Kaa_DECREF(two);
    Kaa_DECREF(one);
}
END_TEST

// --- GC: traverse order and tracking ------------------------------------------------

START_TEST(traverse_order)
{
    int64_t v[] = {1, 2, 3};
    KaaObject *l = list_of(3, v);
    Visited seen = traverse(l);
    ck_assert_int_eq(seen.n, 3);
    for (int i = 0; i < 3; i++) {
        ck_assert_ptr_eq(seen.items[i], KaaList_GET_ITEM(l, 2 - i));
    }
    KaaObject *t = KaaList_AsTuple(l);
    seen = traverse(t);
    ck_assert_int_eq(seen.n, 3);
    ck_assert_ptr_eq(seen.items[0], KaaTuple_GET_ITEM(t, 2));
    // {1: 'x'}: value, then key.
    KaaObject *d = KaaDict_New(), *one = int_(1), *x = str_("x"), *y = str_("y");
    KaaDict_SetItem(d, one, x);
    seen = traverse(d);
    ck_assert_int_eq(seen.n, 2);
    ck_assert_ptr_eq(seen.items[0], x);
    ck_assert_ptr_eq(seen.items[1], one);
    // {'a': 'x', 'b': 'y'}: values only.
    KaaObject *d2 = KaaDict_New();
    KaaDict_SetItemString(d2, "a", x);
    KaaDict_SetItemString(d2, "b", y);
    seen = traverse(d2);
    ck_assert_int_eq(seen.n, 2);
    ck_assert_ptr_eq(seen.items[0], x);
    ck_assert_ptr_eq(seen.items[1], y);
    // A non-str key makes it general for good (even once deleted).
    KaaDict_SetItem(d2, one, one);
    KaaDict_DelItem(d2, one);
    seen = traverse(d2);
    ck_assert_int_eq(seen.n, 4);
    ck_assert_ptr_eq(seen.items[0], x);
    ck_assert(KaaStr_EqualToASCII(seen.items[1], "a"));
    Kaa_DECREF(d2);
    Kaa_DECREF(d);
    Kaa_DECREF(one);
    Kaa_DECREF(x);
    Kaa_DECREF(y);
    Kaa_DECREF(t);
    Kaa_DECREF(l);
}
END_TEST

START_TEST(tracking_rules)
{
    // Written so that it holds under KAA_GC_STRESS too: a collection may
    // untrack a tuple of atoms at any container allocation, so each tuple
    // is stored right after it is made.
    KaaObject *empty = KaaTuple_New(0);
    ck_assert(!kaa_gc_is_tracked(empty));
    KaaObject *one = int_(1), *two = int_(2);
    KaaObject *l = KaaList_New(0);
    ck_assert(kaa_gc_is_tracked(l));
    // dicts: untracked until something that may be tracked is stored.
    KaaObject *d = KaaDict_New();
    ck_assert(!kaa_gc_is_tracked(d));
    KaaDict_SetItemString(d, "a", one);
    ck_assert(!kaa_gc_is_tracked(d));
    KaaDict_SetItemString(d, "e", empty);
    ck_assert(!kaa_gc_is_tracked(d));
    KaaObject *t = KaaTuple_Pack(2, one, two);
    ck_assert(kaa_gc_is_tracked(t));
    KaaDict_SetItemString(d, "t", t); // a tracked tuple
    ck_assert(kaa_gc_is_tracked(d));
    // A copy of a tracked, clean dict is tracked.
    KaaObject *c = KaaDict_Copy(d);
    ck_assert(kaa_gc_is_tracked(c));
    Kaa_DECREF(c);
    // The collector's rules: the tuple of ints can be untracked, then the
    // dict holding only atoms.
    kaa_tuple_maybe_untrack(t);
    ck_assert(!kaa_gc_is_tracked(t));
    ck_assert_int_eq(kaa_tuple_maybe_untrack(t), 0);
    kaa_dict_untrack_if_atomic(d);
    ck_assert(!kaa_gc_is_tracked(d));
    // Storing the untracked tuple again does not track the dict; a list does.
    KaaDict_SetItemString(d, "t2", t);
    ck_assert(!kaa_gc_is_tracked(d));
    KaaDict_SetItemString(d, "l", l);
    ck_assert(kaa_gc_is_tracked(d));
    KaaDict_DelItemString(d, "l");
    ck_assert(kaa_gc_is_tracked(d)); // deleting does not untrack
    // A tuple holding a list stays tracked.
    KaaObject *tl = KaaTuple_Pack(1, l);
    ck_assert_int_eq(kaa_tuple_maybe_untrack(tl), 0);
    ck_assert(kaa_gc_is_tracked(tl));
    // Iterators over containers are tracked; ranges are not GC objects.
    KaaObject *it = KaaObject_GetIter(l);
    ck_assert(kaa_gc_is_tracked(it));
    KaaObject *r = range_(0, 3, 1);
    ck_assert(!KaaObject_IS_GC(r));
    KaaObject *s = KaaSlice_New(one, two, NULL);
    ck_assert(kaa_gc_is_tracked(s));
    Kaa_DECREF(s);
    Kaa_DECREF(r);
    Kaa_DECREF(it);
    Kaa_DECREF(tl);
    Kaa_DECREF(d);
    Kaa_DECREF(l);
    Kaa_DECREF(t);
    Kaa_DECREF(one);
    Kaa_DECREF(two);
    Kaa_DECREF(empty);
}
END_TEST

START_TEST(deep_nesting)
{
    // Freeing a list nested 100000 deep must not overflow the C stack.
    KaaObject *outer = KaaList_New(0);
    for (int i = 0; i < 100000; i++) {
        KaaObject *next = KaaList_New(0);
        KaaList_Append(next, outer);
        Kaa_DECREF(outer);
        outer = next;
    }
    Kaa_DECREF(outer);
}
END_TEST

static Suite *containers_suite(void)
{
    Suite *s = suite_create("containers");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, list_growth);
    tcase_add_test(tc, list_presize);
    tcase_add_test(tc, sort_stable);
    tcase_add_test(tc, sort_errors);
    tcase_add_test(tc, list_errors);
    tcase_add_test(tc, dict_thousand_keys);
    tcase_add_test(tc, dict_sizes_and_kinds);
    tcase_add_test(tc, dict_changed_during_iteration);
    tcase_add_test(tc, tuple_hash);
    tcase_add_test(tc, slice_arithmetic);
    tcase_add_test(tc, range_basics);
    tcase_add_test(tc, reprs);
    tcase_add_test(tc, traverse_order);
    tcase_add_test(tc, tracking_rules);
    tcase_add_test(tc, deep_nesting);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(containers_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
