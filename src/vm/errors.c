/* Raising and inspecting exceptions. The thread state holds the exception
 * being raised as one normalized object; setting a new one while another is
 * being handled records the handled one as its __context__.
 */
#include <stdarg.h>
#include <string.h>

#include "util/strbuf.h"
#include "vm/vm.h"

int kaa_str_vformat(KaaStrBuf *b, const char *fmt, va_list ap);

// Attach the exception being handled as the implicit context of exc.
static void set_context(KaaObject *exc)
{
    KaaObject *handled = kaa_ts.handled;
    if (handled == NULL || handled == exc) {
        return;
    }
    // Avoid creating a cycle of contexts (CPython cuts it the same way).
    KaaObject *o = handled;
    while (o) {
        KaaBaseExceptionObject *e = (KaaBaseExceptionObject *)o;
        if (e->context == exc) {
            Kaa_CLEAR(e->context);
            break;
        }
        o = e->context;
    }
    KaaBaseExceptionObject *be = (KaaBaseExceptionObject *)exc;
    if (be->context == NULL) {
        be->context = Kaa_NewRef(handled);
    }
}

void KaaErr_SetRaisedException(KaaObject *exc)
{
    KaaObject *old = kaa_ts.curexc;
    kaa_ts.curexc = exc;
    Kaa_XDECREF(old);
}

KaaObject *KaaErr_GetRaisedException(void)
{
    KaaObject *exc = kaa_ts.curexc;
    kaa_ts.curexc = NULL;
    return exc;
}

// Make an exception instance of `type` from `value` (an instance, a tuple of
// arguments, a single argument or NULL).
static KaaObject *make_exception(KaaObject *type, KaaObject *value)
{
    if (value && KaaType_IsSubtype(Kaa_TYPE(value), (KaaTypeObject *)type)) {
        return Kaa_NewRef(value);
    }
    KaaObject *args;
    if (value == NULL || value == Kaa_None) {
        args = KaaTuple_New(0);
    } else if (KaaTuple_Check(value)) {
        args = Kaa_NewRef(value);
    } else {
        args = KaaTuple_Pack(1, value);
    }
    if (args == NULL) {
        return NULL;
    }
    KaaObject *exc = KaaObject_Vectorcall(type, ((KaaTupleObject *)args)->ob_item,
                                          (size_t)KaaTuple_GET_SIZE(args), NULL);
    Kaa_DECREF(args);
    return exc;
}

void KaaErr_SetObject(KaaObject *type, KaaObject *value)
{
    KaaObject *exc = make_exception(type, value);
    if (exc == NULL) {
        return; // the failure raised its own exception
    }
    set_context(exc);
    KaaErr_SetRaisedException(exc);
}

void KaaErr_SetNone(KaaObject *type)
{
    KaaErr_SetObject(type, NULL);
}

void KaaErr_SetString(KaaObject *type, const char *msg)
{
    KaaObject *s = KaaStr_FromString(msg);
    if (s == NULL) {
        return;
    }
    KaaErr_SetObject(type, s);
    Kaa_DECREF(s);
}

KaaObject *KaaErr_Format(KaaObject *type, const char *fmt, ...)
{
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    int r = kaa_str_vformat(&b, fmt, ap);
    va_end(ap);
    if (r == 0) {
        if (b.failed) {
            KaaErr_NoMemory();
        } else {
            KaaObject *s = KaaStr_FromStringAndSize(b.data ? b.data : "", (Kaa_ssize_t)b.len);
            if (s) {
                KaaErr_SetObject(type, s);
                Kaa_DECREF(s);
            }
        }
    }
    kaa_strbuf_free(&b);
    return NULL;
}

// A preallocated MemoryError would be CPython's choice; creating one may fail
// too, in which case we fall back to printing and aborting.
KaaObject *KaaErr_NoMemory(void)
{
    KaaErr_SetNone(KaaExc(MemoryError));
    if (kaa_ts.curexc == NULL) {
        fprintf(stderr, "kaa: fatal: out of memory\n");
        abort();
    }
    return NULL;
}

KaaObject *KaaErr_Occurred(void)
{
    return kaa_ts.curexc ? (KaaObject *)Kaa_TYPE(kaa_ts.curexc) : NULL;
}

int KaaErr_GivenExceptionMatches(KaaObject *given, KaaObject *type)
{
    if (given == NULL || type == NULL) {
        return 0;
    }
    if (KaaTuple_Check(type)) {
        for (Kaa_ssize_t i = 0; i < KaaTuple_GET_SIZE(type); i++) {
            if (KaaErr_GivenExceptionMatches(given, KaaTuple_GET_ITEM(type, i))) {
                return 1;
            }
        }
        return 0;
    }
    if (KaaExceptionInstance_Check(given)) {
        given = (KaaObject *)Kaa_TYPE(given);
    }
    if (KaaExceptionClass_Check(given) && KaaExceptionClass_Check(type)) {
        return KaaType_IsSubtype((KaaTypeObject *)given, (KaaTypeObject *)type);
    }
    return given == type;
}

int KaaErr_ExceptionMatches(KaaObject *type)
{
    return KaaErr_GivenExceptionMatches(kaa_ts.curexc, type);
}

void KaaErr_Clear(void)
{
    KaaErr_SetRaisedException(NULL);
}

KaaObject *KaaErr_BadArgument(void)
{
    KaaErr_SetString(KaaExc(TypeError), "bad argument type for built-in operation");
    return NULL;
}

void KaaErr_BadInternalCall(const char *where)
{
    KaaErr_Format(KaaExc(SystemError), "bad argument to internal function %s", where);
}

void KaaErr_Print(void)
{
    KaaObject *exc = KaaErr_GetRaisedException();
    if (exc) {
        kaa_exception_print(exc);
        Kaa_DECREF(exc);
    }
}

void KaaErr_WriteUnraisable(KaaObject *obj)
{
    KaaObject *exc = KaaErr_GetRaisedException();
    if (exc == NULL) {
        return;
    }
    fflush(stdout);
    if (obj) {
        KaaObject *r = KaaObject_Repr(obj);
        if (r) {
            fprintf(stderr, "Exception ignored in: %s\n", KaaStr_DATA(r));
            Kaa_DECREF(r);
        } else {
            KaaErr_Clear();
            fprintf(stderr, "Exception ignored in: <object repr() failed>\n");
        }
    }
    kaa_exception_print_unchained(exc);
    Kaa_DECREF(exc);
}

// --- Recursion guard ----------------------------------------------------------------

int kaa_enter_recursive_call(const char *where)
{
    if (++kaa_ts.recursion_depth > kaa_ts.recursion_limit + kaa_ts.recursion_headroom) {
        if (kaa_ts.recursion_headroom) {
            // Already handling a RecursionError: out of headroom too.
            fprintf(stderr, "kaa: fatal: cannot recover from stack overflow\n");
            abort();
        }
        kaa_ts.recursion_headroom = 50;
        KaaErr_Format(KaaExc(RecursionError), "maximum recursion depth exceeded%s", where);
        kaa_ts.recursion_headroom = 0;
        kaa_ts.recursion_depth--;
        return -1;
    }
    return 0;
}

void kaa_leave_recursive_call(void)
{
    kaa_ts.recursion_depth--;
}
