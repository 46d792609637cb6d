/* The builtin exception hierarchy. All types are generated from the
 * KAA_EXCEPTIONS table in kaa/errors.h; the few with extra fields
 * (SyntaxError, StopIteration, SystemExit, NameError, AttributeError) get
 * their own traverse/clear/init functions, chosen by struct name.
 */
#include <errno.h>
#include <string.h>

#include "gc/gc.h"
#include "vm/vm.h"

#define BASE(o) ((KaaBaseExceptionObject *)(o))

int KaaExceptionInstance_Check(KaaObject *o)
{
    return KaaType_HasFeature(Kaa_TYPE(o), KAA_TPFLAGS_BASE_EXC_SUBCLASS);
}

int KaaExceptionClass_Check(KaaObject *o)
{
    return KaaType_HasFeature(Kaa_TYPE(o), KAA_TPFLAGS_TYPE_SUBCLASS) &&
           KaaType_HasFeature((KaaTypeObject *)o, KAA_TPFLAGS_BASE_EXC_SUBCLASS);
}

// --- Per-struct traverse and clear ---------------------------------------------------

static int traverse_KaaBaseExceptionObject(KaaObject *o, visitproc visit, void *arg)
{
    KaaBaseExceptionObject *e = BASE(o);
    Kaa_VISIT(e->dict);
    Kaa_VISIT(e->args);
    Kaa_VISIT(e->traceback);
    Kaa_VISIT(e->context);
    Kaa_VISIT(e->cause);
    if (Kaa_TYPE(o)->tp_flags & KAA_TPFLAGS_HEAPTYPE) {
        Kaa_VISIT(Kaa_TYPE(o));
    }
    return 0;
}

static int clear_KaaBaseExceptionObject(KaaObject *o)
{
    KaaBaseExceptionObject *e = BASE(o);
    Kaa_CLEAR(e->dict);
    Kaa_CLEAR(e->args);
    Kaa_CLEAR(e->traceback);
    Kaa_CLEAR(e->context);
    Kaa_CLEAR(e->cause);
    return 0;
}

#define EXTRA_FIELDS_SyntaxError(X, e)                                                           \
    X(e->msg) X(e->filename) X(e->lineno) X(e->offset) X(e->text) X(e->end_lineno)               \
        X(e->end_offset)
#define EXTRA_FIELDS_StopIteration(X, e) X(e->value)
#define EXTRA_FIELDS_SystemExit(X, e) X(e->code)
#define EXTRA_FIELDS_NameError(X, e) X(e->name)
#define EXTRA_FIELDS_AttributeError(X, e) X(e->obj) X(e->name)
#define EXTRA_FIELDS_UnicodeError(X, e)                                                          \
    X(e->encoding) X(e->object) X(e->start) X(e->end) X(e->reason)
#define EXTRA_FIELDS_OSError(X, e) X(e->myerrno) X(e->strerror) X(e->filename) X(e->filename2)
#define VISIT_FIELD(f) Kaa_VISIT(f);
#define CLEAR_FIELD(f) Kaa_CLEAR(f);

#define DEFINE_GC(st, fields)                                                                    \
    static int traverse_##st(KaaObject *o, visitproc visit, void *arg)                           \
    {                                                                                            \
        st *e = (st *)o;                                                                         \
        fields(VISIT_FIELD, e);                                                                  \
        return traverse_KaaBaseExceptionObject(o, visit, arg);                                   \
    }                                                                                            \
    static int clear_##st(KaaObject *o)                                                          \
    {                                                                                            \
        st *e = (st *)o;                                                                         \
        fields(CLEAR_FIELD, e);                                                                  \
        return clear_KaaBaseExceptionObject(o);                                                  \
    }
DEFINE_GC(KaaSyntaxErrorObject, EXTRA_FIELDS_SyntaxError)
DEFINE_GC(KaaStopIterationObject, EXTRA_FIELDS_StopIteration)
DEFINE_GC(KaaSystemExitObject, EXTRA_FIELDS_SystemExit)
DEFINE_GC(KaaNameErrorObject, EXTRA_FIELDS_NameError)
DEFINE_GC(KaaAttributeErrorObject, EXTRA_FIELDS_AttributeError)
DEFINE_GC(KaaOSErrorObject, EXTRA_FIELDS_OSError)
DEFINE_GC(KaaUnicodeErrorObject, EXTRA_FIELDS_UnicodeError)

static void exc_dealloc(KaaObject *o)
{
    // Subclasses defined in Python come through subtype_dealloc first.
    kaa_gc_untrack(o);
    Kaa_TYPE(o)->tp_clear(o);
    kaa_object_free(o);
}

// --- Construction -----------------------------------------------------------------------

static KaaObject *exc_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                          KaaObject *kwnames)
{
    KaaBaseExceptionObject *e = (KaaBaseExceptionObject *)KaaType_GenericAlloc(type, 0);
    if (e == NULL) {
        return NULL;
    }
    e->args = KaaTuple_FromArray(args, (Kaa_ssize_t)nargs);
    if (e->args == NULL) {
        Kaa_DECREF(e);
        return NULL;
    }
    KAA_GC_TRACK(e);
    return (KaaObject *)e;
}

static int check_no_kw(KaaObject *self, KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        KaaErr_Format(KaaExc(TypeError), "%s() takes no keyword arguments",
                      Kaa_TYPE(self)->tp_name);
        return -1;
    }
    return 0;
}

static int init_KaaBaseExceptionObject(KaaObject *self, KaaObject *const *args, size_t nargs,
                                       KaaObject *kwnames)
{
    if (check_no_kw(self, kwnames) < 0) {
        return -1;
    }
    KaaObject *t = KaaTuple_FromArray(args, (Kaa_ssize_t)nargs);
    if (t == NULL) {
        return -1;
    }
    Kaa_SETREF(BASE(self)->args, t);
    return 0;
}

static int init_KaaStopIterationObject(KaaObject *self, KaaObject *const *args, size_t nargs,
                                       KaaObject *kwnames)
{
    if (init_KaaBaseExceptionObject(self, args, nargs, kwnames) < 0) {
        return -1;
    }
    Kaa_SETREF(((KaaStopIterationObject *)self)->value,
               Kaa_NewRef(nargs ? args[0] : Kaa_None));
    return 0;
}

static int init_KaaSystemExitObject(KaaObject *self, KaaObject *const *args, size_t nargs,
                                    KaaObject *kwnames)
{
    if (init_KaaBaseExceptionObject(self, args, nargs, kwnames) < 0) {
        return -1;
    }
    KaaObject *code = nargs == 0 ? kaa_none_ref()
                      : nargs == 1 ? Kaa_NewRef(args[0])
                                   : Kaa_NewRef(BASE(self)->args);
    Kaa_SETREF(((KaaSystemExitObject *)self)->code, code);
    return 0;
}

// NameError and AttributeError accept name= (and obj=) keywords since 3.10.
static int init_with_name_kw(KaaObject *self, KaaObject *const *args, size_t nargs,
                             KaaObject *kwnames, KaaObject **name, KaaObject **obj)
{
    Kaa_ssize_t nkw = kwnames ? KaaTuple_GET_SIZE(kwnames) : 0;
    for (Kaa_ssize_t i = 0; i < nkw; i++) {
        KaaObject *k = KaaTuple_GET_ITEM(kwnames, i);
        if (KaaStr_EqualToASCII(k, "name")) {
            Kaa_SETREF(*name, Kaa_NewRef(args[nargs + i]));
        } else if (obj && KaaStr_EqualToASCII(k, "obj")) {
            Kaa_SETREF(*obj, Kaa_NewRef(args[nargs + i]));
        } else {
            KaaErr_Format(KaaExc(TypeError), "%s() got an unexpected keyword argument '%U'",
                          Kaa_TYPE(self)->tp_name, k);
            return -1;
        }
    }
    return init_KaaBaseExceptionObject(self, args, nargs, NULL);
}

static int init_KaaNameErrorObject(KaaObject *self, KaaObject *const *args, size_t nargs,
                                   KaaObject *kwnames)
{
    return init_with_name_kw(self, args, nargs, kwnames, &((KaaNameErrorObject *)self)->name,
                             NULL);
}

static int init_KaaAttributeErrorObject(KaaObject *self, KaaObject *const *args, size_t nargs,
                                        KaaObject *kwnames)
{
    KaaAttributeErrorObject *e = (KaaAttributeErrorObject *)self;
    return init_with_name_kw(self, args, nargs, kwnames, &e->name, &e->obj);
}

// SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))
static int init_KaaSyntaxErrorObject(KaaObject *self, KaaObject *const *args, size_t nargs,
                                     KaaObject *kwnames)
{
    KaaSyntaxErrorObject *e = (KaaSyntaxErrorObject *)self;
    if (init_KaaBaseExceptionObject(self, args, nargs, kwnames) < 0) {
        return -1;
    }
    if (nargs >= 1) {
        Kaa_SETREF(e->msg, Kaa_NewRef(args[0]));
    }
    if (nargs == 2) {
        KaaObject *info = args[1];
        if (!KaaTuple_Check(info) || KaaTuple_GET_SIZE(info) < 4 ||
            KaaTuple_GET_SIZE(info) > 6) {
            KaaErr_SetString(KaaExc(IndexError), "tuple index out of range");
            return -1;
        }
        KaaObject **fields[] = {&e->filename, &e->lineno,     &e->offset,
                                &e->text,     &e->end_lineno, &e->end_offset};
        for (Kaa_ssize_t i = 0; i < KaaTuple_GET_SIZE(info); i++) {
            Kaa_SETREF(*fields[i], Kaa_NewRef(KaaTuple_GET_ITEM(info, i)));
        }
    }
    return 0;
}

KaaObject *KaaException_New(KaaObject *type, KaaObject *args)
{
    return KaaObject_Vectorcall(type, ((KaaTupleObject *)args)->ob_item,
                                (size_t)KaaTuple_GET_SIZE(args), NULL);
}

// --- repr and str -------------------------------------------------------------------------

static KaaObject *exc_repr(KaaObject *self)
{
    KaaObject *args = BASE(self)->args;
    const char *name = Kaa_TYPE(self)->tp_name;
    const char *dot = strrchr(name, '.');
    name = dot ? dot + 1 : name;
    if (args == NULL || KaaTuple_GET_SIZE(args) == 0) {
        return KaaStr_FromFormat("%s()", name);
    }
    if (KaaTuple_GET_SIZE(args) == 1) {
        return KaaStr_FromFormat("%s(%R)", name, KaaTuple_GET_ITEM(args, 0));
    }
    return KaaStr_FromFormat("%s%R", name, args);
}

static KaaObject *exc_str(KaaObject *self)
{
    KaaObject *args = BASE(self)->args;
    if (args == NULL || KaaTuple_GET_SIZE(args) == 0) {
        return KaaStr_FromString("");
    }
    if (KaaTuple_GET_SIZE(args) == 1) {
        return KaaObject_Str(KaaTuple_GET_ITEM(args, 0));
    }
    return KaaObject_Str(args);
}

// KeyError shows the repr of a lone key: KeyError: 'a'.
static KaaObject *keyerror_str(KaaObject *self)
{
    KaaObject *args = BASE(self)->args;
    if (args && KaaTuple_GET_SIZE(args) == 1) {
        return KaaObject_Repr(KaaTuple_GET_ITEM(args, 0));
    }
    return exc_str(self);
}

static KaaObject *syntaxerror_str(KaaObject *self)
{
    KaaSyntaxErrorObject *e = (KaaSyntaxErrorObject *)self;
    KaaObject *msg = e->msg ? e->msg : Kaa_None;
    if (e->filename && KaaStr_Check(e->filename) && e->lineno && KaaInt_Check(e->lineno)) {
        const char *fn = KaaStr_DATA(e->filename);
        const char *slash = strrchr(fn, '/');
        return KaaStr_FromFormat("%S (%s, line %S)", msg, slash ? slash + 1 : fn, e->lineno);
    }
    if (e->lineno && KaaInt_Check(e->lineno)) {
        return KaaStr_FromFormat("%S (line %S)", msg, e->lineno);
    }
    return KaaObject_Str(msg);
}

// --- Attributes ------------------------------------------------------------------------------

static KaaObject *get_field(KaaObject *v)
{
    return v ? Kaa_NewRef(v) : kaa_none_ref();
}

static KaaObject *exc_get_args(KaaObject *self, void *c)
{
    return get_field(BASE(self)->args);
}

static int exc_set_args(KaaObject *self, KaaObject *v, void *c)
{
    if (v == NULL) {
        KaaErr_SetString(KaaExc(TypeError), "args may not be deleted");
        return -1;
    }
    KaaObject *t = KaaSequence_Tuple(v);
    if (t == NULL) {
        return -1;
    }
    Kaa_SETREF(BASE(self)->args, t);
    return 0;
}

static KaaObject *exc_get_tb(KaaObject *self, void *c)
{
    return get_field(BASE(self)->traceback);
}

static int exc_set_tb(KaaObject *self, KaaObject *v, void *c)
{
    if (v == NULL) {
        KaaErr_SetString(KaaExc(TypeError), "__traceback__ may not be deleted");
        return -1;
    }
    if (v != Kaa_None && Kaa_TYPE(v) != &KaaTraceBack_Type) {
        KaaErr_SetString(KaaExc(TypeError), "__traceback__ must be a traceback or None");
        return -1;
    }
    Kaa_SETREF(BASE(self)->traceback, v == Kaa_None ? NULL : Kaa_NewRef(v));
    return 0;
}

static int set_exc_link(KaaObject **slot, KaaObject *v, const char *what)
{
    if (v == NULL) {
        KaaErr_Format(KaaExc(TypeError), "%s may not be deleted", what);
        return -1;
    }
    if (v != Kaa_None && !KaaExceptionInstance_Check(v)) {
        KaaErr_Format(KaaExc(TypeError), "exception %s must be None or derive from BaseException",
                      what + 2);
        return -1;
    }
    Kaa_SETREF(*slot, v == Kaa_None ? NULL : Kaa_NewRef(v));
    return 0;
}

static KaaObject *exc_get_context(KaaObject *self, void *c)
{
    return get_field(BASE(self)->context);
}

static int exc_set_context(KaaObject *self, KaaObject *v, void *c)
{
    return set_exc_link(&BASE(self)->context, v, "__context__");
}

static KaaObject *exc_get_cause(KaaObject *self, void *c)
{
    return get_field(BASE(self)->cause);
}

static int exc_set_cause(KaaObject *self, KaaObject *v, void *c)
{
    BASE(self)->suppress_context = 1;
    return set_exc_link(&BASE(self)->cause, v, "__cause__");
}

static KaaObject *exc_get_suppress(KaaObject *self, void *c)
{
    return KaaBool_FromLong(BASE(self)->suppress_context);
}

static int exc_set_suppress(KaaObject *self, KaaObject *v, void *c)
{
    int t = v ? KaaObject_IsTrue(v) : 0;
    if (t < 0) {
        return -1;
    }
    BASE(self)->suppress_context = (char)t;
    return 0;
}

static KaaGetSetDef exc_getset[] = {
    {"args", exc_get_args, exc_set_args},
    {"__traceback__", exc_get_tb, exc_set_tb},
    {"__context__", exc_get_context, exc_set_context},
    {"__cause__", exc_get_cause, exc_set_cause},
    {"__suppress_context__", exc_get_suppress, exc_set_suppress},
    {NULL},
};

// OSError(errno, strerror[, filename[, winerror[, filename2]]]): with 2 to 5
// arguments the fields are set, and args keeps only (errno, strerror) when
// a filename is given (CPython's oserror_parse_args/oserror_init).
static int oserror_parse(KaaObject *self, KaaObject *const *args, size_t nargs)
{
    KaaOSErrorObject *e = (KaaOSErrorObject *)self;
    if (nargs < 2 || nargs > 5) {
        return 0;
    }
    Kaa_SETREF(e->myerrno, Kaa_NewRef(args[0]));
    Kaa_SETREF(e->strerror, Kaa_NewRef(args[1]));
    if (nargs >= 3) {
        Kaa_SETREF(e->filename, Kaa_NewRef(args[2]));
        if (nargs == 5) {
            Kaa_SETREF(e->filename2, Kaa_NewRef(args[4]));
        }
        if (args[2] != Kaa_None) {
            KaaObject *t = KaaTuple_FromArray(args, 2);
            if (t == NULL) {
                return -1;
            }
            Kaa_SETREF(BASE(self)->args, t);
        }
    }
    return 0;
}

static int init_KaaOSErrorObject(KaaObject *self, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames)
{
    if (init_KaaBaseExceptionObject(self, args, nargs, kwnames) < 0) {
        return -1;
    }
    return oserror_parse(self, args, nargs);
}

// OSError(errno, ...) itself picks the subclass for errno: OSError(2, 'x')
// is a FileNotFoundError.
static KaaObject *oserror_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    if (type == &KaaExc_OSError_Type && nargs >= 2 && nargs <= 5 && KaaInt_Check(args[0])) {
        int64_t no = KaaInt_AsInt64(args[0]);
        if (no == -1 && KaaErr_Occurred()) {
            KaaErr_Clear();
        }
        static const struct {
            int no;
            KaaTypeObject *type;
        } map[] = {
            {EAGAIN, &KaaExc_BlockingIOError_Type},     {EALREADY, &KaaExc_BlockingIOError_Type},
            {EINPROGRESS, &KaaExc_BlockingIOError_Type}, {EWOULDBLOCK, &KaaExc_BlockingIOError_Type},
            {ECHILD, &KaaExc_ChildProcessError_Type},    {EPIPE, &KaaExc_BrokenPipeError_Type},
            {ESHUTDOWN, &KaaExc_BrokenPipeError_Type},
            {ECONNABORTED, &KaaExc_ConnectionAbortedError_Type},
            {ECONNREFUSED, &KaaExc_ConnectionRefusedError_Type},
            {ECONNRESET, &KaaExc_ConnectionResetError_Type},
            {EEXIST, &KaaExc_FileExistsError_Type},      {ENOENT, &KaaExc_FileNotFoundError_Type},
            {EISDIR, &KaaExc_IsADirectoryError_Type},    {ENOTDIR, &KaaExc_NotADirectoryError_Type},
            {EINTR, &KaaExc_InterruptedError_Type},      {EACCES, &KaaExc_PermissionError_Type},
            {EPERM, &KaaExc_PermissionError_Type},       {ESRCH, &KaaExc_ProcessLookupError_Type},
            {ETIMEDOUT, &KaaExc_TimeoutError_Type},
        };
        for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
            if (map[i].no == no) {
                type = map[i].type;
                break;
            }
        }
    }
    KaaObject *self = exc_new(type, args, nargs, kwnames);
    if (self && oserror_parse(self, args, nargs) < 0) {
        Kaa_CLEAR(self);
    }
    return self;
}

KaaObject *KaaErr_SetFromErrnoWithFilename(int err, KaaObject *filename)
{
    KaaObject *args[3];
    args[0] = KaaInt_FromInt64(err);
    args[1] = KaaStr_FromString(strerror(err));
    args[2] = filename;
    KaaObject *exc = args[0] && args[1]
                         ? oserror_new(&KaaExc_OSError_Type, args, filename ? 3 : 2, NULL)
                         : NULL;
    Kaa_XDECREF(args[0]);
    Kaa_XDECREF(args[1]);
    if (exc) {
        KaaErr_SetObject((KaaObject *)Kaa_TYPE(exc), exc);
        Kaa_DECREF(exc);
    }
    return NULL;
}

// UnicodeDecodeError(encoding, object, start, end, reason) and
// UnicodeEncodeError alike; UnicodeTranslateError(object, start, end, reason).
static int init_KaaUnicodeErrorObject(KaaObject *self, KaaObject *const *args, size_t nargs,
                                      KaaObject *kwnames)
{
    if (init_KaaBaseExceptionObject(self, args, nargs, kwnames) < 0) {
        return -1;
    }
    KaaUnicodeErrorObject *e = (KaaUnicodeErrorObject *)self;
    int translate = KaaType_IsSubtype(Kaa_TYPE(self), &KaaExc_UnicodeTranslateError_Type);
    int decode = KaaType_IsSubtype(Kaa_TYPE(self), &KaaExc_UnicodeDecodeError_Type);
    size_t want = translate ? 4 : 5;
    if (nargs != want) {
        KaaErr_Format(KaaExc(TypeError), "function takes exactly %zu arguments (%zu given)", want,
                      nargs);
        return -1;
    }
    // a[0] encoding (absent for translate), a[1] object, a[2] start, a[3] end, a[4] reason
    KaaObject *a[5] = {NULL, NULL, NULL, NULL, NULL};
    for (size_t i = 0; i < nargs; i++) {
        a[i + (translate ? 1 : 0)] = args[i];
    }
    if (!translate && !KaaStr_Check(a[0])) {
        KaaErr_Format(KaaExc(TypeError), "argument 1 must be str, not %s",
                      Kaa_TYPE(a[0])->tp_name);
        return -1;
    }
    if (decode ? !(KaaBytes_Check(a[1]) || KaaByteArray_Check(a[1])) : !KaaStr_Check(a[1])) {
        KaaErr_Format(KaaExc(TypeError), "argument %d must be %s, not %s", translate ? 1 : 2,
                      decode ? "bytes-like object" : "str", Kaa_TYPE(a[1])->tp_name);
        return -1;
    }
    for (int i = 2; i < 4; i++) {
        if (!KaaInt_Check(a[i])) {
            KaaErr_Format(KaaExc(TypeError), "'%s' object cannot be interpreted as an integer",
                          Kaa_TYPE(a[i])->tp_name);
            return -1;
        }
    }
    if (!KaaStr_Check(a[4])) {
        KaaErr_Format(KaaExc(TypeError), "argument %d must be str, not %s", translate ? 4 : 5,
                      Kaa_TYPE(a[4])->tp_name);
        return -1;
    }
    Kaa_SETREF(e->encoding, Kaa_XNewRef(a[0]));
    Kaa_SETREF(e->object, Kaa_NewRef(a[1]));
    Kaa_SETREF(e->start, Kaa_NewRef(a[2]));
    Kaa_SETREF(e->end, Kaa_NewRef(a[3]));
    Kaa_SETREF(e->reason, Kaa_NewRef(a[4]));
    return 0;
}

static KaaObject *exc_str(KaaObject *self);

// "'utf-8' codec can't decode byte 0x80 in position 2: invalid start byte"
static KaaObject *unicodeerror_str(KaaObject *self)
{
    KaaUnicodeErrorObject *e = (KaaUnicodeErrorObject *)self;
    if (e->object == NULL || e->start == NULL || e->end == NULL || e->reason == NULL) {
        return exc_str(self);
    }
    Kaa_ssize_t start = KaaInt_AsSsize_t(e->start), end = KaaInt_AsSsize_t(e->end);
    if ((start == -1 || end == -1) && KaaErr_Occurred()) {
        return NULL;
    }
    int decode = KaaType_IsSubtype(Kaa_TYPE(self), &KaaExc_UnicodeDecodeError_Type);
    int translate = KaaType_IsSubtype(Kaa_TYPE(self), &KaaExc_UnicodeTranslateError_Type);
    Kaa_ssize_t len = Kaa_SIZE(e->object); // bytes, or characters of a str
    char what[80];
    if (translate) {
        snprintf(what, sizeof what, "can't translate");
    } else {
        snprintf(what, sizeof what, "'%s' codec can't %s",
                 e->encoding && KaaStr_Check(e->encoding) ? KaaStr_DATA(e->encoding) : "?",
                 decode ? "decode" : "encode");
    }
    if (start >= 0 && start < len && end == start + 1) {
        if (decode) {
            const char *data = KaaBytes_Check(e->object) ? KaaBytes_AS_STRING(e->object)
                                                         : KaaByteArray_AS_STRING(e->object);
            return KaaStr_FromFormat("%s byte 0x%02x in position %zd: %U", what,
                                     (unsigned char)data[start], start, e->reason);
        }
        const char *p = KaaStr_DATA(e->object);
        int l;
        for (Kaa_ssize_t i = 0; i < start; i++) {
            kaa_str_decode(p, &l);
            p += l;
        }
        uint32_t cp = kaa_str_decode(p, &l);
        const char *fmt = cp < 0x100     ? "%s character '\\x%02x' in position %zd: %U"
                          : cp < 0x10000 ? "%s character '\\u%04x' in position %zd: %U"
                                         : "%s character '\\U%08x' in position %zd: %U";
        return KaaStr_FromFormat(fmt, what, (unsigned)cp, start, e->reason);
    }
    return KaaStr_FromFormat("%s %s in position %zd-%zd: %U", what,
                             decode ? "bytes" : "characters", start, end - 1, e->reason);
}

static KaaObject *raise_unicode_error(KaaObject *type, KaaObject *const *args, size_t nargs)
{
    KaaObject *exc = KaaObject_Vectorcall(type, args, nargs, NULL);
    if (exc) {
        KaaErr_SetObject(type, exc);
        Kaa_DECREF(exc);
    }
    return NULL;
}

KaaObject *KaaErr_SetUnicodeDecodeError(const char *encoding, const char *data, Kaa_ssize_t n,
                                        Kaa_ssize_t start, Kaa_ssize_t end, const char *reason)
{
    KaaObject *a[5] = {KaaStr_FromString(encoding), KaaBytes_FromStringAndSize(data, n),
                       KaaInt_FromSsize_t(start), KaaInt_FromSsize_t(end),
                       KaaStr_FromString(reason)};
    if (a[0] && a[1] && a[2] && a[3] && a[4]) {
        raise_unicode_error(KaaExc(UnicodeDecodeError), a, 5);
    }
    for (int i = 0; i < 5; i++) {
        Kaa_XDECREF(a[i]);
    }
    return NULL;
}

KaaObject *KaaErr_SetUnicodeEncodeError(const char *encoding, KaaObject *str, Kaa_ssize_t start,
                                        Kaa_ssize_t end, const char *reason)
{
    KaaObject *a[5] = {KaaStr_FromString(encoding), Kaa_NewRef(str), KaaInt_FromSsize_t(start),
                       KaaInt_FromSsize_t(end), KaaStr_FromString(reason)};
    if (a[0] && a[2] && a[3] && a[4]) {
        raise_unicode_error(KaaExc(UnicodeEncodeError), a, 5);
    }
    for (int i = 0; i < 5; i++) {
        Kaa_XDECREF(a[i]);
    }
    return NULL;
}

static KaaObject *oserror_str(KaaObject *self)
{
    KaaOSErrorObject *e = (KaaOSErrorObject *)self;
    if (e->filename && e->filename != Kaa_None) {
        if (e->filename2 && e->filename2 != Kaa_None) {
            return KaaStr_FromFormat("[Errno %S] %S: %R -> %R", e->myerrno, e->strerror,
                                     e->filename, e->filename2);
        }
        return KaaStr_FromFormat("[Errno %S] %S: %R", e->myerrno, e->strerror, e->filename);
    }
    if (e->myerrno && e->strerror && e->myerrno != Kaa_None && e->strerror != Kaa_None) {
        return KaaStr_FromFormat("[Errno %S] %S", e->myerrno, e->strerror);
    }
    return exc_str(self);
}

static KaaObject *exc_with_traceback(KaaObject *self, KaaObject *tb)
{
    if (exc_set_tb(self, tb, NULL) < 0) {
        return NULL;
    }
    return Kaa_NewRef(self);
}

static KaaMethodDef exc_methods[] = {
    {"with_traceback", exc_with_traceback, KAA_METH_O},
    {NULL},
};

#define MEMBER(st, field) {#field, KAA_T_OBJECT, offsetof(st, field), KAA_MEMBER_WRITABLE}
static KaaMemberDef stopiteration_members[] = {MEMBER(KaaStopIterationObject, value), {NULL}};
static KaaMemberDef systemexit_members[] = {MEMBER(KaaSystemExitObject, code), {NULL}};
static KaaMemberDef nameerror_members[] = {MEMBER(KaaNameErrorObject, name), {NULL}};
static KaaMemberDef oserror_members[] = {
    {"errno", KAA_T_OBJECT, offsetof(KaaOSErrorObject, myerrno), KAA_MEMBER_WRITABLE},
    MEMBER(KaaOSErrorObject, strerror), MEMBER(KaaOSErrorObject, filename),
    MEMBER(KaaOSErrorObject, filename2), {NULL}};
static KaaMemberDef unicodeerror_members[] = {
    MEMBER(KaaUnicodeErrorObject, encoding), MEMBER(KaaUnicodeErrorObject, object),
    MEMBER(KaaUnicodeErrorObject, start),    MEMBER(KaaUnicodeErrorObject, end),
    MEMBER(KaaUnicodeErrorObject, reason),   {NULL}};
static KaaMemberDef attributeerror_members[] = {MEMBER(KaaAttributeErrorObject, name),
                                                MEMBER(KaaAttributeErrorObject, obj), {NULL}};
static KaaMemberDef syntaxerror_members[] = {
    MEMBER(KaaSyntaxErrorObject, msg),        MEMBER(KaaSyntaxErrorObject, filename),
    MEMBER(KaaSyntaxErrorObject, lineno),     MEMBER(KaaSyntaxErrorObject, offset),
    MEMBER(KaaSyntaxErrorObject, text),       MEMBER(KaaSyntaxErrorObject, end_lineno),
    MEMBER(KaaSyntaxErrorObject, end_offset), {NULL}};

// --- The types -----------------------------------------------------------------------------

#define KaaExc_BaseObject_Type KaaBaseObject_Type
#define DEFINE_EXC(cname, pyname, base, st)                                                      \
    KaaTypeObject KaaExc_##cname##_Type = {                                                      \
        .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),                                     \
        .tp_name = pyname,                                                                       \
        .tp_basicsize = sizeof(st),                                                              \
        .tp_flags = KAA_TPFLAGS_BASETYPE | KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_BASE_EXC_SUBCLASS, \
        .tp_base = &KaaExc_##base##_Type,                                                        \
        .tp_dealloc = exc_dealloc,                                                               \
        .tp_traverse = traverse_##st,                                                            \
        .tp_clear = clear_##st,                                                                  \
        .tp_new = exc_new,                                                                       \
        .tp_init = init_##st,                                                                    \
        .tp_dictoffset = offsetof(KaaBaseExceptionObject, dict),                                 \
    };
KAA_EXCEPTIONS(DEFINE_EXC)
#undef DEFINE_EXC

// Fill in what differs from the table (repr/str, attributes), then ready them all.
int kaa_exceptions_init(void)
{
    KaaExc_BaseException_Type.tp_repr = exc_repr;
    KaaExc_BaseException_Type.tp_str = exc_str;
    KaaExc_BaseException_Type.tp_getset = exc_getset;
    KaaExc_BaseException_Type.tp_methods = exc_methods;
    KaaExc_KeyError_Type.tp_str = keyerror_str;
    KaaExc_SyntaxError_Type.tp_str = syntaxerror_str;
    KaaExc_StopIteration_Type.tp_members = stopiteration_members;
    KaaExc_SystemExit_Type.tp_members = systemexit_members;
    KaaExc_NameError_Type.tp_members = nameerror_members;
    KaaExc_AttributeError_Type.tp_members = attributeerror_members;
    KaaExc_OSError_Type.tp_members = oserror_members;
    KaaExc_OSError_Type.tp_str = oserror_str;
    KaaExc_OSError_Type.tp_new = oserror_new;
    KaaTypeObject *unicode_errors[] = {&KaaExc_UnicodeDecodeError_Type,
                                       &KaaExc_UnicodeEncodeError_Type,
                                       &KaaExc_UnicodeTranslateError_Type};
    for (int i = 0; i < 3; i++) {
        unicode_errors[i]->tp_members = unicodeerror_members;
        unicode_errors[i]->tp_str = unicodeerror_str;
    }
    KaaExc_SyntaxError_Type.tp_members = syntaxerror_members;
#define READY_EXC(cname, pyname, base, st)                                                       \
    if (KaaType_Ready(&KaaExc_##cname##_Type) < 0) {                                             \
        return -1;                                                                               \
    }
    KAA_EXCEPTIONS(READY_EXC)
#undef READY_EXC
    return 0;
}

// Add every exception type to the builtins namespace.
int kaa_exceptions_add_to(KaaObject *dict)
{
#define ADD_EXC(cname, pyname, base, st)                                                         \
    if (KaaDict_SetItemString(dict, pyname, (KaaObject *)&KaaExc_##cname##_Type) < 0) {          \
        return -1;                                                                               \
    }
    KAA_EXCEPTIONS(ADD_EXC)
#undef ADD_EXC
    // Old names of OSError.
    if (KaaDict_SetItemString(dict, "EnvironmentError", KaaExc(OSError)) < 0 ||
        KaaDict_SetItemString(dict, "IOError", KaaExc(OSError)) < 0) {
        return -1;
    }
    return 0;
}
