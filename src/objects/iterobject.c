/* The generic iterators of iter(): the sequence iterator ("iterator"), for
 * objects with __getitem__ but no __iter__, which asks for items 0, 1, 2...
 * until IndexError or StopIteration; and the callable iterator of
 * iter(callable, sentinel).
 */
#include "gc/gc.h"
#include "vm/vm.h"

typedef struct SeqIterObject {
    KaaObject_HEAD Kaa_ssize_t index;
    KaaObject *seq; // NULL once exhausted
} SeqIterObject;

KaaObject *kaa_iter_self(KaaObject *o)
{
    return Kaa_NewRef(o);
}

KaaObject *KaaSeqIter_New(KaaObject *seq)
{
    if (kaa_container_ready(&KaaSeqIter_Type) < 0) {
        return NULL;
    }
    SeqIterObject *it = (SeqIterObject *)KaaType_GenericAlloc(&KaaSeqIter_Type, 0);
    if (it == NULL) {
        return NULL;
    }
    it->seq = Kaa_NewRef(seq);
    KAA_GC_TRACK(it);
    return (KaaObject *)it;
}

static void seqiter_dealloc(KaaObject *o)
{
    kaa_gc_untrack_if_tracked(o);
    Kaa_XDECREF(((SeqIterObject *)o)->seq);
    kaa_object_free(o);
}

static int seqiter_traverse(KaaObject *o, visitproc visit, void *arg)
{
    Kaa_VISIT(((SeqIterObject *)o)->seq);
    return 0;
}

static int seqiter_clear(KaaObject *o)
{
    Kaa_CLEAR(((SeqIterObject *)o)->seq);
    return 0;
}

// seq[i] through sq_item when the type has it, else the generic protocol.
static KaaObject *get_item(KaaObject *seq, Kaa_ssize_t i)
{
    KaaSequenceMethods *sq = Kaa_TYPE(seq)->tp_as_sequence;
    if (sq && sq->sq_item) {
        return sq->sq_item(seq, i);
    }
    KaaObject *key = KaaInt_FromSsize_t(i);
    if (key == NULL) {
        return NULL;
    }
    KaaObject *res = KaaObject_GetItem(seq, key);
    Kaa_DECREF(key);
    return res;
}

static KaaObject *seqiter_next(KaaObject *o)
{
    SeqIterObject *it = (SeqIterObject *)o;
    KaaObject *seq = it->seq;
    if (seq == NULL) {
        return NULL;
    }
    if (it->index == KAA_SSIZE_MAX) {
        KaaErr_SetString(KaaExc(OverflowError), "iter index too large");
        return NULL;
    }
    KaaObject *result = get_item(seq, it->index);
    if (result != NULL) {
        it->index++;
        return result;
    }
    if (KaaErr_ExceptionMatches(KaaExc(IndexError)) ||
        KaaErr_ExceptionMatches(KaaExc(StopIteration))) {
        KaaErr_Clear();
        it->seq = NULL;
        Kaa_DECREF(seq);
    }
    return NULL;
}

// len(seq) - index when seq has a length, NotImplemented otherwise.
static KaaObject *seqiter_len(KaaObject *o, KaaObject *unused)
{
    SeqIterObject *it = (SeqIterObject *)o;
    if (it->seq == NULL) {
        return KaaInt_FromSsize_t(0);
    }
    KaaTypeObject *t = Kaa_TYPE(it->seq);
    if (!((t->tp_as_sequence && t->tp_as_sequence->sq_length) ||
          (t->tp_as_mapping && t->tp_as_mapping->mp_length))) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    Kaa_ssize_t size = KaaObject_Length(it->seq);
    if (size < 0) {
        return NULL;
    }
    Kaa_ssize_t len = size - it->index;
    return KaaInt_FromSsize_t(len >= 0 ? len : 0);
}

// --- iter(callable, sentinel) --------------------------------------------------------

typedef struct CallIterObject {
    KaaObject_HEAD KaaObject *callable; // both NULL once exhausted
    KaaObject *sentinel;
} CallIterObject;

static KaaTypeObject CallIter_Type;

KaaObject *KaaCallIter_New(KaaObject *callable, KaaObject *sentinel)
{
    if (kaa_container_ready(&CallIter_Type) < 0) {
        return NULL;
    }
    CallIterObject *it = (CallIterObject *)KaaType_GenericAlloc(&CallIter_Type, 0);
    if (it == NULL) {
        return NULL;
    }
    it->callable = Kaa_NewRef(callable);
    it->sentinel = Kaa_NewRef(sentinel);
    KAA_GC_TRACK(it);
    return (KaaObject *)it;
}

static void calliter_dealloc(KaaObject *o)
{
    CallIterObject *it = (CallIterObject *)o;
    kaa_gc_untrack_if_tracked(o);
    Kaa_XDECREF(it->callable);
    Kaa_XDECREF(it->sentinel);
    kaa_object_free(o);
}

static int calliter_traverse(KaaObject *o, visitproc visit, void *arg)
{
    Kaa_VISIT(((CallIterObject *)o)->callable);
    Kaa_VISIT(((CallIterObject *)o)->sentinel);
    return 0;
}

static int calliter_clear(KaaObject *o)
{
    Kaa_CLEAR(((CallIterObject *)o)->callable);
    Kaa_CLEAR(((CallIterObject *)o)->sentinel);
    return 0;
}

static KaaObject *calliter_next(KaaObject *o)
{
    CallIterObject *it = (CallIterObject *)o;
    if (it->callable == NULL) {
        return NULL;
    }
    KaaObject *result = KaaObject_CallNoArgs(it->callable);
    if (result != NULL) {
        int ok = KaaObject_RichCompareBool(it->sentinel, result, Kaa_EQ);
        if (ok == 0) {
            return result;
        }
        Kaa_DECREF(result);
        if (ok > 0) {
            Kaa_CLEAR(it->callable);
            Kaa_CLEAR(it->sentinel);
        }
    } else if (KaaErr_ExceptionMatches(KaaExc(StopIteration))) {
        KaaErr_Clear();
        Kaa_CLEAR(it->callable);
        Kaa_CLEAR(it->sentinel);
    }
    return NULL;
}

// --- Type objects ------------------------------------------------------------------------

static KaaMethodDef seqiter_methods[] = {
    {"__length_hint__", seqiter_len, KAA_METH_NOARGS, NULL},
    {NULL},
};

KaaTypeObject KaaSeqIter_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "iterator",
    .tp_basicsize = sizeof(SeqIterObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = seqiter_dealloc,
    .tp_traverse = seqiter_traverse,
    .tp_clear = seqiter_clear,
    .tp_iter = kaa_iter_self,
    .tp_iternext = seqiter_next,
    .tp_methods = seqiter_methods,
};

static KaaTypeObject CallIter_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(CallIterObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = calliter_dealloc,
    .tp_traverse = calliter_traverse,
    .tp_clear = calliter_clear,
    .tp_iter = kaa_iter_self,
    .tp_iternext = calliter_next,
};

// Ready this file's private types at start-up (interp.c), so their namespaces
// are not built in the middle of a program.
int kaa_iter_ready_types(void)
{
    if (KaaType_Ready(&CallIter_Type) < 0) {
        return -1;
    }
    return 0;
}
