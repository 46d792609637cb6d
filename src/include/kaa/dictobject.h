/* dict: the compact, insertion-ordered hash table of CPython 3.6+.
 * An index table of slots (-1 empty, -2 deleted, else an entry number) over a
 * dense array of entries kept in insertion order.
 */
#ifndef KAA_DICTOBJECT_H
#define KAA_DICTOBJECT_H

#include "kaa/object.h"

typedef struct KaaDictEntry {
    Kaa_hash_t hash;
    KaaObject *key; // NULL: deleted entry
    KaaObject *value;
} KaaDictEntry;

typedef struct KaaDictObject {
    KaaObject_HEAD
    Kaa_ssize_t used;     // live items
    Kaa_ssize_t nentries; // entries filled, live or deleted
    Kaa_ssize_t capacity; // room in entries
    Kaa_ssize_t mask;     // index table size - 1 (size is a power of 2), or -1 if none
    uint64_t version;     // bumped on every change (inline caches use it)
    int32_t *indices;
    KaaDictEntry *entries;
} KaaDictObject;

extern KaaTypeObject KaaDict_Type;
#define KaaDict_CheckExact(o) (Kaa_TYPE(o) == &KaaDict_Type)
#define KaaDict_Check(o) KaaType_HasFeature(Kaa_TYPE(o), KAA_TPFLAGS_DICT_SUBCLASS)
#define KaaDict_GET_SIZE(o) (((KaaDictObject *)(o))->used)

KaaObject *KaaDict_New(void);
// Borrowed reference or NULL; sets no exception unless hashing fails.
KaaObject *KaaDict_GetItemWithError(KaaObject *d, KaaObject *key);
KaaObject *KaaDict_GetItemString(KaaObject *d, const char *key); // borrowed, no exception
int KaaDict_SetItem(KaaObject *d, KaaObject *key, KaaObject *value); // does not steal
int KaaDict_SetItemString(KaaObject *d, const char *key, KaaObject *value);
int KaaDict_DelItem(KaaObject *d, KaaObject *key); // KeyError when missing
int KaaDict_DelItemString(KaaObject *d, const char *key);
int KaaDict_Contains(KaaObject *d, KaaObject *key);
// Iterate: *pos starts at 0; borrowed key/value. Return 0 at the end.
int KaaDict_Next(KaaObject *d, Kaa_ssize_t *pos, KaaObject **key, KaaObject **value);
void KaaDict_Clear(KaaObject *d);
KaaObject *KaaDict_Copy(KaaObject *d);
int KaaDict_Update(KaaObject *d, KaaObject *other);
KaaObject *KaaDict_Keys(KaaObject *d); // new list
KaaObject *KaaDict_Values(KaaObject *d); // new list
KaaObject *KaaDict_Items(KaaObject *d);  // new list of (key, value) tuples
// Merge mapping b into a: override 1 replaces existing keys, 0 keeps them,
// 2 raises KeyError(key) on a duplicate (for f(**a, **b)). Raises.
int KaaDict_Merge(KaaObject *a, KaaObject *b, int override);
// A dict with room for minused items (CPython's _PyDict_NewPresized). Raises.
KaaObject *KaaDict_NewPresized(Kaa_ssize_t minused);
// BUILD_MAP: keys[i*keys_offset] -> values[i*values_offset], presized as
// CPython's _PyDict_FromItems. New reference; raises.
KaaObject *KaaDict_FromItems(KaaObject *const *keys, Kaa_ssize_t keys_offset,
                             KaaObject *const *values, Kaa_ssize_t values_offset,
                             Kaa_ssize_t length);
// d.setdefault(key, deflt): borrowed reference to the value, NULL on error.
KaaObject *KaaDict_SetDefault(KaaObject *d, KaaObject *key, KaaObject *deflt);
// d.pop(key[, deflt]) (deflt NULL: KeyError when missing). New reference.
KaaObject *KaaDict_Pop(KaaObject *d, KaaObject *key, KaaObject *deflt);
// For full collections (CPython's _PyDict_MaybeUntrack): untrack an exact
// dict none of whose keys and values could ever be part of a cycle.
void kaa_dict_untrack_if_atomic(KaaObject *d);

#endif
