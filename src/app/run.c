/* Running programs for the kaa command (see run.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/run.h"
#include "compile/compile.h"
#include "gc/gc.h"
#include "kaa.h"
#include "mem/mem.h"
#include "util/strbuf.h"
#include "vm/vm.h"

#ifndef KAA_LIBDIR
#define KAA_LIBDIR "lib"
#endif

// Line `lineno` (1-based) of src with its newline, as a new str, or NULL.
static KaaObject *source_line(const char *src, size_t len, long lineno)
{
    const char *p = src, *end = src + len;
    for (long l = 1; l < lineno; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL) {
            return NULL;
        }
        p = nl + 1;
    }
    const char *e = memchr(p, '\n', (size_t)(end - p));
    e = e ? e + 1 : end;
    if (e == p) {
        return NULL;
    }
    return KaaStr_FromStringAndSize(p, e - p);
}

void kaa_app_fix_syntax_text(const char *src, size_t len)
{
    if (!KaaErr_ExceptionMatches(KaaExc(SyntaxError))) {
        return;
    }
    KaaObject *exc = KaaErr_GetRaisedException();
    KaaSyntaxErrorObject *se = (KaaSyntaxErrorObject *)exc;
    if ((se->text == NULL || se->text == Kaa_None) && se->lineno && KaaInt_Check(se->lineno)) {
        KaaObject *line = source_line(src, len, (long)KaaInt_AsInt64(se->lineno));
        if (line) {
            Kaa_SETREF(se->text, line);
        } else {
            KaaErr_Clear();
        }
    }
    KaaErr_SetRaisedException(exc);
}

int kaa_app_exec(const char *src, size_t len, const char *filename, int dis)
{
    KaaObject *code = Kaa_CompileString(src, len, filename, KAA_MODE_EXEC);
    if (code == NULL) {
        if (filename[0] == '<') {
            kaa_app_fix_syntax_text(src, len);
        }
        return -1;
    }
    if (dis) {
        kaa_dis_code((KaaCodeObject *)code, stdout);
        Kaa_DECREF(code);
        return 0;
    }
    KaaObject *globals = Kaa_MainDict();
    KaaObject *res = Kaa_EvalCode(code, globals, globals);
    Kaa_DECREF(code);
    if (res == NULL) {
        return -1;
    }
    Kaa_DECREF(res);
    return 0;
}

// os.path.abspath as CPython applies it to the script path: a relative path
// is joined to the working directory, leading "./" dropped.
static void absolute_path(const char *path, char *out, size_t size)
{
    char cwd[PATH_MAX];
    if (path[0] == '/' || getcwd(cwd, sizeof cwd) == NULL) {
        snprintf(out, size, "%s", path);
        return;
    }
    while (path[0] == '.' && path[1] == '/') {
        path += 2;
        while (path[0] == '/') {
            path++;
        }
    }
    snprintf(out, size, "%s/%s", cwd, path);
}

// fputs the repr of a path (CPython's %R: quotes chosen like str.__repr__).
static void print_path_repr(FILE *out, const char *path)
{
    KaaObject *s = KaaStr_FromString(path);
    KaaObject *r = s ? KaaObject_Repr(s) : NULL;
    if (r) {
        fputs(KaaStr_DATA(r), out);
    } else {
        KaaErr_Clear();
        fprintf(out, "'%s'", path);
    }
    Kaa_XDECREF(s);
    Kaa_XDECREF(r);
}

int kaa_app_run_path(const char *path, int dis, int set_path)
{
    char abspath[PATH_MAX + 256];
    absolute_path(path, abspath, sizeof abspath);
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        // A folder runs its __main__.py, as CPython runs a folder or zip.
        size_t n = strlen(abspath);
        snprintf(abspath + n, sizeof abspath - n, "/__main__.py");
        if (access(abspath, F_OK) != 0) {
            abspath[n] = '\0';
            fflush(stdout);
            fprintf(stderr, "%s: can't find '__main__' module in ", KAA_APP_NAME);
            print_path_repr(stderr, abspath);
            fputc('\n', stderr);
            return 1;
        }
    }
    char *src;
    size_t len;
    if (kaa_read_file(abspath, &src, &len) < 0) {
        int err = errno;
        fflush(stdout);
        fprintf(stderr, "%s: can't open file ", KAA_APP_NAME);
        print_path_repr(stderr, abspath);
        fprintf(stderr, ": [Errno %d] %s\n", err, strerror(err));
        return 2;
    }
    int r;
    if (dis) {
        r = kaa_app_exec(src, len, path, 1);
    } else {
        KaaObject *file = KaaStr_FromString(abspath);
        r = file ? KaaDict_SetItem(Kaa_MainDict(), kaa_id.__file__, file) : -1;
        Kaa_XDECREF(file);
        // sys.path[0] is the script's folder, as python3 sets it.
        char *slash = strrchr(abspath, '/');
        if (r == 0 && slash && set_path) {
            *slash = '\0';
            r = Kaa_PathPrepend(abspath);
            *slash = '/';
        }
        if (r == 0) {
            r = kaa_app_exec(src, len, abspath, 0);
        }
    }
    kaa_mem_free(src);
    return r;
}

int kaa_app_set_path0(int module)
{
    char cwd[PATH_MAX];
    if (module && getcwd(cwd, sizeof cwd) != NULL) {
        return Kaa_PathPrepend(cwd);
    }
    return Kaa_PathPrepend("");
}

// Write dir/name.py (dots in name become folder separators) to out, made
// absolute; 1 when that file exists.
static int module_in(const char *dir, size_t dirlen, const char *name, char *out, size_t size)
{
    char cwd[PATH_MAX] = "";
    if (dir[0] != '/' && getcwd(cwd, sizeof cwd) == NULL) {
        cwd[0] = '\0';
    }
    int n = snprintf(out, size, "%s%s%.*s/", cwd, cwd[0] ? "/" : "", (int)dirlen, dir);
    for (const char *p = name; *p && n > 0 && (size_t)n < size; p++) {
        out[n++] = *p == '.' ? '/' : *p;
    }
    if (n < 0 || (size_t)n + 4 >= size) {
        return 0;
    }
    memcpy(out + n, ".py", 4);
    struct stat sb;
    return stat(out, &sb) == 0 && S_ISREG(sb.st_mode);
}

int kaa_app_find_module(const char *name, char *out, size_t size)
{
    if (name[0] == '\0' || name[0] == '.' || strstr(name, "..") || strchr(name, '/')) {
        return 0;
    }
    const char *path = getenv("KAAPATH");
    while (path && *path) {
        const char *colon = strchr(path, ':');
        size_t n = colon ? (size_t)(colon - path) : strlen(path);
        if (n && module_in(path, n, name, out, size)) {
            return 1;
        }
        path = colon ? colon + 1 : NULL;
    }
    return module_in(KAA_LIBDIR, strlen(KAA_LIBDIR), name, out, size);
}

KaaAppOutcome kaa_app_handle_uncaught(int inspect)
{
    KaaAppOutcome o = {0, 0, 0};
    if (KaaErr_Occurred() == NULL) {
        return o;
    }
    fflush(stdout);
    if (KaaErr_ExceptionMatches(KaaExc(SystemExit))) {
        if (inspect) {
            KaaObject *exc = KaaErr_GetRaisedException();
            kaa_exception_print(exc);
            Kaa_DECREF(exc);
            return o;
        }
        o.exit = 1;
    } else if (KaaErr_ExceptionMatches(KaaExc(KeyboardInterrupt))) {
        o.interrupted = 1;
    }
    o.status = Kaa_HandleUncaught();
    fflush(stderr);
    return o;
}

void kaa_app_print_refcount(void)
{
    fflush(stdout);
    fprintf(stderr, "[%td refs, %zu blocks]\n", kaa_ref_total, kaa_mem_live_blocks());
    fflush(stderr);
}

static void gcstats_hook(int generation, Kaa_ssize_t collected, double seconds)
{
    fflush(stdout);
    fprintf(stderr, "gc: generation %d: %td collected, %.4fs elapsed\n", generation, collected,
            seconds);
}

void kaa_app_enable_gcstats(void)
{
    kaa_gc_set_stats_hook(gcstats_hook);
}
