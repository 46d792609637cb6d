/* The builtins module: functions (print, len, ...) and the builtin types
 * under their Python names. Each function takes vectorcall arguments;
 * kaa_unpack_args() handles positional-or-keyword parameters uniformly.
 */
#include <string.h>

#include "gc/gc.h"
#include "objects/fileobject.h"
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

// Write the str s to file: kaa's file objects directly, anything else through
// its write() method; file NULL (no sys.stdout: shutdown) means C stdout.
static int write_to(KaaObject *file, KaaObject *s)
{
    if (file == NULL) {
        return kaa_print_to_stdout(s);
    }
    if (KaaFile_Check(file)) {
        return kaa_file_write(file, s);
    }
    KaaObject *r = KaaObject_CallMethod(file, "write", &s, 1);
    if (r == NULL) {
        return -1;
    }
    Kaa_DECREF(r);
    return 0;
}

static int flush_file(KaaObject *file)
{
    if (file == NULL) {
        fflush(stdout);
        return 0;
    }
    if (KaaFile_Check(file)) {
        return kaa_file_flush(file);
    }
    KaaObject *r = KaaObject_CallMethod(file, "flush", NULL, 0);
    Kaa_XDECREF(r);
    return r ? 0 : -1;
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
    if (file == NULL || file == Kaa_None) {
        file = kaa_sys_stream("stdout");
        if (file == Kaa_None) {
            Kaa_RETURN_NONE; // sys.stdout = None silences print, as in CPython
        }
    }
    if (sep == NULL || sep == Kaa_None) {
        sep = KaaStr_InternFromString(" ");
    }
    if (end == NULL || end == Kaa_None) {
        end = KaaStr_InternFromString("\n");
    }
    // A write() may rebind sys.stdout: keep the file alive meanwhile.
    Kaa_XINCREF(file);
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0 && write_to(file, sep) < 0) {
            goto error;
        }
        KaaObject *s = KaaObject_Str(args[i]);
        if (s == NULL) {
            goto error;
        }
        int r = write_to(file, s);
        Kaa_DECREF(s);
        if (r < 0) {
            goto error;
        }
    }
    if (write_to(file, end) < 0) {
        goto error;
    }
    if (flush) {
        int t = KaaObject_IsTrue(flush);
        if (t < 0 || (t && flush_file(file) < 0)) {
            goto error;
        }
    }
    Kaa_XDECREF(file);
    Kaa_RETURN_NONE;
error:
    Kaa_XDECREF(file);
    return NULL;
}

// input([prompt]) when stdin is not a terminal driven by readline: write the
// prompt to sys.stdout, then sys.stdin.readline() without its newline.
static KaaObject *builtin_input(KaaObject *self, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    if (no_keywords("input", kwnames) < 0 || check_arity("input", nargs, 0, 1) < 0) {
        return NULL;
    }
    KaaObject *fin = kaa_sys_stream("stdin");
    KaaObject *fout = kaa_sys_stream("stdout");
    KaaObject *ferr = kaa_sys_stream("stderr");
    if (fin == NULL || fin == Kaa_None) {
        return KaaErr_Format(KaaExc(RuntimeError), "input(): lost sys.stdin");
    }
    if (fout == NULL || fout == Kaa_None) {
        return KaaErr_Format(KaaExc(RuntimeError), "input(): lost sys.stdout");
    }
    Kaa_INCREF(fin);
    Kaa_INCREF(fout);
    KaaObject *line = NULL;
    if (ferr && ferr != Kaa_None && flush_file(ferr) < 0) {
        KaaErr_Clear();
    }
    if (nargs == 1) {
        KaaObject *s = KaaObject_Str(args[0]);
        int r = s ? write_to(fout, s) : -1;
        Kaa_XDECREF(s);
        if (r < 0) {
            goto done;
        }
    }
    if (flush_file(fout) < 0) {
        KaaErr_Clear();
    }
    line = KaaFile_Check(fin) ? kaa_file_readline(fin)
                              : KaaObject_CallMethod(fin, "readline", NULL, 0);
    if (line == NULL) {
        goto done;
    }
    if (!KaaStr_Check(line)) {
        Kaa_CLEAR(line);
        KaaErr_SetString(KaaExc(TypeError), "object.readline() returned non-string");
        goto done;
    }
    Kaa_ssize_t n = KaaStr_NBYTES(line);
    if (n == 0) {
        Kaa_CLEAR(line);
        KaaErr_SetString(KaaExc(EOFError), "EOF when reading a line");
    } else if (KaaStr_DATA(line)[n - 1] == '\n') {
        Kaa_SETREF(line, KaaStr_FromStringAndSize(KaaStr_DATA(line), n - 1));
    }
done:
    Kaa_DECREF(fin);
    Kaa_DECREF(fout);
    return line;
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

// __import__(name, globals=None, locals=None, fromlist=(), level=0): what
// the import statement calls (the eval loop goes straight to the importer
// unless a program replaced builtins.__import__).
KaaObject *kaa_builtin___import__(KaaObject *self, KaaObject *const *args, size_t nargs,
                                  KaaObject *kwnames)
{
    static const char *const kwlist[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    KaaObject *a[5] = {NULL};
    if (kaa_unpack_args("__import__", args, nargs, kwnames, kwlist, 1, a) < 0) {
        return NULL;
    }
    if (!KaaStr_Check(a[0])) {
        return KaaErr_Format(KaaExc(TypeError), "__import__() argument 1 must be str, not %s",
                             Kaa_TYPE(a[0])->tp_name);
    }
    int level = 0;
    if (a[4]) {
        int64_t lv = KaaInt_AsInt64(a[4]);
        if (lv == -1 && KaaErr_Occurred()) {
            return NULL;
        }
        if (lv < 0) {
            return KaaErr_Format(KaaExc(ValueError), "level must be >= 0");
        }
        level = (int)lv;
    }
    KaaObject *globals = a[1] && KaaDict_Check(a[1]) ? a[1] : NULL;
    if (level > 0 && globals == NULL) {
        return KaaErr_Format(KaaExc(KeyError), "'__name__' not in globals");
    }
    return kaa_import_name(a[0], a[3] ? a[3] : Kaa_None, level, globals);
}

static KaaObject *builtin_ord(KaaObject *self, KaaObject *o)
{
    if (KaaBytes_Check(o) || KaaByteArray_Check(o)) {
        Kaa_ssize_t n = Kaa_SIZE(o);
        if (n != 1) {
            return KaaErr_Format(KaaExc(TypeError),
                                 "ord() expected a character, but string of length %zd found", n);
        }
        const char *data = KaaBytes_Check(o) ? KaaBytes_AS_STRING(o) : KaaByteArray_AS_STRING(o);
        return KaaInt_FromInt64((unsigned char)data[0]);
    }
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

// locals(): the namespace of module and class bodies, or a function's
// variables (vm/eval.c's kaa_frame_locals).
static KaaObject *builtin_locals(KaaObject *self, KaaObject *unused)
{
    if (kaa_ts.frame == NULL) {
        return KaaErr_Format(KaaExc(SystemError), "locals(): no current frame");
    }
    return kaa_frame_locals(kaa_ts.frame);
}

static KaaObject *builtin_vars(KaaObject *self, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    if (no_keywords("vars", kwnames) < 0 || check_arity("vars", nargs, 0, 1) < 0) {
        return NULL;
    }
    if (nargs == 0) {
        return builtin_locals(self, NULL);
    }
    KaaObject *d;
    int r = KaaObject_LookupAttr(args[0], kaa_id.__dict__, &d);
    if (r == 0) {
        return KaaErr_Format(KaaExc(TypeError), "vars() argument must have __dict__ attribute");
    }
    return r < 0 ? NULL : d;
}

// Add the keys of dict `from` to the dict `names` (used as a set).
static int merge_keys(KaaObject *names, KaaObject *from)
{
    Kaa_ssize_t pos = 0;
    KaaObject *k, *v;
    while (KaaDict_Next(from, &pos, &k, &v)) {
        if (KaaDict_SetItem(names, k, Kaa_None) < 0) {
            return -1;
        }
    }
    return 0;
}

// The attribute names of a class and all its bases (type.__dir__).
static int merge_class(KaaObject *names, KaaTypeObject *t)
{
    if (!(t->tp_flags & KAA_TPFLAGS_READY) && KaaType_Ready(t) < 0) {
        return -1;
    }
    KaaObject *mro = t->tp_mro;
    for (Kaa_ssize_t i = 0; mro && i < KaaTuple_GET_SIZE(mro); i++) {
        KaaTypeObject *base = (KaaTypeObject *)KaaTuple_GET_ITEM(mro, i);
        if (base->tp_dict && merge_keys(names, base->tp_dict) < 0) {
            return -1;
        }
    }
    return 0;
}

// __dir__ defined by a class in Python, or NULL (borrowed).
static KaaObject *user_dir_method(KaaTypeObject *t)
{
    KaaObject *name = KaaStr_InternFromString("__dir__");
    KaaObject *mro = t->tp_mro;
    for (Kaa_ssize_t i = 0; name && mro && i < KaaTuple_GET_SIZE(mro); i++) {
        KaaTypeObject *base = (KaaTypeObject *)KaaTuple_GET_ITEM(mro, i);
        KaaObject *m = base->tp_dict ? KaaDict_GetItemString(base->tp_dict, "__dir__") : NULL;
        if (m) {
            return (base->tp_flags & KAA_TPFLAGS_HEAPTYPE) ? m : NULL;
        }
    }
    return NULL;
}

// The unsorted names dir(o) shows: a new list, or NULL.
static KaaObject *dir_names(KaaObject *o)
{
    KaaObject *meth = user_dir_method(Kaa_TYPE(o));
    if (meth) {
        KaaObject *res = KaaObject_CallOneArg(meth, o);
        KaaObject *list = res ? KaaSequence_List(res) : NULL;
        Kaa_XDECREF(res);
        return list;
    }
    if (KaaModule_Check(o)) {
        return KaaDict_Keys(KaaModule_GetDict(o));
    }
    KaaObject *names = KaaDict_New();
    if (names == NULL) {
        return NULL;
    }
    int r;
    if (KaaType_HasFeature(Kaa_TYPE(o), KAA_TPFLAGS_TYPE_SUBCLASS)) {
        r = merge_class(names, (KaaTypeObject *)o);
    } else {
        // object.__dir__: the instance's __dict__, then its class's attributes.
        KaaObject *d;
        r = KaaObject_LookupAttr(o, kaa_id.__dict__, &d);
        if (r > 0) {
            r = KaaDict_Check(d) ? merge_keys(names, d) : 0;
            Kaa_DECREF(d);
        }
        if (r >= 0) {
            r = merge_class(names, Kaa_TYPE(o));
        }
    }
    KaaObject *list = r < 0 ? NULL : KaaDict_Keys(names);
    Kaa_DECREF(names);
    return list;
}

KaaObject *KaaObject_Dir(KaaObject *o)
{
    KaaObject *list;
    if (o == NULL) {
        KaaObject *loc = builtin_locals(NULL, NULL);
        if (loc == NULL) {
            return NULL;
        }
        list = KaaDict_Check(loc) ? KaaDict_Keys(loc) : KaaSequence_List(loc);
        Kaa_DECREF(loc);
    } else {
        list = dir_names(o);
    }
    if (list && KaaList_Sort(list) < 0) {
        Kaa_CLEAR(list);
    }
    return list;
}

static KaaObject *builtin_dir(KaaObject *self, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    if (no_keywords("dir", kwnames) < 0 || check_arity("dir", nargs, 0, 1) < 0) {
        return NULL;
    }
    return KaaObject_Dir(nargs ? args[0] : NULL);
}

// exit()/quit(): CPython's site.Quitter raise SystemExit(code).
static KaaObject *builtin_exit(KaaObject *self, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    static const char *const kwlist[] = {"code", NULL};
    KaaObject *a[1];
    if (kaa_unpack_args("exit", args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    KaaErr_SetObject(KaaExc(SystemExit), a[0]);
    return NULL;
}

KaaObject *kaa_build_class(KaaObject *self, KaaObject *const *args, size_t nargs,
                           KaaObject *kwnames);

// compile(source, filename, mode): a code object.
static KaaObject *builtin_compile(KaaObject *self, KaaObject *const *args, size_t nargs,
                                  KaaObject *kwnames)
{
    static const char *const kwlist[] = {"source", "filename", "mode", "flags", "dont_inherit",
                                         "optimize", NULL};
    KaaObject *a[6];
    if (kaa_unpack_args("compile", args, nargs, kwnames, kwlist, 3, a) < 0) {
        return NULL;
    }
    if (!KaaStr_Check(a[0])) {
        if (KaaCode_Check(a[0])) {
            return Kaa_NewRef(a[0]);
        }
        return KaaErr_Format(KaaExc(TypeError), "compile() arg 1 must be a string, bytes or AST object");
    }
    if (!KaaStr_Check(a[1]) || !KaaStr_Check(a[2])) {
        return KaaErr_Format(KaaExc(TypeError), "compile() argument must be str");
    }
    KaaCompileMode mode;
    if (KaaStr_EqualToASCII(a[2], "exec")) {
        mode = KAA_MODE_EXEC;
    } else if (KaaStr_EqualToASCII(a[2], "eval")) {
        mode = KAA_MODE_EVAL;
    } else if (KaaStr_EqualToASCII(a[2], "single")) {
        mode = KAA_MODE_SINGLE;
    } else {
        return KaaErr_Format(KaaExc(ValueError),
                             "compile() mode must be 'exec', 'eval' or 'single'");
    }
    kaa_source_register(KaaStr_DATA(a[1]), KaaStr_DATA(a[0]), (size_t)KaaStr_NBYTES(a[0]));
    return Kaa_CompileString(KaaStr_DATA(a[0]), (size_t)KaaStr_NBYTES(a[0]), KaaStr_DATA(a[1]),
                             mode);
}

// exec()/eval(): run source or a code object in the given (or current) namespaces.
static KaaObject *run_source(const char *fname, KaaObject *const *args, size_t nargs,
                             KaaObject *kwnames, KaaCompileMode mode)
{
    static const char *const kwlist[] = {"source", "globals", "locals", NULL};
    KaaObject *a[3];
    if (kaa_unpack_args(fname, args, nargs, kwnames, kwlist, 1, a) < 0) {
        return NULL;
    }
    KaaObject *globals = a[1] && a[1] != Kaa_None ? a[1] : NULL;
    KaaObject *locals = a[2] && a[2] != Kaa_None ? a[2] : NULL;
    KaaObject *snapshot = NULL; // a function's variables, when no namespace is given
    if (globals && !KaaDict_Check(globals)) {
        return KaaErr_Format(KaaExc(TypeError), "%s() globals must be a dict, not %s", fname,
                             Kaa_TYPE(globals)->tp_name);
    }
    if (globals == NULL) {
        if (kaa_ts.frame == NULL) {
            return KaaErr_Format(KaaExc(SystemError), "%s(): no current frame", fname);
        }
        globals = kaa_ts.frame->globals;
        if (locals == NULL && kaa_ts.frame->locals) {
            locals = kaa_ts.frame->locals;
        } else if (locals == NULL) {
            snapshot = locals = builtin_locals(NULL, NULL);
            if (snapshot == NULL) {
                return NULL;
            }
        }
    }
    if (locals == NULL) {
        locals = globals;
    }
    KaaObject *code = NULL;
    if (KaaDict_GetItemString(globals, "__builtins__") == NULL &&
        KaaDict_SetItemString(globals, "__builtins__", kaa_interp.builtins_module) < 0) {
        Kaa_XDECREF(snapshot);
        return NULL;
    }
    if (KaaCode_Check(a[0])) {
        code = Kaa_NewRef(a[0]);
    } else if (KaaStr_Check(a[0])) {
        // eval() ignores leading spaces and tabs, as CPython's does.
        const char *src = KaaStr_DATA(a[0]);
        size_t len = (size_t)KaaStr_NBYTES(a[0]);
        while (mode == KAA_MODE_EVAL && len && (*src == ' ' || *src == '\t')) {
            src++;
            len--;
        }
        kaa_source_register("<string>", src, len);
        code = Kaa_CompileString(src, len, "<string>", mode);
    } else {
        KaaErr_Format(KaaExc(TypeError), "%s() arg 1 must be a string, bytes or code object",
                      fname);
    }
    if (code == NULL) {
        Kaa_XDECREF(snapshot);
        return NULL;
    }
    KaaObject *r = Kaa_EvalCode(code, globals, locals);
    Kaa_DECREF(code);
    Kaa_XDECREF(snapshot);
    if (r && mode == KAA_MODE_EXEC) {
        Kaa_DECREF(r);
        Kaa_RETURN_NONE;
    }
    return r;
}

static KaaObject *builtin_exec(KaaObject *self, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    return run_source("exec", args, nargs, kwnames, KAA_MODE_EXEC);
}

static KaaObject *builtin_eval(KaaObject *self, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    return run_source("eval", args, nargs, kwnames, KAA_MODE_EVAL);
}
// The lazy iterator types (objects/enumobject.c).
extern KaaTypeObject KaaEnum_Type, KaaZip_Type, KaaMap_Type, KaaFilter_Type, KaaReversed_Type;

static KaaMethodDef builtin_methods[] = {
    {"__build_class__", kaa_build_class, KAA_METH_FASTCALL},
    {"compile", builtin_compile, KAA_METH_FASTCALL},
    {"exec", builtin_exec, KAA_METH_FASTCALL},
    {"eval", builtin_eval, KAA_METH_FASTCALL},
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
    {"__import__", kaa_builtin___import__, KAA_METH_FASTCALL},
    {"any", builtin_any, KAA_METH_O},
    {"all", builtin_all, KAA_METH_O},
    {"hex", builtin_hex, KAA_METH_O},
    {"oct", builtin_oct, KAA_METH_O},
    {"bin", builtin_bin, KAA_METH_O},
    {"globals", builtin_globals, KAA_METH_NOARGS},
    {"locals", builtin_locals, KAA_METH_NOARGS},
    {"vars", builtin_vars, KAA_METH_FASTCALL},
    {"dir", builtin_dir, KAA_METH_FASTCALL},
    {"input", builtin_input, KAA_METH_FASTCALL},
    {"open", kaa_builtin_open, KAA_METH_FASTCALL},
    {"exit", builtin_exit, KAA_METH_FASTCALL},
    {"quit", builtin_exit, KAA_METH_FASTCALL},
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
        {"__debug__", Kaa_True},
        {"object", (KaaObject *)&KaaBaseObject_Type},
        {"type", (KaaObject *)&KaaType_Type},
        {"int", (KaaObject *)&KaaInt_Type},
        {"bool", (KaaObject *)&KaaBool_Type},
        {"float", (KaaObject *)&KaaFloat_Type},
        {"complex", (KaaObject *)&KaaComplex_Type},
        {"str", (KaaObject *)&KaaStr_Type},
        {"bytes", (KaaObject *)&KaaBytes_Type},
        {"bytearray", (KaaObject *)&KaaByteArray_Type},
        {"memoryview", (KaaObject *)&KaaMemoryView_Type},
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
        {"enumerate", (KaaObject *)&KaaEnum_Type},
        {"zip", (KaaObject *)&KaaZip_Type},
        {"map", (KaaObject *)&KaaMap_Type},
        {"filter", (KaaObject *)&KaaFilter_Type},
        {"reversed", (KaaObject *)&KaaReversed_Type},
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
