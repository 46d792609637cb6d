/* File objects: a small model of CPython's io stack over a C FILE*, whose
 * buffer stands in for CPython's. open() in a text mode returns a text file
 * (io.TextIOWrapper's behaviour and repr): UTF-8 only, positions are byte
 * offsets (CPython's tell() cookie for a stateless UTF-8 decoder), and the
 * newline= rules of TextIOWrapper. The same type wraps the C standard streams
 * as sys.stdin/stdout/stderr, so print() and sys.stdout.write() share stdout's
 * buffer and keep their order.
 * A 'b' mode returns a binary file: bytes in and out, lines end at b'\n' only,
 * with the behaviour, error messages and order of checks of io.BufferedReader
 * ('rb'), BufferedWriter ('wb', 'ab', 'xb') or BufferedRandom (a '+' mode).
 * The four types share one struct (`binary` tells them apart) and most of
 * their code; their names, reprs and method tables differ. Not modelled: the raw
 * io.FileIO layer (buffering=0), peek(), detach(), and how much CPython would
 * have buffered (read1() reads up to the buffer size, whatever is buffered).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "objects/fileobject.h"
#include "util/strbuf.h"
#include "vm/vm.h"

// lseek()'s SEEK_DATA and SEEK_HOLE, which seek() accepts as CPython does;
// glibc declares them only under _GNU_SOURCE.
#if defined(__linux__) && !defined(SEEK_DATA)
#define SEEK_DATA 3
#define SEEK_HOLE 4
#endif

// newline= modes. NL_UNIVERSAL (None) ends lines at \n, \r\n or \r and reads
// them all as \n; NL_ANY ('') ends lines the same way without translating;
// the others end lines only at that string and translate \n to it on write.
enum { NL_UNIVERSAL, NL_ANY, NL_LF, NL_CR, NL_CRLF };
enum { OP_NONE, OP_READ, OP_WRITE };

typedef struct KaaFileObject {
    KaaObject_HEAD FILE *fp; // NULL once closed
    KaaObject *name;         // str, or int for a file descriptor
    KaaObject *mode;         // str: as given to open(), or FileIO's form for binary files
    KaaObject *encoding;     // str; NULL for binary files
    KaaObject *errors;       // str; NULL for binary files
    int readable, writable;
    int binary;          // bytes in and out; the type is one of the Buffered* types
    Kaa_ssize_t bufsize; // binary: CPython's buffer size (st_blksize), read1()'s default
    int newline;         // NL_*
    int closefd;         // close() closes the FILE* (else flushes it: C's standard streams)
    int fd;              // what fileno() reports
    int last_op;         // OP_*: C streams need a flush or seek between the two
} KaaFileObject;

#define FILE_(o) ((KaaFileObject *)(o))

// The binary file types, defined at the bottom of the file.
static KaaTypeObject BufferedReader_Type, BufferedWriter_Type, BufferedRandom_Type;

int kaa_unpack_args(const char *fname, KaaObject *const *args, size_t nargs, KaaObject *kwnames,
                    const char *const *kwlist, int nrequired, KaaObject **out);

// --- Errors --------------------------------------------------------------------------------

// io.UnsupportedOperation inherits from both OSError and ValueError. Static
// types get a single-base MRO from KaaType_Ready, so the second base is
// patched in after readying (CPython builds this class with type() instead).
static KaaTypeObject UnsupportedOperation_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "io.UnsupportedOperation",
    // No tp_basicsize: KaaType_Ready copies OSError's instance layout.
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

// ValueError(msg) for another wording: the buffered classes name the
// operation ("read of closed file"), the raw file's queries drop the period.
static KaaObject *closed_error(const char *msg)
{
    KaaErr_SetString(KaaExc(ValueError), msg);
    return NULL;
}

// Raise the OSError subclass for errno err, CPython's way.
static KaaObject *raise_errno(int err, KaaObject *filename)
{
    return KaaErr_SetFromErrnoWithFilename(err, filename);
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

// A file object of type t over fp; encoding NULL makes a binary file.
static KaaFileObject *file_alloc(KaaTypeObject *t, FILE *fp, KaaObject *name, const char *mode,
                                 const char *encoding)
{
    if (kaa_container_ready(t) < 0) {
        return NULL;
    }
    KaaFileObject *f = (KaaFileObject *)KaaType_GenericAlloc(t, 0);
    if (f == NULL) {
        return NULL;
    }
    f->fp = fp;
    f->fd = fileno(fp);
    f->name = Kaa_NewRef(name);
    f->mode = KaaStr_FromString(mode);
    f->closefd = 1;
    f->binary = encoding == NULL;
    if (!f->binary) {
        f->encoding = KaaStr_FromString(encoding);
        f->errors = KaaStr_FromString("strict");
    }
    if (f->mode == NULL || (!f->binary && (f->encoding == NULL || f->errors == NULL))) {
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
    KaaFileObject *f = file_alloc(&KaaFile_Type, fp, n, mode, "utf-8");
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
    return 0;
}

// The checks of open() that follow parse_mode's, in CPython's order: a binary
// mode takes no text arguments, then the raw file wants one of r/w/a/x.
static int check_mode_args(const OpenMode *m, KaaObject *encoding, KaaObject *errors,
                           KaaObject *newline)
{
    KaaObject *text_args[] = {encoding, errors, newline};
    static const char *const names[] = {"an encoding", "an errors", "a newline"};
    for (int i = 0; i < 3 && m->binary; i++) {
        if (text_args[i] && text_args[i] != Kaa_None) {
            KaaErr_Format(KaaExc(ValueError), "binary mode doesn't take %s argument", names[i]);
            return -1;
        }
    }
    if (m->creating + m->reading + m->writing + m->appending == 0) {
        KaaErr_SetString(KaaExc(ValueError), "Must have exactly one of create/read/write/append "
                                             "mode and at most one plus");
        return -1;
    }
    return 0;
}

// A binary file's mode attribute: io.FileIO's spelling of the mode ('w+b' is 'rb+').
static const char *raw_mode(const OpenMode *m)
{
    if (m->creating) {
        return m->updating ? "xb+" : "xb";
    }
    if (m->appending) {
        return m->updating ? "ab+" : "ab";
    }
    if (m->updating) {
        return "rb+";
    }
    return m->reading ? "rb" : "wb";
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
// Without closefd, the stream gets a duplicate of fd: a FILE* can only be
// freed by closing its descriptor, and close() must leave fd open.
static FILE *open_stream(const char *path, int fd, int closefd, const OpenMode *m)
{
    int flags = m->updating ? O_RDWR : m->reading ? O_RDONLY : O_WRONLY;
    if (m->writing) {
        flags |= O_CREAT | O_TRUNC;
    } else if (m->appending) {
        flags |= O_CREAT | O_APPEND;
    } else if (m->creating) {
        flags |= O_CREAT | O_EXCL;
    }
    int owned = fd < 0 || !closefd;
    if (fd < 0) {
        fd = open(path, flags | O_CLOEXEC, 0666);
    } else if (!closefd) {
        fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    }
    if (fd < 0) {
        return NULL;
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

// open()'s file argument: a path (str or bytes) in *path, or a descriptor in
// *fd with *path NULL. 0, or -1 with CPython's error.
static int file_arg(KaaObject *file, int closefd, const char **path, int *fd)
{
    *path = NULL;
    *fd = -1;
    if (KaaInt_Check(file)) {
        int64_t v = KaaInt_AsInt64(file);
        if (v == -1 && KaaErr_Occurred()) {
            return -1;
        }
        if (v < 0 || v > 0x7fffffff) {
            KaaErr_SetString(KaaExc(ValueError), "negative file descriptor");
            return -1;
        }
        *fd = (int)v;
        return 0;
    }
    // kaa_builtin_open has checked the type: str or bytes.
    const char *p = KaaStr_Check(file) ? KaaStr_DATA(file) : KaaBytes_AS_STRING(file);
    Kaa_ssize_t n = KaaStr_Check(file) ? KaaStr_NBYTES(file) : KaaBytes_GET_SIZE(file);
    if ((Kaa_ssize_t)strlen(p) != n) {
        KaaErr_SetString(KaaExc(ValueError), "embedded null byte");
        return -1;
    }
    if (!closefd) {
        KaaErr_SetString(KaaExc(ValueError), "Cannot use closefd=False with file name");
        return -1;
    }
    *path = p;
    return 0;
}

// The object open() returns for mode m over the open stream fp, or NULL (and
// fp closed) with an exception.
static KaaObject *wrap_stream(FILE *fp, KaaObject *file, KaaObject *modeobj, const OpenMode *m,
                              int buffering, const char *encoding)
{
    KaaTypeObject *t = !m->binary    ? &KaaFile_Type
                       : m->updating ? &BufferedRandom_Type
                       : m->reading  ? &BufferedReader_Type
                                     : &BufferedWriter_Type;
    const char *mode = m->binary ? raw_mode(m) : modeobj ? KaaStr_DATA(modeobj) : "r";
    KaaFileObject *f = NULL;
    if (buffering == 0 && !m->binary) {
        // CPython opens (and so creates or truncates) the file first.
        KaaErr_SetString(KaaExc(ValueError), "can't have unbuffered text I/O");
    } else if (buffering == 0) {
        KaaErr_SetString(KaaExc(NotImplementedError),
                         "kaa's open() has no unbuffered binary files (io.FileIO)");
    } else {
        f = file_alloc(t, fp, file, mode, m->binary ? NULL : encoding);
    }
    if (f == NULL) {
        fclose(fp);
        return NULL;
    }
    f->readable = m->reading || m->updating;
    f->writable = !m->reading || m->updating;
    struct stat st;
    f->bufsize =
        fstat(fileno(fp), &st) == 0 && st.st_blksize > 1 ? (Kaa_ssize_t)st.st_blksize : 8192;
    return (KaaObject *)f;
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
    if (!KaaStr_Check(file) && !KaaInt_Check(file) && !KaaBytes_Check(file)) {
        return KaaErr_Format(KaaExc(TypeError), "expected str, bytes or os.PathLike object, not %s",
                             Kaa_TYPE(file)->tp_name);
    }
    int buffering = -1;
    if (check_str_arg(a[1], "mode", 0) < 0 || (a[2] && kaa_number_as_int(a[2], &buffering) < 0) ||
        check_str_arg(a[3], "encoding", 1) < 0 || check_str_arg(a[4], "errors", 1) < 0 ||
        check_str_arg(a[5], "newline", 1) < 0) {
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
    if (check_mode_args(&m, a[3], a[4], a[5]) < 0) {
        return NULL;
    }
    int closefd = 1;
    if (a[6] && (closefd = KaaObject_IsTrue(a[6])) < 0) {
        return NULL;
    }
    if (parse_newline(a[5], &newline) < 0) {
        return NULL;
    }
    const char *path;
    int fd;
    if (file_arg(file, closefd, &path, &fd) < 0) {
        return NULL;
    }
    const char *encoding = check_encoding(a[3]);
    if (encoding == NULL) {
        return NULL;
    }
    errno = 0;
    FILE *fp = open_stream(path, fd, closefd, &m);
    if (fp == NULL) {
        return raise_errno(errno ? errno : EIO, path ? file : NULL);
    }
    KaaObject *f = wrap_stream(fp, file, modeobj, &m, buffering, encoding);
    if (f == NULL) {
        return NULL;
    }
    FILE_(f)->newline = newline;
    if (fd >= 0) {
        FILE_(f)->fd = fd; // not the duplicate that the stream may hold
    }
    if (a[4] && a[4] != Kaa_None) {
        Kaa_SETREF(FILE_(f)->errors, Kaa_NewRef(a[4]));
    }
    return f;
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

static void prepare_read(KaaFileObject *f)
{
    switch_op(f, OP_READ);
    clearerr(f->fp); // so a tty can be read again after an end of file
}

// Common checks of the text reading methods. 0, or -1 with an exception.
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
    prepare_read(f);
    return 0;
}

// A binary file's operation that its class lacks (`ok` false) raises
// UnsupportedOperation(name) before anything else is checked. 0 or -1.
static int need(int ok, const char *name)
{
    if (ok) {
        return 0;
    }
    unsupported(name);
    return -1;
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

// Read up to limit bytes (limit < 0: no limit) into b, through the first
// b'\n' when `line`. 0, or -1 on an I/O error.
static int read_binary(FILE *fp, KaaStrBuf *b, Kaa_ssize_t limit, int line)
{
    if (line) {
        int c;
        while ((limit < 0 || (Kaa_ssize_t)b->len < limit) && (c = getc(fp)) != EOF) {
            kaa_strbuf_addc(b, (char)c);
            if (c == '\n') {
                break;
            }
        }
        return ferror(fp) ? -1 : 0;
    }
    char chunk[8192];
    while (!b->failed) {
        size_t want = sizeof chunk;
        if (limit >= 0 && (size_t)limit - b->len < want) {
            want = (size_t)limit - b->len;
        }
        size_t got = want ? fread(chunk, 1, want, fp) : 0;
        kaa_strbuf_add(b, chunk, got);
        if (got < want || want == 0) {
            break;
        }
    }
    return ferror(fp) ? -1 : 0;
}

// Read up to limit characters or bytes (limit < 0: no limit), through the end
// of the first line when `line`: a new str or bytes ('' at the end), or NULL.
static KaaObject *read_data(KaaFileObject *f, Kaa_ssize_t limit, int line)
{
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    int r = limit == 0  ? 0
            : f->binary ? read_binary(f->fp, &b, limit, line)
                        : read_text(f, &b, limit, line);
    if (r < 0) {
        kaa_strbuf_free(&b);
        return stream_error(f);
    }
    if (b.failed) {
        kaa_strbuf_free(&b);
        return KaaErr_NoMemory();
    }
    const char *p = b.data ? b.data : "";
    KaaObject *s = f->binary ? KaaBytes_FromStringAndSize(p, (Kaa_ssize_t)b.len)
                             : KaaStr_FromStringAndSize(p, (Kaa_ssize_t)b.len);
    kaa_strbuf_free(&b);
    return s;
}

// A size argument: None or an int; negative (-1 for None) means no limit.
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
    return *out == -1 && KaaErr_Occurred() ? -1 : 0;
}

// "TextIOWrapper.read() takes no keyword arguments" when kwnames is not
// empty; cls names the CPython class defining the method (NULL: self's).
static int no_kwargs(KaaObject *self, const char *cls, const char *name, KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        const char *tname = Kaa_TYPE(self)->tp_name;
        const char *dot = strrchr(tname, '.');
        KaaErr_Format(KaaExc(TypeError), "%s.%s() takes no keyword arguments",
                      cls   ? cls
                      : dot ? dot + 1
                            : tname,
                      name);
        return -1;
    }
    return 0;
}

static int max_args(const char *name, size_t nargs, size_t max)
{
    if (nargs > max) {
        KaaErr_Format(KaaExc(TypeError), "%s expected at most %zu argument%s, got %zu", name, max,
                      max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static int method_args(KaaObject *self, const char *name, KaaObject *kwnames, size_t nargs,
                       size_t max)
{
    return no_kwargs(self, NULL, name, kwnames) < 0 ? -1 : max_args(name, nargs, max);
}

static KaaObject *file_read(KaaObject *self, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    Kaa_ssize_t n;
    if (method_args(self, "read", kwnames, nargs, 1) < 0 || size_arg(args, nargs, &n) < 0 ||
        check_readable(FILE_(self)) < 0) {
        return NULL;
    }
    return read_data(FILE_(self), n, 0);
}

static KaaObject *file_readline(KaaObject *self, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    Kaa_ssize_t n;
    if (method_args(self, "readline", kwnames, nargs, 1) < 0 || size_arg(args, nargs, &n) < 0 ||
        check_readable(FILE_(self)) < 0) {
        return NULL;
    }
    return read_data(FILE_(self), n, 1);
}

KaaObject *kaa_file_readline(KaaObject *f)
{
    if (check_readable(FILE_(f)) < 0) {
        return NULL;
    }
    return read_data(FILE_(f), -1, 1);
}

// readlines(hint): lines until their total length reaches hint.
static KaaObject *file_readlines(KaaObject *self, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames)
{
    KaaFileObject *f = FILE_(self);
    Kaa_ssize_t hint;
    if (no_kwargs(self, "_IOBase", "readlines", kwnames) < 0 ||
        max_args("readlines", nargs, 1) < 0 || size_arg(args, nargs, &hint) < 0) {
        return NULL;
    }
    if (f->binary) {
        // io.IOBase.readlines() iterates the file: closed first, then readable.
        if (f->fp == NULL) {
            return err_closed();
        }
        if (need(f->readable, "read") < 0) {
            return NULL;
        }
        prepare_read(f);
    } else if (check_readable(f) < 0) {
        return NULL;
    }
    KaaObject *list = KaaList_New(0);
    Kaa_ssize_t total = 0;
    while (list) {
        KaaObject *line = read_data(f, -1, 1);
        if (line == NULL) {
            Kaa_CLEAR(list);
            break;
        }
        if (Kaa_SIZE(line) == 0) {
            Kaa_DECREF(line);
            break;
        }
        total += Kaa_SIZE(line);
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

// Binary reading: CPython's order is UnsupportedOperation, then the arguments,
// then "<op> of closed file".

static KaaObject *bin_read(KaaObject *self, KaaObject *const *args, size_t nargs,
                           KaaObject *kwnames)
{
    KaaFileObject *f = FILE_(self);
    Kaa_ssize_t n;
    if (no_kwargs(self, f->readable ? NULL : "_BufferedIOBase", "read", kwnames) < 0 ||
        need(f->readable, "read") < 0 || max_args("read", nargs, 1) < 0 ||
        size_arg(args, nargs, &n) < 0) {
        return NULL;
    }
    if (n < -1) {
        return KaaErr_Format(KaaExc(ValueError), "read length must be non-negative or -1");
    }
    if (f->fp == NULL) {
        return closed_error("read of closed file");
    }
    prepare_read(f);
    return read_data(f, n, 0);
}

// read1(n): at most one read of the raw file in CPython, so at most its
// buffer size when n < 0.
static KaaObject *bin_read1(KaaObject *self, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    KaaFileObject *f = FILE_(self);
    Kaa_ssize_t n = -1;
    if (no_kwargs(self, f->readable ? NULL : "_BufferedIOBase", "read1", kwnames) < 0 ||
        need(f->readable, "read1") < 0 || max_args("read1", nargs, 1) < 0) {
        return NULL;
    }
    if (nargs == 1 && (n = KaaNumber_AsSsize_t(args[0], KaaExc(OverflowError))) == -1 &&
        KaaErr_Occurred()) {
        return NULL;
    }
    if (f->fp == NULL) {
        return closed_error("read of closed file");
    }
    prepare_read(f);
    return read_data(f, n < 0 ? f->bufsize : n, 0);
}

// readinto(b): fill the bytearray b from the file; the number of bytes read.
static KaaObject *bin_readinto(KaaObject *self, KaaObject *buf)
{
    KaaFileObject *f = FILE_(self);
    if (!KaaByteArray_Check(buf)) {
        return KaaErr_Format(KaaExc(TypeError),
                             "readinto() argument must be read-write bytes-like object, not %s",
                             Kaa_TYPE(buf)->tp_name);
    }
    if (need(f->readable, "read") < 0) {
        return NULL;
    }
    if (f->fp == NULL) {
        return closed_error("readinto of closed file");
    }
    prepare_read(f);
    size_t got = fread(KaaByteArray_AS_STRING(buf), 1, (size_t)KaaByteArray_GET_SIZE(buf), f->fp);
    if (ferror(f->fp)) {
        return stream_error(f);
    }
    return KaaInt_FromSsize_t((Kaa_ssize_t)got);
}

// One line of at most limit bytes (negative: no limit) for readline() and
// iteration, after the checks: new bytes or NULL.
static KaaObject *bin_line(KaaFileObject *f, Kaa_ssize_t limit)
{
    if (need(f->readable, "read") < 0) {
        return NULL;
    }
    if (f->fp == NULL) {
        return closed_error("readline of closed file");
    }
    prepare_read(f);
    return read_data(f, limit, 1);
}

static KaaObject *bin_readline(KaaObject *self, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    Kaa_ssize_t n;
    if (no_kwargs(self, FILE_(self)->readable ? NULL : "_IOBase", "readline", kwnames) < 0 ||
        max_args("readline", nargs, 1) < 0 || size_arg(args, nargs, &n) < 0) {
        return NULL;
    }
    return bin_line(FILE_(self), n);
}

static KaaObject *bin_iternext(KaaObject *self)
{
    KaaObject *line = bin_line(FILE_(self), -1);
    if (line && Kaa_SIZE(line) == 0) {
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

// write(b) of a binary file: bytes or bytearray; the number of bytes.
static KaaObject *bin_write(KaaObject *self, KaaObject *b)
{
    KaaFileObject *f = FILE_(self);
    const char *p;
    Kaa_ssize_t n;
    if (need(f->writable, "write") < 0) {
        return NULL;
    }
    if (!kaa_bytes_view(b, &p, &n)) {
        return KaaErr_Format(KaaExc(TypeError), "a bytes-like object is required, not '%s'",
                             Kaa_TYPE(b)->tp_name);
    }
    if (f->fp == NULL) {
        return closed_error("write to closed file");
    }
    switch_op(f, OP_WRITE);
    if (fwrite(p, 1, (size_t)n, f->fp) != (size_t)n || ferror(f->fp)) {
        return stream_error(f);
    }
    return KaaInt_FromSsize_t(n);
}

// writelines(lines): write() each item, text or binary.
static KaaObject *file_writelines(KaaObject *self, KaaObject *lines)
{
    if (FILE_(self)->fp == NULL) {
        return err_closed();
    }
    KaaObject *it = KaaObject_GetIter(lines);
    if (it == NULL) {
        return NULL;
    }
    KaaObject *(*write)(KaaObject *, KaaObject *) = FILE_(self)->binary ? bin_write : file_write;
    KaaObject *line;
    while ((line = KaaIter_Next(it)) != NULL) {
        KaaObject *r = write(self, line);
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
        // A binary file that buffers writes names the operation.
        if (f->binary && f->writable) {
            closed_error("flush of closed file");
        } else {
            err_closed();
        }
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
        // A binary file asks its raw file, which has no final period.
        return f->binary ? closed_error("I/O operation on closed file") : err_closed();
    }
    long pos = ftell(f->fp);
    if (pos < 0) {
        return raise_errno(errno, NULL);
    }
    return KaaInt_FromInt64(pos);
}

// Move to off from whence (0, 1, 2, or SEEK_DATA/SEEK_HOLE where the system
// has them); the new position, or NULL.
static KaaObject *seek_to(KaaFileObject *f, int64_t off, int whence)
{
    int r;
    if (whence <= 2) {
        int w = whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END;
        r = fseek(f->fp, (long)off, w);
    } else {
        // Only lseek() knows these: sync the stream with the descriptor first.
        long pos = ftell(f->fp);
        r = pos < 0 ? -1 : fseek(f->fp, pos, SEEK_SET);
        off_t to = r < 0 ? -1 : lseek(fileno(f->fp), (off_t)off, whence);
        r = to < 0 ? -1 : fseek(f->fp, (long)to, SEEK_SET);
    }
    if (r != 0) {
        return raise_errno(errno, NULL);
    }
    f->last_op = OP_NONE;
    return file_tell((KaaObject *)f, NULL);
}

static KaaObject *file_seek(KaaObject *self, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    KaaFileObject *f = FILE_(self);
    if (method_args(self, "seek", kwnames, nargs, 2) < 0) {
        return NULL;
    }
    if (nargs < 1) {
        return KaaErr_Format(KaaExc(TypeError), "seek expected at least 1 argument, got 0");
    }
    int whence = 0;
    if (nargs == 2 && kaa_number_as_int(args[1], &whence) < 0) {
        return NULL;
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
        return KaaErr_Format(KaaExc(ValueError), "invalid whence (%d, should be 0, 1 or 2)",
                             whence);
    }
    if (off < 0) {
        return KaaErr_Format(KaaExc(ValueError), "negative seek position %lld", (long long)off);
    }
    return seek_to(f, off, whence);
}

// seek(target, whence=0) of a binary file: relative and negative offsets are
// fine; the OS rejects a position before the start.
static KaaObject *bin_seek(KaaObject *self, KaaObject *const *args, size_t nargs,
                           KaaObject *kwnames)
{
    KaaFileObject *f = FILE_(self);
    if (method_args(self, "seek", kwnames, nargs, 2) < 0) {
        return NULL;
    }
    if (nargs < 1) {
        return KaaErr_Format(KaaExc(TypeError), "seek expected at least 1 argument, got 0");
    }
    int whence = 0;
    if (nargs == 2 && kaa_number_as_int(args[1], &whence) < 0) {
        return NULL;
    }
    int valid = whence >= 0 && whence <= 2;
#ifdef SEEK_DATA
    valid = valid || whence == SEEK_DATA;
#endif
#ifdef SEEK_HOLE
    valid = valid || whence == SEEK_HOLE;
#endif
    if (!valid) {
        return KaaErr_Format(KaaExc(ValueError), "whence value %d unsupported", whence);
    }
    if (f->fp == NULL) {
        return closed_error("seek of closed file");
    }
    KaaObject *target = KaaNumber_Index(args[0]);
    if (target == NULL) {
        return NULL;
    }
    int64_t off = KaaInt_AsInt64(target);
    Kaa_DECREF(target);
    if (off == -1 && KaaErr_Occurred()) {
        KaaErr_Clear();
        return KaaErr_Format(KaaExc(ValueError), "cannot fit 'int' into an offset-sized integer");
    }
    return seek_to(f, off, whence);
}

// truncate(pos=None): cut (or extend) the file at pos, by default the current
// position, which does not move. A binary file names the operation when closed.
static KaaObject *file_truncate(KaaObject *self, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    KaaFileObject *f = FILE_(self);
    if (method_args(self, "truncate", kwnames, nargs, 1) < 0) {
        return NULL;
    }
    if (f->fp == NULL) {
        return f->binary ? closed_error("truncate of closed file") : err_closed();
    }
    if (need(f->writable, "truncate") < 0) {
        return NULL;
    }
    // fflush() writes out pending data and drops the read-ahead (leaving the
    // descriptor at the current position), which the truncation could make stale.
    long size = ftell(f->fp);
    if (size < 0 || fflush(f->fp) != 0) {
        return raise_errno(errno, NULL);
    }
    if (nargs == 1 && args[0] != Kaa_None) {
        KaaObject *pos = KaaNumber_Index(args[0]);
        if (pos == NULL) {
            return NULL;
        }
        int64_t v = KaaInt_AsInt64(pos);
        Kaa_DECREF(pos);
        if (v == -1 && KaaErr_Occurred()) {
            return NULL;
        }
        if (v < 0 || v > LONG_MAX) {
            return raise_errno(EINVAL, NULL);
        }
        size = (long)v;
    }
    if (ftruncate(fileno(f->fp), size) != 0) {
        return raise_errno(errno, NULL);
    }
    return KaaInt_FromInt64(size);
}

// readable()/writable()/seekable()/isatty()/fileno(): closure picks which.
static KaaObject *file_query(KaaObject *self, int which)
{
    KaaFileObject *f = FILE_(self);
    if (which <= 1) {
        // CPython answers False for what the mode lacks without looking at
        // the file (io.IOBase's default).
        int ok = which == 0 ? f->readable : f->writable;
        if (!ok || f->fp != NULL) {
            return KaaBool_FromLong(ok);
        }
    }
    if (f->fp == NULL) {
        // The raw file's wording, without the final period.
        return closed_error("I/O operation on closed file");
    }
    switch (which) {
    case 2:
        return KaaBool_FromLong(lseek(fileno(f->fp), 0, SEEK_CUR) >= 0);
    case 3:
        return KaaBool_FromLong(isatty(fileno(f->fp)));
    default:
        return KaaInt_FromInt64(f->fd);
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

static KaaObject *bin_repr(KaaObject *self)
{
    return KaaStr_FromFormat("<%s name=%R>", Kaa_TYPE(self)->tp_name, FILE_(self)->name);
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

// --- The types --------------------------------------------------------------------------------

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

// The three binary types differ only in name: what a file may do is in its
// readable/writable flags, which CPython's classes imply.
static KaaMethodDef bin_methods[] = {
    {"read", bin_read, KAA_METH_FASTCALL, NULL},
    {"read1", bin_read1, KAA_METH_FASTCALL, NULL},
    {"readinto", bin_readinto, KAA_METH_O, NULL},
    {"readline", bin_readline, KAA_METH_FASTCALL, NULL},
    {"readlines", file_readlines, KAA_METH_FASTCALL, NULL},
    {"write", bin_write, KAA_METH_O, NULL},
    {"writelines", file_writelines, KAA_METH_O, NULL},
    {"flush", file_flush, KAA_METH_NOARGS, NULL},
    {"close", file_close, KAA_METH_NOARGS, NULL},
    {"seek", bin_seek, KAA_METH_FASTCALL, NULL},
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

static KaaMemberDef bin_members[] = {
    {"name", KAA_T_OBJECT, offsetof(KaaFileObject, name), 0, NULL},
    {"mode", KAA_T_OBJECT, offsetof(KaaFileObject, mode), 0, NULL},
    {NULL},
};

// The three binary file types differ only in name and doc (the mode decides
// what the shared methods allow).
#define BUFFERED_TYPE(cname, pyname, doc)                                                        \
    static KaaTypeObject cname = {                                                               \
        .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),                                     \
        .tp_name = pyname,                                                                       \
        .tp_basicsize = sizeof(KaaFileObject),                                                   \
        .tp_doc = doc,                                                                           \
        .tp_dealloc = file_dealloc,                                                              \
        .tp_repr = bin_repr,                                                                     \
        .tp_getattro = KaaObject_GenericGetAttr,                                                 \
        .tp_iter = file_iter,                                                                    \
        .tp_iternext = bin_iternext,                                                             \
        .tp_methods = bin_methods,                                                               \
        .tp_members = bin_members,                                                               \
        .tp_getset = file_getset,                                                                \
    }

BUFFERED_TYPE(BufferedReader_Type, "_io.BufferedReader",
              "Create a new buffered reader using the given readable raw IO object.");
BUFFERED_TYPE(BufferedWriter_Type, "_io.BufferedWriter",
              "A buffer for a writeable sequential RawIO object.");
BUFFERED_TYPE(BufferedRandom_Type, "_io.BufferedRandom",
              "A buffered interface to random access streams.");
