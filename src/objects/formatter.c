/* Text formatting: the format() protocol and its spec mini-language
 * (str/int/float __format__), str.format and str.format_map, printf-style
 * `str % args`, and ascii().
 *
 * Everything follows CPython 3.11's rules and error texts (its
 * Python/formatter_unicode.c, Objects/stringlib/unicode_format.h and
 * PyUnicode_Format), re-expressed over kaa's UTF-8 strings. Floats are
 * rendered from decimal digits that C's snprintf gives correctly rounded
 * (glibc is exact), then laid out the way CPython's format_float_short does.
 */
#include <limits.h>
#include <math.h>
#include <string.h>

#include "mem/mem.h"
#include "objects/formatter.h"
#include "util/strbuf.h"
#include "vm/vm.h"

static KaaObject *buf_to_str(KaaStrBuf *b)
{
    if (b->failed) {
        kaa_strbuf_free(b);
        return KaaErr_NoMemory();
    }
    KaaObject *s = KaaStr_FromStringAndSize(b->data ? b->data : "", (Kaa_ssize_t)b->len);
    kaa_strbuf_free(b);
    return s;
}

static void add_str(KaaStrBuf *b, KaaObject *s)
{
    kaa_strbuf_add(b, KaaStr_DATA(s), (size_t)KaaStr_NBYTES(s));
}

static void add_fill(KaaStrBuf *b, uint32_t fill, Kaa_ssize_t n)
{
    for (Kaa_ssize_t i = 0; i < n; i++) {
        kaa_strbuf_add_utf8(b, fill);
    }
}

// Bytes taken by the first n code points of UTF-8 text p.
static Kaa_ssize_t utf8_prefix_bytes(const char *p, Kaa_ssize_t n)
{
    Kaa_ssize_t off = 0;
    while (n-- > 0) {
        int len;
        kaa_str_decode(p + off, &len);
        off += len;
    }
    return off;
}

// --- The format-spec mini-language --------------------------------------------------

// Decimal digits at cp[*pos..n): the count read (0 if none), -1 on overflow.
static int spec_integer(const uint32_t *cp, Kaa_ssize_t *pos, Kaa_ssize_t n, Kaa_ssize_t *out)
{
    Kaa_ssize_t acc = 0;
    int count = 0;
    for (; *pos < n && cp[*pos] >= '0' && cp[*pos] <= '9'; (*pos)++, count++) {
        int d = (int)(cp[*pos] - '0');
        if (acc > (KAA_SSIZE_MAX - d) / 10) {
            KaaErr_Format(KaaExc(ValueError), "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + d;
    }
    *out = acc;
    return count;
}

static int is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

static void bad_thousands(char sep, uint32_t type)
{
    if (type > 32 && type < 128) {
        KaaErr_Format(KaaExc(ValueError), "Cannot specify '%c' with '%c'.", sep, (int)type);
    } else {
        KaaErr_Format(KaaExc(ValueError), "Cannot specify '%c' with '\\x%x'.", sep, (unsigned)type);
    }
}

static int parse_spec_cp(KaaObject *obj, KaaObject *spec, const uint32_t *cp, Kaa_ssize_t n,
                         uint32_t default_type, char default_align, KaaFormatSpec *f)
{
    Kaa_ssize_t pos = 0;
    int fill_given = 0, align_given = 0;
    f->fill = ' ';
    f->align = default_align;
    f->sign = '\0';
    f->thousands = '\0';
    f->group = 3;
    f->alternate = 0;
    f->no_neg_0 = 0;
    f->width = -1;
    f->precision = -1;
    f->type = default_type;

    if (n >= 2 && is_align(cp[1])) {
        f->fill = cp[0];
        f->align = (char)cp[1];
        fill_given = align_given = 1;
        pos = 2;
    } else if (n >= 1 && is_align(cp[0])) {
        f->align = (char)cp[0];
        align_given = 1;
        pos = 1;
    }
    if (pos < n && (cp[pos] == '+' || cp[pos] == '-' || cp[pos] == ' ')) {
        f->sign = (char)cp[pos++];
    }
    if (pos < n && cp[pos] == 'z') {
        f->no_neg_0 = 1;
        pos++;
    }
    if (pos < n && cp[pos] == '#') {
        f->alternate = 1;
        pos++;
    }
    // A leading '0' means zero padding after the sign (unless a fill was given).
    if (!fill_given && pos < n && cp[pos] == '0') {
        f->fill = '0';
        if (!align_given && default_align == '>') {
            f->align = '=';
        }
        pos++;
    }
    int got = spec_integer(cp, &pos, n, &f->width);
    if (got < 0) {
        return -1;
    }
    if (got == 0) {
        f->width = -1;
    }
    if (pos < n && cp[pos] == ',') {
        f->thousands = ',';
        pos++;
    }
    if (pos < n && cp[pos] == '_') {
        if (f->thousands) {
            KaaErr_Format(KaaExc(ValueError), "Cannot specify both ',' and '_'.");
            return -1;
        }
        f->thousands = '_';
        pos++;
    }
    if (pos < n && cp[pos] == ',' && f->thousands == '_') {
        KaaErr_Format(KaaExc(ValueError), "Cannot specify both ',' and '_'.");
        return -1;
    }
    if (pos < n && cp[pos] == '.') {
        pos++;
        got = spec_integer(cp, &pos, n, &f->precision);
        if (got < 0) {
            return -1;
        }
        if (got == 0) {
            KaaErr_Format(KaaExc(ValueError), "Format specifier missing precision");
            return -1;
        }
    }
    if (n - pos > 1) {
        KaaErr_Format(KaaExc(ValueError), "Invalid format specifier '%U' for object of type '%s'",
                      spec, Kaa_TYPE(obj)->tp_name);
        return -1;
    }
    if (n - pos == 1) {
        f->type = cp[pos];
    }
    if (f->thousands) {
        switch (f->type) {
        case 'd':
        case 'e':
        case 'f':
        case 'g':
        case 'E':
        case 'G':
        case '%':
        case 'F':
        case '\0':
            break;
        case 'b':
        case 'o':
        case 'x':
        case 'X':
            if (f->thousands == '_') {
                f->group = 4;
                break;
            }
            // fall through
        default:
            bad_thousands(f->thousands, f->type);
            return -1;
        }
    }
    return 0;
}

int kaa_format_parse_spec(KaaObject *obj, KaaObject *spec, uint32_t default_type,
                          char default_align, KaaFormatSpec *f)
{
    Kaa_ssize_t n = KaaStr_LEN(spec);
    uint32_t small[64] = {0};
    uint32_t *cp = small;
    if (n > 64) {
        cp = kaa_mem_alloc(sizeof(uint32_t) * (size_t)n);
        if (cp == NULL) {
            KaaErr_NoMemory();
            return -1;
        }
    }
    const char *p = KaaStr_DATA(spec);
    for (Kaa_ssize_t i = 0; i < n; i++) {
        int len;
        cp[i] = kaa_str_decode(p, &len);
        p += len;
    }
    int r = parse_spec_cp(obj, spec, cp, n, default_type, default_align, f);
    if (cp != small) {
        kaa_mem_free(cp);
    }
    return r;
}

static KaaObject *unknown_type(uint32_t type, KaaObject *obj)
{
    if (type > 32 && type < 128) {
        return KaaErr_Format(KaaExc(ValueError), "Unknown format code '%c' for object of type '%s'",
                             (int)type, Kaa_TYPE(obj)->tp_name);
    }
    return KaaErr_Format(KaaExc(ValueError), "Unknown format code '\\x%x' for object of type '%s'",
                         (unsigned)type, Kaa_TYPE(obj)->tp_name);
}

// --- Laying out a number ----------------------------------------------------------------

// The pieces of a formatted number: [sign][prefix][digits][.][remainder].
typedef struct {
    char sign_char;     // '-' when negative, else '\0'
    const char *prefix; // "0x" etc. (ASCII), or ""
    const char *digits; // integer digits (ASCII)
    Kaa_ssize_t n_digits;
    int has_decimal;
    const char *remainder;                      // after the '.': fraction, exponent, '%' (UTF-8)
    Kaa_ssize_t n_remainder_bytes, n_remainder; // bytes, code points
    int upper;                                  // 'X': upper-case prefix and digits
} NumberParts;

// Write digits[0..n) grouped `size` digits at a time with sep (size 0: no
// groups), zero-padded on the left up to min_width characters, the way
// CPython's _PyUnicode_InsertThousandsGrouping does it.
static void add_grouped(KaaStrBuf *out, const char *digits, Kaa_ssize_t n, Kaa_ssize_t min_width,
                        int size, char sep, int upper)
{
    Kaa_ssize_t cap = (n > min_width ? n : min_width) * 2 + 4;
    char *tmp = kaa_mem_alloc((size_t)cap);
    if (tmp == NULL) {
        out->failed = 1;
        return;
    }
    Kaa_ssize_t w = cap, remaining = n, d = n; // fill tmp from the end
    int use_sep = 0, done = 0;
    while (size > 0) {
        Kaa_ssize_t want = remaining > min_width ? remaining : min_width;
        Kaa_ssize_t len = size < (want > 1 ? want : 1) ? size : (want > 1 ? want : 1);
        Kaa_ssize_t zeros = len - remaining > 0 ? len - remaining : 0;
        Kaa_ssize_t chars = remaining < len ? remaining : len;
        if (chars < 0) {
            chars = 0;
        }
        if (use_sep) {
            tmp[--w] = sep;
        }
        for (Kaa_ssize_t i = 0; i < chars; i++) {
            tmp[--w] = digits[--d];
        }
        for (Kaa_ssize_t i = 0; i < zeros; i++) {
            tmp[--w] = '0';
        }
        use_sep = 1;
        remaining -= chars;
        min_width -= len;
        if (remaining <= 0 && min_width <= 0) {
            done = 1;
            break;
        }
        min_width -= 1;
    }
    if (!done) {
        Kaa_ssize_t len = remaining > min_width ? remaining : min_width;
        if (len < 1) {
            len = 1;
        }
        Kaa_ssize_t zeros = len - remaining > 0 ? len - remaining : 0;
        Kaa_ssize_t chars = remaining < len ? remaining : len;
        if (use_sep) {
            tmp[--w] = sep;
        }
        for (Kaa_ssize_t i = 0; i < chars; i++) {
            tmp[--w] = digits[--d];
        }
        for (Kaa_ssize_t i = 0; i < zeros; i++) {
            tmp[--w] = '0';
        }
    }
    if (upper) {
        for (Kaa_ssize_t i = w; i < cap; i++) {
            if (tmp[i] >= 'a' && tmp[i] <= 'z') {
                tmp[i] = (char)(tmp[i] - 32);
            }
        }
    }
    kaa_strbuf_add(out, tmp + w, (size_t)(cap - w));
    kaa_mem_free(tmp);
}

// Length of the grouped digits add_grouped would write.
static Kaa_ssize_t grouped_len(Kaa_ssize_t n, Kaa_ssize_t min_width, int size)
{
    Kaa_ssize_t count = 0, remaining = n;
    int use_sep = 0;
    while (size > 0) {
        Kaa_ssize_t want = remaining > min_width ? remaining : min_width;
        Kaa_ssize_t len = size < (want > 1 ? want : 1) ? size : (want > 1 ? want : 1);
        Kaa_ssize_t chars = remaining < len ? (remaining > 0 ? remaining : 0) : len;
        count += use_sep + len;
        use_sep = 1;
        remaining -= chars;
        min_width -= len;
        if (remaining <= 0 && min_width <= 0) {
            return count;
        }
        min_width -= 1;
    }
    Kaa_ssize_t len = remaining > min_width ? remaining : min_width;
    return count + use_sep + (len < 1 ? 1 : len);
}

// CPython's calc_number_widths + fill_number.
static void add_number(KaaStrBuf *out, const NumberParts *np, const KaaFormatSpec *f)
{
    char sign = '\0';
    if (f->sign == '+') {
        sign = np->sign_char == '-' ? '-' : '+';
    } else if (f->sign == ' ') {
        sign = np->sign_char == '-' ? '-' : ' ';
    } else if (np->sign_char == '-') {
        sign = '-';
    }
    Kaa_ssize_t n_prefix = (Kaa_ssize_t)strlen(np->prefix);
    Kaa_ssize_t nondigit = (sign != '\0') + n_prefix + np->has_decimal + np->n_remainder;
    Kaa_ssize_t min_width = 0;
    if (f->fill == '0' && f->align == '=') {
        min_width = f->width - nondigit;
    }
    int size = f->thousands ? f->group : 0;
    Kaa_ssize_t n_grouped = np->n_digits == 0 ? 0 : grouped_len(np->n_digits, min_width, size);
    Kaa_ssize_t padding = f->width - (nondigit + n_grouped);
    Kaa_ssize_t lpad = 0, spad = 0, rpad = 0;
    if (padding > 0) {
        switch (f->align) {
        case '<':
            rpad = padding;
            break;
        case '^':
            lpad = padding / 2;
            rpad = padding - lpad;
            break;
        case '=':
            spad = padding;
            break;
        default:
            lpad = padding;
            break;
        }
    }
    add_fill(out, f->fill, lpad);
    if (sign) {
        kaa_strbuf_addc(out, sign);
    }
    for (Kaa_ssize_t i = 0; i < n_prefix; i++) {
        char c = np->prefix[i];
        kaa_strbuf_addc(out, np->upper && c >= 'a' && c <= 'z' ? (char)(c - 32) : c);
    }
    add_fill(out, f->fill, spad);
    if (np->n_digits) {
        add_grouped(out, np->digits, np->n_digits, min_width, size, f->thousands, np->upper);
    }
    if (np->has_decimal) {
        kaa_strbuf_addc(out, '.');
    }
    kaa_strbuf_add(out, np->remainder, (size_t)np->n_remainder_bytes);
    add_fill(out, f->fill, rpad);
}

// --- Floats to text (PyOS_double_to_string) ---------------------------------------------

enum { DTS_ALT = 1, DTS_ADD_DOT_0 = 2, DTS_NO_NEG_0 = 4 };

// Strip digits to dtoa's form: no leading zeros (each one moves the point),
// no trailing zeros; exact zero is "0" with the point after it.
static Kaa_ssize_t normalize_digits(char *d, Kaa_ssize_t n, int *decpt)
{
    Kaa_ssize_t lead = 0;
    while (lead < n && d[lead] == '0') {
        lead++;
    }
    memmove(d, d + lead, (size_t)(n - lead));
    n -= lead;
    *decpt -= (int)lead;
    while (n > 0 && d[n - 1] == '0') {
        n--;
    }
    d[n] = '\0';
    return n;
}

// Decimal digits of v (finite, >= 0) as _Py_dg_dtoa gives them: mode 0 the
// shortest that round-trips, mode 2 `nd` significant digits, mode 3 `nd`
// digits after the point. Returns a kaa_mem buffer (NULL on no memory).
static char *float_digits(double v, int mode, int nd, int *decpt, Kaa_ssize_t *ndigits)
{
    if (v == 0.0) {
        char *d = kaa_mem_alloc(2);
        if (d) {
            strcpy(d, "0");
            *decpt = 1;
            *ndigits = 1;
        }
        return d;
    }
    size_t cap = (size_t)nd + 400;
    char *buf = kaa_mem_alloc(cap);
    char *d = kaa_mem_alloc(cap);
    if (buf == NULL || d == NULL) {
        kaa_mem_free(buf);
        kaa_mem_free(d);
        return NULL;
    }
    Kaa_ssize_t n = 0;
    if (mode == 0) {
        // The shortest repr, re-read: "123.45", "1e+16", "1.5e-07".
        kaa_float_repr_buf(v, buf);
        int before = 0, seen_point = 0, exp = 0;
        for (const char *p = buf; *p; p++) {
            if (*p >= '0' && *p <= '9') {
                d[n++] = *p;
                before += !seen_point;
            } else if (*p == '.') {
                seen_point = 1;
            } else if (*p == 'e') {
                exp = atoi(p + 1);
                break;
            }
        }
        *decpt = before + exp;
    } else if (mode == 2) {
        snprintf(buf, cap, "%.*e", nd - 1, v);
        char *e = strchr(buf, 'e');
        for (const char *p = buf; p < e; p++) {
            if (*p != '.') {
                d[n++] = *p;
            }
        }
        *decpt = atoi(e + 1) + 1;
    } else {
        snprintf(buf, cap, "%.*f", nd, v);
        int before = 0, seen_point = 0;
        for (const char *p = buf; *p; p++) {
            if (*p == '.') {
                seen_point = 1;
            } else {
                d[n++] = *p;
                before += !seen_point;
            }
        }
        *decpt = before;
    }
    kaa_mem_free(buf);
    n = normalize_digits(d, n, decpt);
    if (n == 0) {
        *decpt = -nd; // rounded to nothing (mode 3 only): dtoa's "no digits"
    }
    *ndigits = n;
    return d;
}

static void add_zeros(KaaStrBuf *b, Kaa_ssize_t n)
{
    for (Kaa_ssize_t i = 0; i < n; i++) {
        kaa_strbuf_addc(b, '0');
    }
}

// Append v formatted with type e/E/f/F/g/G/r and precision, as CPython's
// PyOS_double_to_string (without its always-add-sign flag).
static int add_double(KaaStrBuf *b, double v, char type, int precision, int flags)
{
    int upper = type >= 'A' && type <= 'Z';
    if (upper) {
        type = (char)(type + 32);
    }
    if (isnan(v)) {
        kaa_strbuf_adds(b, upper ? "NAN" : "nan");
        return 0;
    }
    int neg = signbit(v) != 0;
    if (isinf(v)) {
        kaa_strbuf_adds(b, neg ? (upper ? "-INF" : "-inf") : (upper ? "INF" : "inf"));
        return 0;
    }
    int mode = 0, nd = 0;
    switch (type) {
    case 'e':
        mode = 2;
        nd = ++precision;
        break;
    case 'f':
        mode = 3;
        nd = precision;
        break;
    case 'g':
        mode = 2;
        if (precision == 0) {
            precision = 1;
        }
        nd = precision;
        break;
    default:
        break;
    }
    int decpt;
    Kaa_ssize_t len;
    char *digits = float_digits(fabs(v), mode, nd, &decpt, &len);
    if (digits == NULL) {
        KaaErr_NoMemory();
        return -1;
    }
    if ((flags & DTS_NO_NEG_0) && neg && (len == 0 || (len == 1 && digits[0] == '0'))) {
        neg = 0;
    }
    int alt = (flags & DTS_ALT) != 0, dot0 = (flags & DTS_ADD_DOT_0) != 0;
    int use_exp = 0, exp = 0;
    Kaa_ssize_t vend = len; // the output is the slice [vstart, vend) of
                            // digits padded with zeros on both sides
    switch (type) {
    case 'e':
        use_exp = 1;
        vend = precision;
        break;
    case 'f':
        vend = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (dot0 ? precision - 1 : precision)) {
            use_exp = 1;
        }
        if (alt) {
            vend = precision;
        }
        break;
    default: // 'r'
        if (decpt <= -4 || decpt > 16) {
            use_exp = 1;
        }
        break;
    }
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    Kaa_ssize_t vstart = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && dot0) {
        vend = vend > decpt ? vend : decpt + 1;
    } else {
        vend = vend > decpt ? vend : decpt;
    }
    size_t begin = b->len;
    if (neg) {
        kaa_strbuf_addc(b, '-');
    }
    if (decpt <= 0) {
        add_zeros(b, decpt - vstart);
        kaa_strbuf_addc(b, '.');
        add_zeros(b, -decpt);
    } else {
        add_zeros(b, -vstart);
    }
    if (decpt > 0 && decpt <= len) {
        kaa_strbuf_add(b, digits, (size_t)decpt);
        kaa_strbuf_addc(b, '.');
        kaa_strbuf_add(b, digits + decpt, (size_t)(len - decpt));
    } else {
        kaa_strbuf_add(b, digits, (size_t)len);
    }
    if (len < decpt) {
        add_zeros(b, decpt - len);
        kaa_strbuf_addc(b, '.');
        add_zeros(b, vend - decpt);
    } else {
        add_zeros(b, vend - len);
    }
    kaa_mem_free(digits);
    if (!b->failed && b->len > begin && b->data[b->len - 1] == '.' && !alt) {
        b->data[--b->len] = '\0';
    }
    if (use_exp) {
        kaa_strbuf_printf(b, "%c%+.02d", upper ? 'E' : 'e', exp);
    }
    return 0;
}

// --- __format__ for str, int, float and object ------------------------------------------

static int need_spec_str(KaaObject *spec)
{
    if (!KaaStr_Check(spec)) {
        KaaErr_Format(KaaExc(TypeError), "__format__() argument must be str, not %s",
                      kaa_arg_type_name(spec));
        return -1;
    }
    return 0;
}

static KaaObject *format_str_internal(KaaObject *value, const KaaFormatSpec *f)
{
    if (f->sign != '\0') {
        return KaaErr_Format(KaaExc(ValueError),
                             f->sign == ' ' ? "Space not allowed in string format specifier"
                                            : "Sign not allowed in string format specifier");
    }
    if (f->no_neg_0) {
        return KaaErr_Format(KaaExc(ValueError),
                             "Negative zero coercion (z) not allowed in string format specifier");
    }
    if (f->alternate) {
        return KaaErr_Format(KaaExc(ValueError),
                             "Alternate form (#) not allowed in string format specifier");
    }
    if (f->align == '=') {
        return KaaErr_Format(KaaExc(ValueError),
                             "'=' alignment not allowed in string format specifier");
    }
    Kaa_ssize_t len = KaaStr_LEN(value);
    if ((f->width == -1 || f->width <= len) && (f->precision == -1 || f->precision >= len)) {
        return KaaObject_Str(value);
    }
    if (f->precision >= 0 && len >= f->precision) {
        len = f->precision;
    }
    Kaa_ssize_t total = f->width > len ? f->width : len, lpad = 0;
    if (f->align == '>') {
        lpad = total - len;
    } else if (f->align == '^') {
        lpad = (total - len) / 2;
    }
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    add_fill(&b, f->fill, lpad);
    kaa_strbuf_add(&b, KaaStr_DATA(value), (size_t)utf8_prefix_bytes(KaaStr_DATA(value), len));
    add_fill(&b, f->fill, total - len - lpad);
    return buf_to_str(&b);
}

// str.__format__(spec)
KaaObject *kaa_str___format__(KaaObject *self, KaaObject *spec)
{
    if (need_spec_str(spec) < 0) {
        return NULL;
    }
    if (KaaStr_LEN(spec) == 0) {
        return KaaObject_Str(self);
    }
    KaaFormatSpec f;
    if (kaa_format_parse_spec(self, spec, 's', '<', &f) < 0) {
        return NULL;
    }
    if (f.type != 's') {
        return unknown_type(f.type, self);
    }
    return format_str_internal(self, &f);
}

static KaaObject *format_float_internal(KaaObject *value, const KaaFormatSpec *f);

static KaaObject *format_long_internal(KaaObject *value, const KaaFormatSpec *f)
{
    if (f->precision != -1) {
        return KaaErr_Format(KaaExc(ValueError),
                             "Precision not allowed in integer format specifier");
    }
    if (f->no_neg_0) {
        return KaaErr_Format(KaaExc(ValueError),
                             "Negative zero coercion (z) not allowed in integer format specifier");
    }
    NumberParts np = {.prefix = "", .remainder = ""};
    KaaObject *text = NULL;
    KaaStrBuf chr;
    kaa_strbuf_init(&chr);
    if (f->type == 'c') {
        if (f->sign != '\0') {
            return KaaErr_Format(KaaExc(ValueError),
                                 "Sign not allowed with integer format specifier 'c'");
        }
        if (f->alternate) {
            return KaaErr_Format(
                KaaExc(ValueError),
                "Alternate form (#) not allowed with integer format specifier 'c'");
        }
        int64_t x = KaaInt_AsInt64(value);
        if (x == -1 && KaaErr_Occurred()) {
            return NULL;
        }
        if (x < 0 || x > 0x10FFFF) {
            return KaaErr_Format(KaaExc(OverflowError), "%%c arg not in range(0x110000)");
        }
        kaa_strbuf_add_utf8(&chr, (unsigned)x);
        if (chr.failed) {
            kaa_strbuf_free(&chr);
            return KaaErr_NoMemory();
        }
        np.remainder = chr.data;
        np.n_remainder_bytes = (Kaa_ssize_t)chr.len;
        np.n_remainder = 1;
    } else {
        int base = 10;
        switch (f->type) {
        case 'b':
            base = 2;
            break;
        case 'o':
            base = 8;
            break;
        case 'x':
        case 'X':
            base = 16;
            break;
        default:
            break;
        }
        text = kaa_int_format_base(value, base);
        if (text == NULL) {
            return NULL;
        }
        const char *p = KaaStr_DATA(text);
        if (*p == '-') {
            np.sign_char = '-';
            p++;
        }
        if (base != 10) {
            np.prefix = !f->alternate ? "" : base == 2 ? "0b" : base == 8 ? "0o" : "0x";
            p += 2;
        }
        np.digits = p;
        np.n_digits = (Kaa_ssize_t)strlen(p);
        np.upper = f->type == 'X';
    }
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    add_number(&b, &np, f);
    kaa_strbuf_free(&chr);
    Kaa_XDECREF(text);
    return buf_to_str(&b);
}

// int.__format__(spec)
KaaObject *kaa_int___format__(KaaObject *self, KaaObject *spec)
{
    if (need_spec_str(spec) < 0) {
        return NULL;
    }
    if (KaaStr_LEN(spec) == 0) {
        return KaaInt_CheckExact(self) ? kaa_int_repr(self) : KaaObject_Str(self);
    }
    KaaFormatSpec f;
    if (kaa_format_parse_spec(self, spec, 'd', '>', &f) < 0) {
        return NULL;
    }
    switch (f.type) {
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
        return format_long_internal(self, &f);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
        KaaObject *fl = KaaNumber_Float(self);
        if (fl == NULL) {
            return NULL;
        }
        KaaObject *r = format_float_internal(fl, &f);
        Kaa_DECREF(fl);
        return r;
    }
    default:
        return unknown_type(f.type, self);
    }
}

static KaaObject *format_float_internal(KaaObject *value, const KaaFormatSpec *f)
{
    if (f->precision > INT_MAX) {
        return KaaErr_Format(KaaExc(ValueError), "precision too big");
    }
    int precision = (int)f->precision, default_precision = 6, flags = 0, add_pct = 0;
    char type = (char)f->type;
    if (f->alternate) {
        flags |= DTS_ALT;
    }
    if (f->no_neg_0) {
        flags |= DTS_NO_NEG_0;
    }
    if (type == '\0') {
        // Like repr() without a precision, else like 'g' with at least one
        // digit after the point.
        flags |= DTS_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') {
        type = 'g';
    }
    double val = KaaFloat_AsDouble(value);
    if (val == -1.0 && KaaErr_Occurred()) {
        return NULL;
    }
    if (type == '%') {
        type = 'f';
        val *= 100;
        add_pct = 1;
    }
    if (precision < 0) {
        precision = default_precision;
    } else if (type == 'r') {
        type = 'g';
    }
    KaaStrBuf text;
    kaa_strbuf_init(&text);
    if (add_double(&text, val, type, precision, flags) < 0) {
        kaa_strbuf_free(&text);
        return NULL;
    }
    if (add_pct) {
        kaa_strbuf_addc(&text, '%');
    }
    if (text.failed) {
        kaa_strbuf_free(&text);
        return KaaErr_NoMemory();
    }
    NumberParts np = {.prefix = ""};
    const char *p = text.data;
    if (*p == '-') {
        np.sign_char = '-';
        p++;
    }
    np.digits = p;
    while (*p >= '0' && *p <= '9') {
        p++;
    }
    np.n_digits = p - np.digits;
    if (*p == '.') {
        np.has_decimal = 1;
        p++;
    }
    np.remainder = p;
    np.n_remainder_bytes = np.n_remainder = (Kaa_ssize_t)(text.data + text.len - p);
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    add_number(&b, &np, f);
    kaa_strbuf_free(&text);
    return buf_to_str(&b);
}

// float.__format__(spec)
KaaObject *kaa_float___format__(KaaObject *self, KaaObject *spec)
{
    if (need_spec_str(spec) < 0) {
        return NULL;
    }
    if (KaaStr_LEN(spec) == 0) {
        return KaaObject_Str(self);
    }
    KaaFormatSpec f;
    if (kaa_format_parse_spec(self, spec, '\0', '>', &f) < 0) {
        return NULL;
    }
    switch (f.type) {
    case '\0':
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
        return format_float_internal(self, &f);
    default:
        return unknown_type(f.type, self);
    }
}

// object.__format__(spec): str(self) for an empty spec, else TypeError.
KaaObject *kaa_object___format__(KaaObject *self, KaaObject *spec)
{
    if (need_spec_str(spec) < 0) {
        return NULL;
    }
    if (KaaStr_LEN(spec) > 0) {
        return KaaErr_Format(KaaExc(TypeError), "unsupported format string passed to %s.__format__",
                             Kaa_TYPE(self)->tp_name);
    }
    return KaaObject_Str(self);
}

KaaObject *KaaObject_Format(KaaObject *obj, KaaObject *spec)
{
    if (spec != NULL && !KaaStr_Check(spec)) {
        return KaaErr_Format(KaaExc(SystemError), "Format specifier must be a string, not %s",
                             Kaa_TYPE(spec)->tp_name);
    }
    if (spec == NULL || KaaStr_LEN(spec) == 0) {
        if (KaaStr_CheckExact(obj)) {
            return Kaa_NewRef(obj);
        }
        if (KaaInt_CheckExact(obj)) {
            return KaaObject_Str(obj);
        }
    }
    KaaObject *empty = NULL;
    if (spec == NULL) {
        spec = empty = KaaStr_FromStringAndSize("", 0);
        if (spec == NULL) {
            return NULL;
        }
    }
    KaaObject *name = KaaStr_InternFromString("__format__");
    KaaObject *meth = name ? kaa_type_lookup(Kaa_TYPE(obj), name) : NULL;
    KaaObject *res;
    if (meth == NULL) {
        // Types without their own __format__ inherit object's.
        res = kaa_object___format__(obj, spec);
    } else {
        KaaObject *argv[2] = {obj, spec};
        Kaa_INCREF(meth);
        res = KaaObject_Vectorcall(meth, argv, 2, NULL);
        Kaa_DECREF(meth);
    }
    Kaa_XDECREF(empty);
    if (res && !KaaStr_Check(res)) {
        KaaErr_Format(KaaExc(TypeError), "__format__ must return a str, not %s",
                      Kaa_TYPE(res)->tp_name);
        Kaa_CLEAR(res);
    }
    return res;
}

// --- ascii() ------------------------------------------------------------------------------

KaaObject *KaaObject_ASCII(KaaObject *o)
{
    KaaObject *r = KaaObject_Repr(o);
    if (r == NULL || ((KaaStrObject *)r)->ascii) {
        return r;
    }
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    const char *p = KaaStr_DATA(r), *end = p + KaaStr_NBYTES(r);
    while (p < end) {
        int len;
        uint32_t c = kaa_str_decode(p, &len);
        if (c < 0x80) {
            kaa_strbuf_addc(&b, (char)c);
        } else if (c < 0x100) {
            kaa_strbuf_printf(&b, "\\x%02x", c);
        } else if (c < 0x10000) {
            kaa_strbuf_printf(&b, "\\u%04x", c);
        } else {
            kaa_strbuf_printf(&b, "\\U%08x", c);
        }
        p += len;
    }
    Kaa_DECREF(r);
    return buf_to_str(&b);
}

// --- str.format and str.format_map ----------------------------------------------------------

// Auto-numbering state, shared by a format string and its nested specs.
typedef struct {
    int state; // 0 not yet known, 1 automatic, 2 manual
    Kaa_ssize_t next;
} AutoNumber;

typedef struct {
    KaaObject *args;   // tuple, or NULL for format_map
    KaaObject *kwargs; // mapping or NULL
    AutoNumber an;
} FormatCall;

static int build_string(KaaStrBuf *out, const char *s, Kaa_ssize_t start, Kaa_ssize_t end,
                        FormatCall *fc, int depth);

// A field-name part as an index: -1 if it is not all ASCII digits.
static Kaa_ssize_t field_integer(const char *s, Kaa_ssize_t start, Kaa_ssize_t end)
{
    if (start >= end) {
        return -1;
    }
    Kaa_ssize_t acc = 0;
    for (Kaa_ssize_t i = start; i < end; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        int d = s[i] - '0';
        if (acc > (KAA_SSIZE_MAX - d) / 10) {
            KaaErr_Format(KaaExc(ValueError), "Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + d;
    }
    return acc;
}

// The object a replacement field names: "0", "name", "", then .attr / [key].
static KaaObject *get_field_object(const char *s, Kaa_ssize_t start, Kaa_ssize_t end,
                                   FormatCall *fc)
{
    Kaa_ssize_t i = start;
    while (i < end && s[i] != '.' && s[i] != '[') {
        i++;
    }
    Kaa_ssize_t index = field_integer(s, start, i);
    if (index == -2) {
        return NULL;
    }
    int empty = i == start;
    if (empty || index != -1) {
        if (fc->an.state == 0) {
            fc->an.state = empty ? 1 : 2;
        }
        if (fc->an.state == 2 && empty) {
            return KaaErr_Format(KaaExc(ValueError), "cannot switch from manual field "
                                                     "specification to automatic field numbering");
        }
        if (fc->an.state == 1 && !empty) {
            return KaaErr_Format(KaaExc(ValueError), "cannot switch from automatic field "
                                                     "numbering to manual field specification");
        }
        if (empty) {
            index = fc->an.next++;
        }
    }
    KaaObject *obj;
    if (index == -1) {
        KaaObject *key = KaaStr_FromStringAndSize(s + start, i - start);
        if (key == NULL) {
            return NULL;
        }
        if (fc->kwargs == NULL) {
            KaaErr_SetObject(KaaExc(KeyError), key);
            obj = NULL;
        } else {
            obj = KaaObject_GetItem(fc->kwargs, key);
        }
        Kaa_DECREF(key);
    } else {
        if (fc->args == NULL) {
            return KaaErr_Format(KaaExc(ValueError), "Format string contains positional fields");
        }
        if (index >= KaaTuple_GET_SIZE(fc->args)) {
            return KaaErr_Format(KaaExc(IndexError),
                                 "Replacement index %zd out of range for positional args tuple",
                                 index);
        }
        obj = Kaa_NewRef(KaaTuple_GET_ITEM(fc->args, index));
    }
    // The rest: a chain of .name and [key] lookups.
    while (obj != NULL && i < end) {
        char c = s[i++];
        Kaa_ssize_t nstart = i;
        KaaObject *next = NULL;
        if (c == '.') {
            while (i < end && s[i] != '.' && s[i] != '[') {
                i++;
            }
        } else if (c == '[') {
            while (i < end && s[i] != ']') {
                i++;
            }
            if (i >= end) {
                Kaa_DECREF(obj);
                return KaaErr_Format(KaaExc(ValueError), "Missing ']' in format string");
            }
        } else {
            Kaa_DECREF(obj);
            return KaaErr_Format(KaaExc(ValueError),
                                 "Only '.' or '[' may follow ']' in format field specifier");
        }
        Kaa_ssize_t nend = i;
        if (c == '[') {
            i++; // the ']'
        }
        if (nstart == nend) {
            Kaa_DECREF(obj);
            return KaaErr_Format(KaaExc(ValueError), "Empty attribute in format string");
        }
        Kaa_ssize_t idx = c == '[' ? field_integer(s, nstart, nend) : -1;
        KaaObject *key = idx == -2  ? NULL
                         : idx >= 0 ? KaaInt_FromSsize_t(idx)
                                    : KaaStr_FromStringAndSize(s + nstart, nend - nstart);
        if (key != NULL) {
            next = c == '.' ? KaaObject_GetAttr(obj, key) : KaaObject_GetItem(obj, key);
            Kaa_DECREF(key);
        }
        Kaa_DECREF(obj);
        obj = next;
    }
    return obj;
}

static KaaObject *do_conversion(KaaObject *obj, uint32_t conv)
{
    switch (conv) {
    case 'r':
        return KaaObject_Repr(obj);
    case 's':
        return KaaObject_Str(obj);
    case 'a':
        return KaaObject_ASCII(obj);
    default:
        if (conv > 32 && conv < 127) {
            return KaaErr_Format(KaaExc(ValueError), "Unknown conversion specifier %c", (int)conv);
        }
        return KaaErr_Format(KaaExc(ValueError), "Unknown conversion specifier \\x%x",
                             (unsigned)conv);
    }
}

// Parse a replacement field after its '{' and render it into out.
static int do_field(KaaStrBuf *out, const char *s, Kaa_ssize_t *ppos, Kaa_ssize_t end,
                    FormatCall *fc, int depth)
{
    Kaa_ssize_t pos = *ppos, name_start = pos;
    char c = 0;
    while (pos < end) {
        c = s[pos++];
        if (c == '{') {
            KaaErr_Format(KaaExc(ValueError), "unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (pos < end && s[pos] != ']') {
                pos++;
            }
            continue;
        }
        if (c == '}' || c == ':' || c == '!') {
            break;
        }
    }
    Kaa_ssize_t name_end = pos - 1;
    uint32_t conv = 0;
    Kaa_ssize_t spec_start = 0, spec_end = 0;
    int expand = 0;
    if (c == '!' || c == ':') {
        int spec_follows = 1;
        if (c == '!') {
            if (pos >= end) {
                KaaErr_Format(KaaExc(ValueError),
                              "end of string while looking for conversion specifier");
                return -1;
            }
            int len;
            conv = kaa_str_decode(s + pos, &len);
            pos += len;
            if (pos < end) {
                char c2 = s[pos++];
                if (c2 == '}') {
                    spec_follows = 0;
                } else if (c2 != ':') {
                    KaaErr_Format(KaaExc(ValueError), "expected ':' after conversion specifier");
                    return -1;
                }
            }
        }
        if (spec_follows) {
            spec_start = pos;
            int count = 1;
            while (pos < end) {
                char d = s[pos++];
                if (d == '{') {
                    expand = 1;
                    count++;
                } else if (d == '}' && --count == 0) {
                    break;
                }
            }
            if (count != 0) {
                KaaErr_Format(KaaExc(ValueError), "unmatched '{' in format spec");
                return -1;
            }
            spec_end = pos - 1;
        }
    } else if (c != '}') {
        KaaErr_Format(KaaExc(ValueError), "expected '}' before end of string");
        return -1;
    }
    *ppos = pos;

    KaaObject *obj = get_field_object(s, name_start, name_end, fc);
    if (obj == NULL) {
        return -1;
    }
    if (conv) {
        Kaa_SETREF(obj, do_conversion(obj, conv));
        if (obj == NULL) {
            return -1;
        }
    }
    KaaObject *spec;
    if (expand) {
        KaaStrBuf sb;
        kaa_strbuf_init(&sb);
        if (build_string(&sb, s, spec_start, spec_end, fc, depth - 1) < 0) {
            kaa_strbuf_free(&sb);
            Kaa_DECREF(obj);
            return -1;
        }
        spec = buf_to_str(&sb);
    } else {
        spec = KaaStr_FromStringAndSize(s + spec_start, spec_end - spec_start);
    }
    if (spec == NULL) {
        Kaa_DECREF(obj);
        return -1;
    }
    KaaObject *text = KaaObject_Format(obj, spec);
    Kaa_DECREF(spec);
    Kaa_DECREF(obj);
    if (text == NULL) {
        return -1;
    }
    add_str(out, text);
    Kaa_DECREF(text);
    return 0;
}

// Render s[start..end) (a format string or a nested spec) into out.
static int build_string(KaaStrBuf *out, const char *s, Kaa_ssize_t start, Kaa_ssize_t end,
                        FormatCall *fc, int depth)
{
    if (depth <= 0) {
        KaaErr_Format(KaaExc(ValueError), "Max string recursion exceeded");
        return -1;
    }
    Kaa_ssize_t pos = start;
    while (pos < end) {
        Kaa_ssize_t lit = pos;
        char c = 0;
        int markup = 0;
        while (pos < end) {
            c = s[pos++];
            if (c == '{' || c == '}') {
                markup = 1;
                break;
            }
        }
        int at_end = pos >= end;
        Kaa_ssize_t len = pos - lit;
        if (c == '}' && markup && (at_end || s[pos] != '}')) {
            KaaErr_Format(KaaExc(ValueError), "Single '}' encountered in format string");
            return -1;
        }
        if (at_end && c == '{' && markup) {
            KaaErr_Format(KaaExc(ValueError), "Single '{' encountered in format string");
            return -1;
        }
        if (markup) {
            if (s[pos] == c) {
                pos++; // a doubled brace is a literal one
                markup = 0;
            } else {
                len--;
            }
        }
        kaa_strbuf_add(out, s + lit, (size_t)len);
        if (markup && do_field(out, s, &pos, end, fc, depth) < 0) {
            return -1;
        }
    }
    return 0;
}

static KaaObject *do_format(KaaObject *self, FormatCall *fc)
{
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    if (build_string(&b, KaaStr_DATA(self), 0, KaaStr_NBYTES(self), fc, 2) < 0) {
        kaa_strbuf_free(&b);
        return NULL;
    }
    return buf_to_str(&b);
}

// str.format(*args, **kwargs)
KaaObject *kaa_str_format_method(KaaObject *self, KaaObject *const *args, size_t nargs,
                                 KaaObject *kwnames)
{
    FormatCall fc = {NULL, NULL, {0, 0}};
    KaaObject *res = NULL;
    fc.args = KaaTuple_New((Kaa_ssize_t)nargs);
    if (fc.args == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < nargs; i++) {
        KaaTuple_SET_ITEM(fc.args, i, Kaa_NewRef(args[i]));
    }
    Kaa_ssize_t nkw = kwnames ? KaaTuple_GET_SIZE(kwnames) : 0;
    if (nkw > 0) {
        fc.kwargs = KaaDict_New();
        if (fc.kwargs == NULL) {
            goto done;
        }
        for (Kaa_ssize_t k = 0; k < nkw; k++) {
            if (KaaDict_SetItem(fc.kwargs, KaaTuple_GET_ITEM(kwnames, k), args[nargs + k]) < 0) {
                goto done;
            }
        }
    }
    res = do_format(self, &fc);
done:
    Kaa_DECREF(fc.args);
    Kaa_XDECREF(fc.kwargs);
    return res;
}

// str.format_map(mapping)
KaaObject *kaa_str_format_map(KaaObject *self, KaaObject *mapping)
{
    FormatCall fc = {NULL, mapping, {0, 0}};
    return do_format(self, &fc);
}

// --- printf-style formatting: str % args (and the directive loop bytes % args shares) -------

typedef struct {
    const char *s;
    Kaa_ssize_t n, pos, cpos; // byte length, byte and character positions
    int bytes;                // a bytes format: one byte a character, bytes keys
    int exhausted;            // a read past the end was attempted
    KaaObject *args;          // current argument source (strong)
    Kaa_ssize_t arglen, argidx;
    KaaObject *dict; // borrowed: args when it is a mapping
} PctState;

// Read the next character into *ch; at the end, leave *ch alone.
static int pct_next(PctState *st, uint32_t *ch)
{
    if (st->pos >= st->n) {
        st->exhausted = 1;
        return 0;
    }
    if (st->bytes) {
        *ch = (unsigned char)st->s[st->pos++];
    } else {
        int len;
        *ch = kaa_str_decode(st->s + st->pos, &len);
        st->pos += len;
    }
    st->cpos++;
    return 1;
}

static KaaObject *pct_next_arg(PctState *st)
{
    if (st->argidx < st->arglen) {
        Kaa_ssize_t i = st->argidx++;
        return st->arglen < 0 ? st->args : KaaTuple_GET_ITEM(st->args, i);
    }
    return KaaErr_Format(KaaExc(TypeError), "not enough arguments for format string");
}

// A '*' width or precision: the next argument, which must be an int (borrowed).
static KaaObject *pct_star(PctState *st)
{
    KaaObject *v = pct_next_arg(st);
    if (v != NULL && !KaaInt_Check(v)) {
        return KaaErr_Format(KaaExc(TypeError), "* wants int");
    }
    return v;
}

static int is_digit_cp(uint32_t c)
{
    return c >= '0' && c <= '9';
}

// A run of decimal digits whose first one, *ch, is already read, up to max.
static int pct_digits(PctState *st, uint32_t *ch, Kaa_ssize_t max, const char *what,
                      Kaa_ssize_t *out)
{
    Kaa_ssize_t v = *ch - '0';
    while (pct_next(st, ch) && is_digit_cp(*ch)) {
        int d = (int)(*ch - '0');
        if (v > (max - d) / 10) {
            KaaErr_Format(KaaExc(ValueError), "%s too big", what);
            return -1;
        }
        v = v * 10 + d;
    }
    *out = v;
    return 0;
}

// The "%(key)" of a directive: its mapping value becomes the argument.
static int pct_key(PctState *st, KaaPctArg *a)
{
    if (st->dict == NULL) {
        KaaErr_Format(KaaExc(TypeError), "format requires a mapping");
        return -1;
    }
    st->pos++;
    st->cpos++;
    Kaa_ssize_t keystart = st->pos;
    int depth = 1;
    while (depth > 0 && pct_next(st, &a->ch)) {
        depth += a->ch == '(' ? 1 : a->ch == ')' ? -1 : 0;
    }
    if (depth > 0) {
        KaaErr_Format(KaaExc(ValueError), "incomplete format key");
        return -1;
    }
    // b'%(name)s' % {b'name': ...} looks the key up as bytes.
    const char *key_at = st->s + keystart;
    Kaa_ssize_t key_len = st->pos - 1 - keystart;
    KaaObject *key = st->bytes ? KaaBytes_FromStringAndSize(key_at, key_len)
                               : KaaStr_FromStringAndSize(key_at, key_len);
    if (key == NULL) {
        return -1;
    }
    KaaObject *v = KaaObject_GetItem(st->dict, key);
    Kaa_DECREF(key);
    if (v == NULL) {
        return -1;
    }
    Kaa_SETREF(st->args, v);
    st->arglen = -1;
    st->argidx = -2;
    return 0;
}

// The part between '%' and the conversion character.
static int pct_parse(PctState *st, KaaPctArg *a)
{
    if (st->pos < st->n && st->s[st->pos] == '(' && pct_key(st, a) < 0) {
        return -1;
    }
    while (pct_next(st, &a->ch)) {
        int flag = a->ch == '-'   ? KAA_PCT_LJUST
                   : a->ch == '+' ? KAA_PCT_SIGN
                   : a->ch == ' ' ? KAA_PCT_BLANK
                   : a->ch == '#' ? KAA_PCT_ALT
                   : a->ch == '0' ? KAA_PCT_ZERO
                                  : 0;
        if (!flag) {
            break;
        }
        a->flags |= flag;
    }
    if (a->ch == '*') {
        KaaObject *v = pct_star(st);
        if (v == NULL) {
            return -1;
        }
        a->width = KaaInt_AsSsize_t(v);
        if (a->width == -1 && KaaErr_Occurred()) {
            return -1;
        }
        if (a->width < 0) {
            a->flags |= KAA_PCT_LJUST;
            a->width = -a->width;
        }
        pct_next(st, &a->ch);
    } else if (is_digit_cp(a->ch)) {
        if (pct_digits(st, &a->ch, KAA_SSIZE_MAX, "width", &a->width) < 0) {
            return -1;
        }
    }
    if (a->ch == '.') {
        a->prec = 0;
        pct_next(st, &a->ch);
        if (a->ch == '*') {
            KaaObject *v = pct_star(st);
            int prec;
            if (v == NULL || kaa_number_as_int(v, &prec) < 0) {
                return -1;
            }
            a->prec = prec < 0 ? 0 : prec;
            pct_next(st, &a->ch);
        } else if (is_digit_cp(a->ch)) {
            // CPython's bytes and str word this error differently.
            Kaa_ssize_t prec;
            if (pct_digits(st, &a->ch, INT_MAX, st->bytes ? "prec" : "precision", &prec) < 0) {
                return -1;
            }
            a->prec = (int)prec;
        }
    }
    if (!st->exhausted && (a->ch == 'h' || a->ch == 'l' || a->ch == 'L')) {
        pct_next(st, &a->ch);
    }
    if (st->exhausted) {
        KaaErr_Format(KaaExc(ValueError), "incomplete format");
        return -1;
    }
    a->index = st->cpos - 1;
    return 0;
}

// One directive after a '%' (st->pos is just past the '%').
static int pct_directive(PctState *st, KaaPctConvert convert, KaaStrBuf *b)
{
    if (st->pos < st->n && st->s[st->pos] == '%') {
        st->pos++;
        st->cpos++;
        kaa_strbuf_addc(b, '%');
        return 0;
    }
    KaaPctArg a = {0, 0, -1, -1, 0, 0};
    if (pct_parse(st, &a) < 0) {
        return -1;
    }
    KaaObject *v = pct_next_arg(st);
    return v == NULL ? -1 : convert(&a, v, b);
}

int kaa_pct_format(const char *s, Kaa_ssize_t n, KaaObject *args, int bytes, KaaPctConvert convert,
                   KaaStrBuf *b)
{
    PctState st = {s, n, 0, 0, bytes, 0, Kaa_NewRef(args), -1, -2, NULL};
    if (KaaTuple_Check(args)) {
        st.arglen = KaaTuple_GET_SIZE(args);
        st.argidx = 0;
    }
    // bytes % args treats a bytes-like args as the single argument.
    const char *unused;
    Kaa_ssize_t unused_n;
    KaaMappingMethods *mp = Kaa_TYPE(args)->tp_as_mapping;
    if (mp && mp->mp_subscript && !KaaTuple_Check(args) && !KaaStr_Check(args) &&
        !(bytes && kaa_bytes_view(args, &unused, &unused_n))) {
        st.dict = args;
    }
    int r = 0;
    while (r == 0 && st.pos < st.n) {
        const char *pct = memchr(st.s + st.pos, '%', (size_t)(st.n - st.pos));
        Kaa_ssize_t stop = pct ? pct - st.s : st.n;
        kaa_strbuf_add(b, st.s + st.pos, (size_t)(stop - st.pos));
        for (Kaa_ssize_t i = st.pos; i < stop; i++) {
            st.cpos += bytes || ((unsigned char)st.s[i] & 0xC0) != 0x80;
        }
        st.pos = stop;
        if (st.pos < st.n) {
            st.pos++;
            st.cpos++;
            r = pct_directive(&st, convert, b);
        }
    }
    if (r == 0 && st.argidx < st.arglen && st.dict == NULL) {
        KaaErr_Format(KaaExc(TypeError), "not all arguments converted during %s formatting",
                      bytes ? "bytes" : "string");
        r = -1;
    }
    Kaa_DECREF(st.args);
    return r;
}

static int has_number_slots(KaaObject *v)
{
    KaaNumberMethods *nb = Kaa_TYPE(v)->tp_as_number;
    return nb && (nb->nb_index || nb->nb_int || nb->nb_float);
}

// %d %i %u %o %x %X: [sign][0x when '#'][zeros up to precision][digits].
static KaaObject *pct_format_long(KaaObject *v, KaaPctArg *a)
{
    char type = (char)a->ch;
    KaaObject *iobj;
    if (!has_number_slots(v) && !KaaInt_Check(v)) {
        goto wrongtype;
    }
    if (KaaInt_Check(v)) {
        iobj = Kaa_NewRef(v);
    } else {
        iobj = (type == 'o' || type == 'x' || type == 'X') ? KaaNumber_Index(v) : KaaNumber_Long(v);
        if (iobj == NULL) {
            if (KaaErr_ExceptionMatches(KaaExc(TypeError))) {
                KaaErr_Clear();
                goto wrongtype;
            }
            return NULL;
        }
    }
    int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    KaaObject *text = kaa_int_format_base(iobj, base);
    Kaa_DECREF(iobj);
    if (text == NULL) {
        return NULL;
    }
    const char *p = KaaStr_DATA(text);
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    if (*p == '-') {
        kaa_strbuf_addc(&b, *p++);
    }
    if (base != 10) {
        if (a->flags & KAA_PCT_ALT) {
            kaa_strbuf_add(&b, p, 2);
        }
        p += 2;
    }
    Kaa_ssize_t ndigits = (Kaa_ssize_t)strlen(p);
    add_zeros(&b, a->prec - ndigits);
    kaa_strbuf_add(&b, p, (size_t)ndigits);
    Kaa_DECREF(text);
    if (type == 'X' && !b.failed) {
        for (size_t i = 0; i < b.len; i++) {
            if (b.data[i] >= 'a' && b.data[i] <= 'x') {
                b.data[i] = (char)(b.data[i] - 32);
            }
        }
    }
    return buf_to_str(&b);

wrongtype:
    if (type == 'o' || type == 'x' || type == 'X') {
        return KaaErr_Format(KaaExc(TypeError), "%%%c format: an integer is required, not %s", type,
                             Kaa_TYPE(v)->tp_name);
    }
    return KaaErr_Format(KaaExc(TypeError), "%%%c format: a real number is required, not %s", type,
                         Kaa_TYPE(v)->tp_name);
}

static KaaObject *pct_format_float(KaaObject *v, KaaPctArg *a)
{
    double x = KaaFloat_AsDouble(v);
    if (x == -1.0 && KaaErr_Occurred()) {
        return NULL;
    }
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    if (add_double(&b, x, (char)a->ch, a->prec < 0 ? 6 : a->prec,
                   (a->flags & KAA_PCT_ALT) ? DTS_ALT : 0) < 0) {
        kaa_strbuf_free(&b);
        return NULL;
    }
    return buf_to_str(&b);
}

static KaaObject *pct_format_char(KaaObject *v)
{
    if (KaaStr_Check(v)) {
        if (KaaStr_LEN(v) == 1) {
            return KaaStr_FromStringAndSize(KaaStr_DATA(v), KaaStr_NBYTES(v));
        }
    } else {
        KaaObject *i = KaaNumber_Index(v);
        if (i != NULL) {
            int64_t x = KaaInt_AsInt64(i);
            Kaa_DECREF(i);
            if (x == -1 && KaaErr_Occurred()) {
                if (!KaaErr_ExceptionMatches(KaaExc(OverflowError))) {
                    return NULL;
                }
                KaaErr_Clear();
            }
            if (x < 0 || x > 0x10FFFF) {
                return KaaErr_Format(KaaExc(OverflowError), "%%c arg not in range(0x110000)");
            }
            return KaaStr_FromCodepoint((uint32_t)x);
        }
        if (!KaaErr_ExceptionMatches(KaaExc(TypeError))) {
            return NULL;
        }
        KaaErr_Clear();
    }
    return KaaErr_Format(KaaExc(TypeError), "%%c requires int or char");
}

// Write one converted argument with its width, sign and '#' prefix
// (CPython's unicode_format_arg_output).
static void pct_output(KaaStrBuf *b, KaaPctArg *a, KaaObject *str)
{
    char fill = (a->sign && (a->flags & KAA_PCT_ZERO)) ? '0' : ' ';
    Kaa_ssize_t len = KaaStr_LEN(str);
    const char *p = KaaStr_DATA(str);
    if ((a->width == -1 || a->width <= len) && (a->prec == -1 || a->prec >= len) &&
        !(a->flags & (KAA_PCT_SIGN | KAA_PCT_BLANK))) {
        add_str(b, str);
        return;
    }
    if ((a->ch == 's' || a->ch == 'r' || a->ch == 'a') && a->prec >= 0 && len > a->prec) {
        len = a->prec;
    }
    char signchar = '\0';
    if (a->sign) {
        if (p[0] == '-' || p[0] == '+') {
            signchar = p[0];
            len--;
            p++;
        } else if (a->flags & KAA_PCT_SIGN) {
            signchar = '+';
        } else if (a->flags & KAA_PCT_BLANK) {
            signchar = ' ';
        } else {
            a->sign = 0;
        }
    }
    Kaa_ssize_t width = a->width < len ? len : a->width;
    int prefixed = (a->flags & KAA_PCT_ALT) && (a->ch == 'x' || a->ch == 'X' || a->ch == 'o');
    if (a->sign) {
        if (fill != ' ') {
            kaa_strbuf_addc(b, signchar);
        }
        if (width > len) {
            width--;
        }
    }
    if (prefixed) {
        if (fill != ' ') {
            kaa_strbuf_add(b, p, 2);
            p += 2;
        }
        width -= 2;
        if (width < 0) {
            width = 0;
        }
        len -= 2;
    }
    if (width > len && !(a->flags & KAA_PCT_LJUST)) {
        for (Kaa_ssize_t i = 0; i < width - len; i++) {
            kaa_strbuf_addc(b, fill);
        }
        width = len;
    }
    if (fill == ' ') {
        if (a->sign) {
            kaa_strbuf_addc(b, signchar);
        }
        if (prefixed) {
            kaa_strbuf_add(b, p, 2);
            p += 2;
        }
    }
    kaa_strbuf_add(b, p, (size_t)utf8_prefix_bytes(p, len));
    for (Kaa_ssize_t i = 0; i < width - len; i++) {
        kaa_strbuf_addc(b, ' ');
    }
}

// One str conversion (the kaa_pct_format callback).
static int pct_convert(KaaPctArg *a, KaaObject *v, KaaStrBuf *b)
{
    KaaObject *str;
    switch (a->ch) {
    case 's':
        str = KaaObject_Str(v);
        break;
    case 'r':
        str = KaaObject_Repr(v);
        break;
    case 'a':
        str = KaaObject_ASCII(v);
        break;
    case 'i':
    case 'd':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
        str = pct_format_long(v, a);
        a->sign = 1;
        break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
        str = pct_format_float(v, a);
        a->sign = 1;
        break;
    case 'c':
        str = pct_format_char(v);
        break;
    default:
        KaaErr_Format(KaaExc(ValueError), "unsupported format character '%c' (0x%x) at index %zd",
                      (a->ch >= 31 && a->ch <= 126) ? (int)a->ch : '?', (unsigned)a->ch, a->index);
        return -1;
    }
    if (str == NULL) {
        return -1;
    }
    pct_output(b, a, str);
    Kaa_DECREF(str);
    return 0;
}

KaaObject *KaaStr_PrintfFormat(KaaObject *format, KaaObject *args)
{
    KaaStrBuf b;
    kaa_strbuf_init(&b);
    if (kaa_pct_format(KaaStr_DATA(format), KaaStr_NBYTES(format), args, 0, pct_convert, &b) < 0) {
        kaa_strbuf_free(&b);
        return NULL;
    }
    return buf_to_str(&b);
}
