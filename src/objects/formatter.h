/* The parsers of objects/formatter.c that other types' formatting reuses:
 * the format-spec mini-language (complex.__format__) and the printf-style
 * directive loop (bytes % args), so each follows CPython's rules and error
 * texts from one place.
 */
#ifndef KAA_FORMATTER_H
#define KAA_FORMATTER_H
#ifndef KAA_BUILD_CORE
#error "internal header: build with KAA_BUILD_CORE"
#endif

#include "kaa.h"
#include "util/strbuf.h"

// A parsed [[fill]align][sign][z][#][0][width][,|_][.precision][type].
typedef struct KaaFormatSpec {
    uint32_t fill;
    char align;        // '<', '>', '=' or '^'
    char sign;         // '\0', '+', '-' or ' '
    char thousands;    // '\0', ',' or '_'
    char group;        // digits per group: 3, or 4 for '_' with b/o/x/X
    int alternate;     // '#'
    int no_neg_0;      // 'z'
    Kaa_ssize_t width; // -1 when absent
    Kaa_ssize_t precision;
    uint32_t type; // default_type when absent
} KaaFormatSpec;

// Parse spec (a str) for obj's __format__, with the defaults the type uses
// when the spec leaves them out. 0, or -1 with ValueError.
int kaa_format_parse_spec(KaaObject *obj, KaaObject *spec, uint32_t default_type,
                          char default_align, KaaFormatSpec *f);

// --- printf-style `format % args` ---------------------------------------------------

enum { KAA_PCT_LJUST = 1, KAA_PCT_SIGN = 2, KAA_PCT_BLANK = 4, KAA_PCT_ALT = 8, KAA_PCT_ZERO = 16 };

// One directive between '%' and its conversion character.
typedef struct KaaPctArg {
    uint32_t ch;       // the conversion character (a byte for bytes)
    int flags;         // KAA_PCT_* for "-+ #0"
    Kaa_ssize_t width; // -1 when absent
    int prec;          // -1 when absent
    int sign;          // str only: the conversion is numeric
    Kaa_ssize_t index; // of ch in the format, in characters (for error texts)
} KaaPctArg;

// Writes one directive's conversion of v into b. 0, or -1 with an exception.
typedef int (*KaaPctConvert)(KaaPctArg *a, KaaObject *v, KaaStrBuf *b);

// Apply format s[0..n) to args into b: the text between directives is copied,
// "%%" gives '%', and each directive is parsed, given its argument (a tuple
// item, the single argument, or a mapping value for "%(key)") and handed to
// convert. For bytes, s is read a byte at a time and mapping keys are bytes;
// otherwise s is UTF-8 and keys are str. 0, or -1 with an exception (b then
// holds partial output for the caller to free).
int kaa_pct_format(const char *s, Kaa_ssize_t n, KaaObject *args, int bytes, KaaPctConvert convert,
                   KaaStrBuf *b);

#endif
