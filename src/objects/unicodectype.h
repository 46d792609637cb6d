/* Unicode character properties and case mappings for str's methods.
 * Each predicate answers as CPython 3.11's str method does for a
 * one-character string (Unicode 14.0); see unicodectype.c for how.
 */
#ifndef KAA_UNICODECTYPE_H
#define KAA_UNICODECTYPE_H
#ifndef KAA_BUILD_CORE
#error "internal header: build with KAA_BUILD_CORE"
#endif

#include <stdint.h>

#include "util/strbuf.h"

int kaa_unicode_isalpha(uint32_t c);
int kaa_unicode_isdecimal(uint32_t c);
int kaa_unicode_isdigit(uint32_t c);
int kaa_unicode_isnumeric(uint32_t c);
int kaa_unicode_isprintable(uint32_t c);
int kaa_unicode_isspace(uint32_t c);
int kaa_unicode_islower(uint32_t c);
int kaa_unicode_isupper(uint32_t c);
int kaa_unicode_istitle(uint32_t c);
int kaa_unicode_iscased(uint32_t c);
int kaa_unicode_iscaseignorable(uint32_t c);
int kaa_unicode_isxidstart(uint32_t c);
int kaa_unicode_isxidcontinue(uint32_t c);

// Full case mappings (SpecialCasing included): append the mapping of c.
enum { KAA_CASE_UPPER, KAA_CASE_LOWER, KAA_CASE_TITLE, KAA_CASE_FOLD };
void kaa_unicode_addcase(KaaStrBuf *b, uint32_t c, int which);
// The simple one-to-one mappings.
uint32_t kaa_unicode_toupper(uint32_t c);
uint32_t kaa_unicode_tolower(uint32_t c);

void kaa_unicode_fini(void);

#endif
