/* bool: a subclass of int with exactly two instances, True and False.
 * Everything but repr and & | ^ (which keep bools bools) is int's, inherited
 * through tp_base; the two singletons are static and never freed.
 */
#include <stdio.h>
#include <stdlib.h>

#include "kaa/errors.h"
#include "kaa/intobject.h"
#include "kaa/object.h"
#include "kaa/strobject.h"
#include "kaa/tupleobject.h"

KaaIntObject Kaa_FalseStruct = {KaaObject_HEAD_INIT(&KaaBool_Type), 0, NULL};
KaaIntObject Kaa_TrueStruct = {KaaObject_HEAD_INIT(&KaaBool_Type), 1, NULL};

static KaaObject *bool_repr(KaaObject *o)
{
    // Interned: repr(True) is common in printing and costs no allocation after the first.
    KaaObject *s = KaaStr_InternFromString(o == Kaa_True ? "True" : "False");
    return Kaa_XNewRef(s);
}

// bool(x=False, /)
static KaaObject *bool_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                           KaaObject *kwnames)
{
    if (kwnames != NULL && KaaTuple_GET_SIZE(kwnames) > 0) {
        KaaErr_SetString(KaaExc(TypeError), "bool() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        return KaaErr_Format(KaaExc(TypeError), "bool expected at most 1 argument, got %zu", nargs);
    }
    if (nargs == 0) {
        return KaaBool_FromLong(0);
    }
    int r = KaaObject_IsTrue(args[0]);
    return r < 0 ? NULL : KaaBool_FromLong(r);
}

// & | ^ of two bools is a bool; with any other int it is int arithmetic.
static KaaObject *bool_and(KaaObject *a, KaaObject *b)
{
    if (!KaaBool_Check(a) || !KaaBool_Check(b)) {
        return KaaInt_Type.tp_as_number->nb_and(a, b);
    }
    return KaaBool_FromLong(a == Kaa_True && b == Kaa_True);
}

static KaaObject *bool_or(KaaObject *a, KaaObject *b)
{
    if (!KaaBool_Check(a) || !KaaBool_Check(b)) {
        return KaaInt_Type.tp_as_number->nb_or(a, b);
    }
    return KaaBool_FromLong(a == Kaa_True || b == Kaa_True);
}

static KaaObject *bool_xor(KaaObject *a, KaaObject *b)
{
    if (!KaaBool_Check(a) || !KaaBool_Check(b)) {
        return KaaInt_Type.tp_as_number->nb_xor(a, b);
    }
    return KaaBool_FromLong((a == Kaa_True) != (b == Kaa_True));
}

static void bool_dealloc(KaaObject *o)
{
    // Only a refcount bug can get here: True and False are static.
    fprintf(stderr, "kaa: fatal: deallocating %s\n", o == Kaa_True ? "True" : "False");
    abort();
}

// The other number slots are inherited from int by KaaType_Ready.
static KaaNumberMethods bool_as_number = {
    .nb_and = bool_and,
    .nb_or = bool_or,
    .nb_xor = bool_xor,
};

KaaTypeObject KaaBool_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "bool",
    .tp_basicsize = sizeof(KaaIntObject),
    .tp_flags = KAA_TPFLAGS_LONG_SUBCLASS, // not BASETYPE: bool cannot be subclassed
    .tp_doc = "bool(x) -> bool",
    .tp_dealloc = bool_dealloc,
    .tp_repr = bool_repr,
    .tp_as_number = &bool_as_number,
    .tp_base = &KaaInt_Type,
    .tp_new = bool_new,
};
