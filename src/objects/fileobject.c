/* File objects: a small model of CPython's io stack in one type. open()
 * returns a text file (io.TextIOWrapper's behaviour and repr) over a C FILE*:
 * UTF-8 only, positions are byte offsets (CPython's tell() cookie for a
 * stateless UTF-8 decoder), and the newline= rules of TextIOWrapper. The
 * same type wraps the C standard streams as sys.stdin/stdout/stderr, so
 * print() and sys.stdout.write() share stdout's buffer and keep their order.
 * Binary modes need bytes, which kaa does not have yet: open() refuses them.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "objects/fileobject.h"
#include "util/strbuf.h"
#include "vm/vm.h"

// newline= modes. NL_UNIVERSAL (None) ends lines at \n, \r\n or \r and reads
// them all as \n; NL_ANY ('') ends lines the same way without translating;
// the others end lines only at that string and translate \n to it on write.
enum { NL_UNIVERSAL, NL_ANY, NL_LF, NL_CR, NL_CRLF };
enum { OP_NONE, OP_READ, OP_WRITE };

typedef struct KaaFileObject {
    KaaObject_HEAD FILE *fp; // NULL once closed
    KaaObject *name;         // str, or int for a file descriptor
    KaaObject *mode;         // str, as given to open()
    KaaObject *encoding;     // str
    KaaObject *errors;       // str
    int readable, writable;
    int newline; // NL_*
    int closefd; // close() closes the FILE*
    int last_op; // OP_*: C streams need a flush or seek between the two
} KaaFileObject;

#define FILE_(o) ((KaaFileObject *)(o))

int kaa_unpack_args(const char *fname, KaaObject *const *args, size_t nargs, KaaObject *kwnames,
                    const char *const *kwlist, int nrequired, KaaObject **out);

// --- Errors --------------------------------------------------------------------------------

// io.UnsupportedOperation inherits from both OSError and ValueError. Static
// types get a single-base MRO from KaaType_Ready, so the second base is
// patched in after readying (CPython builds this class with type() instead).
static KaaTypeObject UnsupportedOperation_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "io.UnsupportedOperation",
    .tp_basicsize = sizeof(KaaBaseExceptionObject),
    .tp_flags = KAA_TPFLAGS_BASETYPE | KAA_TPFLAGS_HAVE_GC | KAA_TPFLAGS_BASE_EXC_SUBCLASS,
    .tp_base = &KaaExc_OSError_Type,
};

static int ready_unsupported(void)
{
    KaaTypeObject *t = &UnsupportedOperation_Type;
    if (t->tp_flags & KAA_TPFLAGS_READY) {
        return 0;
    }
    if (KaaType_Ready(t) < 0) {
        return -1;
    }
    KaaObject *bases = KaaTuple_Pack(2, KaaExc(OSError), KaaExc(ValueError));
    KaaObject *mro =
        KaaTuple_Pack(6, (KaaObject *)t, KaaExc(OSError), KaaExc(ValueError), KaaExc(Exception),
                      KaaExc(BaseException), (KaaObject *)&KaaBaseObject_Type);
    if (bases == NULL || mro == NULL) {
        Kaa_XDECREF(bases);
        Kaa_XDECREF(mro);
        return -1;
    }
    Kaa_SETREF(t->tp_bases, bases);
    Kaa_SETREF(t->tp_mro, mro);
    return 0;
}

static KaaObject *unsupported(const char *msg)
{
    if (ready_unsupported() < 0) {
        return NULL;
    }
    KaaErr_SetString((KaaObject *)&UnsupportedOperation_Type, msg);
    return NULL;
}

static KaaObject *err_closed(void)
{
    KaaErr_SetString(KaaExc(ValueError), "I/O operation on closed file.");
    return NULL;
}

// Raise the OSError subclass for errno err, CPython's way: the message
// "[Errno 2] No such file or directory: 'x'" plus errno, strerror and
// filename attributes. (kaa's OSError has no errno-aware __str__, so the
// message is the single argument: e.args differs from CPython's.)
static KaaObject *raise_errno(int err, KaaObject *filename)
{
    KaaObject *type = err == ENOENT                   ? KaaExc(FileNotFoundError)
                      : err == EEXIST                 ? KaaExc(FileExistsError)
                      : err == EACCES || err == EPERM ? KaaExc(PermissionError)
                      : err == EISDIR                 ? KaaExc(IsADirectoryError)
                                                      : KaaExc(OSError);
    KaaObject *msg = filename ? KaaStr_FromFormat("[Errno %d] %s: %R", err, strerror(err), filename)
                              : KaaStr_FromFormat("[Errno %d] %s", err, strerror(err));
    if (msg == NULL) {
        return NULL;
    }
    KaaObject *exc = KaaObject_CallOneArg(type, msg);
    Kaa_DECREF(msg);
    if (exc == NULL) {
        return NULL;
    }
    KaaObject *no = KaaInt_FromInt64(err);
    KaaObject *text = KaaStr_FromString(strerror(err));
    int bad = no == NULL || text == NULL || KaaObject_SetAttrString(exc, "errno", no) < 0 ||
              KaaObject_SetAttrString(exc, "strerror", text) < 0 ||
              KaaObject_SetAttrString(exc, "filename", filename ? filename : Kaa_None) < 0;
    Kaa_XDECREF(no);
    Kaa_XDECREF(text);
    if (bad) {
        Kaa_DECREF(exc);
        return NULL;
    }
    KaaErr_SetObject(type, exc);
    Kaa_DECREF(exc);
    return NULL;
}

// An I/O error on the stream: raise it and reset the stream's error flag.
static KaaObject *stream_error(KaaFileObject *f)
{
    int err = errno ? errno : EIO;
    clearerr(f->fp);
    if (err == EINTR && kaa_sigint_pending) {
        // Ctrl-C while blocked reading a terminal or pipe.
        kaa_sigint_pending = 0;
        KaaErr_SetNone(KaaExc(KeyboardInterrupt));
        return NULL;
    }
    return raise_errno(err, NULL);
}

// --- Creating --------------------------------------------------------------------------------

static KaaFileObject *file_alloc(FILE *fp, KaaObject *name, const char *mode, const char *encoding)
{
    if (kaa_container_ready(&KaaFile_Type) < 0) {
        return NULL;
    }
    KaaFileObject *f = (KaaFileObject *)KaaType_GenericAlloc(&KaaFile_Type, 0);
    if (f == NULL) {
        return NULL;
    }
    f->fp = fp;
    f->name = Kaa_NewRef(name);
    f->mode = KaaStr_FromString(mode);
    f->encoding = KaaStr_FromString(encoding);
    f->errors = KaaStr_FromString("strict");
    f->closefd = 1;
    if (f->mode == NULL || f->encoding == NULL || f->errors == NULL) {
        f->fp = NULL;
        Kaa_DECREF(f);
        return NULL;
    }
    return f;
}

KaaObject *kaa_file_from_std(FILE *fp, const char *name, const char *mode)
{
    KaaObject *n = KaaStr_FromString(name);
    if (n == NULL) {
        return NULL;
    }
    KaaFileObject *f = file_alloc(fp, n, mode, "utf-8");
    Kaa_DECREF(n);
    if (f == NULL) {
        return NULL;
    }
    f->readable = mode[0] == 'r';
    f->writable = !f->readable;
    f->closefd = 0;
    return (KaaObject *)f;
}

typedef struct OpenMode {
    int creating, reading, writing, appending, updating, text, binary;
} OpenMode;

// Decode open()'s mode string with CPython's checks and messages. 0 or -1.
static int parse_mode(KaaObject *mode, OpenMode *m)
{
    const char *s = KaaStr_DATA(mode);
    memset(m, 0, sizeof *m);
    for (const char *p = s; *p; p++) {
        int *flag = *p == 'x'   ? &m->creating
                    : *p == 'r' ? &m->reading
                    : *p == 'w' ? &m->writing
                    : *p == 'a' ? &m->appending
                    : *p == '+' ? &m->updating
                    : *p == 't' ? &m->text
                    : *p == 'b' ? &m->binary
                                : NULL;
        if (flag == NULL || strchr(p + 1, *p)) {
            KaaErr_Format(KaaExc(ValueError), "invalid mode: '%s'", s);
            return -1;
        }
        *flag = 1;
    }
    if (m->text && m->binary) {
        KaaErr_SetString(KaaExc(ValueError), "can't have text and binary mode at once");
        return -1;
    }
    int kinds = m->creating + m->reading + m->writing + m->appending;
    if (kinds > 1) {
        KaaErr_SetString(KaaExc(ValueError),
                         "must have exactly one of create/read/write/append mode");
        return -1;
    }
    if (m->binary) {
        KaaErr_SetString(KaaExc(ValueError), "kaa does not support binary files yet");
        return -1;
    }
    if (kinds == 0) {
        KaaErr_SetString(KaaExc(ValueError), "Must have exactly one of create/read/write/append "
                                             "mode and at most one plus");
        return -1;
    }
    return 0;
}

// The encoding's name as the file reports it, or NULL with an exception for
// anything but UTF-8 (with LookupError for names Python does not know).
static const char *check_encoding(KaaObject *encoding)
{
    if (encoding == NULL || encoding == Kaa_None) {
        return "UTF-8"; // the locale's encoding on a UTF-8 system
    }
    char norm[32];
    const char *s = KaaStr_DATA(encoding);
    size_t n = 0;
    for (; s[n] && n < sizeof norm - 1; n++) {
        char c = s[n];
        norm[n] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    norm[n] = '\0';
    static const char *const utf8[] = {"utf-8", "utf8", "u8", "utf", "cp65001", "locale", NULL};
    for (int i = 0; utf8[i]; i++) {
        if (strcmp(norm, utf8[i]) == 0) {
            return strcmp(norm, "locale") == 0 ? "UTF-8" : s;
        }
    }
    static const char *const known[] = {"ascii",  "us-ascii", "latin-1", "latin1",    "iso-8859-1",
                                        "cp1252", "utf-16",   "utf-32",  "utf-8-sig", NULL};
    for (int i = 0; known[i]; i++) {
        if (strcmp(norm, known[i]) == 0) {
            KaaErr_Format(KaaExc(ValueError), "kaa supports only UTF-8 text files, not '%s'", s);
            return NULL;
        }
    }
    KaaErr_Format(KaaExc(LookupError), "unknown encoding: %s", s);
    return NULL;
}

static int parse_newline(KaaObject *nl, int *out)
{
    if (nl == NULL || nl == Kaa_None) {
        *out = NL_UNIVERSAL;
        return 0;
    }
    const char *s = KaaStr_DATA(nl);
    if (KaaStr_NBYTES(nl) == (Kaa_ssize_t)strlen(s)) {
        *out = strcmp(s, "") == 0       ? NL_ANY
               : strcmp(s, "\n") == 0   ? NL_LF
               : strcmp(s, "\r") == 0   ? NL_CR
               : strcmp(s, "\r\n") == 0 ? NL_CRLF
                                        : -1;
        if (*out >= 0) {
            return 0;
        }
    }
    KaaErr_Format(KaaExc(ValueError), "illegal newline value: %U", nl);
    return -1;
}

// "open() argument 'mode' must be str, not int" (or "str or None").
static int check_str_arg(KaaObject *o, const char *name, int none_ok)
{
    if (o == NULL || KaaStr_Check(o) || (none_ok && o == Kaa_None)) {
        return 0;
    }
    KaaErr_Format(KaaExc(TypeError), "open() argument '%s' must be str%s, not %s", name,
                  none_ok ? " or None" : "", kaa_arg_type_name(o));
    return -1;
}

// Open path (or adopt descriptor fd >= 0) as the OS sees it; NULL with errno.
static FILE *open_stream(const char *path, int fd, const OpenMode *m)
{
    int flags = m->updating ? O_RDWR : m->reading ? O_RDONLY : O_WRONLY;
    if (m->writing) {
        flags |= O_CREAT | O_TRUNC;
    } else if (m->appending) {
        flags |= O_CREAT | O_APPEND;
    } else if (m->creating) {
        flags |= O_CREAT | O_EXCL;
    }
    int owned = fd < 0;
    if (owned) {
        fd = open(path, flags | O_CLOEXEC, 0666);
        if (fd < 0) {
            return NULL;
        }
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (owned) {
            close(fd);
        }
        errno = EISDIR;
        return NULL;
    }
    const char *cmode = m->appending ? (m->updating ? "a+" : "a")
                        : m->reading ? (m->updating ? "r+" : "r")
                                     : (m->updating ? "r+" : "w"); // w and x: already truncated
    FILE *fp = fdopen(fd, cmode);
    if (fp == NULL) {
        int err = errno;
        if (owned) {
            close(fd);
        }
        errno = err;
        return NULL;
    }
    if (m->appending) {
        fseek(fp, 0, SEEK_END); // CPython's append mode starts at the end
    }
    return fp;
}

KaaObject *kaa_builtin_open(KaaObject *self, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    static const char *const kwlist[] = {"file",    "mode",    "buffering", "encoding", "errors",
                                         "newline", "closefd", "opener",    NULL};
    KaaObject *a[8];
    if (kaa_unpack_args("open", args, nargs, kwnames, kwlist, 1, a) < 0) {
        return NULL;
    }
    KaaObject *file = a[0];
    if (!KaaStr_Check(file) && !KaaInt_Check(file)) {
        return KaaErr_Format(KaaExc(TypeError), "expected str, bytes or os.PathLike object, not %s",
                             Kaa_TYPE(file)->tp_name);
    }
    if (check_str_arg(a[1], "mode", 0) < 0 || check_str_arg(a[3], "encoding", 1) < 0 ||
        check_str_arg(a[4], "errors", 1) < 0 || check_str_arg(a[5], "newline", 1) < 0) {
        return NULL;
    }
    if (a[7] && a[7] != Kaa_None) {
        return KaaErr_Format(KaaExc(NotImplementedError), "kaa's open() does not support opener=");
    }
    KaaObject *modeobj = a[1];
    OpenMode m;
    int newline;
    if (modeobj == NULL) {
        memset(&m, 0, sizeof m);
        m.reading = 1;
    } else if (parse_mode(modeobj, &m) < 0) {
        return NULL;
    }
    int closefd = 1;
    if (a[6] && (closefd = KaaObject_IsTrue(a[6])) < 0) {
        return NULL;
    }
    if (parse_newline(a[5], &newline) < 0) {
        return NULL;
    }
    int fd = -1;
    if (KaaInt_Check(file)) {
        int64_t v = KaaInt_AsInt64(file);
        if (v == -1 && KaaErr_Occurred()) {
            return NULL;
        }
        if (v < 0 || v > 0x7fffffff) {
            return KaaErr_Format(KaaExc(ValueError), "negative file descriptor");
        }
        fd = (int)v;
    } else {
        if ((Kaa_ssize_t)strlen(KaaStr_DATA(file)) != KaaStr_NBYTES(file)) {
            return KaaErr_Format(KaaExc(ValueError), "embedded null byte");
        }
        if (!closefd) {
            return KaaErr_Format(KaaExc(ValueError), "Cannot use closefd=False with file name");
        }
    }
    const char *encoding = check_encoding(a[3]);
    if (encoding == NULL) {
        return NULL;
    }
    errno = 0;
    FILE *fp = open_stream(KaaStr_DATA(file), fd, &m);
    if (fp == NULL) {
        return raise_errno(errno ? errno : EIO, KaaStr_Check(file) ? file : NULL);
    }
    KaaFileObject *f = file_alloc(fp, file, modeobj ? KaaStr_DATA(modeobj) : "r", encoding);
    if (f == NULL) {
        fclose(fp);
        return NULL;
    }
    f->readable = m.reading || m.updating;
    f->writable = !m.reading || m.updating;
    f->newline = newline;
    f->closefd = closefd;
    if (a[4] && a[4] != Kaa_None) {
        Kaa_SETREF(f->errors, Kaa_NewRef(a[4]));
    }
    return (KaaObject *)f;
}

// --- Reading --------------------------------------------------------------------------------

// Make the stream ready for op (ISO C wants a flush or seek between writing
// and reading the same stream).
static void switch_op(KaaFileObject *f, int op)
{
    if (f->last_op == OP_WRITE && op == OP_READ) {
        fflush(f->fp);
    } else if (f->last_op == OP_READ && op == OP_WRITE) {
        fseek(f->fp, 0, SEEK_CUR);
    }
    f->last_op = op;
}

// Common checks of the reading methods. 0, or -1 with an exception.
static int check_readable(KaaFileObject *f)
{
    if (f->fp == NULL) {
        err_closed();
        return -1;
    }
    if (!f->readable) {
        unsupported("not readable");
        return -1;
    }
    switch_op(f, OP_READ);
    clearerr(f->fp); // so a tty can be read again after an end of file
    return 0;
}

// Read up to limit characters (limit < 0: no limit) into b, through the end of
// the first line when `line`, applying the newline mode. 0, or -1 on an I/O error.
static int read_text(KaaFileObject *f, KaaStrBuf *b, Kaa_ssize_t limit, int line)
{
    FILE *fp = f->fp;
    Kaa_ssize_t nchars = 0;
    for (;;) {
        int c = getc(fp);
        if (c == EOF) {
            break;
        }
        if ((c & 0xC0) != 0x80) { // the first byte of a character
            if (limit >= 0 && nchars == limit) {
                ungetc(c, fp);
                break;
            }
            nchars++;
        }
        if (c == '\r' &&
            (f->newline == NL_UNIVERSAL || f->newline == NL_ANY || f->newline == NL_CRLF)) {
            int d = getc(fp);
            if (d == '\n' && f->newline != NL_UNIVERSAL) {
                kaa_strbuf_add(b, "\r\n", 2);
                nchars++;
            } else {
                if (d != '\n' && d != EOF) {
                    ungetc(d, fp);
                }
                if (f->newline == NL_CRLF) {
                    kaa_strbuf_addc(b, '\r');
                    continue;
                }
                kaa_strbuf_addc(b, f->newline == NL_UNIVERSAL ? '\n' : '\r');
            }
            if (line) {
                break;
            }
            continue;
        }
        kaa_strbuf_addc(b, (char)c);
        int eol = f->newline == NL_CR ? c == '\r' : f->newline == NL_CRLF ? 0 : c == '\n';
        if (line && eol) {
            break;
        }
    }
    return ferror(fp) ? -1 : 0;
}

// Read and decode: new str or NULL.
static KaaObject *read_str(KaaFileObject *f, Kaa_ssize_t limit, int line)
{
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    if (limit != 0 && read_text(f, &b, limit, line) < 0) {
        kaa_strbuf_free(&b);
        return stream_error(f);
    }
    if (b.failed) {
        kaa_strbuf_free(&b);
        return KaaErr_NoMemory();
    }
    KaaObject *s = KaaStr_FromStringAndSize(b.data ? b.data : "", (Kaa_ssize_t)b.len);
    kaa_strbuf_free(&b);
    return s;
}

// A size argument: None or an int; -1 means no limit.
static int size_arg(KaaObject *const *args, size_t nargs, Kaa_ssize_t *out)
{
    *out = -1;
    if (nargs == 0 || args[0] == Kaa_None) {
        return 0;
    }
    if (!KaaInt_Check(args[0]) &&
        !(Kaa_TYPE(args[0])->tp_as_number && Kaa_TYPE(args[0])->tp_as_number->nb_index)) {
        KaaErr_Format(KaaExc(TypeError), "argument should be integer or None, not '%s'",
                      Kaa_TYPE(args[0])->tp_name);
        return -1;
    }
    *out = KaaNumber_AsSsize_t(args[0], KaaExc(OverflowError));
    if (*out == -1 && KaaErr_Occurred()) {
        return -1;
    }
    if (*out < 0) {
        *out = -1;
    }
    return 0;
}

static int method_args(const char *name, KaaObject *kwnames, size_t nargs, size_t max)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        KaaErr_Format(KaaExc(TypeError), "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs > max) {
        KaaErr_Format(KaaExc(TypeError), "%s expected at most %zu argument%s, got %zu", name, max,
                      max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static KaaObject *file_read(KaaObject *self, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    Kaa_ssize_t n;
    if (method_args("read", kwnames, nargs, 1) < 0 || size_arg(args, nargs, &n) < 0 ||
        check_readable(FILE_(self)) < 0) {
        return NULL;
    }
    return read_str(FILE_(self), n, 0);
}

static KaaObject *file_readline(KaaObject *self, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    Kaa_ssize_t n;
    if (method_args("readline", kwnames, nargs, 1) < 0 || size_arg(args, nargs, &n) < 0 ||
        check_readable(FILE_(self)) < 0) {
        return NULL;
    }
    return read_str(FILE_(self), n, 1);
}

KaaObject *kaa_file_readline(KaaObject *f)
{
    if (check_readable(FILE_(f)) < 0) {
        return NULL;
    }
    return read_str(FILE_(f), -1, 1);
}

// readlines(hint): lines until their total length reaches hint.
static KaaObject *file_readlines(KaaObject *self, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames)
{
    Kaa_ssize_t hint;
    if (method_args("readlines", kwnames, nargs, 1) < 0 || size_arg(args, nargs, &hint) < 0 ||
        check_readable(FILE_(self)) < 0) {
        return NULL;
    }
    KaaObject *list = KaaList_New(0);
    Kaa_ssize_t total = 0;
    while (list) {
        KaaObject *line = read_str(FILE_(self), -1, 1);
        if (line == NULL) {
            Kaa_CLEAR(list);
            break;
        }
        if (KaaStr_LEN(line) == 0) {
            Kaa_DECREF(line);
            break;
        }
        total += KaaStr_LEN(line);
        int r = KaaList_Append(list, line);
        Kaa_DECREF(line);
        if (r < 0) {
            Kaa_CLEAR(list);
        } else if (hint > 0 && total >= hint) {
            break;
        }
    }
    return list;
}

static KaaObject *file_iter(KaaObject *self)
{
    if (FILE_(self)->fp == NULL) {
        return err_closed();
    }
    return Kaa_NewRef(self);
}

static KaaObject *file_iternext(KaaObject *self)
{
    KaaObject *line = kaa_file_readline(self);
    if (line && KaaStr_LEN(line) == 0) {
        Kaa_DECREF(line);
        return NULL;
    }
    return line;
}

// --- Writing ----------------------------------------------------------------------------------

int kaa_file_write(KaaObject *self, KaaObject *s)
{
    KaaFileObject *f = FILE_(self);
    if (f->fp == NULL) {
        err_closed();
        return -1;
    }
    if (!f->writable) {
        unsupported("not writable");
        return -1;
    }
    switch_op(f, OP_WRITE);
    const char *p = KaaStr_DATA(s);
    size_t n = (size_t)KaaStr_NBYTES(s);
    if (f->newline == NL_CR || f->newline == NL_CRLF) {
        const char *nl = f->newline == NL_CR ? "\r" : "\r\n";
        const char *end = p + n;
        while (p < end) {
            const char *q = memchr(p, '\n', (size_t)(end - p));
            size_t chunk = q ? (size_t)(q - p) : (size_t)(end - p);
            fwrite(p, 1, chunk, f->fp);
            if (q) {
                fputs(nl, f->fp);
                chunk++;
            }
            p += chunk;
        }
    } else {
        fwrite(p, 1, n, f->fp);
    }
    if (ferror(f->fp)) {
        stream_error(f);
        return -1;
    }
    return 0;
}

static KaaObject *file_write(KaaObject *self, KaaObject *s)
{
    if (!KaaStr_Check(s)) {
        return KaaErr_Format(KaaExc(TypeError), "write() argument must be str, not %s",
                             kaa_arg_type_name(s));
    }
    if (kaa_file_write(self, s) < 0) {
        return NULL;
    }
    return KaaInt_FromSsize_t(KaaStr_LEN(s));
}

static KaaObject *file_writelines(KaaObject *self, KaaObject *lines)
{
    if (FILE_(self)->fp == NULL) {
        return err_closed();
    }
    KaaObject *it = KaaObject_GetIter(lines);
    if (it == NULL) {
        return NULL;
    }
    KaaObject *line;
    while ((line = KaaIter_Next(it)) != NULL) {
        KaaObject *r = file_write(self, line);
        Kaa_DECREF(line);
        if (r == NULL) {
            Kaa_DECREF(it);
            return NULL;
        }
        Kaa_DECREF(r);
    }
    Kaa_DECREF(it);
    if (KaaErr_Occurred()) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

int kaa_file_flush(KaaObject *self)
{
    KaaFileObject *f = FILE_(self);
    if (f->fp == NULL) {
        err_closed();
        return -1;
    }
    if (f->writable && fflush(f->fp) != 0) {
        stream_error(f);
        return -1;
    }
    return 0;
}

static KaaObject *file_flush(KaaObject *self, KaaObject *unused)
{
    if (kaa_file_flush(self) < 0) {
        return NULL;
    }
    Kaa_RETURN_NONE;
}

// --- Closing, positions, queries ---------------------------------------------------------

// Close the stream (flushing it); 0, or -1 when the flush failed.
static int close_stream(KaaFileObject *f)
{
    FILE *fp = f->fp;
    if (fp == NULL) {
        return 0;
    }
    f->fp = NULL;
    int r = f->closefd ? fclose(fp) : fflush(fp);
    return r == 0 ? 0 : -1;
}

static KaaObject *file_close(KaaObject *self, KaaObject *unused)
{
    if (close_stream(FILE_(self)) < 0) {
        return raise_errno(errno ? errno : EIO, NULL);
    }
    Kaa_RETURN_NONE;
}

static KaaObject *file_enter(KaaObject *self, KaaObject *unused)
{
    if (FILE_(self)->fp == NULL) {
        return err_closed();
    }
    return Kaa_NewRef(self);
}

static KaaObject *file_exit(KaaObject *self, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    return file_close(self, NULL);
}

static KaaObject *file_tell(KaaObject *self, KaaObject *unused)
{
    KaaFileObject *f = FILE_(self);
    if (f->fp == NULL) {
        return err_closed();
    }
    long pos = ftell(f->fp);
    if (pos < 0) {
        return raise_errno(errno, NULL);
    }
    return KaaInt_FromInt64(pos);
}

static KaaObject *file_seek(KaaObject *self, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    KaaFileObject *f = FILE_(self);
    if (method_args("seek", kwnames, nargs, 2) < 0) {
        return NULL;
    }
    if (nargs < 1) {
        return KaaErr_Format(KaaExc(TypeError), "seek expected at least 1 argument, got 0");
    }
    int64_t whence = 0;
    if (nargs == 2) {
        whence = KaaNumber_AsSsize_t(args[1], KaaExc(OverflowError));
        if (whence == -1 && KaaErr_Occurred()) {
            return NULL;
        }
    }
    KaaObject *cookie = KaaNumber_Index(args[0]);
    if (cookie == NULL) {
        return NULL;
    }
    int64_t off = KaaInt_AsInt64(cookie);
    Kaa_DECREF(cookie);
    if (off == -1 && KaaErr_Occurred()) {
        return NULL;
    }
    if (f->fp == NULL) {
        return err_closed();
    }
    if (whence == 1 && off != 0) {
        return unsupported("can't do nonzero cur-relative seeks");
    }
    if (whence == 2 && off != 0) {
        return unsupported("can't do nonzero end-relative seeks");
    }
    if (whence < 0 || whence > 2) {
        return KaaErr_Format(KaaExc(ValueError), "invalid whence (%lld, should be 0, 1 or 2)",
                             (long long)whence);
    }
    if (off < 0) {
        return KaaErr_Format(KaaExc(ValueError), "negative seek position %lld", (long long)off);
    }
    int w = whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END;
    if (fseek(f->fp, (long)off, w) != 0) {
        return raise_errno(errno, NULL);
    }
    f->last_op = OP_NONE;
    return file_tell(self, NULL);
}

static KaaObject *file_truncate(KaaObject *self, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    KaaFileObject *f = FILE_(self);
    if (method_args("truncate", kwnames, nargs, 1) < 0) {
        return NULL;
    }
    if (f->fp == NULL) {
        return err_closed();
    }
    if (!f->writable) {
        return unsupported("truncate");
    }
    fflush(f->fp);
    long size = ftell(f->fp);
    if (nargs == 1 && args[0] != Kaa_None) {
        size = (long)KaaNumber_AsSsize_t(args[0], KaaExc(OverflowError));
        if (size == -1 && KaaErr_Occurred()) {
            return NULL;
        }
    }
    if (size < 0 || ftruncate(fileno(f->fp), size) != 0) {
        return raise_errno(size < 0 ? EINVAL : errno, NULL);
    }
    return KaaInt_FromInt64(size);
}

// readable()/writable()/seekable()/isatty()/fileno(): closure picks which.
static KaaObject *file_query(KaaObject *self, int which)
{
    KaaFileObject *f = FILE_(self);
    if (f->fp == NULL) {
        // CPython: readable() answers even when closed, and the raw-file
        // queries say it without the final period.
        if (which == 0) {
            return KaaBool_FromLong(f->readable);
        }
        KaaErr_SetString(KaaExc(ValueError), "I/O operation on closed file");
        return NULL;
    }
    switch (which) {
    case 0:
        return KaaBool_FromLong(f->readable);
    case 1:
        return KaaBool_FromLong(f->writable);
    case 2:
        return KaaBool_FromLong(lseek(fileno(f->fp), 0, SEEK_CUR) >= 0);
    case 3:
        return KaaBool_FromLong(isatty(fileno(f->fp)));
    default:
        return KaaInt_FromInt64(fileno(f->fp));
    }
}

static KaaObject *file_readable(KaaObject *self, KaaObject *unused)
{
    return file_query(self, 0);
}

static KaaObject *file_writable(KaaObject *self, KaaObject *unused)
{
    return file_query(self, 1);
}

static KaaObject *file_seekable(KaaObject *self, KaaObject *unused)
{
    return file_query(self, 2);
}

static KaaObject *file_isatty(KaaObject *self, KaaObject *unused)
{
    return file_query(self, 3);
}

static KaaObject *file_fileno(KaaObject *self, KaaObject *unused)
{
    return file_query(self, 4);
}

static KaaObject *file_get_closed(KaaObject *self, void *closure)
{
    return KaaBool_FromLong(FILE_(self)->fp == NULL);
}

static KaaObject *file_repr(KaaObject *self)
{
    KaaFileObject *f = FILE_(self);
    return KaaStr_FromFormat("<_io.TextIOWrapper name=%R mode=%R encoding=%R>", f->name, f->mode,
                             f->encoding);
}

static void file_dealloc(KaaObject *self)
{
    // CPython closes an unreferenced file (with a ResourceWarning under -W).
    close_stream(FILE_(self));
    Kaa_XDECREF(FILE_(self)->name);
    Kaa_XDECREF(FILE_(self)->mode);
    Kaa_XDECREF(FILE_(self)->encoding);
    Kaa_XDECREF(FILE_(self)->errors);
    kaa_object_free(self);
}

// --- sys streams ----------------------------------------------------------------------------

KaaObject *kaa_sys_stream(const char *name)
{
    if (kaa_interp.modules == NULL) {
        return NULL;
    }
    KaaObject *sysname = KaaStr_InternFromString("sys");
    KaaObject *sys = KaaDict_GetItemWithError(kaa_interp.modules, sysname);
    if (sys == NULL) {
        if (KaaErr_Occurred()) {
            KaaErr_Clear();
            return NULL;
        }
        // sys always exists in CPython; kaa creates it on first use.
        KaaObject *m = kaa_import_name(sysname, NULL, 0, NULL);
        if (m == NULL) {
            KaaErr_Clear();
            return NULL;
        }
        Kaa_DECREF(m); // sys.modules holds it
        sys = KaaDict_GetItemWithError(kaa_interp.modules, sysname);
        if (sys == NULL) {
            KaaErr_Clear();
            return NULL;
        }
    }
    if (!KaaModule_Check(sys)) {
        return NULL;
    }
    return KaaDict_GetItemString(KaaModule_GetDict(sys), name);
}

// --- The type ---------------------------------------------------------------------------------

static KaaMethodDef file_methods[] = {
    {"read", file_read, KAA_METH_FASTCALL, NULL},
    {"readline", file_readline, KAA_METH_FASTCALL, NULL},
    {"readlines", file_readlines, KAA_METH_FASTCALL, NULL},
    {"write", file_write, KAA_METH_O, NULL},
    {"writelines", file_writelines, KAA_METH_O, NULL},
    {"flush", file_flush, KAA_METH_NOARGS, NULL},
    {"close", file_close, KAA_METH_NOARGS, NULL},
    {"seek", file_seek, KAA_METH_FASTCALL, NULL},
    {"tell", file_tell, KAA_METH_NOARGS, NULL},
    {"truncate", file_truncate, KAA_METH_FASTCALL, NULL},
    {"readable", file_readable, KAA_METH_NOARGS, NULL},
    {"writable", file_writable, KAA_METH_NOARGS, NULL},
    {"seekable", file_seekable, KAA_METH_NOARGS, NULL},
    {"isatty", file_isatty, KAA_METH_NOARGS, NULL},
    {"fileno", file_fileno, KAA_METH_NOARGS, NULL},
    {"__enter__", file_enter, KAA_METH_NOARGS, NULL},
    {"__exit__", file_exit, KAA_METH_FASTCALL, NULL},
    {NULL},
};

static KaaMemberDef file_members[] = {
    {"name", KAA_T_OBJECT, offsetof(KaaFileObject, name), 0, NULL},
    {"mode", KAA_T_OBJECT, offsetof(KaaFileObject, mode), 0, NULL},
    {"encoding", KAA_T_OBJECT, offsetof(KaaFileObject, encoding), 0, NULL},
    {"errors", KAA_T_OBJECT, offsetof(KaaFileObject, errors), 0, NULL},
    {NULL},
};

static KaaGetSetDef file_getset[] = {
    {"closed", file_get_closed, NULL, NULL, NULL},
    {NULL},
};

KaaTypeObject KaaFile_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(KaaFileObject),
    .tp_doc = "Character and line based layer over a BufferedIOBase object, buffer.",
    .tp_dealloc = file_dealloc,
    .tp_repr = file_repr,
    .tp_getattro = KaaObject_GenericGetAttr,
    .tp_iter = file_iter,
    .tp_iternext = file_iternext,
    .tp_methods = file_methods,
    .tp_members = file_members,
    .tp_getset = file_getset,
};
