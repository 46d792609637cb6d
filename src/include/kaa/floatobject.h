// float: a C double.
#ifndef KAA_FLOATOBJECT_H
#define KAA_FLOATOBJECT_H

#include "kaa/object.h"

typedef struct KaaFloatObject {
    KaaObject_HEAD
    double ob_fval;
} KaaFloatObject;

extern KaaTypeObject KaaFloat_Type;
#define KaaFloat_CheckExact(o) (Kaa_TYPE(o) == &KaaFloat_Type)
#define KaaFloat_Check(o) KaaType_IsSubtype(Kaa_TYPE(o), &KaaFloat_Type)
#define KaaFloat_AS_DOUBLE(o) (((KaaFloatObject *)(o))->ob_fval)

KaaObject *KaaFloat_FromDouble(double v); // new reference
double KaaFloat_AsDouble(KaaObject *o);   // -1.0 with an exception on error
// CPython's repr(): the shortest text that reads back to the same double.
// Writes at most 32 bytes including the NUL.
void kaa_float_repr_buf(double v, char *buf);
Kaa_hash_t kaa_hash_double(double v);
void kaa_float_clear_freelist(void);
// float(s) for a str: Python's float syntax (inf, nan, underscores, spaces).
// New reference, or NULL with ValueError "could not convert string to float".
KaaObject *KaaFloat_FromString(KaaObject *s);

#endif
