// Code, functions, cells, bound methods and builtin (C) functions.
#ifndef KAA_FUNCOBJECT_H
#define KAA_FUNCOBJECT_H

#include "kaa/object.h"

enum {
    KAA_CO_OPTIMIZED = 0x1,
    KAA_CO_NEWLOCALS = 0x2,
    KAA_CO_VARARGS = 0x4,
    KAA_CO_VARKEYWORDS = 0x8,
    KAA_CO_NESTED = 0x10,
    KAA_CO_GENERATOR = 0x20,
};

// Source position of one instruction (CPython 3.11 keeps the same four).
typedef struct KaaCodePos {
    int lineno, end_lineno;
    int col, end_col; // 0-based UTF-8 byte offsets, -1 when unknown
} KaaCodePos;

// One entry of the exception table: instructions [start, end) jump to target
// with the value stack cut to depth (plus lasti pushed when `lasti`).
typedef struct KaaExcEntry {
    int start, end, target, depth, lasti;
} KaaExcEntry;

// LOAD_GLOBAL's inline cache, one per name of a code object: the value
// found (borrowed: the dicts hold it) while globals and builtins keep the
// versions seen then. Dict versions come from one global counter.
typedef struct KaaGlobalCache {
    KaaObject *globals, *builtins;
    uint64_t gversion, bversion;
    KaaObject *value; // NULL: empty
} KaaGlobalCache;

// LOAD_ATTR/STORE_ATTR/LOAD_METHOD's cache, one per name of a code object:
// for instances of `type` whose attributes are inline values, the name's
// index in the class's shared keys, valid while no class has changed
// (kaa_type_epoch). LOAD_METHOD keeps the method found on the class.
typedef struct KaaAttrCache {
    struct KaaTypeObject *type; // NULL: empty
    unsigned epoch;
    int16_t index;     // in the shared keys, or -1 (not an instance attribute)
    uint8_t load_ok;   // an instance value may be read directly
    uint8_t store_ok;  // an existing instance value may be replaced directly
    int16_t nkeys;     // LOAD_METHOD: shared keys in use when `method` was cached
    KaaObject *method; // LOAD_METHOD: borrowed from the class, or NULL
} KaaAttrCache;

typedef struct KaaCodeObject {
    KaaObject_HEAD
    int co_argcount;
    int co_posonlyargcount;
    int co_kwonlyargcount;
    int co_nlocals;     // arguments and other locals
    int co_ncellvars;   // cells created by this code
    int co_nfreevars;   // cells taken from the closure
    int co_nlocalsplus; // nlocals + ncellvars + nfreevars
    int co_stacksize;
    int co_flags;
    int co_firstlineno;
    int co_ninstrs;          // 16-bit code units
    uint16_t *co_code;       // (arg << 8) | opcode
    KaaCodePos *co_positions; // one per code unit
    int co_nexc;
    KaaExcEntry *co_exctable;
    int *co_cell2arg;        // per cellvar: argument index it copies, or -1
    KaaGlobalCache *co_gcache; // per name, allocated at the first LOAD_GLOBAL
    KaaAttrCache *co_acache;   // per name, allocated at the first cacheable attribute
    KaaObject *co_consts;    // tuple
    KaaObject *co_names;     // tuple of str
    KaaObject *co_localsplusnames; // tuple of str: locals, cellvars, freevars
    KaaObject *co_filename;
    KaaObject *co_name;
    KaaObject *co_qualname;
} KaaCodeObject;

typedef struct KaaFunctionObject {
    KaaObject_HEAD
    KaaObject *func_code;
    KaaObject *func_globals;
    KaaObject *func_builtins;
    KaaObject *func_name;
    KaaObject *func_qualname;
    KaaObject *func_defaults;   // tuple or NULL
    KaaObject *func_kwdefaults; // dict or NULL
    KaaObject *func_closure;    // tuple of cells or NULL
    KaaObject *func_doc;
    KaaObject *func_dict;
    KaaObject *func_module;
    KaaObject *func_annotations;
    KaaObject *func_weakreflist; // weak references to this function (not owned)
} KaaFunctionObject;

typedef struct KaaCellObject {
    KaaObject_HEAD
    KaaObject *ob_ref; // NULL when empty
} KaaCellObject;

typedef struct KaaMethodObject {
    KaaObject_HEAD
    KaaObject *im_func;
    KaaObject *im_self;
} KaaMethodObject;

// A builtin function, or a builtin method bound to `self`.
typedef struct KaaCFunctionObject {
    KaaObject_HEAD
    KaaMethodDef *m_ml;
    KaaObject *m_self;   // NULL for plain functions
    KaaObject *m_module; // module name or NULL
} KaaCFunctionObject;

// An unbound builtin method found in a type's dict (list.append).
typedef struct KaaMethodDescrObject {
    KaaObject_HEAD
    KaaMethodDef *d_method;
    KaaTypeObject *d_type;
    KaaObject *d_name;
} KaaMethodDescrObject;

extern KaaTypeObject KaaCode_Type, KaaFunction_Type, KaaCell_Type, KaaMethod_Type,
    KaaCFunction_Type, KaaMethodDescr_Type, KaaClassMethodDescr_Type, KaaGetSetDescr_Type,
    KaaMemberDescr_Type;
#define KaaFunction_Check(o) (Kaa_TYPE(o) == &KaaFunction_Type)
#define KaaCode_Check(o) (Kaa_TYPE(o) == &KaaCode_Type)
#define KaaCFunction_Check(o) (Kaa_TYPE(o) == &KaaCFunction_Type)

KaaObject *KaaFunction_New(KaaObject *code, KaaObject *globals, KaaObject *qualname);
KaaObject *KaaMethod_New(KaaObject *func, KaaObject *self);
KaaObject *KaaCell_New(KaaObject *value);
KaaObject *KaaCFunction_New(KaaMethodDef *ml, KaaObject *self, KaaObject *module);
KaaObject *KaaDescr_NewMethod(KaaTypeObject *type, KaaMethodDef *ml);
KaaObject *KaaDescr_NewClassMethod(KaaTypeObject *type, KaaMethodDef *ml);
KaaObject *KaaDescr_NewGetSet(KaaTypeObject *type, KaaGetSetDef *gs);
KaaObject *KaaDescr_NewMember(KaaTypeObject *type, KaaMemberDef *m);
// Call a builtin method definition with self bound.
KaaObject *kaa_cfunction_call_def(KaaMethodDef *ml, KaaObject *self, KaaObject *const *args,
                                  size_t nargs, KaaObject *kwnames, const char *owner);

#endif
