// tuple: a fixed-size array of references. The empty tuple is a singleton.
#ifndef KAA_TUPLEOBJECT_H
#define KAA_TUPLEOBJECT_H

#include "kaa/object.h"

typedef struct KaaTupleObject {
    KaaObject_VAR_HEAD
    KaaObject *ob_item[];
} KaaTupleObject;

extern KaaTypeObject KaaTuple_Type;
#define KaaTuple_CheckExact(o) (Kaa_TYPE(o) == &KaaTuple_Type)
#define KaaTuple_Check(o) KaaType_HasFeature(Kaa_TYPE(o), KAA_TPFLAGS_TUPLE_SUBCLASS)
#define KaaTuple_GET_SIZE(o) Kaa_SIZE(o)
#define KaaTuple_GET_ITEM(o, i) (((KaaTupleObject *)(o))->ob_item[i])
#define KaaTuple_SET_ITEM(o, i, v) (((KaaTupleObject *)(o))->ob_item[i] = (v))

// New tuple of n NULL items (fill with SET_ITEM, which steals). Tracked.
KaaObject *KaaTuple_New(Kaa_ssize_t n);
KaaObject *KaaTuple_FromArray(KaaObject *const *items, Kaa_ssize_t n); // new refs taken
KaaObject *KaaTuple_Pack(Kaa_ssize_t n, ...);
KaaObject *KaaSequence_Tuple(KaaObject *iterable);
// New tuple of t[lo:hi] (t itself when that is all of an exact tuple).
KaaObject *KaaTuple_GetSlice(KaaObject *t, Kaa_ssize_t lo, Kaa_ssize_t hi);
// For the collector (CPython's _PyTuple_MaybeUntrack): untrack t if none of
// its items could ever be part of a cycle. Return 1 if t was untracked.
int kaa_tuple_maybe_untrack(KaaObject *t);
// Release the empty-tuple singleton at shutdown.
void kaa_tuple_fini(void);

#endif
