// complex: two C doubles, the real and the imaginary part.
#ifndef KAA_COMPLEXOBJECT_H
#define KAA_COMPLEXOBJECT_H

#include "kaa/object.h"

typedef struct KaaComplex {
    double real;
    double imag;
} KaaComplex;

typedef struct KaaComplexObject {
    KaaObject_HEAD KaaComplex cval;
} KaaComplexObject;

extern KaaTypeObject KaaComplex_Type;
#define KaaComplex_CheckExact(o) (Kaa_TYPE(o) == &KaaComplex_Type)
#define KaaComplex_Check(o) KaaType_IsSubtype(Kaa_TYPE(o), &KaaComplex_Type)
#define KaaComplex_AS_CCOMPLEX(o) (((KaaComplexObject *)(o))->cval)

// New reference, or NULL with MemoryError.
KaaObject *KaaComplex_FromDoubles(double real, double imag);
KaaObject *KaaComplex_FromCComplex(KaaComplex c);

#endif
