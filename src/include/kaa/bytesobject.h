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
    Kaa_ssize_t exports;   // buffer views held (kaa/buffer.h): no resizing while > 0
} KaaByteArrayObject;

extern KaaTypeObject KaaBytes_Type;
extern KaaTypeObject KaaByteArray_Type;
#define KaaBytes_CheckExact(o) (Kaa_TYPE(o) == &KaaBytes_Type)
#define KaaBytes_Check(o) KaaType_HasFeature(Kaa_TYPE(o), KAA_TPFLAGS_BYTES_SUBCLASS)
#define KaaBytes_AS_STRING(o) (((KaaBytesObject *)(o))->data)
#define KaaBytes_GET_SIZE(o) Kaa_SIZE(o)
#define KaaByteArray_CheckExact(o) (Kaa_TYPE(o) == &KaaByteArray_Type)
#define KaaByteArray_Check(o)                                                                   \
    (KaaByteArray_CheckExact(o) || KaaType_IsSubtype(Kaa_TYPE(o), &KaaByteArray_Type))
#define KaaByteArray_AS_STRING(o) (((KaaByteArrayObject *)(o))->data)
#define KaaByteArray_GET_SIZE(o) Kaa_SIZE(o)

// New references; NULL with MemoryError. data may be NULL (zero-filled).
KaaObject *KaaBytes_FromStringAndSize(const char *data, Kaa_ssize_t n);
KaaObject *KaaByteArray_FromStringAndSize(const char *data, Kaa_ssize_t n);
// Resize a bytearray's contents to n bytes (new bytes uninitialized). 0 or -1.
int KaaByteArray_Resize(KaaObject *ba, Kaa_ssize_t n);
// If o is bytes or bytearray (or a subclass), set *p and *n to its contents
// and return 1; else 0. Never fails.
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
// repr body b'...' appended for bytes and bytearray. New reference; raises.
KaaObject *kaa_bytes_repr_data(const char *prefix, const char *p, Kaa_ssize_t n,
                               const char *suffix);

// Slots shared by bytes and bytearray (self either type, or a subclass). A
// result that is a byte sequence is a bytearray for bytearray and its
// subclasses and a bytes otherwise. New references; NULL with an exception.
Kaa_ssize_t kaa_bytes_length(KaaObject *o);
KaaObject *kaa_bytes_item(KaaObject *o, Kaa_ssize_t i);
KaaObject *kaa_bytes_subscript(KaaObject *o, KaaObject *item);
KaaObject *kaa_bytes_concat(KaaObject *a, KaaObject *b);
KaaObject *kaa_bytes_repeat(KaaObject *a, Kaa_ssize_t n);
// Rich comparison of two byte buffers (either type): new bool or NotImplemented.
KaaObject *kaa_bytes_richcompare(KaaObject *a, KaaObject *b, int op);
// `x in self`: int or bytes-like x. 1, 0 or -1.
int kaa_bytes_contains(KaaObject *self, KaaObject *x);
// nb_remainder: a % b, printf-style, when a is bytes or bytearray; else
// NotImplemented.
KaaObject *kaa_bytes_mod(KaaObject *a, KaaObject *b);

// The methods bytes and bytearray share (same result kinds as above).
typedef KaaObject *KaaBytesFastMethod(KaaObject *, KaaObject *const *, size_t, KaaObject *);
typedef KaaObject *KaaBytesMethodO(KaaObject *, KaaObject *);
KaaBytesFastMethod kaa_bytes_center, kaa_bytes_count, kaa_bytes_decode, kaa_bytes_endswith,
    kaa_bytes_expandtabs, kaa_bytes_find, kaa_bytes_hex, kaa_bytes_index, kaa_bytes_ljust,
    kaa_bytes_lstrip, kaa_bytes_maketrans, kaa_bytes_replace, kaa_bytes_rfind,
    kaa_bytes_rindex, kaa_bytes_rjust, kaa_bytes_rsplit, kaa_bytes_rstrip, kaa_bytes_split,
    kaa_bytes_splitlines, kaa_bytes_startswith, kaa_bytes_strip, kaa_bytes_translate;
KaaBytesMethodO kaa_bytes_capitalize, kaa_bytes_fromhex, kaa_bytes_isalnum, kaa_bytes_isalpha,
    kaa_bytes_isascii, kaa_bytes_isdigit, kaa_bytes_islower, kaa_bytes_isspace,
    kaa_bytes_istitle, kaa_bytes_isupper, kaa_bytes_join, kaa_bytes_lower,
    kaa_bytes_partition, kaa_bytes_removeprefix, kaa_bytes_removesuffix,
    kaa_bytes_rpartition, kaa_bytes_swapcase, kaa_bytes_title, kaa_bytes_upper,
    kaa_bytes_zfill;

// Their entries, for the method tables of both types.
#define KAA_BYTES_SHARED_METHODS                                                                \
    {"capitalize", kaa_bytes_capitalize, KAA_METH_NOARGS, NULL},                                \
        {"center", kaa_bytes_center, KAA_METH_FASTCALL, NULL},                                  \
        {"count", kaa_bytes_count, KAA_METH_FASTCALL, NULL},                                    \
        {"decode", kaa_bytes_decode, KAA_METH_FASTCALL, NULL},                                  \
        {"endswith", kaa_bytes_endswith, KAA_METH_FASTCALL, NULL},                              \
        {"expandtabs", kaa_bytes_expandtabs, KAA_METH_FASTCALL, NULL},                          \
        {"find", kaa_bytes_find, KAA_METH_FASTCALL, NULL},                                      \
        {"fromhex", kaa_bytes_fromhex, KAA_METH_O | KAA_METH_CLASS, NULL},                      \
        {"hex", kaa_bytes_hex, KAA_METH_FASTCALL, NULL},                                        \
        {"index", kaa_bytes_index, KAA_METH_FASTCALL, NULL},                                    \
        {"isalnum", kaa_bytes_isalnum, KAA_METH_NOARGS, NULL},                                  \
        {"isalpha", kaa_bytes_isalpha, KAA_METH_NOARGS, NULL},                                  \
        {"isascii", kaa_bytes_isascii, KAA_METH_NOARGS, NULL},                                  \
        {"isdigit", kaa_bytes_isdigit, KAA_METH_NOARGS, NULL},                                  \
        {"islower", kaa_bytes_islower, KAA_METH_NOARGS, NULL},                                  \
        {"isspace", kaa_bytes_isspace, KAA_METH_NOARGS, NULL},                                  \
        {"istitle", kaa_bytes_istitle, KAA_METH_NOARGS, NULL},                                  \
        {"isupper", kaa_bytes_isupper, KAA_METH_NOARGS, NULL},                                  \
        {"join", kaa_bytes_join, KAA_METH_O, NULL},                                             \
        {"ljust", kaa_bytes_ljust, KAA_METH_FASTCALL, NULL},                                    \
        {"lower", kaa_bytes_lower, KAA_METH_NOARGS, NULL},                                      \
        {"lstrip", kaa_bytes_lstrip, KAA_METH_FASTCALL, NULL},                                  \
        {"maketrans", kaa_bytes_maketrans, KAA_METH_FASTCALL | KAA_METH_CLASS, NULL},           \
        {"partition", kaa_bytes_partition, KAA_METH_O, NULL},                                   \
        {"removeprefix", kaa_bytes_removeprefix, KAA_METH_O, NULL},                             \
        {"removesuffix", kaa_bytes_removesuffix, KAA_METH_O, NULL},                             \
        {"replace", kaa_bytes_replace, KAA_METH_FASTCALL, NULL},                                \
        {"rfind", kaa_bytes_rfind, KAA_METH_FASTCALL, NULL},                                    \
        {"rindex", kaa_bytes_rindex, KAA_METH_FASTCALL, NULL},                                  \
        {"rjust", kaa_bytes_rjust, KAA_METH_FASTCALL, NULL},                                    \
        {"rpartition", kaa_bytes_rpartition, KAA_METH_O, NULL},                                 \
        {"rsplit", kaa_bytes_rsplit, KAA_METH_FASTCALL, NULL},                                  \
        {"rstrip", kaa_bytes_rstrip, KAA_METH_FASTCALL, NULL},                                  \
        {"split", kaa_bytes_split, KAA_METH_FASTCALL, NULL},                                    \
        {"splitlines", kaa_bytes_splitlines, KAA_METH_FASTCALL, NULL},                          \
        {"startswith", kaa_bytes_startswith, KAA_METH_FASTCALL, NULL},                          \
        {"strip", kaa_bytes_strip, KAA_METH_FASTCALL, NULL},                                    \
        {"swapcase", kaa_bytes_swapcase, KAA_METH_NOARGS, NULL},                                \
        {"title", kaa_bytes_title, KAA_METH_NOARGS, NULL},                                      \
        {"translate", kaa_bytes_translate, KAA_METH_FASTCALL, NULL},                            \
        {"upper", kaa_bytes_upper, KAA_METH_NOARGS, NULL},                                      \
        {"zfill", kaa_bytes_zfill, KAA_METH_O, NULL}

#endif
