/* Unicode character properties for str methods (isalpha, upper, ...).
 *
 * Two sources. glibc's C.UTF-8 locale (Unicode 14.0 in glibc 2.36, the
 * version of CPython 3.11) gives the simple case mappings, the upper/lower
 * classes and "unassigned or not" (iswprint) exactly; it is opened once with
 * newlocale(), so the process locale is never changed. Everything glibc
 * answers differently from CPython comes from unicodectype_db.h, generated
 * from CPython's unicodedata by gen_unicodectype.py: the alphabetic and
 * numeric classes, unprintable categories, title case, identifier
 * characters (XID_Start/XID_Continue), and the special
 * (multi-character or context-free irregular) case mappings.
 *
 * Approximation (documented, not exact):
 * - Case_Ignorable (for the final-sigma rule of lower()) is approximated by
 *   apostrophes, '.', ':', '^', '`', U+00B7, soft hyphen, the combining
 *   diacritical marks U+0300..U+036F, and the modifier letters and marks
 *   glibc classes as alpha but not cased.
 * Without a C.UTF-8 locale, case mapping and upper/lower fall back to ASCII.
 */
#define _GNU_SOURCE
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "objects/unicodectype.h"

typedef struct {
    uint32_t first, last;
} UniRange;

typedef struct {
    uint32_t cp;
    const char *upper, *lower, *title, *fold; // UTF-8
} SpecialCase;

#include "objects/unicodectype_db.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static int in_ranges(uint32_t c, const UniRange *r, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < r[mid].first) {
            hi = mid;
        } else if (c > r[mid].last) {
            lo = mid + 1;
        } else {
            return 1;
        }
    }
    return 0;
}
#define IN(c, table) in_ranges((c), (table), NELEM(table))

static locale_t utf8_locale;
static int locale_tried;

static locale_t get_locale(void)
{
    if (!locale_tried) {
        locale_tried = 1;
        utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
        if (utf8_locale == (locale_t)0) {
            utf8_locale = newlocale(LC_CTYPE_MASK, "C.utf8", (locale_t)0);
        }
    }
    return utf8_locale;
}

void kaa_unicode_fini(void)
{
    if (utf8_locale != (locale_t)0) {
        freelocale(utf8_locale);
        utf8_locale = (locale_t)0;
    }
    locale_tried = 0;
}

int kaa_unicode_isalpha(uint32_t c)
{
    if (c < 0x80) {
        return ((c | 32) >= 'a' && (c | 32) <= 'z');
    }
    return IN(c, alpha_ranges);
}

int kaa_unicode_isdecimal(uint32_t c)
{
    return c < 0x80 ? (c >= '0' && c <= '9') : IN(c, decimal_ranges);
}

int kaa_unicode_isdigit(uint32_t c)
{
    return c < 0x80 ? (c >= '0' && c <= '9') : IN(c, digit_ranges);
}

int kaa_unicode_isnumeric(uint32_t c)
{
    return c < 0x80 ? (c >= '0' && c <= '9') : IN(c, numeric_ranges);
}

int kaa_unicode_isspace(uint32_t c)
{
    if (c < 0x80) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
    }
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

int kaa_unicode_isprintable(uint32_t c)
{
    if (c < 0x80) {
        return c >= 0x20 && c < 0x7F;
    }
    if (IN(c, unprintable_ranges)) {
        return 0;
    }
    locale_t l = get_locale();
    // Without the locale, call every assigned-looking character printable.
    return l == (locale_t)0 || iswprint_l((wint_t)c, l);
}

int kaa_unicode_istitle(uint32_t c)
{
    return c >= 0x1C5 && IN(c, titlecase_ranges);
}

int kaa_unicode_islower(uint32_t c)
{
    if (c < 0x80) {
        return c >= 'a' && c <= 'z';
    }
    locale_t l = get_locale();
    if (l != (locale_t)0 && iswlower_l((wint_t)c, l) && !kaa_unicode_istitle(c)) {
        return 1;
    }
    return IN(c, other_lower_ranges);
}

int kaa_unicode_isupper(uint32_t c)
{
    if (c < 0x80) {
        return c >= 'A' && c <= 'Z';
    }
    locale_t l = get_locale();
    if (l != (locale_t)0 && iswupper_l((wint_t)c, l) && !kaa_unicode_istitle(c)) {
        return 1;
    }
    return IN(c, other_upper_ranges);
}

int kaa_unicode_iscased(uint32_t c)
{
    return kaa_unicode_islower(c) || kaa_unicode_isupper(c) || kaa_unicode_istitle(c);
}

int kaa_unicode_iscaseignorable(uint32_t c)
{
    if (c < 0x80) {
        return c == '\'' || c == '.' || c == ':' || c == '^' || c == '`';
    }
    if (c == 0xB7 || c == 0xAD || c == 0x2018 || c == 0x2019 || c == 0x2024 || c == 0x2027 ||
        (c >= 0x300 && c <= 0x36F)) {
        return 1;
    }
    locale_t l = get_locale();
    return l != (locale_t)0 && iswalpha_l((wint_t)c, l) && !kaa_unicode_iscased(c) &&
           !kaa_unicode_isalpha(c) && !kaa_unicode_isnumeric(c);
}

int kaa_unicode_isxidstart(uint32_t c)
{
    if (c < 0x80) {
        return c == '_' || kaa_unicode_isalpha(c);
    }
    if (kaa_unicode_isalpha(c)) {
        return !IN(c, xid_start_excluded);
    }
    return IN(c, xid_start_extra);
}

int kaa_unicode_isxidcontinue(uint32_t c)
{
    if (c < 0x80) {
        return c == '_' || kaa_unicode_isalpha(c) || (c >= '0' && c <= '9');
    }
    if (kaa_unicode_isxidstart(c) || kaa_unicode_isdecimal(c)) {
        return !IN(c, xid_continue_excluded);
    }
    return IN(c, xid_continue_extra);
}

uint32_t kaa_unicode_toupper(uint32_t c)
{
    if (c < 0x80) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }
    locale_t l = get_locale();
    return l == (locale_t)0 ? c : (uint32_t)towupper_l((wint_t)c, l);
}

uint32_t kaa_unicode_tolower(uint32_t c)
{
    if (c < 0x80) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
    locale_t l = get_locale();
    return l == (locale_t)0 ? c : (uint32_t)towlower_l((wint_t)c, l);
}

static const SpecialCase *find_special(uint32_t c)
{
    size_t lo = 0, hi = NELEM(special_cases);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < special_cases[mid].cp) {
            hi = mid;
        } else if (c > special_cases[mid].cp) {
            lo = mid + 1;
        } else {
            return &special_cases[mid];
        }
    }
    return NULL;
}

void kaa_unicode_addcase(KaaStrBuf *b, uint32_t c, int which)
{
    if (c < 0x80) {
        // ASCII fast path (no special cases below U+00B5).
        kaa_strbuf_addc(b, (char)(which == KAA_CASE_UPPER || which == KAA_CASE_TITLE
                                      ? kaa_unicode_toupper(c)
                                      : kaa_unicode_tolower(c)));
        return;
    }
    const SpecialCase *sc = find_special(c);
    if (sc) {
        const char *m = which == KAA_CASE_UPPER   ? sc->upper
                        : which == KAA_CASE_LOWER ? sc->lower
                        : which == KAA_CASE_TITLE ? sc->title
                                                  : sc->fold;
        kaa_strbuf_adds(b, m);
        return;
    }
    uint32_t m = which == KAA_CASE_UPPER || which == KAA_CASE_TITLE ? kaa_unicode_toupper(c)
                                                                    : kaa_unicode_tolower(c);
    kaa_strbuf_add_utf8(b, m);
}
