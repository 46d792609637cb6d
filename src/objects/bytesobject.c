/* bytes: an immutable sequence of bytes, NUL-terminated for C callers, with a
 * cached hash. Also the codecs kaa knows (utf-8, ascii, latin-1) and the
 * read-only methods shared with bytearray (bytearrayobject.c).
 */
#include <ctype.h>
#include <string.h>

#include "gc/gc.h"
#include "mem/mem.h"
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

// A new object of self's kind (bytes or bytearray) holding p[0..n).
static KaaObject *same_kind(KaaObject *self, const char *p, Kaa_ssize_t n)
{
    if (KaaByteArray_Check(self)) {
        return KaaByteArray_FromStringAndSize(p, n);
    }
    return KaaBytes_FromStringAndSize(p, n);
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
static int decode_error(int enc, int handler, const char *errors, const char *p,
                        Kaa_ssize_t start, Kaa_ssize_t end, const char *reason)
{
    if (handler == ERR_UNKNOWN) {
        KaaErr_Format(KaaExc(LookupError), "unknown error handler name '%s'", errors);
    } else if (end - start == 1) {
        KaaErr_Format(KaaExc(UnicodeDecodeError),
                      "'%s' codec can't decode byte 0x%02x in position %zd: %s", enc_names[enc],
                      (unsigned char)p[start], start, reason);
    } else {
        KaaErr_Format(KaaExc(UnicodeDecodeError),
                      "'%s' codec can't decode bytes in position %zd-%zd: %s", enc_names[enc],
                      start, end - 1, reason);
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
                decode_error(enc, handler, errors, data, i, i + bad, reason);
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
        if (end - pos > 1) {
            return KaaErr_Format(KaaExc(UnicodeEncodeError),
                                 "'%s' codec can't encode characters in position %zd-%zd: %s",
                                 enc_names[enc], pos, end - 1, reason);
        }
        char esc[16];
        if (cp < 0x100) {
            snprintf(esc, sizeof esc, "\\x%02x", (unsigned)cp);
        } else if (cp < 0x10000) {
            snprintf(esc, sizeof esc, "\\u%04x", (unsigned)cp);
        } else {
            snprintf(esc, sizeof esc, "\\U%08x", (unsigned)cp);
        }
        return KaaErr_Format(KaaExc(UnicodeEncodeError),
                             "'%s' codec can't encode character '%s' in position %zd: %s",
                             enc_names[enc], esc, pos, reason);
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
    const char *p;
    Kaa_ssize_t len;
    if (kaa_bytes_view(src, &p, &len)) {
        *out = kaa_mem_alloc((size_t)len + 1);
        if (*out == NULL) {
            KaaErr_NoMemory();
            return -1;
        }
        memcpy(*out, p, (size_t)len);
        *n = len;
        return 0;
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

static KaaObject *bytes_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    (void)type;
    if (nargs == 1 && kwnames == NULL && KaaBytes_CheckExact(args[0])) {
        return Kaa_NewRef(args[0]);
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

// --- Slots ---------------------------------------------------------------------------

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
    if (!kaa_bytes_view(a, &pa, &na) || !kaa_bytes_view(b, &pb, &nb)) {
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

static Kaa_ssize_t bytes_length(KaaObject *o)
{
    return Kaa_SIZE(o);
}

static KaaObject *bytes_item(KaaObject *o, Kaa_ssize_t i)
{
    if ((size_t)i >= (size_t)Kaa_SIZE(o)) {
        KaaErr_SetString(KaaExc(IndexError), "index out of range");
        return NULL;
    }
    return KaaInt_FromSsize_t((unsigned char)BYTES(o)->data[i]);
}

static KaaObject *bytes_concat(KaaObject *a, KaaObject *b)
{
    const char *pa, *pb;
    Kaa_ssize_t na, nb;
    if (!kaa_bytes_view(a, &pa, &na) || !kaa_bytes_view(b, &pb, &nb)) {
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
    char *d = KaaBytes_Check(r) ? KaaBytes_AS_STRING(r) : KaaByteArray_AS_STRING(r);
    if (na) {
        memcpy(d, pa, (size_t)na);
    }
    if (nb) {
        memcpy(d + na, pb, (size_t)nb);
    }
    return r;
}

static KaaObject *bytes_repeat(KaaObject *a, Kaa_ssize_t n)
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
    char *d = KaaBytes_Check(r) ? KaaBytes_AS_STRING(r) : KaaByteArray_AS_STRING(r);
    for (Kaa_ssize_t k = 0; k < n; k++) {
        memcpy(d + k * len, p, (size_t)len);
    }
    return r;
}

int kaa_bytes_contains(KaaObject *self, KaaObject *x)
{
    const char *p, *q;
    Kaa_ssize_t n, m;
    kaa_bytes_view(self, &p, &n);
    if (kaa_bytes_view(x, &q, &m)) {
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
    return n > 0 && memchr(p, v, (size_t)n) != NULL;
}

static KaaObject *bytes_subscript(KaaObject *o, KaaObject *item)
{
    KaaNumberMethods *nb = Kaa_TYPE(item)->tp_as_number;
    if (nb && nb->nb_index) {
        Kaa_ssize_t i = KaaNumber_AsSsize_t(item, KaaExc(IndexError));
        if (i == -1 && KaaErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += Kaa_SIZE(o);
        }
        return bytes_item(o, i);
    }
    if (KaaSlice_Check(item)) {
        Kaa_ssize_t start, stop, step;
        if (KaaSlice_Unpack(item, &start, &stop, &step) < 0) {
            return NULL;
        }
        Kaa_ssize_t len = KaaSlice_AdjustIndices(Kaa_SIZE(o), &start, &stop, step);
        if (len <= 0) {
            return KaaBytes_FromStringAndSize(NULL, 0);
        }
        if (step == 1) {
            if (len == Kaa_SIZE(o) && KaaBytes_CheckExact(o)) {
                return Kaa_NewRef(o);
            }
            return KaaBytes_FromStringAndSize(BYTES(o)->data + start, len);
        }
        KaaObject *r = KaaBytes_FromStringAndSize(NULL, len);
        if (r == NULL) {
            return NULL;
        }
        for (Kaa_ssize_t i = 0, cur = start; i < len; i++, cur += step) {
            BYTES(r)->data[i] = BYTES(o)->data[cur];
        }
        return r;
    }
    return KaaErr_Format(KaaExc(TypeError), "byte indices must be integers or slices, not %.200s",
                         Kaa_TYPE(item)->tp_name);
}

static KaaObject *bytes_iter(KaaObject *o)
{
    return KaaSeqIter_New(o);
}

// --- Shared methods ----------------------------------------------------------------------

#define VIEW(self)                                                                               \
    const char *p;                                                                               \
    Kaa_ssize_t n;                                                                               \
    kaa_bytes_view((self), &p, &n)

KaaObject *kaa_bytes_hex(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    VIEW(self);
    static const char digits[] = "0123456789abcdef";
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    for (Kaa_ssize_t i = 0; i < n; i++) {
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
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\v' ||
            s[i] == '\f') {
            i++;
            continue;
        }
        int hi = hexval(s[i]);
        int lo = i + 1 < len ? hexval(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            kaa_strbuf_free(&b);
            Kaa_ssize_t at = hi < 0 ? i : i + 1;
            return KaaErr_Format(KaaExc(ValueError),
                                 "non-hexadecimal number found in fromhex() arg at position %zd",
                                 (Kaa_ssize_t)KaaStr_LEN(arg) == len ? at : at);
        }
        kaa_strbuf_addc(&b, (char)(hi * 16 + lo));
        i += 2;
    }
    if (b.failed) {
        kaa_strbuf_free(&b);
        return KaaErr_NoMemory();
    }
    KaaObject *r = (KaaTypeObject *)type == &KaaByteArray_Type
                       ? KaaByteArray_FromStringAndSize(b.data, (Kaa_ssize_t)b.len)
                       : KaaBytes_FromStringAndSize(b.data, (Kaa_ssize_t)b.len);
    kaa_strbuf_free(&b);
    return r;
}

KaaObject *kaa_bytes_join(KaaObject *self, KaaObject *iterable)
{
    VIEW(self);
    KaaObject *seq = kaa_sequence_fast(iterable, "can only join an iterable");
    if (seq == NULL) {
        return NULL;
    }
    Kaa_ssize_t count = KaaList_Check(seq) ? KaaList_GET_SIZE(seq) : KaaTuple_GET_SIZE(seq);
    KaaObject **items = KaaList_Check(seq) ? ((KaaListObject *)seq)->ob_item
                                           : ((KaaTupleObject *)seq)->ob_item;
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    for (Kaa_ssize_t i = 0; i < count; i++) {
        const char *q;
        Kaa_ssize_t m;
        if (!kaa_bytes_view(items[i], &q, &m)) {
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
    if (b.failed) {
        kaa_strbuf_free(&b);
        return KaaErr_NoMemory();
    }
    KaaObject *r = same_kind(self, b.data, (Kaa_ssize_t)b.len);
    kaa_strbuf_free(&b);
    return r;
}

static int need_bytes(KaaObject *o, const char **q, Kaa_ssize_t *m)
{
    if (!kaa_bytes_view(o, q, m)) {
        KaaErr_Format(KaaExc(TypeError), "a bytes-like object is required, not '%s'",
                      Kaa_TYPE(o)->tp_name);
        return -1;
    }
    return 0;
}

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

KaaObject *kaa_bytes_split(KaaObject *self, KaaObject *const *args, size_t nargs,
                           KaaObject *kwnames)
{
    static const char *const kwlist[] = {"sep", "maxsplit", NULL};
    KaaObject *a[2];
    if (kaa_unpack_args("split", args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    Kaa_ssize_t maxsplit = -1;
    if (a[1]) {
        maxsplit = KaaNumber_AsSsize_t(a[1], KaaExc(OverflowError));
        if (maxsplit == -1 && KaaErr_Occurred()) {
            return NULL;
        }
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
    Kaa_ssize_t i = 0, splits = 0;
    if (sep == NULL) {
        for (;;) {
            while (i < n && is_ws((unsigned char)p[i])) {
                i++;
            }
            if (i >= n) {
                break;
            }
            Kaa_ssize_t j = i;
            if (splits >= maxsplit) {
                j = n;
                while (j > i && is_ws((unsigned char)p[j - 1])) {
                    j--;
                }
            } else {
                while (j < n && !is_ws((unsigned char)p[j])) {
                    j++;
                }
            }
            KaaObject *piece = same_kind(self, p + i, j - i);
            if (piece == NULL || KaaList_Append(list, piece) < 0) {
                Kaa_XDECREF(piece);
                Kaa_DECREF(list);
                return NULL;
            }
            Kaa_DECREF(piece);
            splits++;
            i = j;
        }
        return list;
    }
    for (;;) {
        Kaa_ssize_t j = -1;
        if (splits < maxsplit) {
            for (Kaa_ssize_t k = i; k + m <= n; k++) {
                if (memcmp(p + k, sep, (size_t)m) == 0) {
                    j = k;
                    break;
                }
            }
        }
        Kaa_ssize_t end = j < 0 ? n : j;
        KaaObject *piece = same_kind(self, p + i, end - i);
        if (piece == NULL || KaaList_Append(list, piece) < 0) {
            Kaa_XDECREF(piece);
            Kaa_DECREF(list);
            return NULL;
        }
        Kaa_DECREF(piece);
        if (j < 0) {
            break;
        }
        splits++;
        i = j + m;
    }
    return list;
}

static KaaObject *do_strip(KaaObject *self, KaaObject *const *args, size_t nargs,
                           KaaObject *kwnames, int sides, const char *name)
{
    if (kaa_container_no_kwargs(name, kwnames) < 0 ||
        kaa_container_check_nargs(name, nargs, 0, 1) < 0) {
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
    if (i == 0 && j == n && KaaBytes_CheckExact(self)) {
        return Kaa_NewRef(self);
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

// Optional start/end (args[0], args[1]) adjusted for n bytes; *start > *end
// means nothing can match.
static int get_range(KaaObject *const *args, size_t nargs, Kaa_ssize_t n, Kaa_ssize_t *start,
                     Kaa_ssize_t *end)
{
    *start = 0;
    *end = KAA_SSIZE_MAX;
    if ((nargs >= 1 && args[0] != Kaa_None && kaa_container_slice_index(args[0], start) < 0) ||
        (nargs >= 2 && args[1] != Kaa_None && kaa_container_slice_index(args[1], end) < 0)) {
        return -1;
    }
    if (*end > n) {
        *end = n;
    } else if (*end < 0) {
        *end = *end + n < 0 ? 0 : *end + n;
    }
    if (*start < 0) {
        *start = *start + n < 0 ? 0 : *start + n;
    }
    return 0;
}

static KaaObject *do_affix(KaaObject *self, KaaObject *const *args, size_t nargs,
                           KaaObject *kwnames, int end_side, const char *name)
{
    if (kaa_container_no_kwargs(name, kwnames) < 0 ||
        kaa_container_check_nargs(name, nargs, 1, 3) < 0) {
        return NULL;
    }
    VIEW(self);
    Kaa_ssize_t b0, b1;
    if (get_range(args + 1, nargs - 1, n, &b0, &b1) < 0) {
        return NULL;
    }
    KaaObject *fix = args[0];
    Kaa_ssize_t nfix = KaaTuple_Check(fix) ? KaaTuple_GET_SIZE(fix) : 1;
    for (Kaa_ssize_t i = 0; i < nfix; i++) {
        KaaObject *f = KaaTuple_Check(fix) ? KaaTuple_GET_ITEM(fix, i) : fix;
        const char *q;
        Kaa_ssize_t m;
        if (!kaa_bytes_view(f, &q, &m)) {
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
    if (kaa_bytes_view(o, q, m)) {
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

// mode: 0 find, 1 rfind, 2 index, 3 count
static KaaObject *do_find(KaaObject *self, KaaObject *const *args, size_t nargs,
                          KaaObject *kwnames, const char *name, int mode)
{
    if (kaa_container_no_kwargs(name, kwnames) < 0 ||
        kaa_container_check_nargs(name, nargs, 1, 3) < 0) {
        return NULL;
    }
    VIEW(self);
    const char *q;
    Kaa_ssize_t m, b0, b1;
    char one;
    if (get_needle(args[0], &q, &m, &one) < 0 || get_range(args + 1, nargs - 1, n, &b0, &b1) < 0) {
        return NULL;
    }
    if (mode == 3) {
        Kaa_ssize_t count = 0;
        if (b0 <= n && b1 - b0 >= m) {
            if (m == 0) {
                count = b1 - b0 + 1;
            } else {
                for (Kaa_ssize_t k = b0; k + m <= b1;) {
                    if (memcmp(p + k, q, (size_t)m) == 0) {
                        count++;
                        k += m;
                    } else {
                        k++;
                    }
                }
            }
        }
        return KaaInt_FromSsize_t(count);
    }
    Kaa_ssize_t j = -1;
    if (b0 <= n && b1 - b0 >= m) {
        if (mode == 1) {
            for (Kaa_ssize_t k = b1 - m; k >= b0; k--) {
                if (memcmp(p + k, q, (size_t)m) == 0) {
                    j = k;
                    break;
                }
            }
        } else {
            for (Kaa_ssize_t k = b0; k + m <= b1; k++) {
                if (memcmp(p + k, q, (size_t)m) == 0) {
                    j = k;
                    break;
                }
            }
        }
    }
    if (j < 0 && mode == 2) {
        return KaaErr_Format(KaaExc(ValueError), "subsection not found");
    }
    return KaaInt_FromSsize_t(j);
}

KaaObject *kaa_bytes_find(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_find(s, a, n, k, "find", 0);
}

KaaObject *kaa_bytes_rfind(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_find(s, a, n, k, "rfind", 1);
}

KaaObject *kaa_bytes_index(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_find(s, a, n, k, "index", 2);
}

KaaObject *kaa_bytes_count(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_find(s, a, n, k, "count", 3);
}

KaaObject *kaa_bytes_replace(KaaObject *self, KaaObject *const *args, size_t nargs,
                             KaaObject *kwnames)
{
    if (kaa_container_no_kwargs("replace", kwnames) < 0 ||
        kaa_container_check_nargs("replace", nargs, 2, 3) < 0) {
        return NULL;
    }
    VIEW(self);
    const char *old, *new_;
    Kaa_ssize_t nold, nnew, count = -1;
    if (need_bytes(args[0], &old, &nold) < 0 || need_bytes(args[1], &new_, &nnew) < 0) {
        return NULL;
    }
    if (nargs == 3) {
        count = KaaNumber_AsSsize_t(args[2], KaaExc(OverflowError));
        if (count == -1 && KaaErr_Occurred()) {
            return NULL;
        }
    }
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
    if (b.failed) {
        kaa_strbuf_free(&b);
        return KaaErr_NoMemory();
    }
    KaaObject *r = same_kind(self, b.data, (Kaa_ssize_t)b.len);
    kaa_strbuf_free(&b);
    return r;
}

static KaaObject *map_case(KaaObject *self, int upper)
{
    VIEW(self);
    KaaObject *r = same_kind(self, p, n);
    if (r == NULL) {
        return NULL;
    }
    char *d = KaaBytes_Check(r) ? KaaBytes_AS_STRING(r) : KaaByteArray_AS_STRING(r);
    for (Kaa_ssize_t i = 0; i < n; i++) {
        if (upper && d[i] >= 'a' && d[i] <= 'z') {
            d[i] = (char)(d[i] - 32);
        } else if (!upper && d[i] >= 'A' && d[i] <= 'Z') {
            d[i] = (char)(d[i] + 32);
        }
    }
    return r;
}

KaaObject *kaa_bytes_upper(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    return map_case(self, 1);
}

KaaObject *kaa_bytes_lower(KaaObject *self, KaaObject *unused)
{
    (void)unused;
    return map_case(self, 0);
}

static int c_digit(int c) { return c >= '0' && c <= '9'; }
static int c_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int c_space(int c) { return is_ws((unsigned char)c); }
static int c_alnum(int c) { return c_digit(c) || c_alpha(c); }

static KaaObject *all_of(KaaObject *self, int (*pred)(int))
{
    VIEW(self);
    if (n == 0) {
        return KaaBool_FromLong(0);
    }
    for (Kaa_ssize_t i = 0; i < n; i++) {
        if (!pred((unsigned char)p[i])) {
            return KaaBool_FromLong(0);
        }
    }
    return KaaBool_FromLong(1);
}

KaaObject *kaa_bytes_isdigit(KaaObject *s, KaaObject *u) { (void)u; return all_of(s, c_digit); }
KaaObject *kaa_bytes_isalpha(KaaObject *s, KaaObject *u) { (void)u; return all_of(s, c_alpha); }
KaaObject *kaa_bytes_isspace(KaaObject *s, KaaObject *u) { (void)u; return all_of(s, c_space); }
KaaObject *kaa_bytes_isalnum(KaaObject *s, KaaObject *u) { (void)u; return all_of(s, c_alnum); }

// isupper/islower: some cased byte and none of the other case.
static KaaObject *cased(KaaObject *self, int upper)
{
    VIEW(self);
    int seen = 0;
    for (Kaa_ssize_t i = 0; i < n; i++) {
        int c = (unsigned char)p[i];
        if (c >= 'A' && c <= 'Z') {
            if (!upper) {
                return KaaBool_FromLong(0);
            }
            seen = 1;
        } else if (c >= 'a' && c <= 'z') {
            if (upper) {
                return KaaBool_FromLong(0);
            }
            seen = 1;
        }
    }
    return KaaBool_FromLong(seen);
}

KaaObject *kaa_bytes_isupper(KaaObject *s, KaaObject *u) { (void)u; return cased(s, 1); }
KaaObject *kaa_bytes_islower(KaaObject *s, KaaObject *u) { (void)u; return cased(s, 0); }

static KaaObject *bytes_getitem_method(KaaObject *self, KaaObject *item)
{
    return bytes_subscript(self, item);
}

static KaaObject *bytes_contains_method(KaaObject *self, KaaObject *x)
{
    int r = kaa_bytes_contains(self, x);
    return r < 0 ? NULL : KaaBool_FromLong(r);
}

// --- The type ------------------------------------------------------------------------

static KaaMethodDef bytes_methods[] = {
    {"__getitem__", bytes_getitem_method, KAA_METH_O, NULL},
    {"__contains__", bytes_contains_method, KAA_METH_O, NULL},
    {"count", kaa_bytes_count, KAA_METH_FASTCALL, NULL},
    {"decode", kaa_bytes_decode, KAA_METH_FASTCALL, NULL},
    {"endswith", kaa_bytes_endswith, KAA_METH_FASTCALL, NULL},
    {"find", kaa_bytes_find, KAA_METH_FASTCALL, NULL},
    {"fromhex", kaa_bytes_fromhex, KAA_METH_O | KAA_METH_CLASS, NULL},
    {"hex", kaa_bytes_hex, KAA_METH_NOARGS, NULL},
    {"index", kaa_bytes_index, KAA_METH_FASTCALL, NULL},
    {"isalnum", kaa_bytes_isalnum, KAA_METH_NOARGS, NULL},
    {"isalpha", kaa_bytes_isalpha, KAA_METH_NOARGS, NULL},
    {"isdigit", kaa_bytes_isdigit, KAA_METH_NOARGS, NULL},
    {"islower", kaa_bytes_islower, KAA_METH_NOARGS, NULL},
    {"isspace", kaa_bytes_isspace, KAA_METH_NOARGS, NULL},
    {"isupper", kaa_bytes_isupper, KAA_METH_NOARGS, NULL},
    {"join", kaa_bytes_join, KAA_METH_O, NULL},
    {"lower", kaa_bytes_lower, KAA_METH_NOARGS, NULL},
    {"lstrip", kaa_bytes_lstrip, KAA_METH_FASTCALL, NULL},
    {"replace", kaa_bytes_replace, KAA_METH_FASTCALL, NULL},
    {"rfind", kaa_bytes_rfind, KAA_METH_FASTCALL, NULL},
    {"rstrip", kaa_bytes_rstrip, KAA_METH_FASTCALL, NULL},
    {"split", kaa_bytes_split, KAA_METH_FASTCALL, NULL},
    {"startswith", kaa_bytes_startswith, KAA_METH_FASTCALL, NULL},
    {"strip", kaa_bytes_strip, KAA_METH_FASTCALL, NULL},
    {"upper", kaa_bytes_upper, KAA_METH_NOARGS, NULL},
    {NULL},
};

static KaaSequenceMethods bytes_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = bytes_concat,
    .sq_repeat = bytes_repeat,
    .sq_item = bytes_item,
    .sq_contains = kaa_bytes_contains,
};

static KaaMappingMethods bytes_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = bytes_subscript,
};

KaaTypeObject KaaBytes_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "bytes",
    .tp_basicsize = sizeof(KaaBytesObject) + 1,
    .tp_itemsize = 1,
    .tp_flags = KAA_TPFLAGS_BYTES_SUBCLASS,
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
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_methods = bytes_methods,
};
