/* The posix module: the operating-system calls under lib/os.py (CPython's
 * Modules/posixmodule.c role). Paths are str, bytes or os.PathLike, and some
 * calls also take an open descriptor; failures raise the OSError subclass
 * for errno, with the path(s) as filename(s). lib/os.py adds the parts
 * written in Python (environ's mapping class, makedirs, walk, ...).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pwd.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "objects/structseq.h"
#include "vm/vm.h"

extern char **environ;

// --- Arguments -------------------------------------------------------------------------------

// Unpack arguments as CPython's argument clinic does for the functions here:
// kwlist names npos positional-or-keyword parameters, then keyword-only
// ones; the first nreq are required. Absent optional ones are NULL.
static int unpack(const char *fname, KaaObject *const *args, size_t nargs, KaaObject *kwnames,
                  const char *const *kwlist, int npos, int nreq, KaaObject **out)
{
    int nparams = 0;
    while (kwlist[nparams]) {
        nparams++;
    }
    size_t given = nargs + (kwnames ? (size_t)KaaTuple_GET_SIZE(kwnames) : 0);
    if (given > (size_t)nparams) {
        KaaErr_Format(KaaExc(TypeError), "%s() takes at most %d %sargument%s (%zu given)", fname,
                      nparams, nargs == 0 ? "keyword " : "", nparams == 1 ? "" : "s", given);
        return -1;
    }
    if (nargs > (size_t)npos) {
        KaaErr_Format(KaaExc(TypeError), "%s() takes %s %d positional argument%s (%zu given)",
                      fname, npos == nreq ? "exactly" : "at most", npos, npos == 1 ? "" : "s",
                      nargs);
        return -1;
    }
    return kaa_unpack_args(fname, args, nargs, kwnames, kwlist, nreq, out);
}

// Checks for the plain positional functions (putenv), with CPython's
// "putenv expected 2 arguments, got 1" wording.
static int no_kwargs(const char *fname, KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        KaaErr_Format(KaaExc(TypeError), "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

static int check_positional(const char *fname, size_t nargs, size_t min, size_t max)
{
    if (nargs < min) {
        KaaErr_Format(KaaExc(TypeError), "%s expected %s%zu argument%s, got %zu", fname,
                      min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        KaaErr_Format(KaaExc(TypeError), "%s expected %s%zu argument%s, got %zu", fname,
                      min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

// An int argument that must fit a C int (clinic's "int" converter).
static int int_arg(KaaObject *o, int *out)
{
    if (KaaFloat_Check(o)) {
        KaaErr_Format(KaaExc(TypeError), "'float' object cannot be interpreted as an integer");
        return -1;
    }
    KaaObject *i = KaaNumber_Index(o);
    if (i == NULL) {
        return -1;
    }
    int64_t v = KaaInt_AsInt64(i);
    Kaa_DECREF(i);
    if ((v == -1 && KaaErr_Occurred()) || v < INT32_MIN || v > INT32_MAX) {
        KaaErr_Clear();
        KaaErr_SetString(KaaExc(OverflowError), "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

// dir_fd=None (the current directory) or an int descriptor.
static int dir_fd_arg(KaaObject *o, int *out)
{
    if (o == NULL || o == Kaa_None) {
        *out = AT_FDCWD;
        return 0;
    }
    if (!KaaInt_Check(o)) {
        KaaErr_Format(KaaExc(TypeError), "argument should be integer or None, not %s",
                      Kaa_TYPE(o)->tp_name);
        return -1;
    }
    return int_arg(o, out);
}

// A bool-ish keyword (follow_symlinks=...): any object's truth, default dflt.
static int bool_arg(KaaObject *o, int dflt)
{
    return o == NULL ? dflt : KaaObject_IsTrue(o);
}

// The unqualified name of o's type, as CPython's messages show it.
static const char *short_type_name(KaaObject *o)
{
    const char *name = Kaa_TYPE(o)->tp_name;
    const char *dot = strrchr(name, '.');
    return dot ? dot + 1 : name;
}

// os.fspath(o): str and bytes pass through, else type(o).__fspath__(o) must
// return one of them. New reference; *found is 0 (no exception) when o is
// none of these and has no __fspath__.
static KaaObject *fspath_or_null(KaaObject *o, int *found)
{
    *found = 1;
    if (KaaStr_Check(o) || KaaBytes_Check(o)) {
        return Kaa_NewRef(o);
    }
    if (kaa_type_lookup(Kaa_TYPE(o), KaaStr_InternFromString("__fspath__")) == NULL) {
        *found = 0;
        return NULL;
    }
    KaaObject *res = KaaObject_CallMethod(o, "__fspath__", NULL, 0);
    if (res && !KaaStr_Check(res) && !KaaBytes_Check(res)) {
        KaaErr_Format(KaaExc(TypeError), "expected %s.__fspath__() to return str or bytes, not %s",
                      short_type_name(o), short_type_name(res));
        Kaa_CLEAR(res);
    }
    return res;
}

// A path argument: CPython's path_t. `object` is what errors report as the
// filename (the str or bytes after __fspath__, or the int descriptor).
typedef struct PathArg {
    const char *fname;   // the function, for messages ("stat")
    const char *argname; // the parameter ("path", "src", "dst")
    int allow_fd;        // an int means an open descriptor
    int nullable;        // None means "." (listdir)
    KaaObject *object;   // new reference, or NULL for None
    const char *narrow;  // NUL-terminated path, NULL for a descriptor
    int fd;              // the descriptor, or -1
    int is_bytes;        // the path was bytes (results are bytes too)
} PathArg;

#define PATH_ARG(fname, argname, allow_fd, nullable)                                               \
    {                                                                                              \
        (fname), (argname), (allow_fd), (nullable), NULL, NULL, -1, 0                              \
    }

static int path_type_error(PathArg *p, KaaObject *o)
{
    const char *allowed = p->allow_fd && p->nullable ? "string, bytes, os.PathLike, integer or None"
                          : p->allow_fd              ? "string, bytes, os.PathLike or integer"
                          : p->nullable              ? "string, bytes, os.PathLike or None"
                                                     : "string, bytes or os.PathLike";
    KaaErr_Format(KaaExc(TypeError), "%s: %s should be %s, not %s", p->fname, p->argname, allowed,
                  short_type_name(o));
    return -1;
}

// Convert argument o (may be NULL when absent and nullable). 0 or -1.
static int path_convert(KaaObject *o, PathArg *p)
{
    if (o == NULL || (o == Kaa_None && p->nullable)) {
        p->narrow = ".";
        return 0;
    }
    if (p->allow_fd && KaaInt_Check(o)) {
        int64_t fd = KaaInt_AsInt64(o);
        if ((fd == -1 && KaaErr_Occurred()) || fd < INT32_MIN || fd > INT32_MAX) {
            KaaErr_Clear();
            KaaErr_SetString(KaaExc(OverflowError), KaaInt_Sign(o) < 0
                                                        ? "fd is less than minimum"
                                                        : "fd is greater than maximum");
            return -1;
        }
        p->fd = (int)fd;
        p->object = Kaa_NewRef(o);
        return 0;
    }
    int found;
    KaaObject *s = fspath_or_null(o, &found);
    if (!found) {
        return path_type_error(p, o);
    }
    if (s == NULL) {
        return -1;
    }
    size_t n;
    if (KaaBytes_Check(s)) {
        p->is_bytes = 1;
        p->narrow = KaaBytes_AS_STRING(s);
        n = (size_t)KaaBytes_GET_SIZE(s);
    } else {
        p->narrow = KaaStr_DATA(s);
        n = (size_t)KaaStr_NBYTES(s);
    }
    p->object = s;
    if (strlen(p->narrow) != n) {
        // CPython words the two cases differently.
        if (p->is_bytes) {
            KaaErr_Format(KaaExc(ValueError), "%s: embedded null character in path", p->fname);
        } else {
            KaaErr_SetString(KaaExc(ValueError), "embedded null byte");
        }
        return -1;
    }
    return 0;
}

static void path_cleanup(PathArg *p)
{
    Kaa_CLEAR(p->object);
}

// --- Errors ----------------------------------------------------------------------------------

// Raise OSError(err, strerror(err)[, filename[, None, filename2]]), which
// picks the subclass for err (FileNotFoundError...). Returns NULL.
static KaaObject *raise_oserror(int err, KaaObject *filename, KaaObject *filename2)
{
    KaaObject *no = KaaInt_FromInt64(err);
    KaaObject *text = KaaStr_FromString(strerror(err));
    if (no == NULL || text == NULL) {
        Kaa_XDECREF(no);
        Kaa_XDECREF(text);
        return NULL;
    }
    KaaObject *argv[5] = {no, text, filename ? filename : Kaa_None, Kaa_None, filename2};
    size_t n = filename2 ? 5 : filename ? 3 : 2;
    KaaObject *exc = KaaObject_Vectorcall(KaaExc(OSError), argv, n, NULL);
    Kaa_DECREF(no);
    Kaa_DECREF(text);
    if (exc) {
        KaaErr_SetObject((KaaObject *)Kaa_TYPE(exc), exc);
        Kaa_DECREF(exc);
    }
    return NULL;
}

// The current errno with p's path as the filename.
static KaaObject *path_error(PathArg *p)
{
    return raise_oserror(errno, p->object, NULL);
}

static KaaObject *path_error2(PathArg *a, PathArg *b)
{
    return raise_oserror(errno, a->object, b->object);
}

// --- stat_result -----------------------------------------------------------------------------

// Ten items are visible as a tuple (the last three the integer times); the
// float times, the nanosecond times and the rest follow them in the same
// allocation and are reached by name only, as in CPython's struct sequence.
enum { STAT_VISIBLE = 10, STAT_FIELDS = 19 };

static KaaMemberDef stat_result_fields[] = {
    KAA_STRUCTSEQ_FIELD("st_mode", 0),
    KAA_STRUCTSEQ_FIELD("st_ino", 1),
    KAA_STRUCTSEQ_FIELD("st_dev", 2),
    KAA_STRUCTSEQ_FIELD("st_nlink", 3),
    KAA_STRUCTSEQ_FIELD("st_uid", 4),
    KAA_STRUCTSEQ_FIELD("st_gid", 5),
    KAA_STRUCTSEQ_FIELD("st_size", 6),
    KAA_STRUCTSEQ_FIELD("st_atime", 10),
    KAA_STRUCTSEQ_FIELD("st_mtime", 11),
    KAA_STRUCTSEQ_FIELD("st_ctime", 12),
    KAA_STRUCTSEQ_FIELD("st_atime_ns", 13),
    KAA_STRUCTSEQ_FIELD("st_mtime_ns", 14),
    KAA_STRUCTSEQ_FIELD("st_ctime_ns", 15),
    KAA_STRUCTSEQ_FIELD("st_blksize", 16),
    KAA_STRUCTSEQ_FIELD("st_blocks", 17),
    KAA_STRUCTSEQ_FIELD("st_rdev", 18),
    {NULL},
};

// The names the repr gives the visible items (7-9 show as the times).
static const char *const stat_repr_names[STAT_VISIBLE] = {
    "st_mode", "st_ino",  "st_dev",   "st_nlink", "st_uid",
    "st_gid",  "st_size", "st_atime", "st_mtime", "st_ctime",
};

static void stat_result_dealloc(KaaObject *o)
{
    kaa_gc_untrack_if_tracked(o);
    KaaObject **items = ((KaaTupleObject *)o)->ob_item;
    for (int i = 0; i < STAT_FIELDS; i++) {
        Kaa_XDECREF(items[i]);
    }
    kaa_object_free(o);
}

static int stat_result_traverse(KaaObject *o, visitproc visit, void *arg)
{
    KaaObject **items = ((KaaTupleObject *)o)->ob_item;
    for (int i = 0; i < STAT_FIELDS; i++) {
        Kaa_VISIT(items[i]);
    }
    return 0;
}

static KaaObject *stat_result_repr(KaaObject *self)
{
    KaaObject *parts = KaaList_New(0);
    for (int i = 0; parts && i < STAT_VISIBLE; i++) {
        KaaObject *s = KaaStr_FromFormat("%s=%R", stat_repr_names[i], KaaTuple_GET_ITEM(self, i));
        if (s == NULL || KaaList_Append(parts, s) < 0) {
            Kaa_CLEAR(parts);
        }
        Kaa_XDECREF(s);
    }
    KaaObject *sep = parts ? KaaStr_FromString(", ") : NULL;
    KaaObject *body = sep ? KaaStr_Join(sep, parts) : NULL;
    KaaObject *res = body ? KaaStr_FromFormat("os.stat_result(%U)", body) : NULL;
    Kaa_XDECREF(parts);
    Kaa_XDECREF(sep);
    Kaa_XDECREF(body);
    return res;
}

static KaaObject *stat_result_new(KaaTypeObject *t, KaaObject *const *args, size_t nargs,
                                  KaaObject *kwnames);

static KaaTypeObject StatResult_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "os.stat_result",
    .tp_flags = KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_TUPLE_SUBCLASS,
    .tp_base = &KaaTuple_Type,
    .tp_dealloc = stat_result_dealloc,
    .tp_traverse = stat_result_traverse,
    .tp_repr = stat_result_repr,
    .tp_new = stat_result_new,
    .tp_members = stat_result_fields,
};

// A stat_result of items[0..n) (references taken, not stolen); missing
// hidden items are None, and missing float times copy the integer ones.
static KaaObject *stat_result_make(KaaObject *const *items, Kaa_ssize_t n)
{
    KaaObject *o = KaaType_GenericAlloc(&StatResult_Type, STAT_FIELDS);
    if (o == NULL) {
        return NULL;
    }
    KaaObject **slot = ((KaaTupleObject *)o)->ob_item;
    for (Kaa_ssize_t i = 0; i < STAT_FIELDS; i++) {
        KaaObject *v = i < n ? items[i] : Kaa_None;
        if (v == Kaa_None && i >= 10 && i <= 12) {
            v = slot[i - 3];
        }
        slot[i] = Kaa_NewRef(v);
    }
    Kaa_SIZE(o) = STAT_VISIBLE;
    KAA_GC_TRACK(o);
    return o;
}

// os.stat_result(sequence): 10 to 19 items, as CPython's structseq_new.
static KaaObject *stat_result_new(KaaTypeObject *t, KaaObject *const *args, size_t nargs,
                                  KaaObject *kwnames)
{
    static const char *const kwlist[] = {"sequence", "dict", NULL};
    KaaObject *a[2];
    if (kaa_unpack_args("structseq", args, nargs, kwnames, kwlist, 1, a) < 0) {
        return NULL;
    }
    KaaObject *seq = KaaSequence_Tuple(a[0]);
    if (seq == NULL) {
        return NULL;
    }
    Kaa_ssize_t n = KaaTuple_GET_SIZE(seq);
    KaaObject *res = NULL;
    if (n < STAT_VISIBLE) {
        KaaErr_Format(KaaExc(TypeError),
                      "os.stat_result() takes an at least %d-sequence (%zd-sequence given)",
                      STAT_VISIBLE, n);
    } else if (n > STAT_FIELDS) {
        KaaErr_Format(KaaExc(TypeError),
                      "os.stat_result() takes an at most %d-sequence (%zd-sequence given)",
                      STAT_FIELDS, n);
    } else {
        res = stat_result_make(((KaaTupleObject *)seq)->ob_item, n);
    }
    Kaa_DECREF(seq);
    return res;
}

static KaaObject *uint_obj(uint64_t v)
{
    if (v <= INT64_MAX) {
        return KaaInt_FromInt64((int64_t)v);
    }
    char buf[32];
    int len = snprintf(buf, sizeof buf, "%" PRIu64, v);
    return KaaInt_FromString(buf, (size_t)len, 10);
}

static KaaObject *stat_result_from(const struct stat *st)
{
    const struct timespec *ts[3] = {&st->st_atim, &st->st_mtim, &st->st_ctim};
    KaaObject *items[STAT_FIELDS] = {
        KaaInt_FromInt64(st->st_mode), uint_obj(st->st_ino),         uint_obj(st->st_dev),
        uint_obj(st->st_nlink),        KaaInt_FromInt64(st->st_uid), KaaInt_FromInt64(st->st_gid),
        KaaInt_FromInt64(st->st_size),
    };
    for (int i = 0; i < 3; i++) {
        items[7 + i] = KaaInt_FromInt64(ts[i]->tv_sec);
        items[10 + i] = KaaFloat_FromDouble((double)ts[i]->tv_sec + (double)ts[i]->tv_nsec * 1e-9);
        items[13 + i] = KaaInt_FromInt64((int64_t)ts[i]->tv_sec * 1000000000 + ts[i]->tv_nsec);
    }
    items[16] = KaaInt_FromInt64(st->st_blksize);
    items[17] = KaaInt_FromInt64(st->st_blocks);
    items[18] = uint_obj(st->st_rdev);
    KaaObject *res = NULL;
    int ok = 1;
    for (int i = 0; i < STAT_FIELDS; i++) {
        ok &= items[i] != NULL;
    }
    if (ok) {
        res = stat_result_make(items, STAT_FIELDS);
    }
    for (int i = 0; i < STAT_FIELDS; i++) {
        Kaa_XDECREF(items[i]);
    }
    return res;
}

// --- Files and directories -------------------------------------------------------------------

static KaaObject *do_stat(const char *fname, KaaObject *const *args, size_t nargs,
                          KaaObject *kwnames, int follow_default)
{
    static const char *const kwlist[] = {"path", "dir_fd", "follow_symlinks", NULL};
    KaaObject *a[3];
    // lstat has no follow_symlinks: cut the list before it.
    static const char *const lkwlist[] = {"path", "dir_fd", NULL};
    if (unpack(fname, args, nargs, kwnames, follow_default ? kwlist : lkwlist, 1, 1, a) < 0) {
        return NULL;
    }
    PathArg p = PATH_ARG(fname, "path", follow_default, 0);
    int dir_fd, follow = follow_default ? bool_arg(a[2], 1) : 0;
    if (follow < 0 || path_convert(a[0], &p) < 0 || dir_fd_arg(a[1], &dir_fd) < 0) {
        path_cleanup(&p);
        return NULL;
    }
    struct stat st;
    int r = p.fd >= 0 || (p.narrow == NULL)
                ? fstat(p.fd, &st)
                : fstatat(dir_fd, p.narrow, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    KaaObject *res = r < 0 ? path_error(&p) : stat_result_from(&st);
    path_cleanup(&p);
    return res;
}

static KaaObject *posix_stat(KaaObject *m, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    return do_stat("stat", args, nargs, kwnames, 1);
}

static KaaObject *posix_lstat(KaaObject *m, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    return do_stat("lstat", args, nargs, kwnames, 0);
}

// getcwd() as str, getcwdb() as bytes.
static KaaObject *cwd(int as_bytes)
{
    for (size_t size = 1024;; size *= 2) {
        char *buf = kaa_mem_alloc(size);
        if (buf == NULL) {
            return KaaErr_NoMemory();
        }
        if (getcwd(buf, size) != NULL) {
            KaaObject *res = as_bytes ? KaaBytes_FromStringAndSize(buf, (Kaa_ssize_t)strlen(buf))
                                      : KaaStr_FromString(buf);
            kaa_mem_free(buf);
            return res;
        }
        int err = errno;
        kaa_mem_free(buf);
        if (err != ERANGE) {
            return raise_oserror(err, NULL, NULL);
        }
    }
}

static KaaObject *posix_getcwd(KaaObject *m, KaaObject *unused)
{
    return cwd(0);
}

static KaaObject *posix_getcwdb(KaaObject *m, KaaObject *unused)
{
    return cwd(1);
}

static KaaObject *posix_chdir(KaaObject *m, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    static const char *const kwlist[] = {"path", NULL};
    KaaObject *a[1];
    PathArg p = PATH_ARG("chdir", "path", 1, 0);
    if (unpack("chdir", args, nargs, kwnames, kwlist, 1, 1, a) < 0 || path_convert(a[0], &p) < 0) {
        path_cleanup(&p);
        return NULL;
    }
    int r = p.narrow ? chdir(p.narrow) : fchdir(p.fd);
    KaaObject *res = r < 0 ? path_error(&p) : kaa_none_ref();
    path_cleanup(&p);
    return res;
}

// Read the entries of an open directory into list (str or bytes names).
// 0, or -1 with errno set (0 for a Python exception).
static int read_entries(DIR *d, int as_bytes, KaaObject *list)
{
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(d);
        if (e == NULL) {
            return errno ? -1 : 0;
        }
        const char *n = e->d_name;
        if (n[0] == '.' && (n[1] == '\0' || (n[1] == '.' && n[2] == '\0'))) {
            continue;
        }
        KaaObject *name =
            as_bytes ? KaaBytes_FromStringAndSize(n, (Kaa_ssize_t)strlen(n)) : KaaStr_FromString(n);
        int bad = name == NULL || KaaList_Append(list, name) < 0;
        Kaa_XDECREF(name);
        if (bad) {
            errno = 0;
            return -1;
        }
    }
}

static KaaObject *posix_listdir(KaaObject *m, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    static const char *const kwlist[] = {"path", NULL};
    KaaObject *a[1];
    PathArg p = PATH_ARG("listdir", "path", 1, 1);
    if (unpack("listdir", args, nargs, kwnames, kwlist, 1, 0, a) < 0 ||
        path_convert(a[0], &p) < 0) {
        path_cleanup(&p);
        return NULL;
    }
    DIR *d;
    if (p.narrow) {
        d = opendir(p.narrow);
    } else {
        // A descriptor: read through a duplicate, so closedir leaves it open.
        int fd = dup(p.fd);
        d = fd < 0 ? NULL : fdopendir(fd);
        if (d == NULL && fd >= 0) {
            int err = errno;
            close(fd);
            errno = err;
        }
        if (d) {
            rewinddir(d);
        }
    }
    if (d == NULL) {
        KaaObject *res = raise_oserror(errno, p.narrow ? p.object : NULL, NULL);
        path_cleanup(&p);
        return res;
    }
    KaaObject *list = KaaList_New(0);
    int r = list ? read_entries(d, p.is_bytes, list) : -1;
    int err = list ? errno : 0;
    closedir(d);
    if (r < 0) {
        Kaa_CLEAR(list);
        if (err) {
            raise_oserror(err, p.object, NULL);
        }
    }
    path_cleanup(&p);
    return list;
}

static KaaObject *posix_mkdir(KaaObject *m, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    static const char *const kwlist[] = {"path", "mode", "dir_fd", NULL};
    KaaObject *a[3];
    PathArg p = PATH_ARG("mkdir", "path", 0, 0);
    int mode = 0777, dir_fd;
    if (unpack("mkdir", args, nargs, kwnames, kwlist, 2, 1, a) < 0 || path_convert(a[0], &p) < 0 ||
        (a[1] && int_arg(a[1], &mode) < 0) || dir_fd_arg(a[2], &dir_fd) < 0) {
        path_cleanup(&p);
        return NULL;
    }
    KaaObject *res = mkdirat(dir_fd, p.narrow, (mode_t)mode) < 0 ? path_error(&p) : kaa_none_ref();
    path_cleanup(&p);
    return res;
}

// rmdir, remove and unlink: unlinkat with flags.
static KaaObject *do_unlink(const char *fname, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames, int flags)
{
    static const char *const kwlist[] = {"path", "dir_fd", NULL};
    KaaObject *a[2];
    PathArg p = PATH_ARG(fname, "path", 0, 0);
    int dir_fd;
    if (unpack(fname, args, nargs, kwnames, kwlist, 1, 1, a) < 0 || path_convert(a[0], &p) < 0 ||
        dir_fd_arg(a[1], &dir_fd) < 0) {
        path_cleanup(&p);
        return NULL;
    }
    KaaObject *res = unlinkat(dir_fd, p.narrow, flags) < 0 ? path_error(&p) : kaa_none_ref();
    path_cleanup(&p);
    return res;
}

static KaaObject *posix_rmdir(KaaObject *m, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    return do_unlink("rmdir", args, nargs, kwnames, AT_REMOVEDIR);
}

static KaaObject *posix_remove(KaaObject *m, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    return do_unlink("remove", args, nargs, kwnames, 0);
}

static KaaObject *posix_unlink(KaaObject *m, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    return do_unlink("unlink", args, nargs, kwnames, 0);
}

// rename and replace: both are rename(2), which replaces an existing target.
static KaaObject *do_rename(const char *fname, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    static const char *const kwlist[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", NULL};
    KaaObject *a[4];
    PathArg src = PATH_ARG(fname, "src", 0, 0), dst = PATH_ARG(fname, "dst", 0, 0);
    int src_fd, dst_fd;
    KaaObject *res = NULL;
    if (unpack(fname, args, nargs, kwnames, kwlist, 2, 2, a) < 0 || path_convert(a[0], &src) < 0 ||
        path_convert(a[1], &dst) < 0 || dir_fd_arg(a[2], &src_fd) < 0 ||
        dir_fd_arg(a[3], &dst_fd) < 0) {
        goto done;
    }
    res = renameat(src_fd, src.narrow, dst_fd, dst.narrow) < 0 ? path_error2(&src, &dst)
                                                               : kaa_none_ref();
done:
    path_cleanup(&src);
    path_cleanup(&dst);
    return res;
}

static KaaObject *posix_rename(KaaObject *m, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    return do_rename("rename", args, nargs, kwnames);
}

static KaaObject *posix_replace(KaaObject *m, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    return do_rename("replace", args, nargs, kwnames);
}

static KaaObject *posix_access(KaaObject *m, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    static const char *const kwlist[] = {
        "path", "mode", "dir_fd", "effective_ids", "follow_symlinks", NULL};
    KaaObject *a[5];
    PathArg p = PATH_ARG("access", "path", 0, 0);
    int mode, dir_fd, eff, follow;
    if (unpack("access", args, nargs, kwnames, kwlist, 2, 2, a) < 0 || path_convert(a[0], &p) < 0 ||
        int_arg(a[1], &mode) < 0 || dir_fd_arg(a[2], &dir_fd) < 0 ||
        (eff = bool_arg(a[3], 0)) < 0 || (follow = bool_arg(a[4], 1)) < 0) {
        path_cleanup(&p);
        return NULL;
    }
    int flags = (eff ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
    int r = faccessat(dir_fd, p.narrow, mode, flags);
    path_cleanup(&p);
    return KaaBool_FromLong(r == 0);
}

static KaaObject *posix_chmod(KaaObject *m, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    static const char *const kwlist[] = {"path", "mode", "dir_fd", "follow_symlinks", NULL};
    KaaObject *a[4];
    PathArg p = PATH_ARG("chmod", "path", 1, 0);
    int mode, dir_fd, follow;
    if (unpack("chmod", args, nargs, kwnames, kwlist, 2, 2, a) < 0 || path_convert(a[0], &p) < 0 ||
        int_arg(a[1], &mode) < 0 || dir_fd_arg(a[2], &dir_fd) < 0 ||
        (follow = bool_arg(a[3], 1)) < 0) {
        path_cleanup(&p);
        return NULL;
    }
    int r = p.narrow ? fchmodat(dir_fd, p.narrow, (mode_t)mode, follow ? 0 : AT_SYMLINK_NOFOLLOW)
                     : fchmod(p.fd, (mode_t)mode);
    KaaObject *res = r < 0 ? path_error(&p) : kaa_none_ref();
    path_cleanup(&p);
    return res;
}

static KaaObject *posix_readlink(KaaObject *m, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames)
{
    static const char *const kwlist[] = {"path", "dir_fd", NULL};
    KaaObject *a[2];
    PathArg p = PATH_ARG("readlink", "path", 0, 0);
    int dir_fd;
    if (unpack("readlink", args, nargs, kwnames, kwlist, 1, 1, a) < 0 ||
        path_convert(a[0], &p) < 0 || dir_fd_arg(a[1], &dir_fd) < 0) {
        path_cleanup(&p);
        return NULL;
    }
    KaaObject *res = NULL;
    for (size_t size = 256;; size *= 2) {
        char *buf = kaa_mem_alloc(size);
        if (buf == NULL) {
            res = KaaErr_NoMemory();
            break;
        }
        ssize_t n = readlinkat(dir_fd, p.narrow, buf, size);
        if (n < 0) {
            int err = errno;
            kaa_mem_free(buf);
            res = raise_oserror(err, p.object, NULL);
            break;
        }
        if ((size_t)n < size) {
            res =
                p.is_bytes ? KaaBytes_FromStringAndSize(buf, n) : KaaStr_FromStringAndSize(buf, n);
            kaa_mem_free(buf);
            break;
        }
        kaa_mem_free(buf); // possibly truncated: try a bigger buffer
    }
    path_cleanup(&p);
    return res;
}

static KaaObject *posix_symlink(KaaObject *m, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    static const char *const kwlist[] = {"src", "dst", "target_is_directory", "dir_fd", NULL};
    KaaObject *a[4];
    PathArg src = PATH_ARG("symlink", "src", 0, 0), dst = PATH_ARG("symlink", "dst", 0, 0);
    int dir_fd;
    KaaObject *res = NULL;
    if (unpack("symlink", args, nargs, kwnames, kwlist, 3, 2, a) < 0 ||
        path_convert(a[0], &src) < 0 || path_convert(a[1], &dst) < 0 ||
        dir_fd_arg(a[3], &dir_fd) < 0) {
        goto done;
    }
    res = symlinkat(src.narrow, dir_fd, dst.narrow) < 0 ? path_error2(&src, &dst) : kaa_none_ref();
done:
    path_cleanup(&src);
    path_cleanup(&dst);
    return res;
}

static KaaObject *posix_fspath(KaaObject *m, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    static const char *const kwlist[] = {"path", NULL};
    KaaObject *a[1];
    if (unpack("fspath", args, nargs, kwnames, kwlist, 1, 1, a) < 0) {
        return NULL;
    }
    int found;
    KaaObject *res = fspath_or_null(a[0], &found);
    if (!found) {
        return KaaErr_Format(KaaExc(TypeError), "expected str, bytes or os.PathLike object, not %s",
                             short_type_name(a[0]));
    }
    return res;
}

// --- Process and system ----------------------------------------------------------------------

static KaaObject *posix_getpid(KaaObject *m, KaaObject *unused)
{
    return KaaInt_FromInt64(getpid());
}

static KaaObject *posix_getppid(KaaObject *m, KaaObject *unused)
{
    return KaaInt_FromInt64(getppid());
}

static KaaObject *posix_getuid(KaaObject *m, KaaObject *unused)
{
    return KaaInt_FromInt64(getuid());
}

static KaaObject *posix_getgid(KaaObject *m, KaaObject *unused)
{
    return KaaInt_FromInt64(getgid());
}

static KaaObject *posix_umask(KaaObject *m, KaaObject *arg)
{
    int mask;
    if (int_arg(arg, &mask) < 0) {
        return NULL;
    }
    return KaaInt_FromInt64(umask((mode_t)mask));
}

static KaaObject *posix_exit(KaaObject *m, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    static const char *const kwlist[] = {"status", NULL};
    KaaObject *a[1];
    int status;
    if (unpack("_exit", args, nargs, kwnames, kwlist, 1, 1, a) < 0 || int_arg(a[0], &status) < 0) {
        return NULL;
    }
    _exit(status);
}

static KaaObject *posix_cpu_count(KaaObject *m, KaaObject *unused)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1) {
        Kaa_RETURN_NONE;
    }
    return KaaInt_FromInt64(n);
}

static KaaObject *posix_urandom(KaaObject *m, KaaObject *arg)
{
    if (KaaFloat_Check(arg)) {
        return KaaErr_Format(KaaExc(TypeError),
                             "'float' object cannot be interpreted as an integer");
    }
    KaaObject *index = KaaNumber_Index(arg);
    if (index == NULL) {
        return NULL;
    }
    Kaa_ssize_t n = KaaInt_AsSsize_t(index);
    Kaa_DECREF(index);
    if (n == -1 && KaaErr_Occurred()) {
        KaaErr_Clear();
        return KaaErr_Format(KaaExc(OverflowError), "Python int too large to convert to C ssize_t");
    }
    if (n < 0) {
        return KaaErr_Format(KaaExc(ValueError), "negative argument not allowed");
    }
    KaaObject *b = KaaBytes_FromStringAndSize(NULL, n);
    if (b == NULL) {
        return NULL;
    }
    char *p = KaaBytes_AS_STRING(b);
    for (Kaa_ssize_t done = 0; done < n;) {
        ssize_t r = getrandom(p + done, (size_t)(n - done), 0);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            Kaa_DECREF(b);
            return raise_oserror(errno, NULL, NULL);
        }
        done += r;
    }
    return b;
}

static KaaObject *posix_strerror(KaaObject *m, KaaObject *arg)
{
    int code;
    if (int_arg(arg, &code) < 0) {
        return NULL;
    }
    return KaaStr_FromString(strerror(code));
}

// posix._pw_dir(name): the home directory of user `name` (None: of this
// process's user) from the password database, or None. Private to
// posixpath.expanduser, which CPython serves with its pwd module.
static KaaObject *posix_pw_dir(KaaObject *m, KaaObject *arg)
{
    if (arg != Kaa_None && !KaaStr_Check(arg)) {
        return KaaErr_Format(KaaExc(TypeError), "_pw_dir() argument must be str or None, not %s",
                             short_type_name(arg));
    }
    if (arg != Kaa_None && strlen(KaaStr_DATA(arg)) != (size_t)KaaStr_NBYTES(arg)) {
        Kaa_RETURN_NONE;
    }
    long size = sysconf(_SC_GETPW_R_SIZE_MAX);
    size_t buflen = size > 0 ? (size_t)size : 16384;
    char *buf = kaa_mem_alloc(buflen);
    if (buf == NULL) {
        return KaaErr_NoMemory();
    }
    struct passwd pw, *found = NULL;
    if (arg == Kaa_None) {
        getpwuid_r(getuid(), &pw, buf, buflen, &found);
    } else {
        getpwnam_r(KaaStr_DATA(arg), &pw, buf, buflen, &found);
    }
    KaaObject *res = found && found->pw_dir ? KaaStr_FromString(found->pw_dir) : kaa_none_ref();
    kaa_mem_free(buf);
    return res;
}

// --- The environment -------------------------------------------------------------------------

// An environment name or value as a NUL-terminated string (str or bytes).
// Borrowed pointer into o; NULL with an exception.
static const char *env_text(KaaObject *o, int is_name)
{
    const char *s;
    size_t n;
    if (KaaStr_Check(o)) {
        s = KaaStr_DATA(o);
        n = (size_t)KaaStr_NBYTES(o);
    } else if (KaaBytes_Check(o)) {
        s = KaaBytes_AS_STRING(o);
        n = (size_t)KaaBytes_GET_SIZE(o);
    } else {
        KaaErr_Format(KaaExc(TypeError), "expected str, bytes or os.PathLike object, not %s",
                      short_type_name(o));
        return NULL;
    }
    if (strlen(s) != n) {
        KaaErr_SetString(KaaExc(ValueError), "embedded null byte");
        return NULL;
    }
    if (is_name && strchr(s, '=') != NULL) {
        KaaErr_SetString(KaaExc(ValueError), "illegal environment variable name");
        return NULL;
    }
    return s;
}

static KaaObject *posix_putenv(KaaObject *m, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    if (no_kwargs("putenv", kwnames) < 0 || check_positional("putenv", nargs, 2, 2) < 0) {
        return NULL;
    }
    const char *name = env_text(args[0], 1);
    const char *value = name ? env_text(args[1], 0) : NULL;
    if (value == NULL) {
        return NULL;
    }
    if (setenv(name, value, 1) < 0) {
        return raise_oserror(errno, NULL, NULL);
    }
    Kaa_RETURN_NONE;
}

static KaaObject *posix_unsetenv(KaaObject *m, KaaObject *arg)
{
    const char *name = env_text(arg, 0);
    if (name == NULL) {
        return NULL;
    }
    if (unsetenv(name) < 0) { // EINVAL for "" and names with '='
        return raise_oserror(errno, NULL, NULL);
    }
    Kaa_RETURN_NONE;
}

// posix.environ: the environment at start-up as a dict of str (CPython's
// holds bytes; lib/os.py wraps this one). Entries that are not UTF-8 are
// left out.
static KaaObject *environ_dict(void)
{
    KaaObject *d = KaaDict_New();
    for (char **e = environ; d && e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL) {
            continue;
        }
        KaaObject *k = KaaStr_FromStringAndSize(*e, eq - *e);
        KaaObject *v = k ? KaaStr_FromString(eq + 1) : NULL;
        if (v == NULL) {
            Kaa_XDECREF(k);
            if (!KaaErr_ExceptionMatches(KaaExc(UnicodeDecodeError))) {
                Kaa_CLEAR(d);
                break;
            }
            KaaErr_Clear();
            continue;
        }
        // The first of duplicate names wins, as getenv() sees it.
        KaaObject *old = KaaDict_SetDefault(d, k, v);
        if (old == NULL) {
            Kaa_CLEAR(d);
        }
        Kaa_DECREF(k);
        Kaa_DECREF(v);
    }
    return d;
}

// --- The module ------------------------------------------------------------------------------

static KaaMethodDef posix_methods[] = {
    {"stat", posix_stat, KAA_METH_FASTCALL, NULL},
    {"lstat", posix_lstat, KAA_METH_FASTCALL, NULL},
    {"getcwd", posix_getcwd, KAA_METH_NOARGS, NULL},
    {"getcwdb", posix_getcwdb, KAA_METH_NOARGS, NULL},
    {"chdir", posix_chdir, KAA_METH_FASTCALL, NULL},
    {"listdir", posix_listdir, KAA_METH_FASTCALL, NULL},
    {"mkdir", posix_mkdir, KAA_METH_FASTCALL, NULL},
    {"rmdir", posix_rmdir, KAA_METH_FASTCALL, NULL},
    {"remove", posix_remove, KAA_METH_FASTCALL, NULL},
    {"unlink", posix_unlink, KAA_METH_FASTCALL, NULL},
    {"rename", posix_rename, KAA_METH_FASTCALL, NULL},
    {"replace", posix_replace, KAA_METH_FASTCALL, NULL},
    {"access", posix_access, KAA_METH_FASTCALL, NULL},
    {"chmod", posix_chmod, KAA_METH_FASTCALL, NULL},
    {"readlink", posix_readlink, KAA_METH_FASTCALL, NULL},
    {"symlink", posix_symlink, KAA_METH_FASTCALL, NULL},
    {"fspath", posix_fspath, KAA_METH_FASTCALL, NULL},
    {"getpid", posix_getpid, KAA_METH_NOARGS, NULL},
    {"getppid", posix_getppid, KAA_METH_NOARGS, NULL},
    {"getuid", posix_getuid, KAA_METH_NOARGS, NULL},
    {"getgid", posix_getgid, KAA_METH_NOARGS, NULL},
    {"umask", posix_umask, KAA_METH_O, NULL},
    {"_exit", posix_exit, KAA_METH_FASTCALL, NULL},
    {"cpu_count", posix_cpu_count, KAA_METH_NOARGS, NULL},
    {"urandom", posix_urandom, KAA_METH_O, NULL},
    {"strerror", posix_strerror, KAA_METH_O, NULL},
    {"putenv", posix_putenv, KAA_METH_FASTCALL, NULL},
    {"unsetenv", posix_unsetenv, KAA_METH_O, NULL},
    {"_pw_dir", posix_pw_dir, KAA_METH_O, NULL},
    {NULL},
};

static int add_int(KaaObject *m, const char *name, int64_t v)
{
    KaaObject *o = KaaInt_FromInt64(v);
    int r = o ? KaaModule_AddObjectRef(m, name, o) : -1;
    Kaa_XDECREF(o);
    return r;
}

// stat_result's class attributes (n_fields...), once the type is ready.
static int ready_stat_result(void)
{
    if (StatResult_Type.tp_flags & KAA_TPFLAGS_READY) {
        return 0;
    }
    if (KaaType_Ready(&StatResult_Type) < 0) {
        return -1;
    }
    const struct {
        const char *name;
        int value;
    } counts[] = {
        {"n_sequence_fields", STAT_VISIBLE}, {"n_fields", STAT_FIELDS}, {"n_unnamed_fields", 3}};
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        KaaObject *v = KaaInt_FromInt64(counts[i].value);
        int bad =
            v == NULL || KaaDict_SetItemString(StatResult_Type.tp_dict, counts[i].name, v) < 0;
        Kaa_XDECREF(v);
        if (bad) {
            return -1;
        }
    }
    return 0;
}

KaaObject *kaa_init_posix(void)
{
    KaaObject *m = KaaModule_New("posix");
    if (m == NULL || KaaModule_AddFunctions(m, posix_methods) < 0 || ready_stat_result() < 0 ||
        KaaModule_AddObjectRef(m, "stat_result", (KaaObject *)&StatResult_Type) < 0 ||
        add_int(m, "F_OK", F_OK) < 0 || add_int(m, "R_OK", R_OK) < 0 ||
        add_int(m, "W_OK", W_OK) < 0 || add_int(m, "X_OK", X_OK) < 0) {
        Kaa_XDECREF(m);
        return NULL;
    }
    KaaObject *env = environ_dict();
    if (env == NULL || KaaModule_AddObjectRef(m, "environ", env) < 0) {
        Kaa_XDECREF(env);
        Kaa_DECREF(m);
        return NULL;
    }
    Kaa_DECREF(env);
    return m;
}
