// Modules: a namespace dict with a name.
#ifndef KAA_MODULEOBJECT_H
#define KAA_MODULEOBJECT_H

#include "kaa/object.h"

typedef struct KaaModuleObject {
    KaaObject_HEAD
    KaaObject *md_dict;
    KaaObject *md_name;
} KaaModuleObject;

extern KaaTypeObject KaaModule_Type;
#define KaaModule_Check(o) KaaType_IsSubtype(Kaa_TYPE(o), &KaaModule_Type)

KaaObject *KaaModule_New(const char *name); // new reference
KaaObject *KaaModule_GetDict(KaaObject *m);  // borrowed
int KaaModule_AddFunctions(KaaObject *m, KaaMethodDef *defs);
int KaaModule_AddObjectRef(KaaObject *m, const char *name, KaaObject *value);

#endif
