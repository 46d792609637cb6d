/* set and frozenset: CPython 3.11's open-addressing hash table.
 *
 * The table is an array of (key, hash) entries whose size is a power of 2,
 * at least KAA_SET_MINSIZE; small sets keep theirs inside the object. An
 * entry is empty (key NULL, hash 0), active, or a dummy left by a deletion
 * (a private sentinel key, hash -1) so that probing goes on past it. A key
 * is looked for at hash & mask and the next LINEAR_PROBES entries, then at
 * CPython's perturbed positions. `fill` counts active plus dummy entries,
 * `used` the active ones; the table grows when fill*5 >= mask*3. Iteration
 * walks the table in slot order, so the order of a set's elements is
 * CPython's for every type whose hashes equal CPython's (int, float, bool,
 * tuples of them).
 */
#ifndef KAA_SETOBJECT_H
#define KAA_SETOBJECT_H

#include "kaa/object.h"

#define KAA_SET_MINSIZE 8

typedef struct KaaSetEntry {
    KaaObject *key;
    Kaa_hash_t hash; // cached hash of key; 0 for empty entries, -1 for dummies
} KaaSetEntry;

typedef struct KaaSetObject {
    KaaObject_HEAD
    Kaa_ssize_t fill;   // active + dummy entries
    Kaa_ssize_t used;   // active entries
    Kaa_ssize_t mask;   // table size - 1
    KaaSetEntry *table; // smalltable, or a block from the object allocator
    Kaa_hash_t hash;    // frozenset hash once computed, else -1
    Kaa_ssize_t finger; // where pop() starts its search
    KaaSetEntry smalltable[KAA_SET_MINSIZE];
    KaaObject *weakreflist; // weak references to this set (not owned)
} KaaSetObject;

extern KaaTypeObject KaaSet_Type;
extern KaaTypeObject KaaFrozenSet_Type;

#define KaaSet_CheckExact(o) (Kaa_TYPE(o) == &KaaSet_Type)
#define KaaFrozenSet_CheckExact(o) (Kaa_TYPE(o) == &KaaFrozenSet_Type)
#define KaaAnySet_CheckExact(o) (KaaSet_CheckExact(o) || KaaFrozenSet_CheckExact(o))
#define KaaSet_Check(o) (KaaSet_CheckExact(o) || KaaType_IsSubtype(Kaa_TYPE(o), &KaaSet_Type))
#define KaaFrozenSet_Check(o)                                                                      \
    (KaaFrozenSet_CheckExact(o) || KaaType_IsSubtype(Kaa_TYPE(o), &KaaFrozenSet_Type))
#define KaaAnySet_Check(o) (KaaSet_Check(o) || KaaFrozenSet_Check(o))
#define KaaSet_GET_SIZE(o) (((KaaSetObject *)(o))->used)

// set(iterable), or set() when iterable is NULL. New reference; raises.
KaaObject *KaaSet_New(KaaObject *iterable);
// frozenset(iterable), or an empty frozenset when iterable is NULL (always a
// new object, as in C for CPython; frozenset(f) of an exact frozenset f is f
// only through the Python constructor). New reference; raises.
KaaObject *KaaFrozenSet_New(KaaObject *iterable);
// len(s) for a set or frozenset; -1 with SystemError for anything else.
Kaa_ssize_t KaaSet_Size(KaaObject *s);
// Add key (not stolen) to a set, or to a frozenset still being built (the
// compiler's constants). 0, or -1 (unhashable key, failing __eq__).
int KaaSet_Add(KaaObject *s, KaaObject *key);
// Remove key if present: 1 if it was there, 0 if not, -1 on error. No
// frozenset conversion of a set key (CPython's PySet_Discard).
int KaaSet_Discard(KaaObject *s, KaaObject *key);
// key in s: 1, 0 or -1 (CPython's PySet_Contains: a set key is not
// converted; the `in` operator does that through sq_contains).
int KaaSet_Contains(KaaObject *s, KaaObject *key);
// s.update(iterable) for one iterable (the VM's SET_UPDATE). 0 or -1.
int KaaSet_Update(KaaObject *s, KaaObject *iterable);
// s.clear(). 0, or -1 with SystemError if s is not a set.
int KaaSet_Clear(KaaObject *s);
// s.pop(): new reference, or NULL with KeyError when s is empty.
KaaObject *KaaSet_Pop(KaaObject *s);
// Walk the table: *pos starts at 0. Borrowed key and its cached hash (either
// may be NULL). Returns 0 at the end. The set must not change meanwhile.
int KaaSet_NextEntry(KaaObject *s, Kaa_ssize_t *pos, KaaObject **key, Kaa_hash_t *hash);

#endif
