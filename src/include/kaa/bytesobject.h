/* bytes (immutable) and bytearray (mutable): sequences of small ints 0..255. */
#ifndef KAA_BYTESOBJECT_H
#define KAA_BYTESOBJECT_H

#include "kaa/object.h"

typedef struct KaaBytesObject {
    KaaObject_VAR_HEAD   // ob_size: number of bytes
        Kaa_hash_t hash; // -1 until computed
    char data[];         // ob_size bytes, then a NUL
} KaaBytesObject;

typedef struct KaaByteArrayObject {
    KaaObject_VAR_HEAD     // ob_size: number of bytes in use
        Kaa_ssize_t alloc; // bytes allocated for data (at least ob_size + 1)
    char *data;            // NUL-terminated; never NULL
} KaaByteArrayObject;

extern KaaTypeObject KaaBytes_Type;
extern KaaTypeObject KaaByteArray_Type;
#define KaaBytes_CheckExact(o) (Kaa_TYPE(o) == &KaaBytes_Type)
#define KaaBytes_Check(o) KaaType_HasFeature(Kaa_TYPE(o), KAA_TPFLAGS_BYTES_SUBCLASS)
#define KaaBytes_AS_STRING(o) (((KaaBytesObject *)(o))->data)
#define KaaBytes_GET_SIZE(o) Kaa_SIZE(o)
#define KaaByteArray_Check(o) (Kaa_TYPE(o) == &KaaByteArray_Type)
#define KaaByteArray_AS_STRING(o) (((KaaByteArrayObject *)(o))->data)
#define KaaByteArray_GET_SIZE(o) Kaa_SIZE(o)

// New references; NULL with MemoryError. data may be NULL (zero-filled).
KaaObject *KaaBytes_FromStringAndSize(const char *data, Kaa_ssize_t n);
KaaObject *KaaByteArray_FromStringAndSize(const char *data, Kaa_ssize_t n);
// Resize a bytearray's contents to n bytes (new bytes uninitialized). 0 or -1.
int KaaByteArray_Resize(KaaObject *ba, Kaa_ssize_t n);
// If o is bytes or bytearray, set *p and *n to its contents and return 1; else 0.
int kaa_bytes_view(KaaObject *o, const char **p, Kaa_ssize_t *n);
// bytes(x) / bytearray(x) conversion of an object (int count, buffer, iterable
// of ints, str with encoding): a freshly allocated buffer in *out (kaa_mem_free
// it) of *n bytes. 0, or -1 with an exception. tname names the type in errors.
int kaa_bytes_from_args(const char *tname, KaaObject *const *args, size_t nargs,
                        KaaObject *kwnames, char **out, Kaa_ssize_t *n);
// An int in range(0, 256) from an index-like object, or -1 with an exception.
int kaa_byte_value(KaaObject *o);
// str.encode(encoding, errors) for C callers. New reference to bytes.
KaaObject *kaa_str_encode(KaaObject *s, const char *encoding, const char *errors);

// Method implementations shared by bytes and bytearray (self either type;
// results that are byte sequences have self's type).
KaaObject *kaa_bytes_decode(KaaObject *, KaaObject *const *, size_t, KaaObject *);
KaaObject *kaa_bytes_hex(KaaObject *, KaaObject *);
KaaObject *kaa_bytes_fromhex(KaaObject *type, KaaObject *);
KaaObject *kaa_bytes_join(KaaObject *, KaaObject *);
KaaObject *kaa_bytes_split(KaaObject *, KaaObject *const *, size_t, KaaObject *);
KaaObject *kaa_bytes_strip(KaaObject *, KaaObject *const *, size_t, KaaObject *);
KaaObject *kaa_bytes_lstrip(KaaObject *, KaaObject *const *, size_t, KaaObject *);
KaaObject *kaa_bytes_rstrip(KaaObject *, KaaObject *const *, size_t, KaaObject *);
KaaObject *kaa_bytes_startswith(KaaObject *, KaaObject *const *, size_t, KaaObject *);
KaaObject *kaa_bytes_endswith(KaaObject *, KaaObject *const *, size_t, KaaObject *);
KaaObject *kaa_bytes_find(KaaObject *, KaaObject *const *, size_t, KaaObject *);
KaaObject *kaa_bytes_rfind(KaaObject *, KaaObject *const *, size_t, KaaObject *);
KaaObject *kaa_bytes_index(KaaObject *, KaaObject *const *, size_t, KaaObject *);
KaaObject *kaa_bytes_count(KaaObject *, KaaObject *const *, size_t, KaaObject *);
KaaObject *kaa_bytes_replace(KaaObject *, KaaObject *const *, size_t, KaaObject *);
KaaObject *kaa_bytes_upper(KaaObject *, KaaObject *);
KaaObject *kaa_bytes_lower(KaaObject *, KaaObject *);
KaaObject *kaa_bytes_isdigit(KaaObject *, KaaObject *);
KaaObject *kaa_bytes_isalpha(KaaObject *, KaaObject *);
KaaObject *kaa_bytes_isspace(KaaObject *, KaaObject *);
KaaObject *kaa_bytes_isalnum(KaaObject *, KaaObject *);
KaaObject *kaa_bytes_isupper(KaaObject *, KaaObject *);
KaaObject *kaa_bytes_islower(KaaObject *, KaaObject *);
// repr body b'...' appended for bytes and bytearray.
KaaObject *kaa_bytes_repr_data(const char *prefix, const char *p, Kaa_ssize_t n,
                               const char *suffix);
// Rich comparison of two byte buffers (either type): new bool or NotImplemented.
KaaObject *kaa_bytes_richcompare(KaaObject *a, KaaObject *b, int op);
// `x in self` for bytes/bytearray: int or bytes-like x. 1, 0 or -1.
int kaa_bytes_contains(KaaObject *self, KaaObject *x);

#endif
