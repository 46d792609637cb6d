// list: a resizable array of references.
#ifndef KAA_LISTOBJECT_H
#define KAA_LISTOBJECT_H

#include "kaa/object.h"

typedef struct KaaListObject {
    KaaObject_VAR_HEAD
    KaaObject **ob_item;
    Kaa_ssize_t allocated;
} KaaListObject;

extern KaaTypeObject KaaList_Type;
#define KaaList_CheckExact(o) (Kaa_TYPE(o) == &KaaList_Type)
#define KaaList_Check(o) KaaType_HasFeature(Kaa_TYPE(o), KAA_TPFLAGS_LIST_SUBCLASS)
#define KaaList_GET_SIZE(o) Kaa_SIZE(o)
#define KaaList_GET_ITEM(o, i) (((KaaListObject *)(o))->ob_item[i])
#define KaaList_SET_ITEM(o, i, v) (((KaaListObject *)(o))->ob_item[i] = (v))

KaaObject *KaaList_New(Kaa_ssize_t n); // n NULL items to fill with SET_ITEM (steals)
int KaaList_Append(KaaObject *list, KaaObject *item); // does not steal
KaaObject *KaaList_AsTuple(KaaObject *list);
KaaObject *KaaSequence_List(KaaObject *iterable);
int KaaList_Sort(KaaObject *list);
// Raise (-1) or return 0. Insert clamps `where` as list.insert does.
int KaaList_Insert(KaaObject *list, Kaa_ssize_t where, KaaObject *item); // does not steal
int KaaList_Extend(KaaObject *list, KaaObject *iterable); // list.extend; raises
KaaObject *KaaList_GetSlice(KaaObject *list, Kaa_ssize_t lo, Kaa_ssize_t hi); // new list

// --- Helpers the container types share (defined in objects/listobject.c) ----

// Repr recursion guard (CPython's Py_ReprEnter/Py_ReprLeave): enter returns 0
// (now inside o), 1 when o's repr is already being built (print "[...]"), or
// -1 with MemoryError. Call leave only after enter returned 0.
int kaa_repr_enter(KaaObject *o);
void kaa_repr_leave(KaaObject *o);
// Append repr(o) to a text buffer (util/strbuf.h). 0, or -1 with an exception.
struct KaaStrBuf;
int kaa_repr_append(struct KaaStrBuf *b, KaaObject *o);

// The dealloc trashcan (CPython's Py_TRASHCAN_BEGIN/END) for GC types, so
// that freeing deep nesting cannot overflow the C stack. After untracking:
//     int trash = kaa_trashcan_begin(o, my_dealloc);
//     if (trash < 0) return;   // parked: my_dealloc runs again later
//     ... release references, free ...
//     kaa_trashcan_end(trash);
// Only active when o's type's tp_dealloc is my_dealloc (not for subclasses).
int kaa_trashcan_begin(KaaObject *o, destructor dealloc);
void kaa_trashcan_end(int entered);

// len(o), else o.__length_hint__(), else dflt (PyObject_LengthHint). -1 on error.
Kaa_ssize_t kaa_length_hint(KaaObject *o, Kaa_ssize_t dflt);
// PySequence_Fast: new reference to o if a list or tuple, else list(o); a
// TypeError from iter(o) is replaced by msg.
KaaObject *kaa_sequence_fast(KaaObject *o, const char *msg);

// Compare two sizes with a rich comparison op: new reference to a bool.
KaaObject *kaa_compare_sizes(Kaa_ssize_t a, Kaa_ssize_t b, int op);
// Free an instance after its dealloc work (drops the heap type's reference).
void kaa_container_free(KaaObject *o);
// KaaType_Ready for the private helper types (iterators, views) on first use.
int kaa_container_ready(KaaTypeObject *t);
// "pop expected at most 1 argument, got 2"; -1 with TypeError.
int kaa_container_check_nargs(const char *name, size_t nargs, size_t min, size_t max);
// "list.pop() takes no keyword arguments" when kwnames is not empty.
int kaa_container_no_kwargs(const char *qualname, KaaObject *kwnames);
// An index()'s start/stop argument (_PyEval_SliceIndexNotNone), clipped.
int kaa_container_slice_index(KaaObject *o, Kaa_ssize_t *out);
// index(x[, start[, stop]]) bounds from args[1], args[2], clamped for n items.
int kaa_container_index_bounds(KaaObject *const *args, size_t nargs, Kaa_ssize_t n,
                               Kaa_ssize_t *start, Kaa_ssize_t *stop);

#endif
