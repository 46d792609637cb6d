// range, slice and the simple iterators.
#ifndef KAA_RANGEOBJECT_H
#define KAA_RANGEOBJECT_H

#include "kaa/object.h"

typedef struct KaaRangeObject {
    KaaObject_HEAD
    KaaObject *start, *stop, *step, *length; // ints
} KaaRangeObject;

typedef struct KaaSliceObject {
    KaaObject_HEAD
    KaaObject *start, *stop, *step; // None when omitted
} KaaSliceObject;

extern KaaTypeObject KaaRange_Type, KaaRangeIter_Type, KaaSlice_Type, KaaSeqIter_Type;
#define KaaSlice_Check(o) (Kaa_TYPE(o) == &KaaSlice_Type)

KaaObject *KaaSlice_New(KaaObject *start, KaaObject *stop, KaaObject *step);
// Compute start/stop/step/slicelength for a sequence of `length` items.
int KaaSlice_Unpack(KaaObject *slice, Kaa_ssize_t *start, Kaa_ssize_t *stop, Kaa_ssize_t *step);
Kaa_ssize_t KaaSlice_AdjustIndices(Kaa_ssize_t length, Kaa_ssize_t *start, Kaa_ssize_t *stop,
                                   Kaa_ssize_t step);
// Iterator over anything with __getitem__ (sq_item), stopping at IndexError.
KaaObject *KaaSeqIter_New(KaaObject *seq);
// iter(callable, sentinel): calls callable() until it returns sentinel.
KaaObject *KaaCallIter_New(KaaObject *callable, KaaObject *sentinel);
// tp_iter of iterators: return o itself (new reference). Never fails.
KaaObject *kaa_iter_self(KaaObject *o);
// range(start, stop, step) for C callers (ints; ValueError for step 0). New ref.
KaaObject *KaaRange_New(KaaObject *start, KaaObject *stop, KaaObject *step);
// slice.indices() arithmetic on ints of any size (_PySlice_GetLongIndices):
// new references in *start, *stop, *step. 0, or -1 with an exception.
int kaa_slice_long_indices(KaaObject *slice, KaaObject *length, KaaObject **start,
                           KaaObject **stop, KaaObject **step);

#endif
