/* Generators: a generator object owns the frame of its function (the frame
 * memory is part of the object, as in CPython 3.11) and resumes it with
 * send(), throw() and close(). A generator is a GC container: its frame's
 * locals and value stack are its references while it is suspended.
 */
#include <string.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "compile/compile.h"
#include "vm/vm.h"

#define OP_EXTENDED_ARG_VALUE OP_EXTENDED_ARG

enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_FINISHED };

typedef struct KaaGenObject {
    KaaObject_HEAD
    KaaObject *gi_name;
    KaaObject *gi_qualname;
    KaaObject *gi_exc_state; // exception being handled inside, while suspended
    KaaObject *gi_weakreflist;
    int gi_state;
    KaaFrame *gi_frame;      // points into gi_frame_data
    KaaObject *gi_frame_data[]; // the frame (KaaFrame + localsplus + stack)
} KaaGenObject;

KaaTypeObject KaaGen_Type;

int kaa_gen_check(KaaObject *o)
{
    return Kaa_TYPE(o) == &KaaGen_Type;
}

KaaObject *kaa_gen_new(KaaFunctionObject *func, KaaObject *const *args, size_t nargs,
                       KaaObject *kwnames)
{
    KaaCodeObject *co = (KaaCodeObject *)func->func_code;
    size_t slots = (size_t)(co->co_nlocalsplus + co->co_stacksize);
    size_t frame_size = sizeof(KaaFrame) + slots * sizeof(KaaObject *);
    size_t nitems = (frame_size + sizeof(KaaObject *) - 1) / sizeof(KaaObject *);
    KaaGenObject *gen = (KaaGenObject *)KaaType_GenericAlloc(&KaaGen_Type, (Kaa_ssize_t)nitems);
    if (gen == NULL) {
        return NULL;
    }
    KaaFrame *f = (KaaFrame *)gen->gi_frame_data;
    gen->gi_frame = f;
    gen->gi_state = GEN_CREATED;
    gen->gi_name = Kaa_NewRef(func->func_name);
    gen->gi_qualname = Kaa_NewRef(func->func_qualname);
    if (kaa_init_function_frame(f, func, args, nargs, kwnames) < 0) {
        gen->gi_state = GEN_FINISHED;
        Kaa_DECREF(gen);
        return NULL;
    }
    KAA_GC_TRACK(gen);
    return (KaaObject *)gen;
}

// The exception the generator was handling when it suspended becomes the
// handled one while it runs; the caller's is restored afterwards.
KaaObject *kaa_gen_send_ex(KaaObject *self, KaaObject *arg, int exc, int quiet)
{
    KaaGenObject *gen = (KaaGenObject *)self;
    KaaFrame *f = gen->gi_frame;
    if (gen->gi_state == GEN_RUNNING) {
        return KaaErr_Format(KaaExc(ValueError), "generator already executing");
    }
    if (gen->gi_state == GEN_FINISHED) {
        if (exc) {
            return NULL; // the thrown exception propagates as it is
        }
        if (!quiet) {
            KaaErr_SetNone(KaaExc(StopIteration));
        }
        return NULL;
    }
    if (gen->gi_state == GEN_CREATED && exc == 0 && arg != Kaa_None) {
        return KaaErr_Format(KaaExc(TypeError),
                             "can't send non-None value to a just-started generator");
    }
    if (gen->gi_state == GEN_SUSPENDED && !exc) {
        // The value of the yield expression.
        f->localsplus[f->code->co_nlocalsplus + f->stacktop++] = Kaa_NewRef(arg);
    }
    if (exc) {
        f->throwflag = 1;
    }
    KaaObject *caller_handled = kaa_ts.handled;
    if (gen->gi_exc_state) {
        kaa_ts.handled = gen->gi_exc_state;
        gen->gi_exc_state = NULL;
    } else {
        Kaa_XINCREF(caller_handled);
    }
    gen->gi_state = GEN_RUNNING;
    // run_frame links f above the current frame and unlinks it on return
    // or yield (linking it here too made f its own previous frame).
    KaaObject *result = kaa_eval_resume(f);
    // Save the generator's own handled exception (if it differs from the
    // caller's), restore the caller's.
    if (f->yielded && kaa_ts.handled != caller_handled) {
        gen->gi_exc_state = kaa_ts.handled;
    } else {
        Kaa_XDECREF(kaa_ts.handled);
    }
    kaa_ts.handled = caller_handled;
    if (f->yielded) {
        gen->gi_state = GEN_SUSPENDED;
        return result;
    }
    gen->gi_state = GEN_FINISHED;
    if (result) {
        // `return value` ends the generator with StopIteration(value).
        if (result == Kaa_None && quiet) {
            Kaa_DECREF(result);
            return NULL;
        }
        if (result == Kaa_None) {
            KaaErr_SetNone(KaaExc(StopIteration));
        } else {
            KaaObject *args = KaaTuple_Pack(1, result);
            if (args) {
                KaaObject *si = KaaException_New(KaaExc(StopIteration), args);
                Kaa_DECREF(args);
                if (si) {
                    KaaErr_SetObject(KaaExc(StopIteration), si);
                    Kaa_DECREF(si);
                }
            }
        }
        Kaa_DECREF(result);
        return NULL;
    }
    // PEP 479: a StopIteration escaping the generator becomes RuntimeError.
    if (KaaErr_ExceptionMatches(KaaExc(StopIteration))) {
        KaaObject *cause = KaaErr_GetRaisedException();
        KaaErr_SetString(KaaExc(RuntimeError), "generator raised StopIteration");
        KaaObject *rt = kaa_ts.curexc;
        if (rt) {
            KaaBaseExceptionObject *be = (KaaBaseExceptionObject *)rt;
            Kaa_SETREF(be->cause, Kaa_NewRef(cause));
            Kaa_SETREF(be->context, cause);
            be->suppress_context = 1;
        } else {
            Kaa_DECREF(cause);
        }
    }
    return NULL;
}

static KaaObject *gen_iternext(KaaObject *self)
{
    return kaa_gen_send_ex(self, Kaa_None, 0, 1);
}

static KaaObject *gen_send(KaaObject *self, KaaObject *arg)
{
    return kaa_gen_send_ex(self, arg, 0, 0);
}

// The object a suspended `yield from` delegates to, or NULL.
static KaaObject *gen_yf(KaaGenObject *gen)
{
    KaaFrame *f = gen->gi_frame;
    if (gen->gi_state != GEN_SUSPENDED || !f->yield_from || f->stacktop < 1) {
        return NULL;
    }
    return f->localsplus[f->code->co_nlocalsplus + f->stacktop - 1];
}

static int gen_close_iter(KaaObject *yf)
{
    KaaObject *r;
    if (kaa_gen_check(yf)) {
        r = KaaObject_CallMethod(yf, "close", NULL, 0);
    } else {
        KaaObject *meth;
        if (KaaObject_LookupAttr(yf, KaaStr_InternFromString("close"), &meth) < 0) {
            KaaErr_WriteUnraisable(yf);
            return 0;
        }
        if (meth == NULL) {
            return 0;
        }
        r = KaaObject_CallNoArgs(meth);
        Kaa_DECREF(meth);
    }
    if (r == NULL) {
        return -1;
    }
    Kaa_DECREF(r);
    return 0;
}

// Raise exc inside the generator at its yield.
static KaaObject *throw_here(KaaGenObject *gen, KaaObject *exc)
{
    KaaErr_SetRaisedException(exc);
    if (gen->gi_state == GEN_CREATED) {
        // Never started: the exception is raised at the start, like CPython.
        gen->gi_state = GEN_SUSPENDED;
    }
    return kaa_gen_send_ex((KaaObject *)gen, Kaa_None, 1, 0);
}

// Normalize throw(type[, value[, tb]]) into one exception instance.
static KaaObject *make_throw_exception(KaaObject *const *args, size_t nargs)
{
    KaaObject *typ = args[0];
    KaaObject *val = nargs > 1 ? args[1] : Kaa_None;
    if (KaaExceptionClass_Check(typ)) {
        if (KaaExceptionInstance_Check(val)) {
            return Kaa_NewRef(val);
        }
        return val == Kaa_None ? KaaObject_CallNoArgs(typ) : KaaObject_CallOneArg(typ, val);
    }
    if (KaaExceptionInstance_Check(typ)) {
        if (val != Kaa_None) {
            return KaaErr_Format(KaaExc(TypeError),
                                 "instance exception may not have a separate value");
        }
        return Kaa_NewRef(typ);
    }
    return KaaErr_Format(KaaExc(TypeError),
                         "exceptions must be classes or instances deriving from BaseException, "
                         "not %s",
                         Kaa_TYPE(typ)->tp_name);
}

// The argument of the instruction at code unit i, EXTENDED_ARG prefixes included.
static int decode_arg(KaaCodeObject *co, int i)
{
    int arg = 0;
    for (;; i++) {
        uint16_t w = co->co_code[i];
        arg = (arg << 8) | (w >> 8);
        if ((w & 0xFF) != OP_EXTENDED_ARG_VALUE) {
            return arg;
        }
    }
}

// throw(type[, value[, traceback]]) with the arguments as given: a delegate
// of `yield from` receives them unchanged (CPython's _gen_throw), so only a
// throw that lands in this generator checks and normalizes them.
static KaaObject *gen_throw_args(KaaGenObject *gen, KaaObject *const *args, size_t nargs)
{
    KaaObject *yf = gen_yf(gen);
    if (yf == NULL) {
        KaaObject *exc = make_throw_exception(args, nargs);
        return exc ? throw_here(gen, exc) : NULL;
    }
    Kaa_INCREF(yf);
    KaaObject *ret;
    if (KaaErr_GivenExceptionMatches(args[0], KaaExc(GeneratorExit))) {
        gen->gi_state = GEN_RUNNING;
        int r = gen_close_iter(yf);
        gen->gi_state = GEN_SUSPENDED;
        Kaa_DECREF(yf);
        if (r < 0) {
            return throw_here(gen, KaaErr_GetRaisedException());
        }
        KaaObject *exc = make_throw_exception(args, nargs);
        return exc ? throw_here(gen, exc) : NULL;
    }
    if (kaa_gen_check(yf)) {
        gen->gi_state = GEN_RUNNING;
        ret = gen_throw_args((KaaGenObject *)yf, args, nargs);
        gen->gi_state = GEN_SUSPENDED;
    } else {
        KaaObject *meth;
        if (KaaObject_LookupAttr(yf, KaaStr_InternFromString("throw"), &meth) < 0 ||
            meth == NULL) {
            Kaa_DECREF(yf);
            if (KaaErr_Occurred()) {
                return throw_here(gen, KaaErr_GetRaisedException());
            }
            KaaObject *exc = make_throw_exception(args, nargs);
            return exc ? throw_here(gen, exc) : NULL;
        }
        gen->gi_state = GEN_RUNNING;
        ret = KaaObject_Vectorcall(meth, args, nargs, NULL);
        gen->gi_state = GEN_SUSPENDED;
        Kaa_DECREF(meth);
    }
    Kaa_DECREF(yf);
    if (ret) {
        return ret; // the sub-iterator yielded again
    }
    // The sub-iterator finished or raised: leave the SEND loop (pop the
    // receiver, continue at SEND's exit) and resume there with its
    // return value, or with the exception (CPython 3.11's gen_throw).
    KaaFrame *f = gen->gi_frame;
    KaaObject **top = &f->localsplus[f->code->co_nlocalsplus + f->stacktop - 1];
    Kaa_CLEAR(*top);
    f->stacktop--;
    int send_at = decode_arg(f->code, (int)(f->instr - f->code->co_code)); // JUMP -> SEND
    f->instr = f->code->co_code + decode_arg(f->code, send_at);           // SEND -> exit
    if (KaaErr_ExceptionMatches(KaaExc(StopIteration))) {
        KaaObject *si = KaaErr_GetRaisedException();
        KaaObject *value = ((KaaStopIterationObject *)si)->value;
        value = value ? Kaa_NewRef(value) : kaa_none_ref();
        Kaa_DECREF(si);
        KaaObject *r = kaa_gen_send_ex((KaaObject *)gen, value, 0, 0);
        Kaa_DECREF(value);
        return r;
    }
    return throw_here(gen, KaaErr_GetRaisedException());
}

// Throw an exception instance (a reference the call takes).
static KaaObject *gen_throw_exc(KaaGenObject *gen, KaaObject *exc)
{
    KaaObject *r = gen_throw_args(gen, &exc, 1);
    Kaa_DECREF(exc);
    return r;
}

static KaaObject *gen_throw(KaaObject *self, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        return KaaErr_Format(KaaExc(TypeError), "throw() takes no keyword arguments");
    }
    if (nargs < 1 || nargs > 3) {
        return KaaErr_Format(KaaExc(TypeError), "throw expected at least 1 argument, got %zu",
                             nargs);
    }
    return gen_throw_args((KaaGenObject *)self, args, nargs);
}

static KaaObject *gen_close(KaaObject *self, KaaObject *unused)
{
    KaaGenObject *gen = (KaaGenObject *)self;
    if (gen->gi_state == GEN_CREATED) {
        gen->gi_state = GEN_FINISHED;
        kaa_frame_clear_locals(gen->gi_frame);
        Kaa_RETURN_NONE;
    }
    if (gen->gi_state == GEN_FINISHED) {
        Kaa_RETURN_NONE;
    }
    KaaObject *exc = KaaObject_CallNoArgs(KaaExc(GeneratorExit));
    if (exc == NULL) {
        return NULL;
    }
    KaaObject *r = gen_throw_exc(gen, exc);
    if (r) {
        Kaa_DECREF(r);
        return KaaErr_Format(KaaExc(RuntimeError), "generator ignored GeneratorExit");
    }
    if (KaaErr_ExceptionMatches(KaaExc(StopIteration)) ||
        KaaErr_ExceptionMatches(KaaExc(GeneratorExit))) {
        KaaErr_Clear();
        Kaa_RETURN_NONE;
    }
    return NULL;
}

// Closing a suspended generator when it is collected (PEP 442 finalizer).
static void gen_finalize(KaaObject *self)
{
    KaaGenObject *gen = (KaaGenObject *)self;
    if (gen->gi_state != GEN_SUSPENDED) {
        return;
    }
    KaaObject *saved = KaaErr_GetRaisedException();
    KaaObject *r = gen_close(self, NULL);
    if (r == NULL) {
        KaaErr_WriteUnraisable(self);
    } else {
        Kaa_DECREF(r);
    }
    KaaErr_SetRaisedException(saved);
}

static int gen_traverse(KaaObject *o, visitproc visit, void *arg)
{
    KaaGenObject *gen = (KaaGenObject *)o;
    KaaFrame *f = gen->gi_frame;
    Kaa_VISIT(gen->gi_name);
    Kaa_VISIT(gen->gi_qualname);
    Kaa_VISIT(gen->gi_exc_state);
    if (gen->gi_state != GEN_FINISHED && f->code) {
        Kaa_VISIT(f->func);
        Kaa_VISIT(f->globals);
        Kaa_VISIT(f->builtins);
        Kaa_VISIT(f->locals);
        Kaa_VISIT(f->localsdict);
        Kaa_VISIT(f->code);
        int n = f->code->co_nlocalsplus + f->stacktop;
        for (int i = 0; i < n; i++) {
            Kaa_VISIT(f->localsplus[i]);
        }
    }
    return 0;
}

static int gen_clear(KaaObject *o)
{
    KaaGenObject *gen = (KaaGenObject *)o;
    if (gen->gi_frame->code) {
        kaa_frame_clear_locals(gen->gi_frame);
    }
    gen->gi_state = GEN_FINISHED;
    Kaa_CLEAR(gen->gi_exc_state);
    return 0;
}

static void gen_dealloc(KaaObject *o)
{
    KaaGenObject *gen = (KaaGenObject *)o;
    kaa_weakref_clear_refs(o); // as CPython: before the finalizer runs
    // Run the finalizer (close) first: it may resurrect the generator.
    if (gen->gi_state == GEN_SUSPENDED && !(KAA_AS_GC(o)->gc_prev & KAA_GC_PREV_MASK_FINALIZED)) {
        KAA_AS_GC(o)->gc_prev |= KAA_GC_PREV_MASK_FINALIZED;
        o->ob_refcnt = 1;
        gen_finalize(o);
        if (--o->ob_refcnt > 0) {
            return;
        }
    }
    kaa_gc_untrack(o);
    gen_clear(o);
    Kaa_CLEAR(gen->gi_name);
    Kaa_CLEAR(gen->gi_qualname);
    Kaa_CLEAR(gen->gi_frame->code);
    kaa_object_free(o);
}

static KaaObject *gen_repr(KaaObject *o)
{
    return KaaStr_FromFormat("<generator object %U at %p>", ((KaaGenObject *)o)->gi_qualname,
                             (void *)o);
}

static KaaObject *self_iter(KaaObject *o)
{
    return Kaa_NewRef(o);
}

static KaaObject *gen_get_running(KaaObject *o, void *c)
{
    return KaaBool_FromLong(((KaaGenObject *)o)->gi_state == GEN_RUNNING);
}

static KaaObject *gen_get_suspended(KaaObject *o, void *c)
{
    return KaaBool_FromLong(((KaaGenObject *)o)->gi_state == GEN_SUSPENDED);
}

static KaaObject *gen_get_code(KaaObject *o, void *c)
{
    KaaCodeObject *co = ((KaaGenObject *)o)->gi_frame->code;
    return co ? Kaa_NewRef(co) : kaa_none_ref();
}

static KaaObject *gen_get_yieldfrom(KaaObject *o, void *c)
{
    KaaObject *yf = gen_yf((KaaGenObject *)o);
    return yf ? Kaa_NewRef(yf) : kaa_none_ref();
}

static KaaGetSetDef gen_getset[] = {
    {"gi_running", gen_get_running},
    {"gi_suspended", gen_get_suspended},
    {"gi_code", gen_get_code},
    {"gi_yieldfrom", gen_get_yieldfrom},
    {NULL},
};

static KaaMemberDef gen_members[] = {
    {"__name__", KAA_T_OBJECT, offsetof(KaaGenObject, gi_name), KAA_MEMBER_WRITABLE},
    {"__qualname__", KAA_T_OBJECT, offsetof(KaaGenObject, gi_qualname), KAA_MEMBER_WRITABLE},
    {NULL},
};

static KaaMethodDef gen_methods[] = {
    {"send", gen_send, KAA_METH_O},
    {"throw", gen_throw, KAA_METH_FASTCALL},
    {"close", gen_close, KAA_METH_NOARGS},
    {NULL},
};

KaaTypeObject KaaGen_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "generator",
    .tp_basicsize = sizeof(KaaGenObject),
    .tp_itemsize = sizeof(KaaObject *),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = gen_dealloc,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_clear,
    .tp_finalize = gen_finalize,
    .tp_repr = gen_repr,
    .tp_iter = self_iter,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_members = gen_members,
    .tp_getset = gen_getset,
    .tp_weaklistoffset = offsetof(KaaGenObject, gi_weakreflist),
};
