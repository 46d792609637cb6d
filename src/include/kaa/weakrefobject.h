/* Weak references: weakref.ReferenceType (ref), ProxyType, CallableProxyType.
 *
 * A weakly referenceable object is one whose type has tp_weaklistoffset > 0:
 * at that offset it keeps the head of a doubly linked list of the weak
 * references to it (NULL when there are none). A weak reference does not own
 * its referent. When the referent dies, kaa_weakref_clear_refs() (refcount
 * path) or the collector's handle_weakrefs (cycle path) unlinks every weak
 * reference and sets its wr_object to None; then the callbacks run.
 *
 * List order is CPython's: the shared callback-less ref first, then the
 * shared callback-less proxy, then every other weakref, newest first. So
 * callbacks run most recently created first.
 */
#ifndef KAA_WEAKREFOBJECT_H
#define KAA_WEAKREFOBJECT_H

#include "kaa/object.h"

typedef struct KaaWeakReference KaaWeakReference;

struct KaaWeakReference {
    KaaObject_HEAD KaaObject *wr_object; // the referent, not owned; Kaa_None once cleared
    KaaObject *wr_callback;              // owned, or NULL
    Kaa_hash_t hash;                     // the referent's hash once computed, else -1
    KaaWeakReference *wr_prev;           // neighbours in the referent's list
    KaaWeakReference *wr_next;
};

extern KaaTypeObject KaaWeakref_RefType;           // weakref.ReferenceType
extern KaaTypeObject KaaWeakref_ProxyType;         // weakref.ProxyType
extern KaaTypeObject KaaWeakref_CallableProxyType; // weakref.CallableProxyType

#define KaaWeakref_CheckRefExact(o) (Kaa_TYPE(o) == &KaaWeakref_RefType)
#define KaaWeakref_CheckRef(o) KaaType_IsSubtype(Kaa_TYPE(o), &KaaWeakref_RefType)
#define KaaWeakref_CheckProxy(o)                                                                   \
    (Kaa_TYPE(o) == &KaaWeakref_ProxyType || Kaa_TYPE(o) == &KaaWeakref_CallableProxyType)
#define KaaWeakref_Check(o) (KaaWeakref_CheckRef(o) || KaaWeakref_CheckProxy(o))
#define KaaType_SUPPORTS_WEAKREFS(t) ((t)->tp_weaklistoffset > 0)

// weakref.ref(ob, callback): new reference; raises TypeError when ob's type
// is not weakly referenceable. callback may be NULL or None (no callback).
KaaObject *KaaWeakref_NewRef(KaaObject *ob, KaaObject *callback);
// weakref.proxy(ob, callback): new reference; raises like KaaWeakref_NewRef.
KaaObject *KaaWeakref_NewProxy(KaaObject *ob, KaaObject *callback);
// The referent of a ref or proxy: borrowed, Kaa_None when it is dead.
KaaObject *KaaWeakref_GetObject(KaaObject *ref);
// How many weak references point at o (0 if o cannot have any). Never fails.
Kaa_ssize_t KaaWeakref_GetWeakrefCount(KaaObject *o);

// The head of o's weak reference list, or NULL when o's type has none.
static inline KaaWeakReference **kaa_weakref_list(KaaObject *o)
{
    Kaa_ssize_t off = Kaa_TYPE(o)->tp_weaklistoffset;
    return off > 0 ? (KaaWeakReference **)((char *)o + off) : NULL;
}

// o is dying (called from the dealloc of every weakly referenceable type,
// after __del__): clear every weak reference to it, then call their
// callbacks, most recently created first. A failing callback is reported with
// "Exception ignored in: <callback>"; the current exception is preserved.
void kaa_weakref_clear_refs(KaaObject *o);
// Unlink one weak reference from its referent's list and set its referent to
// None, keeping its callback (for the collector, which decides whether the
// callback runs). Never fails.
void kaa_weakref_clear_ref(KaaObject *ref);

#endif
