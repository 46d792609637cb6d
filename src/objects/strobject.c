/* str: immutable UTF-8 text with its length in code points.
 *
 * ASCII-only strings index in O(1); others walk the UTF-8 (kaa keeps text in
 * one encoding rather than CPython's three PEP 393 widths: simpler, and the
 * output needs no conversion). The empty string and one-character ASCII
 * strings are cached; identifiers are interned so that dict lookups of
 * names compare pointers first.
 */
#include <stdarg.h>
#include <string.h>

#include "mem/mem.h"
#include "util/strbuf.h"
#include "vm/vm.h"

static KaaObject *empty_str;
static KaaObject *ascii_chars[128];
static KaaObject *interned; // dict: str -> the same str

// --- UTF-8 helpers ---------------------------------------------------------

// Length of the UTF-8 sequence starting with byte c (1 for invalid bytes).
static inline int utf8_seqlen(unsigned char c)
{
    if (c < 0x80) {
        return 1;
    }
    if (c >= 0xF0) {
        return 4;
    }
    if (c >= 0xE0) {
        return 3;
    }
    return c >= 0xC0 ? 2 : 1;
}

static uint32_t utf8_decode(const unsigned char *p, int *len)
{
    int n = utf8_seqlen(p[0]);
    *len = n;
    switch (n) {
    case 1:
        return p[0];
    case 2:
        return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3:
        return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    default:
        return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
               ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    }
}

// Check that s[0..n) is valid UTF-8; return the number of code points or -1.
static Kaa_ssize_t utf8_count(const unsigned char *s, Kaa_ssize_t n, int *ascii)
{
    Kaa_ssize_t count = 0, i = 0;
    *ascii = 1;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            count++;
            continue;
        }
        *ascii = 0;
        int len = utf8_seqlen(c);
        if (c < 0xC2 || c > 0xF4 || i + len > n) {
            return -1;
        }
        for (int k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return -1;
            }
        }
        i += len;
        count++;
    }
    return count;
}

// Byte offset of code point `index` in s.
static Kaa_ssize_t byte_offset(KaaObject *s, Kaa_ssize_t index)
{
    KaaStrObject *so = (KaaStrObject *)s;
    if (so->ascii) {
        return index;
    }
    const unsigned char *p = (const unsigned char *)so->data;
    Kaa_ssize_t off = 0;
    while (index-- > 0) {
        off += utf8_seqlen(p[off]);
    }
    return off;
}

// --- Construction -------------------------------------------------------------

KaaObject *kaa_str_alloc(Kaa_ssize_t nbytes)
{
    KaaStrObject *s = (KaaStrObject *)kaa_obj_alloc(sizeof(KaaStrObject) + (size_t)nbytes + 1);
    if (s == NULL) {
        return KaaErr_NoMemory();
    }
    s->ob_base.ob_base.ob_refcnt = 1;
    s->ob_base.ob_base.ob_type = &KaaStr_Type;
    s->ob_base.ob_size = nbytes;
    s->hash = -1;
    s->nbytes = nbytes;
    s->ascii = 1;
    s->interned = 0;
    s->data[nbytes] = '\0';
    return (KaaObject *)s;
}

void kaa_str_finish(KaaObject *o)
{
    KaaStrObject *s = (KaaStrObject *)o;
    int ascii;
    Kaa_ssize_t n = utf8_count((const unsigned char *)s->data, s->nbytes, &ascii);
    s->ob_base.ob_size = n < 0 ? s->nbytes : n;
    s->ascii = (uint8_t)ascii;
    s->data[s->nbytes] = '\0';
}

KaaObject *KaaStr_FromStringAndSize(const char *u, Kaa_ssize_t n)
{
    if (n == 0 && empty_str) {
        return Kaa_NewRef(empty_str);
    }
    if (n == 1 && (unsigned char)u[0] < 128 && ascii_chars[(unsigned char)u[0]]) {
        return Kaa_NewRef(ascii_chars[(unsigned char)u[0]]);
    }
    int ascii;
    Kaa_ssize_t len = utf8_count((const unsigned char *)u, n, &ascii);
    if (len < 0) {
        return KaaErr_Format(KaaExc(UnicodeDecodeError), "'utf-8' codec can't decode bytes");
    }
    KaaObject *s = kaa_str_alloc(n);
    if (s == NULL) {
        return NULL;
    }
    memcpy(KaaStr_DATA(s), u, (size_t)n);
    Kaa_SIZE(s) = len;
    ((KaaStrObject *)s)->ascii = (uint8_t)ascii;
    return s;
}

KaaObject *KaaStr_FromString(const char *u)
{
    return KaaStr_FromStringAndSize(u, (Kaa_ssize_t)strlen(u));
}

KaaObject *KaaStr_FromCodepoint(uint32_t cp)
{
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    kaa_strbuf_add_utf8(&b, cp);
    KaaObject *s = b.failed ? KaaErr_NoMemory() : KaaStr_FromStringAndSize(b.data, b.len);
    kaa_strbuf_free(&b);
    return s;
}

static KaaObject *from_buf(KaaStrBuf *b)
{
    if (b->failed) {
        kaa_strbuf_free(b);
        return KaaErr_NoMemory();
    }
    KaaObject *s = KaaStr_FromStringAndSize(b->data ? b->data : "", (Kaa_ssize_t)b->len);
    kaa_strbuf_free(b);
    return s;
}

// Append the text of a str object to b.
static void add_str(KaaStrBuf *b, KaaObject *s)
{
    kaa_strbuf_add(b, KaaStr_DATA(s), (size_t)KaaStr_NBYTES(s));
}

// Format into b; return -1 if a %R/%S conversion raised.
int kaa_str_vformat(KaaStrBuf *b, const char *fmt, va_list ap)
{
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            kaa_strbuf_addc(b, *p);
            continue;
        }
        // Collect one directive: flags, width, precision, length, conversion.
        char spec[32];
        size_t k = 0;
        spec[k++] = *p++;
        while (*p && strchr("-+ #0123456789.", *p) && k < 20) {
            spec[k++] = *p++;
        }
        int lng = 0, size_t_len = 0;
        while (*p == 'l' || *p == 'z') {
            if (*p == 'l') {
                lng++;
            } else {
                size_t_len = 1;
            }
            spec[k++] = *p++;
        }
        char conv = *p;
        spec[k++] = conv;
        spec[k] = '\0';
        switch (conv) {
        case '%':
            kaa_strbuf_addc(b, '%');
            break;
        case 'd':
        case 'i':
        case 'u':
        case 'x':
            if (size_t_len) {
                kaa_strbuf_printf(b, spec, va_arg(ap, size_t));
            } else if (lng == 2) {
                kaa_strbuf_printf(b, spec, va_arg(ap, long long));
            } else if (lng == 1) {
                kaa_strbuf_printf(b, spec, va_arg(ap, long));
            } else {
                kaa_strbuf_printf(b, spec, va_arg(ap, int));
            }
            break;
        case 'c':
            kaa_strbuf_add_utf8(b, (unsigned)va_arg(ap, int));
            break;
        case 's':
            kaa_strbuf_printf(b, spec, va_arg(ap, const char *));
            break;
        case 'p':
            kaa_strbuf_printf(b, "%p", va_arg(ap, void *));
            break;
        case 'U':
            add_str(b, va_arg(ap, KaaObject *));
            break;
        case 'T':
            kaa_strbuf_adds(b, Kaa_TYPE(va_arg(ap, KaaObject *))->tp_name);
            break;
        case 'R':
        case 'S': {
            KaaObject *o = va_arg(ap, KaaObject *);
            KaaObject *s = conv == 'R' ? KaaObject_Repr(o) : KaaObject_Str(o);
            if (s == NULL) {
                return -1;
            }
            add_str(b, s);
            Kaa_DECREF(s);
            break;
        }
        default:
            kaa_strbuf_add(b, spec, k);
            break;
        }
        if (*p == '\0') {
            break;
        }
    }
    return 0;
}

KaaObject *KaaStr_FromFormatV(const char *fmt, va_list ap)
{
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    if (kaa_str_vformat(&b, fmt, ap) < 0) {
        kaa_strbuf_free(&b);
        return NULL;
    }
    return from_buf(&b);
}

KaaObject *KaaStr_FromFormat(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    KaaObject *s = KaaStr_FromFormatV(fmt, ap);
    va_end(ap);
    return s;
}

// --- Interning ----------------------------------------------------------------

void KaaStr_InternInPlace(KaaObject **p)
{
    KaaObject *s = *p;
    if (!KaaStr_CheckExact(s) || ((KaaStrObject *)s)->interned) {
        return;
    }
    KaaObject *t = KaaDict_GetItemWithError(interned, s);
    if (t) {
        Kaa_INCREF(t);
        Kaa_SETREF(*p, t);
        return;
    }
    KaaErr_Clear();
    if (KaaDict_SetItem(interned, s, s) < 0) {
        KaaErr_Clear();
        return;
    }
    ((KaaStrObject *)s)->interned = 1;
}

KaaObject *KaaStr_InternFromString(const char *cstr)
{
    KaaObject *s = KaaStr_FromString(cstr);
    if (s == NULL) {
        return NULL;
    }
    KaaStr_InternInPlace(&s);
    // The interned dict keeps the string alive until shutdown: borrowed result.
    Kaa_DECREF(s);
    return s;
}

// --- Basic operations -----------------------------------------------------------

Kaa_hash_t kaa_str_hash(KaaObject *o)
{
    KaaStrObject *s = (KaaStrObject *)o;
    if (s->hash != -1) {
        return s->hash;
    }
    // FNV-1a over the bytes. CPython randomizes str hashes per process, so
    // no program can rely on their values or on the order they give to sets.
    uint64_t h = 14695981039346656037ULL;
    for (Kaa_ssize_t i = 0; i < s->nbytes; i++) {
        h ^= (unsigned char)s->data[i];
        h *= 1099511628211ULL;
    }
    Kaa_hash_t r = (Kaa_hash_t)h;
    if (r == -1) {
        r = -2;
    }
    s->hash = r;
    return r;
}

int kaa_str_eq(KaaObject *a, KaaObject *b)
{
    if (a == b) {
        return 1;
    }
    KaaStrObject *x = (KaaStrObject *)a, *y = (KaaStrObject *)b;
    if (x->nbytes != y->nbytes) {
        return 0;
    }
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) {
        return 0;
    }
    return memcmp(x->data, y->data, (size_t)x->nbytes) == 0;
}

int KaaStr_EqualToASCII(KaaObject *s, const char *cstr)
{
    size_t n = strlen(cstr);
    return (size_t)KaaStr_NBYTES(s) == n && memcmp(KaaStr_DATA(s), cstr, n) == 0;
}

KaaObject *KaaStr_Concat(KaaObject *a, KaaObject *b)
{
    if (KaaStr_NBYTES(a) == 0) {
        return Kaa_NewRef(b);
    }
    if (KaaStr_NBYTES(b) == 0) {
        return Kaa_NewRef(a);
    }
    Kaa_ssize_t na = KaaStr_NBYTES(a), nb = KaaStr_NBYTES(b);
    KaaObject *s = kaa_str_alloc(na + nb);
    if (s == NULL) {
        return NULL;
    }
    memcpy(KaaStr_DATA(s), KaaStr_DATA(a), (size_t)na);
    memcpy(KaaStr_DATA(s) + na, KaaStr_DATA(b), (size_t)nb);
    Kaa_SIZE(s) = Kaa_SIZE(a) + Kaa_SIZE(b);
    ((KaaStrObject *)s)->ascii = ((KaaStrObject *)a)->ascii & ((KaaStrObject *)b)->ascii;
    return s;
}

static KaaObject *str_concat(KaaObject *a, KaaObject *b)
{
    if (!KaaStr_Check(b)) {
        return KaaErr_Format(KaaExc(TypeError), "can only concatenate str (not \"%s\") to str",
                             Kaa_TYPE(b)->tp_name);
    }
    return KaaStr_Concat(a, b);
}

static KaaObject *str_repeat(KaaObject *a, Kaa_ssize_t n)
{
    if (n <= 0) {
        return Kaa_NewRef(empty_str);
    }
    if (n == 1 && KaaStr_CheckExact(a)) {
        return Kaa_NewRef(a);
    }
    Kaa_ssize_t nb = KaaStr_NBYTES(a);
    if (nb && n > (Kaa_ssize_t)(((size_t)1 << 40) / (size_t)nb)) {
        return KaaErr_NoMemory();
    }
    KaaObject *s = kaa_str_alloc(nb * n);
    if (s == NULL) {
        return NULL;
    }
    for (Kaa_ssize_t i = 0; i < n; i++) {
        memcpy(KaaStr_DATA(s) + i * nb, KaaStr_DATA(a), (size_t)nb);
    }
    Kaa_SIZE(s) = Kaa_SIZE(a) * n;
    ((KaaStrObject *)s)->ascii = ((KaaStrObject *)a)->ascii;
    return s;
}

static Kaa_ssize_t str_length(KaaObject *s)
{
    return Kaa_SIZE(s);
}

// Bytes taken by `count` code points starting at byte offset `from`.
static Kaa_ssize_t byte_offset_from(KaaObject *s, Kaa_ssize_t from, Kaa_ssize_t count)
{
    const unsigned char *p = (const unsigned char *)KaaStr_DATA(s) + from;
    Kaa_ssize_t off = 0;
    while (count-- > 0) {
        off += utf8_seqlen(p[off]);
    }
    return off;
}

// Substring of code points [start, end).
static KaaObject *substring(KaaObject *s, Kaa_ssize_t start, Kaa_ssize_t end)
{
    if (start == 0 && end == Kaa_SIZE(s) && KaaStr_CheckExact(s)) {
        return Kaa_NewRef(s);
    }
    Kaa_ssize_t b0 = byte_offset(s, start);
    Kaa_ssize_t b1 = ((KaaStrObject *)s)->ascii ? end : b0 + byte_offset_from(s, b0, end - start);
    return KaaStr_FromStringAndSize(KaaStr_DATA(s) + b0, b1 - b0);
}

static KaaObject *str_item(KaaObject *s, Kaa_ssize_t i)
{
    if (i < 0 || i >= Kaa_SIZE(s)) {
        return KaaErr_Format(KaaExc(IndexError), "string index out of range");
    }
    return substring(s, i, i + 1);
}

static KaaObject *str_subscript(KaaObject *s, KaaObject *key)
{
    if (KaaSlice_Check(key)) {
        Kaa_ssize_t start, stop, step;
        if (KaaSlice_Unpack(key, &start, &stop, &step) < 0) {
            return NULL;
        }
        Kaa_ssize_t n = KaaSlice_AdjustIndices(Kaa_SIZE(s), &start, &stop, step);
        if (step == 1) {
            return n <= 0 ? Kaa_NewRef(empty_str) : substring(s, start, start + n);
        }
        KaaStrBuf b;
        kaa_strbuf_init(&b);
        for (Kaa_ssize_t i = 0, j = start; i < n; i++, j += step) {
            Kaa_ssize_t off = byte_offset(s, j);
            kaa_strbuf_add(&b, KaaStr_DATA(s) + off, (size_t)byte_offset_from(s, off, 1));
        }
        return from_buf(&b);
    }
    if (!KaaType_HasFeature(Kaa_TYPE(key), KAA_TPFLAGS_LONG_SUBCLASS) &&
        !(Kaa_TYPE(key)->tp_as_number && Kaa_TYPE(key)->tp_as_number->nb_index)) {
        return KaaErr_Format(KaaExc(TypeError), "string indices must be integers, not '%s'",
                             Kaa_TYPE(key)->tp_name);
    }
    Kaa_ssize_t i = KaaNumber_AsSsize_t(key, KaaExc(IndexError));
    if (i == -1 && KaaErr_Occurred()) {
        return NULL;
    }
    if (i < 0) {
        i += Kaa_SIZE(s);
    }
    return str_item(s, i);
}

// Byte-level search for needle in s[start..end) (byte offsets); -1 when absent.
static Kaa_ssize_t find_bytes(const char *s, Kaa_ssize_t start, Kaa_ssize_t end, const char *needle,
                              Kaa_ssize_t n)
{
    if (n == 0) {
        return start <= end ? start : -1;
    }
    for (Kaa_ssize_t i = start; i + n <= end; i++) {
        if (s[i] == needle[0] && memcmp(s + i, needle, (size_t)n) == 0) {
            return i;
        }
    }
    return -1;
}

// Code-point index of byte offset off in s.
static Kaa_ssize_t char_index(KaaObject *s, Kaa_ssize_t off)
{
    if (((KaaStrObject *)s)->ascii) {
        return off;
    }
    Kaa_ssize_t idx = 0;
    const unsigned char *p = (const unsigned char *)KaaStr_DATA(s);
    for (Kaa_ssize_t i = 0; i < off; i += utf8_seqlen(p[i])) {
        idx++;
    }
    return idx;
}

static int str_contains(KaaObject *s, KaaObject *sub)
{
    if (!KaaStr_Check(sub)) {
        KaaErr_Format(KaaExc(TypeError), "'in <string>' requires string as left operand, not %s",
                      Kaa_TYPE(sub)->tp_name);
        return -1;
    }
    return find_bytes(KaaStr_DATA(s), 0, KaaStr_NBYTES(s), KaaStr_DATA(sub), KaaStr_NBYTES(sub)) >=
           0;
}

static KaaObject *str_richcompare(KaaObject *a, KaaObject *b, int op)
{
    if (!KaaStr_Check(b)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    if (op == Kaa_EQ || op == Kaa_NE) {
        return KaaBool_FromLong(kaa_str_eq(a, b) == (op == Kaa_EQ));
    }
    // UTF-8 byte order is code-point order.
    Kaa_ssize_t na = KaaStr_NBYTES(a), nb = KaaStr_NBYTES(b);
    int c = memcmp(KaaStr_DATA(a), KaaStr_DATA(b), (size_t)(na < nb ? na : nb));
    if (c == 0) {
        c = na < nb ? -1 : na > nb;
    }
    switch (op) {
    case Kaa_LT:
        return KaaBool_FromLong(c < 0);
    case Kaa_LE:
        return KaaBool_FromLong(c <= 0);
    case Kaa_GT:
        return KaaBool_FromLong(c > 0);
    default:
        return KaaBool_FromLong(c >= 0);
    }
}

// --- repr ---------------------------------------------------------------------------

static int is_printable(uint32_t cp)
{
    if (cp < 0x20 || cp == 0x7F) {
        return 0;
    }
    if (cp < 0x7F) {
        return 1;
    }
    // Approximation of Unicode's non-printable categories (Cc, Cf, Zl, Zp, Zs but space).
    if (cp < 0xA0 || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) ||
        (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 ||
        cp == 0xFEFF || (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0xE000 && cp <= 0xF8FF) ||
        cp == 0xFFFE || cp == 0xFFFF || cp >= 0xF0000) {
        return 0;
    }
    return 1;
}

static void repr_into(KaaStrBuf *b, KaaObject *s)
{
    const unsigned char *p = (const unsigned char *)KaaStr_DATA(s);
    Kaa_ssize_t n = KaaStr_NBYTES(s);
    int has_single = memchr(p, '\'', (size_t)n) != NULL;
    int has_double = memchr(p, '"', (size_t)n) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    kaa_strbuf_addc(b, quote);
    for (Kaa_ssize_t i = 0; i < n;) {
        int len;
        uint32_t cp = utf8_decode(p + i, &len);
        if (cp == (uint32_t)quote || cp == '\\') {
            kaa_strbuf_addc(b, '\\');
            kaa_strbuf_addc(b, (char)cp);
        } else if (cp == '\n') {
            kaa_strbuf_adds(b, "\\n");
        } else if (cp == '\t') {
            kaa_strbuf_adds(b, "\\t");
        } else if (cp == '\r') {
            kaa_strbuf_adds(b, "\\r");
        } else if (is_printable(cp)) {
            kaa_strbuf_add(b, (const char *)p + i, (size_t)len);
        } else if (cp < 0x100) {
            kaa_strbuf_printf(b, "\\x%02x", cp);
        } else if (cp < 0x10000) {
            kaa_strbuf_printf(b, "\\u%04x", cp);
        } else {
            kaa_strbuf_printf(b, "\\U%08x", cp);
        }
        i += len;
    }
    kaa_strbuf_addc(b, quote);
}

KaaObject *kaa_str_repr(KaaObject *s)
{
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    repr_into(&b, s);
    return from_buf(&b);
}

static KaaObject *str_str(KaaObject *s)
{
    if (KaaStr_CheckExact(s)) {
        return Kaa_NewRef(s);
    }
    return KaaStr_FromStringAndSize(KaaStr_DATA(s), KaaStr_NBYTES(s));
}

// --- Iteration ---------------------------------------------------------------------

typedef struct {
    KaaObject_HEAD
    KaaObject *str;     // NULL once exhausted
    Kaa_ssize_t offset; // byte offset of the next character
} StrIterObject;

KaaTypeObject KaaStrIter_Type;

static KaaObject *str_iter(KaaObject *s)
{
    StrIterObject *it = (StrIterObject *)kaa_object_new(&KaaStrIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->str = Kaa_NewRef(s);
    it->offset = 0;
    return (KaaObject *)it;
}

static KaaObject *striter_next(KaaObject *o)
{
    StrIterObject *it = (StrIterObject *)o;
    if (it->str == NULL) {
        return NULL;
    }
    if (it->offset >= KaaStr_NBYTES(it->str)) {
        Kaa_CLEAR(it->str);
        return NULL;
    }
    const char *p = KaaStr_DATA(it->str) + it->offset;
    int len = utf8_seqlen((unsigned char)*p);
    it->offset += len;
    return KaaStr_FromStringAndSize(p, len);
}

static void striter_dealloc(KaaObject *o)
{
    Kaa_XDECREF(((StrIterObject *)o)->str);
    kaa_object_free(o);
}

static KaaObject *self_iter(KaaObject *o)
{
    return Kaa_NewRef(o);
}

KaaTypeObject KaaStrIter_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "str_ascii_iterator",
    .tp_basicsize = sizeof(StrIterObject),
    .tp_dealloc = striter_dealloc,
    .tp_iter = self_iter,
    .tp_iternext = striter_next,
};

// --- Methods --------------------------------------------------------------------------

// Argument helpers for the methods below.
static int check_nargs(const char *name, size_t nargs, size_t min, size_t max, KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        KaaErr_Format(KaaExc(TypeError), "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs < min) {
        KaaErr_Format(KaaExc(TypeError), "%s expected at least %zu argument%s, got %zu", name, min,
                      min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        KaaErr_Format(KaaExc(TypeError), "%s expected at most %zu argument%s, got %zu", name, max,
                      max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static int need_str(KaaObject *o, const char *what)
{
    if (!KaaStr_Check(o)) {
        KaaErr_Format(KaaExc(TypeError), "%s arg must be None or str", what);
        return -1;
    }
    return 0;
}

static KaaObject *map_ascii_case(KaaObject *s, int upper)
{
    KaaObject *r = kaa_str_alloc(KaaStr_NBYTES(s));
    if (r == NULL) {
        return NULL;
    }
    const char *src = KaaStr_DATA(s);
    char *dst = KaaStr_DATA(r);
    for (Kaa_ssize_t i = 0; i < KaaStr_NBYTES(s); i++) {
        char c = src[i];
        if (upper && c >= 'a' && c <= 'z') {
            c = (char)(c - 32);
        } else if (!upper && c >= 'A' && c <= 'Z') {
            c = (char)(c + 32);
        }
        dst[i] = c;
    }
    kaa_str_finish(r);
    return r;
}

static KaaObject *str_upper(KaaObject *s, KaaObject *unused)
{
    return map_ascii_case(s, 1);
}

static KaaObject *str_lower(KaaObject *s, KaaObject *unused)
{
    return map_ascii_case(s, 0);
}

static int is_space_byte(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
}

// strip/lstrip/rstrip: which = 1 left, 2 right, 3 both.
static KaaObject *do_strip(KaaObject *s, KaaObject *const *args, size_t nargs, KaaObject *kwnames,
                           int which, const char *name)
{
    if (check_nargs(name, nargs, 0, 1, kwnames) < 0) {
        return NULL;
    }
    KaaObject *chars = nargs ? args[0] : Kaa_None;
    if (chars != Kaa_None && !KaaStr_Check(chars)) {
        return KaaErr_Format(KaaExc(TypeError), "%s arg must be None or str", name);
    }
    const unsigned char *p = (const unsigned char *)KaaStr_DATA(s);
    Kaa_ssize_t i = 0, j = KaaStr_NBYTES(s);
    // Non-ASCII strip characters are matched byte-wise only when ASCII.
    #define STRIPPABLE(c)                                                                       \
        (chars == Kaa_None ? is_space_byte(c)                                                   \
                           : memchr(KaaStr_DATA(chars), (c), (size_t)KaaStr_NBYTES(chars)) != NULL)
    if (which & 1) {
        while (i < j && p[i] < 0x80 && STRIPPABLE(p[i])) {
            i++;
        }
    }
    if (which & 2) {
        while (j > i && p[j - 1] < 0x80 && STRIPPABLE(p[j - 1])) {
            j--;
        }
    }
    #undef STRIPPABLE
    return KaaStr_FromStringAndSize((const char *)p + i, j - i);
}

static KaaObject *str_strip(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_strip(s, a, n, k, 3, "strip");
}

static KaaObject *str_lstrip(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_strip(s, a, n, k, 1, "lstrip");
}

static KaaObject *str_rstrip(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_strip(s, a, n, k, 2, "rstrip");
}

KaaObject *KaaStr_Join(KaaObject *sep, KaaObject *iterable)
{
    KaaObject *seq = KaaSequence_List(iterable);
    if (seq == NULL) {
        return NULL;
    }
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    for (Kaa_ssize_t i = 0; i < KaaList_GET_SIZE(seq); i++) {
        KaaObject *item = KaaList_GET_ITEM(seq, i);
        if (!KaaStr_Check(item)) {
            KaaErr_Format(KaaExc(TypeError), "sequence item %zd: expected str instance, %s found",
                          i, Kaa_TYPE(item)->tp_name);
            kaa_strbuf_free(&b);
            Kaa_DECREF(seq);
            return NULL;
        }
        if (i) {
            add_str(&b, sep);
        }
        add_str(&b, item);
    }
    Kaa_DECREF(seq);
    return from_buf(&b);
}

static KaaObject *str_join(KaaObject *s, KaaObject *iterable)
{
    return KaaStr_Join(s, iterable);
}

static KaaObject *str_split(KaaObject *s, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    KaaObject *sep = Kaa_None;
    Kaa_ssize_t maxsplit = -1;
    if (check_nargs("split", nargs, 0, 2, kwnames) < 0) {
        return NULL;
    }
    if (nargs >= 1) {
        sep = args[0];
    }
    if (nargs >= 2) {
        maxsplit = KaaNumber_AsSsize_t(args[1], KaaExc(OverflowError));
        if (maxsplit == -1 && KaaErr_Occurred()) {
            return NULL;
        }
    }
    if (sep != Kaa_None && !KaaStr_Check(sep)) {
        return KaaErr_Format(KaaExc(TypeError), "must be str or None, not %s",
                             Kaa_TYPE(sep)->tp_name);
    }
    KaaObject *list = KaaList_New(0);
    if (list == NULL) {
        return NULL;
    }
    const char *p = KaaStr_DATA(s);
    Kaa_ssize_t n = KaaStr_NBYTES(s), i = 0;
    if (sep == Kaa_None) {
        while (1) {
            while (i < n && is_space_byte((unsigned char)p[i])) {
                i++;
            }
            if (i >= n) {
                break;
            }
            Kaa_ssize_t j = i;
            if (maxsplit == 0) {
                j = n;
                while (j > i && is_space_byte((unsigned char)p[j - 1])) {
                    j--;
                }
            } else {
                while (j < n && !is_space_byte((unsigned char)p[j])) {
                    j++;
                }
            }
            KaaObject *part = KaaStr_FromStringAndSize(p + i, j - i);
            if (part == NULL || KaaList_Append(list, part) < 0) {
                Kaa_XDECREF(part);
                Kaa_DECREF(list);
                return NULL;
            }
            Kaa_DECREF(part);
            maxsplit--;
            i = j;
        }
        return list;
    }
    Kaa_ssize_t sn = KaaStr_NBYTES(sep);
    if (sn == 0) {
        Kaa_DECREF(list);
        return KaaErr_Format(KaaExc(ValueError), "empty separator");
    }
    while (1) {
        Kaa_ssize_t j = maxsplit == 0 ? -1 : find_bytes(p, i, n, KaaStr_DATA(sep), sn);
        Kaa_ssize_t end = j < 0 ? n : j;
        KaaObject *part = KaaStr_FromStringAndSize(p + i, end - i);
        if (part == NULL || KaaList_Append(list, part) < 0) {
            Kaa_XDECREF(part);
            Kaa_DECREF(list);
            return NULL;
        }
        Kaa_DECREF(part);
        if (j < 0) {
            break;
        }
        i = j + sn;
        maxsplit--;
    }
    return list;
}

static KaaObject *str_replace(KaaObject *s, KaaObject *const *args, size_t nargs,
                              KaaObject *kwnames)
{
    if (check_nargs("replace", nargs, 2, 3, kwnames) < 0) {
        return NULL;
    }
    KaaObject *old = args[0], *new = args[1];
    if (!KaaStr_Check(old) || !KaaStr_Check(new)) {
        KaaObject *bad = KaaStr_Check(old) ? new : old;
        return KaaErr_Format(KaaExc(TypeError), "replace() argument %d must be str, not %s",
                             KaaStr_Check(old) ? 2 : 1, Kaa_TYPE(bad)->tp_name);
    }
    Kaa_ssize_t count = -1;
    if (nargs == 3) {
        count = KaaNumber_AsSsize_t(args[2], KaaExc(OverflowError));
        if (count == -1 && KaaErr_Occurred()) {
            return NULL;
        }
    }
    const char *p = KaaStr_DATA(s);
    Kaa_ssize_t n = KaaStr_NBYTES(s), on = KaaStr_NBYTES(old), i = 0;
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    if (on == 0) {
        // Insert `new` before every character and at the end.
        while (count != 0) {
            add_str(&b, new);
            count--;
            if (i >= n) {
                break;
            }
            int len = utf8_seqlen((unsigned char)p[i]);
            kaa_strbuf_add(&b, p + i, (size_t)len);
            i += len;
        }
        kaa_strbuf_add(&b, p + i, (size_t)(n - i));
        return from_buf(&b);
    }
    while (count != 0) {
        Kaa_ssize_t j = find_bytes(p, i, n, KaaStr_DATA(old), on);
        if (j < 0) {
            break;
        }
        kaa_strbuf_add(&b, p + i, (size_t)(j - i));
        add_str(&b, new);
        i = j + on;
        count--;
    }
    kaa_strbuf_add(&b, p + i, (size_t)(n - i));
    return from_buf(&b);
}

// Resolve optional start/end code-point arguments to byte offsets.
static int get_range(KaaObject *s, KaaObject *const *args, size_t nargs, Kaa_ssize_t *bstart,
                     Kaa_ssize_t *bend)
{
    Kaa_ssize_t len = Kaa_SIZE(s), start = 0, end = len;
    if (nargs >= 1 && args[0] != Kaa_None) {
        start = KaaNumber_AsSsize_t(args[0], NULL);
        if (start == -1 && KaaErr_Occurred()) {
            return -1;
        }
    }
    if (nargs >= 2 && args[1] != Kaa_None) {
        end = KaaNumber_AsSsize_t(args[1], NULL);
        if (end == -1 && KaaErr_Occurred()) {
            return -1;
        }
    }
    if (start < 0) {
        start = start + len < 0 ? 0 : start + len;
    }
    if (end < 0) {
        end = end + len < 0 ? 0 : end + len;
    }
    if (end > len) {
        end = len;
    }
    if (start > len) {
        *bstart = KaaStr_NBYTES(s) + 1; // past the end: nothing matches
        *bend = KaaStr_NBYTES(s);
        return 0;
    }
    *bstart = byte_offset(s, start);
    *bend = end < start ? *bstart - 1 : byte_offset(s, end);
    return 0;
}

static KaaObject *do_find(KaaObject *s, KaaObject *const *args, size_t nargs, KaaObject *kwnames,
                          const char *name, int raise)
{
    if (check_nargs(name, nargs, 1, 3, kwnames) < 0) {
        return NULL;
    }
    if (!KaaStr_Check(args[0])) {
        return KaaErr_Format(KaaExc(TypeError), "must be str, not %s", Kaa_TYPE(args[0])->tp_name);
    }
    Kaa_ssize_t b0, b1;
    if (get_range(s, args + 1, nargs - 1, &b0, &b1) < 0) {
        return NULL;
    }
    Kaa_ssize_t j = b0 > b1 ? -1
                            : find_bytes(KaaStr_DATA(s), b0, b1, KaaStr_DATA(args[0]),
                                         KaaStr_NBYTES(args[0]));
    if (j < 0 && raise) {
        return KaaErr_Format(KaaExc(ValueError), "substring not found");
    }
    return KaaInt_FromSsize_t(j < 0 ? -1 : char_index(s, j));
}

static KaaObject *str_find(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_find(s, a, n, k, "find", 0);
}

static KaaObject *str_index(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_find(s, a, n, k, "index", 1);
}

static KaaObject *str_count(KaaObject *s, KaaObject *const *args, size_t nargs,
                            KaaObject *kwnames)
{
    if (check_nargs("count", nargs, 1, 3, kwnames) < 0 || need_str(args[0], "count") < 0) {
        return NULL;
    }
    Kaa_ssize_t b0, b1, count = 0;
    if (get_range(s, args + 1, nargs - 1, &b0, &b1) < 0) {
        return NULL;
    }
    Kaa_ssize_t sn = KaaStr_NBYTES(args[0]);
    if (b0 <= b1) {
        if (sn == 0) {
            return KaaInt_FromSsize_t(char_index(s, b1) - char_index(s, b0) + 1);
        }
        for (Kaa_ssize_t j; (j = find_bytes(KaaStr_DATA(s), b0, b1, KaaStr_DATA(args[0]), sn)) >= 0;
             b0 = j + sn) {
            count++;
        }
    }
    return KaaInt_FromSsize_t(count);
}

// startswith/endswith: prefix may be a str or a tuple of str.
static KaaObject *do_affix(KaaObject *s, KaaObject *const *args, size_t nargs, KaaObject *kwnames,
                           int end_side, const char *name)
{
    if (check_nargs(name, nargs, 1, 3, kwnames) < 0) {
        return NULL;
    }
    Kaa_ssize_t b0, b1;
    if (get_range(s, args + 1, nargs - 1, &b0, &b1) < 0) {
        return NULL;
    }
    KaaObject *fix = args[0];
    Kaa_ssize_t nfix = KaaTuple_Check(fix) ? KaaTuple_GET_SIZE(fix) : 1;
    for (Kaa_ssize_t i = 0; i < nfix; i++) {
        KaaObject *f = KaaTuple_Check(fix) ? KaaTuple_GET_ITEM(fix, i) : fix;
        if (!KaaStr_Check(f)) {
            if (KaaTuple_Check(fix)) {
                return KaaErr_Format(KaaExc(TypeError),
                                     "tuple for %s must only contain str, not %s", name,
                                     Kaa_TYPE(f)->tp_name);
            }
            return KaaErr_Format(KaaExc(TypeError),
                                 "%s first arg must be str or a tuple of str, not %s", name,
                                 Kaa_TYPE(f)->tp_name);
        }
        Kaa_ssize_t fn = KaaStr_NBYTES(f);
        if (b1 - b0 < fn) {
            continue;
        }
        Kaa_ssize_t at = end_side ? b1 - fn : b0;
        if (memcmp(KaaStr_DATA(s) + at, KaaStr_DATA(f), (size_t)fn) == 0) {
            return KaaBool_FromLong(1);
        }
    }
    return KaaBool_FromLong(0);
}

static KaaObject *str_startswith(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_affix(s, a, n, k, 0, "startswith");
}

static KaaObject *str_endswith(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_affix(s, a, n, k, 1, "endswith");
}

// isdigit/isalpha/... over ASCII (non-ASCII characters count as failures).
static KaaObject *classify(KaaObject *s, int (*pred)(unsigned char))
{
    Kaa_ssize_t n = KaaStr_NBYTES(s);
    if (n == 0) {
        return KaaBool_FromLong(0);
    }
    for (Kaa_ssize_t i = 0; i < n; i++) {
        if (!pred((unsigned char)KaaStr_DATA(s)[i])) {
            return KaaBool_FromLong(0);
        }
    }
    return KaaBool_FromLong(1);
}

static int pred_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int pred_alpha(unsigned char c)
{
    return (c | 32) >= 'a' && (c | 32) <= 'z';
}

static int pred_alnum(unsigned char c)
{
    return pred_digit(c) || pred_alpha(c);
}

static int pred_space(unsigned char c)
{
    return is_space_byte(c);
}

static KaaObject *str_isdigit(KaaObject *s, KaaObject *u)
{
    return classify(s, pred_digit);
}

static KaaObject *str_isalpha(KaaObject *s, KaaObject *u)
{
    return classify(s, pred_alpha);
}

static KaaObject *str_isalnum(KaaObject *s, KaaObject *u)
{
    return classify(s, pred_alnum);
}

static KaaObject *str_isspace(KaaObject *s, KaaObject *u)
{
    return classify(s, pred_space);
}

static KaaMethodDef str_methods[] = {
    {"upper", str_upper, KAA_METH_NOARGS},
    {"lower", str_lower, KAA_METH_NOARGS},
    {"strip", str_strip, KAA_METH_FASTCALL},
    {"lstrip", str_lstrip, KAA_METH_FASTCALL},
    {"rstrip", str_rstrip, KAA_METH_FASTCALL},
    {"join", str_join, KAA_METH_O},
    {"split", str_split, KAA_METH_FASTCALL},
    {"replace", str_replace, KAA_METH_FASTCALL},
    {"find", str_find, KAA_METH_FASTCALL},
    {"index", str_index, KAA_METH_FASTCALL},
    {"count", str_count, KAA_METH_FASTCALL},
    {"startswith", str_startswith, KAA_METH_FASTCALL},
    {"endswith", str_endswith, KAA_METH_FASTCALL},
    {"isdigit", str_isdigit, KAA_METH_NOARGS},
    {"isalpha", str_isalpha, KAA_METH_NOARGS},
    {"isalnum", str_isalnum, KAA_METH_NOARGS},
    {"isspace", str_isspace, KAA_METH_NOARGS},
    {NULL},
};

// --- The type ------------------------------------------------------------------------

static KaaObject *str_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                          KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        return KaaErr_Format(KaaExc(TypeError), "str() takes no keyword arguments");
    }
    if (nargs > 1) {
        return KaaErr_Format(KaaExc(TypeError), "str() takes at most 1 argument (%zu given)",
                             nargs);
    }
    return nargs ? KaaObject_Str(args[0]) : Kaa_NewRef(empty_str);
}

static void str_dealloc(KaaObject *o)
{
    kaa_obj_free(o);
}

static KaaSequenceMethods str_as_sequence = {
    .sq_length = str_length,
    .sq_concat = str_concat,
    .sq_repeat = str_repeat,
    .sq_item = str_item,
    .sq_contains = str_contains,
};

static KaaMappingMethods str_as_mapping = {
    .mp_length = str_length,
    .mp_subscript = str_subscript,
};

KaaTypeObject KaaStr_Type = {
    .ob_base = KaaVarObject_HEAD_INIT(&KaaType_Type, 0),
    .tp_name = "str",
    .tp_basicsize = sizeof(KaaStrObject),
    .tp_itemsize = 1,
    .tp_flags = KAA_TPFLAGS_BASETYPE | KAA_TPFLAGS_UNICODE_SUBCLASS,
    .tp_dealloc = str_dealloc,
    .tp_repr = kaa_str_repr,
    .tp_str = str_str,
    .tp_hash = kaa_str_hash,
    .tp_richcompare = str_richcompare,
    .tp_iter = str_iter,
    .tp_new = str_new,
    .tp_as_sequence = &str_as_sequence,
    .tp_as_mapping = &str_as_mapping,
    .tp_methods = str_methods,
};

void kaa_str_init(void)
{
    empty_str = kaa_str_alloc(0);
    for (int c = 0; c < 128; c++) {
        char ch = (char)c;
        ascii_chars[c] = KaaStr_FromStringAndSize(&ch, 1);
    }
    interned = KaaDict_New();
}

void kaa_str_fini(void)
{
    // Interned strings live until here: un-flag them so they can be freed.
    Kaa_ssize_t pos = 0;
    KaaObject *k, *v;
    while (interned && KaaDict_Next(interned, &pos, &k, &v)) {
        ((KaaStrObject *)k)->interned = 0;
    }
    Kaa_CLEAR(interned);
    for (int c = 0; c < 128; c++) {
        Kaa_CLEAR(ascii_chars[c]);
    }
    Kaa_CLEAR(empty_str);
}
