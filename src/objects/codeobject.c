/* Code objects: the compiler's output. Immutable once built; the bytecode,
 * positions and exception table are plain C arrays owned by the object.
 */
#include "mem/mem.h"
#include "vm/vm.h"

static void code_dealloc(KaaObject *o)
{
    KaaCodeObject *co = (KaaCodeObject *)o;
    kaa_mem_free(co->co_code);
    kaa_mem_free(co->co_positions);
    kaa_mem_free(co->co_exctable);
    kaa_mem_free(co->co_cell2arg);
    kaa_mem_free(co->co_gcache);
    kaa_mem_free(co->co_acache);
    Kaa_XDECREF(co->co_consts);
    Kaa_XDECREF(co->co_names);
    Kaa_XDECREF(co->co_localsplusnames);
    Kaa_XDECREF(co->co_filename);
    Kaa_XDECREF(co->co_name);
    Kaa_XDECREF(co->co_qualname);
    kaa_object_free(o);
}

static KaaObject *code_repr(KaaObject *o)
{
    KaaCodeObject *co = (KaaCodeObject *)o;
    return KaaStr_FromFormat("<code object %U at %p, file \"%U\", line %d>", co->co_name,
                             (void *)o, co->co_filename, co->co_firstlineno);
}

static KaaObject *code_get_varnames(KaaObject *o, void *c)
{
    KaaCodeObject *co = (KaaCodeObject *)o;
    KaaObject *t = KaaTuple_New(co->co_nlocals);
    if (t == NULL) {
        return NULL;
    }
    for (int i = 0; i < co->co_nlocals; i++) {
        KaaTuple_SET_ITEM(t, i, Kaa_NewRef(KaaTuple_GET_ITEM(co->co_localsplusnames, i)));
    }
    return t;
}

static KaaGetSetDef code_getset[] = {
    {"co_varnames", code_get_varnames},
    {NULL},
};

static KaaMemberDef code_members[] = {
    {"co_argcount", KAA_T_INT, offsetof(KaaCodeObject, co_argcount)},
    {"co_posonlyargcount", KAA_T_INT, offsetof(KaaCodeObject, co_posonlyargcount)},
    {"co_kwonlyargcount", KAA_T_INT, offsetof(KaaCodeObject, co_kwonlyargcount)},
    {"co_nlocals", KAA_T_INT, offsetof(KaaCodeObject, co_nlocals)},
    {"co_stacksize", KAA_T_INT, offsetof(KaaCodeObject, co_stacksize)},
    {"co_flags", KAA_T_INT, offsetof(KaaCodeObject, co_flags)},
    {"co_firstlineno", KAA_T_INT, offsetof(KaaCodeObject, co_firstlineno)},
    {"co_consts", KAA_T_OBJECT, offsetof(KaaCodeObject, co_consts)},
    {"co_names", KAA_T_OBJECT, offsetof(KaaCodeObject, co_names)},
    {"co_filename", KAA_T_OBJECT, offsetof(KaaCodeObject, co_filename)},
    {"co_name", KAA_T_OBJECT, offsetof(KaaCodeObject, co_name)},
    {"co_qualname", KAA_T_OBJECT, offsetof(KaaCodeObject, co_qualname)},
    {NULL},
};

KaaTypeObject KaaCode_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "code",
    .tp_basicsize = sizeof(KaaCodeObject),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_getset = code_getset,
    .tp_members = code_members,
};
