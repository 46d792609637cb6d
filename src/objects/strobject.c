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
#include "objects/unicodectype.h"
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

// Non-ASCII text is UTF-8, so a code-point index costs a walk. The last
// (string, index, byte offset) met is remembered, and the next walk starts
// from whichever of the start, that point or the end is nearest: a loop
// over s[i] or s.find(x, i) then costs O(1) a step instead of O(i).
// str_dealloc forgets the string.
static struct {
    KaaObject *s;
    Kaa_ssize_t index, off;
} pos_cache;

static void remember_pos(KaaObject *s, Kaa_ssize_t index, Kaa_ssize_t off)
{
    pos_cache.s = s;
    pos_cache.index = index;
    pos_cache.off = off;
}

// Byte offset of code point `index` in s (0 <= index <= len(s)).
static Kaa_ssize_t byte_offset(KaaObject *s, Kaa_ssize_t index)
{
    KaaStrObject *so = (KaaStrObject *)s;
    if (so->ascii) {
        return index;
    }
    const unsigned char *p = (const unsigned char *)so->data;
    Kaa_ssize_t from = 0, off = 0, len = Kaa_SIZE(s);
    if (index <= 0 || index >= len) { // the ends: keep the remembered point
        return index <= 0 ? 0 : so->nbytes;
    }
    if (pos_cache.s == s && (index >= pos_cache.index ? index - pos_cache.index : pos_cache.index - index) < index) {
        from = pos_cache.index;
        off = pos_cache.off;
    }
    if (len - index < (index > from ? index - from : from - index)) {
        from = len;
        off = so->nbytes;
    }
    for (; from < index; from++) {
        off += utf8_seqlen(p[off]);
    }
    for (; from > index; from--) {
        do {
            off--;
        } while ((p[off] & 0xC0) == 0x80);
    }
    remember_pos(s, index, off);
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
    kaa_ref_total++;
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
    // Walk from the nearest of the start, the remembered point and the end.
    Kaa_ssize_t idx = 0, i = 0, nbytes = KaaStr_NBYTES(s);
    const unsigned char *p = (const unsigned char *)KaaStr_DATA(s);
    if (pos_cache.s == s && (pos_cache.off > off ? pos_cache.off - off : off - pos_cache.off) < off) {
        idx = pos_cache.index;
        i = pos_cache.off;
    }
    if (nbytes - off < (i > off ? i - off : off - i)) {
        idx = Kaa_SIZE(s);
        i = nbytes;
    }
    for (; i < off; i += utf8_seqlen(p[i])) {
        idx++;
    }
    while (i > off) {
        do {
            i--;
        } while ((p[i] & 0xC0) == 0x80);
        idx--;
    }
    remember_pos(s, idx, off);
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
        } else if (kaa_unicode_isprintable(cp)) {
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
    KaaObject_HEAD KaaObject *str; // NULL once exhausted
    Kaa_ssize_t offset;            // byte offset of the next character
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

static int is_space_byte(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
}

int kaa_unpack_args(const char *fname, KaaObject *const *args, size_t nargs, KaaObject *kwnames,
                    const char *const *kwlist, int nrequired, KaaObject **out);

static int no_keywords(const char *name, KaaObject *kwnames)
{
    if (kwnames && KaaTuple_GET_SIZE(kwnames)) {
        KaaErr_Format(KaaExc(TypeError), "str.%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

// Argument counts checked the way CPython's Argument Clinic words it.
static int check_nargs(const char *name, size_t nargs, size_t min, size_t max, KaaObject *kwnames)
{
    if (no_keywords(name, kwnames) < 0) {
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

// The older wording of find/count/startswith and friends.
static int check_nargs_old(const char *name, size_t nargs, size_t min, size_t max,
                           KaaObject *kwnames)
{
    if (no_keywords(name, kwnames) < 0) {
        return -1;
    }
    if (nargs < min || nargs > max) {
        size_t lim = nargs < min ? min : max;
        KaaErr_Format(KaaExc(TypeError), "%s() takes at %s %zu argument%s (%zu given)", name,
                      nargs < min ? "least" : "most", lim, lim == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

// "must be str, not int" for a non-str argument.
// Argument Clinic names None "None" rather than "NoneType" in its errors.
const char *kaa_arg_type_name(KaaObject *o)
{
    return o == Kaa_None ? "None" : Kaa_TYPE(o)->tp_name;
}

static int need_str(KaaObject *o)
{
    if (!KaaStr_Check(o)) {
        KaaErr_Format(KaaExc(TypeError), "must be str, not %s", Kaa_TYPE(o)->tp_name);
        return -1;
    }
    return 0;
}

// An integer argument (index protocol), clipped to Kaa_ssize_t as CPython's
// "n" converter does not: OverflowError for huge values.
static int ssize_arg(KaaObject *o, Kaa_ssize_t *out)
{
    *out = KaaNumber_AsSsize_t(o, KaaExc(OverflowError));
    return *out == -1 && KaaErr_Occurred() ? -1 : 0;
}

static KaaObject *unchanged(KaaObject *s)
{
    return KaaStr_CheckExact(s) ? Kaa_NewRef(s)
                                : KaaStr_FromStringAndSize(KaaStr_DATA(s), KaaStr_NBYTES(s));
}

// The code points of s in a kaa_mem buffer (NULL with MemoryError).
static uint32_t *decode_all(KaaObject *s)
{
    Kaa_ssize_t n = Kaa_SIZE(s);
    uint32_t *cp = kaa_mem_alloc(sizeof(uint32_t) * (size_t)(n + 1));
    if (cp == NULL) {
        KaaErr_NoMemory();
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)KaaStr_DATA(s);
    for (Kaa_ssize_t i = 0; i < n; i++) {
        int len;
        cp[i] = utf8_decode(p, &len);
        p += len;
    }
    return cp;
}

uint32_t kaa_str_decode(const char *p, int *len)
{
    return utf8_decode((const unsigned char *)p, len);
}

// --- Case mapping -------------------------------------------------------------------

// Lower case of cp[i], with Greek capital sigma becoming final sigma at the
// end of a word (CPython's handle_capital_sigma).
static void add_lower_at(KaaStrBuf *b, const uint32_t *cp, Kaa_ssize_t n, Kaa_ssize_t i)
{
    if (cp[i] != 0x3A3) {
        kaa_unicode_addcase(b, cp[i], KAA_CASE_LOWER);
        return;
    }
    Kaa_ssize_t j = i - 1;
    while (j >= 0 && kaa_unicode_iscaseignorable(cp[j])) {
        j--;
    }
    int final = j >= 0 && kaa_unicode_iscased(cp[j]);
    if (final && i + 1 < n) {
        for (j = i + 1; j < n && kaa_unicode_iscaseignorable(cp[j]); j++) {
        }
        final = j == n || !kaa_unicode_iscased(cp[j]);
    }
    kaa_strbuf_add_utf8(b, final ? 0x3C2 : 0x3C3);
}

enum { CASE_LOWER, CASE_UPPER, CASE_FOLD, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE };

static KaaObject *map_case(KaaObject *s, int how)
{
    uint32_t *cp = decode_all(s);
    if (cp == NULL) {
        return NULL;
    }
    Kaa_ssize_t n = Kaa_SIZE(s);
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    int prev_cased = 0;
    for (Kaa_ssize_t i = 0; i < n; i++) {
        uint32_t c = cp[i];
        switch (how) {
        case CASE_LOWER:
            add_lower_at(&b, cp, n, i);
            break;
        case CASE_UPPER:
            kaa_unicode_addcase(&b, c, KAA_CASE_UPPER);
            break;
        case CASE_FOLD:
            kaa_unicode_addcase(&b, c, KAA_CASE_FOLD);
            break;
        case CASE_SWAP:
            if (kaa_unicode_isupper(c)) {
                add_lower_at(&b, cp, n, i);
            } else if (kaa_unicode_islower(c)) {
                kaa_unicode_addcase(&b, c, KAA_CASE_UPPER);
            } else {
                kaa_strbuf_add_utf8(&b, c);
            }
            break;
        case CASE_TITLE:
            if (prev_cased) {
                add_lower_at(&b, cp, n, i);
            } else {
                kaa_unicode_addcase(&b, c, KAA_CASE_TITLE);
            }
            prev_cased = kaa_unicode_iscased(c);
            break;
        default: // capitalize
            if (i == 0) {
                kaa_unicode_addcase(&b, c, KAA_CASE_TITLE);
            } else {
                add_lower_at(&b, cp, n, i);
            }
            break;
        }
    }
    kaa_mem_free(cp);
    return from_buf(&b);
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
    return ((KaaStrObject *)s)->ascii ? map_ascii_case(s, 1) : map_case(s, CASE_UPPER);
}

static KaaObject *str_lower(KaaObject *s, KaaObject *unused)
{
    return ((KaaStrObject *)s)->ascii ? map_ascii_case(s, 0) : map_case(s, CASE_LOWER);
}

static KaaObject *str_casefold(KaaObject *s, KaaObject *unused)
{
    return ((KaaStrObject *)s)->ascii ? map_ascii_case(s, 0) : map_case(s, CASE_FOLD);
}

static KaaObject *str_swapcase(KaaObject *s, KaaObject *unused)
{
    return map_case(s, CASE_SWAP);
}

static KaaObject *str_title(KaaObject *s, KaaObject *unused)
{
    return map_case(s, CASE_TITLE);
}

static KaaObject *str_capitalize(KaaObject *s, KaaObject *unused)
{
    return map_case(s, CASE_CAPITALIZE);
}

// --- Predicates -------------------------------------------------------------------------

// True when s is non-empty (or empty_ok) and pred holds for every character.
static KaaObject *classify(KaaObject *s, int (*pred)(uint32_t), int empty_ok)
{
    const unsigned char *p = (const unsigned char *)KaaStr_DATA(s);
    Kaa_ssize_t n = KaaStr_NBYTES(s);
    if (n == 0) {
        return KaaBool_FromLong(empty_ok);
    }
    for (Kaa_ssize_t i = 0; i < n;) {
        int len;
        if (!pred(utf8_decode(p + i, &len))) {
            return KaaBool_FromLong(0);
        }
        i += len;
    }
    return KaaBool_FromLong(1);
}

static int pred_alnum(uint32_t c)
{
    return kaa_unicode_isalpha(c) || kaa_unicode_isnumeric(c);
}

static int pred_ascii(uint32_t c)
{
    return c < 0x80;
}

static KaaObject *str_isalnum(KaaObject *s, KaaObject *u)
{
    return classify(s, pred_alnum, 0);
}

static KaaObject *str_isalpha(KaaObject *s, KaaObject *u)
{
    return classify(s, kaa_unicode_isalpha, 0);
}

static KaaObject *str_isascii(KaaObject *s, KaaObject *u)
{
    return classify(s, pred_ascii, 1);
}

static KaaObject *str_isdecimal(KaaObject *s, KaaObject *u)
{
    return classify(s, kaa_unicode_isdecimal, 0);
}

static KaaObject *str_isdigit(KaaObject *s, KaaObject *u)
{
    return classify(s, kaa_unicode_isdigit, 0);
}

static KaaObject *str_isnumeric(KaaObject *s, KaaObject *u)
{
    return classify(s, kaa_unicode_isnumeric, 0);
}

static KaaObject *str_isprintable(KaaObject *s, KaaObject *u)
{
    return classify(s, kaa_unicode_isprintable, 1);
}

static KaaObject *str_isspace(KaaObject *s, KaaObject *u)
{
    return classify(s, kaa_unicode_isspace, 0);
}

// islower/isupper: some cased character, and none of the other case or title case.
static KaaObject *case_test(KaaObject *s, int want_lower)
{
    const unsigned char *p = (const unsigned char *)KaaStr_DATA(s);
    int cased = 0;
    for (Kaa_ssize_t i = 0; i < KaaStr_NBYTES(s);) {
        int len;
        uint32_t c = utf8_decode(p + i, &len);
        i += len;
        int lower = kaa_unicode_islower(c), upper = kaa_unicode_isupper(c);
        if ((want_lower ? upper : lower) || kaa_unicode_istitle(c)) {
            return KaaBool_FromLong(0);
        }
        cased |= want_lower ? lower : upper;
    }
    return KaaBool_FromLong(cased);
}

static KaaObject *str_islower(KaaObject *s, KaaObject *u)
{
    return case_test(s, 1);
}

static KaaObject *str_isupper(KaaObject *s, KaaObject *u)
{
    return case_test(s, 0);
}

static KaaObject *str_istitle(KaaObject *s, KaaObject *u)
{
    const unsigned char *p = (const unsigned char *)KaaStr_DATA(s);
    int cased = 0, prev_cased = 0;
    for (Kaa_ssize_t i = 0; i < KaaStr_NBYTES(s);) {
        int len;
        uint32_t c = utf8_decode(p + i, &len);
        i += len;
        if (kaa_unicode_isupper(c) || kaa_unicode_istitle(c)) {
            if (prev_cased) {
                return KaaBool_FromLong(0);
            }
            prev_cased = cased = 1;
        } else if (kaa_unicode_islower(c)) {
            if (!prev_cased) {
                return KaaBool_FromLong(0);
            }
            prev_cased = cased = 1;
        } else {
            prev_cased = 0;
        }
    }
    return KaaBool_FromLong(cased);
}

static KaaObject *str_isidentifier(KaaObject *s, KaaObject *u)
{
    const unsigned char *p = (const unsigned char *)KaaStr_DATA(s);
    Kaa_ssize_t n = KaaStr_NBYTES(s);
    if (n == 0) {
        return KaaBool_FromLong(0);
    }
    int len;
    uint32_t c = utf8_decode(p, &len);
    if (!kaa_unicode_isxidstart(c)) {
        return KaaBool_FromLong(0);
    }
    for (Kaa_ssize_t i = len; i < n; i += len) {
        if (!kaa_unicode_isxidcontinue(utf8_decode(p + i, &len))) {
            return KaaBool_FromLong(0);
        }
    }
    return KaaBool_FromLong(1);
}

// --- Padding ---------------------------------------------------------------------------

// s with `left` and `right` copies of fill around it.
static KaaObject *pad(KaaObject *s, Kaa_ssize_t left, Kaa_ssize_t right, uint32_t fill)
{
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    for (Kaa_ssize_t i = 0; i < left; i++) {
        kaa_strbuf_add_utf8(&b, fill);
    }
    add_str(&b, s);
    for (Kaa_ssize_t i = 0; i < right; i++) {
        kaa_strbuf_add_utf8(&b, fill);
    }
    return from_buf(&b);
}

// center/ljust/rjust: which = 0 center, 1 ljust, 2 rjust.
static KaaObject *do_justify(KaaObject *s, KaaObject *const *args, size_t nargs, KaaObject *kwnames,
                             int which, const char *name)
{
    Kaa_ssize_t width;
    uint32_t fill = ' ';
    if (check_nargs(name, nargs, 1, 2, kwnames) < 0 || ssize_arg(args[0], &width) < 0) {
        return NULL;
    }
    if (nargs == 2) {
        if (!KaaStr_Check(args[1])) {
            return KaaErr_Format(KaaExc(TypeError),
                                 "The fill character must be a unicode character, not %s",
                                 Kaa_TYPE(args[1])->tp_name);
        }
        if (Kaa_SIZE(args[1]) != 1) {
            return KaaErr_Format(KaaExc(TypeError),
                                 "The fill character must be exactly one character long");
        }
        int len;
        fill = utf8_decode((const unsigned char *)KaaStr_DATA(args[1]), &len);
    }
    Kaa_ssize_t len = Kaa_SIZE(s);
    if (len >= width) {
        return unchanged(s);
    }
    Kaa_ssize_t marg = width - len;
    if (which == 1) {
        return pad(s, 0, marg, fill);
    }
    if (which == 2) {
        return pad(s, marg, 0, fill);
    }
    // CPython's rounding: the odd extra goes left only when width is odd.
    Kaa_ssize_t left = marg / 2 + (marg & width & 1);
    return pad(s, left, marg - left, fill);
}

static KaaObject *str_center(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_justify(s, a, n, k, 0, "center");
}

static KaaObject *str_ljust(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_justify(s, a, n, k, 1, "ljust");
}

static KaaObject *str_rjust(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_justify(s, a, n, k, 2, "rjust");
}

static KaaObject *str_zfill(KaaObject *s, KaaObject *arg)
{
    Kaa_ssize_t width;
    if (ssize_arg(arg, &width) < 0) {
        return NULL;
    }
    Kaa_ssize_t len = Kaa_SIZE(s);
    if (len >= width) {
        return unchanged(s);
    }
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    const char *p = KaaStr_DATA(s);
    Kaa_ssize_t nb = KaaStr_NBYTES(s);
    if (nb > 0 && (p[0] == '+' || p[0] == '-')) {
        kaa_strbuf_addc(&b, p[0]);
        p++;
        nb--;
    }
    for (Kaa_ssize_t i = 0; i < width - len; i++) {
        kaa_strbuf_addc(&b, '0');
    }
    kaa_strbuf_add(&b, p, (size_t)nb);
    return from_buf(&b);
}

static KaaObject *str_expandtabs(KaaObject *s, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames)
{
    static const char *const kwlist[] = {"tabsize", NULL};
    KaaObject *a[1];
    Kaa_ssize_t tabsize = 8;
    if (kaa_unpack_args("expandtabs", args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    if (a[0] && ssize_arg(a[0], &tabsize) < 0) {
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)KaaStr_DATA(s);
    Kaa_ssize_t n = KaaStr_NBYTES(s), col = 0;
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    for (Kaa_ssize_t i = 0; i < n;) {
        int len = utf8_seqlen(p[i]);
        if (p[i] == '\t') {
            if (tabsize > 0) {
                Kaa_ssize_t incr = tabsize - col % tabsize;
                col += incr;
                for (Kaa_ssize_t k = 0; k < incr; k++) {
                    kaa_strbuf_addc(&b, ' ');
                }
            }
        } else {
            kaa_strbuf_add(&b, (const char *)p + i, (size_t)len);
            col++;
            if (p[i] == '\n' || p[i] == '\r') {
                col = 0;
            }
        }
        i += len;
    }
    return from_buf(&b);
}

// --- Stripping ---------------------------------------------------------------------------

// Is c one of the code points of chars (or whitespace when chars is None)?
static int strippable(uint32_t c, const uint32_t *chars, Kaa_ssize_t nchars)
{
    if (chars == NULL) {
        return kaa_unicode_isspace(c);
    }
    for (Kaa_ssize_t k = 0; k < nchars; k++) {
        if (chars[k] == c) {
            return 1;
        }
    }
    return 0;
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
    uint32_t *set = NULL;
    Kaa_ssize_t nset = 0;
    if (chars != Kaa_None) {
        set = decode_all(chars);
        if (set == NULL) {
            return NULL;
        }
        nset = Kaa_SIZE(chars);
    }
    const unsigned char *p = (const unsigned char *)KaaStr_DATA(s);
    Kaa_ssize_t i = 0, j = KaaStr_NBYTES(s);
    int len;
    if (which & 1) {
        while (i < j && strippable(utf8_decode(p + i, &len), set, nset)) {
            i += len;
        }
    }
    if (which & 2) {
        while (j > i) {
            Kaa_ssize_t k = j - 1;
            while (k > i && (p[k] & 0xC0) == 0x80) {
                k--;
            }
            if (!strippable(utf8_decode(p + k, &len), set, nset)) {
                break;
            }
            j = k;
        }
    }
    kaa_mem_free(set);
    if (i == 0 && j == KaaStr_NBYTES(s)) {
        return unchanged(s);
    }
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

static KaaObject *str_removeprefix(KaaObject *s, KaaObject *fix)
{
    if (!KaaStr_Check(fix)) {
        return KaaErr_Format(KaaExc(TypeError), "removeprefix() argument must be str, not %s",
                             kaa_arg_type_name(fix));
    }
    Kaa_ssize_t n = KaaStr_NBYTES(fix);
    if (n <= KaaStr_NBYTES(s) && memcmp(KaaStr_DATA(s), KaaStr_DATA(fix), (size_t)n) == 0 && n) {
        return KaaStr_FromStringAndSize(KaaStr_DATA(s) + n, KaaStr_NBYTES(s) - n);
    }
    return unchanged(s);
}

static KaaObject *str_removesuffix(KaaObject *s, KaaObject *fix)
{
    if (!KaaStr_Check(fix)) {
        return KaaErr_Format(KaaExc(TypeError), "removesuffix() argument must be str, not %s",
                             kaa_arg_type_name(fix));
    }
    Kaa_ssize_t n = KaaStr_NBYTES(fix), sn = KaaStr_NBYTES(s);
    if (n && n <= sn && memcmp(KaaStr_DATA(s) + sn - n, KaaStr_DATA(fix), (size_t)n) == 0) {
        return KaaStr_FromStringAndSize(KaaStr_DATA(s), sn - n);
    }
    return unchanged(s);
}

// --- join, split, partition ---------------------------------------------------------------

KaaObject *KaaStr_Join(KaaObject *sep, KaaObject *iterable)
{
    KaaObject *it = KaaObject_GetIter(iterable);
    if (it == NULL) {
        if (KaaErr_ExceptionMatches(KaaExc(TypeError))) {
            KaaErr_Format(KaaExc(TypeError), "can only join an iterable");
        }
        return NULL;
    }
    KaaObject *seq = KaaSequence_List(it);
    Kaa_DECREF(it);
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
    if (KaaList_GET_SIZE(seq) == 1 && KaaStr_CheckExact(KaaList_GET_ITEM(seq, 0))) {
        KaaObject *only = Kaa_NewRef(KaaList_GET_ITEM(seq, 0));
        kaa_strbuf_free(&b);
        Kaa_DECREF(seq);
        return only;
    }
    Kaa_DECREF(seq);
    return from_buf(&b);
}

static KaaObject *str_join(KaaObject *s, KaaObject *iterable)
{
    return KaaStr_Join(s, iterable);
}

// Byte-level search for needle in s[start..end) (byte offsets); -1 when absent.
static Kaa_ssize_t rfind_bytes(const char *s, Kaa_ssize_t start, Kaa_ssize_t end,
                               const char *needle, Kaa_ssize_t n)
{
    for (Kaa_ssize_t i = end - n; i >= start; i--) {
        if (memcmp(s + i, needle, (size_t)n) == 0) {
            return i;
        }
    }
    return -1;
}

// Whitespace test at byte i: its byte length in *len when true.
static int space_at(const unsigned char *p, Kaa_ssize_t i, int *len)
{
    if (p[i] < 0x80) {
        *len = 1;
        return is_space_byte(p[i]);
    }
    return kaa_unicode_isspace(utf8_decode(p + i, len));
}

// Start byte of the character that ends just before byte j.
static Kaa_ssize_t prev_char(const unsigned char *p, Kaa_ssize_t j)
{
    do {
        j--;
    } while (j > 0 && (p[j] & 0xC0) == 0x80);
    return j;
}

static int append_part(KaaObject *list, const char *p, Kaa_ssize_t n)
{
    KaaObject *part = KaaStr_FromStringAndSize(p, n);
    if (part == NULL) {
        return -1;
    }
    int r = KaaList_Append(list, part);
    Kaa_DECREF(part);
    return r;
}

// Reverse a list in place (rsplit collects its parts right to left).
static int reverse_list(KaaObject *list)
{
    Kaa_ssize_t n = KaaList_GET_SIZE(list);
    for (Kaa_ssize_t i = 0; i < n / 2; i++) {
        KaaObject *t = KaaList_GET_ITEM(list, i);
        KaaList_SET_ITEM(list, i, KaaList_GET_ITEM(list, n - 1 - i));
        KaaList_SET_ITEM(list, n - 1 - i, t);
    }
    return 0;
}

// split/rsplit on runs of whitespace.
static int split_whitespace(KaaObject *list, const unsigned char *p, Kaa_ssize_t n,
                            Kaa_ssize_t maxsplit, int right)
{
    int len;
    if (!right) {
        Kaa_ssize_t i = 0;
        while (1) {
            while (i < n && space_at(p, i, &len)) {
                i += len;
            }
            if (i >= n) {
                return 0;
            }
            Kaa_ssize_t j = i;
            if (maxsplit == 0) {
                j = n; // the rest, trailing whitespace included
            } else {
                while (j < n && !space_at(p, j, &len)) {
                    j += utf8_seqlen(p[j]);
                }
            }
            if (append_part(list, (const char *)p + i, j - i) < 0) {
                return -1;
            }
            maxsplit--;
            i = j;
        }
    }
    Kaa_ssize_t j = n;
    while (1) {
        while (j > 0) {
            Kaa_ssize_t k = prev_char(p, j);
            if (!space_at(p, k, &len)) {
                break;
            }
            j = k;
        }
        if (j <= 0) {
            break;
        }
        Kaa_ssize_t i = j;
        if (maxsplit == 0) {
            i = 0; // the rest, leading whitespace included
        } else {
            while (i > 0) {
                Kaa_ssize_t k = prev_char(p, i);
                if (space_at(p, k, &len)) {
                    break;
                }
                i = k;
            }
        }
        if (append_part(list, (const char *)p + i, j - i) < 0) {
            return -1;
        }
        maxsplit--;
        j = i;
    }
    return reverse_list(list);
}

static KaaObject *do_split(KaaObject *s, KaaObject *const *args, size_t nargs, KaaObject *kwnames,
                           int right)
{
    static const char *const kwlist[] = {"sep", "maxsplit", NULL};
    KaaObject *a[2];
    if (kaa_unpack_args(right ? "rsplit" : "split", args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    KaaObject *sep = a[0] ? a[0] : Kaa_None;
    Kaa_ssize_t maxsplit = -1;
    if (sep != Kaa_None && !KaaStr_Check(sep)) {
        return KaaErr_Format(KaaExc(TypeError), "must be str or None, not %s",
                             Kaa_TYPE(sep)->tp_name);
    }
    if (a[1] && ssize_arg(a[1], &maxsplit) < 0) {
        return NULL;
    }
    if (maxsplit < 0) {
        maxsplit = KAA_SSIZE_MAX;
    }
    KaaObject *list = KaaList_New(0);
    if (list == NULL) {
        return NULL;
    }
    const char *p = KaaStr_DATA(s);
    Kaa_ssize_t n = KaaStr_NBYTES(s);
    if (sep == Kaa_None) {
        if (split_whitespace(list, (const unsigned char *)p, n, maxsplit, right) < 0) {
            Kaa_DECREF(list);
            return NULL;
        }
        return list;
    }
    Kaa_ssize_t sn = KaaStr_NBYTES(sep);
    if (sn == 0) {
        Kaa_DECREF(list);
        return KaaErr_Format(KaaExc(ValueError), "empty separator");
    }
    const char *sp = KaaStr_DATA(sep);
    if (!right) {
        Kaa_ssize_t i = 0;
        while (1) {
            Kaa_ssize_t j = maxsplit-- <= 0 ? -1 : find_bytes(p, i, n, sp, sn);
            if (append_part(list, p + i, (j < 0 ? n : j) - i) < 0) {
                Kaa_DECREF(list);
                return NULL;
            }
            if (j < 0) {
                break;
            }
            i = j + sn;
        }
        return list;
    }
    Kaa_ssize_t j = n;
    while (1) {
        Kaa_ssize_t i = maxsplit-- <= 0 ? -1 : rfind_bytes(p, 0, j, sp, sn);
        Kaa_ssize_t from = i < 0 ? 0 : i + sn;
        if (append_part(list, p + from, j - from) < 0) {
            Kaa_DECREF(list);
            return NULL;
        }
        if (i < 0) {
            break;
        }
        j = i;
    }
    if (reverse_list(list) < 0) {
        Kaa_DECREF(list);
        return NULL;
    }
    return list;
}

static KaaObject *str_split(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_split(s, a, n, k, 0);
}

static KaaObject *str_rsplit(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_split(s, a, n, k, 1);
}

// Length in bytes of the line break at p[i] (0 if none).
static int line_break_at(const unsigned char *p, Kaa_ssize_t i, Kaa_ssize_t n)
{
    unsigned char c = p[i];
    if (c == '\r') {
        return i + 1 < n && p[i + 1] == '\n' ? 2 : 1;
    }
    if (c == '\n' || c == '\v' || c == '\f' || (c >= 0x1C && c <= 0x1E)) {
        return 1;
    }
    if (c == 0xC2 && i + 1 < n && p[i + 1] == 0x85) {
        return 2;
    }
    if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) {
        return 3;
    }
    return 0;
}

static KaaObject *str_splitlines(KaaObject *s, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames)
{
    static const char *const kwlist[] = {"keepends", NULL};
    KaaObject *a[1];
    if (kaa_unpack_args("splitlines", args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    int keepends = 0;
    if (a[0]) {
        KaaObject *i = KaaNumber_Index(a[0]);
        if (i == NULL) {
            return NULL;
        }
        keepends = KaaInt_Sign(i) != 0;
        Kaa_DECREF(i);
    }
    KaaObject *list = KaaList_New(0);
    if (list == NULL) {
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)KaaStr_DATA(s);
    Kaa_ssize_t n = KaaStr_NBYTES(s), start = 0;
    for (Kaa_ssize_t i = 0; i < n;) {
        int br = line_break_at(p, i, n);
        if (br == 0) {
            i += utf8_seqlen(p[i]);
            continue;
        }
        if (append_part(list, (const char *)p + start, (keepends ? i + br : i) - start) < 0) {
            Kaa_DECREF(list);
            return NULL;
        }
        i += br;
        start = i;
    }
    if (start < n && append_part(list, (const char *)p + start, n - start) < 0) {
        Kaa_DECREF(list);
        return NULL;
    }
    return list;
}

static KaaObject *do_partition(KaaObject *s, KaaObject *sep, int right)
{
    if (need_str(sep) < 0) {
        return NULL;
    }
    Kaa_ssize_t sn = KaaStr_NBYTES(sep), n = KaaStr_NBYTES(s);
    if (sn == 0) {
        return KaaErr_Format(KaaExc(ValueError), "empty separator");
    }
    const char *p = KaaStr_DATA(s);
    Kaa_ssize_t j = right ? rfind_bytes(p, 0, n, KaaStr_DATA(sep), sn)
                          : find_bytes(p, 0, n, KaaStr_DATA(sep), sn);
    KaaObject *parts[3];
    if (j < 0) {
        parts[0] = right ? Kaa_NewRef(empty_str) : unchanged(s);
        parts[1] = Kaa_NewRef(empty_str);
        parts[2] = right ? unchanged(s) : Kaa_NewRef(empty_str);
    } else {
        parts[0] = KaaStr_FromStringAndSize(p, j);
        parts[1] = unchanged(sep);
        parts[2] = KaaStr_FromStringAndSize(p + j + sn, n - j - sn);
    }
    KaaObject *t = NULL;
    if (parts[0] && parts[1] && parts[2]) {
        t = KaaTuple_New(3);
    }
    for (int i = 0; i < 3; i++) {
        if (t) {
            KaaTuple_SET_ITEM(t, i, parts[i]);
        } else {
            Kaa_XDECREF(parts[i]);
        }
    }
    return t;
}

static KaaObject *str_partition(KaaObject *s, KaaObject *sep)
{
    return do_partition(s, sep, 0);
}

static KaaObject *str_rpartition(KaaObject *s, KaaObject *sep)
{
    return do_partition(s, sep, 1);
}

// --- replace, translate ---------------------------------------------------------------------

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
                             KaaStr_Check(old) ? 2 : 1, kaa_arg_type_name(bad));
    }
    Kaa_ssize_t count = -1;
    if (nargs == 3 && ssize_arg(args[2], &count) < 0) {
        return NULL;
    }
    const char *p = KaaStr_DATA(s);
    Kaa_ssize_t n = KaaStr_NBYTES(s), on = KaaStr_NBYTES(old), i = 0;
    if (count == 0 || (on > 0 && find_bytes(p, 0, n, KaaStr_DATA(old), on) < 0)) {
        return unchanged(s);
    }
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

// Add a str.translate() table value for code point c; 0, or -1 on error.
static int translate_one(KaaStrBuf *b, KaaObject *table, uint32_t c)
{
    KaaObject *key = KaaInt_FromInt64(c);
    if (key == NULL) {
        return -1;
    }
    KaaObject *v = KaaObject_GetItem(table, key);
    Kaa_DECREF(key);
    if (v == NULL) {
        if (!KaaErr_ExceptionMatches(KaaExc(LookupError))) {
            return -1;
        }
        KaaErr_Clear();
        kaa_strbuf_add_utf8(b, c);
        return 0;
    }
    int r = 0;
    if (v == Kaa_None) {
        // deleted
    } else if (KaaInt_Check(v)) {
        int64_t x = KaaInt_AsInt64(v);
        if (x == -1 && KaaErr_Occurred()) {
            KaaErr_Clear();
        }
        if (x < 0 || x > 0x10FFFF) {
            KaaErr_Format(KaaExc(ValueError), "character mapping must be in range(0x110000)");
            r = -1;
        } else {
            kaa_strbuf_add_utf8(b, (unsigned)x);
        }
    } else if (KaaStr_Check(v)) {
        add_str(b, v);
    } else {
        KaaErr_Format(KaaExc(TypeError), "character mapping must return integer, None or str");
        r = -1;
    }
    Kaa_DECREF(v);
    return r;
}

static KaaObject *str_translate(KaaObject *s, KaaObject *table)
{
    const unsigned char *p = (const unsigned char *)KaaStr_DATA(s);
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    for (Kaa_ssize_t i = 0; i < KaaStr_NBYTES(s);) {
        int len;
        uint32_t c = utf8_decode(p + i, &len);
        if (translate_one(&b, table, c) < 0) {
            kaa_strbuf_free(&b);
            return NULL;
        }
        i += len;
    }
    return from_buf(&b);
}

// Add one maketrans entry: key (a str of length 1 or an int) -> value.
static int maketrans_key(KaaObject *dict, KaaObject *key, KaaObject *value)
{
    if (KaaStr_Check(key)) {
        if (Kaa_SIZE(key) != 1) {
            KaaErr_Format(KaaExc(ValueError), "string keys in translate table must be of length 1");
            return -1;
        }
        int len;
        KaaObject *k = KaaInt_FromInt64(utf8_decode((const unsigned char *)KaaStr_DATA(key), &len));
        if (k == NULL) {
            return -1;
        }
        int r = KaaDict_SetItem(dict, k, value);
        Kaa_DECREF(k);
        return r;
    }
    if (KaaInt_Check(key)) {
        return KaaDict_SetItem(dict, key, value);
    }
    KaaErr_Format(KaaExc(TypeError), "keys in translate table must be strings or integers");
    return -1;
}

// str.maketrans(x[, y[, z]]), a static method (bound to the type here).
static KaaObject *str_maketrans(KaaObject *cls, KaaObject *const *args, size_t nargs,
                                KaaObject *kwnames)
{
    if (check_nargs("maketrans", nargs, 1, 3, kwnames) < 0) {
        return NULL;
    }
    KaaObject *x = args[0];
    for (size_t i = 1; i < nargs; i++) {
        if (!KaaStr_Check(args[i])) {
            return KaaErr_Format(KaaExc(TypeError), "maketrans() argument %zu must be str, not %s",
                                 i + 1, kaa_arg_type_name(args[i]));
        }
    }
    KaaObject *dict = KaaDict_New();
    if (dict == NULL) {
        return NULL;
    }
    if (nargs == 1) {
        if (!KaaDict_Check(x)) {
            Kaa_DECREF(dict);
            return KaaErr_Format(KaaExc(TypeError),
                                 "if you give only one argument to maketrans it must be a dict");
        }
        Kaa_ssize_t pos = 0;
        KaaObject *k, *v;
        while (KaaDict_Next(x, &pos, &k, &v)) {
            if (maketrans_key(dict, k, v) < 0) {
                Kaa_DECREF(dict);
                return NULL;
            }
        }
        return dict;
    }
    if (!KaaStr_Check(x)) {
        Kaa_DECREF(dict);
        return KaaErr_Format(KaaExc(TypeError),
                             "first maketrans argument must be a string if there is a second "
                             "argument");
    }
    if (Kaa_SIZE(x) != Kaa_SIZE(args[1])) {
        Kaa_DECREF(dict);
        return KaaErr_Format(KaaExc(ValueError),
                             "the first two maketrans arguments must have equal length");
    }
    const unsigned char *px = (const unsigned char *)KaaStr_DATA(x);
    const unsigned char *py = (const unsigned char *)KaaStr_DATA(args[1]);
    for (Kaa_ssize_t i = 0; i < Kaa_SIZE(x); i++) {
        int lx, ly;
        KaaObject *k = KaaInt_FromInt64(utf8_decode(px, &lx));
        KaaObject *v = KaaInt_FromInt64(utf8_decode(py, &ly));
        px += lx;
        py += ly;
        int r = (k && v) ? KaaDict_SetItem(dict, k, v) : -1;
        Kaa_XDECREF(k);
        Kaa_XDECREF(v);
        if (r < 0) {
            Kaa_DECREF(dict);
            return NULL;
        }
    }
    if (nargs == 3) {
        const unsigned char *pz = (const unsigned char *)KaaStr_DATA(args[2]);
        for (Kaa_ssize_t i = 0; i < Kaa_SIZE(args[2]); i++) {
            int lz;
            KaaObject *k = KaaInt_FromInt64(utf8_decode(pz, &lz));
            pz += lz;
            int r = k ? KaaDict_SetItem(dict, k, Kaa_None) : -1;
            Kaa_XDECREF(k);
            if (r < 0) {
                Kaa_DECREF(dict);
                return NULL;
            }
        }
    }
    return dict;
}

// --- Searching -------------------------------------------------------------------------

// A start/end argument: None keeps *out; else the index protocol, clipped.
static int slice_index(KaaObject *o, Kaa_ssize_t *out)
{
    if (o == Kaa_None) {
        return 0;
    }
    KaaNumberMethods *nb = Kaa_TYPE(o)->tp_as_number;
    if (!KaaInt_Check(o) && !(nb && nb->nb_index)) {
        KaaErr_Format(KaaExc(TypeError),
                      "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    Kaa_ssize_t v = KaaNumber_AsSsize_t(o, NULL);
    if (v == -1 && KaaErr_Occurred()) {
        return -1;
    }
    *out = v;
    return 0;
}

// Resolve optional start/end code-point arguments to byte offsets. When the
// range is empty or starts past the end, *bstart > *bend or *bstart == len+1.
static int get_range(KaaObject *s, KaaObject *const *args, size_t nargs, Kaa_ssize_t *bstart,
                     Kaa_ssize_t *bend)
{
    Kaa_ssize_t len = Kaa_SIZE(s), start = 0, end = KAA_SSIZE_MAX;
    if ((nargs >= 1 && slice_index(args[0], &start) < 0) ||
        (nargs >= 2 && slice_index(args[1], &end) < 0)) {
        return -1;
    }
    if (end > len) {
        end = len;
    } else if (end < 0) {
        end = end + len < 0 ? 0 : end + len;
    }
    if (start < 0) {
        start = start + len < 0 ? 0 : start + len;
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
                          const char *name, int raise, int right)
{
    if (check_nargs_old(name, nargs, 1, 3, kwnames) < 0 || need_str(args[0]) < 0) {
        return NULL;
    }
    Kaa_ssize_t b0, b1;
    if (get_range(s, args + 1, nargs - 1, &b0, &b1) < 0) {
        return NULL;
    }
    KaaObject *sub = args[0];
    Kaa_ssize_t j = -1;
    if (b0 <= b1) {
        j = right ? rfind_bytes(KaaStr_DATA(s), b0, b1, KaaStr_DATA(sub), KaaStr_NBYTES(sub))
                  : find_bytes(KaaStr_DATA(s), b0, b1, KaaStr_DATA(sub), KaaStr_NBYTES(sub));
    }
    if (j < 0 && raise) {
        return KaaErr_Format(KaaExc(ValueError), "substring not found");
    }
    return KaaInt_FromSsize_t(j < 0 ? -1 : char_index(s, j));
}

static KaaObject *str_find(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_find(s, a, n, k, "find", 0, 0);
}

static KaaObject *str_rfind(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_find(s, a, n, k, "rfind", 0, 1);
}

static KaaObject *str_index(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_find(s, a, n, k, "index", 1, 0);
}

static KaaObject *str_rindex(KaaObject *s, KaaObject *const *a, size_t n, KaaObject *k)
{
    return do_find(s, a, n, k, "rindex", 1, 1);
}

static KaaObject *str_count(KaaObject *s, KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    if (check_nargs_old("count", nargs, 1, 3, kwnames) < 0 || need_str(args[0]) < 0) {
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
    if (check_nargs_old(name, nargs, 1, 3, kwnames) < 0) {
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

static KaaObject *str_contains_method(KaaObject *s, KaaObject *sub)
{
    int r = str_contains(s, sub);
    return r < 0 ? NULL : KaaBool_FromLong(r);
}

static KaaObject *str_mod(KaaObject *a, KaaObject *b)
{
    if (!KaaStr_Check(a)) {
        Kaa_RETURN_NOTIMPLEMENTED;
    }
    return KaaStr_PrintfFormat(a, b);
}

// str.encode(encoding='utf-8', errors='strict'): the codecs are in bytesobject.c.
static KaaObject *str_encode(KaaObject *s, KaaObject *const *args, size_t nargs,
                             KaaObject *kwnames)
{
    static const char *const kwlist[] = {"encoding", "errors", NULL};
    KaaObject *a[2];
    if (kaa_unpack_args("encode", args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    static const char *const names[] = {"encoding", "errors"};
    for (int i = 0; i < 2; i++) {
        if (a[i] && !KaaStr_Check(a[i])) {
            return KaaErr_Format(KaaExc(TypeError), "encode() argument '%s' must be str, not %s",
                                 names[i], kaa_arg_type_name(a[i]));
        }
    }
    return kaa_str_encode(s, a[0] ? KaaStr_DATA(a[0]) : "utf-8",
                          a[1] ? KaaStr_DATA(a[1]) : "strict");
}

static KaaMethodDef str_methods[] = {
    {"capitalize", str_capitalize, KAA_METH_NOARGS},
    {"casefold", str_casefold, KAA_METH_NOARGS},
    {"center", str_center, KAA_METH_FASTCALL},
    {"count", str_count, KAA_METH_FASTCALL},
    {"encode", str_encode, KAA_METH_FASTCALL},
    {"endswith", str_endswith, KAA_METH_FASTCALL},
    {"expandtabs", str_expandtabs, KAA_METH_FASTCALL},
    {"find", str_find, KAA_METH_FASTCALL},
    {"format", kaa_str_format_method, KAA_METH_FASTCALL},
    {"format_map", kaa_str_format_map, KAA_METH_O},
    {"index", str_index, KAA_METH_FASTCALL},
    {"isalnum", str_isalnum, KAA_METH_NOARGS},
    {"isalpha", str_isalpha, KAA_METH_NOARGS},
    {"isascii", str_isascii, KAA_METH_NOARGS},
    {"isdecimal", str_isdecimal, KAA_METH_NOARGS},
    {"isdigit", str_isdigit, KAA_METH_NOARGS},
    {"isidentifier", str_isidentifier, KAA_METH_NOARGS},
    {"islower", str_islower, KAA_METH_NOARGS},
    {"isnumeric", str_isnumeric, KAA_METH_NOARGS},
    {"isprintable", str_isprintable, KAA_METH_NOARGS},
    {"isspace", str_isspace, KAA_METH_NOARGS},
    {"istitle", str_istitle, KAA_METH_NOARGS},
    {"isupper", str_isupper, KAA_METH_NOARGS},
    {"join", str_join, KAA_METH_O},
    {"ljust", str_ljust, KAA_METH_FASTCALL},
    {"lower", str_lower, KAA_METH_NOARGS},
    {"lstrip", str_lstrip, KAA_METH_FASTCALL},
    {"maketrans", str_maketrans, KAA_METH_FASTCALL | KAA_METH_CLASS},
    {"partition", str_partition, KAA_METH_O},
    {"removeprefix", str_removeprefix, KAA_METH_O},
    {"removesuffix", str_removesuffix, KAA_METH_O},
    {"replace", str_replace, KAA_METH_FASTCALL},
    {"rfind", str_rfind, KAA_METH_FASTCALL},
    {"rindex", str_rindex, KAA_METH_FASTCALL},
    {"rjust", str_rjust, KAA_METH_FASTCALL},
    {"rpartition", str_rpartition, KAA_METH_O},
    {"rsplit", str_rsplit, KAA_METH_FASTCALL},
    {"rstrip", str_rstrip, KAA_METH_FASTCALL},
    {"split", str_split, KAA_METH_FASTCALL},
    {"splitlines", str_splitlines, KAA_METH_FASTCALL},
    {"startswith", str_startswith, KAA_METH_FASTCALL},
    {"strip", str_strip, KAA_METH_FASTCALL},
    {"swapcase", str_swapcase, KAA_METH_NOARGS},
    {"title", str_title, KAA_METH_NOARGS},
    {"translate", str_translate, KAA_METH_O},
    {"upper", str_upper, KAA_METH_NOARGS},
    {"zfill", str_zfill, KAA_METH_O},
    {"__format__", kaa_str___format__, KAA_METH_O},
    {"__contains__", str_contains_method, KAA_METH_O},
    {NULL},
};

static KaaNumberMethods str_as_number = {
    .nb_remainder = str_mod,
};

// --- The type ------------------------------------------------------------------------

static KaaObject *str_new_exact(KaaObject *const *args, size_t nargs, KaaObject *kwnames);

// An instance of the str subclass `type` with the text of the exact str s
// (which this function consumes). Same layout as str; the class gives GC.
static KaaObject *str_subtype_new(KaaTypeObject *type, KaaObject *s)
{
    Kaa_ssize_t nbytes = KaaStr_NBYTES(s);
    KaaStrObject *o = (KaaStrObject *)KaaType_GenericAlloc(type, nbytes + 1);
    if (o == NULL) {
        Kaa_DECREF(s);
        return NULL;
    }
    o->ob_base.ob_size = Kaa_SIZE(s);
    o->hash = -1;
    o->nbytes = nbytes;
    o->ascii = ((KaaStrObject *)s)->ascii;
    o->interned = 0;
    memcpy(o->data, KaaStr_DATA(s), (size_t)nbytes + 1);
    Kaa_DECREF(s);
    return (KaaObject *)o;
}

static KaaObject *str_new(KaaTypeObject *type, KaaObject *const *args, size_t nargs,
                          KaaObject *kwnames)
{
    KaaObject *s = str_new_exact(args, nargs, kwnames);
    if (s == NULL || type == &KaaStr_Type) {
        return s;
    }
    if (!KaaStr_CheckExact(s)) { // str() of an object whose __str__ gave a subclass
        KaaObject *exact = KaaStr_FromStringAndSize(KaaStr_DATA(s), KaaStr_NBYTES(s));
        Kaa_DECREF(s);
        if (exact == NULL) {
            return NULL;
        }
        s = exact;
    }
    return str_subtype_new(type, s);
}

static KaaObject *str_new_exact(KaaObject *const *args, size_t nargs, KaaObject *kwnames)
{
    if ((kwnames == NULL || KaaTuple_GET_SIZE(kwnames) == 0) && nargs <= 1) {
        return nargs ? KaaObject_Str(args[0]) : Kaa_NewRef(empty_str);
    }
    // str(object=b'', encoding='utf-8', errors='strict') decodes bytes.
    static const char *const kwlist[] = {"object", "encoding", "errors", NULL};
    KaaObject *a[3] = {NULL, NULL, NULL};
    if (nargs > 3) {
        return KaaErr_Format(KaaExc(TypeError), "str() takes at most 3 arguments (%zu given)",
                             nargs);
    }
    if (kaa_unpack_args("str", args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    if (a[0] == NULL) {
        return Kaa_NewRef(empty_str);
    }
    if (a[1] == NULL && a[2] == NULL) {
        return KaaObject_Str(a[0]);
    }
    for (int i = 1; i < 3; i++) {
        if (a[i] && !KaaStr_Check(a[i])) {
            return KaaErr_Format(KaaExc(TypeError), "str() argument '%s' must be str, not %s",
                                 kwlist[i], Kaa_TYPE(a[i])->tp_name);
        }
    }
    if (KaaStr_Check(a[0])) {
        return KaaErr_Format(KaaExc(TypeError), "decoding str is not supported");
    }
    if (!KaaBytes_Check(a[0]) && !KaaByteArray_Check(a[0])) {
        return KaaErr_Format(KaaExc(TypeError),
                             "decoding to str: need a bytes-like object, %s found",
                             Kaa_TYPE(a[0])->tp_name);
    }
    KaaObject *dargs[2] = {a[1] ? a[1] : KaaStr_InternFromString("utf-8"),
                           a[2] ? a[2] : KaaStr_InternFromString("strict")};
    return KaaObject_CallMethod(a[0], "decode", dargs, 2);
}

static void str_dealloc(KaaObject *o)
{
    if (pos_cache.s == o) {
        pos_cache.s = NULL;
    }
    kaa_container_free(o); // a subclass's instances are GC objects
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
    .tp_as_number = &str_as_number,
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
    kaa_unicode_fini();
}
