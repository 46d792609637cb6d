/* The builtins module: functions (print, len, ...) and the builtin types
 * under their Python names. Each function takes vectorcall arguments;
 * kaa_unpack_args() handles positional-or-keyword parameters uniformly.
 */
#include <string.h>

#include "gc/gc.h"
#include "objects/heaptype.h"
#include "vm/vm.h"

Kaa_hash_t kaa_hash_pointer(const void *p);

// Unpack args/kwnames into out[0..nparams) following kwlist (NULL entries in
// out for absent optional parameters). Return 0 or -1 with TypeError.
int kaa_unpack_args(const char *fname, KaaObject *const *args, size_t nargs, KaaObject *kwnames,
                    const char *const *kwlist, int nrequired, KaaObject **out)
{
    int nparams = 0;
    while (kwlist[nparams]) {
        nparams++;
    }
    for (int i = 0; i < nparams; i++) {
        out[i] = NULL;
    }
    if (nargs > (size_t)nparams) {
        KaaErr_Format(KaaExc(TypeError), "%s() takes at most %d argument%s (%zu given)", fname,
                      nparams, nparams == 1 ? "" : "s", nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    Kaa_ssize_t nkw = kwnames ? KaaTuple_GET_SIZE(kwnames) : 0;
    for (Kaa_ssize_t k = 0; k < nkw; k++) {
        KaaObject *name = KaaTuple_GET_ITEM(kwnames, k);
        int j;
        for (j = 0; j < nparams; j++) {
            if (kwlist[j][0] && KaaStr_EqualToASCII(name, kwlist[j])) {
                break;
            }
        }
        if (j == nparams) {
            KaaErr_Format(KaaExc(TypeError), "'%U' is an invalid keyword argument for %s()", name,
                          fname);
            return -1;
        }
        if (out[j]) {
            KaaErr_Format(KaaExc(TypeError), "argument for %s() given by name ('%s') and position (%d)",
                          fname, kwlist[j], j + 1);
            return -1;
        }
        out[j] = args[nargs + (size_t)k];
    }
    for (int i = 0; i < nrequired; i++) {
        if (out[i] == NULL) {
            KaaErr_Format(KaaExc(TypeError), "%s() missing required argument '%s' (pos %d)", fname,
                          kwlist[i], i + 1);
            return -1;
        }
    }
    return 0;
}

static int no_keywords(const char *fname, KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        KaaErr_Format(KaaExc(TypeError), "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

// "f expected N arguments, got M" for fixed-arity builtins.
static int check_arity(const char *fname, size_t nargs, size_t min, size_t max)
{
    if (nargs >= min && nargs <= max) {
        return 0;
    }
    if (min == max) {
        KaaErr_Format(KaaExc(TypeError), "%s expected %zu argument%s, got %zu", fname, min,
                      min == 1 ? "" : "s", nargs);
    } else if (nargs < min) {
        KaaErr_Format(KaaExc(TypeError), "%s expected at least %zu argument%s, got %zu", fname,
                      min, min == 1 ? "" : "s", nargs);
    } else {
        KaaErr_Format(KaaExc(TypeError), "%s expected at most %zu argument%s, got %zu", fname, max,
                      max == 1 ? "" : "s", nargs);
    }
    return -1;
}

// --- Output ------------------------------------------------------------------------

int kaa_print_to_stdout(KaaObject *s)
{
    if (s == NULL) {
        fputc('\n', stdout);
    } else {
        fwrite(KaaStr_DATA(s), 1, (size_t)KaaStr_NBYTES(s), stdout);
    }
    if (ferror(stdout)) {
        KaaErr_SetString(KaaExc(OSError), "[Errno 5] Input/output error");
        clearerr(stdout);
        return -1;
    }
    return 0;
}

static int write_separator(KaaObject *sep, const char *dflt)
{
    if (sep == NULL || sep == Kaa_None) {
        fputs(dflt, stdout);
        return 0;
    }
    return kaa_print_to_stdout(sep);
}

static KaaObject *builtin_print(KaaObject *self, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    KaaObject *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    Kaa_ssize_t nkw = kwnames ? KaaTuple_GET_SIZE(kwnames) : 0;
    for (Kaa_ssize_t k = 0; k < nkw; k++) {
        KaaObject *name = KaaTuple_GET_ITEM(kwnames, k);
        KaaObject *v = args[nargs + (size_t)k];
        if (KaaStr_EqualToASCII(name, "sep")) {
            sep = v;
        } else if (KaaStr_EqualToASCII(name, "end")) {
            end = v;
        } else if (KaaStr_EqualToASCII(name, "file")) {
            file = v;
        } else if (KaaStr_EqualToASCII(name, "flush")) {
            flush = v;
        } else {
            return KaaErr_Format(KaaExc(TypeError), "'%U' is an invalid keyword argument for print()",
                                 name);
        }
    }
    if (sep && sep != Kaa_None && !KaaStr_Check(sep)) {
        return KaaErr_Format(KaaExc(TypeError), "sep must be None or a string, not %s",
                             Kaa_TYPE(sep)->tp_name);
    }
    if (end && end != Kaa_None && !KaaStr_Check(end)) {
        return KaaErr_Format(KaaExc(TypeError), "end must be None or a string, not %s",
                             Kaa_TYPE(end)->tp_name);
    }
    if (file && file != Kaa_None) {
        return KaaErr_Format(KaaExc(NotImplementedError), "kaa's print() does not support file= yet");
    }
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0 && write_separator(sep, " ") < 0) {
            return NULL;
        }
        KaaObject *s = KaaObject_Str(args[i]);
        if (s == NULL) {
            return NULL;
        }
        int r = kaa_print_to_stdout(s);
        Kaa_DECREF(s);
        if (r < 0) {
            return NULL;
        }
    }
    if (write_separator(end, "\n") < 0) {
        return NULL;
    }
    if (flush && KaaObject_IsTrue(flush) == 1) {
        fflush(stdout);
    }
    Kaa_RETURN_NONE;
}

// --- Simple functions --------------------------------------------------------------

static KaaObject *builtin_len(KaaObject *self, KaaObject *o)
{
    Kaa_ssize_t n = KaaObject_Length(o);
    return n < 0 ? NULL : KaaInt_FromSsize_t(n);
}

static KaaObject *builtin_repr(KaaObject *self, KaaObject *o)
{
    return KaaObject_Repr(o);
}

static KaaObject *builtin_id(KaaObject *self, KaaObject *o)
{
    return KaaInt_FromInt64((int64_t)(intptr_t)o);
}

static KaaObject *builtin_abs(KaaObject *self, KaaObject *o)
{
    return KaaNumber_Absolute(o);
}

static KaaObject *builtin_hash(KaaObject *self, KaaObject *o)
{
    Kaa_hash_t h = KaaObject_Hash(o);
    return h == -1 ? NULL : KaaInt_FromInt64(h);
}

static KaaObject *builtin_callable(KaaObject *self, KaaObject *o)
{
    return KaaBool_FromLong(Kaa_TYPE(o)->tp_call != NULL);
}

static KaaObject *builtin_chr(KaaObject *self, KaaObject *o)
{
    if (!KaaInt_Check(o)) {
        return KaaErr_Format(KaaExc(TypeError), "'%s' object cannot be interpreted as an integer",
                             Kaa_TYPE(o)->tp_name);
    }
    int64_t v = KaaInt_AsInt64(o);
    if (v == -1 && KaaErr_Occurred()) {
        KaaErr_Clear();
        return KaaErr_Format(KaaExc(OverflowError), "Python int too large to convert to C int");
    }
    if (v < 0 || v > 0x10FFFF) {
        return KaaErr_Format(KaaExc(ValueError), "chr() arg not in range(0x110000)");
    }
    return KaaStr_FromCodepoint((uint32_t)v);
}

static KaaObject *builtin_ord(KaaObject *self, KaaObject *o)
{
    if (!KaaStr_Check(o)) {
        return KaaErr_Format(KaaExc(TypeError),
                             "ord() expected string of length 1, but %s found", Kaa_TYPE(o)->tp_name);
    }
    if (KaaStr_LEN(o) != 1) {
        return KaaErr_Format(KaaExc(TypeError),
                             "ord() expected a character, but string of length %zd found",
                             KaaStr_LEN(o));
    }
    const unsigned char *p = (const unsigned char *)KaaStr_DATA(o);
    uint32_t cp = p[0];
    if (cp >= 0xF0) {
        cp = ((cp & 7) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    } else if (cp >= 0xE0) {
        cp = ((cp & 15) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    } else if (cp >= 0xC0) {
        cp = ((cp & 31) << 6) | (p[1] & 0x3F);
    }
    return KaaInt_FromInt64(cp);
}

static KaaObject *builtin_isinstance(KaaObject *self, KaaObject *const *args, size_t nargs,
                                     KaaObject *kwnames)
{
    if (no_keywords("isinstance", kwnames) < 0 || check_arity("isinstance", nargs, 2, 2) < 0) {
        return NULL;
    }
    int r = KaaObject_IsInstance(args[0], args[1]);
    return r < 0 ? NULL : KaaBool_FromLong(r);
}

static KaaObject *builtin_issubclass(KaaObject *self, KaaObject *const *args, size_t nargs,
                                     KaaObject *kwnames)
{
    if (no_keywords("issubclass", kwnames) < 0 || check_arity("issubclass", nargs, 2, 2) < 0) {
        return NULL;
    }
    int r = KaaObject_IsSubclass(args[0], args[1]);
    return r < 0 ? NULL : KaaBool_FromLong(r);
}

static KaaObject *builtin_iter(KaaObject *self, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    if (no_keywords("iter", kwnames) < 0 || check_arity("iter", nargs, 1, 1) < 0) {
        return NULL;
    }
    return KaaObject_GetIter(args[0]);
}

static KaaObject *builtin_next(KaaObject *self, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    if (no_keywords("next", kwnames) < 0 || check_arity("next", nargs, 1, 2) < 0) {
        return NULL;
    }
    KaaObject *it = args[0];
    if (Kaa_TYPE(it)->tp_iternext == NULL) {
        return KaaErr_Format(KaaExc(TypeError), "'%s' object is not an iterator",
                             Kaa_TYPE(it)->tp_name);
    }
    KaaObject *v = Kaa_TYPE(it)->tp_iternext(it);
    if (v) {
        return v;
    }
    if (KaaErr_Occurred()) {
        if (nargs < 2 || !KaaErr_ExceptionMatches(KaaExc(StopIteration))) {
            return NULL;
        }
        KaaErr_Clear();
    }
    if (nargs == 2) {
        return Kaa_NewRef(args[1]);
    }
    KaaErr_SetNone(KaaExc(StopIteration));
    return NULL;
}

static KaaObject *builtin_getattr(KaaObject *self, KaaObject *const *args, size_t nargs,
                                  KaaObject *kwnames)
{
    if (no_keywords("getattr", kwnames) < 0 || check_arity("getattr", nargs, 2, 3) < 0) {
        return NULL;
    }
    if (!KaaStr_Check(args[1])) {
        return KaaErr_Format(KaaExc(TypeError), "attribute name must be string, not '%s'",
                             Kaa_TYPE(args[1])->tp_name);
    }
    if (nargs == 3) {
        KaaObject *v;
        int r = KaaObject_LookupAttr(args[0], args[1], &v);
        if (r < 0) {
            return NULL;
        }
        return r ? v : Kaa_NewRef(args[2]);
    }
    return KaaObject_GetAttr(args[0], args[1]);
}

static KaaObject *builtin_setattr(KaaObject *self, KaaObject *const *args, size_t nargs,
                                  KaaObject *kwnames)
{
    if (no_keywords("setattr", kwnames) < 0 || check_arity("setattr", nargs, 3, 3) < 0) {
        return NULL;
    }
    if (KaaObject_SetAttr(args[0], args[1], args[2]) < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *builtin_delattr(KaaObject *self, KaaObject *const *args, size_t nargs,
                                  KaaObject *kwnames)
{
    if (no_keywords("delattr", kwnames) < 0 || check_arity("delattr", nargs, 2, 2) < 0) {
        return NULL;
    }
    if (KaaObject_SetAttr(args[0], args[1], NULL) < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *builtin_hasattr(KaaObject *self, KaaObject *const *args, size_t nargs,
                                  KaaObject *kwnames)
{
    if (no_keywords("hasattr", kwnames) < 0 || check_arity("hasattr", nargs, 2, 2) < 0) {
        return NULL;
    }
    if (!KaaStr_Check(args[1])) {
        return KaaErr_Format(KaaExc(TypeError), "attribute name must be string, not '%s'",
                             Kaa_TYPE(args[1])->tp_name);
    }
    KaaObject *v;
    int r = KaaObject_LookupAttr(args[0], args[1], &v);
    if (r < 0) {
        return NULL;
    }
    Kaa_XDECREF(v);
    return KaaBool_FromLong(r);
}

// any()/all(): stop at the first item whose truth is `stop_on`.
static KaaObject *any_all(KaaObject *iterable, int stop_on)
{
    KaaObject *it = KaaObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    KaaObject *x;
    while ((x = KaaIter_Next(it)) != NULL) {
        int t = KaaObject_IsTrue(x);
        Kaa_DECREF(x);
        if (t < 0) {
            Kaa_DECREF(it);
            return NULL;
        }
        if (t == stop_on) {
            Kaa_DECREF(it);
            return KaaBool_FromLong(stop_on);
        }
    }
    Kaa_DECREF(it);
    return KaaErr_Occurred() ? NULL : KaaBool_FromLong(!stop_on);
}

static KaaObject *builtin_any(KaaObject *self, KaaObject *o)
{
    return any_all(o, 1);
}

static KaaObject *builtin_all(KaaObject *self, KaaObject *o)
{
    return any_all(o, 0);
}

static KaaObject *builtin_sum(KaaObject *self, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    static const char *const kwlist[] = {"", "start", NULL};
    KaaObject *a[2];
    if (kaa_unpack_args("sum", args, nargs, kwnames, kwlist, 1, a) < 0) {
        return NULL;
    }
    KaaObject *start = a[1] ? a[1] : NULL;
    if (start && KaaStr_Check(start)) {
        return KaaErr_Format(KaaExc(TypeError), "sum() can't sum strings [use ''.join(seq) instead]");
    }
    KaaObject *total = start ? Kaa_NewRef(start) : KaaInt_FromInt64(0);
    KaaObject *it = KaaObject_GetIter(a[0]);
    if (it == NULL) {
        Kaa_DECREF(total);
        return NULL;
    }
    KaaObject *x;
    while ((x = KaaIter_Next(it)) != NULL) {
        KaaObject *t = KaaNumber_Add(total, x);
        Kaa_DECREF(x);
        Kaa_DECREF(total);
        total = t;
        if (total == NULL) {
            break;
        }
    }
    Kaa_DECREF(it);
    if (total && KaaErr_Occurred()) {
        Kaa_CLEAR(total);
    }
    return total;
}

// min() and max(): op is Kaa_LT for min, Kaa_GT for max.
static KaaObject *min_max(KaaObject *const *args, size_t nargs, KaaObject *kwnames, int op,
                          const char *name)
{
    KaaObject *key = NULL, *dflt = NULL;
    Kaa_ssize_t nkw = kwnames ? KaaTuple_GET_SIZE(kwnames) : 0;
    for (Kaa_ssize_t k = 0; k < nkw; k++) {
        KaaObject *kn = KaaTuple_GET_ITEM(kwnames, k);
        if (KaaStr_EqualToASCII(kn, "key")) {
            key = args[nargs + (size_t)k];
        } else if (KaaStr_EqualToASCII(kn, "default")) {
            dflt = args[nargs + (size_t)k];
        } else {
            return KaaErr_Format(KaaExc(TypeError), "%s() got an unexpected keyword argument '%U'",
                                 name, kn);
        }
    }
    if (key == Kaa_None) {
        key = NULL;
    }
    if (nargs == 0) {
        return KaaErr_Format(KaaExc(TypeError), "%s expected at least 1 argument, got 0", name);
    }
    if (nargs > 1 && dflt) {
        return KaaErr_Format(KaaExc(TypeError),
                             "Cannot specify a default for %s() with multiple positional arguments",
                             name);
    }
    KaaObject *it = nargs == 1 ? KaaObject_GetIter(args[0]) : NULL;
    if (nargs == 1 && it == NULL) {
        return NULL;
    }
    KaaObject *best = NULL, *bestkey = NULL;
    for (size_t i = 0;; i++) {
        KaaObject *x;
        if (it) {
            x = KaaIter_Next(it);
            if (x == NULL) {
                break;
            }
        } else {
            if (i == nargs) {
                break;
            }
            x = Kaa_NewRef(args[i]);
        }
        KaaObject *k = key ? KaaObject_CallOneArg(key, x) : Kaa_NewRef(x);
        if (k == NULL) {
            Kaa_DECREF(x);
            goto fail;
        }
        if (best == NULL) {
            best = x;
            bestkey = k;
            continue;
        }
        int better = KaaObject_RichCompareBool(k, bestkey, op);
        if (better < 0) {
            Kaa_DECREF(x);
            Kaa_DECREF(k);
            goto fail;
        }
        if (better) {
            Kaa_SETREF(best, x);
            Kaa_SETREF(bestkey, k);
        } else {
            Kaa_DECREF(x);
            Kaa_DECREF(k);
        }
    }
    if (KaaErr_Occurred()) {
        goto fail;
    }
    Kaa_XDECREF(it);
    Kaa_XDECREF(bestkey);
    if (best == NULL) {
        if (dflt) {
            return Kaa_NewRef(dflt);
        }
        return KaaErr_Format(KaaExc(ValueError), "%s() arg is an empty sequence", name);
    }
    return best;
fail:
    Kaa_XDECREF(it);
    Kaa_XDECREF(best);
    Kaa_XDECREF(bestkey);
    return NULL;
}

static KaaObject *builtin_min(KaaObject *self, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    return min_max(args, nargs, kwnames, Kaa_LT, "min");
}

static KaaObject *builtin_max(KaaObject *self, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    return min_max(args, nargs, kwnames, Kaa_GT, "max");
}

static KaaObject *builtin_sorted(KaaObject *self, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames)
{
    if (nargs != 1) {
        return KaaErr_Format(KaaExc(TypeError), "sorted expected 1 argument, got %zu", nargs);
    }
    KaaObject *list = KaaSequence_List(args[0]);
    if (list == NULL) {
        return NULL;
    }
    KaaObject *sort = KaaObject_GetAttrString(list, "sort");
    KaaObject *r = sort ? KaaObject_Vectorcall(sort, args + 1, 0, kwnames) : NULL;
    Kaa_XDECREF(sort);
    if (r == NULL) {
        Kaa_DECREF(list);
        return NULL;
    }
    Kaa_DECREF(r);
    return list;
}

static KaaObject *builtin_divmod(KaaObject *self, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames)
{
    if (no_keywords("divmod", kwnames) < 0 || check_arity("divmod", nargs, 2, 2) < 0) {
        return NULL;
    }
    KaaObject *a = args[0], *b = args[1];
    binaryfunc fa = Kaa_TYPE(a)->tp_as_number ? Kaa_TYPE(a)->tp_as_number->nb_divmod : NULL;
    binaryfunc fb = Kaa_TYPE(b)->tp_as_number ? Kaa_TYPE(b)->tp_as_number->nb_divmod : NULL;
    if (fa) {
        KaaObject *r = fa(a, b);
        if (r != Kaa_NotImplemented) {
            return r;
        }
        Kaa_DECREF(r);
    }
    if (fb && fb != fa) {
        KaaObject *r = fb(a, b);
        if (r != Kaa_NotImplemented) {
            return r;
        }
        Kaa_DECREF(r);
    }
    return KaaErr_Format(KaaExc(TypeError), "unsupported operand type(s) for divmod(): '%s' and '%s'",
                         Kaa_TYPE(a)->tp_name, Kaa_TYPE(b)->tp_name);
}

static KaaObject *builtin_pow(KaaObject *self, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    static const char *const kwlist[] = {"base", "exp", "mod", NULL};
    KaaObject *a[3];
    if (kaa_unpack_args("pow", args, nargs, kwnames, kwlist, 2, a) < 0) {
        return NULL;
    }
    if (a[2] == NULL || a[2] == Kaa_None) {
        return KaaNumber_BinaryOp(a[0], a[1], 6);
    }
    ternaryfunc f = Kaa_TYPE(a[0])->tp_as_number ? Kaa_TYPE(a[0])->tp_as_number->nb_power : NULL;
    KaaObject *r = f ? f(a[0], a[1], a[2]) : Kaa_NewRef(Kaa_NotImplemented);
    if (r == Kaa_NotImplemented) {
        Kaa_DECREF(r);
        return KaaErr_Format(KaaExc(TypeError),
                             "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                             Kaa_TYPE(a[0])->tp_name, Kaa_TYPE(a[1])->tp_name,
                             Kaa_TYPE(a[2])->tp_name);
    }
    return r;
}

static KaaObject *builtin_round(KaaObject *self, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    static const char *const kwlist[] = {"number", "ndigits", NULL};
    KaaObject *a[2];
    if (kaa_unpack_args("round", args, nargs, kwnames, kwlist, 1, a) < 0) {
        return NULL;
    }
    KaaObject *meth = kaa_type_lookup(Kaa_TYPE(a[0]), KaaStr_InternFromString("__round__"));
    if (meth == NULL) {
        return KaaErr_Format(KaaExc(TypeError), "type %s doesn't define __round__ method",
                             Kaa_TYPE(a[0])->tp_name);
    }
    KaaObject *argv[2] = {a[0], a[1]};
    size_t n = (a[1] && a[1] != Kaa_None) ? 2 : 1;
    // Call the unbound descriptor with the number as self.
    return KaaObject_Vectorcall(meth, argv, n, NULL);
}

static KaaObject *int_base_format(KaaObject *o, int base)
{
    KaaObject *i = KaaNumber_Index(o);
    if (i == NULL) {
        return NULL;
    }
    KaaObject *r = kaa_int_format_base(i, base);
    Kaa_DECREF(i);
    return r;
}

static KaaObject *builtin_hex(KaaObject *self, KaaObject *o)
{
    return int_base_format(o, 16);
}

static KaaObject *builtin_oct(KaaObject *self, KaaObject *o)
{
    return int_base_format(o, 8);
}

static KaaObject *builtin_bin(KaaObject *self, KaaObject *o)
{
    return int_base_format(o, 2);
}

static KaaObject *builtin_format(KaaObject *self, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames)
{
    if (no_keywords("format", kwnames) < 0 || check_arity("format", nargs, 1, 2) < 0) {
        return NULL;
    }
    if (nargs == 2 && !KaaStr_Check(args[1])) {
        return KaaErr_Format(KaaExc(TypeError), "format() argument 2 must be str, not %s",
                             kaa_arg_type_name(args[1]));
    }
    return KaaObject_Format(args[0], nargs == 2 ? args[1] : NULL);
}

static KaaObject *builtin_ascii(KaaObject *self, KaaObject *o)
{
    return KaaObject_ASCII(o);
}

static KaaObject *builtin_globals(KaaObject *self, KaaObject *unused)
{
    if (kaa_ts.frame == NULL) {
        return KaaErr_Format(KaaExc(SystemError), "globals(): no current frame");
    }
    return Kaa_NewRef(kaa_ts.frame->globals);
}

KaaObject *kaa_build_class(KaaObject *self, KaaObject *const *args, size_t nargs,
                           KaaObject *kwnames);

static KaaMethodDef builtin_methods[] = {
    {"__build_class__", kaa_build_class, KAA_METH_FASTCALL},
    {"print", builtin_print, KAA_METH_FASTCALL},
    {"len", builtin_len, KAA_METH_O},
    {"repr", builtin_repr, KAA_METH_O},
    {"ascii", builtin_ascii, KAA_METH_O},
    {"format", builtin_format, KAA_METH_FASTCALL},
    {"id", builtin_id, KAA_METH_O},
    {"abs", builtin_abs, KAA_METH_O},
    {"hash", builtin_hash, KAA_METH_O},
    {"callable", builtin_callable, KAA_METH_O},
    {"chr", builtin_chr, KAA_METH_O},
    {"ord", builtin_ord, KAA_METH_O},
    {"any", builtin_any, KAA_METH_O},
    {"all", builtin_all, KAA_METH_O},
    {"hex", builtin_hex, KAA_METH_O},
    {"oct", builtin_oct, KAA_METH_O},
    {"bin", builtin_bin, KAA_METH_O},
    {"globals", builtin_globals, KAA_METH_NOARGS},
    {"isinstance", builtin_isinstance, KAA_METH_FASTCALL},
    {"issubclass", builtin_issubclass, KAA_METH_FASTCALL},
    {"iter", builtin_iter, KAA_METH_FASTCALL},
    {"next", builtin_next, KAA_METH_FASTCALL},
    {"getattr", builtin_getattr, KAA_METH_FASTCALL},
    {"setattr", builtin_setattr, KAA_METH_FASTCALL},
    {"delattr", builtin_delattr, KAA_METH_FASTCALL},
    {"hasattr", builtin_hasattr, KAA_METH_FASTCALL},
    {"sum", builtin_sum, KAA_METH_FASTCALL},
    {"min", builtin_min, KAA_METH_FASTCALL},
    {"max", builtin_max, KAA_METH_FASTCALL},
    {"sorted", builtin_sorted, KAA_METH_FASTCALL},
    {"divmod", builtin_divmod, KAA_METH_FASTCALL},
    {"pow", builtin_pow, KAA_METH_FASTCALL},
    {"round", builtin_round, KAA_METH_FASTCALL},
    {NULL},
};

KaaObject *kaa_builtins_init(void)
{
    KaaObject *m = KaaModule_New("builtins");
    if (m == NULL || KaaModule_AddFunctions(m, builtin_methods) < 0) {
        Kaa_XDECREF(m);
        return NULL;
    }
    struct {
        const char *name;
        KaaObject *value;
    } objects[] = {
        {"None", Kaa_None},
        {"True", Kaa_True},
        {"False", Kaa_False},
        {"Ellipsis", Kaa_Ellipsis},
        {"NotImplemented", Kaa_NotImplemented},
        {"object", (KaaObject *)&KaaBaseObject_Type},
        {"type", (KaaObject *)&KaaType_Type},
        {"int", (KaaObject *)&KaaInt_Type},
        {"bool", (KaaObject *)&KaaBool_Type},
        {"float", (KaaObject *)&KaaFloat_Type},
        {"str", (KaaObject *)&KaaStr_Type},
        {"tuple", (KaaObject *)&KaaTuple_Type},
        {"list", (KaaObject *)&KaaList_Type},
        {"dict", (KaaObject *)&KaaDict_Type},
        {"set", (KaaObject *)&KaaSet_Type},
        {"frozenset", (KaaObject *)&KaaFrozenSet_Type},
        {"range", (KaaObject *)&KaaRange_Type},
        {"slice", (KaaObject *)&KaaSlice_Type},
        {"super", (KaaObject *)&KaaSuper_Type},
        {"property", (KaaObject *)&KaaProperty_Type},
        {"staticmethod", (KaaObject *)&KaaStaticMethod_Type},
        {"classmethod", (KaaObject *)&KaaClassMethod_Type},
    };
    for (size_t i = 0; i < sizeof objects / sizeof objects[0]; i++) {
        KaaObject *v = objects[i].value;
        if (KaaType_HasFeature(Kaa_TYPE(v), KAA_TPFLAGS_TYPE_SUBCLASS) &&
            KaaType_Ready((KaaTypeObject *)v) < 0) {
            Kaa_DECREF(m);
            return NULL;
        }
        if (KaaModule_AddObjectRef(m, objects[i].name, v) < 0) {
            Kaa_DECREF(m);
            return NULL;
        }
    }
    return m;
}
