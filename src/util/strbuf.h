// A growable byte buffer for building text (repr, error messages, output).
#ifndef KAA_STRBUF_H
#define KAA_STRBUF_H
#ifndef KAA_BUILD_CORE
#error "internal header: build with KAA_BUILD_CORE"
#endif

#include <stdarg.h>
#include <stddef.h>

typedef struct KaaStrBuf {
    char *data; // NUL-terminated while not failed
    size_t len, cap;
    int failed; // an allocation failed: contents are unusable
} KaaStrBuf;

void kaa_strbuf_init(KaaStrBuf *b);
void kaa_strbuf_free(KaaStrBuf *b);
void kaa_strbuf_add(KaaStrBuf *b, const char *s, size_t n);
void kaa_strbuf_adds(KaaStrBuf *b, const char *s);
void kaa_strbuf_addc(KaaStrBuf *b, char c);
void kaa_strbuf_printf(KaaStrBuf *b, const char *fmt, ...);
void kaa_strbuf_vprintf(KaaStrBuf *b, const char *fmt, va_list ap);
// Append the UTF-8 encoding of code point cp.
void kaa_strbuf_add_utf8(KaaStrBuf *b, unsigned cp);

#endif
