/* The import system: sys.modules first, then the builtin modules of
 * modules/inittab.c. (Modules from .py files arrive with the module work.)
 */
#include <string.h>

#include "vm/vm.h"

KaaObject *kaa_builtin_module_create(const char *name, int *found);

// Import the module called `name` (a str). New reference or NULL.
static KaaObject *import_module(KaaObject *name)
{
    KaaObject *m = KaaDict_GetItemWithError(kaa_interp.modules, name);
    if (m) {
        return Kaa_NewRef(m);
    }
    if (KaaErr_Occurred()) {
        return NULL;
    }
    int found;
    m = kaa_builtin_module_create(KaaStr_DATA(name), &found);
    if (!found) {
        KaaErr_Format(KaaExc(ModuleNotFoundError), "No module named %R", name);
        return NULL;
    }
    if (m == NULL) {
        return NULL;
    }
    if (KaaDict_SetItem(kaa_interp.modules, name, m) < 0) {
        Kaa_DECREF(m);
        return NULL;
    }
    return m;
}

// IMPORT_NAME: `import a.b` binds the top-level package `a`; with a
// fromlist the module itself is returned.
KaaObject *kaa_import_name(KaaObject *name, KaaObject *fromlist, int level)
{
    if (level > 0) {
        return KaaErr_Format(KaaExc(ImportError),
                             "attempted relative import with no known parent package");
    }
    if (strchr(KaaStr_DATA(name), '.')) {
        return KaaErr_Format(KaaExc(ModuleNotFoundError), "No module named %R", name);
    }
    (void)fromlist;
    return import_module(name);
}

// IMPORT_FROM: `from m import x`.
KaaObject *kaa_import_from(KaaObject *module, KaaObject *name)
{
    KaaObject *v;
    int r = KaaObject_LookupAttr(module, name, &v);
    if (r > 0) {
        return v;
    }
    if (r < 0) {
        return NULL;
    }
    KaaObject *modname = NULL;
    if (KaaModule_Check(module)) {
        modname = ((KaaModuleObject *)module)->md_name;
    }
    if (modname) {
        return KaaErr_Format(KaaExc(ImportError), "cannot import name %R from %R (unknown location)",
                             name, modname);
    }
    return KaaErr_Format(KaaExc(ImportError), "cannot import name %R", name);
}

// IMPORT_STAR: copy the module's public names into `locals`.
int kaa_import_star(KaaObject *module, KaaObject *locals)
{
    if (!KaaModule_Check(module)) {
        KaaErr_SetString(KaaExc(TypeError), "import * expects a module");
        return -1;
    }
    KaaObject *dict = KaaModule_GetDict(module);
    Kaa_ssize_t pos = 0;
    KaaObject *k, *v;
    while (KaaDict_Next(dict, &pos, &k, &v)) {
        if (KaaStr_Check(k) && KaaStr_DATA(k)[0] == '_') {
            continue;
        }
        if (KaaObject_SetItem(locals, k, v) < 0) {
            return -1;
        }
    }
    return 0;
}
