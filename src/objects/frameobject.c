/* Frame objects: what sys._getframe() returns, a view of a running frame.
 *
 * kaa's frames live on the data stack (or inside a generator) and are not
 * objects. As CPython 3.11 does with its _PyInterpreterFrame, a frame object
 * is made only when asked for, and points at the live frame; when the frame
 * finishes (kaa_frame_clear_locals) the object keeps what it still needs:
 * the code, namespaces, last line, a locals dict and its caller's frame
 * object. So f_back is the caller while both run, and stays valid after.
 */
#include "gc/gc.h"
#include "mem/mem.h"
#include "vm/vm.h"

typedef struct {
    KaaObject_HEAD KaaFrame *frame; // the live frame, or NULL once finished
    // Kept when the frame finished:
    KaaObject *code, *globals, *builtins, *locals, *back;
    int lineno, lasti;
} FrameObject;

#define FO(o) ((FrameObject *)(o))

// The instruction the frame is at (the call it is making, for a caller).
static int frame_lasti(KaaFrame *f)
{
    int i = (int)(f->instr - f->code->co_code) - 1;
    return i < 0 ? 0 : i;
}

static int frame_lineno(KaaFrame *f)
{
    int i = frame_lasti(f);
    return i < f->code->co_ninstrs ? f->code->co_positions[i].lineno : f->code->co_firstlineno;
}

KaaObject *kaa_frame_object(KaaFrame *f)
{
    if (f->frame_obj) {
        return Kaa_NewRef(f->frame_obj);
    }
    FrameObject *fo = (FrameObject *)kaa_object_new(&KaaFrame_Type);
    if (fo == NULL) {
        return NULL;
    }
    fo->frame = f;
    f->frame_obj = (KaaObject *)fo; // borrowed: the object clears it when it dies
    KAA_GC_TRACK(fo);
    return (KaaObject *)fo;
}

void kaa_frame_object_detach(KaaFrame *f)
{
    FrameObject *fo = FO(f->frame_obj);
    Kaa_INCREF(fo);
    fo->code = Kaa_NewRef(f->code);
    fo->globals = Kaa_XNewRef(f->globals);
    fo->builtins = Kaa_XNewRef(f->builtins);
    fo->lineno = frame_lineno(f);
    fo->lasti = frame_lasti(f);
    fo->locals = kaa_frame_locals(f);
    if (fo->locals == NULL) {
        KaaErr_Clear(); // the frame is going away: an empty view will do
    }
    // A suspended generator's previous frame is whoever resumed it last: stale.
    if (f->previous && !f->owned_by_gen) {
        fo->back = kaa_frame_object(f->previous);
        if (fo->back == NULL) {
            KaaErr_Clear();
        }
    }
    fo->frame = NULL;
    f->frame_obj = NULL;
    Kaa_DECREF(fo);
}

static void frame_dealloc(KaaObject *o)
{
    FrameObject *fo = FO(o);
    kaa_gc_untrack(o);
    if (fo->frame) {
        fo->frame->frame_obj = NULL;
    }
    Kaa_XDECREF(fo->code);
    Kaa_XDECREF(fo->globals);
    Kaa_XDECREF(fo->builtins);
    Kaa_XDECREF(fo->locals);
    Kaa_XDECREF(fo->back);
    kaa_object_free(o);
}

static int frame_traverse(KaaObject *o, visitproc visit, void *arg)
{
    FrameObject *fo = FO(o);
    Kaa_VISIT(fo->code);
    Kaa_VISIT(fo->globals);
    Kaa_VISIT(fo->builtins);
    Kaa_VISIT(fo->locals);
    Kaa_VISIT(fo->back);
    return 0;
}

static int frame_clear(KaaObject *o)
{
    FrameObject *fo = FO(o);
    Kaa_CLEAR(fo->locals);
    Kaa_CLEAR(fo->back);
    return 0;
}

static KaaObject *or_none(KaaObject *o)
{
    return o ? Kaa_NewRef(o) : kaa_none_ref();
}

static KaaObject *frame_get_code(KaaObject *o, void *c)
{
    FrameObject *fo = FO(o);
    return Kaa_NewRef(fo->frame ? (KaaObject *)fo->frame->code : fo->code);
}

static KaaObject *frame_get_globals(KaaObject *o, void *c)
{
    FrameObject *fo = FO(o);
    return or_none(fo->frame ? fo->frame->globals : fo->globals);
}

static KaaObject *frame_get_builtins(KaaObject *o, void *c)
{
    FrameObject *fo = FO(o);
    return or_none(fo->frame ? fo->frame->builtins : fo->builtins);
}

static KaaObject *frame_get_locals(KaaObject *o, void *c)
{
    FrameObject *fo = FO(o);
    if (fo->frame) {
        return kaa_frame_locals(fo->frame);
    }
    return fo->locals ? Kaa_NewRef(fo->locals) : KaaDict_New();
}

static KaaObject *frame_get_lineno(KaaObject *o, void *c)
{
    FrameObject *fo = FO(o);
    return KaaInt_FromInt64(fo->frame ? frame_lineno(fo->frame) : fo->lineno);
}

static KaaObject *frame_get_lasti(KaaObject *o, void *c)
{
    FrameObject *fo = FO(o);
    return KaaInt_FromInt64(2 * (fo->frame ? frame_lasti(fo->frame) : fo->lasti));
}

// The frame that called this one: None at the bottom, for a generator that
// is not running, and for a finished frame whose caller was not kept.
static KaaObject *frame_get_back(KaaObject *o, void *c)
{
    FrameObject *fo = FO(o);
    if (fo->frame == NULL) {
        return or_none(fo->back);
    }
    KaaFrame *f = fo->frame;
    if (f->previous == NULL || (f->owned_by_gen && !kaa_frame_is_running(f))) {
        Kaa_RETURN_NONE;
    }
    return kaa_frame_object(f->previous);
}

static KaaObject *frame_get_none(KaaObject *o, void *c)
{
    Kaa_RETURN_NONE;
}

static KaaObject *frame_repr(KaaObject *o)
{
    KaaObject *code = frame_get_code(o, NULL);
    KaaObject *line = frame_get_lineno(o, NULL);
    KaaObject *r = NULL;
    if (code && line) {
        KaaCodeObject *co = (KaaCodeObject *)code;
        r = KaaStr_FromFormat("<frame at %p, file %R, line %S, code %U>", (void *)o,
                              co->co_filename, line, co->co_name);
    }
    Kaa_XDECREF(code);
    Kaa_XDECREF(line);
    return r;
}

static KaaObject *frame_clear_method(KaaObject *o, KaaObject *unused)
{
    if (FO(o)->frame) {
        return KaaErr_Format(KaaExc(RuntimeError), "cannot clear an executing frame");
    }
    Kaa_CLEAR(FO(o)->locals);
    Kaa_RETURN_NONE;
}

static KaaGetSetDef frame_getset[] = {
    {"f_code", frame_get_code},       {"f_globals", frame_get_globals},
    {"f_builtins", frame_get_builtins}, {"f_locals", frame_get_locals},
    {"f_lineno", frame_get_lineno},   {"f_lasti", frame_get_lasti},
    {"f_back", frame_get_back},       {"f_trace", frame_get_none},
    {NULL},
};

static KaaMethodDef frame_methods[] = {
    {"clear", frame_clear_method, KAA_METH_NOARGS, NULL},
    {NULL},
};

KaaTypeObject KaaFrame_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "frame",
    .tp_basicsize = sizeof(FrameObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = frame_dealloc,
    .tp_traverse = frame_traverse,
    .tp_clear = frame_clear,
    .tp_repr = frame_repr,
    .tp_getattro = KaaObject_GenericGetAttr,
    .tp_getset = frame_getset,
    .tp_methods = frame_methods,
};
