/* Interpreter start-up and shutdown, and running source.
 *
 * Shutdown returns every block: it clears the module namespaces (breaking
 * the function <-> globals cycles), collects what cycles remain, then
 * releases the caches and the namespaces of the static types.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "compile/compile.h"
#include "gc/gc.h"
#include "mem/mem.h"
#include "parse/parse.h"
#include "util/strbuf.h"
#include "objects/heaptype.h"
#include "vm/vm.h"

KaaIds kaa_id;

int kaa_exceptions_init(void);
int kaa_exceptions_add_to(KaaObject *dict);
void kaa_type_fini(void);
void kaa_eval_fini(void);
void kaa_raise_syntax_error(const char *kind, const char *msg, KaaObject *filename, int lineno,
                            int offset, int end_lineno, int end_offset);

int kaa_list_ready_types(void);
int kaa_set_ready_types(void);
int kaa_tuple_ready_types(void);
int kaa_range_ready_types(void);
int kaa_iter_ready_types(void);
int kaa_dict_ready_types(void);

// Ready every public static type at start-up, so that no namespace is built
// in the middle of a program (that would move gc counts CPython does not move).
static int ready_static_types(void)
{
    KaaTypeObject *types[] = {
        &KaaType_Type, &KaaBaseObject_Type, &KaaNone_Type, &KaaNotImplemented_Type,
        &KaaEllipsis_Type, &KaaInt_Type, &KaaBool_Type, &KaaFloat_Type, &KaaComplex_Type,
        &KaaStr_Type,
        &KaaTuple_Type, &KaaList_Type, &KaaDict_Type, &KaaSet_Type, &KaaFrozenSet_Type,
        &KaaRange_Type, &KaaRangeIter_Type, &KaaSlice_Type, &KaaSeqIter_Type, &KaaCode_Type,
        &KaaFunction_Type, &KaaCell_Type, &KaaMethod_Type, &KaaCFunction_Type,
        &KaaMethodDescr_Type, &KaaClassMethodDescr_Type, &KaaGetSetDescr_Type,
        &KaaMemberDescr_Type, &KaaWrapperDescr_Type, &KaaModule_Type, &KaaTraceBack_Type,
        &KaaSuper_Type, &KaaProperty_Type, &KaaStaticMethod_Type, &KaaClassMethod_Type,
        &KaaGen_Type, &KaaGenericAlias_Type, &KaaUnion_Type, &KaaNamespace_Type, &KaaFrame_Type,
        &KaaMemoryView_Type, &KaaMemoryIter_Type,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (KaaType_Ready(types[i]) < 0) {
            return -1;
        }
    }
    return kaa_list_ready_types() < 0 || kaa_dict_ready_types() < 0 || kaa_set_ready_types() < 0 ||
                   kaa_tuple_ready_types() < 0 || kaa_range_ready_types() < 0 ||
                   kaa_iter_ready_types() < 0 || KaaType_Ready(&KaaStrIter_Type) < 0
               ? -1
               : 0;
}

static int init_identifiers(void)
{
#define KAA_ID_INIT(name)                                                                        \
    if ((kaa_id.name = KaaStr_InternFromString(#name)) == NULL) {                                \
        return -1;                                                                               \
    }
    KAA_IDENTIFIERS(KAA_ID_INIT)
#undef KAA_ID_INIT
    return 0;
}

int Kaa_Initialize(int argc, char **argv)
{
    kaa_mem_init();
    kaa_gc_init();
    memset(&kaa_ts, 0, sizeof kaa_ts);
    kaa_ts.recursion_limit = 1000;
    kaa_int_init();
    kaa_str_init();
    if (init_identifiers() < 0 || ready_static_types() < 0 || kaa_exceptions_init() < 0) {
        goto fail;
    }
    kaa_interp.modules = KaaDict_New();
    kaa_interp.builtins_module = kaa_builtins_init();
    if (kaa_interp.modules == NULL || kaa_interp.builtins_module == NULL) {
        goto fail;
    }
    kaa_interp.builtins = KaaModule_GetDict(kaa_interp.builtins_module);
    if (kaa_exceptions_add_to(kaa_interp.builtins) < 0 ||
        KaaDict_SetItemString(kaa_interp.modules, "builtins", kaa_interp.builtins_module) < 0) {
        goto fail;
    }
    kaa_interp.main_module = KaaModule_New("__main__");
    if (kaa_interp.main_module == NULL ||
        KaaDict_SetItem(KaaModule_GetDict(kaa_interp.main_module), kaa_id.__builtins__,
                        kaa_interp.builtins_module) < 0 ||
        KaaDict_SetItemString(kaa_interp.modules, "__main__", kaa_interp.main_module) < 0) {
        goto fail;
    }
    kaa_interp.path = kaa_import_initial_path();
    if (kaa_interp.path == NULL) {
        goto fail;
    }
    kaa_interp.argv = KaaList_New(0);
    for (int i = 0; kaa_interp.argv && i < argc; i++) {
        KaaObject *s = KaaStr_FromString(argv[i]);
        if (s == NULL || KaaList_Append(kaa_interp.argv, s) < 0) {
            Kaa_XDECREF(s);
            goto fail;
        }
        Kaa_DECREF(s);
    }
    if (kaa_interp.argv == NULL) {
        goto fail;
    }
    kaa_interp.initialized = 1;
    return 0;
fail:
    fprintf(stderr, "kaa: fatal: interpreter start-up failed\n");
    KaaErr_Print();
    return -1;
}

// Empty a namespace dict in place (values first, as CPython's module
// cleanup sets them to None), so cycles through it are broken.
static void clear_namespace(KaaObject *dict)
{
    if (dict) {
        KaaDict_Clear(dict);
    }
}

void Kaa_Finalize(void)
{
    fflush(stdout);
    KaaErr_Clear();
    Kaa_CLEAR(kaa_ts.handled);
    if (kaa_interp.main_module) {
        clear_namespace(KaaModule_GetDict(kaa_interp.main_module));
    }
    // Every module namespace, then the module table itself.
    if (kaa_interp.modules) {
        Kaa_ssize_t pos = 0;
        KaaObject *k, *m;
        while (KaaDict_Next(kaa_interp.modules, &pos, &k, &m)) {
            if (KaaModule_Check(m) && m != kaa_interp.builtins_module) {
                clear_namespace(KaaModule_GetDict(m));
            }
        }
    }
    Kaa_CLEAR(kaa_interp.main_module);
    Kaa_CLEAR(kaa_interp.argv);
    Kaa_CLEAR(kaa_interp.path);
    Kaa_CLEAR(kaa_interp.modules);
    kaa_gc_fini();
    clear_namespace(kaa_interp.builtins);
    kaa_interp.builtins = NULL;
    Kaa_CLEAR(kaa_interp.builtins_module);
    kaa_gc_fini();
    kaa_type_fini();
    kaa_float_clear_freelist();
    kaa_tuple_fini();
    kaa_str_fini();
    kaa_int_fini();
    kaa_eval_fini();
    kaa_source_fini();
    kaa_interp.initialized = 0;
    kaa_mem_fini();
    fflush(stdout);
}

KaaObject *Kaa_MainDict(void)
{
    return KaaModule_GetDict(kaa_interp.main_module);
}

// --- Compiling ----------------------------------------------------------------

static KaaObject *syntax_error_from_parser(KaaSyntaxError *err, KaaObject *filename)
{
    if (err->nomem) {
        return KaaErr_NoMemory();
    }
    kaa_raise_syntax_error(err->kind ? err->kind : "SyntaxError", err->msg, filename, err->lineno,
                           err->offset, err->end_lineno, err->end_offset);
    return NULL;
}

KaaObject *Kaa_CompileString(const char *src, size_t len, const char *filename,
                             KaaCompileMode mode)
{
    KaaObject *fname = KaaStr_FromString(filename);
    if (fname == NULL) {
        return NULL;
    }
    AstArena *arena = kaa_arena_new();
    if (arena == NULL) {
        Kaa_DECREF(fname);
        return KaaErr_NoMemory();
    }
    KaaSyntaxError err;
    memset(&err, 0, sizeof err);
    KaaParseMode pmode = mode == KAA_MODE_EVAL     ? KAA_PARSE_EVAL
                         : mode == KAA_MODE_SINGLE ? KAA_PARSE_SINGLE
                                                   : KAA_PARSE_FILE;
    AstMod *mod = kaa_parse(arena, src, len, pmode, &err);
    KaaObject *code = mod ? kaa_compile_module(mod, fname, mode)
                          : syntax_error_from_parser(&err, fname);
    kaa_arena_free(arena);
    Kaa_DECREF(fname);
    return code;
}

KaaObject *Kaa_EvalCode(KaaObject *code, KaaObject *globals, KaaObject *locals)
{
    return kaa_eval_code((KaaCodeObject *)code, globals, locals ? locals : globals);
}

// --- Running files ------------------------------------------------------------------

// Read a whole file (standard input when path is NULL) into a buffer from the
// raw allocator. 0, or -1 with errno set.
int kaa_read_file(const char *path, char **src, size_t *len)
{
    int fd = path ? open(path, O_RDONLY) : 0;
    if (fd < 0) {
        return -1;
    }
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    char chunk[65536];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            int saved = errno;
            kaa_strbuf_free(&b);
            if (path) {
                close(fd);
            }
            errno = saved;
            return -1;
        }
        if (n == 0) {
            break;
        }
        kaa_strbuf_add(&b, chunk, (size_t)n);
    }
    if (path) {
        close(fd);
    }
    if (b.failed) {
        kaa_strbuf_free(&b);
        errno = ENOMEM;
        return -1;
    }
    *src = b.data ? b.data : kaa_mem_strdup("");
    *len = b.len;
    return *src ? 0 : -1;
}

int Kaa_HandleUncaught(void)
{
    KaaObject *exc = KaaErr_GetRaisedException();
    if (exc == NULL) {
        return 0;
    }
    int status = 1;
    if (KaaType_IsSubtype(Kaa_TYPE(exc), &KaaExc_SystemExit_Type)) {
        KaaObject *code = ((KaaSystemExitObject *)exc)->code;
        if (code == NULL || code == Kaa_None) {
            status = 0;
        } else if (KaaInt_Check(code)) {
            status = (int)KaaInt_AsInt64(code);
            KaaErr_Clear();
        } else {
            KaaObject *s = KaaObject_Str(code);
            fflush(stdout);
            if (s) {
                fprintf(stderr, "%s\n", KaaStr_DATA(s));
                Kaa_DECREF(s);
            }
            KaaErr_Clear();
            status = 1;
        }
    } else {
        kaa_exception_print(exc);
    }
    Kaa_DECREF(exc);
    return status;
}
