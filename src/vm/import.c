/* The import system: sys.modules, the builtin modules of modules/inittab.c,
 * then modules and packages found as .py files along sys.path (the script's
 * folder, KAAPATH, kaa's lib/). A module is entered in sys.modules before its
 * body runs, so circular imports see the partially initialized module, as
 * in CPython.
 */
#include <string.h>
#include <sys/stat.h>

#include "mem/mem.h"
#include "util/strbuf.h"
#include "vm/vm.h"

KaaObject *kaa_builtin_module_create(const char *name, int *found);

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

// Find `last` (the last component of a module name) in the directories of
// `search` (a list of str). Sets *is_pkg. Returns the file path (malloc'd
// via kaa_mem) or NULL.
static char *find_module_file(KaaObject *search, const char *last, int *is_pkg)
{
    for (Kaa_ssize_t i = 0; search && i < KaaList_GET_SIZE(search); i++) {
        KaaObject *dir = KaaList_GET_ITEM(search, i);
        if (!KaaStr_Check(dir)) {
            continue;
        }
        const char *d = KaaStr_NBYTES(dir) ? KaaStr_DATA(dir) : ".";
        size_t need = strlen(d) + strlen(last) + 20;
        char *path = kaa_mem_alloc(need);
        if (path == NULL) {
            return NULL;
        }
        snprintf(path, need, "%s/%s/__init__.py", d, last);
        if (is_file(path)) {
            *is_pkg = 1;
            return path;
        }
        snprintf(path, need, "%s/%s.py", d, last);
        if (is_file(path)) {
            *is_pkg = 0;
            return path;
        }
        kaa_mem_free(path);
    }
    return NULL;
}

// Create the module object, register it, run its body. New reference.
static KaaObject *exec_module_file(KaaObject *name, const char *path, int is_pkg,
                                   KaaObject *parent_name)
{
    char *src;
    size_t len;
    if (kaa_read_file(path, &src, &len) < 0) {
        KaaErr_Format(KaaExc(OSError), "cannot read %s", path);
        return NULL;
    }
    KaaObject *m = KaaModule_New(KaaStr_DATA(name));
    if (m == NULL) {
        kaa_mem_free(src);
        return NULL;
    }
    KaaObject *d = KaaModule_GetDict(m);
    KaaObject *file = KaaStr_FromString(path);
    KaaObject *package = is_pkg ? Kaa_NewRef(name) : Kaa_XNewRef(parent_name ? parent_name : NULL);
    int ok = file && KaaDict_SetItem(d, kaa_id.__file__, file) == 0 &&
             KaaDict_SetItem(d, kaa_id.__builtins__, kaa_interp.builtins_module) == 0 &&
             KaaDict_SetItemString(d, "__package__", package ? package : Kaa_None) == 0;
    Kaa_XDECREF(package);
    if (ok && is_pkg) {
        // __path__: the package's own folder.
        const char *slash = strrchr(path, '/');
        KaaObject *dir = KaaStr_FromStringAndSize(path, slash ? slash - path : 0);
        KaaObject *pathlist = dir ? KaaList_New(0) : NULL;
        ok = pathlist && KaaList_Append(pathlist, dir) == 0 &&
             KaaDict_SetItemString(d, "__path__", pathlist) == 0;
        Kaa_XDECREF(dir);
        Kaa_XDECREF(pathlist);
    }
    if (!ok || KaaDict_SetItem(kaa_interp.modules, name, m) < 0) {
        Kaa_XDECREF(file);
        Kaa_DECREF(m);
        kaa_mem_free(src);
        return NULL;
    }
    KaaObject *code = Kaa_CompileString(src, len, path, KAA_MODE_EXEC);
    kaa_mem_free(src);
    Kaa_XDECREF(file);
    KaaObject *res = code ? Kaa_EvalCode(code, d, d) : NULL;
    Kaa_XDECREF(code);
    if (res == NULL) {
        // A failed import leaves no module behind.
        KaaObject *saved = KaaErr_GetRaisedException();
        if (KaaDict_GetItemWithError(kaa_interp.modules, name) == m) {
            KaaDict_DelItem(kaa_interp.modules, name);
        }
        KaaErr_SetRaisedException(saved);
        Kaa_DECREF(m);
        return NULL;
    }
    Kaa_DECREF(res);
    // The module may have replaced itself in sys.modules.
    KaaObject *final = KaaDict_GetItemWithError(kaa_interp.modules, name);
    if (final) {
        Kaa_INCREF(final);
        Kaa_DECREF(m);
        return final;
    }
    return m;
}

// Import the module with the absolute dotted name `name`. New reference.
static KaaObject *import_module(KaaObject *name)
{
    KaaObject *m = KaaDict_GetItemWithError(kaa_interp.modules, name);
    if (m) {
        return Kaa_NewRef(m);
    }
    if (KaaErr_Occurred()) {
        return NULL;
    }
    const char *full = KaaStr_DATA(name);
    const char *dot = strrchr(full, '.');
    KaaObject *parent = NULL, *parent_name = NULL, *search;
    if (dot) {
        parent_name = KaaStr_FromStringAndSize(full, dot - full);
        parent = parent_name ? import_module(parent_name) : NULL;
        if (parent == NULL) {
            Kaa_XDECREF(parent_name);
            return NULL;
        }
        // Importing the parent may have imported this one too.
        m = KaaDict_GetItemWithError(kaa_interp.modules, name);
        if (m) {
            Kaa_DECREF(parent);
            Kaa_DECREF(parent_name);
            return Kaa_NewRef(m);
        }
        search = KaaModule_Check(parent) ? KaaDict_GetItemString(KaaModule_GetDict(parent), "__path__")
                                         : NULL;
        if (search == NULL || !KaaList_Check(search)) {
            KaaErr_Format(KaaExc(ModuleNotFoundError), "No module named %R; %R is not a package",
                          name, parent_name);
            Kaa_DECREF(parent);
            Kaa_DECREF(parent_name);
            return NULL;
        }
    } else {
        int found;
        m = kaa_builtin_module_create(full, &found);
        if (found) {
            if (m && KaaDict_SetItem(kaa_interp.modules, name, m) < 0) {
                Kaa_CLEAR(m);
            }
            return m;
        }
        search = kaa_interp.path;
    }
    const char *last = dot ? dot + 1 : full;
    int is_pkg = 0;
    char *path = find_module_file(search, last, &is_pkg);
    if (path == NULL) {
        if (!KaaErr_Occurred()) {
            KaaErr_Format(KaaExc(ModuleNotFoundError), "No module named %R", name);
            KaaObject *exc = kaa_ts.curexc;
            if (exc) {
                KaaObject_SetAttrString(exc, "name", name);
            }
        }
        Kaa_XDECREF(parent);
        Kaa_XDECREF(parent_name);
        return NULL;
    }
    m = exec_module_file(name, path, is_pkg, parent_name);
    kaa_mem_free(path);
    if (m && parent) {
        // The submodule becomes an attribute of its package.
        KaaObject *child = KaaStr_FromString(last);
        if (child == NULL || KaaObject_SetAttr(parent, child, m) < 0) {
            Kaa_CLEAR(m);
        }
        Kaa_XDECREF(child);
    }
    Kaa_XDECREF(parent);
    Kaa_XDECREF(parent_name);
    return m;
}

// The package a module's globals belong to (for relative imports).
static KaaObject *current_package(KaaObject *globals)
{
    KaaObject *pkg = globals ? KaaDict_GetItemString(globals, "__package__") : NULL;
    if (pkg && KaaStr_Check(pkg)) {
        return Kaa_NewRef(pkg);
    }
    KaaObject *name = globals ? KaaDict_GetItemString(globals, "__name__") : NULL;
    if (name == NULL || !KaaStr_Check(name)) {
        return NULL;
    }
    if (KaaDict_GetItemString(globals, "__path__")) {
        return Kaa_NewRef(name);
    }
    const char *dot = strrchr(KaaStr_DATA(name), '.');
    return dot ? KaaStr_FromStringAndSize(KaaStr_DATA(name), dot - KaaStr_DATA(name)) : NULL;
}

// IMPORT_NAME: `import a.b` returns the top-level package `a`; with a
// fromlist the module itself, after importing submodules named in it.
KaaObject *kaa_import_name(KaaObject *name, KaaObject *fromlist, int level, KaaObject *globals)
{
    KaaObject *absname;
    if (level > 0) {
        KaaObject *pkg = current_package(globals);
        if (pkg == NULL || KaaStr_NBYTES(pkg) == 0) {
            Kaa_XDECREF(pkg);
            return KaaErr_Format(KaaExc(ImportError),
                                 "attempted relative import with no known parent package");
        }
        const char *base = KaaStr_DATA(pkg);
        Kaa_ssize_t cut = KaaStr_NBYTES(pkg);
        for (int i = 1; i < level; i++) {
            while (cut > 0 && base[cut - 1] != '.') {
                cut--;
            }
            if (cut == 0) {
                Kaa_DECREF(pkg);
                return KaaErr_Format(KaaExc(ImportError),
                                     "attempted relative import beyond top-level package");
            }
            cut--;
        }
        absname = KaaStr_FromStringAndSize(base, cut);
        if (absname && KaaStr_NBYTES(name)) {
            KaaObject *full = KaaStr_FromFormat("%U.%U", absname, name);
            Kaa_SETREF(absname, full);
        }
        Kaa_DECREF(pkg);
    } else {
        if (KaaStr_NBYTES(name) == 0) {
            return KaaErr_Format(KaaExc(ValueError), "Empty module name");
        }
        absname = Kaa_NewRef(name);
    }
    if (absname == NULL) {
        return NULL;
    }
    KaaObject *m = import_module(absname);
    if (m == NULL) {
        Kaa_DECREF(absname);
        return NULL;
    }
    int has_fromlist = fromlist && fromlist != Kaa_None && KaaTuple_Check(fromlist) &&
                       KaaTuple_GET_SIZE(fromlist) > 0;
    if (!has_fromlist) {
        // `import a.b.c` binds `a`.
        const char *full = KaaStr_DATA(absname);
        const char *dot = level == 0 ? strchr(full, '.') : NULL;
        if (dot) {
            KaaObject *top = KaaStr_FromStringAndSize(full, dot - full);
            KaaObject *tm = top ? KaaDict_GetItemWithError(kaa_interp.modules, top) : NULL;
            Kaa_XDECREF(top);
            if (tm) {
                Kaa_SETREF(m, Kaa_NewRef(tm));
            }
        }
        Kaa_DECREF(absname);
        return m;
    }
    // from package import submodule: import what is not an attribute yet.
    if (KaaModule_Check(m) && KaaDict_GetItemString(KaaModule_GetDict(m), "__path__")) {
        for (Kaa_ssize_t i = 0; i < KaaTuple_GET_SIZE(fromlist); i++) {
            KaaObject *item = KaaTuple_GET_ITEM(fromlist, i);
            if (!KaaStr_Check(item) || KaaStr_EqualToASCII(item, "*") ||
                KaaDict_GetItemWithError(KaaModule_GetDict(m), item)) {
                continue;
            }
            KaaObject *sub = KaaStr_FromFormat("%U.%U", absname, item);
            KaaObject *sm = sub ? import_module(sub) : NULL;
            if (sm == NULL && KaaErr_ExceptionMatches(KaaExc(ModuleNotFoundError))) {
                KaaErr_Clear(); // IMPORT_FROM reports the missing name
            } else if (sm == NULL) {
                Kaa_XDECREF(sub);
                Kaa_DECREF(absname);
                Kaa_DECREF(m);
                return NULL;
            }
            Kaa_XDECREF(sm);
            Kaa_XDECREF(sub);
        }
    }
    Kaa_DECREF(absname);
    return m;
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
    KaaObject *modname = KaaModule_Check(module) ? ((KaaModuleObject *)module)->md_name : NULL;
    if (modname) {
        // A circular import may have registered the submodule already.
        KaaObject *full = KaaStr_FromFormat("%U.%U", modname, name);
        KaaObject *sm = full ? KaaDict_GetItemWithError(kaa_interp.modules, full) : NULL;
        Kaa_XDECREF(full);
        if (sm) {
            return Kaa_NewRef(sm);
        }
        KaaObject *file = KaaDict_GetItemString(KaaModule_GetDict(module), "__file__");
        if (file) {
            return KaaErr_Format(KaaExc(ImportError), "cannot import name %R from %R (%U)", name,
                                 modname, file);
        }
        return KaaErr_Format(KaaExc(ImportError), "cannot import name %R from %R (unknown location)",
                             name, modname);
    }
    return KaaErr_Format(KaaExc(ImportError), "cannot import name %R", name);
}

// IMPORT_STAR: copy the module's public names (or its __all__) into `locals`.
int kaa_import_star(KaaObject *module, KaaObject *locals)
{
    if (!KaaModule_Check(module)) {
        KaaErr_SetString(KaaExc(TypeError), "import * expects a module");
        return -1;
    }
    KaaObject *dict = KaaModule_GetDict(module);
    KaaObject *all = KaaDict_GetItemString(dict, "__all__");
    if (all) {
        KaaObject *names = KaaSequence_List(all);
        if (names == NULL) {
            return -1;
        }
        for (Kaa_ssize_t i = 0; i < KaaList_GET_SIZE(names); i++) {
            KaaObject *k = KaaList_GET_ITEM(names, i);
            KaaObject *v = KaaObject_GetAttr(module, k);
            if (v == NULL || KaaObject_SetItem(locals, k, v) < 0) {
                Kaa_XDECREF(v);
                Kaa_DECREF(names);
                return -1;
            }
            Kaa_DECREF(v);
        }
        Kaa_DECREF(names);
        return 0;
    }
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

// sys.path at start-up: KAAPATH's folders, then kaa's lib/.
KaaObject *kaa_import_initial_path(void)
{
    KaaObject *path = KaaList_New(0);
    if (path == NULL) {
        return NULL;
    }
    const char *env = getenv("KAAPATH");
    while (env && *env) {
        const char *colon = strchr(env, ':');
        size_t n = colon ? (size_t)(colon - env) : strlen(env);
        if (n) {
            KaaObject *s = KaaStr_FromStringAndSize(env, (Kaa_ssize_t)n);
            if (s == NULL || KaaList_Append(path, s) < 0) {
                Kaa_XDECREF(s);
                Kaa_DECREF(path);
                return NULL;
            }
            Kaa_DECREF(s);
        }
        env = colon ? colon + 1 : NULL;
    }
    KaaObject *lib = KaaStr_FromString(KAA_LIB_DIR);
    if (lib == NULL || KaaList_Append(path, lib) < 0) {
        Kaa_XDECREF(lib);
        Kaa_DECREF(path);
        return NULL;
    }
    Kaa_DECREF(lib);
    return path;
}

int Kaa_PathPrepend(const char *dir)
{
    KaaObject *s = KaaStr_FromString(dir);
    if (s == NULL) {
        return -1;
    }
    int r = KaaList_Insert(kaa_interp.path, 0, s);
    Kaa_DECREF(s);
    return r;
}
