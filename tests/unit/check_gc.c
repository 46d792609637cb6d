/* White-box tests of the cycle collector (src/gc/gc.c), the model of CPython
 * 3.11's Modules/gcmodule.c described in shared/CPYTHON_MEMORY.md section 2:
 * cycles through every kind of container, the numbers collect() returns,
 * the generation counts and the automatic trigger (with the 25% rule for
 * full collections), finalizers and weak references on both death paths,
 * untracking of tuples and dicts, freeze, the debug flags, KAA_GC_STRESS,
 * and deep structures freed by refcounting. Each test runs in a fresh
 * interpreter (tests/unit/testutil.h) whose teardown asserts that every
 * block allocated was given back, so a cycle that is found but not really
 * freed fails there too. Exact numbers were checked against CPython 3.11
 * where the two interpreters are meant to agree.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gc/gc.h"
#include "kaa.h"
#include "mem/mem.h"
#include "testutil.h"

// --- Helpers ----------------------------------------------------------------------

// Run Python source that must not raise; return its stdout (free() it).
static char *run_ok(const char *src)
{
    int status;
    char *out = kaa_test_run(src, &status);
    ck_assert_msg(status == 0, "program raised; stdout so far: %s", out);
    return out;
}

// Run Python source and compare its stdout with `expected`.
static void expect_output(const char *src, const char *expected)
{
    char *out = run_ok(src);
    ck_assert_str_eq(out, expected);
    free(out);
}

// Redirect stderr (fd 2) to a temporary file until stderr_end().
static FILE *err_tmp;
static int err_saved = -1;

static void stderr_begin(void)
{
    fflush(stderr);
    err_tmp = tmpfile();
    ck_assert_ptr_nonnull(err_tmp);
    err_saved = dup(2);
    ck_assert_int_ge(err_saved, 0);
    dup2(fileno(err_tmp), 2);
}

// Restore stderr; return what was written meanwhile (free() it).
static char *stderr_end(void)
{
    fflush(stderr);
    dup2(err_saved, 2);
    close(err_saved);
    err_saved = -1;
    long n = ftell(err_tmp);
    char *text = malloc((size_t)n + 1);
    rewind(err_tmp);
    size_t got = fread(text, 1, (size_t)n, err_tmp);
    text[got] = '\0';
    fclose(err_tmp);
    err_tmp = NULL;
    return text;
}

// A global of __main__ (borrowed).
static KaaObject *main_get(const char *name)
{
    KaaObject *o = KaaDict_GetItemString(Kaa_MainDict(), name);
    ck_assert_msg(o != NULL, "no global %s", name);
    return o;
}

static KaaObject *int_(int64_t v)
{
    KaaObject *o = KaaInt_FromInt64(v);
    ck_assert_ptr_nonnull(o);
    return o;
}

static Kaa_ssize_t collect(int generation)
{
    Kaa_ssize_t n = kaa_gc_collect(generation);
    ck_assert_int_ge(n, 0);
    return n;
}

// Does list `l` hold `o` (by identity)?
static int list_holds(KaaObject *l, KaaObject *o)
{
    for (Kaa_ssize_t i = 0; i < KaaList_GET_SIZE(l); i++) {
        if (KaaList_GET_ITEM(l, i) == o) {
            return 1;
        }
    }
    return 0;
}

static Kaa_ssize_t stat_collections(int generation)
{
    Kaa_ssize_t collections, collected, uncollectable;
    kaa_gc_get_stats(generation, &collections, &collected, &uncollectable);
    return collections;
}

static Kaa_ssize_t stat_collected(int generation)
{
    Kaa_ssize_t collections, collected, uncollectable;
    kaa_gc_get_stats(generation, &collections, &collected, &uncollectable);
    return collected;
}

// A new list holding itself; the caller owns one reference.
static KaaObject *self_list(void)
{
    KaaObject *l = KaaList_New(0);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(KaaList_Append(l, l), 0);
    return l;
}

// --- Cycles through each kind of container (C level) -------------------------------

START_TEST(test_list_self_cycle_is_freed)
{
    collect(2);
    size_t before = kaa_mem_live_blocks();
    KaaObject *l = self_list();
    Kaa_DECREF(l);
    ck_assert_uint_gt(kaa_mem_live_blocks(), before); // refcounting alone can't
    ck_assert_int_eq(collect(2), 1);
    ck_assert_uint_eq(kaa_mem_live_blocks(), before);
    ck_assert_int_eq(collect(2), 0);
}
END_TEST

START_TEST(test_ring_of_n_lists)
{
    enum { N = 25 };
    collect(2);
    size_t before = kaa_mem_live_blocks();
    KaaObject *first = KaaList_New(0), *prev = first;
    for (int i = 1; i < N; i++) {
        KaaObject *l = KaaList_New(0);
        ck_assert_int_eq(KaaList_Append(prev, l), 0);
        Kaa_DECREF(l);
        prev = l;
    }
    ck_assert_int_eq(KaaList_Append(prev, first), 0);
    Kaa_DECREF(first);
    Kaa_ssize_t collected = stat_collected(2);
    ck_assert_int_eq(collect(2), N);
    ck_assert_int_eq(stat_collected(2), collected + N);
    ck_assert_uint_eq(kaa_mem_live_blocks(), before);
}
END_TEST

START_TEST(test_tuple_cycle_through_a_list)
{
    collect(2);
    size_t before = kaa_mem_live_blocks();
    KaaObject *l = KaaList_New(0);
    KaaObject *t = KaaTuple_Pack(1, l);
    ck_assert_ptr_nonnull(t);
    ck_assert(kaa_gc_is_tracked(t));
    ck_assert_int_eq(KaaList_Append(l, t), 0);
    Kaa_DECREF(t);
    Kaa_DECREF(l);
    ck_assert_int_eq(collect(2), 2);
    ck_assert_uint_eq(kaa_mem_live_blocks(), before);
}
END_TEST

START_TEST(test_dict_self_cycle)
{
    collect(2);
    KaaObject *key = KaaStr_FromString("self");
    size_t before = kaa_mem_live_blocks();
    KaaObject *d = KaaDict_New();
    ck_assert(!kaa_gc_is_tracked(d)); // empty dicts start untracked
    ck_assert_int_eq(KaaDict_SetItem(d, key, d), 0);
    ck_assert(kaa_gc_is_tracked(d)); // storing a container tracks it
    Kaa_DECREF(d);
    ck_assert_int_eq(collect(2), 1);
    ck_assert_uint_eq(kaa_mem_live_blocks(), before);
    Kaa_DECREF(key);
}
END_TEST

START_TEST(test_dict_cycle_through_a_key)
{
    // An instance used as a key refers back to the dict: dict -> key -> dict.
    expect_output("class K:\n"
                  "    pass\n",
                  "");
    // Warm up: the attribute name and the class's shared keys stay.
    KaaObject *k = KaaObject_CallNoArgs(main_get("K"));
    ck_assert_int_eq(KaaObject_SetAttrString(k, "d", Kaa_None), 0);
    Kaa_DECREF(k);
    collect(2);
    size_t before = kaa_mem_live_blocks();
    k = KaaObject_CallNoArgs(main_get("K"));
    KaaObject *d = KaaDict_New();
    KaaObject *one = int_(1);
    ck_assert_int_eq(KaaDict_SetItem(d, k, one), 0);
    ck_assert(kaa_gc_is_tracked(d)); // an instance key tracks it
    ck_assert_int_eq(KaaObject_SetAttrString(k, "d", d), 0);
    Kaa_DECREF(one);
    Kaa_DECREF(d);
    KaaObject *refs = kaa_gc_get_referents(&d, 1);
    ck_assert_int_eq(KaaList_GET_SIZE(refs), 2); // value then key
    ck_assert_ptr_eq(KaaList_GET_ITEM(refs, 1), k);
    Kaa_DECREF(refs);
    Kaa_DECREF(k);
    ck_assert_int_eq(collect(2), 2);
    ck_assert_uint_eq(kaa_mem_live_blocks(), before);
}
END_TEST

START_TEST(test_module_dict_cycle)
{
    // A module whose namespace refers to the module itself (as any module
    // that imports itself would). A Tag in the namespace shows it is freed.
    expect_output("import _weakref\n"
                  "class Tag:\n"
                  "    pass\n"
                  "t = Tag()\n"
                  "r = _weakref.ref(t)\n",
                  "");
    collect(2);
    KaaObject *m = KaaModule_New("cyclic");
    ck_assert_ptr_nonnull(m);
    ck_assert(kaa_gc_is_tracked(m));
    KaaObject *md = KaaModule_GetDict(m);
    ck_assert_int_eq(KaaDict_SetItemString(md, "me", m), 0);
    ck_assert_int_eq(KaaDict_SetItemString(md, "t", main_get("t")), 0);
    ck_assert_int_eq(KaaDict_DelItemString(Kaa_MainDict(), "t"), 0);
    Kaa_DECREF(m);
    expect_output("print(r() is None)\n", "False\n");
    // The module, its dict and the Tag.
    ck_assert_int_eq(collect(2), 3);
    expect_output("print(r() is None)\n", "True\n");
}
END_TEST

// --- Cycles through Python-level objects -------------------------------------------
// Frames are not objects in kaa (the VM keeps them on its own stack), so there
// is no frame cycle to test; tracebacks refer to code objects instead.

START_TEST(test_instance_cycles_inline_and_materialized_dict)
{
    expect_output("import gc\n"
                  "class A:\n"
                  "    pass\n"
                  "gc.collect()\n"
                  "a = A(); a.me = a; del a\n"
                  "print(gc.collect())\n"
                  // Reading __dict__ materializes a real dict: one more object.
                  "a = A(); a.me = a; a.__dict__; del a\n"
                  "print(gc.collect())\n"
                  "x = A(); y = A(); x.y = y; y.x = x; del x, y\n"
                  "print(gc.collect())\n",
                  "1\n2\n2\n");
}
END_TEST

START_TEST(test_ring_of_instances)
{
    expect_output("import gc\n"
                  "class N:\n"
                  "    pass\n"
                  "gc.collect()\n"
                  "first = N(); n = first\n"
                  "for i in range(99):\n"
                  "    m = N(); n.next = m; n = m\n"
                  "n.next = first\n"
                  "del first, n, m\n"
                  "print(gc.collect(), gc.collect())\n",
                  "100 0\n");
}
END_TEST

START_TEST(test_set_cycle)
{
    expect_output("import gc, _weakref\n"
                  "class H:\n"
                  "    pass\n"
                  "gc.collect()\n"
                  "s = set(); h = H(); s.add(h); h.s = s\n"
                  "r = _weakref.ref(h)\n"
                  "del s, h\n"
                  "print(r() is None, gc.collect(), r())\n"
                  // frozenset inside a list inside the frozenset's member.
                  "l = []; h = H(); h.l = l; fs = frozenset([h]); l.append(fs)\n"
                  "del l, h, fs\n"
                  "print(gc.collect())\n",
                  "False 2 None\n3\n");
}
END_TEST

START_TEST(test_class_cycles)
{
    // A class is cyclic by itself (its MRO holds it, its methods' dicts...):
    // deleting the last name leaves it to the collector. Exact counts differ
    // from CPython's (different type internals), so only freeing is checked.
    expect_output("import gc, _weakref\n"
                  "class Tag:\n"
                  "    pass\n"
                  "gc.collect()\n"
                  "class K:\n"
                  "    def m(self):\n"
                  "        return K\n"
                  "t = Tag(); K.t = t; K.me = K; r = _weakref.ref(t)\n"
                  "del K, t\n"
                  "print(r() is None)\n"
                  "n = gc.collect()\n"
                  "print(n >= 3, r())\n"
                  // A class created and dropped inside a function.
                  "def make():\n"
                  "    class Local:\n"
                  "        pass\n"
                  "    t = Tag(); Local.t = t\n"
                  "    return _weakref.ref(t)\n"
                  "r = make()\n"
                  "print(r() is None, gc.collect() > 0, r())\n",
                  "False\nTrue None\nFalse True None\n");
}
END_TEST

START_TEST(test_function_cycles)
{
    expect_output("import gc, _weakref\n"
                  "gc.collect()\n"
                  "def f():\n"
                  "    pass\n"
                  "f.attr = f\n"
                  "r = _weakref.ref(f)\n"
                  "del f\n"
                  "print(r() is None, gc.collect(), r())\n" // the function and its __dict__
                  // A closure cell: x -> inner -> closure tuple -> cell -> x.
                  "def outer():\n"
                  "    x = []\n"
                  "    def inner():\n"
                  "        return x\n"
                  "    x.append(inner)\n"
                  "    return _weakref.ref(inner)\n"
                  "r = outer()\n"
                  "print(r() is None, gc.collect(), r())\n"
                  // A default argument referring back to the function's holder.
                  "l = []\n"
                  "def g(a=l):\n"
                  "    return a\n"
                  "l.append(g); r = _weakref.ref(g)\n"
                  "del g, l\n"
                  "print(gc.collect(), r())\n",
                  "False 2 None\nFalse 4 None\n3 None\n");
}
END_TEST

START_TEST(test_bound_method_and_super_cycles)
{
    expect_output("import gc, _weakref\n"
                  "class C:\n"
                  "    def m(self):\n"
                  "        return super()\n"
                  "gc.collect()\n"
                  "c = C(); c.bm = c.m; r = _weakref.ref(c)\n"
                  "del c\n"
                  "print(r() is None, gc.collect(), r())\n"
                  "c = C(); c.sup = c.m(); r = _weakref.ref(c)\n"
                  "del c\n"
                  "print(r() is None, gc.collect(), r())\n",
                  "False 2 None\nFalse 2 None\n");
}
END_TEST

START_TEST(test_property_cycle)
{
    expect_output("import gc\n"
                  "gc.collect()\n"
                  "l = []\n"
                  "p = property(lambda s, l=l: 1)\n"
                  "l.append(p)\n"
                  "print(gc.is_tracked(p), p in gc.get_referrers(p.fget))\n"
                  "del l, p\n"
                  // list, property, lambda, its defaults tuple
                  "print(gc.collect())\n",
                  "True True\n4\n");
}
END_TEST

START_TEST(test_generator_holding_itself)
{
    // A suspended generator whose frame holds the generator. Its finalizer
    // (close(): GeneratorExit runs the finally block) releases the frame,
    // which frees the generator during finalization: as in CPython the
    // collection reports 0, yet everything is gone.
    expect_output("import gc, _weakref\n"
                  "class Tag:\n"
                  "    pass\n"
                  "def g():\n"
                  "    t = Tag()\n"
                  "    try:\n"
                  "        me = yield _weakref.ref(t)\n"
                  "        yield 1\n"
                  "    finally:\n"
                  "        print('closed')\n"
                  "gc.collect()\n"
                  "gen = g(); rt = next(gen); gen.send(gen); rg = _weakref.ref(gen)\n"
                  "print(gc.is_tracked(gen), gen in gc.get_referents(gen))\n"
                  "del gen\n"
                  "print(rg() is None)\n"
                  "print(gc.collect(), rt(), rg())\n"
                  // A generator without finally, held in a list it holds.
                  "def h():\n"
                  "    box = yield\n"
                  "    yield box\n"
                  "gen = h(); next(gen); box = [gen]; gen.send(box); rg = _weakref.ref(gen)\n"
                  "del gen, box\n"
                  "gc.collect()\n"
                  "print(rg())\n",
                  "True True\nFalse\nclosed\n0 None None\nNone\n");
}
END_TEST

START_TEST(test_exception_traceback_cycles)
{
    // kaa tracebacks refer to code objects, not frames: the traceback of an
    // exception caught at module level visits a code object.
    expect_output("import gc, _weakref\n"
                  "class Tag:\n"
                  "    pass\n"
                  "gc.collect()\n"
                  "try:\n"
                  "    raise ValueError('x')\n"
                  "except ValueError as e:\n"
                  "    ex = e\n"
                  "tb = ex.__traceback__\n"
                  "print(gc.is_tracked(tb), [type(o).__name__ for o in gc.get_referents(tb)])\n"
                  "del tb\n"
                  "t = Tag(); r = _weakref.ref(t); ex.t = t; ex.me = ex\n"
                  "del ex, t\n"
                  "print(r() is None, gc.collect() >= 3, r())\n"
                  // An exception kept in a local of the frame it was raised in:
                  // a cycle in CPython (traceback -> frame -> local), not in kaa,
                  // where the frame goes away with the call.
                  "def f():\n"
                  "    try:\n"
                  "        raise KeyError(1)\n"
                  "    except KeyError as e:\n"
                  "        err = e\n"
                  "    t = Tag(); err.t = t\n"
                  "    return _weakref.ref(t)\n"
                  "r = f()\n"
                  "print(r())\n"
                  "print(gc.collect())\n",
                  "True ['code']\nFalse True None\nNone\n0\n");
}
END_TEST

START_TEST(test_weakref_cycles)
{
    expect_output("import gc, _weakref\n"
                  "class Tag:\n"
                  "    pass\n"
                  "gc.collect()\n"
                  // The weakref is part of the garbage (callback -> defaults -> c):
                  // it is cleared and its callback never runs.
                  "c = Tag(); c.r = _weakref.ref(c, lambda w, c=c: print('never'))\n"
                  "print(gc.is_tracked(c.r))\n"
                  "del c\n"
                  "print(gc.collect())\n"
                  // A live weakref to cyclic garbage: callback runs, sees None.
                  "c = Tag(); c.me = c\n"
                  "seen = []\n"
                  "r = _weakref.ref(c, lambda w: seen.append(w()))\n"
                  "del c\n"
                  "print(gc.collect(), seen, r())\n"
                  // A weakref freed by its own callback counts as collected.
                  "c = Tag(); c.me = c\n"
                  "holder = []\n"
                  "def cb(w):\n"
                  "    holder.clear()\n"
                  "holder.append(_weakref.ref(c, cb))\n"
                  "del c\n"
                  "print(gc.collect(), holder)\n",
                  "True\n4\n1 [None] None\n2 []\n");
}
END_TEST

// --- collect() and the counts --------------------------------------------------------

START_TEST(test_collect_rejects_bad_generations)
{
    ck_assert_int_eq(kaa_gc_collect(3), -1);
    ck_assert(KaaErr_ExceptionMatches(KaaExc(ValueError)));
    KaaErr_Clear();
    ck_assert_int_eq(kaa_gc_collect(-1), -1);
    ck_assert(KaaErr_ExceptionMatches(KaaExc(ValueError)));
    KaaErr_Clear();
    ck_assert_int_eq(kaa_gc_collect(1), 0); // nothing to find right after start
}
END_TEST

START_TEST(test_collecting_g_zeroes_younger_and_bumps_next)
{
    collect(2);
    ck_assert_int_eq(kaa_gc_get_count(0), 0);
    ck_assert_int_eq(kaa_gc_get_count(1), 0);
    ck_assert_int_eq(kaa_gc_get_count(2), 0);
    collect(0);
    collect(0);
    ck_assert_int_eq(kaa_gc_get_count(0), 0);
    ck_assert_int_eq(kaa_gc_get_count(1), 2);
    ck_assert_int_eq(kaa_gc_get_count(2), 0);
    collect(1);
    ck_assert_int_eq(kaa_gc_get_count(1), 0);
    ck_assert_int_eq(kaa_gc_get_count(2), 1);
    collect(0);
    collect(1);
    ck_assert_int_eq(kaa_gc_get_count(1), 0);
    ck_assert_int_eq(kaa_gc_get_count(2), 2);
    Kaa_ssize_t full = stat_collections(2);
    collect(2);
    ck_assert_int_eq(kaa_gc_get_count(1), 0);
    ck_assert_int_eq(kaa_gc_get_count(2), 0);
    ck_assert_int_eq(stat_collections(2), full + 1);
    // Through the gc module as well.
    expect_output("import gc\n"
                  "gc.collect()\n"
                  "gc.collect(0); gc.collect(0)\n"
                  "print(gc.get_count()[1:])\n"
                  "gc.collect(1)\n"
                  "print(gc.get_count()[1:])\n",
                  "(2, 0)\n(0, 1)\n");
}
END_TEST

START_TEST(test_count0_follows_instance_allocations)
{
    expect_output("class C:\n"
                  "    pass\n",
                  "");
    KaaObject *cls = main_get("C");
    enum { N = 20 };
    KaaObject *objs[N];
    KaaObject *spare = KaaList_New(0);
    collect(2);
    ck_assert_int_eq(kaa_gc_get_count(0), 0);
    for (int i = 0; i < N; i++) {
        objs[i] = KaaObject_CallNoArgs(cls);
        ck_assert_ptr_nonnull(objs[i]);
        ck_assert(kaa_gc_is_tracked(objs[i]));
        ck_assert_int_eq(kaa_gc_get_count(0), i + 1);
    }
    for (int i = 0; i < 5; i++) {
        Kaa_DECREF(objs[i]);
        ck_assert_int_eq(kaa_gc_get_count(0), N - 1 - i);
    }
    // Tracking does not matter, only allocation: an untracked dict counts.
    KaaObject *d = KaaDict_New();
    ck_assert(!kaa_gc_is_tracked(d));
    ck_assert_int_eq(kaa_gc_get_count(0), N - 5 + 1);
    Kaa_DECREF(d);
    ck_assert_int_eq(kaa_gc_get_count(0), N - 5);
    // After a collection count0 is 0 and deallocations never push it below.
    collect(0);
    ck_assert_int_eq(kaa_gc_get_count(0), 0);
    for (int i = 5; i < N; i++) {
        Kaa_DECREF(objs[i]);
    }
    Kaa_DECREF(spare);
    ck_assert_int_eq(kaa_gc_get_count(0), 0);
    objs[0] = KaaObject_CallNoArgs(cls);
    ck_assert_int_eq(kaa_gc_get_count(0), 1);
    Kaa_DECREF(objs[0]);
    ck_assert_int_eq(kaa_gc_get_count(0), 0);
}
END_TEST

START_TEST(test_automatic_collection_thresholds)
{
    expect_output("class C:\n"
                  "    pass\n",
                  "");
    KaaObject *cls = main_get("C");
    KaaObject *keep = KaaList_New(0);
    *kaa_gc_threshold_slot(0) = 10;
    *kaa_gc_threshold_slot(1) = 3;
    *kaa_gc_threshold_slot(2) = 1000;
    collect(2);
    Kaa_ssize_t c0 = stat_collections(0), c1 = stat_collections(1), c2 = stat_collections(2);
    // count0 > threshold0 is strict: the 11th allocation triggers.
    for (int i = 1; i <= 11; i++) {
        KaaObject *o = KaaObject_CallNoArgs(cls);
        ck_assert_int_eq(KaaList_Append(keep, o), 0);
        Kaa_DECREF(o);
        if (i <= 10) {
            ck_assert_int_eq(stat_collections(0), c0);
            ck_assert_int_eq(kaa_gc_get_count(0), i);
        }
    }
    ck_assert_int_eq(stat_collections(0), c0 + 1);
    ck_assert_int_eq(kaa_gc_get_count(0), 0);
    ck_assert_int_eq(kaa_gc_get_count(1), 1);
    // The kept instances survived into generation 1.
    KaaObject *gen1 = kaa_gc_get_objects(1);
    ck_assert(list_holds(gen1, KaaList_GET_ITEM(keep, 0)));
    Kaa_DECREF(gen1);
    // Every 11th allocation collects: gens 0, 0, 0 and then 1 (count1 = 4 > 3).
    for (int i = 0; i < 44; i++) {
        KaaObject *o = KaaObject_CallNoArgs(cls);
        ck_assert_int_eq(KaaList_Append(keep, o), 0);
        Kaa_DECREF(o);
    }
    ck_assert_int_eq(stat_collections(0), c0 + 4);
    ck_assert_int_eq(stat_collections(1), c1 + 1);
    ck_assert_int_eq(stat_collections(2), c2);
    ck_assert_int_eq(kaa_gc_get_count(1), 0);
    ck_assert_int_eq(kaa_gc_get_count(2), 1);
    // threshold0 = 0 disables automatic collection.
    *kaa_gc_threshold_slot(0) = 0;
    for (int i = 0; i < 100; i++) {
        KaaObject *o = KaaObject_CallNoArgs(cls);
        ck_assert_int_eq(KaaList_Append(keep, o), 0);
        Kaa_DECREF(o);
    }
    ck_assert_int_eq(stat_collections(0), c0 + 4);
    ck_assert_int_eq(kaa_gc_get_count(0), 100);
    // So does disabling the collector.
    *kaa_gc_threshold_slot(0) = 10;
    kaa_gc_set_enabled(0);
    KaaObject *o = KaaObject_CallNoArgs(cls);
    Kaa_DECREF(o);
    ck_assert_int_eq(stat_collections(0), c0 + 4);
    kaa_gc_set_enabled(1);
    o = KaaObject_CallNoArgs(cls);
    Kaa_DECREF(o);
    ck_assert_int_eq(stat_collections(0), c0 + 5);
    Kaa_DECREF(keep);
}
END_TEST

START_TEST(test_automatic_collection_from_python)
{
    // Garbage cycles made in a loop are found without any explicit collect.
    expect_output("import gc\n"
                  "gc.set_threshold(50, 10, 10)\n"
                  "class N:\n"
                  "    pass\n"
                  "before = gc.get_stats()[0]['collections']\n"
                  "for i in range(1000):\n"
                  "    n = N(); n.me = n\n"
                  "del n\n"
                  "after = gc.get_stats()\n"
                  "found = sum(s['collected'] for s in after)\n"
                  "print(after[0]['collections'] - before >= 10, found >= 900)\n"
                  "print(gc.collect() <= 60)\n",
                  "True True\nTrue\n");
}
END_TEST

START_TEST(test_full_collection_waits_for_25_percent)
{
    expect_output("class C:\n"
                  "    pass\n",
                  "");
    KaaObject *cls = main_get("C");
    // A big long-lived heap: 20000 lists survive a full collection.
    KaaObject *big = KaaList_New(0);
    for (int i = 0; i < 20000; i++) {
        KaaObject *l = KaaList_New(0);
        ck_assert_int_eq(KaaList_Append(big, l), 0);
        Kaa_DECREF(l);
    }
    collect(2);
    KaaObject *gen2 = kaa_gc_get_objects(2);
    Kaa_ssize_t total = KaaList_GET_SIZE(gen2); // long_lived_total
    Kaa_DECREF(gen2);
    ck_assert_int_gt(total, 20000);
    *kaa_gc_threshold_slot(0) = 5;
    *kaa_gc_threshold_slot(1) = 2;
    *kaa_gc_threshold_slot(2) = 2;
    Kaa_ssize_t c1 = stat_collections(1), c2 = stat_collections(2);
    KaaObject *keep = KaaList_New(0);
    int max_count2 = 0;
    // 2000 kept instances: many gen1 collections, count2 well past 2, but
    // pending (about 2000) stays under total / 4: no full collection.
    for (int i = 0; i < 2000; i++) {
        KaaObject *o = KaaObject_CallNoArgs(cls);
        ck_assert_int_eq(KaaList_Append(keep, o), 0);
        Kaa_DECREF(o);
        if (kaa_gc_get_count(2) > max_count2) {
            max_count2 = kaa_gc_get_count(2);
        }
    }
    ck_assert_int_gt(stat_collections(1), c1 + 50);
    ck_assert_int_gt(max_count2, 2);
    ck_assert_int_eq(stat_collections(2), c2);
    // Keep going: the full collection comes once about total / 4 objects
    // have been promoted to generation 2, not before.
    int made = 2000;
    while (stat_collections(2) == c2 && made < 4 * total) {
        KaaObject *o = KaaObject_CallNoArgs(cls);
        ck_assert_int_eq(KaaList_Append(keep, o), 0);
        Kaa_DECREF(o);
        made++;
    }
    ck_assert_int_eq(stat_collections(2), c2 + 1);
    ck_assert_int_ge(made, total / 4 - 50);
    ck_assert_int_le(made, total / 4 + 100);
    // The full collection reset the counts of every generation.
    ck_assert_int_eq(kaa_gc_get_count(2), 0);
    Kaa_DECREF(keep);
    Kaa_DECREF(big);
}
END_TEST

START_TEST(test_stats_from_python)
{
    // Observed through gc.get_stats(): with thresholds (5, 2, 2), a big
    // long-lived heap and a few hundred new objects, no gen2 collection.
    expect_output("import gc\n"
                  "big = [[] for i in range(20000)]\n"
                  "gc.collect()\n"
                  "gc.set_threshold(5, 2, 2)\n"
                  "s = gc.get_stats()\n"
                  "keep = []\n"
                  "top = 0\n"
                  "for i in range(600):\n"
                  "    keep.append([])\n"
                  "    top = max(top, gc.get_count()[2])\n"
                  "t = gc.get_stats()\n"
                  "print(t[1]['collections'] > s[1]['collections'], top > 2)\n"
                  "print(t[2]['collections'] - s[2]['collections'])\n"
                  "print(list(t[0]))\n",
                  "True True\n0\n['collections', 'collected', 'uncollectable']\n");
}
END_TEST

START_TEST(test_get_objects_by_generation)
{
    collect(2);
    KaaObject *l = KaaList_New(0);
    KaaObject *g0 = kaa_gc_get_objects(0);
    ck_assert(list_holds(g0, l));
    ck_assert(!list_holds(g0, g0)); // the result is left out
    Kaa_DECREF(g0);
    collect(0);
    g0 = kaa_gc_get_objects(0);
    KaaObject *g1 = kaa_gc_get_objects(1);
    ck_assert(!list_holds(g0, l));
    ck_assert(list_holds(g1, l));
    Kaa_DECREF(g0);
    Kaa_DECREF(g1);
    collect(1);
    KaaObject *g2 = kaa_gc_get_objects(2);
    KaaObject *all = kaa_gc_get_objects(-1);
    ck_assert(list_holds(g2, l));
    ck_assert(list_holds(all, l));
    ck_assert_int_ge(KaaList_GET_SIZE(all), KaaList_GET_SIZE(g2));
    Kaa_DECREF(g2);
    Kaa_DECREF(all);
    Kaa_DECREF(l);
}
END_TEST

// --- Finalizers ---------------------------------------------------------------------

START_TEST(test_del_runs_once_on_a_cycle)
{
    expect_output("import gc\n"
                  "class D:\n"
                  "    def __del__(self):\n"
                  "        print('del', self.name)\n"
                  "gc.collect()\n"
                  "a = D(); a.name = 'a'; a.me = a\n"
                  "del a\n"
                  "print(gc.collect(), gc.garbage)\n"
                  "print(gc.collect())\n"
                  // A ring of three: finalizers run in allocation order.
                  "a = D(); b = D(); c = D()\n"
                  "a.name, b.name, c.name = 'a', 'b', 'c'\n"
                  "a.n = b; b.n = c; c.n = a\n"
                  "del a, b, c\n"
                  "print(gc.collect())\n",
                  "del a\n1 []\n0\ndel a\ndel b\ndel c\n3\n");
}
END_TEST

START_TEST(test_resurrection)
{
    expect_output("import gc\n"
                  "saved = []\n"
                  "class R:\n"
                  "    def __del__(self):\n"
                  "        print('__del__')\n"
                  "        saved.append(self)\n"
                  "gc.collect()\n"
                  "r = R(); r.me = r\n"
                  "print(gc.is_finalized(r))\n"
                  "del r\n"
                  "print(gc.collect())\n"
                  "obj = saved[0]\n"
                  "print(gc.is_finalized(obj), obj.me is obj)\n",
                  "False\n__del__\n0\nTrue True\n");
    KaaObject *obj = main_get("obj");
    ck_assert(kaa_gc_is_finalized(obj));
    ck_assert(kaa_gc_is_tracked(obj));
    // Dropped again: freed with no second __del__.
    expect_output("del obj\n"
                  "saved.clear()\n"
                  "print(gc.collect())\n"
                  "print(gc.collect())\n",
                  "1\n0\n");
    // Resurrection on the refcount path: __del__ does not run twice either.
    expect_output("class S:\n"
                  "    def __del__(self):\n"
                  "        print('S.__del__')\n"
                  "        saved.append(self)\n"
                  "s = S()\n"
                  "del s\n"
                  "print(len(saved), gc.is_finalized(saved[0]))\n"
                  "saved.clear()\n"
                  "print('after')\n",
                  "S.__del__\n1 True\nafter\n");
}
END_TEST

START_TEST(test_exception_in_del_is_reported_and_ignored)
{
    stderr_begin();
    char *out = run_ok("import gc\n"
                       "class Bad:\n"
                       "    def __del__(self):\n"
                       "        raise ValueError('boom')\n"
                       "gc.collect()\n"
                       "before = gc.get_stats()[2]['collected']\n"
                       "b = Bad(); b.me = b\n"
                       "del b\n"
                       "print(gc.collect())\n"
                       "print(gc.get_stats()[2]['collected'] - before)\n"
                       "b = Bad()\n"
                       "del b\n"
                       "print('still running')\n");
    char *err = stderr_end();
    ck_assert_str_eq(out, "1\n1\nstill running\n");
    ck_assert_ptr_nonnull(strstr(err, "Exception ignored in: <function Bad.__del__"));
    ck_assert_ptr_nonnull(strstr(err, "ValueError: boom"));
    // Reported twice: once on the GC path, once on the refcount path.
    const char *second = strstr(strstr(err, "ValueError: boom") + 1, "ValueError: boom");
    ck_assert_ptr_nonnull(second);
    ck_assert_ptr_null(KaaErr_Occurred());
    free(out);
    free(err);
}
END_TEST

START_TEST(test_callback_and_del_order)
{
    expect_output("import gc, _weakref\n"
                  "class D:\n"
                  "    def __del__(self):\n"
                  "        print('__del__', self.kind)\n"
                  "gc.collect()\n"
                  // GC path: weakref callbacks first, then finalizers.
                  "a = D(); a.kind = 'cyclic'; a.me = a\n"
                  "r = _weakref.ref(a, lambda w: print('callback'))\n"
                  "del a\n"
                  "print(gc.collect())\n"
                  // Refcount path: __del__ first, then the callbacks.
                  "b = D(); b.kind = 'plain'\n"
                  "r = _weakref.ref(b, lambda w: print('callback'))\n"
                  "del b\n"
                  "print('end')\n",
                  "callback\n__del__ cyclic\n1\n__del__ plain\ncallback\nend\n");
}
END_TEST

START_TEST(test_collect_inside_del_returns_zero)
{
    expect_output("import gc\n"
                  "class D:\n"
                  "    def __del__(self):\n"
                  "        print('inner', gc.collect())\n"
                  "gc.collect()\n"
                  "d = D(); d.me = d\n"
                  "del d\n"
                  "print('outer', gc.collect())\n",
                  "inner 0\nouter 1\n");
}
END_TEST

START_TEST(test_finalized_bit_in_the_header)
{
    expect_output("class D:\n"
                  "    def __del__(self):\n"
                  "        pass\n"
                  "d = D()\n",
                  "");
    KaaObject *d = main_get("d");
    ck_assert(!kaa_gc_is_finalized(d));
    ck_assert_uint_eq(KAA_AS_GC(d)->gc_prev & KAA_GC_PREV_MASK_FINALIZED, 0);
    // A collection in which d survives neither finalizes nor unlinks it, and
    // leaves the COLLECTING bit clear.
    collect(2);
    ck_assert(!kaa_gc_is_finalized(d));
    ck_assert(kaa_gc_is_tracked(d));
    ck_assert_uint_eq(KAA_AS_GC(d)->gc_prev & KAA_GC_PREV_MASK_COLLECTING, 0);
    KaaObject *l = KaaList_New(0);
    ck_assert_uint_eq(
        KAA_AS_GC(l)->gc_prev & (KAA_GC_PREV_MASK_FINALIZED | KAA_GC_PREV_MASK_COLLECTING), 0);
    // Tracked: gc_next links it into generation 0.
    ck_assert_uint_ne(KAA_AS_GC(l)->gc_next, 0);
    Kaa_DECREF(l);
}
END_TEST

// --- Untracking ---------------------------------------------------------------------

START_TEST(test_atoms_and_empty_tuple_never_tracked)
{
    KaaObject *i = int_(123456789), *s = KaaStr_FromString("atom"), *f = KaaFloat_FromDouble(1.5);
    ck_assert(!KaaObject_IS_GC(i));
    ck_assert(!KaaObject_IS_GC(s));
    ck_assert(!KaaObject_IS_GC(f));
    ck_assert(!KaaObject_IS_GC(Kaa_None));
    ck_assert(!KaaObject_IS_GC((KaaObject *)&KaaInt_Type)); // static types are not GC objects
    KaaObject *empty = KaaTuple_New(0);
    ck_assert(!kaa_gc_is_tracked(empty));
    collect(2);
    ck_assert(!kaa_gc_is_tracked(empty));
    Kaa_DECREF(empty);
    Kaa_DECREF(i);
    Kaa_DECREF(s);
    Kaa_DECREF(f);
    expect_output("import gc\n"
                  "print(gc.is_tracked(()), gc.is_tracked(1), gc.is_tracked('a'),"
                  " gc.is_tracked(None), gc.is_tracked(int), gc.is_tracked([]))\n",
                  "False False False False False True\n");
}
END_TEST

START_TEST(test_tuple_of_atoms_untracked_by_any_collection)
{
    KaaObject *i = int_(7), *s = KaaStr_FromString("x");
    KaaObject *t = KaaTuple_Pack(2, i, s);
    KaaObject *mixed = KaaTuple_Pack(2, i, KaaList_New(0));
    Kaa_DECREF(KaaTuple_GET_ITEM(mixed, 1)); // Pack took its own reference
    ck_assert(kaa_gc_is_tracked(t));
    ck_assert(kaa_gc_is_tracked(mixed));
    collect(0); // even the youngest generation's collection untracks
    ck_assert(!kaa_gc_is_tracked(t));
    ck_assert(kaa_gc_is_tracked(mixed));
    collect(2);
    ck_assert(kaa_gc_is_tracked(mixed));
    Kaa_DECREF(t);
    Kaa_DECREF(mixed);
    Kaa_DECREF(i);
    Kaa_DECREF(s);
}
END_TEST

START_TEST(test_nested_tuples_need_two_collections)
{
    // The outer tuple is older (earlier in the generation's list) than the
    // inner one: the single pass in list order still sees the inner one
    // tracked when it examines the outer one.
    KaaObject *outer = KaaTuple_New(1);
    ck_assert(kaa_gc_is_tracked(outer));
    KaaObject *i = int_(42);
    KaaObject *inner = KaaTuple_Pack(1, i);
    Kaa_DECREF(i);
    KaaTuple_SET_ITEM(outer, 0, inner); // steals
    ck_assert(kaa_gc_is_tracked(inner));
    collect(2);
    ck_assert(!kaa_gc_is_tracked(inner));
    ck_assert(kaa_gc_is_tracked(outer));
    collect(2);
    ck_assert(!kaa_gc_is_tracked(outer));
    Kaa_DECREF(outer);
}
END_TEST

START_TEST(test_dict_tracking_rules)
{
    KaaObject *d = KaaDict_New();
    ck_assert(!kaa_gc_is_tracked(d));
    KaaObject *one = int_(1);
    ck_assert_int_eq(KaaDict_SetItemString(d, "a", one), 0);
    ck_assert(!kaa_gc_is_tracked(d));
    // An untracked tuple value keeps it untracked; a tracked one doesn't.
    KaaObject *t = KaaTuple_Pack(1, one);
    collect(0);
    ck_assert(!kaa_gc_is_tracked(t));
    ck_assert_int_eq(KaaDict_SetItemString(d, "t", t), 0);
    ck_assert(!kaa_gc_is_tracked(d));
    KaaObject *l = KaaList_New(0);
    ck_assert_int_eq(KaaDict_SetItemString(d, "b", l), 0);
    ck_assert(kaa_gc_is_tracked(d));
    ck_assert_int_eq(KaaDict_DelItemString(d, "b"), 0);
    ck_assert(kaa_gc_is_tracked(d)); // deleting does not untrack
    collect(0);
    ck_assert(kaa_gc_is_tracked(d));
    collect(1);
    ck_assert(kaa_gc_is_tracked(d));
    collect(2); // only full collections untrack dicts
    ck_assert(!kaa_gc_is_tracked(d));
    // Even an empty dict as a value tracks it.
    KaaObject *e = KaaDict_New();
    ck_assert_int_eq(KaaDict_SetItemString(d, "e", e), 0);
    ck_assert(kaa_gc_is_tracked(d));
    // A dict holding a tracked dict stays tracked through a full collection.
    collect(2);
    ck_assert(kaa_gc_is_tracked(d));
    ck_assert(!kaa_gc_is_tracked(e));
    Kaa_DECREF(e);
    Kaa_DECREF(l);
    Kaa_DECREF(t);
    Kaa_DECREF(one);
    Kaa_DECREF(d);
    expect_output("import gc\n"
                  "d = {'a': 1}\n"
                  "print(gc.is_tracked(d), gc.is_tracked({}), gc.is_tracked(dict(a=1)))\n"
                  "d['b'] = []; print(gc.is_tracked(d))\n"
                  "del d['b']; gc.collect(1); print(gc.is_tracked(d))\n"
                  "gc.collect(); print(gc.is_tracked(d))\n",
                  "False False False\nTrue\nTrue\nFalse\n");
}
END_TEST

// --- Freeze, referrers, referents ----------------------------------------------------

START_TEST(test_freeze_and_unfreeze)
{
    collect(2);
    KaaObject *l = self_list();
    ck_assert_int_eq(kaa_gc_get_freeze_count(), 0);
    kaa_gc_freeze();
    Kaa_ssize_t frozen = kaa_gc_get_freeze_count();
    ck_assert_int_gt(frozen, 1);
    ck_assert_int_eq(kaa_gc_get_count(0), 0);
    ck_assert_int_eq(kaa_gc_get_count(1), 0);
    ck_assert_int_eq(kaa_gc_get_count(2), 0);
    // Frozen objects are invisible to get_objects and get_referrers.
    KaaObject *all = kaa_gc_get_objects(-1);
    ck_assert(!list_holds(all, l));
    Kaa_DECREF(all);
    KaaObject *refs = kaa_gc_get_referrers(&l, 1);
    ck_assert_int_eq(KaaList_GET_SIZE(refs), 0);
    Kaa_DECREF(refs);
    Kaa_DECREF(l); // garbage now, but frozen
    ck_assert_int_eq(collect(2), 0);
    ck_assert_int_eq(kaa_gc_get_freeze_count(), frozen);
    kaa_gc_unfreeze();
    ck_assert_int_eq(kaa_gc_get_freeze_count(), 0);
    KaaObject *gen2 = kaa_gc_get_objects(2);
    ck_assert(list_holds(gen2, l)); // unfrozen into the oldest generation
    Kaa_DECREF(gen2);
    ck_assert_int_eq(collect(2), 1);
    expect_output("import gc\n"
                  "gc.collect()\n"
                  "a = []; a.append(a)\n"
                  "gc.freeze()\n"
                  "print(gc.get_count(), gc.get_freeze_count() > 0)\n"
                  "del a\n"
                  "print(gc.collect())\n"
                  "gc.unfreeze()\n"
                  "print(gc.get_freeze_count(), gc.collect())\n",
                  "(0, 0, 0) True\n0\n0 1\n");
}
END_TEST

START_TEST(test_get_referrers)
{
    KaaObject *x = KaaList_New(0);
    KaaObject *holder = KaaList_New(0);
    KaaObject *other = KaaList_New(0);
    KaaObject *d = KaaDict_New();
    ck_assert_int_eq(KaaList_Append(holder, x), 0);
    ck_assert_int_eq(KaaDict_SetItemString(d, "x", x), 0);
    KaaObject *refs = kaa_gc_get_referrers(&x, 1);
    ck_assert(list_holds(refs, holder));
    ck_assert(list_holds(refs, d));
    ck_assert(!list_holds(refs, other));
    ck_assert(!list_holds(refs, x));
    Kaa_DECREF(refs);
    // An untracked container is never a referrer.
    KaaObject *i = int_(5);
    KaaObject *t = KaaTuple_Pack(1, i);
    collect(0);
    ck_assert(!kaa_gc_is_tracked(t));
    refs = kaa_gc_get_referrers(&i, 1);
    ck_assert(!list_holds(refs, t));
    Kaa_DECREF(refs);
    refs = kaa_gc_get_referrers(NULL, 0);
    ck_assert_int_eq(KaaList_GET_SIZE(refs), 0);
    Kaa_DECREF(refs);
    Kaa_DECREF(t);
    Kaa_DECREF(i);
    Kaa_DECREF(d);
    Kaa_DECREF(other);
    Kaa_DECREF(holder);
    Kaa_DECREF(x);
}
END_TEST

START_TEST(test_get_referents_order)
{
    KaaObject *l = KaaList_New(0);
    for (int v = 1; v <= 3; v++) {
        KaaObject *o = int_(v);
        ck_assert_int_eq(KaaList_Append(l, o), 0);
        Kaa_DECREF(o);
    }
    KaaObject *refs = kaa_gc_get_referents(&l, 1);
    ck_assert_int_eq(KaaList_GET_SIZE(refs), 3);
    for (int k = 0; k < 3; k++) {
        ck_assert_int_eq(KaaNumber_AsSsize_t(KaaList_GET_ITEM(refs, k), NULL), 3 - k);
    }
    Kaa_DECREF(refs);
    // Non-GC arguments contribute nothing.
    KaaObject *s = KaaStr_FromString("s");
    KaaObject *args[2] = {s, l};
    refs = kaa_gc_get_referents(args, 2);
    ck_assert_int_eq(KaaList_GET_SIZE(refs), 3);
    Kaa_DECREF(refs);
    Kaa_DECREF(s);
    Kaa_DECREF(l);
    expect_output("import gc\n"
                  "print(gc.get_referents((4, 5)), gc.get_referents({'a': 1, 'b': 2}),"
                  " gc.get_referents({1: 'x'}))\n"
                  "class B:\n"
                  "    pass\n"
                  "b = B(); b.x = 10; b.y = 'q'\n"
                  "print(gc.get_referents(b)[:2], gc.get_referents(b)[-1] is B)\n"
                  "b.__dict__\n"
                  "print(gc.get_referents(b))\n",
                  "[5, 4] [1, 2] ['x', 1]\n[10, 'q'] True\n"
                  "[{'x': 10, 'y': 'q'}, <class '__main__.B'>]\n");
}
END_TEST

// --- Debug flags ---------------------------------------------------------------------

START_TEST(test_debug_saveall)
{
    collect(2);
    // gc.garbage is created on first use (importing gc does it); the
    // collector only saves into an existing list.
    KaaObject *garbage = kaa_gc_garbage();
    kaa_gc_set_debug(KAA_GC_DEBUG_SAVEALL);
    ck_assert_int_eq(kaa_gc_get_debug(), KAA_GC_DEBUG_SAVEALL);
    KaaObject *l = self_list();
    Kaa_DECREF(l);
    ck_assert_int_eq(collect(2), 1);
    ck_assert_ptr_eq(kaa_gc_garbage(), garbage);
    ck_assert_int_eq(KaaList_GET_SIZE(garbage), 1);
    ck_assert_ptr_eq(KaaList_GET_ITEM(garbage, 0), l);
    ck_assert_int_eq(KaaList_GET_SIZE(l), 1); // kept intact, not cleared
    kaa_gc_set_debug(0);
    KaaObject *r = KaaObject_CallMethod(garbage, "clear", NULL, 0);
    ck_assert_ptr_nonnull(r);
    Kaa_DECREF(r);
    ck_assert_int_eq(collect(2), 1); // a plain cycle again
    ck_assert_int_eq(KaaList_GET_SIZE(kaa_gc_garbage()), 0);
}
END_TEST

START_TEST(test_debug_stats_and_collectable_output)
{
    collect(2);
    KaaObject *l = self_list();
    Kaa_DECREF(l);
    kaa_gc_set_debug(KAA_GC_DEBUG_STATS | KAA_GC_DEBUG_COLLECTABLE);
    stderr_begin();
    Kaa_ssize_t n = kaa_gc_collect(2);
    char *err = stderr_end();
    kaa_gc_set_debug(0);
    ck_assert_int_eq(n, 1);
    ck_assert_ptr_nonnull(strstr(err, "gc: collecting generation 2...\n"));
    ck_assert_ptr_nonnull(strstr(err, "gc: objects in each generation: "));
    ck_assert_ptr_nonnull(strstr(err, "gc: objects in permanent generation: 0\n"));
    ck_assert_ptr_nonnull(strstr(err, "gc: collectable <list 0x"));
    ck_assert_ptr_nonnull(strstr(err, "gc: done, 1 unreachable, 0 uncollectable, "));
    free(err);
    // Without flags: silent.
    l = self_list();
    Kaa_DECREF(l);
    stderr_begin();
    n = kaa_gc_collect(2);
    err = stderr_end();
    ck_assert_int_eq(n, 1);
    ck_assert_str_eq(err, "");
    free(err);
}
END_TEST

START_TEST(test_callbacks_see_collection)
{
    expect_output("import gc\n"
                  "log = []\n"
                  "def cb(phase, info):\n"
                  "    log.append((phase, info['generation'], info['collected']))\n"
                  "gc.collect()\n"
                  "gc.callbacks.append(cb)\n"
                  "a = []; a.append(a); b = {}; b['b'] = b\n"
                  "del a, b\n"
                  "n = gc.collect(1)\n"
                  "gc.callbacks.remove(cb)\n"
                  "print(n, log)\n",
                  "2 [('start', 1, 0), ('stop', 1, 2)]\n");
}
END_TEST

// --- KAA_GC_STRESS ---------------------------------------------------------------------

// The other tests count collections exactly: never inherit stress mode.
static void gc_setup(void)
{
    unsetenv("KAA_GC_STRESS");
    kaa_test_setup();
}

static void stress_setup(void)
{
    setenv("KAA_GC_STRESS", "1", 1);
    kaa_test_setup();
}

static void stress_teardown(void)
{
    kaa_test_teardown();
    unsetenv("KAA_GC_STRESS");
}

START_TEST(test_stress_mode_runs_programs_correctly)
{
    Kaa_ssize_t c0 = stat_collections(0);
    expect_output("import gc\n"
                  "class Node:\n"
                  "    def __init__(self, v):\n"
                  "        self.v = v\n"
                  "        self.peer = self\n"
                  "def make(n):\n"
                  "    x = []\n"
                  "    def inner():\n"
                  "        return x\n"
                  "    x.append(inner)\n"
                  "    return n\n"
                  "total = 0\n"
                  "for i in range(300):\n"
                  "    n = Node(i)\n"
                  "    l = [n, {'k': n}, (n, i), {n}]\n"
                  "    l.append(l)\n"
                  "    n.l = l\n"
                  "    total += make(n).v + len(l) + len(l[1]) + l[2][1]\n"
                  "words = {}\n"
                  "for w in 'the quick brown fox jumps over the lazy dog the end'.split():\n"
                  "    words[w] = words.get(w, 0) + 1\n"
                  "gens = [x * x for x in (y for y in range(50) if y % 2)]\n"
                  "print(total, sorted(words.items())[-2:], sum(gens))\n",
                  "91500 [('quick', 1), ('the', 3)] 20825\n");
    // Stress was on: a collection at (nearly) every container allocation.
    ck_assert_int_gt(stat_collections(0) - c0, 1000);
    // And everything made in cycles is found.
    expect_output("del n, l\n"
                  "print(gc.collect() > 0, gc.collect())\n",
                  "True 0\n");
}
END_TEST

// --- Deep structures ----------------------------------------------------------------

START_TEST(test_deep_structures_freed_by_refcounting)
{
    expect_output("import gc, _weakref\n"
                  "class Node:\n"
                  "    pass\n"
                  "class Tag:\n"
                  "    pass\n"
                  "tail = Node(); r = _weakref.ref(tail)\n"
                  "head = tail\n"
                  "for i in range(1000000):\n"
                  "    n = Node(); n.next = head; head = n\n"
                  "del n, tail\n"
                  "print(r() is None)\n"
                  "del head\n"
                  "print(r())\n"
                  "l = [Tag()]; r2 = _weakref.ref(l[0])\n"
                  "for i in range(200000):\n"
                  "    l = [l]\n"
                  "del l\n"
                  "print(r2())\n"
                  "d = {'t': Tag()}; r3 = _weakref.ref(d['t'])\n"
                  "for i in range(200000):\n"
                  "    d = {'d': d}\n"
                  "t = (Tag(),); r4 = _weakref.ref(t[0])\n"
                  "for i in range(200000):\n"
                  "    t = (t,)\n"
                  "del d, t\n"
                  "print(r3(), r4())\n",
                  "False\nNone\nNone\nNone None\n");
}
END_TEST

START_TEST(test_deep_cycle_freed_by_the_collector)
{
    // A long chain closed into a ring: the collector's tp_clear breaks it and
    // refcounting frees the rest.
    expect_output("import gc\n"
                  "class Node:\n"
                  "    pass\n"
                  "gc.collect()\n"
                  "first = Node(); n = first\n"
                  "for i in range(199999):\n"
                  "    m = Node(); n.next = m; n = m\n"
                  "n.next = first\n"
                  "del first, n, m\n"
                  "print(gc.collect())\n",
                  "200000\n");
}
END_TEST

static Suite *gc_suite(void)
{
    Suite *s = suite_create("gc");

    TCase *cycles = tcase_create("cycles");
    tcase_add_checked_fixture(cycles, gc_setup, kaa_test_teardown);
    tcase_add_test(cycles, test_list_self_cycle_is_freed);
    tcase_add_test(cycles, test_ring_of_n_lists);
    tcase_add_test(cycles, test_tuple_cycle_through_a_list);
    tcase_add_test(cycles, test_dict_self_cycle);
    tcase_add_test(cycles, test_dict_cycle_through_a_key);
    tcase_add_test(cycles, test_module_dict_cycle);
    tcase_add_test(cycles, test_instance_cycles_inline_and_materialized_dict);
    tcase_add_test(cycles, test_ring_of_instances);
    tcase_add_test(cycles, test_set_cycle);
    tcase_add_test(cycles, test_class_cycles);
    tcase_add_test(cycles, test_function_cycles);
    tcase_add_test(cycles, test_bound_method_and_super_cycles);
    tcase_add_test(cycles, test_property_cycle);
    tcase_add_test(cycles, test_generator_holding_itself);
    tcase_add_test(cycles, test_exception_traceback_cycles);
    tcase_add_test(cycles, test_weakref_cycles);
    suite_add_tcase(s, cycles);

    TCase *counts = tcase_create("counts");
    tcase_add_checked_fixture(counts, gc_setup, kaa_test_teardown);
    tcase_set_timeout(counts, 60);
    tcase_add_test(counts, test_collect_rejects_bad_generations);
    tcase_add_test(counts, test_collecting_g_zeroes_younger_and_bumps_next);
    tcase_add_test(counts, test_count0_follows_instance_allocations);
    tcase_add_test(counts, test_automatic_collection_thresholds);
    tcase_add_test(counts, test_automatic_collection_from_python);
    tcase_add_test(counts, test_full_collection_waits_for_25_percent);
    tcase_add_test(counts, test_stats_from_python);
    tcase_add_test(counts, test_get_objects_by_generation);
    suite_add_tcase(s, counts);

    TCase *fin = tcase_create("finalizers");
    tcase_add_checked_fixture(fin, gc_setup, kaa_test_teardown);
    tcase_add_test(fin, test_del_runs_once_on_a_cycle);
    tcase_add_test(fin, test_resurrection);
    tcase_add_test(fin, test_exception_in_del_is_reported_and_ignored);
    tcase_add_test(fin, test_callback_and_del_order);
    tcase_add_test(fin, test_collect_inside_del_returns_zero);
    tcase_add_test(fin, test_finalized_bit_in_the_header);
    suite_add_tcase(s, fin);

    TCase *track = tcase_create("tracking");
    tcase_add_checked_fixture(track, gc_setup, kaa_test_teardown);
    tcase_add_test(track, test_atoms_and_empty_tuple_never_tracked);
    tcase_add_test(track, test_tuple_of_atoms_untracked_by_any_collection);
    tcase_add_test(track, test_nested_tuples_need_two_collections);
    tcase_add_test(track, test_dict_tracking_rules);
    tcase_add_test(track, test_freeze_and_unfreeze);
    tcase_add_test(track, test_get_referrers);
    tcase_add_test(track, test_get_referents_order);
    tcase_add_test(track, test_debug_saveall);
    tcase_add_test(track, test_debug_stats_and_collectable_output);
    tcase_add_test(track, test_callbacks_see_collection);
    suite_add_tcase(s, track);

    TCase *stress = tcase_create("stress");
    tcase_add_checked_fixture(stress, stress_setup, stress_teardown);
    tcase_set_timeout(stress, 120);
    tcase_add_test(stress, test_stress_mode_runs_programs_correctly);
    suite_add_tcase(s, stress);

    TCase *deep = tcase_create("deep");
    tcase_add_checked_fixture(deep, gc_setup, kaa_test_teardown);
    tcase_set_timeout(deep, 120);
    tcase_add_test(deep, test_deep_structures_freed_by_refcounting);
    tcase_add_test(deep, test_deep_cycle_freed_by_the_collector);
    suite_add_tcase(s, deep);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(gc_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
