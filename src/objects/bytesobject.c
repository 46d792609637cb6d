/* bytes: an immutable sequence of bytes, NUL-terminated for C callers, with a
 * cached hash. Also the codecs kaa knows (utf-8, ascii, latin-1), printf-style
 * `bytes % args`, and the methods bytes and bytearray share.
 *
 * A shared method works on the (pointer, length) view of self and builds its
 * results with same_kind(): bytes for bytes and its subclasses, bytearray for
 * bytearray and its subclasses, as CPython's stringlib does. Where CPython
 * hands back self unchanged, it does so only for an exact bytes object
 * (self_or_copy), since bytearray is mutable and a subclass must not leak out.
 */
#include <ctype.h>
#include <string.h>

#include "gc/gc.h"
#include "mem/mem.h"
#include "objects/formatter.h"
#include "util/strbuf.h"
#include "vm/vm.h"

#define BYTES(o) ((KaaBytesObject *)(o))

KaaObject *KaaBytes_FromStringAndSize(const char *data, Kaa_ssize_t n)
{
    if (n < 0) {
        KaaErr_BadInternalCall("KaaBytes_FromStringAndSize");
        return NULL;
    }
    if (n > KAA_SSIZE_MAX - (Kaa_ssize_t)sizeof(KaaBytesObject) - 1) {
        return KaaErr_NoMemory();
    }
    KaaObject *o = KaaType_GenericAlloc(&KaaBytes_Type, n); // zeroed
    if (o == NULL) {
        return NULL;
    }
    BYTES(o)->hash = -1;
    if (data != NULL && n > 0) {
        memcpy(BYTES(o)->data, data, (size_t)n);
    }
    BYTES(o)->data[n] = '\0';
    return o;
}

// An instance of the bytes subclass `type` holding p[0..n).
static KaaObject *bytes_subtype_new(KaaTypeObject *type, const char *p, Kaa_ssize_t n)
{
    // (A subclass with slots is refused when it is created: the bytes live
    // right after the header.)
    KaaObject *o = KaaType_GenericAlloc(type, n);
    if (o == NULL) {
        return NULL;
    }
    BYTES(o)->hash = -1;
    if (n > 0) {
        memcpy(BYTES(o)->data, p, (size_t)n);
    }
    BYTES(o)->data[n] = '\0';
    if (KaaType_IS_GC(type)) {
        kaa_gc_track(o);
    }
    return o;
}

int kaa_bytes_view(KaaObject *o, const char **p, Kaa_ssize_t *n)
{
    if (KaaBytes_Check(o)) {
        *p = KaaBytes_AS_STRING(o);
        *n = Kaa_SIZE(o);
        return 1;
    }
    if (KaaByteArray_Check(o)) {
        *p = KaaByteArray_AS_STRING(o);
        *n = Kaa_SIZE(o);
        return 1;
    }
    *p = "";
    *n = 0;
    return 0;
}

// A new object of self's kind (bytes or bytearray) holding p[0..n), or n zero
// bytes when p is NULL.
static KaaObject *same_kind(KaaObject *self, const char *p, Kaa_ssize_t n)
{
    if (KaaByteArray_Check(self)) {
        return KaaByteArray_FromStringAndSize(p, n);
    }
    return KaaBytes_FromStringAndSize(p, n);
}

// The writable contents of an object same_kind() just made.
static char *mut_data(KaaObject *o)
{
    return KaaBytes_Check(o) ? KaaBytes_AS_STRING(o) : KaaByteArray_AS_STRING(o);
}

// self itself when it is an exact bytes (immutable), else a copy of its kind.
static KaaObject *self_or_copy(KaaObject *self)
{
    if (KaaBytes_CheckExact(self)) {
        return Kaa_NewRef(self);
    }
    const char *p;
    Kaa_ssize_t n;
    kaa_bytes_view(self, &p, &n);
    return same_kind(self, p, n);
}

// A new object of self's kind holding what b collected; frees b.
static KaaObject *buf_to_kind(KaaObject *self, KaaStrBuf *b)
{
    KaaObject *r = b->failed ? KaaErr_NoMemory() : same_kind(self, b->data, (Kaa_ssize_t)b->len);
    kaa_strbuf_free(b);
    return r;
}

// "bytes" or "bytearray": the builtin that defines self's methods.
static const char *kind_name(KaaObject *self)
{
    return KaaByteArray_Check(self) ? "bytearray" : "bytes";
}

int kaa_byte_value(KaaObject *o)
{
    Kaa_ssize_t v = KaaNumber_AsSsize_t(o, NULL);
    if (v == -1 && KaaErr_Occurred()) {
        return -1;
    }
    if (v < 0 || v > 255) {
        KaaErr_SetString(KaaExc(ValueError), "byte must be in range(0, 256)");
        return -1;
    }
    return (int)v;
}

// Call o's special method `name` (looked up on its type) without arguments.
// *found says whether the type has it; without it, NULL and no exception.
static KaaObject *call_special(KaaObject *o, const char *name, int *found)
{
    KaaObject *key = KaaStr_InternFromString(name);
    KaaObject *descr = key ? kaa_type_lookup(Kaa_TYPE(o), key) : NULL;
    *found = descr != NULL || key == NULL;
    if (descr == NULL) {
        return key ? NULL : KaaErr_NoMemory();
    }
    Kaa_INCREF(descr);
    descrgetfunc get = Kaa_TYPE(descr)->tp_descr_get;
    KaaObject *f = get ? get(descr, o, (KaaObject *)Kaa_TYPE(o)) : Kaa_NewRef(descr);
    Kaa_DECREF(descr);
    if (f == NULL) {
        return NULL;
    }
    KaaObject *r = KaaObject_CallNoArgs(f);
    Kaa_DECREF(f);
    return r;
}

// o.__bytes__() if o's type has it: *found set, a new bytes (or a subclass)
// reference or NULL with an exception. Without it, NULL and no exception.
static KaaObject *call_dunder_bytes(KaaObject *o, int *found)
{
    KaaObject *r = call_special(o, "__bytes__", found);
    if (r != NULL && !KaaBytes_Check(r)) {
        KaaErr_Format(KaaExc(TypeError), "__bytes__ returned non-bytes (type %.200s)",
                      Kaa_TYPE(r)->tp_name);
        Kaa_DECREF(r);
        return NULL;
    }
    return r;
}

// --- Codecs ----------------------------------------------------------------------------

enum { ENC_UTF8, ENC_ASCII, ENC_LATIN1 };

// Normalize an encoding name as CPython's codec lookup does (for the few
// codecs kaa has). -1 with LookupError when unknown.
static int lookup_encoding(const char *name)
{
    char buf[32];
    size_t j = 0;
    for (const char *p = name; *p && j < sizeof buf - 1; p++) {
        char ch = (char)tolower((unsigned char)*p);
        buf[j++] = (ch == '_' || ch == ' ') ? '-' : ch;
    }
    buf[j] = '\0';
    if (strlen(name) < sizeof buf - 1) {
        if (!strcmp(buf, "utf-8") || !strcmp(buf, "utf8") || !strcmp(buf, "u8")) {
            return ENC_UTF8;
        }
        if (!strcmp(buf, "ascii") || !strcmp(buf, "us-ascii") || !strcmp(buf, "646")) {
            return ENC_ASCII;
        }
        if (!strcmp(buf, "latin-1") || !strcmp(buf, "latin1") || !strcmp(buf, "iso-8859-1") ||
            !strcmp(buf, "iso8859-1") || !strcmp(buf, "l1") || !strcmp(buf, "8859") ||
            !strcmp(buf, "latin") || !strcmp(buf, "cp819")) {
            return ENC_LATIN1;
        }
    }
    KaaErr_Format(KaaExc(LookupError), "unknown encoding: %s", name);
    return -1;
}

static const char *const enc_names[] = {"utf-8", "ascii", "latin-1"};

enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_UNKNOWN };

static int lookup_errors(const char *errors)
{
    if (errors == NULL || !strcmp(errors, "strict")) {
        return ERR_STRICT;
    }
    if (!strcmp(errors, "ignore")) {
        return ERR_IGNORE;
    }
    if (!strcmp(errors, "replace")) {
        return ERR_REPLACE;
    }
    return ERR_UNKNOWN;
}

// Raise for an undecodable range [start, end) of p, or the lookup error.
static int decode_error(int enc, int handler, const char *errors, const char *p, Kaa_ssize_t n,
                        Kaa_ssize_t start, Kaa_ssize_t end, const char *reason)
{
    if (handler == ERR_UNKNOWN) {
        KaaErr_Format(KaaExc(LookupError), "unknown error handler name '%s'", errors);
    } else {
        KaaErr_SetUnicodeDecodeError(enc_names[enc], p, n, start, end, reason);
    }
    return -1;
}

static int is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

// Length of the invalid UTF-8 sequence at p[i] (1..3) with its reason, or 0
// with *cp and *len set for a valid one.
static int utf8_check(const unsigned char *p, Kaa_ssize_t i, Kaa_ssize_t n, uint32_t *cp,
                      int *len, const char **reason)
{
    unsigned char c = p[i];
    if (c < 0x80) {
        *cp = c;
        *len = 1;
        return 0;
    }
    int need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) {
            lo = 0xA0;
        } else if (c == 0xED) {
            hi = 0x9F;
        }
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) {
            lo = 0x90;
        } else if (c == 0xF4) {
            hi = 0x8F;
        }
    } else {
        *reason = "invalid start byte";
        return 1;
    }
    for (int k = 1; k <= need; k++) {
        if (i + k >= n) {
            *reason = "unexpected end of data";
            return (int)(n - i);
        }
        unsigned char d = p[i + k];
        if (k == 1 ? (d < lo || d > hi) : !is_cont(d)) {
            *reason = "invalid continuation byte";
            return k;
        }
    }
    if (need == 1) {
        *cp = ((uint32_t)(c & 0x1F) << 6) | (p[i + 1] & 0x3F);
    } else if (need == 2) {
        *cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(p[i + 1] & 0x3F) << 6) |
              (p[i + 2] & 0x3F);
    } else {
        *cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(p[i + 1] & 0x3F) << 12) |
              ((uint32_t)(p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
    }
    *len = need + 1;
    return 0;
}

static KaaObject *decode(const char *data, Kaa_ssize_t n, const char *encoding,
                         const char *errors)
{
    int enc = lookup_encoding(encoding);
    if (enc < 0) {
        return NULL;
    }
    int handler = lookup_errors(errors);
    const unsigned char *p = (const unsigned char *)data;
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    for (Kaa_ssize_t i = 0; i < n;) {
        uint32_t cp = p[i];
        int len = 1, bad = 0;
        const char *reason = "ordinal not in range(128)";
        if (enc == ENC_UTF8) {
            bad = utf8_check(p, i, n, &cp, &len, &reason);
        } else if (enc == ENC_ASCII && cp >= 0x80) {
            bad = 1;
        }
        if (bad) {
            if (handler != ERR_IGNORE && handler != ERR_REPLACE) {
                kaa_strbuf_free(&b);
                decode_error(enc, handler, errors, data, n, i, i + bad, reason);
                return NULL;
            }
            if (handler == ERR_REPLACE) {
                kaa_strbuf_add_utf8(&b, 0xFFFD);
            }
            i += bad;
            continue;
        }
        kaa_strbuf_add_utf8(&b, cp);
        i += len;
    }
    if (b.failed) {
        kaa_strbuf_free(&b);
        return KaaErr_NoMemory();
    }
    KaaObject *s = KaaStr_FromStringAndSize(b.data ? b.data : "", (Kaa_ssize_t)b.len);
    kaa_strbuf_free(&b);
    return s;
}

KaaObject *kaa_str_encode(KaaObject *s, const char *encoding, const char *errors)
{
    int enc = lookup_encoding(encoding);
    if (enc < 0) {
        return NULL;
    }
    if (enc == ENC_UTF8) {
        return KaaBytes_FromStringAndSize(KaaStr_DATA(s), KaaStr_NBYTES(s));
    }
    int handler = lookup_errors(errors);
    uint32_t limit = enc == ENC_ASCII ? 0x80 : 0x100;
    const char *p = KaaStr_DATA(s);
    Kaa_ssize_t nb = KaaStr_NBYTES(s);
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    for (Kaa_ssize_t i = 0, pos = 0; i < nb; pos++) {
        int len;
        uint32_t cp = kaa_str_decode(p + i, &len);
        if (cp < limit) {
            kaa_strbuf_addc(&b, (char)cp);
            i += len;
            continue;
        }
        if (handler == ERR_IGNORE || handler == ERR_REPLACE) {
            if (handler == ERR_REPLACE) {
                kaa_strbuf_addc(&b, '?');
            }
            i += len;
            continue;
        }
        kaa_strbuf_free(&b);
        if (handler == ERR_UNKNOWN) {
            return KaaErr_Format(KaaExc(LookupError), "unknown error handler name '%s'", errors);
        }
        // The run of unencodable characters starting here.
        Kaa_ssize_t end = pos + 1, j = i + len;
        while (j < nb) {
            int l2;
            if (kaa_str_decode(p + j, &l2) < limit) {
                break;
            }
            j += l2;
            end++;
        }
        const char *reason = enc == ENC_ASCII ? "ordinal not in range(128)"
                                              : "ordinal not in range(256)";
        return KaaErr_SetUnicodeEncodeError(enc_names[enc], s, pos, end, reason);
    }
    if (b.failed) {
        kaa_strbuf_free(&b);
        return KaaErr_NoMemory();
    }
    KaaObject *r = KaaBytes_FromStringAndSize(b.data, (Kaa_ssize_t)b.len);
    kaa_strbuf_free(&b);
    return r;
}

// encoding/errors arguments: str or absent. 0 or -1.
static int str_arg(const char *fname, const char *argname, int pos, KaaObject *o,
                   const char **out)
{
    if (o == NULL) {
        return 0;
    }
    if (!KaaStr_Check(o)) {
        KaaErr_Format(KaaExc(TypeError), "%s() argument '%s' must be str, not %s", fname,
                      argname, kaa_arg_type_name(o));
        (void)pos;
        return -1;
    }
    *out = KaaStr_DATA(o);
    return 0;
}

KaaObject *kaa_bytes_decode(KaaObject *self, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    static const char *const kwlist[] = {"encoding", "errors", NULL};
    KaaObject *a[2];
    const char *encoding = "utf-8", *errors = "strict";
    if (kaa_unpack_args("decode", args, nargs, kwnames, kwlist, 0, a) < 0 ||
        str_arg("decode", "encoding", 1, a[0], &encoding) < 0 ||
        str_arg("decode", "errors", 2, a[1], &errors) < 0) {
        return NULL;
    }
    const char *p;
    Kaa_ssize_t n;
    kaa_bytes_view(self, &p, &n);
    return decode(p, n, encoding, errors);
}

// --- Construction from Python arguments --------------------------------------------------

int kaa_bytes_from_args(const char *tname, KaaObject *const *args, size_t nargs,
                        KaaObject *kwnames, char **out, Kaa_ssize_t *n)
{
    static const char *const kwlist[] = {"source", "encoding", "errors", NULL};
    KaaObject *a[3];
    *out = NULL;
    *n = 0;
    if (kaa_unpack_args(tname, args, nargs, kwnames, kwlist, 0, a) < 0) {
        return -1;
    }
    KaaObject *src = a[0];
    if (src == NULL) {
        if (a[1] || a[2]) {
            KaaErr_SetString(KaaExc(TypeError), a[1] ? "encoding without a string argument"
                                                     : "errors without a string argument");
            return -1;
        }
        *out = kaa_mem_alloc(1);
        return *out ? 0 : (KaaErr_NoMemory(), -1);
    }
    if (KaaStr_Check(src)) {
        if (a[1] == NULL) {
            KaaErr_SetString(KaaExc(TypeError), "string argument without an encoding");
            return -1;
        }
        const char *encoding = "utf-8", *errors = "strict";
        if (str_arg(tname, "encoding", 2, a[1], &encoding) < 0 ||
            str_arg(tname, "errors", 3, a[2], &errors) < 0) {
            return -1;
        }
        KaaObject *b = kaa_str_encode(src, encoding, errors);
        if (b == NULL) {
            return -1;
        }
        *n = Kaa_SIZE(b);
        *out = kaa_mem_alloc((size_t)*n + 1);
        if (*out == NULL) {
            Kaa_DECREF(b);
            KaaErr_NoMemory();
            return -1;
        }
        memcpy(*out, KaaBytes_AS_STRING(b), (size_t)*n);
        Kaa_DECREF(b);
        return 0;
    }
    if (a[1] || a[2]) {
        KaaErr_SetString(KaaExc(TypeError), a[1] ? "encoding without a string argument"
                                                 : "errors without a string argument");
        return -1;
    }
    int copied = kaa_buffer_copy(src, out, n); // bytes-like: its bytes
    if (copied != 0) {
        return copied < 0 ? -1 : 0;
    }
    KaaNumberMethods *nb = Kaa_TYPE(src)->tp_as_number;
    if (nb && nb->nb_index) {
        Kaa_ssize_t count = KaaNumber_AsSsize_t(src, KaaExc(OverflowError));
        if (count == -1 && KaaErr_Occurred()) {
            return -1;
        }
        if (count < 0) {
            KaaErr_SetString(KaaExc(ValueError), "negative count");
            return -1;
        }
        *out = kaa_mem_alloc((size_t)count + 1);
        if (*out == NULL) {
            KaaErr_NoMemory();
            return -1;
        }
        memset(*out, 0, (size_t)count + 1);
        *n = count;
        return 0;
    }
    KaaObject *it = KaaObject_GetIter(src);
    if (it == NULL) {
        if (KaaErr_ExceptionMatches(KaaExc(TypeError))) {
            KaaErr_Clear();
            KaaErr_Format(KaaExc(TypeError), "cannot convert '%s' object to %s",
                          Kaa_TYPE(src)->tp_name, tname);
        }
        return -1;
    }
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    KaaObject *item;
    while ((item = KaaIter_Next(it)) != NULL) {
        Kaa_ssize_t v = KaaNumber_AsSsize_t(item, NULL);
        Kaa_DECREF(item);
        if (v == -1 && KaaErr_Occurred()) {
            goto error;
        }
        if (v < 0 || v > 255) {
            KaaErr_Format(KaaExc(ValueError), "%s must be in range(0, 256)",
                          strcmp(tname, "bytes") == 0 ? "bytes" : "byte");
            goto error;
        }
        kaa_strbuf_addc(&b, (char)v);
    }
    if (KaaErr_Occurred()) {
        goto error;
    }
    Kaa_DECREF(it);
    if (b.failed) {
        kaa_strbuf_free(&b);
        KaaErr_NoMemory();
        return -1;
    }
    *n = (Kaa_ssize_t)b.len;
    *out = kaa_mem_alloc(b.len + 1);
    if (*out == NULL) {
        kaa_strbuf_free(&b);
        KaaErr_NoMemory();
        return -1;
    }
    if (b.len) {
        memcpy(*out, b.data, b.len);
    }
    kaa_strbuf_free(&b);
    return 0;
error:
    kaa_strbuf_free(&b);
    Kaa_DECREF(it);
    return -1;
}

// bytes(x): x.__bytes__() when x's type has it (and no encoding is given),
// else what bytearray(x) accepts too. An exact bytes, or what __bytes__ gave.
static KaaObject *bytes_from_args(KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    static const char *const kwlist[] = {"source", "encoding", "errors", NULL};
    KaaObject *a[3];
    if (kaa_unpack_args("bytes", args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    if (a[0] != NULL && a[1] == NULL && a[2] == NULL) {
        int found;
        KaaObject *r = call_dunder_bytes(a[0], &found);
        if (found) {
            return r;
        }
    }
    char *buf;
    Kaa_ssize_t n;
    if (kaa_bytes_from_args("bytes", args, nargs, kwnames, &buf, &n) < 0) {
        return NULL;
    }
    KaaObject *r = KaaBytes_FromStringAndSize(buf, n);
    kaa_mem_free(buf);
    return r;
}

static KaaObject *bytes_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    KaaObject *r;
    if (nargs == 1 && kwnames == NULL && KaaBytes_CheckExact(args[0])) {
        r = Kaa_NewRef(args[0]);
    } else {
        r = bytes_from_args(args, nargs, kwnames);
    }
    if (r != NULL && type != &KaaBytes_Type) {
        Kaa_SETREF(r, bytes_subtype_new(type, KaaBytes_AS_STRING(r), Kaa_SIZE(r)));
    }
    return r;
}

// --- Slots (several shared with bytearray) ---------------------------------------------

static void bytes_dealloc(KaaObject *o)
{
    kaa_container_free(o);
}

KaaObject *kaa_bytes_repr_data(const char *prefix, const char *p, Kaa_ssize_t n,
                               const char *suffix)
{
    int squote = 0, dquote = 0;
    for (Kaa_ssize_t i = 0; i < n; i++) {
        if (p[i] == '\'') {
            squote = 1;
        } else if (p[i] == '"') {
            dquote = 1;
        }
    }
    char quote = (squote && !dquote) ? '"' : '\'';
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    kaa_strbuf_adds(&b, prefix);
    kaa_strbuf_addc(&b, 'b');
    kaa_strbuf_addc(&b, quote);
    for (Kaa_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        // bytearray's repr (prefix not empty) escapes ' even inside "..." (as CPython's).
        if (c == (unsigned char)quote || c == '\\' || (c == '\'' && prefix[0])) {
            kaa_strbuf_addc(&b, '\\');
            kaa_strbuf_addc(&b, (char)c);
        } else if (c == '\t') {
            kaa_strbuf_adds(&b, "\\t");
        } else if (c == '\n') {
            kaa_strbuf_adds(&b, "\\n");
        } else if (c == '\r') {
            kaa_strbuf_adds(&b, "\\r");
        } else if (c < 0x20 || c >= 0x7f) {
            kaa_strbuf_printf(&b, "\\x%02x", c);
        } else {
            kaa_strbuf_addc(&b, (char)c);
        }
    }
    kaa_strbuf_addc(&b, quote);
    kaa_strbuf_adds(&b, suffix);
    if (b.failed) {
        kaa_strbuf_free(&b);
        return KaaErr_NoMemory();
    }
    KaaObject *s = KaaStr_FromStringAndSize(b.data, (Kaa_ssize_t)b.len);
    kaa_strbuf_free(&b);
    return s;
}

static KaaObject *bytes_repr(KaaObject *o)
{
    return kaa_bytes_repr_data("", KaaBytes_AS_STRING(o), Kaa_SIZE(o), "");
}

static Kaa_hash_t bytes_hash(KaaObject *o)
{
    if (BYTES(o)->hash != -1) {
        return BYTES(o)->hash;
    }
    uint64_t h = 14695981039346656037ULL; // FNV-1a
    for (Kaa_ssize_t i = 0; i < Kaa_SIZE(o); i++) {
        h ^= (unsigned char)BYTES(o)->data[i];
        h *= 1099511628211ULL;
    }
    Kaa_hash_t r = (Kaa_hash_t)h;
    if (r == -1) {
        r = -2;
    }
    BYTES(o)->hash = r;
    return r;
}

KaaObject *kaa_bytes_richcompare(KaaObject *a, KaaObject *b, int op)
{
    const char *pa, *pb;
    Kaa_ssize_t na, nb;
    // bytes compares with bytes only; bytearray with any bytes-like object.
    int (*view)(KaaObject *, const char **, Kaa_ssize_t *) =
        KaaByteArray_Check(a) || KaaByteArray_Check(b) ? kaa_buffer_peek : kaa_bytes_view;
    if (!view(a, &pa, &na) || !view(b, &pb, &nb)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    if ((op == Kaa_EQ || op == Kaa_NE) && na != nb) {
        return KaaBool_FromLong(op == Kaa_NE);
    }
    Kaa_ssize_t m = na < nb ? na : nb;
    int c = m ? memcmp(pa, pb, (size_t)m) : 0;
    if (c == 0) {
        return kaa_compare_sizes(na, nb, op);
    }
    switch (op) {
    case Kaa_EQ:
        return KaaBool_FromLong(0);
    case Kaa_NE:
        return KaaBool_FromLong(1);
    case Kaa_LT:
    case Kaa_LE:
        return KaaBool_FromLong(c < 0);
    default:
        return KaaBool_FromLong(c > 0);
    }
}

Kaa_ssize_t kaa_bytes_length(KaaObject *o)
{
    return Kaa_SIZE(o);
}

KaaObject *kaa_bytes_item(KaaObject *o, Kaa_ssize_t i)
{
    const char *p;
    Kaa_ssize_t n;
    kaa_bytes_view(o, &p, &n);
    if ((size_t)i >= (size_t)n) {
        KaaErr_SetString(KaaExc(IndexError), KaaByteArray_Check(o) ? "bytearray index out of range"
                                                                   : "index out of range");
        return NULL;
    }
    return KaaInt_FromSsize_t((unsigned char)p[i]);
}

KaaObject *kaa_bytes_concat(KaaObject *a, KaaObject *b)
{
    const char *pa, *pb;
    Kaa_ssize_t na, nb;
    if (!kaa_bytes_view(a, &pa, &na) || !kaa_buffer_peek(b, &pb, &nb)) {
        KaaObject *bad = kaa_bytes_view(a, &pa, &na) ? b : a;
        return KaaErr_Format(KaaExc(TypeError), "can't concat %s to %s", Kaa_TYPE(bad)->tp_name,
                             Kaa_TYPE(a)->tp_name);
    }
    if (na > KAA_SSIZE_MAX - nb - 64) {
        return KaaErr_NoMemory();
    }
    KaaObject *r = same_kind(a, NULL, na + nb);
    if (r == NULL) {
        return NULL;
    }
    char *d = mut_data(r);
    if (na) {
        memcpy(d, pa, (size_t)na);
    }
    if (nb) {
        memcpy(d + na, pb, (size_t)nb);
    }
    return r;
}

KaaObject *kaa_bytes_repeat(KaaObject *a, Kaa_ssize_t n)
{
    const char *p;
    Kaa_ssize_t len;
    kaa_bytes_view(a, &p, &len);
    if (n < 0) {
        n = 0;
    }
    if (len && n > (KAA_SSIZE_MAX - 64) / len) {
        return KaaErr_NoMemory();
    }
    if (KaaBytes_CheckExact(a) && (n == 1 || len == 0)) {
        return Kaa_NewRef(a);
    }
    KaaObject *r = same_kind(a, NULL, len * n);
    if (r == NULL) {
        return NULL;
    }
    char *d = mut_data(r);
    for (Kaa_ssize_t k = 0; k < n; k++) {
        memcpy(d + k * len, p, (size_t)len);
    }
    return r;
}

int kaa_bytes_contains(KaaObject *self, KaaObject *x)
{
    const char *p, *q;
    Kaa_ssize_t n, m;
    if (kaa_buffer_peek(x, &q, &m)) {
        kaa_bytes_view(self, &p, &n);
        if (m == 0) {
            return 1;
        }
        for (Kaa_ssize_t i = 0; i + m <= n; i++) {
            if (memcmp(p + i, q, (size_t)m) == 0) {
                return 1;
            }
        }
        return 0;
    }
    KaaNumberMethods *nb = Kaa_TYPE(x)->tp_as_number;
    if (!(nb && nb->nb_index)) {
        KaaErr_Format(KaaExc(TypeError), "a bytes-like object is required, not '%s'",
                      Kaa_TYPE(x)->tp_name);
        return -1;
    }
    int v = kaa_byte_value(x);
    if (v < 0) {
        return -1;
    }
    kaa_bytes_view(self, &p, &n);
    return n > 0 && memchr(p, v, (size_t)n) != NULL;
}

KaaObject *kaa_bytes_subscript(KaaObject *o, KaaObject *item)
{
    KaaNumberMethods *nb = Kaa_TYPE(item)->tp_as_number;
    if (nb && nb->nb_index) {
        Kaa_ssize_t i = KaaNumber_AsSsize_t(item, KaaExc(IndexError));
        if (i == -1 && KaaErr_Occurred()) {
            return NULL;
        }
        return kaa_bytes_item(o, i < 0 ? i + Kaa_SIZE(o) : i);
    }
    if (KaaSlice_Check(item)) {
        Kaa_ssize_t start, stop, step;
        if (KaaSlice_Unpack(item, &start, &stop, &step) < 0) {
            return NULL;
        }
        const char *p;
        Kaa_ssize_t n;
        kaa_bytes_view(o, &p, &n);
        Kaa_ssize_t len = KaaSlice_AdjustIndices(n, &start, &stop, step);
        if (len <= 0) {
            return same_kind(o, NULL, 0);
        }
        if (step == 1) {
            if (len == n && KaaBytes_CheckExact(o)) {
                return Kaa_NewRef(o);
            }
            return same_kind(o, p + start, len);
        }
        KaaObject *r = same_kind(o, NULL, len);
        if (r == NULL) {
            return NULL;
        }
        char *d = mut_data(r);
        for (Kaa_ssize_t i = 0, cur = start; i < len; i++, cur += step) {
            d[i] = p[cur];
        }
        return r;
    }
    return KaaErr_Format(KaaExc(TypeError), "%s indices must be integers or slices, not %.200s",
                         KaaByteArray_Check(o) ? "bytearray" : "byte", Kaa_TYPE(item)->tp_name);
}

static KaaObject *bytes_iter(KaaObject *o)
{
    return KaaSeqIter_New(o);
}

// --- Argument helpers ----------------------------------------------------------------

// self's contents as p[0..n). A method takes the view only after converting
// its arguments: __index__ or an iterator may run Python code that resizes a
// bytearray and moves its bytes.
#define VIEW(self)                                                                               \
    const char *p;                                                                               \
    Kaa_ssize_t n;                                                                               \
    kaa_bytes_view((self), &p, &n)

// "bytes.center() takes no keyword arguments" (the methods CPython declares
// positional-only; the name is the defining builtin's, also for subclasses).
static int no_kwargs(KaaObject *self, const char *name, KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames) > 0) {
        KaaErr_Format(KaaExc(TypeError), "%s.%s() takes no keyword arguments", kind_name(self),
                      name);
        return -1;
    }
    return 0;
}

// find() & co. parse their arguments as CPython's PyArg_ParseTuple does:
// "find() takes at least 1 argument (0 given)".
static int tuple_args_check(const char *name, size_t nargs, KaaObject *kwnames, size_t min,
                            size_t max)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames) > 0) {
        KaaErr_Format(KaaExc(TypeError), "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs < min || nargs > max) {
        size_t bound = nargs < min ? min : max;
        KaaErr_Format(KaaExc(TypeError), "%s() takes %s %zu argument%s (%zu given)", name,
                      min == max ? "exactly" : nargs < min ? "at least" : "at most", bound,
                      bound == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static int need_bytes(KaaObject *o, const char **q, Kaa_ssize_t *m)
{
    if (!kaa_buffer_peek(o, q, m)) {
        KaaErr_Format(KaaExc(TypeError), "a bytes-like object is required, not '%s'",
                      Kaa_TYPE(o)->tp_name);
        return -1;
    }
    return 0;
}

// A Py_ssize_t argument (an index-like object). 0 or -1.
static int ssize_arg(KaaObject *o, Kaa_ssize_t *out)
{
    *out = KaaNumber_AsSsize_t(o, KaaExc(OverflowError));
    return *out == -1 && KaaErr_Occurred() ? -1 : 0;
}

// The one optional int parameter `kw` of method fname; *out keeps its
// default when absent. 0 or -1.
static int one_int_arg(const char *fname, const char *kw, KaaObject *const *args, size_t nargs,
                       KaaObject *kwnames, int *out)
{
    const char *const kwlist[] = {kw, NULL};
    KaaObject *a[1];
    if (kaa_unpack_args(fname, args, nargs, kwnames, kwlist, 0, a) < 0) {
        return -1;
    }
    return a[0] ? kaa_number_as_int(a[0], out) : 0;
}

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Append a new object of self's kind holding p[0..n) to list. 0 or -1.
static int append_piece(KaaObject *list, KaaObject *self, const char *p, Kaa_ssize_t n)
{
    KaaObject *piece = same_kind(self, p, n);
    if (piece == NULL) {
        return -1;
    }
    int r = KaaList_Append(list, piece);
    Kaa_DECREF(piece);
    return r;
}

// The optional start/end arguments (args[0], args[1]; None for absent), as
// given: *end is KAA_SSIZE_MAX when absent. 0 or -1.
static int get_range(KaaObject *const *args, size_t nargs, Kaa_ssize_t *start, Kaa_ssize_t *end)
{
    *start = 0;
    *end = KAA_SSIZE_MAX;
    if ((nargs >= 1 && args[0] != Kaa_None && kaa_container_slice_index(args[0], start) < 0) ||
        (nargs >= 2 && args[1] != Kaa_None && kaa_container_slice_index(args[1], end) < 0)) {
        return -1;
    }
    return 0;
}

// start/end adjusted for n bytes as slice bounds; *start > *end means nothing
// can match.
static void adjust_range(Kaa_ssize_t n, Kaa_ssize_t *start, Kaa_ssize_t *end)
{
    if (*end > n) {
        *end = n;
    } else if (*end < 0) {
        *end = *end + n < 0 ? 0 : *end + n;
    }
    if (*start < 0) {
        *start = *start + n < 0 ? 0 : *start + n;
    }
}

// First (or, with `last`, last) index of q[0..m) in p[lo..hi), or -1.
static Kaa_ssize_t search(const char *p, Kaa_ssize_t lo, Kaa_ssize_t hi, const char *q,
                          Kaa_ssize_t m, int last)
{
    if (lo > hi || hi - lo < m) {
        return -1;
    }
    if (last) {
        for (Kaa_ssize_t k = hi - m; k >= lo; k--) {
            if (memcmp(p + k, q, (size_t)m) == 0) {
                return k;
            }
        }
    } else {
        for (Kaa_ssize_t k = lo; k + m <= hi; k++) {
            if (memcmp(p + k, q, (size_t)m) == 0) {
                return k;
            }
        }
    }
    return -1;
}

// --- Shared methods ----------------------------------------------------------------------

// hex(sep=None, bytes_per_sep=1): with a separator, it goes between groups of
// bytes_per_sep bytes counted from the right (from the left when negative).
KaaObject *kaa_bytes_hex(KaaObject *self, KaaObject *const *args, size_t nargs,
                         KaaObject *kwnames)
{
    static const char *const kwlist[] = {"sep", "bytes_per_sep", NULL};
    KaaObject *a[2];
    if (kaa_unpack_args("hex", args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    char sep = 0;
    int per = 1;
    if (a[1] != NULL && kaa_number_as_int(a[1], &per) < 0) {
        return NULL;
    }
    if (a[0] != NULL) {
        Kaa_ssize_t len = KaaObject_Length(a[0]);
        if (len < 0) {
            return NULL;
        }
        if (len != 1) {
            return KaaErr_Format(KaaExc(ValueError), "sep must be length 1.");
        }
        unsigned char c;
        if (KaaStr_Check(a[0])) {
            c = (unsigned char)KaaStr_DATA(a[0])[0]; // a lead byte >= 0x80 when not ASCII
        } else if (KaaBytes_Check(a[0])) {
            c = (unsigned char)KaaBytes_AS_STRING(a[0])[0];
        } else {
            return KaaErr_Format(KaaExc(TypeError), "sep must be str or bytes.");
        }
        if (c > 127) {
            return KaaErr_Format(KaaExc(ValueError), "sep must be ASCII.");
        }
        sep = (char)c;
    }
    VIEW(self);
    Kaa_ssize_t group = per < 0 ? -(Kaa_ssize_t)per : per;
    if (a[0] == NULL) {
        group = 0;
    }
    static const char digits[] = "0123456789abcdef";
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    for (Kaa_ssize_t i = 0; i < n; i++) {
        if (group && i > 0 && (per < 0 ? i : n - i) % group == 0) {
            kaa_strbuf_addc(&b, sep);
        }
        kaa_strbuf_addc(&b, digits[(unsigned char)p[i] >> 4]);
        kaa_strbuf_addc(&b, digits[(unsigned char)p[i] & 15]);
    }
    if (b.failed) {
        kaa_strbuf_free(&b);
        return KaaErr_NoMemory();
    }
    KaaObject *s = KaaStr_FromStringAndSize(b.data ? b.data : "", (Kaa_ssize_t)b.len);
    kaa_strbuf_free(&b);
    return s;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// cls.fromhex(string): bytes or bytearray, then cls(that) for a subclass.
KaaObject *kaa_bytes_fromhex(KaaObject *type, KaaObject *arg)
{
    if (!KaaStr_Check(arg)) {
        return KaaErr_Format(KaaExc(TypeError), "fromhex() argument must be str, not %s",
                             kaa_arg_type_name(arg));
    }
    const char *s = KaaStr_DATA(arg);
    Kaa_ssize_t len = KaaStr_NBYTES(arg);
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    Kaa_ssize_t i = 0;
    while (i < len) {
        if (is_ws((unsigned char)s[i])) {
            i++;
            continue;
        }
        int hi = hexval(s[i]);
        int lo = i + 1 < len ? hexval(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            // Everything before the bad character is ASCII: byte and character
            // positions agree.
            kaa_strbuf_free(&b);
            return KaaErr_Format(KaaExc(ValueError),
                                 "non-hexadecimal number found in fromhex() arg at position %zd",
                                 hi < 0 ? i : i + 1);
        }
        kaa_strbuf_addc(&b, (char)(hi * 16 + lo));
        i += 2;
    }
    if (b.failed) {
        kaa_strbuf_free(&b);
        return KaaErr_NoMemory();
    }
    KaaTypeObject *t = (KaaTypeObject *)type;
    int ba = KaaType_IsSubtype(t, &KaaByteArray_Type);
    KaaObject *r = ba ? KaaByteArray_FromStringAndSize(b.data, (Kaa_ssize_t)b.len)
                      : KaaBytes_FromStringAndSize(b.data, (Kaa_ssize_t)b.len);
    kaa_strbuf_free(&b);
    if (r != NULL && t != &KaaBytes_Type && t != &KaaByteArray_Type) {
        Kaa_SETREF(r, KaaObject_CallOneArg(type, r));
    }
    return r;
}

KaaObject *kaa_bytes_join(KaaObject *self, KaaObject *iterable)
{
    KaaObject *seq = kaa_sequence_fast(iterable, "can only join an iterable");
    if (seq == NULL) {
        return NULL;
    }
    VIEW(self);
    Kaa_ssize_t count = KaaList_Check(seq) ? KaaList_GET_SIZE(seq) : KaaTuple_GET_SIZE(seq);
    KaaObject **items = KaaList_Check(seq) ? ((KaaListObject *)seq)->ob_item
                                           : ((KaaTupleObject *)seq)->ob_item;
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    for (Kaa_ssize_t i = 0; i < count; i++) {
        const char *q;
        Kaa_ssize_t m;
        if (!kaa_buffer_peek(items[i], &q, &m)) {
            kaa_strbuf_free(&b);
            KaaErr_Format(KaaExc(TypeError),
                          "sequence item %zd: expected a bytes-like object, %s found", i,
                          Kaa_TYPE(items[i])->tp_name);
            Kaa_DECREF(seq);
            return NULL;
        }
        if (i > 0) {
            kaa_strbuf_add(&b, p, (size_t)n);
        }
        kaa_strbuf_add(&b, q, (size_t)m);
    }
    Kaa_DECREF(seq);
    return buf_to_kind(self, &b);
}

// Split p[0..n) on runs of whitespace into list, from the left or the right
// (the pieces then come out last first). After maxsplit splits the rest is
// one piece, with the whitespace on the side not yet scanned kept.
static int split_whitespace(KaaObject *list, KaaObject *self, const char *p, Kaa_ssize_t n,
                            Kaa_ssize_t maxsplit, int right)
{
    Kaa_ssize_t i = 0, j = n;
    for (Kaa_ssize_t splits = 0;; splits++) {
        if (right) {
            while (j > 0 && is_ws((unsigned char)p[j - 1])) {
                j--;
            }
        } else {
            while (i < n && is_ws((unsigned char)p[i])) {
                i++;
            }
        }
        if (i >= j) {
            return 0;
        }
        if (splits >= maxsplit) {
            return append_piece(list, self, p + i, j - i);
        }
        Kaa_ssize_t k;
        if (right) {
            for (k = j; k > 0 && !is_ws((unsigned char)p[k - 1]); k--) {
            }
            if (append_piece(list, self, p + k, j - k) < 0) {
                return -1;
            }
            j = k;
        } else {
            for (k = i; k < n && !is_ws((unsigned char)p[k]); k++) {
            }
            if (append_piece(list, self, p + i, k - i) < 0) {
                return -1;
            }
            i = k;
        }
    }
}

// Split p[0..n) on sep[0..m) (m > 0) into list, from the left or the right.
static int split_sep(KaaObject *list, KaaObject *self, const char *p, Kaa_ssize_t n,
                     const char *sep, Kaa_ssize_t m, Kaa_ssize_t maxsplit, int right)
{
    Kaa_ssize_t i = 0, j = n;
    for (Kaa_ssize_t splits = 0; splits < maxsplit; splits++) {
        Kaa_ssize_t at = search(p, i, j, sep, m, right);
        if (at < 0) {
            break;
        }
        if (right) {
            if (append_piece(list, self, p + at + m, j - at - m) < 0) {
                return -1;
            }
            j = at;
        } else {
            if (append_piece(list, self, p + i, at - i) < 0) {
                return -1;
            }
            i = at + m;
        }
    }
    return append_piece(list, self, p + i, j - i);
}

static KaaObject *do_split(KaaObject *self, KaaObject *const *args, size_t nargs,
                           KaaObject *kwnames, int right)
{
    static const char *const kwlist[] = {"sep", "maxsplit", NULL};
    const char *name = right ? "rsplit" : "split";
    KaaObject *a[2];
    if (kaa_unpack_args(name, args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    Kaa_ssize_t maxsplit = -1;
    if (a[1] && ssize_arg(a[1], &maxsplit) < 0) {
        return NULL;
    }
    if (maxsplit < 0) {
        maxsplit = KAA_SSIZE_MAX;
    }
    VIEW(self);
    const char *sep = NULL;
    Kaa_ssize_t m = 0;
    if (a[0] && a[0] != Kaa_None) {
        if (need_bytes(a[0], &sep, &m) < 0) {
            return NULL;
        }
        if (m == 0) {
            return KaaErr_Format(KaaExc(ValueError), "empty separator");
        }
    }
    KaaObject *list = KaaList_New(0);
    if (list == NULL) {
        return NULL;
    }
    int r = sep ? split_sep(list, self, p, n, sep, m, maxsplit, right)
                : split_whitespace(list, self, p, n, maxsplit, right);
    if (r < 0) {
        Kaa_DECREF(list);
        return NULL;
    }
    if (right) {
        KaaObject **items = ((KaaListObject *)list)->ob_item;
        for (Kaa_ssize_t i = 0, j = KaaList_GET_SIZE(list) - 1; i < j; i++, j--) {
            KaaObject *t = items[i];
            items[i] = items[j];
            items[j] = t;
        }
    }
    return list;
}

KaaObject *kaa_bytes_split(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_split(s, a, n, k, 0);
}

KaaObject *kaa_bytes_rsplit(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_split(s, a, n, k, 1);
}

// splitlines(keepends=False): lines end at \n, \r or \r\n.
KaaObject *kaa_bytes_splitlines(KaaObject *self, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    int keepends = 0;
    if (one_int_arg("splitlines", "keepends", args, nargs, kwnames, &keepends) < 0) {
        return NULL;
    }
    VIEW(self);
    KaaObject *list = KaaList_New(0);
    if (list == NULL) {
        return NULL;
    }
    for (Kaa_ssize_t i = 0; i < n;) {
        Kaa_ssize_t start = i;
        while (i < n && p[i] != '\n' && p[i] != '\r') {
            i++;
        }
        Kaa_ssize_t eol = i;
        if (i < n) {
            i += (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n') ? 2 : 1;
            if (keepends) {
                eol = i;
            }
        }
        if (append_piece(list, self, p + start, eol - start) < 0) {
            Kaa_DECREF(list);
            return NULL;
        }
    }
    return list;
}

// partition(sep) / rpartition(sep): a 3-tuple. bytes puts the separator
// object itself in the middle and self in place of a missing part.
static KaaObject *do_partition(KaaObject *self, KaaObject *sepobj, int right)
{
    VIEW(self);
    const char *sep;
    Kaa_ssize_t m;
    if (need_bytes(sepobj, &sep, &m) < 0) {
        return NULL;
    }
    if (m == 0) {
        return KaaErr_Format(KaaExc(ValueError), "empty separator");
    }
    int ba = KaaByteArray_Check(self);
    Kaa_ssize_t at = search(p, 0, n, sep, m, right);
    KaaObject *parts[3];
    if (at < 0) {
        KaaObject *whole = ba ? same_kind(self, p, n) : Kaa_NewRef(self);
        parts[right ? 2 : 0] = whole;
        parts[1] = same_kind(self, NULL, 0);
        parts[right ? 0 : 2] = same_kind(self, NULL, 0);
    } else {
        parts[0] = same_kind(self, p, at);
        parts[1] = ba ? same_kind(self, sep, m) : Kaa_NewRef(sepobj);
        parts[2] = same_kind(self, p + at + m, n - at - m);
    }
    KaaObject *r = NULL;
    if (parts[0] && parts[1] && parts[2]) {
        r = KaaTuple_Pack(3, parts[0], parts[1], parts[2]);
    }
    for (int i = 0; i < 3; i++) {
        Kaa_XDECREF(parts[i]);
    }
    return r;
}

KaaObject *kaa_bytes_partition(KaaObject *self, KaaObject *sep)
{
    return do_partition(self, sep, 0);
}

KaaObject *kaa_bytes_rpartition(KaaObject *self, KaaObject *sep)
{
    return do_partition(self, sep, 1);
}

static KaaObject *do_strip(KaaObject *self, KaaObject *const *args, size_t nargs,
                           KaaObject *kwnames, int sides, const char *name)
{
    if (no_kwargs(self, name, kwnames) < 0 || kaa_container_check_nargs(name, nargs, 0, 1) < 0) {
        return NULL;
    }
    VIEW(self);
    const char *chars = " \t\n\r\v\f";
    Kaa_ssize_t nc = 6;
    if (nargs == 1 && args[0] != Kaa_None && need_bytes(args[0], &chars, &nc) < 0) {
        return NULL;
    }
    Kaa_ssize_t i = 0, j = n;
    if (sides & 1) {
        while (i < j && nc && memchr(chars, p[i], (size_t)nc)) {
            i++;
        }
    }
    if (sides & 2) {
        while (j > i && nc && memchr(chars, p[j - 1], (size_t)nc)) {
            j--;
        }
    }
    if (i == 0 && j == n) {
        return self_or_copy(self);
    }
    return same_kind(self, p + i, j - i);
}

KaaObject *kaa_bytes_strip(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_strip(s, a, n, k, 3, "strip");
}

KaaObject *kaa_bytes_lstrip(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_strip(s, a, n, k, 1, "lstrip");
}

KaaObject *kaa_bytes_rstrip(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_strip(s, a, n, k, 2, "rstrip");
}

static KaaObject *do_affix(KaaObject *self, KaaObject *const *args, size_t nargs,
                           KaaObject *kwnames, int end_side, const char *name)
{
    if (tuple_args_check(name, nargs, kwnames, 1, 3) < 0) {
        return NULL;
    }
    Kaa_ssize_t b0, b1;
    if (get_range(args + 1, nargs - 1, &b0, &b1) < 0) {
        return NULL;
    }
    VIEW(self);
    adjust_range(n, &b0, &b1);
    KaaObject *fix = args[0];
    Kaa_ssize_t nfix = KaaTuple_Check(fix) ? KaaTuple_GET_SIZE(fix) : 1;
    for (Kaa_ssize_t i = 0; i < nfix; i++) {
        KaaObject *f = KaaTuple_Check(fix) ? KaaTuple_GET_ITEM(fix, i) : fix;
        const char *q;
        Kaa_ssize_t m;
        if (!kaa_buffer_peek(f, &q, &m)) {
            if (KaaTuple_Check(fix)) {
                return KaaErr_Format(KaaExc(TypeError),
                                     "a bytes-like object is required, not '%s'",
                                     Kaa_TYPE(f)->tp_name);
            }
            return KaaErr_Format(KaaExc(TypeError),
                                 "%s first arg must be bytes or a tuple of bytes, not %s", name,
                                 Kaa_TYPE(f)->tp_name);
        }
        if (b0 > n || b1 - b0 < m) {
            continue;
        }
        Kaa_ssize_t at = end_side ? b1 - m : b0;
        if (m == 0 || memcmp(p + at, q, (size_t)m) == 0) {
            return KaaBool_FromLong(1);
        }
    }
    return KaaBool_FromLong(0);
}

KaaObject *kaa_bytes_startswith(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_affix(s, a, n, k, 0, "startswith");
}

KaaObject *kaa_bytes_endswith(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_affix(s, a, n, k, 1, "endswith");
}

// The needle of find/index/count: bytes-like or an int byte. 0 or -1.
static int get_needle(KaaObject *o, const char **q, Kaa_ssize_t *m, char *one)
{
    if (kaa_buffer_peek(o, q, m)) {
        return 0;
    }
    KaaNumberMethods *nb = Kaa_TYPE(o)->tp_as_number;
    if (!(nb && nb->nb_index)) {
        KaaErr_Format(KaaExc(TypeError),
                      "argument should be integer or bytes-like object, not '%s'",
                      Kaa_TYPE(o)->tp_name);
        return -1;
    }
    int v = kaa_byte_value(o);
    if (v < 0) {
        return -1;
    }
    *one = (char)v;
    *q = one;
    *m = 1;
    return 0;
}

enum { FIND, RFIND, INDEX, RINDEX, COUNT };

static KaaObject *do_find(KaaObject *self, KaaObject *const *args, size_t nargs,
                          KaaObject *kwnames, const char *name, int mode)
{
    if (tuple_args_check(name, nargs, kwnames, 1, 3) < 0) {
        return NULL;
    }
    const char *q;
    Kaa_ssize_t m, b0, b1;
    char one;
    if (get_needle(args[0], &q, &m, &one) < 0 || get_range(args + 1, nargs - 1, &b0, &b1) < 0) {
        return NULL;
    }
    VIEW(self);
    adjust_range(n, &b0, &b1);
    if (mode == COUNT) {
        Kaa_ssize_t count = 0;
        if (b0 <= n && b1 - b0 >= m) {
            if (m == 0) {
                count = b1 - b0 + 1;
            } else {
                for (Kaa_ssize_t k = b0; (k = search(p, k, b1, q, m, 0)) >= 0; k += m) {
                    count++;
                }
            }
        }
        return KaaInt_FromSsize_t(count);
    }
    Kaa_ssize_t j = search(p, b0, b1, q, m, mode == RFIND || mode == RINDEX);
    if (j < 0 && (mode == INDEX || mode == RINDEX)) {
        return KaaErr_Format(KaaExc(ValueError), "subsection not found");
    }
    return KaaInt_FromSsize_t(j);
}

KaaObject *kaa_bytes_find(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_find(s, a, n, k, "find", FIND);
}

KaaObject *kaa_bytes_rfind(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_find(s, a, n, k, "rfind", RFIND);
}

KaaObject *kaa_bytes_index(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_find(s, a, n, k, "index", INDEX);
}

KaaObject *kaa_bytes_rindex(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_find(s, a, n, k, "rindex", RINDEX);
}

KaaObject *kaa_bytes_count(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_find(s, a, n, k, "count", COUNT);
}

KaaObject *kaa_bytes_replace(KaaObject *self, KaaObject *const *args, size_t nargs,
                             KaaObject *kwnames)
{
    if (no_kwargs(self, "replace", kwnames) < 0 ||
        kaa_container_check_nargs("replace", nargs, 2, 3) < 0) {
        return NULL;
    }
    const char *old, *new_;
    Kaa_ssize_t nold, nnew, count = -1;
    if ((nargs == 3 && ssize_arg(args[2], &count) < 0) || need_bytes(args[0], &old, &nold) < 0 ||
        need_bytes(args[1], &new_, &nnew) < 0) {
        return NULL;
    }
    VIEW(self);
    if (count < 0) {
        count = KAA_SSIZE_MAX;
    }
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    Kaa_ssize_t i = 0, done = 0;
    if (nold == 0) {
        while (done < count && i <= n) {
            kaa_strbuf_add(&b, new_, (size_t)nnew);
            done++;
            if (i < n) {
                kaa_strbuf_addc(&b, p[i]);
            }
            i++;
        }
        if (i < n) {
            kaa_strbuf_add(&b, p + i, (size_t)(n - i));
        }
    } else {
        while (i < n) {
            if (done < count && i + nold <= n && memcmp(p + i, old, (size_t)nold) == 0) {
                kaa_strbuf_add(&b, new_, (size_t)nnew);
                i += nold;
                done++;
            } else {
                kaa_strbuf_addc(&b, p[i++]);
            }
        }
    }
    if (done == 0) {
        kaa_strbuf_free(&b);
        return self_or_copy(self);
    }
    return buf_to_kind(self, &b);
}

// removeprefix(prefix) / removesuffix(suffix)
static KaaObject *do_remove_affix(KaaObject *self, KaaObject *arg, int suffix)
{
    VIEW(self);
    const char *q;
    Kaa_ssize_t m;
    if (need_bytes(arg, &q, &m) < 0) {
        return NULL;
    }
    if (m == 0 || m > n || memcmp(suffix ? p + n - m : p, q, (size_t)m) != 0) {
        return self_or_copy(self);
    }
    return same_kind(self, suffix ? p : p + m, n - m);
}

KaaObject *kaa_bytes_removeprefix(KaaObject *self, KaaObject *arg)
{
    return do_remove_affix(self, arg, 0);
}

KaaObject *kaa_bytes_removesuffix(KaaObject *self, KaaObject *arg)
{
    return do_remove_affix(self, arg, 1);
}

// --- Case mapping and classification (ASCII only, as CPython's bytes) -------------------

static int c_upper(int c) { return c >= 'A' && c <= 'Z'; }
static int c_lower(int c) { return c >= 'a' && c <= 'z'; }
static int c_digit(int c) { return c >= '0' && c <= '9'; }
static int c_alpha(int c) { return c_upper(c) || c_lower(c); }
static int c_space(int c) { return is_ws((unsigned char)c); }
static int c_alnum(int c) { return c_digit(c) || c_alpha(c); }
static char to_upper(char c) { return c_lower((unsigned char)c) ? (char)(c - 32) : c; }
static char to_lower(char c) { return c_upper((unsigned char)c) ? (char)(c + 32) : c; }

enum { MAP_UPPER, MAP_LOWER, MAP_SWAPCASE, MAP_TITLE, MAP_CAPITALIZE };

static KaaObject *map_case(KaaObject *self, int mode)
{
    VIEW(self);
    KaaObject *r = same_kind(self, p, n);
    if (r == NULL) {
        return NULL;
    }
    char *d = mut_data(r);
    int prev_cased = 0;
    for (Kaa_ssize_t i = 0; i < n; i++) {
        char c = d[i];
        switch (mode) {
        case MAP_UPPER:
            d[i] = to_upper(c);
            break;
        case MAP_LOWER:
            d[i] = to_lower(c);
            break;
        case MAP_SWAPCASE:
            d[i] = c_upper((unsigned char)c) ? to_lower(c) : to_upper(c);
            break;
        case MAP_TITLE:
            d[i] = prev_cased ? to_lower(c) : to_upper(c);
            prev_cased = c_alpha((unsigned char)c);
            break;
        default:
            d[i] = i == 0 ? to_upper(c) : to_lower(c);
            break;
        }
    }
    return r;
}

KaaObject *kaa_bytes_upper(KaaObject *s, KaaObject *u) { (void)u; return map_case(s, MAP_UPPER); }
KaaObject *kaa_bytes_lower(KaaObject *s, KaaObject *u) { (void)u; return map_case(s, MAP_LOWER); }
KaaObject *kaa_bytes_swapcase(KaaObject *s, KaaObject *u) { (void)u; return map_case(s, MAP_SWAPCASE); }
KaaObject *kaa_bytes_title(KaaObject *s, KaaObject *u) { (void)u; return map_case(s, MAP_TITLE); }
KaaObject *kaa_bytes_capitalize(KaaObject *s, KaaObject *u) { (void)u; return map_case(s, MAP_CAPITALIZE); }

// Every byte satisfies pred; false for an empty sequence unless `empty`.
static KaaObject *all_of(KaaObject *self, int (*pred)(int), int empty)
{
    VIEW(self);
    for (Kaa_ssize_t i = 0; i < n; i++) {
        if (!pred((unsigned char)p[i])) {
            return KaaBool_FromLong(0);
        }
    }
    return KaaBool_FromLong(n > 0 || empty);
}

static int c_ascii(int c) { return c < 0x80; }

KaaObject *kaa_bytes_isdigit(KaaObject *s, KaaObject *u) { (void)u; return all_of(s, c_digit, 0); }
KaaObject *kaa_bytes_isalpha(KaaObject *s, KaaObject *u) { (void)u; return all_of(s, c_alpha, 0); }
KaaObject *kaa_bytes_isspace(KaaObject *s, KaaObject *u) { (void)u; return all_of(s, c_space, 0); }
KaaObject *kaa_bytes_isalnum(KaaObject *s, KaaObject *u) { (void)u; return all_of(s, c_alnum, 0); }
KaaObject *kaa_bytes_isascii(KaaObject *s, KaaObject *u) { (void)u; return all_of(s, c_ascii, 1); }

// isupper/islower: some cased byte and none of the other case.
static KaaObject *cased(KaaObject *self, int upper)
{
    VIEW(self);
    int seen = 0;
    for (Kaa_ssize_t i = 0; i < n; i++) {
        int c = (unsigned char)p[i];
        if (upper ? c_lower(c) : c_upper(c)) {
            return KaaBool_FromLong(0);
        }
        seen |= c_alpha(c);
    }
    return KaaBool_FromLong(seen);
}

KaaObject *kaa_bytes_isupper(KaaObject *s, KaaObject *u) { (void)u; return cased(s, 1); }
KaaObject *kaa_bytes_islower(KaaObject *s, KaaObject *u) { (void)u; return cased(s, 0); }

// istitle: uppercase bytes only start cased runs, lowercase ones only continue them.
KaaObject *kaa_bytes_istitle(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    VIEW(self);
    int seen = 0, prev_cased = 0;
    for (Kaa_ssize_t i = 0; i < n; i++) {
        int c = (unsigned char)p[i];
        if (c_upper(c) ? prev_cased : c_lower(c) ? !prev_cased : 0) {
            return KaaBool_FromLong(0);
        }
        prev_cased = c_alpha(c);
        seen |= prev_cased;
    }
    return KaaBool_FromLong(seen);
}

// --- Padding, tabs, translation ----------------------------------------------------------

// A copy of self with `left` and `right` fill bytes around it.
static KaaObject *pad(KaaObject *self, Kaa_ssize_t left, Kaa_ssize_t right, char fill)
{
    VIEW(self);
    if (left <= 0 && right <= 0) {
        return self_or_copy(self);
    }
    left = left < 0 ? 0 : left;
    right = right < 0 ? 0 : right;
    if (left > KAA_SSIZE_MAX - 64 - n - right) {
        return KaaErr_NoMemory();
    }
    KaaObject *r = same_kind(self, NULL, left + n + right);
    if (r == NULL) {
        return NULL;
    }
    char *d = mut_data(r);
    memset(d, fill, (size_t)left);
    if (n) {
        memcpy(d + left, p, (size_t)n);
    }
    memset(d + left + n, fill, (size_t)right);
    return r;
}

// center/ljust/rjust(width, fillchar=b' ', /): side 0 center, 1 ljust, 2 rjust.
static KaaObject *do_justify(KaaObject *self, KaaObject *const *args, size_t nargs,
                             KaaObject *kwnames, const char *name, int side)
{
    Kaa_ssize_t width;
    if (no_kwargs(self, name, kwnames) < 0 || kaa_container_check_nargs(name, nargs, 1, 2) < 0 ||
        ssize_arg(args[0], &width) < 0) {
        return NULL;
    }
    char fill = ' ';
    if (nargs == 2) {
        const char *q;
        Kaa_ssize_t m;
        if (!kaa_bytes_view(args[1], &q, &m) || m != 1) {
            return KaaErr_Format(KaaExc(TypeError),
                                 "%s() argument 2 must be a byte string of length 1, not %s", name,
                                 kaa_arg_type_name(args[1]));
        }
        fill = q[0];
    }
    Kaa_ssize_t marg = width - Kaa_SIZE(self);
    if (marg <= 0) {
        return self_or_copy(self);
    }
    Kaa_ssize_t left = side == 1 ? 0 : side == 2 ? marg : marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

KaaObject *kaa_bytes_center(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_justify(s, a, n, k, "center", 0);
}

KaaObject *kaa_bytes_ljust(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_justify(s, a, n, k, "ljust", 1);
}

KaaObject *kaa_bytes_rjust(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_justify(s, a, n, k, "rjust", 2);
}

// zfill(width): pad with b'0' on the left, after a leading sign.
KaaObject *kaa_bytes_zfill(KaaObject *self, KaaObject *arg)
{
    Kaa_ssize_t width;
    if (ssize_arg(arg, &width) < 0) {
        return NULL;
    }
    Kaa_ssize_t fill = width - Kaa_SIZE(self);
    KaaObject *r = pad(self, fill, 0, '0');
    if (r != NULL && fill > 0) {
        char *d = mut_data(r);
        if (d[fill] == '+' || d[fill] == '-') {
            d[0] = d[fill];
            d[fill] = '0';
        }
    }
    return r;
}

// expandtabs(tabsize=8): tabs to spaces up to the next multiple of tabsize;
// \n and \r restart the column.
KaaObject *kaa_bytes_expandtabs(KaaObject *self, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    int tabsize = 8;
    if (one_int_arg("expandtabs", "tabsize", args, nargs, kwnames, &tabsize) < 0) {
        return NULL;
    }
    VIEW(self);
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    Kaa_ssize_t column = 0;
    for (Kaa_ssize_t i = 0; i < n && !b.failed; i++) {
        if (p[i] == '\t') {
            if (tabsize > 0) {
                Kaa_ssize_t incr = tabsize - column % tabsize;
                column += incr;
                while (incr-- > 0) {
                    kaa_strbuf_addc(&b, ' ');
                }
            }
        } else {
            kaa_strbuf_addc(&b, p[i]);
            column = (p[i] == '\n' || p[i] == '\r') ? 0 : column + 1;
        }
    }
    return buf_to_kind(self, &b);
}

// translate(table, /, delete=b''): table is None or 256 bytes.
KaaObject *kaa_bytes_translate(KaaObject *self, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    static const char *const kwlist[] = {"table", "delete", NULL};
    KaaObject *a[2];
    if (nargs < 1) {
        return KaaErr_Format(KaaExc(TypeError),
                             "translate() takes at least 1 positional argument (0 given)");
    }
    if (kaa_unpack_args("translate", args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    const char *table = NULL, *del = "";
    Kaa_ssize_t ntable = 0, ndel = 0;
    if (a[0] != Kaa_None) {
        if (need_bytes(a[0], &table, &ntable) < 0) {
            return NULL;
        }
        if (ntable != 256) {
            return KaaErr_Format(KaaExc(ValueError),
                                 "translation table must be 256 characters long");
        }
    }
    if (a[1] && need_bytes(a[1], &del, &ndel) < 0) {
        return NULL;
    }
    char deleted[256] = {0};
    for (Kaa_ssize_t i = 0; i < ndel; i++) {
        deleted[(unsigned char)del[i]] = 1;
    }
    VIEW(self);
    KaaObject *r = same_kind(self, NULL, n);
    if (r == NULL) {
        return NULL;
    }
    char *d = mut_data(r);
    Kaa_ssize_t w = 0;
    for (Kaa_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (!deleted[c]) {
            d[w++] = table ? table[c] : (char)c;
        }
    }
    if (KaaBytes_CheckExact(self) && w == n && memcmp(d, p, (size_t)n) == 0) {
        Kaa_DECREF(r);
        return Kaa_NewRef(self);
    }
    if (w < n) {
        Kaa_SETREF(r, same_kind(self, d, w));
    }
    return r;
}

// bytes.maketrans(frm, to) / bytearray.maketrans: a 256-byte bytes table.
KaaObject *kaa_bytes_maketrans(KaaObject *cls, KaaObject *const *args, size_t nargs,
                               KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames) > 0) {
        int ba = KaaType_IsSubtype((KaaTypeObject *)cls, &KaaByteArray_Type);
        return KaaErr_Format(KaaExc(TypeError), "%s.maketrans() takes no keyword arguments",
                             ba ? "bytearray" : "bytes");
    }
    if (kaa_container_check_nargs("maketrans", nargs, 2, 2) < 0) {
        return NULL;
    }
    const char *frm, *to;
    Kaa_ssize_t nfrm, nto;
    if (need_bytes(args[0], &frm, &nfrm) < 0 || need_bytes(args[1], &to, &nto) < 0) {
        return NULL;
    }
    if (nfrm != nto) {
        return KaaErr_Format(KaaExc(ValueError), "maketrans arguments must have same length");
    }
    KaaObject *r = KaaBytes_FromStringAndSize(NULL, 256);
    if (r == NULL) {
        return NULL;
    }
    char *d = KaaBytes_AS_STRING(r);
    for (int i = 0; i < 256; i++) {
        d[i] = (char)i;
    }
    for (Kaa_ssize_t i = 0; i < nfrm; i++) {
        d[(unsigned char)frm[i]] = to[i];
    }
    return r;
}

// --- printf-style formatting: bytes % args --------------------------------------------
//
// CPython's _PyBytes_FormatEx. The directives are read by str's loop
// (kaa_pct_format in objects/formatter.c, which also words "prec too big" as
// bytes does), and the numeric conversions (%d %x %f ...) are the same as
// str's, so they go through KaaStr_PrintfFormat with the parsed spec rebuilt
// ("%-+08.3f") and the one argument; only the texts that differ for bytes
// (%f of a non-number) are decided here.

// %d %x %e ...: str's formatting of v under the same spec, as ASCII text.
static int fmt_number(KaaStrBuf *b, const KaaPctArg *a, KaaObject *v)
{
    KaaObject *arg;
    if (strchr("eEfFgG", (int)a->ch)) {
        double x = KaaFloat_AsDouble(v);
        if (x == -1.0 && KaaErr_Occurred()) {
            KaaErr_Clear();
            KaaErr_Format(KaaExc(TypeError), "float argument required, not %.200s",
                          Kaa_TYPE(v)->tp_name);
            return -1;
        }
        arg = KaaFloat_FromDouble(x);
    } else {
        arg = Kaa_NewRef(v);
    }
    char spec[64], *q = spec;
    *q++ = '%';
    for (int i = 0; i < 5; i++) {
        if (a->flags & (1 << i)) {
            *q++ = "-+ #0"[i];
        }
    }
    if (a->width >= 0) {
        q += snprintf(q, 24, "%zd", a->width);
    }
    if (a->prec >= 0) {
        q += snprintf(q, 16, ".%d", a->prec);
    }
    *q++ = (char)a->ch;
    *q = '\0';
    KaaObject *fmt = KaaStr_FromString(spec);
    KaaObject *tuple = arg && fmt ? KaaTuple_Pack(1, arg) : NULL;
    KaaObject *text = tuple ? KaaStr_PrintfFormat(fmt, tuple) : NULL;
    Kaa_XDECREF(tuple);
    Kaa_XDECREF(fmt);
    Kaa_XDECREF(arg);
    if (text == NULL) {
        return -1;
    }
    kaa_strbuf_add(b, KaaStr_DATA(text), (size_t)KaaStr_NBYTES(text));
    Kaa_DECREF(text);
    return 0;
}

// %c: an int in range(256) or a bytes/bytearray of length 1.
static int fmt_char(KaaObject *v, char *out)
{
    const char *p;
    Kaa_ssize_t n;
    if (kaa_bytes_view(v, &p, &n)) {
        if (n == 1) {
            *out = p[0];
            return 0;
        }
    } else {
        KaaObject *i = KaaNumber_Index(v);
        if (i != NULL) {
            int64_t x = KaaInt_AsInt64(i);
            Kaa_DECREF(i);
            if ((x == -1 && KaaErr_Occurred()) || x < 0 || x > 255) {
                KaaErr_Clear();
                KaaErr_SetString(KaaExc(OverflowError), "%c arg not in range(256)");
                return -1;
            }
            *out = (char)x;
            return 0;
        }
        if (!KaaErr_ExceptionMatches(KaaExc(TypeError))) {
            return -1;
        }
        KaaErr_Clear();
    }
    KaaErr_SetString(KaaExc(TypeError), "%c requires an integer in range(256) or a single byte");
    return -1;
}

// Text conversions (%s %b %r %a %c) honour width and '-' only.
static void fmt_pad(KaaStrBuf *b, const KaaPctArg *a, const char *p, Kaa_ssize_t len)
{
    Kaa_ssize_t fill = a->width > len ? a->width - len : 0;
    for (Kaa_ssize_t i = 0; !(a->flags & KAA_PCT_LJUST) && i < fill; i++) {
        kaa_strbuf_addc(b, ' ');
    }
    kaa_strbuf_add(b, p, (size_t)len);
    for (Kaa_ssize_t i = 0; (a->flags & KAA_PCT_LJUST) && i < fill; i++) {
        kaa_strbuf_addc(b, ' ');
    }
}

// One bytes conversion (the kaa_pct_format callback).
static int fmt_convert(KaaPctArg *a, KaaObject *v, KaaStrBuf *b)
{
    KaaObject *text = NULL; // keeps the bytes of p alive
    const char *p;
    Kaa_ssize_t len;
    char one;
    int found;
    switch (a->ch) {
    case 'r':
    case 'a':
        text = KaaObject_ASCII(v);
        if (text == NULL) {
            return -1;
        }
        p = KaaStr_DATA(text);
        len = KaaStr_NBYTES(text);
        break;
    case 's':
    case 'b':
        if (kaa_buffer_peek(v, &p, &len)) {
            break;
        }
        text = call_dunder_bytes(v, &found);
        if (text == NULL) {
            if (!found) {
                KaaErr_Format(KaaExc(TypeError),
                              "%%b requires a bytes-like object, or an object that implements "
                              "__bytes__, not '%.100s'",
                              Kaa_TYPE(v)->tp_name);
            }
            return -1;
        }
        p = KaaBytes_AS_STRING(text);
        len = Kaa_SIZE(text);
        break;
    case 'c':
        if (fmt_char(v, &one) < 0) {
            return -1;
        }
        p = &one;
        len = 1;
        break;
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
        return fmt_number(b, a, v);
    default:
        if (a->ch >= 0x80) {
            // CPython formats the (signed char) byte as a code point.
            KaaErr_SetString(KaaExc(OverflowError), "character argument not in range(0x110000)");
        } else {
            KaaErr_Format(KaaExc(ValueError),
                          "unsupported format character '%c' (0x%x) at index %zd", (int)a->ch,
                          (unsigned)a->ch, a->index);
        }
        return -1;
    }
    if (a->ch != 'c' && a->prec >= 0 && len > a->prec) {
        len = a->prec;
    }
    fmt_pad(b, a, p, len);
    Kaa_XDECREF(text);
    return 0;
}

// format % args for a bytes or bytearray format; the result has its kind.
static KaaObject *bytes_format(KaaObject *format, KaaObject *args)
{
    // Converting the arguments runs Python code, which may resize a
    // bytearray format: read a bytes copy of it.
    KaaObject *text = KaaBytes_Check(format) ? Kaa_NewRef(format)
                                             : KaaBytes_FromStringAndSize(
                                                   KaaByteArray_AS_STRING(format), Kaa_SIZE(format));
    if (text == NULL) {
        return NULL;
    }
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    int r = kaa_pct_format(KaaBytes_AS_STRING(text), Kaa_SIZE(text), args, 1, fmt_convert, &b);
    Kaa_DECREF(text);
    if (r < 0) {
        kaa_strbuf_free(&b);
        return NULL;
    }
    return buf_to_kind(format, &b);
}

KaaObject *kaa_bytes_mod(KaaObject *a, KaaObject *b)
{
    const char *p;
    Kaa_ssize_t n;
    if (!kaa_bytes_view(a, &p, &n)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    return bytes_format(a, b);
}

// --- bytes only ------------------------------------------------------------------------

static KaaObject *bytes_bytes(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    return self_or_copy(self);
}

static KaaObject *bytes_getnewargs(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    KaaObject *copy = KaaBytes_FromStringAndSize(KaaBytes_AS_STRING(self), Kaa_SIZE(self));
    if (copy == NULL) {
        return NULL;
    }
    KaaObject *r = KaaTuple_Pack(1, copy);
    Kaa_DECREF(copy);
    return r;
}

// --- The type ------------------------------------------------------------------------

static KaaMethodDef bytes_methods[] = {
    {"__bytes__", bytes_bytes, KAA_METH_NOARGS, NULL},
    {"__getnewargs__", bytes_getnewargs, KAA_METH_NOARGS, NULL},
    KAA_BYTES_SHARED_METHODS,
    {NULL},
};

static KaaNumberMethods bytes_as_number = {
    .nb_remainder = kaa_bytes_mod,
};

static KaaSequenceMethods bytes_as_sequence = {
    .sq_length = kaa_bytes_length,
    .sq_concat = kaa_bytes_concat,
    .sq_repeat = kaa_bytes_repeat,
    .sq_item = kaa_bytes_item,
    .sq_contains = kaa_bytes_contains,
};

static KaaMappingMethods bytes_as_mapping = {
    .mp_length = kaa_bytes_length,
    .mp_subscript = kaa_bytes_subscript,
};

KaaTypeObject KaaBytes_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "bytes",
    .tp_basicsize = sizeof(KaaBytesObject) + 1,
    .tp_itemsize = 1,
    .tp_flags = KAA_TPFLAGS_BASETYPE | KAA_TPFLAGS_BYTES_SUBCLASS,
    .tp_doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
              "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
              "bytes(int) -> bytes object of size given by the parameter initialized with null "
              "bytes\nbytes() -> empty bytes object",
    .tp_dealloc = bytes_dealloc,
    .tp_repr = bytes_repr,
    .tp_hash = bytes_hash,
    .tp_richcompare = kaa_bytes_richcompare,
    .tp_iter = bytes_iter,
    .tp_new = bytes_new,
    .tp_as_number = &bytes_as_number,
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_methods = bytes_methods,
};
