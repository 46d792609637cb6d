/* Classes defined in Python (heap types) and their instances.
 *
 * Instances of ordinary classes keep their attributes CPython 3.11-style:
 * the class owns a list of attribute names shared by all its instances
 * (KaaSharedKeys), and each instance holds only an array of values in that
 * order (KaaInlineValues) plus its own insertion order. A real dict is
 * created ("materialized") only when obj.__dict__ is read or the shared
 * layout cannot hold the attribute; from then on the instance uses the dict.
 * So a self-referencing instance is one object to the cycle collector until
 * its __dict__ is looked at, as in CPython 3.11.
 */
#ifndef KAA_HEAPTYPE_H
#define KAA_HEAPTYPE_H
#ifndef KAA_BUILD_CORE
#error "internal header: build with KAA_BUILD_CORE"
#endif

#include "kaa.h"

#define KAA_SHARED_KEYS_MAX 30

typedef struct KaaSharedKeys {
    int n;                                  // names in use (never removed)
    KaaObject *names[KAA_SHARED_KEYS_MAX];  // interned str, strong references
} KaaSharedKeys;

typedef struct KaaInlineValues {
    int cap;                            // value slots allocated
    int norder;                         // entries in order[]
    uint8_t order[KAA_SHARED_KEYS_MAX]; // key indexes in insertion order
    KaaObject *values[];                // values[i] belongs to names[i]; NULL: unset
} KaaInlineValues;

typedef struct KaaHeapTypeObject {
    KaaTypeObject ht_type;
    KaaNumberMethods as_number;
    KaaSequenceMethods as_sequence;
    KaaMappingMethods as_mapping;
    KaaSharedKeys *ht_cached_keys; // for KAA_TPFLAGS_MANAGED_DICT types
    KaaObject *ht_slots;           // tuple of __slots__ names, or NULL
    KaaMemberDef *ht_members;      // descriptors for __slots__
    char *ht_tpname;               // tp_name's storage
    // Every live class, in creation order, so that assigning a special
    // method to a class can update the slots of its subclasses too.
    struct KaaHeapTypeObject *ht_next, **ht_pprev;
} KaaHeapTypeObject;

// Attribute storage of instances with a managed dict (object.c calls these).
// Lookup: borrowed value or NULL (exception set only on error).
KaaObject *kaa_instance_lookup(KaaObject *o, KaaObject *name);
// Store (value NULL: delete). Return 1 done, 0 not found (delete), -1 error.
int kaa_instance_store(KaaObject *o, KaaObject *name, KaaObject *value);
// The instance's __dict__, materialized if needed (borrowed) or NULL.
KaaObject *kaa_instance_dict(KaaObject *o);
// Where name lives in the shared keys of o's class (-1: nowhere yet), and
// how many shared keys the class has.
int kaa_instance_key_index(KaaObject *o, KaaObject *name);
int kaa_instance_nkeys(KaaObject *o);
// obj.__class__ = value, between classes of the same layout.
int kaa_object_set_class(KaaObject *o, KaaObject *value);

// The two words at tp_dictoffset of a managed-dict instance: its dict once
// materialized (else NULL), and its inline values.
static inline KaaObject *kaa_instance_dict_ptr(KaaObject *o)
{
    return *(KaaObject **)((char *)o + Kaa_TYPE(o)->tp_dictoffset);
}

static inline KaaInlineValues *kaa_instance_values(KaaObject *o)
{
    return *(KaaInlineValues **)((char *)o + Kaa_TYPE(o)->tp_dictoffset + sizeof(KaaObject *));
}

KaaObject *kaa_type_new(KaaTypeObject *meta, KaaObject *name, KaaObject *bases, KaaObject *ns,
                        KaaObject *kwds);
int kaa_add_operators(KaaTypeObject *type);
// After a special method was set on or deleted from a class: recompute the
// slots of that class and of every class deriving from it.
void kaa_heaptype_update_slots(KaaTypeObject *type);
KaaObject *kaa_type_subclasses(KaaObject *self, KaaObject *unused);
// type.__name__ = value for a class (TypeError unless a str).
int kaa_heaptype_set_name(KaaTypeObject *type, KaaObject *value);
void kaa_heaptype_fini(void);

extern KaaTypeObject KaaSuper_Type, KaaProperty_Type, KaaStaticMethod_Type, KaaClassMethod_Type,
    KaaWrapperDescr_Type;

#endif
