/* Struct sequences (objects/structseq.c): tuples whose items also have
 * names, like sys.version_info and time.struct_time (CPython's structseq.c).
 *
 * A struct sequence type is a static type derived from tuple whose tp_members
 * lists its fields in order, each made with KAA_STRUCTSEQ_FIELD: a read-only
 * member at the address of item `index` (the items are inline in the tuple). Set .tp_repr =
 * kaa_structseq_repr for the "name(field=value, ...)" repr, and .tp_new to kaa_structseq_no_new
 * when Python code may not create instances.
 */
#ifndef KAA_STRUCTSEQ_H
#define KAA_STRUCTSEQ_H
#ifndef KAA_BUILD_CORE
#error "internal header: build with KAA_BUILD_CORE"
#endif

#include "kaa.h"

#define KAA_STRUCTSEQ_FIELD(name, index)                                                           \
    {                                                                                              \
        (name), KAA_T_OBJECT,                                                                      \
            (Kaa_ssize_t)(offsetof(KaaTupleObject, ob_item) + (index) * sizeof(KaaObject *)), 0,   \
            NULL                                                                                   \
    }

// A new instance of type t holding items[0..n) (references are not stolen).
// Raises (MemoryError).
KaaObject *kaa_structseq_new(KaaTypeObject *t, KaaObject *const *items, Kaa_ssize_t n);
KaaObject *kaa_structseq_repr(KaaObject *self);
// tp_new that refuses: "cannot create 'sys.version_info' instances".
KaaObject *kaa_structseq_no_new(KaaTypeObject *t, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames);

#endif
