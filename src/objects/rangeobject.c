/* range, its iterators, and slice.
 *
 * A range keeps start, stop, step and length as ints of any size; the
 * arithmetic goes through the number protocol, with int64 shortcuts for the
 * common case. Iterating a range whose values fit in int64 uses a
 * range_iterator of C integers; bigger ones get a longrange_iterator, with
 * the same rules as CPython 3.11 for choosing (so type(iter(r)) agrees).
 * Neither ranges nor their iterators are GC objects: they hold only ints.
 */
#include <string.h>

#include "gc/gc.h"
#include "parse/ast.h"
#include "vm/vm.h"

#define RANGE(o) ((KaaRangeObject *)(o))

static int is_index(KaaObject *o)
{
    KaaNumberMethods *nb = Kaa_TYPE(o)->tp_as_number;
    return nb && nb->nb_index;
}

// True when o is an int held in int64 (stores it in *v).
static int small_int(KaaObject *o, int64_t *v)
{
    if (KaaInt_Check(o) && KaaInt_IS_SMALL(o)) {
        *v = ((KaaIntObject *)o)->value;
        return 1;
    }
    return 0;
}

static KaaObject *floor_div(KaaObject *a, KaaObject *b)
{
    return KaaNumber_BinaryOp(a, b, AST_FLOORDIV);
}

// --- Length and items ----------------------------------------------------------------

// Number of values of range(lo, hi, step) as an unsigned (get_len_of_range).
static uint64_t len_of_range(int64_t lo, int64_t hi, int64_t step)
{
    if (step > 0 && lo < hi) {
        return 1 + ((uint64_t)hi - 1 - (uint64_t)lo) / (uint64_t)step;
    }
    if (step < 0 && lo > hi) {
        return 1 + ((uint64_t)lo - 1 - (uint64_t)hi) / (0 - (uint64_t)step);
    }
    return 0;
}

// len(range(start, stop, step)) as an int (compute_range_length).
static KaaObject *compute_length(KaaObject *start, KaaObject *stop, KaaObject *step)
{
    int64_t a, b, c;
    if (small_int(start, &a) && small_int(stop, &b) && small_int(step, &c)) {
        uint64_t n = len_of_range(a, b, c);
        if (n <= INT64_MAX) {
            return KaaInt_FromInt64((int64_t)n);
        }
    }
    KaaObject *lo, *hi, *zero = KaaInt_FromInt64(0), *one = KaaInt_FromInt64(1);
    KaaObject *res = NULL, *tmp1 = NULL, *diff = NULL, *tmp2 = NULL;
    int positive = KaaInt_Sign(step) > 0;
    if (positive) {
        lo = start;
        hi = stop;
        step = Kaa_NewRef(step);
    } else {
        lo = stop;
        hi = start;
        step = KaaNumber_Negative(step);
        if (step == NULL) {
            goto done;
        }
    }
    int cmp = KaaObject_RichCompareBool(lo, hi, Kaa_GE);
    if (cmp != 0) {
        res = cmp > 0 ? Kaa_NewRef(zero) : NULL;
        goto done;
    }
    if ((tmp1 = KaaNumber_Subtract(hi, lo)) && (diff = KaaNumber_Subtract(tmp1, one)) &&
        (tmp2 = floor_div(diff, step))) {
        res = KaaNumber_Add(tmp2, one);
    }
done:
    Kaa_XDECREF(step);
    Kaa_XDECREF(tmp1);
    Kaa_XDECREF(diff);
    Kaa_XDECREF(tmp2);
    Kaa_DECREF(zero);
    Kaa_DECREF(one);
    return res;
}

// start + i * step, no bounds check (i an int).
static KaaObject *compute_item(KaaRangeObject *r, KaaObject *i)
{
    int64_t start, step, idx, prod, res;
    if (small_int(r->start, &start) && small_int(r->step, &step) && small_int(i, &idx) &&
        !__builtin_mul_overflow(idx, step, &prod) && !__builtin_add_overflow(start, prod, &res)) {
        return KaaInt_FromInt64(res);
    }
    KaaObject *incr = KaaNumber_Multiply(i, r->step);
    if (incr == NULL) {
        return NULL;
    }
    KaaObject *result = KaaNumber_Add(r->start, incr);
    Kaa_DECREF(incr);
    return result;
}

static KaaObject *index_error(void)
{
    KaaErr_SetString(KaaExc(IndexError), "range object index out of range");
    return NULL;
}

// r[arg] for an int arg, negative counting from the end.
static KaaObject *compute_range_item(KaaRangeObject *r, KaaObject *arg)
{
    int64_t a, len;
    if (small_int(arg, &a) && small_int(r->length, &len)) {
        if (a < 0) {
            a += len;
        }
        if (a < 0 || a >= len) {
            return index_error();
        }
        KaaObject *i = KaaInt_FromInt64(a);
        if (i == NULL) {
            return NULL;
        }
        KaaObject *res = compute_item(r, i);
        Kaa_DECREF(i);
        return res;
    }
    KaaObject *i;
    if (KaaInt_Sign(arg) < 0) {
        i = KaaNumber_Add(r->length, arg);
        if (i == NULL) {
            return NULL;
        }
    } else {
        i = Kaa_NewRef(arg);
    }
    int bad = KaaInt_Sign(i) < 0;
    if (!bad) {
        bad = KaaObject_RichCompareBool(r->length, i, Kaa_LE);
        if (bad < 0) {
            Kaa_DECREF(i);
            return NULL;
        }
    }
    if (bad) {
        Kaa_DECREF(i);
        return index_error();
    }
    KaaObject *res = compute_item(r, i);
    Kaa_DECREF(i);
    return res;
}

// --- Construction ------------------------------------------------------------------------

// Steals start, stop and step (ints; step not zero).
static KaaObject *make_range(KaaObject *start, KaaObject *stop, KaaObject *step)
{
    KaaObject *length = compute_length(start, stop, step);
    KaaRangeObject *r = NULL;
    if (length != NULL) {
        r = (KaaRangeObject *)KaaType_GenericAlloc(&KaaRange_Type, 0);
    }
    if (r == NULL) {
        Kaa_DECREF(start);
        Kaa_DECREF(stop);
        Kaa_DECREF(step);
        Kaa_XDECREF(length);
        return NULL;
    }
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = length;
    return (KaaObject *)r;
}

KaaObject *KaaRange_New(KaaObject *start, KaaObject *stop, KaaObject *step)
{
    if (KaaInt_Sign(step) == 0) {
        KaaErr_SetString(KaaExc(ValueError), "range() arg 3 must not be zero");
        return NULL;
    }
    return make_range(Kaa_NewRef(start), Kaa_NewRef(stop), Kaa_NewRef(step));
}

static KaaObject *range_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    if (kaa_container_no_kwargs("range", kwnames) < 0) {
        return NULL;
    }
    if (nargs == 0) {
        KaaErr_SetString(KaaExc(TypeError), "range expected at least 1 argument, got 0");
        return NULL;
    }
    if (nargs > 3) {
        KaaErr_Format(KaaExc(TypeError), "range expected at most 3 arguments, got %zd",
                      (Kaa_ssize_t)nargs);
        return NULL;
    }
    if (nargs == 1) {
        KaaObject *stop = KaaNumber_Index(args[0]);
        if (stop == NULL) {
            return NULL;
        }
        return make_range(KaaInt_FromInt64(0), stop, KaaInt_FromInt64(1));
    }
    KaaObject *start = KaaNumber_Index(args[0]);
    KaaObject *stop = start ? KaaNumber_Index(args[1]) : NULL;
    KaaObject *step = NULL;
    if (stop != NULL) {
        step = nargs == 3 ? KaaNumber_Index(args[2]) : KaaInt_FromInt64(1);
        if (step != NULL && KaaInt_Sign(step) == 0) {
            KaaErr_SetString(KaaExc(ValueError), "range() arg 3 must not be zero");
            Kaa_CLEAR(step);
        }
    }
    if (step == NULL) {
        Kaa_XDECREF(start);
        Kaa_XDECREF(stop);
        return NULL;
    }
    return make_range(start, stop, step);
}

// --- Slots --------------------------------------------------------------------------------

static void range_dealloc(KaaObject *o)
{
    KaaRangeObject *r = RANGE(o);
    Kaa_DECREF(r->start);
    Kaa_DECREF(r->stop);
    Kaa_DECREF(r->step);
    Kaa_DECREF(r->length);
    kaa_object_free(o);
}

static KaaObject *range_repr(KaaObject *o)
{
    KaaRangeObject *r = RANGE(o);
    int64_t step;
    if (small_int(r->step, &step) && step == 1) {
        return KaaStr_FromFormat("range(%R, %R)", r->start, r->stop);
    }
    return KaaStr_FromFormat("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static Kaa_ssize_t range_length(KaaObject *o)
{
    return KaaInt_AsSsize_t(RANGE(o)->length);
}

static int range_bool(KaaObject *o)
{
    return KaaInt_Sign(RANGE(o)->length) != 0;
}

static KaaObject *range_item(KaaObject *o, Kaa_ssize_t i)
{
    KaaObject *arg = KaaInt_FromSsize_t(i);
    if (arg == NULL) {
        return NULL;
    }
    KaaObject *res = compute_range_item(RANGE(o), arg);
    Kaa_DECREF(arg);
    return res;
}

// r[i:j:k] is a range too: its ends are items of r, its step r.step * k.
static KaaObject *range_slice(KaaRangeObject *r, KaaObject *slice)
{
    KaaObject *start, *stop, *step;
    if (kaa_slice_long_indices(slice, r->length, &start, &stop, &step) < 0) {
        return NULL;
    }
    KaaObject *substep = KaaNumber_Multiply(r->step, step);
    KaaObject *substart = substep ? compute_item(r, start) : NULL;
    KaaObject *substop = substart ? compute_item(r, stop) : NULL;
    Kaa_DECREF(start);
    Kaa_DECREF(stop);
    Kaa_DECREF(step);
    if (substop == NULL) {
        Kaa_XDECREF(substep);
        Kaa_XDECREF(substart);
        return NULL;
    }
    return make_range(substart, substop, substep);
}

static KaaObject *range_subscript(KaaObject *o, KaaObject *item)
{
    if (is_index(item)) {
        KaaObject *i = KaaNumber_Index(item);
        if (i == NULL) {
            return NULL;
        }
        KaaObject *res = compute_range_item(RANGE(o), i);
        Kaa_DECREF(i);
        return res;
    }
    if (KaaSlice_Check(item)) {
        return range_slice(RANGE(o), item);
    }
    return KaaErr_Format(KaaExc(TypeError), "range indices must be integers or slices, not %.200s",
                         Kaa_TYPE(item)->tp_name);
}

// ob in r for an int ob, in O(1) (range_contains_long).
static int contains_long(KaaRangeObject *r, KaaObject *ob)
{
    int64_t start, stop, step, v;
    if (small_int(r->start, &start) && small_int(r->stop, &stop) && small_int(r->step, &step) &&
        small_int(ob, &v)) {
        if (step > 0 ? !(start <= v && v < stop) : !(stop < v && v <= start)) {
            return 0;
        }
        uint64_t diff = step > 0 ? (uint64_t)v - (uint64_t)start : (uint64_t)start - (uint64_t)v;
        uint64_t ustep = step > 0 ? (uint64_t)step : 0 - (uint64_t)step;
        return diff % ustep == 0;
    }
    int cmp2, cmp3;
    if (KaaInt_Sign(r->step) > 0) {
        cmp2 = KaaObject_RichCompareBool(r->start, ob, Kaa_LE);
        cmp3 = KaaObject_RichCompareBool(ob, r->stop, Kaa_LT);
    } else {
        cmp2 = KaaObject_RichCompareBool(ob, r->start, Kaa_LE);
        cmp3 = KaaObject_RichCompareBool(r->stop, ob, Kaa_LT);
    }
    if (cmp2 < 0 || cmp3 < 0) {
        return -1;
    }
    if (cmp2 == 0 || cmp3 == 0) {
        return 0;
    }
    KaaObject *tmp1 = KaaNumber_Subtract(ob, r->start);
    KaaObject *tmp2 = tmp1 ? KaaNumber_BinaryOp(tmp1, r->step, AST_MOD) : NULL;
    Kaa_XDECREF(tmp1);
    if (tmp2 == NULL) {
        return -1;
    }
    int result = KaaInt_Sign(tmp2) == 0;
    Kaa_DECREF(tmp2);
    return result;
}

enum { SEARCH_COUNT, SEARCH_INDEX, SEARCH_CONTAINS };

// _PySequence_IterSearch for objects that are not ints: compare with ==.
static Kaa_ssize_t iter_search(KaaObject *seq, KaaObject *obj, int operation)
{
    KaaObject *it = KaaObject_GetIter(seq);
    if (it == NULL) {
        return -1;
    }
    Kaa_ssize_t n = 0, i = 0;
    int found = 0;
    KaaObject *item;
    while ((item = KaaIter_Next(it)) != NULL) {
        int cmp = KaaObject_RichCompareBool(item, obj, Kaa_EQ);
        Kaa_DECREF(item);
        if (cmp < 0) {
            Kaa_DECREF(it);
            return -1;
        }
        if (cmp > 0) {
            found = 1;
            if (operation == SEARCH_COUNT) {
                n++;
            } else {
                n = operation == SEARCH_INDEX ? i : 1;
                break;
            }
        }
        i++;
    }
    Kaa_DECREF(it);
    if (KaaErr_Occurred()) {
        return -1;
    }
    if (operation == SEARCH_INDEX && !found) {
        KaaErr_SetString(KaaExc(ValueError), "sequence.index(x): x not in sequence");
        return -1;
    }
    return n;
}

static int is_exact_int(KaaObject *o)
{
    return KaaInt_CheckExact(o) || KaaBool_Check(o);
}

static int range_contains(KaaObject *o, KaaObject *ob)
{
    if (is_exact_int(ob)) {
        return contains_long(RANGE(o), ob);
    }
    return (int)iter_search(o, ob, SEARCH_CONTAINS);
}

// range_equals: same length, and (if not empty) same start, and (if longer
// than one) same step.
static int range_equals(KaaRangeObject *r0, KaaRangeObject *r1)
{
    if (r0 == r1) {
        return 1;
    }
    int cmp = KaaObject_RichCompareBool(r0->length, r1->length, Kaa_EQ);
    if (cmp != 1) {
        return cmp;
    }
    if (KaaInt_Sign(r0->length) == 0) {
        return 1;
    }
    cmp = KaaObject_RichCompareBool(r0->start, r1->start, Kaa_EQ);
    if (cmp != 1) {
        return cmp;
    }
    int64_t len;
    if (small_int(r0->length, &len) && len == 1) {
        return 1;
    }
    return KaaObject_RichCompareBool(r0->step, r1->step, Kaa_EQ);
}

static KaaObject *range_richcompare(KaaObject *self, KaaObject *other, int op)
{
    if (Kaa_TYPE(other) != &KaaRange_Type || (op != Kaa_EQ && op != Kaa_NE)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    int r = range_equals(RANGE(self), RANGE(other));
    if (r < 0) {
        return NULL;
    }
    return KaaBool_FromLong(op == Kaa_EQ ? r : !r);
}

// hash((len, start, step)), with None for what equality ignores.
static Kaa_hash_t range_hash(KaaObject *o)
{
    KaaRangeObject *r = RANGE(o);
    KaaObject *start = Kaa_None, *step = Kaa_None;
    int64_t len;
    if (KaaInt_Sign(r->length) != 0) {
        start = r->start;
        if (!(small_int(r->length, &len) && len == 1)) {
            step = r->step;
        }
    }
    KaaObject *t = KaaTuple_Pack(3, r->length, start, step);
    if (t == NULL) {
        return -1;
    }
    Kaa_hash_t h = KaaObject_Hash(t);
    Kaa_DECREF(t);
    return h;
}

// --- Methods ---------------------------------------------------------------------------

static KaaObject *range_count(KaaObject *self, KaaObject *ob)
{
    if (is_exact_int(ob)) {
        int r = contains_long(RANGE(self), ob);
        return r < 0 ? NULL : KaaInt_FromInt64(r);
    }
    Kaa_ssize_t n = iter_search(self, ob, SEARCH_COUNT);
    return n < 0 ? NULL : KaaInt_FromSsize_t(n);
}

static KaaObject *range_index(KaaObject *self, KaaObject *ob)
{
    KaaRangeObject *r = RANGE(self);
    if (!is_exact_int(ob)) {
        Kaa_ssize_t i = iter_search(self, ob, SEARCH_INDEX);
        return i < 0 ? NULL : KaaInt_FromSsize_t(i);
    }
    int contains = contains_long(r, ob);
    if (contains < 0) {
        return NULL;
    }
    if (!contains) {
        return KaaErr_Format(KaaExc(ValueError), "%R is not in range", ob);
    }
    KaaObject *idx = KaaNumber_Subtract(ob, r->start);
    if (idx == NULL) {
        return NULL;
    }
    KaaObject *res = floor_div(idx, r->step);
    Kaa_DECREF(idx);
    return res;
}

// --- Iterators ------------------------------------------------------------------------------

typedef struct RangeIterObject {
    KaaObject_HEAD int64_t start, step, len; // next value, stride, values left
} RangeIterObject;

typedef struct LongRangeIterObject {
    KaaObject_HEAD KaaObject *start, *step, *len;
} LongRangeIterObject;

static KaaTypeObject LongRangeIter_Type;

static KaaObject *fast_range_iter(int64_t start, int64_t step, int64_t len)
{
    if (kaa_container_ready(&KaaRangeIter_Type) < 0) {
        return NULL;
    }
    RangeIterObject *it = (RangeIterObject *)KaaType_GenericAlloc(&KaaRangeIter_Type, 0);
    if (it != NULL) {
        it->start = start;
        it->step = step;
        it->len = len;
    }
    return (KaaObject *)it;
}

// Steals start, step and len.
static KaaObject *long_range_iter(KaaObject *start, KaaObject *step, KaaObject *len)
{
    LongRangeIterObject *it = NULL;
    if (start && step && len && kaa_container_ready(&LongRangeIter_Type) == 0) {
        it = (LongRangeIterObject *)KaaType_GenericAlloc(&LongRangeIter_Type, 0);
    }
    if (it == NULL) {
        Kaa_XDECREF(start);
        Kaa_XDECREF(step);
        Kaa_XDECREF(len);
        return NULL;
    }
    it->start = start;
    it->step = step;
    it->len = len;
    return (KaaObject *)it;
}

static KaaObject *range_iter(KaaObject *o)
{
    KaaRangeObject *r = RANGE(o);
    int64_t start, stop, step;
    if (small_int(r->start, &start) && small_int(r->stop, &stop) && small_int(r->step, &step)) {
        uint64_t ulen = len_of_range(start, stop, step);
        // The int version only if start + len * step cannot overflow.
        int fits = ulen <= INT64_MAX;
        if (fits && ulen) {
            fits = step > 0 ? stop <= INT64_MAX - (step - 1) : stop >= INT64_MIN + (-1 - step);
        }
        if (fits) {
            return fast_range_iter(start, step, (int64_t)ulen);
        }
    }
    return long_range_iter(Kaa_NewRef(r->start), Kaa_NewRef(r->step), Kaa_NewRef(r->length));
}

// reversed(range(start, stop, step)) is range(start + (n-1)*step, start - step, -step).
static KaaObject *range_reversed(KaaObject *o, KaaObject *unused)
{
    KaaRangeObject *r = RANGE(o);
    int64_t start, stop, step;
    if (small_int(r->start, &start) && small_int(r->stop, &stop) && small_int(r->step, &step) &&
        step != INT64_MIN) {
        int fits = step > 0 ? (uint64_t)start - (uint64_t)INT64_MIN >= (uint64_t)step
                            : (uint64_t)INT64_MAX - (uint64_t)start >= 0 - (uint64_t)step;
        uint64_t ulen = len_of_range(start, stop, step);
        if (fits && ulen <= INT64_MAX) {
            int64_t new_stop = start - step;
            int64_t new_start = (int64_t)((uint64_t)new_stop + ulen * (uint64_t)step);
            return fast_range_iter(new_start, -step, (int64_t)ulen);
        }
    }
    // start + (len - 1) * step, stepping by -step.
    KaaObject *one = KaaInt_FromInt64(1);
    KaaObject *lm1 = KaaNumber_Subtract(r->length, one);
    Kaa_DECREF(one);
    KaaObject *prod = lm1 ? KaaNumber_Multiply(lm1, r->step) : NULL;
    Kaa_XDECREF(lm1);
    KaaObject *new_start = prod ? KaaNumber_Add(r->start, prod) : NULL;
    Kaa_XDECREF(prod);
    return long_range_iter(new_start, KaaNumber_Negative(r->step), Kaa_NewRef(r->length));
}

static KaaObject *rangeiter_next(KaaObject *o)
{
    RangeIterObject *it = (RangeIterObject *)o;
    if (it->len <= 0) {
        return NULL;
    }
    int64_t result = it->start;
    it->start = (int64_t)((uint64_t)result + (uint64_t)it->step);
    it->len--;
    return KaaInt_FromInt64(result);
}

static KaaObject *rangeiter_len(KaaObject *o, KaaObject *unused)
{
    return KaaInt_FromInt64(((RangeIterObject *)o)->len);
}

static void longrangeiter_dealloc(KaaObject *o)
{
    LongRangeIterObject *it = (LongRangeIterObject *)o;
    Kaa_DECREF(it->start);
    Kaa_DECREF(it->step);
    Kaa_DECREF(it->len);
    kaa_object_free(o);
}

static KaaObject *longrangeiter_next(KaaObject *o)
{
    LongRangeIterObject *it = (LongRangeIterObject *)o;
    if (KaaInt_Sign(it->len) <= 0) {
        return NULL;
    }
    KaaObject *one = KaaInt_FromInt64(1);
    KaaObject *new_start = KaaNumber_Add(it->start, it->step);
    KaaObject *new_len = new_start ? KaaNumber_Subtract(it->len, one) : NULL;
    Kaa_DECREF(one);
    if (new_len == NULL) {
        Kaa_XDECREF(new_start);
        return NULL;
    }
    KaaObject *result = it->start;
    it->start = new_start;
    Kaa_SETREF(it->len, new_len);
    return result;
}

static KaaObject *longrangeiter_len(KaaObject *o, KaaObject *unused)
{
    return Kaa_NewRef(((LongRangeIterObject *)o)->len);
}

// --- slice -------------------------------------------------------------------------------------

#define SLICE(o) ((KaaSliceObject *)(o))

KaaObject *KaaSlice_New(KaaObject *start, KaaObject *stop, KaaObject *step)
{
    KaaSliceObject *s = (KaaSliceObject *)KaaType_GenericAlloc(&KaaSlice_Type, 0);
    if (s == NULL) {
        return NULL;
    }
    s->start = Kaa_NewRef(start ? start : Kaa_None);
    s->stop = Kaa_NewRef(stop ? stop : Kaa_None);
    s->step = Kaa_NewRef(step ? step : Kaa_None);
    KAA_GC_TRACK(s);
    return (KaaObject *)s;
}

// _PyEval_SliceIndex: None leaves *pi alone; big values are clipped.
static int slice_index(KaaObject *v, Kaa_ssize_t *pi)
{
    if (v == Kaa_None) {
        return 0;
    }
    if (!is_index(v)) {
        KaaErr_SetString(KaaExc(TypeError),
                         "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    Kaa_ssize_t x = KaaNumber_AsSsize_t(v, NULL);
    if (x == -1 && KaaErr_Occurred()) {
        return -1;
    }
    *pi = x;
    return 0;
}

int KaaSlice_Unpack(KaaObject *slice, Kaa_ssize_t *start, Kaa_ssize_t *stop, Kaa_ssize_t *step)
{
    KaaSliceObject *r = SLICE(slice);
    *step = 1;
    if (slice_index(r->step, step) < 0) {
        return -1;
    }
    if (*step == 0) {
        KaaErr_SetString(KaaExc(ValueError), "slice step cannot be zero");
        return -1;
    }
    // So that code doing step = -step stays defined.
    if (*step < -KAA_SSIZE_MAX) {
        *step = -KAA_SSIZE_MAX;
    }
    *start = *step < 0 ? KAA_SSIZE_MAX : 0;
    if (slice_index(r->start, start) < 0) {
        return -1;
    }
    *stop = *step < 0 ? KAA_SSIZE_MIN : KAA_SSIZE_MAX;
    if (slice_index(r->stop, stop) < 0) {
        return -1;
    }
    return 0;
}

Kaa_ssize_t KaaSlice_AdjustIndices(Kaa_ssize_t length, Kaa_ssize_t *start, Kaa_ssize_t *stop,
                                   Kaa_ssize_t step)
{
    if (*start < 0) {
        *start += length;
        if (*start < 0) {
            *start = step < 0 ? -1 : 0;
        }
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0) {
            *stop = step < 0 ? -1 : 0;
        }
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
        if (*stop < *start) {
            return (*start - *stop - 1) / (-step) + 1;
        }
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

// evaluate_slice_index: an int for a start/stop/step that is not None.
static KaaObject *slice_long_index(KaaObject *v)
{
    if (!is_index(v)) {
        KaaErr_SetString(KaaExc(TypeError),
                         "slice indices must be integers or None or have an __index__ method");
        return NULL;
    }
    return KaaNumber_Index(v);
}

// One end of the slice, clamped into [lower, upper] (negative counts from length).
static KaaObject *slice_long_end(KaaObject *v, KaaObject *length, KaaObject *lower,
                                 KaaObject *upper, KaaObject *dflt)
{
    if (v == Kaa_None) {
        return Kaa_NewRef(dflt);
    }
    KaaObject *x = slice_long_index(v);
    if (x == NULL) {
        return NULL;
    }
    int cmp;
    if (KaaInt_Sign(x) < 0) {
        Kaa_SETREF(x, KaaNumber_Add(x, length));
        if (x == NULL) {
            return NULL;
        }
        cmp = KaaObject_RichCompareBool(x, lower, Kaa_LT);
        if (cmp > 0) {
            Kaa_SETREF(x, Kaa_NewRef(lower));
        }
    } else {
        cmp = KaaObject_RichCompareBool(x, upper, Kaa_GT);
        if (cmp > 0) {
            Kaa_SETREF(x, Kaa_NewRef(upper));
        }
    }
    if (cmp < 0) {
        Kaa_DECREF(x);
        return NULL;
    }
    return x;
}

int kaa_slice_long_indices(KaaObject *slice, KaaObject *length, KaaObject **start, KaaObject **stop,
                           KaaObject **step)
{
    KaaSliceObject *s = SLICE(slice);
    KaaObject *len = NULL, *st = NULL, *lower = NULL, *upper = NULL;
    *start = *stop = *step = NULL;
    len = KaaNumber_Index(length);
    if (len == NULL) {
        return -1;
    }
    if (KaaInt_Sign(len) < 0) {
        KaaErr_SetString(KaaExc(ValueError), "length should not be negative");
        goto error;
    }
    st = s->step == Kaa_None ? KaaInt_FromInt64(1) : slice_long_index(s->step);
    if (st == NULL) {
        goto error;
    }
    if (KaaInt_Sign(st) == 0) {
        KaaErr_SetString(KaaExc(ValueError), "slice step cannot be zero");
        goto error;
    }
    int negative = KaaInt_Sign(st) < 0;
    if (negative) {
        lower = KaaInt_FromInt64(-1);
        upper = lower ? KaaNumber_Add(len, lower) : NULL;
    } else {
        lower = KaaInt_FromInt64(0);
        upper = Kaa_NewRef(len);
    }
    if (lower == NULL || upper == NULL) {
        goto error;
    }
    *start = slice_long_end(s->start, len, lower, upper, negative ? upper : lower);
    if (*start == NULL) {
        goto error;
    }
    *stop = slice_long_end(s->stop, len, lower, upper, negative ? lower : upper);
    if (*stop == NULL) {
        goto error;
    }
    *step = st;
    Kaa_DECREF(len);
    Kaa_DECREF(lower);
    Kaa_DECREF(upper);
    return 0;
error:
    Kaa_CLEAR(*start);
    Kaa_XDECREF(len);
    Kaa_XDECREF(st);
    Kaa_XDECREF(lower);
    Kaa_XDECREF(upper);
    return -1;
}

static KaaObject *slice_indices(KaaObject *self, KaaObject *len)
{
    KaaObject *start, *stop, *step;
    if (kaa_slice_long_indices(self, len, &start, &stop, &step) < 0) {
        return NULL;
    }
    KaaObject *t = KaaTuple_Pack(3, start, stop, step);
    Kaa_DECREF(start);
    Kaa_DECREF(stop);
    Kaa_DECREF(step);
    return t;
}

static KaaObject *slice_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    if (kaa_container_no_kwargs("slice", kwnames) < 0 ||
        kaa_container_check_nargs("slice", nargs, 1, 3) < 0) {
        return NULL;
    }
    if (nargs == 1) {
        return KaaSlice_New(NULL, args[0], NULL);
    }
    return KaaSlice_New(args[0], args[1], nargs > 2 ? args[2] : NULL);
}

static void slice_dealloc(KaaObject *o)
{
    KaaSliceObject *s = SLICE(o);
    kaa_gc_untrack_if_tracked(o);
    Kaa_DECREF(s->start);
    Kaa_DECREF(s->stop);
    Kaa_DECREF(s->step);
    kaa_object_free(o);
}

static int slice_traverse(KaaObject *o, visitproc visit, void *arg)
{
    Kaa_VISIT(SLICE(o)->start);
    Kaa_VISIT(SLICE(o)->stop);
    Kaa_VISIT(SLICE(o)->step);
    return 0;
}

static KaaObject *slice_repr(KaaObject *o)
{
    KaaSliceObject *s = SLICE(o);
    return KaaStr_FromFormat("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

// Slices compare as (start, stop, step) tuples.
static KaaObject *slice_richcompare(KaaObject *v, KaaObject *w, int op)
{
    if (!KaaSlice_Check(v) || !KaaSlice_Check(w)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    if (v == w) {
        return KaaBool_FromLong(op == Kaa_EQ || op == Kaa_LE || op == Kaa_GE);
    }
    KaaObject *t1 = KaaTuple_Pack(3, SLICE(v)->start, SLICE(v)->stop, SLICE(v)->step);
    KaaObject *t2 = t1 ? KaaTuple_Pack(3, SLICE(w)->start, SLICE(w)->stop, SLICE(w)->step) : NULL;
    KaaObject *res = t2 ? KaaObject_RichCompare(t1, t2, op) : NULL;
    Kaa_XDECREF(t1);
    Kaa_XDECREF(t2);
    return res;
}

// --- Type objects ------------------------------------------------------------------------------

static KaaMethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_len, KAA_METH_NOARGS, NULL},
    {NULL},
};

KaaTypeObject KaaRangeIter_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(RangeIterObject),
    .tp_dealloc = (destructor)kaa_object_free,
    .tp_iter = kaa_iter_self,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
};

static KaaMethodDef longrangeiter_methods[] = {
    {"__length_hint__", longrangeiter_len, KAA_METH_NOARGS, NULL},
    {NULL},
};

static KaaTypeObject LongRangeIter_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(LongRangeIterObject),
    .tp_dealloc = longrangeiter_dealloc,
    .tp_iter = kaa_iter_self,
    .tp_iternext = longrangeiter_next,
    .tp_methods = longrangeiter_methods,
};

static KaaMemberDef range_members[] = {
    {"start", KAA_T_OBJECT, offsetof(KaaRangeObject, start), 0, NULL},
    {"stop", KAA_T_OBJECT, offsetof(KaaRangeObject, stop), 0, NULL},
    {"step", KAA_T_OBJECT, offsetof(KaaRangeObject, step), 0, NULL},
    {NULL},
};

static KaaMethodDef range_methods[] = {
    {"__reversed__", range_reversed, KAA_METH_NOARGS, NULL},
    {"count", range_count, KAA_METH_O, NULL},
    {"index", range_index, KAA_METH_O, NULL},
    {NULL},
};

static KaaNumberMethods range_as_number = {
    .nb_bool = range_bool,
};

static KaaSequenceMethods range_as_sequence = {
    .sq_length = range_length,
    .sq_item = range_item,
    .sq_contains = range_contains,
};

static KaaMappingMethods range_as_mapping = {
    .mp_length = range_length,
    .mp_subscript = range_subscript,
};

KaaTypeObject KaaRange_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "range",
    .tp_basicsize = sizeof(KaaRangeObject),
    .tp_doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\n"
              "Return an object that produces a sequence of integers from start (inclusive)\n"
              "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
              "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
              "These are exactly the valid indices for a list of 4 elements.\n"
              "When step is given, it specifies the increment (or decrement).",
    .tp_dealloc = range_dealloc,
    .tp_repr = range_repr,
    .tp_hash = range_hash,
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_new = range_new,
    .tp_as_number = &range_as_number,
    .tp_as_sequence = &range_as_sequence,
    .tp_as_mapping = &range_as_mapping,
    .tp_methods = range_methods,
    .tp_members = range_members,
};

static KaaMemberDef slice_members[] = {
    {"start", KAA_T_OBJECT, offsetof(KaaSliceObject, start), 0, NULL},
    {"stop", KAA_T_OBJECT, offsetof(KaaSliceObject, stop), 0, NULL},
    {"step", KAA_T_OBJECT, offsetof(KaaSliceObject, step), 0, NULL},
    {NULL},
};

static KaaMethodDef slice_methods[] = {
    {"indices", slice_indices, KAA_METH_O, NULL},
    {NULL},
};

// Unhashable in 3.11: tp_richcompare without tp_hash keeps object's hash out.
KaaTypeObject KaaSlice_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "slice",
    .tp_basicsize = sizeof(KaaSliceObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used "
              "for extended slicing (e.g. a[0:10:2]).",
    .tp_dealloc = slice_dealloc,
    .tp_repr = slice_repr,
    .tp_richcompare = slice_richcompare,
    .tp_traverse = slice_traverse,
    .tp_new = slice_new,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
};

// Ready this file's private types at start-up (interp.c), so their namespaces
// are not built in the middle of a program.
int kaa_range_ready_types(void)
{
    if (KaaType_Ready(&LongRangeIter_Type) < 0) {
        return -1;
    }
    return 0;
}
