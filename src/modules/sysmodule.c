/* The sys module: what the memory-watching programs need (getrefcount,
 * _debugmallocstats, recursion limit) plus argv, exit, modules and the
 * version facts. stdout/stderr file objects arrive with the io work.
 */
#include <limits.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "objects/fileobject.h"
#include "objects/structseq.h"
#include "vm/vm.h"

static KaaObject *sys_getrefcount(KaaObject *m, KaaObject *o)
{
    // The argument slot of the call holds one of the references, as in CPython.
    return KaaInt_FromSsize_t(Kaa_REFCNT(o));
}

// sys.getsizeof(object[, default]): the type's __sizeof__() plus the header
// in front of the object (the GC head of containers), as CPython's
// _PySys_GetSizeOf. Returns (size_t)-1 with an exception set on failure.
static size_t sizeof_object(KaaObject *o)
{
    KaaObject *descr = kaa_type_lookup(Kaa_TYPE(o), kaa_id.__sizeof__);
    if (descr == NULL) {
        if (!KaaErr_Occurred()) {
            KaaErr_Format(KaaExc(TypeError), "Type %s doesn't define __sizeof__",
                          Kaa_TYPE(o)->tp_name);
        }
        return (size_t)-1;
    }
    // A special method: looked up on the type, then bound to o.
    Kaa_INCREF(descr);
    descrgetfunc get = Kaa_TYPE(descr)->tp_descr_get;
    KaaObject *method = get ? get(descr, o, (KaaObject *)Kaa_TYPE(o)) : Kaa_NewRef(descr);
    Kaa_DECREF(descr);
    if (method == NULL) {
        return (size_t)-1;
    }
    KaaObject *res = KaaObject_CallNoArgs(method);
    Kaa_DECREF(method);
    if (res == NULL) {
        return (size_t)-1;
    }
    if (!KaaInt_Check(res)) {
        Kaa_DECREF(res);
        KaaErr_SetString(KaaExc(TypeError), "an integer is required");
        return (size_t)-1;
    }
    Kaa_ssize_t size = KaaInt_AsSsize_t(res);
    Kaa_DECREF(res);
    if (size == -1 && KaaErr_Occurred()) {
        return (size_t)-1;
    }
    if (size < 0) {
        KaaErr_SetString(KaaExc(ValueError), "__sizeof__() should return >= 0");
        return (size_t)-1;
    }
    return (size_t)size + (KaaObject_IS_GC(o) ? sizeof(KaaGC_Head) : 0);
}

// Arguments as CPython's "O|O:getsizeof" with keywords (object, default):
// the count first, then each parameter, then unknown keywords.
static KaaObject *sys_getsizeof(KaaObject *m, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    static const char *const names[2] = {"object", "default"};
    Kaa_ssize_t nkw = kwnames ? KaaTuple_GET_SIZE(kwnames) : 0;
    if (nargs + (size_t)nkw > 2) {
        return KaaErr_Format(KaaExc(TypeError), "getsizeof() takes at most 2 arguments (%zu given)",
                             nargs + (size_t)nkw);
    }
    KaaObject *a[2] = {NULL, NULL};
    Kaa_ssize_t used = 0;
    for (int i = 0; i < 2; i++) {
        KaaObject *kw = NULL;
        for (Kaa_ssize_t k = 0; k < nkw; k++) {
            if (KaaStr_EqualToASCII(KaaTuple_GET_ITEM(kwnames, k), names[i])) {
                kw = args[nargs + (size_t)k];
                break;
            }
        }
        if ((size_t)i < nargs) {
            if (kw) {
                return KaaErr_Format(KaaExc(TypeError),
                                     "argument for getsizeof() given by name ('%s') and position "
                                     "(%d)",
                                     names[i], i + 1);
            }
            a[i] = args[i];
        } else if (kw) {
            a[i] = kw;
            used++;
        } else if (i == 0) {
            return KaaErr_Format(KaaExc(TypeError),
                                 "getsizeof() missing required argument 'object' (pos 1)");
        }
    }
    if (used < nkw) {
        for (Kaa_ssize_t k = 0; k < nkw; k++) {
            KaaObject *name = KaaTuple_GET_ITEM(kwnames, k);
            if (!KaaStr_EqualToASCII(name, names[0]) && !KaaStr_EqualToASCII(name, names[1])) {
                return KaaErr_Format(KaaExc(TypeError),
                                     "'%U' is an invalid keyword argument for getsizeof()", name);
            }
        }
    }
    size_t size = sizeof_object(a[0]);
    if (size == (size_t)-1 && KaaErr_Occurred()) {
        if (a[1] && KaaErr_ExceptionMatches(KaaExc(TypeError))) {
            KaaErr_Clear();
            return Kaa_NewRef(a[1]);
        }
        return NULL;
    }
    return KaaInt_FromSsize_t((Kaa_ssize_t)size);
}

static KaaObject *sys_debugmallocstats(KaaObject *m, KaaObject *unused)
{
    fflush(stdout);
    kaa_mem_debug_stats(stderr);
    fflush(stderr);
    Kaa_RETURN_NONE;
}

// sys._getframe(depth=0): the frame object of the caller, or depth frames up.
static KaaObject *sys_getframe(KaaObject *m, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    static const char *const kwlist[] = {"", NULL};
    KaaObject *a[1] = {NULL};
    if (kaa_unpack_args("_getframe", args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    int64_t depth = 0;
    if (a[0]) {
        depth = KaaInt_AsInt64(a[0]);
        if (depth == -1 && KaaErr_Occurred()) {
            return NULL;
        }
    }
    KaaFrame *f = kaa_ts.frame;
    while (depth-- > 0 && f) {
        f = f->previous;
    }
    if (f == NULL) {
        return KaaErr_Format(KaaExc(ValueError), "call stack is not deep enough");
    }
    return kaa_frame_object(f);
}

static KaaObject *sys_getrecursionlimit(KaaObject *m, KaaObject *unused)
{
    return KaaInt_FromInt64(kaa_ts.recursion_limit);
}

static KaaObject *sys_setrecursionlimit(KaaObject *m, KaaObject *arg)
{
    if (KaaFloat_Check(arg)) {
        return KaaErr_Format(KaaExc(TypeError), "'float' object cannot be interpreted as an integer");
    }
    KaaObject *i = KaaNumber_Index(arg);
    if (i == NULL) {
        return NULL;
    }
    int64_t v = KaaInt_AsInt64(i);
    Kaa_DECREF(i);
    if ((v == -1 && KaaErr_Occurred()) || v > INT_MAX) {
        KaaErr_Clear();
        return KaaErr_Format(KaaExc(OverflowError), "Python int too large to convert to C int");
    }
    if (v < 1) {
        return KaaErr_Format(KaaExc(ValueError), "recursion limit must be greater or equal than 1");
    }
    if (v <= kaa_ts.recursion_depth) {
        return KaaErr_Format(KaaExc(RecursionError),
                             "cannot set the recursion limit to %d at the recursion depth %d: the "
                             "limit is too low",
                             (int)v, kaa_ts.recursion_depth);
    }
    kaa_ts.recursion_limit = (int)v;
    Kaa_RETURN_NONE;
}

static KaaObject *sys_exit(KaaObject *m, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        return KaaErr_Format(KaaExc(TypeError), "exit() takes no keyword arguments");
    }
    if (nargs > 1) {
        return KaaErr_Format(KaaExc(TypeError), "exit expected at most 1 argument, got %zu", nargs);
    }
    KaaErr_SetObject(KaaExc(SystemExit), nargs ? args[0] : NULL);
    return NULL;
}

static KaaObject *sys_intern(KaaObject *m, KaaObject *s)
{
    if (!KaaStr_CheckExact(s)) {
        return KaaErr_Format(KaaExc(TypeError), "intern() argument must be str, not %s",
                             Kaa_TYPE(s)->tp_name);
    }
    KaaObject *r = Kaa_NewRef(s);
    KaaStr_InternInPlace(&r);
    return r;
}

// (type, value, traceback) of the exception being handled, or three Nones.
static KaaObject *sys_exc_info(KaaObject *m, KaaObject *unused)
{
    KaaObject *exc = kaa_ts.handled;
    if (exc == NULL) {
        return KaaTuple_Pack(3, Kaa_None, Kaa_None, Kaa_None);
    }
    KaaObject *tb = ((KaaBaseExceptionObject *)exc)->traceback;
    return KaaTuple_Pack(3, (KaaObject *)Kaa_TYPE(exc), exc, tb ? tb : Kaa_None);
}

static KaaObject *sys_exception(KaaObject *m, KaaObject *unused)
{
    return kaa_ts.handled ? Kaa_NewRef(kaa_ts.handled) : kaa_none_ref();
}

static KaaMethodDef sys_methods[] = {
    {"exc_info", sys_exc_info, KAA_METH_NOARGS},
    {"exception", sys_exception, KAA_METH_NOARGS},
    {"getrefcount", sys_getrefcount, KAA_METH_O},
    {"getsizeof", sys_getsizeof, KAA_METH_FASTCALL},
    {"_debugmallocstats", sys_debugmallocstats, KAA_METH_NOARGS},
    {"getrecursionlimit", sys_getrecursionlimit, KAA_METH_NOARGS},
    {"_getframe", sys_getframe, KAA_METH_FASTCALL},
    {"setrecursionlimit", sys_setrecursionlimit, KAA_METH_O},
    {"exit", sys_exit, KAA_METH_FASTCALL},
    {"intern", sys_intern, KAA_METH_O},
    {NULL},
};

static int add_new(KaaObject *m, const char *name, KaaObject *v)
{
    if (v == NULL) {
        return -1;
    }
    int r = KaaModule_AddObjectRef(m, name, v);
    Kaa_DECREF(v);
    return r;
}

// sys.implementation: which Python this is (kaa, speaking 3.11).
static int add_implementation(KaaObject *m)
{
    KaaObject *d = KaaDict_New();
    KaaObject *ns = NULL;
    KaaObject *name = KaaStr_FromString("kaa");
    KaaObject *hex = KaaInt_FromInt64(0x030B07F0);
    KaaObject *vi = KaaDict_GetItemString(KaaModule_GetDict(m), "version_info");
    if (d && name && hex && vi && KaaDict_SetItemString(d, "name", name) == 0 &&
        KaaDict_SetItemString(d, "cache_tag", Kaa_None) == 0 &&
        KaaDict_SetItemString(d, "version", vi) == 0 &&
        KaaDict_SetItemString(d, "hexversion", hex) == 0) {
        ns = kaa_namespace_new(d);
    }
    Kaa_XDECREF(d);
    Kaa_XDECREF(name);
    Kaa_XDECREF(hex);
    return add_new(m, "implementation", ns);
}

// sys.version_info: a struct sequence, as in CPython.
static KaaMemberDef version_info_fields[] = {
    KAA_STRUCTSEQ_FIELD("major", 0),        KAA_STRUCTSEQ_FIELD("minor", 1),
    KAA_STRUCTSEQ_FIELD("micro", 2),        KAA_STRUCTSEQ_FIELD("releaselevel", 3),
    KAA_STRUCTSEQ_FIELD("serial", 4),       {NULL},
};

static KaaTypeObject VersionInfo_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "sys.version_info",
    .tp_flags = KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_TUPLE_SUBCLASS,
    .tp_base = &KaaTuple_Type,
    .tp_repr = kaa_structseq_repr,
    .tp_new = kaa_structseq_no_new,
    .tp_members = version_info_fields,
};

static KaaObject *make_version_info(void)
{
    KaaObject *items[5] = {KaaInt_FromInt64(3), KaaInt_FromInt64(11), KaaInt_FromInt64(7),
                           KaaStr_FromString("final"), KaaInt_FromInt64(0)};
    KaaObject *v = NULL;
    if (items[0] && items[1] && items[2] && items[3] && items[4]) {
        v = kaa_structseq_new(&VersionInfo_Type, items, 5);
    }
    for (int i = 0; i < 5; i++) {
        Kaa_XDECREF(items[i]);
    }
    return v;
}

// sys.stdin/stdout/stderr and their __std*__ twins: file objects over the C
// streams (print() writes through sys.stdout when it is replaced).
static int add_std_streams(KaaObject *m)
{
    static const struct {
        const char *name, *dunder, *filename, *mode;
    } streams[] = {
        {"stdin", "__stdin__", "<stdin>", "r"},
        {"stdout", "__stdout__", "<stdout>", "w"},
        {"stderr", "__stderr__", "<stderr>", "w"},
    };
    FILE *fps[3] = {stdin, stdout, stderr};
    for (int i = 0; i < 3; i++) {
        KaaObject *f = kaa_file_from_std(fps[i], streams[i].filename, streams[i].mode);
        if (f == NULL || KaaModule_AddObjectRef(m, streams[i].name, f) < 0 ||
            KaaModule_AddObjectRef(m, streams[i].dunder, f) < 0) {
            Kaa_XDECREF(f);
            return -1;
        }
        Kaa_DECREF(f);
    }
    return 0;
}

KaaObject *kaa_init_sys(void)
{
    KaaObject *m = KaaModule_New("sys");
    if (m == NULL || KaaModule_AddFunctions(m, sys_methods) < 0) {
        Kaa_XDECREF(m);
        return NULL;
    }
    if (KaaModule_AddObjectRef(m, "argv", kaa_interp.argv) < 0 ||
        KaaModule_AddObjectRef(m, "modules", kaa_interp.modules) < 0 ||
        add_new(m, "maxsize", KaaInt_FromInt64(KAA_SSIZE_MAX)) < 0 ||
        add_new(m, "byteorder", KaaStr_FromString("little")) < 0 ||
        add_new(m, "platform", KaaStr_FromString("linux")) < 0 ||
        add_new(m, "version", KaaStr_FromString(KAA_PYTHON_VERSION " (kaa " KAA_VERSION ")")) < 0 ||
        add_new(m, "hexversion", KaaInt_FromInt64(0x030B07F0)) < 0 ||
        KaaModule_AddObjectRef(m, "path", kaa_interp.path) < 0) {
        Kaa_DECREF(m);
        return NULL;
    }
    if (add_new(m, "version_info", make_version_info()) < 0 || add_implementation(m) < 0 ||
        add_std_streams(m) < 0) {
        Kaa_DECREF(m);
        return NULL;
    }
    return m;
}
