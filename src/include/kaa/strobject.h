/* str: immutable text stored as UTF-8, with its length in code points.
 * Pure-ASCII strings (the common case) index in O(1); others walk the UTF-8.
 */
#ifndef KAA_STROBJECT_H
#define KAA_STROBJECT_H

#include "kaa/object.h"

typedef struct KaaStrObject {
    KaaObject_VAR_HEAD   // ob_size: length in code points
        Kaa_hash_t hash; // -1 until computed
    Kaa_ssize_t nbytes;  // length of data in bytes
    uint8_t ascii;       // every byte < 0x80
    uint8_t interned;
    char data[]; // UTF-8, NUL-terminated
} KaaStrObject;

extern KaaTypeObject KaaStr_Type;
extern KaaTypeObject KaaStrIter_Type;
#define KaaStr_CheckExact(o) (Kaa_TYPE(o) == &KaaStr_Type)
#define KaaStr_Check(o) KaaType_HasFeature(Kaa_TYPE(o), KAA_TPFLAGS_UNICODE_SUBCLASS)
#define KaaStr_DATA(o) (((KaaStrObject *)(o))->data)
#define KaaStr_NBYTES(o) (((KaaStrObject *)(o))->nbytes)
#define KaaStr_LEN(o) Kaa_SIZE(o)

// New references; NULL with MemoryError (or UnicodeDecodeError for bad UTF-8).
KaaObject *KaaStr_FromStringAndSize(const char *utf8, Kaa_ssize_t n);
KaaObject *KaaStr_FromString(const char *utf8);
KaaObject *KaaStr_FromFormat(const char *fmt, ...); // as KaaErr_Format's directives
KaaObject *KaaStr_FromCodepoint(uint32_t cp);
// Allocate an uninitialized str of nbytes bytes; kaa_str_finish computes its
// length and flags after the caller filled data.
KaaObject *kaa_str_alloc(Kaa_ssize_t nbytes);
void kaa_str_finish(KaaObject *s);
// Interned (unique) string for a C identifier: borrowed, lives until shutdown.
KaaObject *KaaStr_InternFromString(const char *s);
void KaaStr_InternInPlace(KaaObject **p);
KaaObject *KaaStr_Concat(KaaObject *a, KaaObject *b);
int KaaStr_EqualToASCII(KaaObject *s, const char *cstr);
int kaa_str_eq(KaaObject *a, KaaObject *b); // both str; never fails
Kaa_hash_t kaa_str_hash(KaaObject *s);
KaaObject *kaa_str_repr(KaaObject *s);
// Python's str.join(sep, list of str) for C callers.
KaaObject *KaaStr_Join(KaaObject *sep, KaaObject *seq);
// Decode the UTF-8 sequence at p (from a valid str): code point, *len bytes.
uint32_t kaa_str_decode(const char *p, int *len);

// Type name of o for argument errors: "None" for None (CPython's wording).
const char *kaa_arg_type_name(KaaObject *o);

// --- Formatting (objects/formatter.c) ---
// format(obj, spec): calls type(obj).__format__(obj, spec); spec NULL means
// "". New reference, or NULL with an exception.
KaaObject *KaaObject_Format(KaaObject *obj, KaaObject *format_spec);
// printf-style `format % args` (str's nb_remainder). New reference; raises.
KaaObject *KaaStr_PrintfFormat(KaaObject *format, KaaObject *args);
// The __format__ methods (KAA_METH_O) of str, int, float and object, and
// str.format (KAA_METH_FASTCALL) / str.format_map (KAA_METH_O).
KaaObject *kaa_str___format__(KaaObject *self, KaaObject *spec);
KaaObject *kaa_int___format__(KaaObject *self, KaaObject *spec);
KaaObject *kaa_float___format__(KaaObject *self, KaaObject *spec);
KaaObject *kaa_object___format__(KaaObject *self, KaaObject *spec);
KaaObject *kaa_str_format_method(KaaObject *self, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames);
KaaObject *kaa_str_format_map(KaaObject *self, KaaObject *mapping);

void kaa_str_init(void);
void kaa_str_fini(void);

#endif
