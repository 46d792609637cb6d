/* int (arbitrary precision) and bool.
 * A value that fits in int64_t lives in `value` with `big` NULL; larger
 * values live in a GMP integer pointed to by `big` (and `value` is unused).
 * Small ints -5..256 are preallocated singletons, as in CPython.
 */
#ifndef KAA_INTOBJECT_H
#define KAA_INTOBJECT_H

#include "kaa/object.h"

typedef struct KaaIntObject {
    KaaObject_HEAD
    int64_t value;
    void *big; // mpz_ptr, or NULL when the value fits in int64_t
} KaaIntObject;

extern KaaTypeObject KaaInt_Type;
extern KaaTypeObject KaaBool_Type;
extern KaaIntObject Kaa_FalseStruct, Kaa_TrueStruct;
#define Kaa_False ((KaaObject *)&Kaa_FalseStruct)
#define Kaa_True ((KaaObject *)&Kaa_TrueStruct)

#define KaaInt_CheckExact(o) (Kaa_TYPE(o) == &KaaInt_Type)
#define KaaInt_Check(o) KaaType_HasFeature(Kaa_TYPE(o), KAA_TPFLAGS_LONG_SUBCLASS)
#define KaaBool_Check(o) (Kaa_TYPE(o) == &KaaBool_Type)
// True when o is an int whose value is in int64_t (the fast path).
#define KaaInt_IS_SMALL(o) (((KaaIntObject *)(o))->big == NULL)

// New reference to True or False. Never fails.
static inline KaaObject *KaaBool_FromLong(long v)
{
    KaaObject *r = v ? Kaa_True : Kaa_False;
    Kaa_INCREF(r);
    return r;
}

KaaObject *KaaInt_FromInt64(int64_t v); // new reference
KaaObject *KaaInt_FromSsize_t(Kaa_ssize_t v);
KaaObject *KaaInt_FromDouble(double d); // ValueError/OverflowError for nan/inf
// Parse text in the given base (0: Python literal rules), ValueError as int().
KaaObject *KaaInt_FromString(const char *s, size_t len, int base);
// -1 with OverflowError when out of range (check KaaErr_Occurred()).
int64_t KaaInt_AsInt64(KaaObject *o);
Kaa_ssize_t KaaInt_AsSsize_t(KaaObject *o);
double KaaInt_AsDouble(KaaObject *o); // OverflowError when too large
int KaaInt_Sign(KaaObject *o);
KaaObject *kaa_int_repr(KaaObject *o);
KaaObject *kaa_int_format_base(KaaObject *o, int base); // bin/oct/hex text with prefix
// Compare with a double that is not NaN, exactly: -1, 0 or 1. Never fails.
int kaa_int_compare_double(KaaObject *o, double d);
// sys.get_int_max_str_digits()/set_int_max_str_digits(): the most decimal
// digits int<->str conversions accept (0: no limit). Set raises ValueError.
int KaaInt_GetMaxStrDigits(void);
int KaaInt_SetMaxStrDigits(int n);
// GMP's allocator hooks and the small ints; call before creating any int.
void kaa_int_init(void);
void kaa_int_fini(void);

#endif
