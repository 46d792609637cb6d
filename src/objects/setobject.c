/* set and frozenset: CPython 3.11's hash table, probe sequence, growth
 * policy and set algorithms, so that iteration order (and so printing) is
 * CPython's, and with them the set iterator.
 *
 * The table (see kaa/setobject.h) is probed from hash & mask: that entry and
 * the LINEAR_PROBES that follow it when they fit before the end of the table,
 * then i = i*5 + 1 + perturb with perturb shifted right by PERTURB_SHIFT each
 * round. Deleting leaves a dummy; adding reuses the last dummy seen on the
 * probe path when the key turns out to be missing. After an insertion into a
 * never-used entry, fill*5 >= mask*3 resizes to the smallest power of 2
 * above used*4 (used*2 past 50000 elements), dropping the dummies.
 *
 * Every operation inserts in the order CPython does (union copies then
 * updates; intersection walks the smaller set; difference walks the left
 * operand or, for a much larger left operand, copies and discards...), since
 * with open addressing the insertion order decides the iteration order.
 */
#include <string.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "util/strbuf.h"
#include "vm/vm.h"

#define SET(o) ((KaaSetObject *)(o))

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

// The key of a dummy entry: never a real object, never compared.
static KaaObject dummy_struct = KaaObject_HEAD_INIT(NULL);
#define DUMMY (&dummy_struct)

#define IS_ACTIVE(entry) ((entry)->key != NULL && (entry)->key != DUMMY)

enum { DISCARD_NOTFOUND = 0, DISCARD_FOUND = 1 };

static Kaa_hash_t key_hash(KaaObject *key)
{
    if (KaaStr_CheckExact(key)) {
        Kaa_hash_t h = ((KaaStrObject *)key)->hash;
        return h != -1 ? h : kaa_str_hash(key);
    }
    return KaaObject_Hash(key);
}

static void set_key_error(KaaObject *key)
{
    // Always a 1-tuple of args, so that a tuple key is shown whole.
    KaaObject *args = KaaTuple_Pack(1, key);
    if (args != NULL) {
        KaaErr_SetObject(KaaExc(KeyError), args);
        Kaa_DECREF(args);
    }
}

// --- The table ---------------------------------------------------------------------------

// The entry holding key, or the empty entry that ends its probe sequence
// (key NULL); NULL on error. An __eq__ that changes the set restarts the
// search, as in CPython.
static KaaSetEntry *lookkey(KaaSetObject *so, KaaObject *key, Kaa_hash_t hash)
{
restart:;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        KaaSetEntry *entry = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) {
                return entry;
            }
            if (entry->hash == hash) {
                KaaObject *startkey = entry->key;
                if (startkey == key) {
                    return entry;
                }
                if (KaaStr_CheckExact(startkey) && KaaStr_CheckExact(key) &&
                    kaa_str_eq(startkey, key)) {
                    return entry;
                }
                KaaSetEntry *table = so->table;
                Kaa_INCREF(startkey);
                int cmp = KaaObject_RichCompareBool(startkey, key, Kaa_EQ);
                Kaa_DECREF(startkey);
                if (cmp < 0) {
                    return NULL;
                }
                if (table != so->table || entry->key != startkey) {
                    goto restart;
                }
                if (cmp > 0) {
                    return entry;
                }
                mask = (size_t)so->mask;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// Put a key known to be missing into a table without dummies (resizes,
// merges into an empty set). The reference moves into the table.
static void insert_clean(KaaSetEntry *table, size_t mask, KaaObject *key, Kaa_hash_t hash)
{
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    KaaSetEntry *entry;
    for (;;) {
        entry = &table[i];
        if (entry->key == NULL) {
            break;
        }
        if (i + LINEAR_PROBES <= mask) {
            int j = 0;
            while (j < LINEAR_PROBES && (++entry)->key != NULL) {
                j++;
            }
            if (j < LINEAR_PROBES) {
                break;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
    entry->key = key;
    entry->hash = hash;
}

// Rebuild the table with the smallest power-of-2 size above minused (at
// least KAA_SET_MINSIZE), dropping the dummies.
static int table_resize(KaaSetObject *so, Kaa_ssize_t minused)
{
    size_t newsize = KAA_SET_MINSIZE;
    while (newsize <= (size_t)minused) {
        newsize <<= 1;
    }
    KaaSetEntry *oldtable = so->table;
    Kaa_ssize_t oldmask = so->mask;
    int old_malloced = oldtable != so->smalltable;
    KaaSetEntry small_copy[KAA_SET_MINSIZE];
    KaaSetEntry *newtable;
    if (newsize == KAA_SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used) {
                return 0; // no dummies to purge
            }
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        if (newsize > (size_t)KAA_SSIZE_MAX / sizeof(KaaSetEntry) ||
            (newtable = kaa_obj_alloc(newsize * sizeof(KaaSetEntry))) == NULL) {
            KaaErr_NoMemory();
            return -1;
        }
    }
    memset(newtable, 0, newsize * sizeof(KaaSetEntry));
    so->mask = (Kaa_ssize_t)newsize - 1;
    so->table = newtable;
    so->fill = so->used;
    for (KaaSetEntry *entry = oldtable; entry <= oldtable + oldmask; entry++) {
        if (IS_ACTIVE(entry)) {
            insert_clean(newtable, newsize - 1, entry->key, entry->hash);
        }
    }
    if (old_malloced) {
        kaa_obj_free(oldtable);
    }
    return 0;
}

// Add key (not stolen) with its hash: set_add_entry.
static int add_entry(KaaSetObject *so, KaaObject *key, Kaa_hash_t hash)
{
    // Held across the comparisons, which could otherwise free the key.
    Kaa_INCREF(key);
restart:;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    KaaSetEntry *freeslot = NULL;
    KaaSetEntry *entry;
    for (;;) {
        entry = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) {
                goto found_unused_or_dummy;
            }
            if (entry->hash == hash) {
                KaaObject *startkey = entry->key;
                if (startkey == key) {
                    goto found_active;
                }
                if (KaaStr_CheckExact(startkey) && KaaStr_CheckExact(key) &&
                    kaa_str_eq(startkey, key)) {
                    goto found_active;
                }
                KaaSetEntry *table = so->table;
                Kaa_INCREF(startkey);
                int cmp = KaaObject_RichCompareBool(startkey, key, Kaa_EQ);
                Kaa_DECREF(startkey);
                if (cmp > 0) {
                    goto found_active;
                }
                if (cmp < 0) {
                    Kaa_DECREF(key);
                    return -1;
                }
                if (table != so->table || entry->key != startkey) {
                    goto restart;
                }
                mask = (size_t)so->mask;
            } else if (entry->hash == -1) {
                // A dummy: the last one on the path is reused if the key
                // turns out to be missing (CPython keeps the last, too).
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }

found_unused_or_dummy:
    if (freeslot != NULL) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3) {
        return 0;
    }
    return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);

found_active:
    Kaa_DECREF(key);
    return 0;
}

static int add_key(KaaSetObject *so, KaaObject *key)
{
    Kaa_hash_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return add_entry(so, key, hash);
}

// 1 if key is in so, 0 if not, -1 on error.
static int contains_entry(KaaSetObject *so, KaaObject *key, Kaa_hash_t hash)
{
    KaaSetEntry *entry = lookkey(so, key, hash);
    return entry == NULL ? -1 : entry->key != NULL;
}

static int contains_key(KaaSetObject *so, KaaObject *key)
{
    Kaa_hash_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return contains_entry(so, key, hash);
}

static int discard_entry(KaaSetObject *so, KaaObject *key, Kaa_hash_t hash)
{
    KaaSetEntry *entry = lookkey(so, key, hash);
    if (entry == NULL) {
        return -1;
    }
    if (entry->key == NULL) {
        return DISCARD_NOTFOUND;
    }
    KaaObject *old_key = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    Kaa_DECREF(old_key);
    return DISCARD_FOUND;
}

static int discard_key(KaaSetObject *so, KaaObject *key)
{
    Kaa_hash_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return discard_entry(so, key, hash);
}

// The next active entry at or after *pos (table order). 0 at the end.
static int set_next(KaaSetObject *so, Kaa_ssize_t *pos, KaaSetEntry **entry_ptr)
{
    Kaa_ssize_t i = *pos, mask = so->mask;
    KaaSetEntry *entry = &so->table[i];
    while (i <= mask && !IS_ACTIVE(entry)) {
        i++;
        entry++;
    }
    *pos = i + 1;
    if (i > mask) {
        return 0;
    }
    *entry_ptr = entry;
    return 1;
}

static void empty_to_minsize(KaaSetObject *so)
{
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->fill = 0;
    so->used = 0;
    so->mask = KAA_SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
}

// Empty the set first, then release the keys in table order: their
// destructors may look at (or change) the set.
static int clear_internal(KaaSetObject *so)
{
    KaaSetEntry *table = so->table;
    Kaa_ssize_t fill = so->fill, used = so->used;
    int malloced = table != so->smalltable;
    KaaSetEntry small_copy[KAA_SET_MINSIZE];
    if (malloced) {
        empty_to_minsize(so);
    } else if (fill > 0) {
        memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
        empty_to_minsize(so);
    }
    for (KaaSetEntry *entry = table; used > 0; entry++) {
        if (IS_ACTIVE(entry)) {
            used--;
            Kaa_DECREF(entry->key);
        }
    }
    if (malloced) {
        kaa_obj_free(table);
    }
    return 0;
}

// Add every element of the set `other` (set_merge).
static int merge(KaaSetObject *so, KaaSetObject *other)
{
    if (other == so || other->used == 0) {
        return 0;
    }
    // One big resize first, expecting few duplicates.
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (table_resize(so, (so->used + other->used) * 2) < 0) {
            return -1;
        }
    }
    KaaSetEntry *so_entry = so->table, *other_entry = other->table;
    // Empty, same size, no dummies in other: copy the table as it is.
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (Kaa_ssize_t i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            if (other_entry->key != NULL) {
                so_entry->key = Kaa_NewRef(other_entry->key);
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    // Empty: no duplicates possible, no comparisons needed.
    if (so->fill == 0) {
        size_t newmask = (size_t)so->mask;
        so->fill = other->used;
        so->used = other->used;
        for (Kaa_ssize_t i = other->mask + 1; i > 0; i--, other_entry++) {
            if (IS_ACTIVE(other_entry)) {
                insert_clean(so->table, newmask, Kaa_NewRef(other_entry->key), other_entry->hash);
            }
        }
        return 0;
    }
    for (Kaa_ssize_t i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        if (IS_ACTIVE(other_entry) && add_entry(so, other_entry->key, other_entry->hash) < 0) {
            return -1;
        }
    }
    return 0;
}

// so.update(other) for one iterable: set_update_internal, with the special
// cases for sets and exact dicts (whose keys come with their hashes).
static int update_internal(KaaSetObject *so, KaaObject *other)
{
    if (KaaAnySet_Check(other)) {
        return merge(so, SET(other));
    }
    if (KaaDict_CheckExact(other)) {
        KaaDictObject *d = (KaaDictObject *)other;
        Kaa_ssize_t dictsize = d->used;
        if ((so->fill + dictsize) * 5 >= so->mask * 3) {
            if (table_resize(so, (so->used + dictsize) * 2) < 0) {
                return -1;
            }
        }
        for (Kaa_ssize_t i = 0; i < d->nentries; i++) {
            KaaDictEntry *ep = &d->entries[i];
            if (ep->value != NULL && add_entry(so, ep->key, ep->hash) < 0) {
                return -1;
            }
        }
        return 0;
    }
    KaaObject *it = KaaObject_GetIter(other);
    if (it == NULL) {
        return -1;
    }
    KaaObject *key;
    while ((key = KaaIter_Next(it)) != NULL) {
        int r = add_key(so, key);
        Kaa_DECREF(key);
        if (r < 0) {
            Kaa_DECREF(it);
            return -1;
        }
    }
    Kaa_DECREF(it);
    return KaaErr_Occurred() ? -1 : 0;
}

// Exchange the contents of two sets (the finger stays). The frozenset hash
// moves along only between two frozensets.
static void swap_bodies(KaaSetObject *a, KaaSetObject *b)
{
    Kaa_ssize_t t;
    t = a->fill;
    a->fill = b->fill;
    b->fill = t;
    t = a->used;
    a->used = b->used;
    b->used = t;
    t = a->mask;
    a->mask = b->mask;
    b->mask = t;

    KaaSetEntry *u = a->table == a->smalltable ? b->smalltable : a->table;
    a->table = b->table == b->smalltable ? a->smalltable : b->table;
    b->table = u;
    if (a->table == a->smalltable || b->table == b->smalltable) {
        KaaSetEntry tab[KAA_SET_MINSIZE];
        memcpy(tab, a->smalltable, sizeof(tab));
        memcpy(a->smalltable, b->smalltable, sizeof(tab));
        memcpy(b->smalltable, tab, sizeof(tab));
    }

    if (KaaFrozenSet_Check(a) && KaaFrozenSet_Check(b)) {
        Kaa_hash_t h = a->hash;
        a->hash = b->hash;
        b->hash = h;
    } else {
        a->hash = -1;
        b->hash = -1;
    }
}

// --- Making sets ---------------------------------------------------------------------------

static KaaObject *make_new_set(KaaTypeObject *type, KaaObject *iterable)
{
    KaaSetObject *so = (KaaSetObject *)KaaType_GenericAlloc(type, 0);
    if (so == NULL) {
        return NULL;
    }
    so->mask = KAA_SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    // Tracked from the start, as CPython's tp_alloc does.
    KAA_GC_TRACK(so);
    if (iterable != NULL && update_internal(so, iterable) < 0) {
        Kaa_DECREF(so);
        return NULL;
    }
    return (KaaObject *)so;
}

// A new set or frozenset of the built-in type that `type` derives from.
static KaaObject *make_new_set_basetype(KaaTypeObject *type, KaaObject *iterable)
{
    if (type != &KaaSet_Type && type != &KaaFrozenSet_Type) {
        type = KaaType_IsSubtype(type, &KaaSet_Type) ? &KaaSet_Type : &KaaFrozenSet_Type;
    }
    return make_new_set(type, iterable);
}

// --- Public API ------------------------------------------------------------------------------

KaaObject *KaaSet_New(KaaObject *iterable)
{
    return make_new_set(&KaaSet_Type, iterable);
}

KaaObject *KaaFrozenSet_New(KaaObject *iterable)
{
    return make_new_set(&KaaFrozenSet_Type, iterable);
}

Kaa_ssize_t KaaSet_Size(KaaObject *s)
{
    if (!KaaAnySet_Check(s)) {
        KaaErr_BadInternalCall("KaaSet_Size");
        return -1;
    }
    return SET(s)->used;
}

int KaaSet_Add(KaaObject *s, KaaObject *key)
{
    if (!KaaSet_Check(s) && (!KaaFrozenSet_Check(s) || Kaa_REFCNT(s) != 1)) {
        KaaErr_BadInternalCall("KaaSet_Add");
        return -1;
    }
    return add_key(SET(s), key);
}

int KaaSet_Discard(KaaObject *s, KaaObject *key)
{
    if (!KaaSet_Check(s)) {
        KaaErr_BadInternalCall("KaaSet_Discard");
        return -1;
    }
    return discard_key(SET(s), key);
}

int KaaSet_Contains(KaaObject *s, KaaObject *key)
{
    if (!KaaAnySet_Check(s)) {
        KaaErr_BadInternalCall("KaaSet_Contains");
        return -1;
    }
    return contains_key(SET(s), key);
}

int KaaSet_Update(KaaObject *s, KaaObject *iterable)
{
    if (!KaaSet_Check(s)) {
        KaaErr_BadInternalCall("KaaSet_Update");
        return -1;
    }
    return update_internal(SET(s), iterable);
}

int KaaSet_Clear(KaaObject *s)
{
    if (!KaaSet_Check(s)) {
        KaaErr_BadInternalCall("KaaSet_Clear");
        return -1;
    }
    return clear_internal(SET(s));
}

int KaaSet_NextEntry(KaaObject *s, Kaa_ssize_t *pos, KaaObject **key, Kaa_hash_t *hash)
{
    KaaSetEntry *entry;
    if (!set_next(SET(s), pos, &entry)) {
        return 0;
    }
    if (key) {
        *key = entry->key;
    }
    if (hash) {
        *hash = entry->hash;
    }
    return 1;
}

// pop(): from the finger onwards, wrapping around.
KaaObject *KaaSet_Pop(KaaObject *s)
{
    KaaSetObject *so = SET(s);
    if (so->used == 0) {
        KaaErr_SetString(KaaExc(KeyError), "pop from an empty set");
        return NULL;
    }
    KaaSetEntry *entry = so->table + (so->finger & so->mask);
    KaaSetEntry *limit = so->table + so->mask;
    while (!IS_ACTIVE(entry)) {
        entry++;
        if (entry > limit) {
            entry = so->table;
        }
    }
    KaaObject *key = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

// --- Set algorithms ---------------------------------------------------------------------

static KaaObject *set_copy(KaaObject *self, KaaObject *unused)
{
    return make_new_set_basetype(Kaa_TYPE(self), self);
}

static KaaObject *frozenset_copy(KaaObject *self, KaaObject *unused)
{
    if (KaaFrozenSet_CheckExact(self)) {
        return Kaa_NewRef(self);
    }
    return set_copy(self, NULL);
}

static KaaObject *intersection(KaaSetObject *so, KaaObject *other)
{
    if ((KaaObject *)so == other) {
        return set_copy(other, NULL);
    }
    KaaObject *result = make_new_set_basetype(Kaa_TYPE(so), NULL);
    if (result == NULL) {
        return NULL;
    }
    if (KaaAnySet_Check(other)) {
        // Walk the smaller set, look up in the larger.
        KaaSetObject *small = SET(other), *large = so;
        if (small->used > large->used) {
            small = so;
            large = SET(other);
        }
        Kaa_ssize_t pos = 0;
        KaaSetEntry *entry;
        while (set_next(small, &pos, &entry)) {
            KaaObject *key = Kaa_NewRef(entry->key);
            Kaa_hash_t hash = entry->hash;
            int rv = contains_entry(large, key, hash);
            if (rv > 0) {
                rv = add_entry(SET(result), key, hash);
            }
            Kaa_DECREF(key);
            if (rv < 0) {
                Kaa_DECREF(result);
                return NULL;
            }
        }
        return result;
    }
    KaaObject *it = KaaObject_GetIter(other);
    if (it == NULL) {
        Kaa_DECREF(result);
        return NULL;
    }
    KaaObject *key;
    while ((key = KaaIter_Next(it)) != NULL) {
        Kaa_hash_t hash = KaaObject_Hash(key);
        int rv = hash == -1 ? -1 : contains_entry(so, key, hash);
        if (rv > 0) {
            rv = add_entry(SET(result), key, hash);
            // Everything of so is in: later items cannot add anything.
            if (rv == 0 && SET(result)->used >= so->used) {
                Kaa_DECREF(key);
                break;
            }
        }
        Kaa_DECREF(key);
        if (rv < 0) {
            Kaa_DECREF(it);
            Kaa_DECREF(result);
            return NULL;
        }
    }
    Kaa_DECREF(it);
    if (KaaErr_Occurred()) {
        Kaa_DECREF(result);
        return NULL;
    }
    return result;
}

static KaaObject *intersection_multi(KaaObject *self, KaaObject *const *args, size_t nargs)
{
    if (nargs == 0) {
        return set_copy(self, NULL);
    }
    KaaObject *result = Kaa_NewRef(self);
    for (size_t i = 0; i < nargs; i++) {
        KaaObject *newresult = intersection(SET(result), args[i]);
        Kaa_DECREF(result);
        if (newresult == NULL) {
            return NULL;
        }
        result = newresult;
    }
    return result;
}

// Remove from so every element of other (set_difference_update_internal).
static int difference_update_internal(KaaSetObject *so, KaaObject *other)
{
    if ((KaaObject *)so == other) {
        return clear_internal(so);
    }
    if (KaaAnySet_Check(other)) {
        // A much larger other is first cut down to what so has.
        if ((SET(other)->used >> 3) > so->used) {
            other = intersection(so, other);
            if (other == NULL) {
                return -1;
            }
        } else {
            Kaa_INCREF(other);
        }
        Kaa_ssize_t pos = 0;
        KaaSetEntry *entry;
        while (set_next(SET(other), &pos, &entry)) {
            KaaObject *key = Kaa_NewRef(entry->key);
            int rv = discard_entry(so, key, entry->hash);
            Kaa_DECREF(key);
            if (rv < 0) {
                Kaa_DECREF(other);
                return -1;
            }
        }
        Kaa_DECREF(other);
    } else {
        KaaObject *it = KaaObject_GetIter(other);
        if (it == NULL) {
            return -1;
        }
        KaaObject *key;
        while ((key = KaaIter_Next(it)) != NULL) {
            int rv = discard_key(so, key);
            Kaa_DECREF(key);
            if (rv < 0) {
                Kaa_DECREF(it);
                return -1;
            }
        }
        Kaa_DECREF(it);
        if (KaaErr_Occurred()) {
            return -1;
        }
    }
    // More than a quarter dummies: resize them away.
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4) {
        return 0;
    }
    return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static KaaObject *copy_and_difference(KaaSetObject *so, KaaObject *other)
{
    KaaObject *result = set_copy((KaaObject *)so, NULL);
    if (result != NULL && difference_update_internal(SET(result), other) < 0) {
        Kaa_CLEAR(result);
    }
    return result;
}

static KaaObject *difference(KaaSetObject *so, KaaObject *other)
{
    Kaa_ssize_t other_size;
    if (KaaAnySet_Check(other)) {
        other_size = SET(other)->used;
    } else if (KaaDict_CheckExact(other)) {
        other_size = KaaDict_GET_SIZE(other);
    } else {
        return copy_and_difference(so, other);
    }
    // Much larger than other: copying and discarding is cheaper.
    if ((so->used >> 2) > other_size) {
        return copy_and_difference(so, other);
    }
    KaaObject *result = make_new_set_basetype(Kaa_TYPE(so), NULL);
    if (result == NULL) {
        return NULL;
    }
    int other_is_dict = KaaDict_CheckExact(other);
    Kaa_ssize_t pos = 0;
    KaaSetEntry *entry;
    while (set_next(so, &pos, &entry)) {
        KaaObject *key = Kaa_NewRef(entry->key);
        Kaa_hash_t hash = entry->hash;
        int rv =
            other_is_dict ? KaaDict_Contains(other, key) : contains_entry(SET(other), key, hash);
        if (rv == 0) {
            rv = add_entry(SET(result), key, hash);
        }
        Kaa_DECREF(key);
        if (rv < 0) {
            Kaa_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static KaaObject *difference_multi(KaaObject *self, KaaObject *const *args, size_t nargs)
{
    if (nargs == 0) {
        return set_copy(self, NULL);
    }
    KaaObject *result = difference(SET(self), args[0]);
    for (size_t i = 1; result != NULL && i < nargs; i++) {
        if (difference_update_internal(SET(result), args[i]) < 0) {
            Kaa_CLEAR(result);
        }
    }
    return result;
}

// Toggle key (with its hash) in so.
static int toggle_entry(KaaSetObject *so, KaaObject *key, Kaa_hash_t hash)
{
    Kaa_INCREF(key);
    int rv = discard_entry(so, key, hash);
    if (rv == DISCARD_NOTFOUND) {
        rv = add_entry(so, key, hash);
    }
    Kaa_DECREF(key);
    return rv < 0 ? -1 : 0;
}

static int symmetric_difference_update(KaaSetObject *so, KaaObject *other)
{
    if ((KaaObject *)so == other) {
        return clear_internal(so);
    }
    if (KaaDict_CheckExact(other)) {
        KaaDictObject *d = (KaaDictObject *)other;
        for (Kaa_ssize_t i = 0; i < d->nentries; i++) {
            KaaDictEntry *ep = &d->entries[i];
            if (ep->value != NULL && toggle_entry(so, ep->key, ep->hash) < 0) {
                return -1;
            }
        }
        return 0;
    }
    KaaObject *otherset;
    if (KaaAnySet_Check(other)) {
        otherset = Kaa_NewRef(other);
    } else if ((otherset = make_new_set_basetype(Kaa_TYPE(so), other)) == NULL) {
        return -1;
    }
    Kaa_ssize_t pos = 0;
    KaaSetEntry *entry;
    while (set_next(SET(otherset), &pos, &entry)) {
        if (toggle_entry(so, entry->key, entry->hash) < 0) {
            Kaa_DECREF(otherset);
            return -1;
        }
    }
    Kaa_DECREF(otherset);
    return 0;
}

static KaaObject *symmetric_difference(KaaSetObject *so, KaaObject *other)
{
    KaaObject *result = make_new_set_basetype(Kaa_TYPE(so), other);
    if (result != NULL && symmetric_difference_update(SET(result), (KaaObject *)so) < 0) {
        Kaa_CLEAR(result);
    }
    return result;
}

// 1 if every element of so is in other, 0 if not, -1 on error.
static int issubset(KaaSetObject *so, KaaObject *other)
{
    if (!KaaAnySet_Check(other)) {
        KaaObject *tmp = intersection(so, other);
        if (tmp == NULL) {
            return -1;
        }
        int res = SET(tmp)->used == so->used;
        Kaa_DECREF(tmp);
        return res;
    }
    if (so->used > SET(other)->used) {
        return 0;
    }
    Kaa_ssize_t pos = 0;
    KaaSetEntry *entry;
    while (set_next(so, &pos, &entry)) {
        KaaObject *key = Kaa_NewRef(entry->key);
        int rv = contains_entry(SET(other), key, entry->hash);
        Kaa_DECREF(key);
        if (rv <= 0) {
            return rv;
        }
    }
    return 1;
}

static int issuperset(KaaSetObject *so, KaaObject *other)
{
    if (KaaAnySet_Check(other)) {
        return issubset(SET(other), (KaaObject *)so);
    }
    KaaObject *it = KaaObject_GetIter(other);
    if (it == NULL) {
        return -1;
    }
    KaaObject *key;
    while ((key = KaaIter_Next(it)) != NULL) {
        int rv = contains_key(so, key);
        Kaa_DECREF(key);
        if (rv <= 0) {
            Kaa_DECREF(it);
            return rv;
        }
    }
    Kaa_DECREF(it);
    return KaaErr_Occurred() ? -1 : 1;
}

static int isdisjoint(KaaSetObject *so, KaaObject *other)
{
    if ((KaaObject *)so == other) {
        return so->used == 0;
    }
    if (KaaAnySet_CheckExact(other)) {
        KaaSetObject *small = SET(other), *large = so;
        if (small->used > large->used) {
            small = so;
            large = SET(other);
        }
        Kaa_ssize_t pos = 0;
        KaaSetEntry *entry;
        while (set_next(small, &pos, &entry)) {
            KaaObject *key = Kaa_NewRef(entry->key);
            int rv = contains_entry(large, key, entry->hash);
            Kaa_DECREF(key);
            if (rv != 0) {
                return rv < 0 ? -1 : 0;
            }
        }
        return 1;
    }
    KaaObject *it = KaaObject_GetIter(other);
    if (it == NULL) {
        return -1;
    }
    KaaObject *key;
    while ((key = KaaIter_Next(it)) != NULL) {
        int rv = contains_key(so, key);
        Kaa_DECREF(key);
        if (rv != 0) {
            Kaa_DECREF(it);
            return rv < 0 ? -1 : 0;
        }
    }
    Kaa_DECREF(it);
    return KaaErr_Occurred() ? -1 : 1;
}

static KaaObject *bool_or_null(int r)
{
    return r < 0 ? NULL : KaaBool_FromLong(r);
}

// --- Key arguments that are sets ---------------------------------------------------------
// `{1} in s`, s.remove({1}), s.discard({1}): an unhashable set key is looked
// up as the equal frozenset.

typedef int (*keyfunc)(KaaSetObject *so, KaaObject *key);

static int with_frozen_key(KaaSetObject *so, KaaObject *key, keyfunc f)
{
    int rv = f(so, key);
    if (rv >= 0 || !KaaSet_Check(key) || !KaaErr_ExceptionMatches(KaaExc(TypeError))) {
        return rv;
    }
    KaaErr_Clear();
    KaaObject *tmpkey = make_new_set(&KaaFrozenSet_Type, key);
    if (tmpkey == NULL) {
        return -1;
    }
    rv = f(so, tmpkey);
    Kaa_DECREF(tmpkey);
    return rv;
}

// --- Slots -----------------------------------------------------------------------------------

static void set_dealloc(KaaObject *o)
{
    KaaSetObject *so = SET(o);
    kaa_gc_untrack_if_tracked(o);
    int trash = kaa_trashcan_begin(o, set_dealloc);
    if (trash < 0) {
        return;
    }
    kaa_weakref_clear_refs(o);
    Kaa_ssize_t used = so->used;
    for (KaaSetEntry *entry = so->table; used > 0; entry++) {
        if (IS_ACTIVE(entry)) {
            used--;
            Kaa_DECREF(entry->key);
        }
    }
    if (so->table != so->smalltable) {
        kaa_obj_free(so->table);
    }
    kaa_container_free(o);
    kaa_trashcan_end(trash);
}

static int set_traverse(KaaObject *o, visitproc visit, void *arg)
{
    Kaa_ssize_t pos = 0;
    KaaSetEntry *entry;
    while (set_next(SET(o), &pos, &entry)) {
        Kaa_VISIT(entry->key);
    }
    return 0;
}

static int set_tp_clear(KaaObject *o)
{
    return clear_internal(SET(o));
}

// "{1, 2}", "set()", "frozenset({1, 2})"; "set(...)" inside itself.
static KaaObject *set_repr(KaaObject *o)
{
    const char *name = Kaa_TYPE(o)->tp_name;
    int status = kaa_repr_enter(o);
    if (status != 0) {
        return status < 0 ? NULL : KaaStr_FromFormat("%s(...)", name);
    }
    if (SET(o)->used == 0) {
        kaa_repr_leave(o);
        return KaaStr_FromFormat("%s()", name);
    }
    // A snapshot of the keys: their reprs may change the set.
    KaaObject *keys = KaaSequence_List(o);
    if (keys == NULL) {
        kaa_repr_leave(o);
        return NULL;
    }
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    int exact = KaaSet_CheckExact(o);
    if (!exact) {
        kaa_strbuf_add(&b, name, strlen(name));
        kaa_strbuf_addc(&b, '(');
    }
    kaa_strbuf_addc(&b, '{');
    int err = 0;
    for (Kaa_ssize_t i = 0; err == 0 && i < KaaList_GET_SIZE(keys); i++) {
        if (i > 0) {
            kaa_strbuf_add(&b, ", ", 2);
        }
        err = kaa_repr_append(&b, KaaList_GET_ITEM(keys, i));
    }
    Kaa_DECREF(keys);
    kaa_repr_leave(o);
    if (err < 0) {
        kaa_strbuf_free(&b);
        return NULL;
    }
    kaa_strbuf_addc(&b, '}');
    if (!exact) {
        kaa_strbuf_addc(&b, ')');
    }
    if (b.failed) {
        kaa_strbuf_free(&b);
        return KaaErr_NoMemory();
    }
    KaaObject *s = KaaStr_FromStringAndSize(b.data, (Kaa_ssize_t)b.len);
    kaa_strbuf_free(&b);
    return s;
}

static Kaa_ssize_t set_len(KaaObject *o)
{
    return SET(o)->used;
}

static int set_contains(KaaObject *o, KaaObject *key)
{
    return with_frozen_key(SET(o), key, contains_key);
}

static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

// CPython's frozenset hash: xor of the shuffled entry hashes (order
// independent), corrected for the empty and dummy entries, mixed with the
// size, then dispersed. Cached.
static Kaa_hash_t frozenset_hash(KaaObject *o)
{
    KaaSetObject *so = SET(o);
    if (so->hash != -1) {
        return so->hash;
    }
    uint64_t hash = 0;
    for (KaaSetEntry *entry = so->table; entry <= &so->table[so->mask]; entry++) {
        hash ^= shuffle_bits((uint64_t)entry->hash);
    }
    if ((so->mask + 1 - so->fill) & 1) {
        hash ^= shuffle_bits(0);
    }
    if ((so->fill - so->used) & 1) {
        hash ^= shuffle_bits((uint64_t)-1);
    }
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1) {
        hash = 590923713UL;
    }
    so->hash = (Kaa_hash_t)hash;
    return so->hash;
}

static KaaObject *set_richcompare(KaaObject *v, KaaObject *w, int op)
{
    if (!KaaAnySet_Check(w)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    KaaSetObject *a = SET(v), *b = SET(w);
    switch (op) {
    case Kaa_EQ:
    case Kaa_NE: {
        int eq;
        if (a->used != b->used) {
            eq = 0;
        } else if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) {
            eq = 0;
        } else if ((eq = issubset(a, w)) < 0) {
            return NULL;
        }
        return KaaBool_FromLong(op == Kaa_EQ ? eq : !eq);
    }
    case Kaa_LE:
        return bool_or_null(issubset(a, w));
    case Kaa_GE:
        return bool_or_null(issuperset(a, w));
    case Kaa_LT:
        return a->used >= b->used ? KaaBool_FromLong(0) : bool_or_null(issubset(a, w));
    case Kaa_GT:
        return a->used <= b->used ? KaaBool_FromLong(0) : bool_or_null(issuperset(a, w));
    }
    Kaa_RETURN_NOTIMPLEMENTED;
}

// --- Operators -------------------------------------------------------------------------------

static KaaObject *set_or(KaaObject *self, KaaObject *other)
{
    if (!KaaAnySet_Check(self) || !KaaAnySet_Check(other)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    KaaObject *result = set_copy(self, NULL);
    if (result == NULL || self == other) {
        return result;
    }
    if (update_internal(SET(result), other) < 0) {
        Kaa_CLEAR(result);
    }
    return result;
}

static KaaObject *set_and(KaaObject *self, KaaObject *other)
{
    if (!KaaAnySet_Check(self) || !KaaAnySet_Check(other)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    return intersection(SET(self), other);
}

static KaaObject *set_sub(KaaObject *self, KaaObject *other)
{
    if (!KaaAnySet_Check(self) || !KaaAnySet_Check(other)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    return difference(SET(self), other);
}

static KaaObject *set_xor(KaaObject *self, KaaObject *other)
{
    if (!KaaAnySet_Check(self) || !KaaAnySet_Check(other)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    return symmetric_difference(SET(self), other);
}

static KaaObject *set_ior(KaaObject *self, KaaObject *other)
{
    if (!KaaAnySet_Check(other)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    if (update_internal(SET(self), other) < 0) {
        return NULL;
    }
    return Kaa_NewRef(self);
}

static KaaObject *set_iand(KaaObject *self, KaaObject *other)
{
    if (!KaaAnySet_Check(other)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    KaaObject *tmp = intersection(SET(self), other);
    if (tmp == NULL) {
        return NULL;
    }
    swap_bodies(SET(self), SET(tmp));
    Kaa_DECREF(tmp);
    return Kaa_NewRef(self);
}

static KaaObject *set_isub(KaaObject *self, KaaObject *other)
{
    if (!KaaAnySet_Check(other)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    if (difference_update_internal(SET(self), other) < 0) {
        return NULL;
    }
    return Kaa_NewRef(self);
}

static KaaObject *set_ixor(KaaObject *self, KaaObject *other)
{
    if (!KaaAnySet_Check(other)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    if (symmetric_difference_update(SET(self), other) < 0) {
        return NULL;
    }
    return Kaa_NewRef(self);
}

// --- Methods ---------------------------------------------------------------------------------

// "set.union() takes no keyword arguments" (or "frozenset.union()").
static int no_kwargs(KaaObject *self, const char *name, KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames) > 0) {
        KaaErr_Format(KaaExc(TypeError), "%s.%s() takes no keyword arguments",
                      KaaSet_Check(self) ? "set" : "frozenset", name);
        return -1;
    }
    return 0;
}

static KaaObject *set_add(KaaObject *self, KaaObject *key)
{
    if (add_key(SET(self), key) < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *set_remove(KaaObject *self, KaaObject *key)
{
    int rv = with_frozen_key(SET(self), key, discard_key);
    if (rv < 0) {
        return NULL;
    }
    if (rv == DISCARD_NOTFOUND) {
        set_key_error(key);
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *set_discard(KaaObject *self, KaaObject *key)
{
    if (with_frozen_key(SET(self), key, discard_key) < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *set_pop(KaaObject *self, KaaObject *unused)
{
    return KaaSet_Pop(self);
}

static KaaObject *set_clear_method(KaaObject *self, KaaObject *unused)
{
    clear_internal(SET(self));
    Kaa_RETURN_NONE;
}

static KaaObject *set_contains_method(KaaObject *self, KaaObject *key)
{
    return bool_or_null(set_contains(self, key));
}

// What CPython 3.11 reports: its 200-byte object plus a table of its own.
static KaaObject *set_sizeof(KaaObject *self, KaaObject *unused)
{
    KaaSetObject *so = SET(self);
    Kaa_ssize_t res = 200 + Kaa_TYPE(self)->tp_basicsize - (Kaa_ssize_t)sizeof(KaaSetObject);
    if (so->table != so->smalltable) {
        res += (so->mask + 1) * 16;
    }
    return KaaInt_FromSsize_t(res);
}

static KaaObject *set_union(KaaObject *self, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    if (no_kwargs(self, "union", kwnames) < 0) {
        return NULL;
    }
    KaaObject *result = set_copy(self, NULL);
    for (size_t i = 0; result != NULL && i < nargs; i++) {
        if (args[i] != self && update_internal(SET(result), args[i]) < 0) {
            Kaa_CLEAR(result);
        }
    }
    return result;
}

static KaaObject *set_update(KaaObject *self, KaaObject *const *args, size_t nargs,
                             KaaObject *kwnames)
{
    if (no_kwargs(self, "update", kwnames) < 0) {
        return NULL;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (update_internal(SET(self), args[i]) < 0) {
            return NULL;
        }
    }
    Kaa_RETURN_NONE;
}

static KaaObject *set_intersection(KaaObject *self, KaaObject *const *args, size_t nargs,
                                   KaaObject *kwnames)
{
    if (no_kwargs(self, "intersection", kwnames) < 0) {
        return NULL;
    }
    return intersection_multi(self, args, nargs);
}

static KaaObject *set_intersection_update(KaaObject *self, KaaObject *const *args, size_t nargs,
                                          KaaObject *kwnames)
{
    if (no_kwargs(self, "intersection_update", kwnames) < 0) {
        return NULL;
    }
    KaaObject *tmp = intersection_multi(self, args, nargs);
    if (tmp == NULL) {
        return NULL;
    }
    swap_bodies(SET(self), SET(tmp));
    Kaa_DECREF(tmp);
    Kaa_RETURN_NONE;
}

static KaaObject *set_difference(KaaObject *self, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames)
{
    if (no_kwargs(self, "difference", kwnames) < 0) {
        return NULL;
    }
    return difference_multi(self, args, nargs);
}

static KaaObject *set_difference_update(KaaObject *self, KaaObject *const *args, size_t nargs,
                                        KaaObject *kwnames)
{
    if (no_kwargs(self, "difference_update", kwnames) < 0) {
        return NULL;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (difference_update_internal(SET(self), args[i]) < 0) {
            return NULL;
        }
    }
    Kaa_RETURN_NONE;
}

static KaaObject *set_symmetric_difference(KaaObject *self, KaaObject *other)
{
    return symmetric_difference(SET(self), other);
}

static KaaObject *set_symmetric_difference_update(KaaObject *self, KaaObject *other)
{
    if (symmetric_difference_update(SET(self), other) < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *set_issubset(KaaObject *self, KaaObject *other)
{
    return bool_or_null(issubset(SET(self), other));
}

static KaaObject *set_issuperset(KaaObject *self, KaaObject *other)
{
    return bool_or_null(issuperset(SET(self), other));
}

static KaaObject *set_isdisjoint(KaaObject *self, KaaObject *other)
{
    return bool_or_null(isdisjoint(SET(self), other));
}

// --- Constructors ----------------------------------------------------------------------------

static KaaObject *set_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                          KaaObject *kwnames)
{
    return make_new_set(type, NULL);
}

static int set_init(KaaObject *self, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    if (kaa_container_no_kwargs("set", kwnames) < 0 ||
        kaa_container_check_nargs(Kaa_TYPE(self)->tp_name, nargs, 0, 1) < 0) {
        return -1;
    }
    KaaSetObject *so = SET(self);
    if (so->fill) {
        clear_internal(so);
    }
    so->hash = -1;
    return nargs == 0 ? 0 : update_internal(so, args[0]);
}

static KaaObject *frozenset_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    if ((type == &KaaFrozenSet_Type || type->tp_init == KaaFrozenSet_Type.tp_init) &&
        kaa_container_no_kwargs("frozenset", kwnames) < 0) {
        return NULL;
    }
    if (kaa_container_check_nargs(type->tp_name, nargs, 0, 1) < 0) {
        return NULL;
    }
    KaaObject *iterable = nargs ? args[0] : NULL;
    // frozenset(f) is f itself for an exact frozenset f.
    if (type == &KaaFrozenSet_Type && iterable != NULL && KaaFrozenSet_CheckExact(iterable)) {
        return Kaa_NewRef(iterable);
    }
    return make_new_set(type, iterable);
}

// --- Iterator --------------------------------------------------------------------------------

typedef struct SetIterObject {
    KaaObject_HEAD KaaObject *set; // NULL once exhausted
    Kaa_ssize_t used;              // the set's size when iteration began (-1: sticky error)
    Kaa_ssize_t pos;               // next table entry to look at
    Kaa_ssize_t len;               // elements left
} SetIterObject;

static KaaTypeObject SetIter_Type;

static KaaObject *set_iter(KaaObject *o)
{
    if (kaa_container_ready(&SetIter_Type) < 0) {
        return NULL;
    }
    SetIterObject *it = (SetIterObject *)KaaType_GenericAlloc(&SetIter_Type, 0);
    if (it == NULL) {
        return NULL;
    }
    it->set = Kaa_NewRef(o);
    it->used = SET(o)->used;
    it->len = it->used;
    KAA_GC_TRACK(it);
    return (KaaObject *)it;
}

static void setiter_dealloc(KaaObject *o)
{
    kaa_gc_untrack_if_tracked(o);
    Kaa_XDECREF(((SetIterObject *)o)->set);
    kaa_object_free(o);
}

static int setiter_traverse(KaaObject *o, visitproc visit, void *arg)
{
    Kaa_VISIT(((SetIterObject *)o)->set);
    return 0;
}

static int setiter_clear(KaaObject *o)
{
    Kaa_CLEAR(((SetIterObject *)o)->set);
    return 0;
}

static KaaObject *setiter_next(KaaObject *o)
{
    SetIterObject *it = (SetIterObject *)o;
    KaaObject *set = it->set;
    if (set == NULL) {
        return NULL;
    }
    KaaSetObject *so = SET(set);
    if (it->used != so->used) {
        KaaErr_SetString(KaaExc(RuntimeError), "Set changed size during iteration");
        it->used = -1; // sticky
        return NULL;
    }
    Kaa_ssize_t i = it->pos, mask = so->mask;
    KaaSetEntry *table = so->table;
    while (i <= mask && !IS_ACTIVE(&table[i])) {
        i++;
    }
    it->pos = i + 1;
    if (i > mask) {
        it->set = NULL;
        Kaa_DECREF(set);
        return NULL;
    }
    it->len--;
    return Kaa_NewRef(table[i].key);
}

static KaaObject *setiter_len(KaaObject *o, KaaObject *unused)
{
    SetIterObject *it = (SetIterObject *)o;
    Kaa_ssize_t len = 0;
    if (it->set != NULL && it->used == SET(it->set)->used) {
        len = it->len;
    }
    return KaaInt_FromSsize_t(len);
}

// --- Type objects ----------------------------------------------------------------------------

static KaaMethodDef setiter_methods[] = {
    {"__length_hint__", setiter_len, KAA_METH_NOARGS, NULL},
    {NULL},
};

static KaaTypeObject SetIter_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(SetIterObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = setiter_dealloc,
    .tp_traverse = setiter_traverse,
    .tp_clear = setiter_clear,
    .tp_iter = kaa_iter_self,
    .tp_iternext = setiter_next,
    .tp_methods = setiter_methods,
};

static KaaMethodDef set_methods[] = {
    {"__class_getitem__", kaa_class_getitem_alias, KAA_METH_O | KAA_METH_CLASS, NULL},
    {"add", set_add, KAA_METH_O, NULL},
    {"clear", set_clear_method, KAA_METH_NOARGS, NULL},
    {"__contains__", set_contains_method, KAA_METH_O, NULL},
    {"copy", set_copy, KAA_METH_NOARGS, NULL},
    {"discard", set_discard, KAA_METH_O, NULL},
    {"difference", set_difference, KAA_METH_FASTCALL, NULL},
    {"difference_update", set_difference_update, KAA_METH_FASTCALL, NULL},
    {"intersection", set_intersection, KAA_METH_FASTCALL, NULL},
    {"intersection_update", set_intersection_update, KAA_METH_FASTCALL, NULL},
    {"isdisjoint", set_isdisjoint, KAA_METH_O, NULL},
    {"issubset", set_issubset, KAA_METH_O, NULL},
    {"issuperset", set_issuperset, KAA_METH_O, NULL},
    {"pop", set_pop, KAA_METH_NOARGS, NULL},
    {"remove", set_remove, KAA_METH_O, NULL},
    {"__sizeof__", set_sizeof, KAA_METH_NOARGS, NULL},
    {"symmetric_difference", set_symmetric_difference, KAA_METH_O, NULL},
    {"symmetric_difference_update", set_symmetric_difference_update, KAA_METH_O, NULL},
    {"union", set_union, KAA_METH_FASTCALL, NULL},
    {"update", set_update, KAA_METH_FASTCALL, NULL},
    {NULL},
};

static KaaMethodDef frozenset_methods[] = {
    {"__class_getitem__", kaa_class_getitem_alias, KAA_METH_O | KAA_METH_CLASS, NULL},
    {"__contains__", set_contains_method, KAA_METH_O, NULL},
    {"copy", frozenset_copy, KAA_METH_NOARGS, NULL},
    {"difference", set_difference, KAA_METH_FASTCALL, NULL},
    {"intersection", set_intersection, KAA_METH_FASTCALL, NULL},
    {"isdisjoint", set_isdisjoint, KAA_METH_O, NULL},
    {"issubset", set_issubset, KAA_METH_O, NULL},
    {"issuperset", set_issuperset, KAA_METH_O, NULL},
    {"__sizeof__", set_sizeof, KAA_METH_NOARGS, NULL},
    {"symmetric_difference", set_symmetric_difference, KAA_METH_O, NULL},
    {"union", set_union, KAA_METH_FASTCALL, NULL},
    {NULL},
};

static KaaSequenceMethods set_as_sequence = {
    .sq_length = set_len,
    .sq_contains = set_contains,
};

// nb_inplace is in the order of the binary slots: -= is 1, |= 9, ^= 10, &= 11.
static KaaNumberMethods set_as_number = {
    .nb_subtract = set_sub,
    .nb_or = set_or,
    .nb_xor = set_xor,
    .nb_and = set_and,
    .nb_inplace = {[1] = set_isub, [9] = set_ior, [10] = set_ixor, [11] = set_iand},
};

static KaaNumberMethods frozenset_as_number = {
    .nb_subtract = set_sub,
    .nb_or = set_or,
    .nb_xor = set_xor,
    .nb_and = set_and,
};

KaaTypeObject KaaSet_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "set",
    .tp_basicsize = sizeof(KaaSetObject),
    .tp_weaklistoffset = offsetof(KaaSetObject, weakreflist),
    .tp_flags = KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_BASETYPE,
    .tp_doc = "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an "
              "unordered collection of unique elements.",
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_hash = KaaObject_HashNotImplemented,
    .tp_richcompare = set_richcompare,
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_iter = set_iter,
    .tp_new = set_new,
    .tp_init = set_init,
    .tp_as_number = &set_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_methods = set_methods,
};

KaaTypeObject KaaFrozenSet_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(KaaSetObject),
    .tp_weaklistoffset = offsetof(KaaSetObject, weakreflist),
    .tp_flags = KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_BASETYPE,
    .tp_doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset "
              "object\n\nBuild an immutable unordered collection of unique elements.",
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_hash = frozenset_hash,
    .tp_richcompare = set_richcompare,
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_iter = set_iter,
    .tp_new = frozenset_new,
    .tp_as_number = &frozenset_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_methods = frozenset_methods,
};

// Ready this file's private types at start-up (interp.c), so their namespaces
// are not built in the middle of a program.
int kaa_set_ready_types(void)
{
    if (KaaType_Ready(&SetIter_Type) < 0) {
        return -1;
    }
    return 0;
}
