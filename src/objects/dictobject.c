/* dict: the compact, insertion-ordered hash table of CPython 3.6+, sized as
 * CPython 3.11 sizes it (so sys.getsizeof agrees), with its views and
 * iterators.
 *
 * A non-empty dict owns one block from the object allocator:
 *
 *     int32 indices[size] | int32 kind | (pad) | KaaDictEntry entries[usable]
 *
 * indices[i] is DKIX_EMPTY, DKIX_DUMMY (a deleted slot: probing goes on) or
 * the number of an entry. Entries are appended in insertion order; deleting
 * one leaves a hole (key NULL) until the next resize compacts them. The index
 * table is probed with CPython's perturbation sequence and never fills up:
 * at most usable = 2/3 of size entries are made before a resize.
 * `kind` is CPython's dk_kind: KIND_UNICODE while every key ever stored since
 * the table was made is an exact str, KIND_GENERAL after that. It decides
 * what tp_traverse visits and what __sizeof__ reports, as in CPython.
 * An empty dict (after dict() or clear()) has no block: mask is -1.
 */
#include <string.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "util/strbuf.h"
#include "vm/vm.h"

#define DICT(o) ((KaaDictObject *)(o))

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define PERTURB_SHIFT 5
#define MINSIZE 8
#define USABLE_FRACTION(n) (((n) << 1) / 3)
#define KIND_UNICODE 1
#define KIND_GENERAL 0
#define MAX_SIZE ((Kaa_ssize_t)1 << 30)

static uint64_t dict_global_version;

#define BUMP_VERSION(d) ((d)->version = ++dict_global_version)
#define DK_KIND(d) ((d)->indices[(d)->mask + 1])
#define DK_IS_UNICODE(d) ((d)->mask < 0 || DK_KIND(d) == KIND_UNICODE)

static void set_key_error(KaaObject *key)
{
    // Always a 1-tuple of args, so that a tuple key is shown whole.
    KaaObject *args = KaaTuple_Pack(1, key);
    if (args != NULL) {
        KaaErr_SetObject(KaaExc(KeyError), args);
        Kaa_DECREF(args);
    }
}

static Kaa_hash_t key_hash(KaaObject *key)
{
    if (KaaStr_CheckExact(key)) {
        Kaa_hash_t h = ((KaaStrObject *)key)->hash;
        return h != -1 ? h : kaa_str_hash(key);
    }
    return KaaObject_Hash(key);
}

// _PyObject_GC_MAY_BE_TRACKED: could o ever be part of a cycle?
static int may_be_tracked(KaaObject *o)
{
    if (!KaaObject_IS_GC(o)) {
        return 0;
    }
    if (KaaTuple_CheckExact(o)) {
        return kaa_gc_is_tracked(o);
    }
    return 1;
}

// CPython's MAINTAIN_TRACKING: a dict starts untracked and is tracked as soon
// as it holds something that could be part of a cycle.
static void maintain_tracking(KaaDictObject *d, KaaObject *key, KaaObject *value)
{
    if (!kaa_gc_is_tracked((KaaObject *)d) && (may_be_tracked(key) || may_be_tracked(value))) {
        KAA_GC_TRACK(d);
    }
}

// --- The table -----------------------------------------------------------------------

static size_t entries_offset(Kaa_ssize_t size)
{
    return (((size_t)size + 1) * sizeof(int32_t) + 7) & ~(size_t)7;
}

// Smallest power of 2 >= minsize (and >= MINSIZE): calculate_log2_keysize.
static Kaa_ssize_t keysize_for(Kaa_ssize_t minsize)
{
    Kaa_ssize_t size = MINSIZE;
    while (size < minsize && size < MAX_SIZE * 2) {
        size <<= 1;
    }
    return size;
}

// Table size that holds n items without a resize: estimate_log2_keysize.
static Kaa_ssize_t estimate_keysize(Kaa_ssize_t n)
{
    return keysize_for((n * 3 + 1) / 2);
}

#define GROWTH_RATE(d) ((d)->used * 3)

// Give d a fresh empty table of `size` slots (its old one is the caller's).
static int new_table(KaaDictObject *d, Kaa_ssize_t size, int kind)
{
    if (size > MAX_SIZE) {
        KaaErr_NoMemory();
        return -1;
    }
    Kaa_ssize_t usable = USABLE_FRACTION(size);
    size_t off = entries_offset(size);
    char *block = kaa_obj_alloc(off + (size_t)usable * sizeof(KaaDictEntry));
    if (block == NULL) {
        KaaErr_NoMemory();
        return -1;
    }
    memset(block, 0xff, (size_t)size * sizeof(int32_t)); // all DKIX_EMPTY
    d->indices = (int32_t *)block;
    d->entries = (KaaDictEntry *)(block + off);
    d->mask = size - 1;
    d->capacity = usable;
    d->nentries = 0;
    DK_KIND(d) = kind;
    return 0;
}

static Kaa_ssize_t find_empty_slot(KaaDictObject *d, Kaa_hash_t hash)
{
    size_t mask = (size_t)d->mask;
    size_t i = (size_t)hash & mask;
    for (size_t perturb = (size_t)hash; d->indices[i] >= 0;) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return (Kaa_ssize_t)i;
}

// The slot of the index table that holds entry number ix.
static Kaa_ssize_t slot_of_entry(KaaDictObject *d, Kaa_hash_t hash, Kaa_ssize_t ix)
{
    size_t mask = (size_t)d->mask;
    size_t i = (size_t)hash & mask;
    for (size_t perturb = (size_t)hash; d->indices[i] != ix;) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return (Kaa_ssize_t)i;
}

// Move the live entries to a new table of `size` slots, compacting them.
// The kind stays KIND_UNICODE only if it was and `unicode` asks so.
static int resize(KaaDictObject *d, Kaa_ssize_t size, int unicode)
{
    int32_t *old_block = d->indices;
    KaaDictEntry *old_entries = d->entries;
    Kaa_ssize_t old_n = d->nentries;
    int kind = unicode && DK_IS_UNICODE(d) ? KIND_UNICODE : KIND_GENERAL;
    Kaa_ssize_t mask = d->mask, capacity = d->capacity;
    if (new_table(d, size, kind) < 0) {
        d->indices = old_block;
        d->entries = old_entries;
        d->mask = mask;
        d->capacity = capacity;
        d->nentries = old_n;
        return -1;
    }
    Kaa_ssize_t j = 0;
    for (Kaa_ssize_t i = 0; i < old_n; i++) {
        if (old_entries[i].key != NULL) {
            d->entries[j] = old_entries[i];
            d->indices[find_empty_slot(d, old_entries[i].hash)] = (int32_t)j;
            j++;
        }
    }
    d->nentries = j;
    kaa_obj_free(old_block);
    return 0;
}

// A table of `size` slots for d, empty or not (dictresize on any dict).
static int ensure_table(KaaDictObject *d, Kaa_ssize_t size, int unicode)
{
    if (d->mask < 0) {
        return new_table(d, size, unicode ? KIND_UNICODE : KIND_GENERAL);
    }
    return resize(d, size, unicode);
}

// Entry number of key, DKIX_EMPTY when missing, DKIX_ERROR on error. An
// __eq__ may change the dict: the search restarts if the table was
// replaced or the entry compared against is gone (as CPython).
static Kaa_ssize_t lookup(KaaDictObject *d, KaaObject *key, Kaa_hash_t hash)
{
restart:
    if (d->mask < 0) {
        return DKIX_EMPTY;
    }
    Kaa_ssize_t mask = d->mask;
    int32_t *indices = d->indices;
    KaaDictEntry *entries = d->entries;
    size_t i = (size_t)hash & (size_t)mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        Kaa_ssize_t ix = indices[i];
        if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        if (ix >= 0) {
            KaaObject *startkey = entries[ix].key;
            if (startkey == key) {
                return ix;
            }
            if (entries[ix].hash == hash) {
                if (KaaStr_CheckExact(startkey) && KaaStr_CheckExact(key)) {
                    if (kaa_str_eq(startkey, key)) {
                        return ix;
                    }
                } else {
                    Kaa_INCREF(startkey);
                    int cmp = KaaObject_RichCompareBool(startkey, key, Kaa_EQ);
                    Kaa_DECREF(startkey);
                    if (cmp < 0) {
                        return DKIX_ERROR;
                    }
                    if (d->entries != entries || d->mask != mask || entries[ix].key != startkey) {
                        goto restart;
                    }
                    if (cmp > 0) {
                        return ix;
                    }
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & (size_t)mask;
    }
}

// Append a key known to be missing; key and value are references the dict
// takes over.
static int insert_new(KaaDictObject *d, KaaObject *key, Kaa_hash_t hash, KaaObject *value)
{
    if (d->mask < 0) {
        if (new_table(d, MINSIZE, KaaStr_CheckExact(key) ? KIND_UNICODE : KIND_GENERAL) < 0) {
            goto fail;
        }
    } else if (d->nentries >= d->capacity) {
        if (resize(d, keysize_for(GROWTH_RATE(d)), 1) < 0) {
            goto fail;
        }
    }
    if (!KaaStr_CheckExact(key)) {
        DK_KIND(d) = KIND_GENERAL;
    }
    maintain_tracking(d, key, value);
    Kaa_ssize_t slot = find_empty_slot(d, hash);
    d->indices[slot] = (int32_t)d->nentries;
    KaaDictEntry *ep = &d->entries[d->nentries];
    ep->hash = hash;
    ep->key = key;
    ep->value = value;
    d->nentries++;
    d->used++;
    BUMP_VERSION(d);
    return 0;
fail:
    Kaa_DECREF(key);
    Kaa_DECREF(value);
    return -1;
}

// A non-str key turns an all-str table general, through a resize (CPython's
// insertion_resize(mp, 0), which sys.getsizeof shows).
static int make_general(KaaDictObject *d, KaaObject *key)
{
    if (d->mask >= 0 && DK_KIND(d) == KIND_UNICODE && !KaaStr_CheckExact(key)) {
        return resize(d, keysize_for(GROWTH_RATE(d)), 0);
    }
    return 0;
}

// Insert or replace (insertdict): key and value are new references the dict
// takes over, also on error.
static int insert(KaaDictObject *d, KaaObject *key, Kaa_hash_t hash, KaaObject *value)
{
    if (d->mask < 0) {
        return insert_new(d, key, hash, value);
    }
    if (make_general(d, key) < 0) {
        goto fail;
    }
    Kaa_ssize_t ix = lookup(d, key, hash);
    if (ix == DKIX_ERROR) {
        goto fail;
    }
    if (ix == DKIX_EMPTY) {
        return insert_new(d, key, hash, value);
    }
    maintain_tracking(d, key, value);
    KaaObject *old = d->entries[ix].value;
    d->entries[ix].value = value;
    BUMP_VERSION(d);
    Kaa_DECREF(old);
    Kaa_DECREF(key); // the dict keeps its own key object
    return 0;
fail:
    Kaa_DECREF(key);
    Kaa_DECREF(value);
    return -1;
}

// Delete entry ix (found for `hash`): the key is released, then the value.
static void delete_entry(KaaDictObject *d, Kaa_ssize_t ix, Kaa_hash_t hash)
{
    Kaa_ssize_t slot = slot_of_entry(d, hash, ix);
    d->indices[slot] = DKIX_DUMMY;
    KaaObject *old_key = d->entries[ix].key, *old_value = d->entries[ix].value;
    d->entries[ix].key = NULL;
    d->entries[ix].value = NULL;
    d->used--;
    BUMP_VERSION(d);
    Kaa_DECREF(old_key);
    Kaa_DECREF(old_value);
}

// Release every entry, in insertion order (key, then value), and the block.
static void free_table(int32_t *block, KaaDictEntry *entries, Kaa_ssize_t n)
{
    for (Kaa_ssize_t i = 0; i < n; i++) {
        Kaa_XDECREF(entries[i].key);
        Kaa_XDECREF(entries[i].value);
    }
    kaa_obj_free(block);
}

// --- Public API ----------------------------------------------------------------------------

static KaaObject *dict_alloc(KaaTypeObject *type)
{
    KaaDictObject *d = (KaaDictObject *)KaaType_GenericAlloc(type, 0);
    if (d == NULL) {
        return NULL;
    }
    d->mask = -1;
    BUMP_VERSION(d);
    return (KaaObject *)d;
}

KaaObject *KaaDict_New(void)
{
    return dict_alloc(&KaaDict_Type);
}

KaaObject *KaaDict_NewPresized(Kaa_ssize_t minused)
{
    KaaObject *d = KaaDict_New();
    if (d == NULL || minused <= USABLE_FRACTION(MINSIZE)) {
        return d;
    }
    Kaa_ssize_t size = minused > USABLE_FRACTION((Kaa_ssize_t)1 << 17) ? (Kaa_ssize_t)1 << 17
                                                                       : estimate_keysize(minused);
    if (new_table(DICT(d), size, KIND_GENERAL) < 0) {
        Kaa_DECREF(d);
        return NULL;
    }
    return d;
}

KaaObject *KaaDict_FromItems(KaaObject *const *keys, Kaa_ssize_t keys_offset,
                             KaaObject *const *values, Kaa_ssize_t values_offset,
                             Kaa_ssize_t length)
{
    int unicode = 1;
    for (Kaa_ssize_t i = 0; i < length; i++) {
        if (!KaaStr_CheckExact(keys[i * keys_offset])) {
            unicode = 0;
            break;
        }
    }
    KaaObject *d = KaaDict_New();
    if (d == NULL) {
        return NULL;
    }
    if (length > USABLE_FRACTION(MINSIZE)) {
        Kaa_ssize_t size = length > USABLE_FRACTION((Kaa_ssize_t)1 << 17)
                               ? (Kaa_ssize_t)1 << 17
                               : estimate_keysize(length);
        if (new_table(DICT(d), size, unicode ? KIND_UNICODE : KIND_GENERAL) < 0) {
            Kaa_DECREF(d);
            return NULL;
        }
    }
    for (Kaa_ssize_t i = 0; i < length; i++) {
        if (KaaDict_SetItem(d, keys[i * keys_offset], values[i * values_offset]) < 0) {
            Kaa_DECREF(d);
            return NULL;
        }
    }
    return d;
}

KaaObject *KaaDict_GetItemWithError(KaaObject *op, KaaObject *key)
{
    Kaa_hash_t hash = key_hash(key);
    if (hash == -1) {
        return NULL;
    }
    KaaDictObject *d = DICT(op);
    Kaa_ssize_t ix = lookup(d, key, hash);
    return ix >= 0 ? d->entries[ix].value : NULL;
}

KaaObject *KaaDict_GetItemString(KaaObject *d, const char *key)
{
    KaaObject *k = KaaStr_FromString(key);
    if (k == NULL) {
        KaaErr_Clear();
        return NULL;
    }
    KaaObject *res = KaaDict_GetItemWithError(d, k);
    Kaa_DECREF(k);
    if (res == NULL && KaaErr_Occurred()) {
        KaaErr_Clear();
    }
    return res;
}

int KaaDict_SetItem(KaaObject *d, KaaObject *key, KaaObject *value)
{
    if (!KaaDict_Check(d)) {
        KaaErr_BadInternalCall("KaaDict_SetItem");
        return -1;
    }
    Kaa_hash_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return insert(DICT(d), Kaa_NewRef(key), hash, Kaa_NewRef(value));
}

int KaaDict_SetItemString(KaaObject *d, const char *key, KaaObject *value)
{
    KaaObject *k = KaaStr_FromString(key);
    if (k == NULL) {
        return -1;
    }
    KaaStr_InternInPlace(&k);
    int r = KaaDict_SetItem(d, k, value);
    Kaa_DECREF(k);
    return r;
}

int KaaDict_DelItem(KaaObject *op, KaaObject *key)
{
    Kaa_hash_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    KaaDictObject *d = DICT(op);
    Kaa_ssize_t ix = lookup(d, key, hash);
    if (ix == DKIX_ERROR) {
        return -1;
    }
    if (ix == DKIX_EMPTY) {
        set_key_error(key);
        return -1;
    }
    delete_entry(d, ix, d->entries[ix].hash);
    return 0;
}

int KaaDict_DelItemString(KaaObject *d, const char *key)
{
    KaaObject *k = KaaStr_FromString(key);
    if (k == NULL) {
        return -1;
    }
    int r = KaaDict_DelItem(d, k);
    Kaa_DECREF(k);
    return r;
}

int KaaDict_Contains(KaaObject *op, KaaObject *key)
{
    Kaa_hash_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    Kaa_ssize_t ix = lookup(DICT(op), key, hash);
    return ix == DKIX_ERROR ? -1 : ix >= 0;
}

int KaaDict_Next(KaaObject *op, Kaa_ssize_t *pos, KaaObject **key, KaaObject **value)
{
    KaaDictObject *d = DICT(op);
    Kaa_ssize_t i = *pos;
    if (i < 0) {
        return 0;
    }
    while (i < d->nentries && d->entries[i].value == NULL) {
        i++;
    }
    if (i >= d->nentries) {
        *pos = i;
        return 0;
    }
    *pos = i + 1;
    if (key) {
        *key = d->entries[i].key;
    }
    if (value) {
        *value = d->entries[i].value;
    }
    return 1;
}

void KaaDict_Clear(KaaObject *op)
{
    KaaDictObject *d = DICT(op);
    if (d->mask < 0) {
        return;
    }
    // Empty the dict first, then release: destructors may look at it.
    int32_t *block = d->indices;
    KaaDictEntry *entries = d->entries;
    Kaa_ssize_t n = d->nentries;
    d->indices = NULL;
    d->entries = NULL;
    d->mask = -1;
    d->used = d->nentries = d->capacity = 0;
    BUMP_VERSION(d);
    free_table(block, entries, n);
}

// A copy of o's table, holes included (clone_combined_dict_keys).
static int clone_table(KaaDictObject *d, KaaDictObject *o)
{
    if (new_table(d, o->mask + 1, DK_KIND(o)) < 0) {
        return -1;
    }
    memcpy(d->indices, o->indices, (size_t)(o->mask + 1) * sizeof(int32_t));
    memcpy(d->entries, o->entries, (size_t)o->nentries * sizeof(KaaDictEntry));
    for (Kaa_ssize_t i = 0; i < o->nentries; i++) {
        if (d->entries[i].key) {
            Kaa_INCREF(d->entries[i].key);
            Kaa_INCREF(d->entries[i].value);
        }
    }
    d->nentries = o->nentries;
    d->capacity = o->capacity;
    d->used = o->used;
    BUMP_VERSION(d);
    return 0;
}

static KaaObject *dict_iter(KaaObject *d);

KaaObject *KaaDict_Copy(KaaObject *op)
{
    if (op == NULL || !KaaDict_Check(op)) {
        KaaErr_BadInternalCall("KaaDict_Copy");
        return NULL;
    }
    KaaDictObject *o = DICT(op);
    if (o->used == 0) {
        return KaaDict_New();
    }
    // Fast copy unless iteration is overridden or a third of it is holes.
    if (Kaa_TYPE(op)->tp_iter == dict_iter && o->used >= (o->nentries * 2) / 3) {
        KaaObject *d = KaaDict_New();
        if (d == NULL) {
            return NULL;
        }
        if (clone_table(DICT(d), o) < 0) {
            Kaa_DECREF(d);
            return NULL;
        }
        if (kaa_gc_is_tracked(op)) {
            KAA_GC_TRACK(d);
        }
        return d;
    }
    KaaObject *d = KaaDict_New();
    if (d != NULL && KaaDict_Merge(d, op, 1) < 0) {
        Kaa_CLEAR(d);
    }
    return d;
}

// Merge from a dict whose iteration is not overridden (dict_merge).
static int merge_dict(KaaDictObject *a, KaaDictObject *b, int override)
{
    if (a == b || b->used == 0) {
        return 0;
    }
    if (a->used == 0) {
        override = 1;
        // A clean, freshly made b is cloned whole.
        Kaa_ssize_t bsize = b->mask + 1;
        if (b->used == b->nentries && (bsize == MINSIZE || USABLE_FRACTION(bsize / 2) < b->used)) {
            int32_t *old_block = a->indices;
            KaaDictEntry *old_entries = a->entries;
            Kaa_ssize_t old_n = a->nentries;
            if (clone_table(a, b) < 0) {
                return -1;
            }
            if (old_block) {
                free_table(old_block, old_entries, old_n);
            }
            if (kaa_gc_is_tracked((KaaObject *)b) && !kaa_gc_is_tracked((KaaObject *)a)) {
                KAA_GC_TRACK(a);
            }
            return 0;
        }
    }
    // One big resize first, expecting few overlapping keys.
    Kaa_ssize_t usable = a->mask < 0 ? 0 : USABLE_FRACTION(a->mask + 1);
    if (usable < b->used) {
        if (ensure_table(a, estimate_keysize(a->used + b->used), DK_IS_UNICODE(b)) < 0) {
            return -1;
        }
    }
    Kaa_ssize_t n = b->nentries;
    for (Kaa_ssize_t i = 0; i < n; i++) {
        KaaDictEntry *ep = &b->entries[i];
        if (ep->value == NULL) {
            continue;
        }
        KaaObject *key = Kaa_NewRef(ep->key), *value = Kaa_NewRef(ep->value);
        Kaa_hash_t hash = ep->hash;
        int err = 0;
        if (override == 1) {
            err = insert(a, key, hash, value);
        } else {
            Kaa_ssize_t ix = lookup(a, key, hash);
            if (ix == DKIX_ERROR) {
                err = -1;
            } else if (ix == DKIX_EMPTY) {
                err = insert(a, Kaa_NewRef(key), hash, Kaa_NewRef(value));
            } else if (override == 2) {
                set_key_error(key);
                err = -1;
            }
            Kaa_DECREF(key);
            Kaa_DECREF(value);
        }
        if (err < 0) {
            return -1;
        }
        if (n != b->nentries) {
            KaaErr_SetString(KaaExc(RuntimeError), "dict mutated during update");
            return -1;
        }
    }
    return 0;
}

// Merge from any mapping: its keys(), then b[key] for each.
static int merge_mapping(KaaObject *a, KaaObject *b, int override)
{
    KaaObject *keys = KaaObject_CallMethod(b, "keys", NULL, 0);
    if (keys == NULL) {
        return -1;
    }
    KaaObject *it = KaaObject_GetIter(keys);
    Kaa_DECREF(keys);
    if (it == NULL) {
        return -1;
    }
    KaaObject *key;
    while ((key = KaaIter_Next(it)) != NULL) {
        if (override != 1) {
            int status = KaaDict_Contains(a, key);
            if (status != 0) {
                if (status > 0 && override == 0) {
                    Kaa_DECREF(key);
                    continue;
                }
                if (status > 0) {
                    set_key_error(key);
                }
                Kaa_DECREF(key);
                Kaa_DECREF(it);
                return -1;
            }
        }
        KaaObject *value = KaaObject_GetItem(b, key);
        int status = value ? KaaDict_SetItem(a, key, value) : -1;
        Kaa_XDECREF(value);
        Kaa_DECREF(key);
        if (status < 0) {
            Kaa_DECREF(it);
            return -1;
        }
    }
    Kaa_DECREF(it);
    return KaaErr_Occurred() ? -1 : 0;
}

int KaaDict_Merge(KaaObject *a, KaaObject *b, int override)
{
    if (a == NULL || !KaaDict_Check(a) || b == NULL) {
        KaaErr_BadInternalCall("KaaDict_Merge");
        return -1;
    }
    if (KaaDict_Check(b) && Kaa_TYPE(b)->tp_iter == dict_iter) {
        return merge_dict(DICT(a), DICT(b), override);
    }
    return merge_mapping(a, b, override);
}

int KaaDict_Update(KaaObject *d, KaaObject *other)
{
    return KaaDict_Merge(d, other, 1);
}

// Update from an iterable of pairs (PyDict_MergeFromSeq2).
static int merge_from_seq2(KaaObject *d, KaaObject *seq2, int override)
{
    KaaObject *it = KaaObject_GetIter(seq2);
    if (it == NULL) {
        return -1;
    }
    for (Kaa_ssize_t i = 0;; i++) {
        KaaObject *item = KaaIter_Next(it);
        if (item == NULL) {
            break;
        }
        KaaObject *fast = kaa_sequence_fast(item, "");
        Kaa_DECREF(item);
        if (fast == NULL) {
            if (KaaErr_ExceptionMatches(KaaExc(TypeError))) {
                KaaErr_Format(KaaExc(TypeError),
                              "cannot convert dictionary update sequence element #%zd to a "
                              "sequence",
                              i);
            }
            goto fail;
        }
        Kaa_ssize_t n = Kaa_SIZE(fast);
        if (n != 2) {
            KaaErr_Format(KaaExc(ValueError),
                          "dictionary update sequence element #%zd has length %zd; 2 is required",
                          i, n);
            Kaa_DECREF(fast);
            goto fail;
        }
        KaaObject **items = KaaList_Check(fast) ? ((KaaListObject *)fast)->ob_item
                                                : ((KaaTupleObject *)fast)->ob_item;
        KaaObject *key = Kaa_NewRef(items[0]), *value = Kaa_NewRef(items[1]);
        Kaa_DECREF(fast);
        int status = 0;
        if (override) {
            status = KaaDict_SetItem(d, key, value);
        } else {
            status = KaaDict_Contains(d, key);
            status = status == 0 ? KaaDict_SetItem(d, key, value) : status < 0 ? -1 : 0;
        }
        Kaa_DECREF(key);
        Kaa_DECREF(value);
        if (status < 0) {
            goto fail;
        }
    }
    Kaa_DECREF(it);
    return KaaErr_Occurred() ? -1 : 0;
fail:
    Kaa_DECREF(it);
    return -1;
}

// dict.update(arg) / dict(arg): a dict, anything with keys(), or pairs.
static int update_arg(KaaObject *self, KaaObject *arg)
{
    if (KaaDict_CheckExact(arg)) {
        return KaaDict_Merge(self, arg, 1);
    }
    KaaObject *func;
    int r = KaaObject_LookupAttr(arg, KaaStr_InternFromString("keys"), &func);
    if (r < 0) {
        return -1;
    }
    if (r > 0) {
        Kaa_DECREF(func);
        return KaaDict_Merge(self, arg, 1);
    }
    return merge_from_seq2(self, arg, 1);
}

// Positional and keyword arguments of dict() and dict.update().
static int update_common(KaaObject *self, KaaObject *const *args, size_t nargs, KaaObject *kwnames,
                         const char *name)
{
    if (kaa_container_check_nargs(name, nargs, 0, 1) < 0) {
        return -1;
    }
    if (nargs == 1 && update_arg(self, args[0]) < 0) {
        return -1;
    }
    Kaa_ssize_t nkw = kwnames ? KaaTuple_GET_SIZE(kwnames) : 0;
    for (Kaa_ssize_t i = 0; i < nkw; i++) {
        if (KaaDict_SetItem(self, KaaTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static KaaObject *entries_as_list(KaaObject *op, int what)
{
    KaaDictObject *d = DICT(op);
    for (;;) {
        Kaa_ssize_t n = d->used;
        KaaObject *list = KaaList_New(n);
        if (list == NULL) {
            return NULL;
        }
        if (n != d->used) {
            // Allocating ran code (a collection's finalizer) that changed d.
            Kaa_DECREF(list);
            continue;
        }
        Kaa_ssize_t j = 0;
        for (Kaa_ssize_t i = 0; i < d->nentries; i++) {
            KaaDictEntry *ep = &d->entries[i];
            if (ep->value == NULL) {
                continue;
            }
            KaaObject *item;
            if (what == 0) {
                item = Kaa_NewRef(ep->key);
            } else if (what == 1) {
                item = Kaa_NewRef(ep->value);
            } else if ((item = KaaTuple_Pack(2, ep->key, ep->value)) == NULL) {
                Kaa_DECREF(list);
                return NULL;
            }
            KaaList_SET_ITEM(list, j++, item);
        }
        return list;
    }
}

KaaObject *KaaDict_Keys(KaaObject *d)
{
    return entries_as_list(d, 0);
}

KaaObject *KaaDict_Values(KaaObject *d)
{
    return entries_as_list(d, 1);
}

KaaObject *KaaDict_Items(KaaObject *d)
{
    return entries_as_list(d, 2);
}

KaaObject *KaaDict_SetDefault(KaaObject *op, KaaObject *key, KaaObject *deflt)
{
    KaaDictObject *d = DICT(op);
    Kaa_hash_t hash = key_hash(key);
    if (hash == -1) {
        return NULL;
    }
    if (make_general(d, key) < 0) {
        return NULL;
    }
    Kaa_ssize_t ix = lookup(d, key, hash);
    if (ix == DKIX_ERROR) {
        return NULL;
    }
    if (ix >= 0) {
        return d->entries[ix].value;
    }
    if (insert_new(d, Kaa_NewRef(key), hash, Kaa_NewRef(deflt)) < 0) {
        return NULL;
    }
    return deflt;
}

KaaObject *KaaDict_Pop(KaaObject *op, KaaObject *key, KaaObject *deflt)
{
    KaaDictObject *d = DICT(op);
    if (d->used == 0) {
        if (deflt) {
            return Kaa_NewRef(deflt);
        }
        set_key_error(key);
        return NULL;
    }
    Kaa_hash_t hash = key_hash(key);
    if (hash == -1) {
        return NULL;
    }
    Kaa_ssize_t ix = lookup(d, key, hash);
    if (ix == DKIX_ERROR) {
        return NULL;
    }
    if (ix == DKIX_EMPTY) {
        if (deflt) {
            return Kaa_NewRef(deflt);
        }
        set_key_error(key);
        return NULL;
    }
    KaaObject *value = Kaa_NewRef(d->entries[ix].value);
    delete_entry(d, ix, d->entries[ix].hash);
    return value;
}

// --- Tracking for the collector ---------------------------------------------------------

void kaa_dict_untrack_if_atomic(KaaObject *op)
{
    if (!KaaDict_CheckExact(op) || !kaa_gc_is_tracked(op)) {
        return;
    }
    KaaDictObject *d = DICT(op);
    int general = !DK_IS_UNICODE(d);
    for (Kaa_ssize_t i = 0; i < d->nentries; i++) {
        KaaDictEntry *ep = &d->entries[i];
        if (ep->value == NULL) {
            continue;
        }
        if (may_be_tracked(ep->value) || (general && may_be_tracked(ep->key))) {
            return;
        }
    }
    KAA_GC_UNTRACK(op);
}

// --- Slots -----------------------------------------------------------------------------------

static void dict_dealloc(KaaObject *o)
{
    KaaDictObject *d = DICT(o);
    kaa_gc_untrack_if_tracked(o);
    int trash = kaa_trashcan_begin(o, dict_dealloc);
    if (trash < 0) {
        return;
    }
    if (d->mask >= 0) {
        free_table(d->indices, d->entries, d->nentries);
    }
    kaa_container_free(o);
    kaa_trashcan_end(trash);
}

// Values only while every key is a str (as CPython), else value then key.
static int dict_traverse(KaaObject *o, visitproc visit, void *arg)
{
    KaaDictObject *d = DICT(o);
    if (d->mask < 0) {
        return 0;
    }
    int general = DK_KIND(d) != KIND_UNICODE;
    for (Kaa_ssize_t i = 0; i < d->nentries; i++) {
        if (d->entries[i].value != NULL) {
            Kaa_VISIT(d->entries[i].value);
            if (general) {
                Kaa_VISIT(d->entries[i].key);
            }
        }
    }
    return 0;
}

static int dict_tp_clear(KaaObject *o)
{
    KaaDict_Clear(o);
    return 0;
}

static KaaObject *dict_repr(KaaObject *o)
{
    KaaDictObject *d = DICT(o);
    int r = kaa_repr_enter(o);
    if (r != 0) {
        return r > 0 ? KaaStr_FromString("{...}") : NULL;
    }
    if (d->used == 0) {
        kaa_repr_leave(o);
        return KaaStr_FromString("{}");
    }
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    kaa_strbuf_addc(&b, '{');
    Kaa_ssize_t pos = 0;
    KaaObject *key, *value;
    int first = 1;
    while (KaaDict_Next(o, &pos, &key, &value)) {
        Kaa_INCREF(key);
        Kaa_INCREF(value);
        if (!first) {
            kaa_strbuf_add(&b, ", ", 2);
        }
        first = 0;
        int err = kaa_repr_append(&b, key);
        if (err == 0) {
            kaa_strbuf_add(&b, ": ", 2);
            err = kaa_repr_append(&b, value);
        }
        Kaa_DECREF(key);
        Kaa_DECREF(value);
        if (err < 0) {
            kaa_repr_leave(o);
            kaa_strbuf_free(&b);
            return NULL;
        }
    }
    kaa_strbuf_addc(&b, '}');
    kaa_repr_leave(o);
    if (b.failed) {
        kaa_strbuf_free(&b);
        return KaaErr_NoMemory();
    }
    KaaObject *s = KaaStr_FromStringAndSize(b.data, (Kaa_ssize_t)b.len);
    kaa_strbuf_free(&b);
    return s;
}

// 1, 0 or -1: same keys, and equal values for each.
static int dict_equal(KaaDictObject *a, KaaDictObject *b)
{
    if (a->used != b->used) {
        return 0;
    }
    for (Kaa_ssize_t i = 0; i < a->nentries; i++) {
        KaaDictEntry *ep = &a->entries[i];
        if (ep->value == NULL) {
            continue;
        }
        KaaObject *aval = Kaa_NewRef(ep->value), *key = Kaa_NewRef(ep->key);
        Kaa_ssize_t ix = lookup(b, key, ep->hash);
        if (ix < 0) {
            Kaa_DECREF(aval);
            Kaa_DECREF(key);
            return ix == DKIX_ERROR ? -1 : 0;
        }
        KaaObject *bval = Kaa_NewRef(b->entries[ix].value);
        int cmp = KaaObject_RichCompareBool(aval, bval, Kaa_EQ);
        Kaa_DECREF(key);
        Kaa_DECREF(aval);
        Kaa_DECREF(bval);
        if (cmp <= 0) {
            return cmp;
        }
    }
    return 1;
}

static KaaObject *dict_richcompare(KaaObject *v, KaaObject *w, int op)
{
    if (!KaaDict_Check(v) || !KaaDict_Check(w) || (op != Kaa_EQ && op != Kaa_NE)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    int cmp = dict_equal(DICT(v), DICT(w));
    if (cmp < 0) {
        return NULL;
    }
    return KaaBool_FromLong(op == Kaa_EQ ? cmp : !cmp);
}

static Kaa_ssize_t dict_length(KaaObject *o)
{
    return DICT(o)->used;
}

// d[key]; a dict subclass may supply __missing__.
static KaaObject *dict_subscript(KaaObject *o, KaaObject *key)
{
    Kaa_hash_t hash = key_hash(key);
    if (hash == -1) {
        return NULL;
    }
    Kaa_ssize_t ix = lookup(DICT(o), key, hash);
    if (ix == DKIX_ERROR) {
        return NULL;
    }
    if (ix >= 0) {
        return Kaa_NewRef(DICT(o)->entries[ix].value);
    }
    if (!KaaDict_CheckExact(o)) {
        KaaObject *missing = kaa_type_lookup(Kaa_TYPE(o), KaaStr_InternFromString("__missing__"));
        if (missing != NULL) {
            descrgetfunc get = Kaa_TYPE(missing)->tp_descr_get;
            KaaObject *bound =
                get ? get(missing, o, (KaaObject *)Kaa_TYPE(o)) : Kaa_NewRef(missing);
            if (bound == NULL) {
                return NULL;
            }
            KaaObject *res = KaaObject_CallOneArg(bound, key);
            Kaa_DECREF(bound);
            return res;
        }
    }
    set_key_error(key);
    return NULL;
}

static int dict_ass_subscript(KaaObject *o, KaaObject *key, KaaObject *value)
{
    if (value == NULL) {
        return KaaDict_DelItem(o, key);
    }
    return KaaDict_SetItem(o, key, value);
}

static int dict_contains(KaaObject *o, KaaObject *key)
{
    return KaaDict_Contains(o, key);
}

static KaaObject *dict_or(KaaObject *self, KaaObject *other)
{
    if (!KaaDict_Check(self) || !KaaDict_Check(other)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    KaaObject *d = KaaDict_Copy(self);
    if (d != NULL && update_arg(d, other) < 0) {
        Kaa_CLEAR(d);
    }
    return d;
}

static KaaObject *dict_ior(KaaObject *self, KaaObject *other)
{
    if (update_arg(self, other) < 0) {
        return NULL;
    }
    return Kaa_NewRef(self);
}

// --- Methods -----------------------------------------------------------------------------------

static KaaObject *dict_get(KaaObject *self, KaaObject *const *args, size_t nargs,
                           KaaObject *kwnames)
{
    if (kaa_container_no_kwargs("dict.get", kwnames) < 0 ||
        kaa_container_check_nargs("get", nargs, 1, 2) < 0) {
        return NULL;
    }
    KaaObject *v = KaaDict_GetItemWithError(self, args[0]);
    if (v == NULL) {
        if (KaaErr_Occurred()) {
            return NULL;
        }
        v = nargs > 1 ? args[1] : Kaa_None;
    }
    return Kaa_NewRef(v);
}

static KaaObject *dict_setdefault(KaaObject *self, KaaObject *const *args, size_t nargs,
                                  KaaObject *kwnames)
{
    if (kaa_container_no_kwargs("dict.setdefault", kwnames) < 0 ||
        kaa_container_check_nargs("setdefault", nargs, 1, 2) < 0) {
        return NULL;
    }
    KaaObject *v = KaaDict_SetDefault(self, args[0], nargs > 1 ? args[1] : Kaa_None);
    return Kaa_XNewRef(v);
}

static KaaObject *dict_pop(KaaObject *self, KaaObject *const *args, size_t nargs,
                           KaaObject *kwnames)
{
    if (kaa_container_no_kwargs("dict.pop", kwnames) < 0 ||
        kaa_container_check_nargs("pop", nargs, 1, 2) < 0) {
        return NULL;
    }
    return KaaDict_Pop(self, args[0], nargs > 1 ? args[1] : NULL);
}

// Last item out, LIFO. CPython does not give back the index slot: usable
// room stays as it was (so the capacity shrinks with the entries).
static KaaObject *dict_popitem(KaaObject *self, KaaObject *unused)
{
    KaaDictObject *d = DICT(self);
    KaaObject *res = KaaTuple_New(2);
    if (res == NULL) {
        return NULL;
    }
    if (d->used == 0) {
        Kaa_DECREF(res);
        KaaObject *msg = KaaStr_FromString("popitem(): dictionary is empty");
        if (msg) {
            set_key_error(msg);
            Kaa_DECREF(msg);
        }
        return NULL;
    }
    Kaa_ssize_t i = d->nentries - 1;
    while (i >= 0 && d->entries[i].value == NULL) {
        i--;
    }
    KaaDictEntry *ep = &d->entries[i];
    d->indices[slot_of_entry(d, ep->hash, i)] = DKIX_DUMMY;
    KaaTuple_SET_ITEM(res, 0, ep->key);
    KaaTuple_SET_ITEM(res, 1, ep->value);
    ep->key = ep->value = NULL;
    d->capacity -= d->nentries - i;
    d->nentries = i;
    d->used--;
    BUMP_VERSION(d);
    return res;
}

static KaaObject *dict_update(KaaObject *self, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    if (update_common(self, args, nargs, kwnames, "update") < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

static KaaObject *dict_clear_method(KaaObject *self, KaaObject *unused)
{
    KaaDict_Clear(self);
    Kaa_RETURN_NONE;
}

static KaaObject *dict_copy(KaaObject *self, KaaObject *unused)
{
    return KaaDict_Copy(self);
}

static KaaObject *dict_contains_method(KaaObject *self, KaaObject *key)
{
    int r = KaaDict_Contains(self, key);
    return r < 0 ? NULL : KaaBool_FromLong(r);
}

static KaaObject *dict_getitem_method(KaaObject *self, KaaObject *key)
{
    return dict_subscript(self, key);
}

// What CPython 3.11 reports: its own struct sizes, and 1/2/4/8-byte indices.
static KaaObject *dict_sizeof(KaaObject *self, KaaObject *unused)
{
    KaaDictObject *d = DICT(self);
    Kaa_ssize_t res = 48 + Kaa_TYPE(self)->tp_basicsize - (Kaa_ssize_t)sizeof(KaaDictObject);
    if (d->mask >= 0) {
        Kaa_ssize_t size = d->mask + 1;
        Kaa_ssize_t width = size <= 128 ? 1 : size <= 32768 ? 2 : 4;
        Kaa_ssize_t entry = DK_KIND(d) == KIND_UNICODE ? 16 : 24;
        res += 32 + size * width + USABLE_FRACTION(size) * entry;
    }
    return KaaInt_FromSsize_t(res);
}

static KaaObject *dict_fromkeys(KaaObject *cls, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    if (kaa_container_no_kwargs("dict.fromkeys", kwnames) < 0 ||
        kaa_container_check_nargs("fromkeys", nargs, 1, 2) < 0) {
        return NULL;
    }
    KaaObject *iterable = args[0], *value = nargs > 1 ? args[1] : Kaa_None;
    KaaObject *d = KaaObject_CallNoArgs(cls);
    if (d == NULL) {
        return NULL;
    }
    if (KaaDict_CheckExact(d) && DICT(d)->used == 0 && KaaDict_CheckExact(iterable)) {
        KaaDictObject *src = DICT(iterable);
        if (ensure_table(DICT(d), estimate_keysize(src->used), DK_IS_UNICODE(src)) < 0) {
            goto fail;
        }
        for (Kaa_ssize_t i = 0; i < src->nentries; i++) {
            KaaDictEntry *ep = &src->entries[i];
            if (ep->value &&
                insert(DICT(d), Kaa_NewRef(ep->key), ep->hash, Kaa_NewRef(value)) < 0) {
                goto fail;
            }
        }
        return d;
    }
    KaaObject *it = KaaObject_GetIter(iterable);
    if (it == NULL) {
        goto fail;
    }
    KaaObject *key;
    while ((key = KaaIter_Next(it)) != NULL) {
        int status = KaaDict_CheckExact(d) ? KaaDict_SetItem(d, key, value)
                                           : KaaObject_SetItem(d, key, value);
        Kaa_DECREF(key);
        if (status < 0) {
            Kaa_DECREF(it);
            goto fail;
        }
    }
    Kaa_DECREF(it);
    if (KaaErr_Occurred()) {
        goto fail;
    }
    return d;
fail:
    Kaa_DECREF(d);
    return NULL;
}

// --- dict(): __new__ and __init__ -------------------------------------------------------------

static KaaObject *dict_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                           KaaObject *kwnames)
{
    KaaObject *d = dict_alloc(type);
    // An exact dict starts untracked; a subclass instance is tracked (CPython).
    if (d != NULL && type != &KaaDict_Type) {
        KAA_GC_TRACK(d);
    }
    return d;
}

static int dict_init(KaaObject *self, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    return update_common(self, args, nargs, kwnames, "dict");
}

// --- Iterators -------------------------------------------------------------------------------

enum { ITER_KEYS, ITER_VALUES, ITER_ITEMS };

typedef struct DictIterObject {
    KaaObject_HEAD KaaObject *dict; // NULL once exhausted
    Kaa_ssize_t used;               // dict's size when the iteration began (-1: sticky error)
    Kaa_ssize_t pos;                // next entry to look at
    Kaa_ssize_t len;                // items left
    int what;                       // ITER_KEYS, ITER_VALUES or ITER_ITEMS
} DictIterObject;

static KaaTypeObject DictIter_Types[3], DictRevIter_Types[3];

static KaaObject *dictiter_new(KaaObject *dict, int what, int reverse)
{
    KaaTypeObject *type = reverse ? &DictRevIter_Types[what] : &DictIter_Types[what];
    if (kaa_container_ready(type) < 0) {
        return NULL;
    }
    DictIterObject *it = (DictIterObject *)KaaType_GenericAlloc(type, 0);
    if (it == NULL) {
        return NULL;
    }
    it->dict = Kaa_NewRef(dict);
    it->used = DICT(dict)->used;
    it->len = it->used;
    it->pos = reverse ? DICT(dict)->nentries - 1 : 0;
    it->what = what;
    KAA_GC_TRACK(it);
    return (KaaObject *)it;
}

static KaaObject *dict_iter(KaaObject *d)
{
    return dictiter_new(d, ITER_KEYS, 0);
}

static void dictiter_dealloc(KaaObject *o)
{
    kaa_gc_untrack_if_tracked(o);
    Kaa_XDECREF(((DictIterObject *)o)->dict);
    kaa_object_free(o);
}

static int dictiter_traverse(KaaObject *o, visitproc visit, void *arg)
{
    Kaa_VISIT(((DictIterObject *)o)->dict);
    return 0;
}

static int dictiter_clear(KaaObject *o)
{
    Kaa_CLEAR(((DictIterObject *)o)->dict);
    return 0;
}

static KaaObject *iter_result(DictIterObject *it, KaaDictEntry *ep)
{
    switch (it->what) {
    case ITER_KEYS:
        return Kaa_NewRef(ep->key);
    case ITER_VALUES:
        return Kaa_NewRef(ep->value);
    default:
        return KaaTuple_Pack(2, ep->key, ep->value);
    }
}

static int check_size_unchanged(DictIterObject *it, KaaDictObject *d)
{
    if (it->used != d->used) {
        KaaErr_SetString(KaaExc(RuntimeError), "dictionary changed size during iteration");
        it->used = -1; // sticky
        return -1;
    }
    return 0;
}

static KaaObject *dictiter_exhausted(DictIterObject *it)
{
    KaaObject *d = it->dict;
    it->dict = NULL;
    Kaa_DECREF(d);
    return NULL;
}

static KaaObject *dictiter_next(KaaObject *o)
{
    DictIterObject *it = (DictIterObject *)o;
    KaaDictObject *d = DICT(it->dict);
    if (d == NULL || check_size_unchanged(it, d) < 0) {
        return NULL;
    }
    Kaa_ssize_t i = it->pos;
    while (i < d->nentries && d->entries[i].value == NULL) {
        i++;
    }
    if (i >= d->nentries) {
        return dictiter_exhausted(it);
    }
    it->pos = i + 1;
    if (it->len == 0) {
        KaaErr_SetString(KaaExc(RuntimeError), "dictionary keys changed during iteration");
        return dictiter_exhausted(it);
    }
    it->len--;
    return iter_result(it, &d->entries[i]);
}

static KaaObject *dictreviter_next(KaaObject *o)
{
    DictIterObject *it = (DictIterObject *)o;
    KaaDictObject *d = DICT(it->dict);
    if (d == NULL || check_size_unchanged(it, d) < 0) {
        return NULL;
    }
    Kaa_ssize_t i = it->pos;
    if (i >= d->nentries) {
        i = d->nentries - 1; // the table was compacted meanwhile
    }
    while (i >= 0 && d->entries[i].value == NULL) {
        i--;
    }
    if (i < 0) {
        return dictiter_exhausted(it);
    }
    it->pos = i - 1;
    it->len--;
    return iter_result(it, &d->entries[i]);
}

static KaaObject *dictiter_len(KaaObject *o, KaaObject *unused)
{
    DictIterObject *it = (DictIterObject *)o;
    Kaa_ssize_t len = 0;
    if (it->dict != NULL && it->used == DICT(it->dict)->used) {
        len = it->len;
    }
    return KaaInt_FromSsize_t(len);
}

static KaaObject *dict_reversed(KaaObject *self, KaaObject *unused)
{
    return dictiter_new(self, ITER_KEYS, 1);
}

// --- Views: dict_keys, dict_values, dict_items --------------------------------------------

typedef struct DictViewObject {
    KaaObject_HEAD KaaObject *dict;
} DictViewObject;

static KaaTypeObject DictKeys_Type, DictValues_Type, DictItems_Type;

#define VIEW_DICT(o) (((DictViewObject *)(o))->dict)

static KaaObject *view_new(KaaObject *dict, KaaTypeObject *type)
{
    if (kaa_container_ready(type) < 0) {
        return NULL;
    }
    DictViewObject *v = (DictViewObject *)KaaType_GenericAlloc(type, 0);
    if (v == NULL) {
        return NULL;
    }
    v->dict = Kaa_NewRef(dict);
    KAA_GC_TRACK(v);
    return (KaaObject *)v;
}

static KaaObject *dict_keys(KaaObject *self, KaaObject *unused)
{
    return view_new(self, &DictKeys_Type);
}

static KaaObject *dict_values(KaaObject *self, KaaObject *unused)
{
    return view_new(self, &DictValues_Type);
}

static KaaObject *dict_items(KaaObject *self, KaaObject *unused)
{
    return view_new(self, &DictItems_Type);
}

static void view_dealloc(KaaObject *o)
{
    kaa_gc_untrack_if_tracked(o);
    Kaa_XDECREF(VIEW_DICT(o));
    kaa_object_free(o);
}

static int view_traverse(KaaObject *o, visitproc visit, void *arg)
{
    Kaa_VISIT(VIEW_DICT(o));
    return 0;
}

static Kaa_ssize_t view_len(KaaObject *o)
{
    return DICT(VIEW_DICT(o))->used;
}

static int view_what(KaaObject *o)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    return t == &DictKeys_Type ? ITER_KEYS : t == &DictValues_Type ? ITER_VALUES : ITER_ITEMS;
}

static KaaObject *view_iter(KaaObject *o)
{
    return dictiter_new(VIEW_DICT(o), view_what(o), 0);
}

static KaaObject *view_reversed(KaaObject *o, KaaObject *unused)
{
    return dictiter_new(VIEW_DICT(o), view_what(o), 1);
}

// "dict_keys(['a', 'b'])", "..." when the view is inside its own repr.
static KaaObject *view_repr(KaaObject *o)
{
    int r = kaa_repr_enter(o);
    if (r != 0) {
        return r > 0 ? KaaStr_FromString("...") : NULL;
    }
    KaaObject *seq = KaaSequence_List(o);
    KaaObject *res = NULL;
    if (seq != NULL) {
        res = KaaStr_FromFormat("%s(%R)", Kaa_TYPE(o)->tp_name, seq);
        Kaa_DECREF(seq);
    }
    kaa_repr_leave(o);
    return res;
}

static int keys_contains(KaaObject *o, KaaObject *key)
{
    return KaaDict_Contains(VIEW_DICT(o), key);
}

static int items_contains(KaaObject *o, KaaObject *obj)
{
    if (!KaaTuple_Check(obj) || Kaa_SIZE(obj) != 2) {
        return 0;
    }
    KaaObject *key = KaaTuple_GET_ITEM(obj, 0), *value = KaaTuple_GET_ITEM(obj, 1);
    KaaObject *found = KaaDict_GetItemWithError(VIEW_DICT(o), key);
    if (found == NULL) {
        return KaaErr_Occurred() ? -1 : 0;
    }
    Kaa_INCREF(found);
    int r = KaaObject_RichCompareBool(found, value, Kaa_EQ);
    Kaa_DECREF(found);
    return r;
}

static int values_contains(KaaObject *o, KaaObject *value)
{
    KaaObject *it = view_iter(o);
    if (it == NULL) {
        return -1;
    }
    int cmp = 0;
    KaaObject *item;
    while (cmp == 0 && (item = KaaIter_Next(it)) != NULL) {
        cmp = KaaObject_RichCompareBool(item, value, Kaa_EQ);
        Kaa_DECREF(item);
    }
    Kaa_DECREF(it);
    if (cmp == 0 && KaaErr_Occurred()) {
        return -1;
    }
    return cmp;
}

// 1 if every item of self is in other, 0 if not, -1 on error.
static int all_contained_in(KaaObject *self, KaaObject *other)
{
    KaaObject *it = KaaObject_GetIter(self);
    if (it == NULL) {
        return -1;
    }
    int ok = 1;
    for (;;) {
        KaaObject *item = KaaIter_Next(it);
        if (item == NULL) {
            if (KaaErr_Occurred()) {
                ok = -1;
            }
            break;
        }
        ok = KaaSequence_Contains(other, item);
        Kaa_DECREF(item);
        if (ok <= 0) {
            break;
        }
    }
    Kaa_DECREF(it);
    return ok;
}

static int is_set_view(KaaObject *o)
{
    return Kaa_TYPE(o) == &DictKeys_Type || Kaa_TYPE(o) == &DictItems_Type;
}

static int is_set_like(KaaObject *o)
{
    return is_set_view(o) || KaaAnySet_Check(o);
}

// Set-like comparisons of keys and items views with views and sets.
static KaaObject *view_richcompare(KaaObject *self, KaaObject *other, int op)
{
    if (!is_set_view(self) || !is_set_like(other)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    Kaa_ssize_t len_self = KaaObject_Length(self), len_other = KaaObject_Length(other);
    if (len_self < 0 || len_other < 0) {
        return NULL;
    }
    int ok = 0;
    switch (op) {
    case Kaa_NE:
    case Kaa_EQ:
        if (len_self == len_other) {
            ok = all_contained_in(self, other);
        }
        if (op == Kaa_NE && ok >= 0) {
            ok = !ok;
        }
        break;
    case Kaa_LT:
        if (len_self < len_other) {
            ok = all_contained_in(self, other);
        }
        break;
    case Kaa_LE:
        if (len_self <= len_other) {
            ok = all_contained_in(self, other);
        }
        break;
    case Kaa_GT:
        if (len_self > len_other) {
            ok = all_contained_in(other, self);
        }
        break;
    case Kaa_GE:
        if (len_self >= len_other) {
            ok = all_contained_in(other, self);
        }
        break;
    }
    return ok < 0 ? NULL : KaaBool_FromLong(ok);
}

// --- Set operations on keys and items views --------------------------------------------
// Each may be called reflected (`{1} & d.keys()`), so `self` need not be a view.

// set(self); a keys view of an exact dict reads the dict directly.
static KaaObject *views_to_set(KaaObject *self)
{
    KaaObject *left = self;
    if (Kaa_TYPE(self) == &DictKeys_Type && KaaDict_CheckExact(VIEW_DICT(self))) {
        left = VIEW_DICT(self);
    }
    return KaaSet_New(left);
}

// result.name(other), then result (consumed either way).
static KaaObject *set_method(KaaObject *result, const char *name, KaaObject *other)
{
    if (result == NULL) {
        return NULL;
    }
    KaaObject *tmp = KaaObject_CallMethod(result, name, &other, 1);
    if (tmp == NULL) {
        Kaa_DECREF(result);
        return NULL;
    }
    Kaa_DECREF(tmp);
    return result;
}

static KaaObject *views_sub(KaaObject *self, KaaObject *other)
{
    return set_method(views_to_set(self), "difference_update", other);
}

static KaaObject *views_or(KaaObject *self, KaaObject *other)
{
    KaaObject *result = views_to_set(self);
    if (result != NULL && KaaSet_Update(result, other) < 0) {
        Kaa_CLEAR(result);
    }
    return result;
}

static int view_contains(KaaObject *view, KaaObject *key)
{
    return Kaa_TYPE(view) == &DictKeys_Type ? keys_contains(view, key) : items_contains(view, key);
}

// The items of `other` found in the view `self` (the smaller side iterated).
static KaaObject *views_and(KaaObject *self, KaaObject *other)
{
    if (!is_set_view(self)) {
        KaaObject *tmp = other;
        other = self;
        self = tmp;
    }
    Kaa_ssize_t len_self = view_len(self);
    if (KaaSet_CheckExact(other)) {
        Kaa_ssize_t len_other = KaaObject_Length(other);
        if (len_other < 0) {
            return NULL;
        }
        if (len_self <= len_other) {
            return KaaObject_CallMethod(other, "intersection", &self, 1);
        }
    }
    if (is_set_view(other) && view_len(other) > len_self) {
        KaaObject *tmp = other;
        other = self;
        self = tmp;
    }
    KaaObject *result = KaaSet_New(NULL);
    KaaObject *it = result ? KaaObject_GetIter(other) : NULL;
    if (it == NULL) {
        Kaa_XDECREF(result);
        return NULL;
    }
    KaaObject *key;
    while ((key = KaaIter_Next(it)) != NULL) {
        int rv = view_contains(self, key);
        if (rv > 0) {
            rv = KaaSet_Add(result, key);
        }
        Kaa_DECREF(key);
        if (rv < 0) {
            break;
        }
    }
    Kaa_DECREF(it);
    if (KaaErr_Occurred()) {
        Kaa_DECREF(result);
        return NULL;
    }
    return result;
}

// d1.items() ^ d2.items(): pairs of d2 not equal in d1, plus what is left of d1.
static KaaObject *items_xor(KaaObject *self, KaaObject *other)
{
    KaaObject *temp = KaaDict_Copy(VIEW_DICT(self));
    KaaObject *result = temp ? KaaSet_New(NULL) : NULL;
    if (result == NULL) {
        Kaa_XDECREF(temp);
        return NULL;
    }
    KaaObject *d2 = VIEW_DICT(other);
    for (Kaa_ssize_t i = 0; i < DICT(d2)->nentries; i++) {
        KaaDictEntry *ep = &DICT(d2)->entries[i];
        if (ep->value == NULL) {
            continue;
        }
        KaaObject *key = Kaa_NewRef(ep->key), *val2 = Kaa_NewRef(ep->value);
        Kaa_hash_t hash = ep->hash;
        Kaa_ssize_t ix = lookup(DICT(temp), key, hash);
        int to_delete = 0, err = ix == DKIX_ERROR;
        if (ix >= 0) {
            KaaObject *val1 = Kaa_NewRef(DICT(temp)->entries[ix].value);
            to_delete = KaaObject_RichCompareBool(val1, val2, Kaa_EQ);
            Kaa_DECREF(val1);
            err = to_delete < 0;
        }
        if (!err && to_delete > 0) {
            err = KaaDict_DelItem(temp, key) < 0;
        } else if (!err) {
            KaaObject *pair = KaaTuple_Pack(2, key, val2);
            err = pair == NULL || KaaSet_Add(result, pair) < 0;
            Kaa_XDECREF(pair);
        }
        Kaa_DECREF(key);
        Kaa_DECREF(val2);
        if (err) {
            Kaa_DECREF(temp);
            Kaa_DECREF(result);
            return NULL;
        }
    }
    KaaObject *remaining = dict_items(temp, NULL);
    int r = remaining ? KaaSet_Update(result, remaining) : -1;
    Kaa_XDECREF(remaining);
    Kaa_DECREF(temp);
    if (r < 0) {
        Kaa_CLEAR(result);
    }
    return result;
}

static KaaObject *views_xor(KaaObject *self, KaaObject *other)
{
    if (Kaa_TYPE(self) == &DictItems_Type && Kaa_TYPE(other) == &DictItems_Type) {
        return items_xor(self, other);
    }
    return set_method(views_to_set(self), "symmetric_difference_update", other);
}

// True when no item of other is in the view (the smaller side iterated).
static KaaObject *view_isdisjoint(KaaObject *self, KaaObject *other)
{
    if (self == other) {
        return KaaBool_FromLong(view_len(self) == 0);
    }
    if (is_set_like(other)) {
        Kaa_ssize_t len_other = KaaObject_Length(other);
        if (len_other < 0) {
            return NULL;
        }
        if (len_other > view_len(self)) {
            KaaObject *tmp = other;
            other = self;
            self = tmp;
        }
    }
    KaaObject *it = KaaObject_GetIter(other);
    if (it == NULL) {
        return NULL;
    }
    KaaObject *item;
    int contains = 0;
    while (contains == 0 && (item = KaaIter_Next(it)) != NULL) {
        contains = KaaSequence_Contains(self, item);
        Kaa_DECREF(item);
    }
    Kaa_DECREF(it);
    if (contains < 0 || KaaErr_Occurred()) {
        return NULL;
    }
    return KaaBool_FromLong(!contains);
}

// --- Type objects ---------------------------------------------------------------------------

static KaaMethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_len, KAA_METH_NOARGS, NULL},
    {NULL},
};

#define DICT_ITER_TYPE(name, next)                                                                 \
    {                                                                                              \
        .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0), .tp_name = name,                      \
        .tp_basicsize = sizeof(DictIterObject), .tp_flags = KAA_TPFLAGS_HAVE_GC,                   \
        .tp_dealloc = dictiter_dealloc, .tp_traverse = dictiter_traverse,                          \
        .tp_clear = dictiter_clear, .tp_iter = kaa_iter_self, .tp_iternext = next,                 \
        .tp_methods = dictiter_methods,                                                            \
    }

static KaaTypeObject DictIter_Types[3] = {
    DICT_ITER_TYPE("dict_keyiterator", dictiter_next),
    DICT_ITER_TYPE("dict_valueiterator", dictiter_next),
    DICT_ITER_TYPE("dict_itemiterator", dictiter_next),
};

static KaaTypeObject DictRevIter_Types[3] = {
    DICT_ITER_TYPE("dict_reversekeyiterator", dictreviter_next),
    DICT_ITER_TYPE("dict_reversevalueiterator", dictreviter_next),
    DICT_ITER_TYPE("dict_reverseitemiterator", dictreviter_next),
};

static KaaMethodDef view_methods[] = {
    {"__reversed__", view_reversed, KAA_METH_NOARGS, NULL},
    {NULL},
};

static KaaMethodDef setview_methods[] = {
    {"isdisjoint", view_isdisjoint, KAA_METH_O, NULL},
    {"__reversed__", view_reversed, KAA_METH_NOARGS, NULL},
    {NULL},
};

static KaaNumberMethods setview_as_number = {
    .nb_subtract = views_sub,
    .nb_and = views_and,
    .nb_xor = views_xor,
    .nb_or = views_or,
};

static KaaSequenceMethods keys_as_sequence = {
    .sq_length = view_len,
    .sq_contains = keys_contains,
};

static KaaSequenceMethods values_as_sequence = {
    .sq_length = view_len,
    .sq_contains = values_contains,
};

static KaaSequenceMethods items_as_sequence = {
    .sq_length = view_len,
    .sq_contains = items_contains,
};

static KaaTypeObject DictKeys_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(DictViewObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = view_dealloc,
    .tp_repr = view_repr,
    .tp_richcompare = view_richcompare,
    .tp_traverse = view_traverse,
    .tp_iter = view_iter,
    .tp_as_sequence = &keys_as_sequence,
    .tp_methods = setview_methods,
    .tp_as_number = &setview_as_number,
};

static KaaTypeObject DictValues_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(DictViewObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = view_dealloc,
    .tp_repr = view_repr,
    .tp_traverse = view_traverse,
    .tp_iter = view_iter,
    .tp_as_sequence = &values_as_sequence,
    .tp_methods = view_methods,
};

static KaaTypeObject DictItems_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(DictViewObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC,
    .tp_dealloc = view_dealloc,
    .tp_repr = view_repr,
    .tp_richcompare = view_richcompare,
    .tp_traverse = view_traverse,
    .tp_iter = view_iter,
    .tp_as_sequence = &items_as_sequence,
    .tp_methods = setview_methods,
    .tp_as_number = &setview_as_number,
};

static KaaMethodDef dict_methods[] = {
    {"__class_getitem__", kaa_class_getitem_alias, KAA_METH_O | KAA_METH_CLASS, NULL},
    {"__contains__", dict_contains_method, KAA_METH_O, NULL},
    {"__getitem__", dict_getitem_method, KAA_METH_O, NULL},
    {"__sizeof__", dict_sizeof, KAA_METH_NOARGS, NULL},
    {"__reversed__", dict_reversed, KAA_METH_NOARGS, NULL},
    {"get", dict_get, KAA_METH_FASTCALL, NULL},
    {"setdefault", dict_setdefault, KAA_METH_FASTCALL, NULL},
    {"pop", dict_pop, KAA_METH_FASTCALL, NULL},
    {"popitem", dict_popitem, KAA_METH_NOARGS, NULL},
    {"keys", dict_keys, KAA_METH_NOARGS, NULL},
    {"items", dict_items, KAA_METH_NOARGS, NULL},
    {"values", dict_values, KAA_METH_NOARGS, NULL},
    {"update", dict_update, KAA_METH_FASTCALL, NULL},
    {"fromkeys", dict_fromkeys, KAA_METH_FASTCALL | KAA_METH_CLASS, NULL},
    {"clear", dict_clear_method, KAA_METH_NOARGS, NULL},
    {"copy", dict_copy, KAA_METH_NOARGS, NULL},
    {NULL},
};

static KaaSequenceMethods dict_as_sequence = {
    .sq_contains = dict_contains,
};

static KaaMappingMethods dict_as_mapping = {
    .mp_length = dict_length,
    .mp_subscript = dict_subscript,
    .mp_ass_subscript = dict_ass_subscript,
};

// nb_inplace is in the order of the binary slots: `|=` is entry 9.
static KaaNumberMethods dict_as_number = {
    .nb_or = dict_or,
    .nb_inplace = {[9] = dict_ior},
};

KaaTypeObject KaaDict_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "dict",
    .tp_basicsize = sizeof(KaaDictObject),
    .tp_flags = KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_BASETYPE | KAA_TPFLAGS_DICT_SUBCLASS,
    .tp_doc = "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from "
              "a mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary "
              "initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = "
              "v\ndict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in "
              "the keyword argument list.  For example:  dict(one=1, two=2)",
    .tp_dealloc = dict_dealloc,
    .tp_repr = dict_repr,
    .tp_richcompare = dict_richcompare,
    .tp_traverse = dict_traverse,
    .tp_clear = dict_tp_clear,
    .tp_iter = dict_iter,
    .tp_new = dict_new,
    .tp_init = dict_init,
    .tp_as_number = &dict_as_number,
    .tp_as_sequence = &dict_as_sequence,
    .tp_as_mapping = &dict_as_mapping,
    .tp_methods = dict_methods,
};

// Ready this file's private types at start-up (interp.c), so their namespaces
// are not built in the middle of a program.
int kaa_dict_ready_types(void)
{
    if (KaaType_Ready(&DictKeys_Type) < 0) {
        return -1;
    }
    if (KaaType_Ready(&DictValues_Type) < 0) {
        return -1;
    }
    if (KaaType_Ready(&DictItems_Type) < 0) {
        return -1;
    }
    if (KaaType_Ready(&DictIter_Types[0]) < 0) {
        return -1;
    }
    if (KaaType_Ready(&DictIter_Types[1]) < 0) {
        return -1;
    }
    if (KaaType_Ready(&DictIter_Types[2]) < 0) {
        return -1;
    }
    if (KaaType_Ready(&DictRevIter_Types[0]) < 0) {
        return -1;
    }
    if (KaaType_Ready(&DictRevIter_Types[1]) < 0) {
        return -1;
    }
    if (KaaType_Ready(&DictRevIter_Types[2]) < 0) {
        return -1;
    }
    return 0;
}
