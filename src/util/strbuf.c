// A growable byte buffer; memory from the raw allocator.
#include <stdio.h>
#include <string.h>

#include "mem/mem.h"
#include "util/strbuf.h"

void kaa_strbuf_init(KaaStrBuf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

void kaa_strbuf_free(KaaStrBuf *b)
{
    kaa_mem_free(b->data);
    kaa_strbuf_init(b);
}

static int reserve(KaaStrBuf *b, size_t extra)
{
    if (b->failed) {
        return -1;
    }
    if (b->len + extra + 1 <= b->cap) {
        return 0;
    }
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        cap *= 2;
    }
    char *p = kaa_mem_realloc(b->data, cap);
    if (!p) {
        b->failed = 1;
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

void kaa_strbuf_add(KaaStrBuf *b, const char *s, size_t n)
{
    if (reserve(b, n) < 0) {
        return;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void kaa_strbuf_adds(KaaStrBuf *b, const char *s)
{
    kaa_strbuf_add(b, s, strlen(s));
}

void kaa_strbuf_addc(KaaStrBuf *b, char c)
{
    kaa_strbuf_add(b, &c, 1);
}

void kaa_strbuf_vprintf(KaaStrBuf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0 || reserve(b, (size_t)n) < 0) {
        return;
    }
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void kaa_strbuf_printf(KaaStrBuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    kaa_strbuf_vprintf(b, fmt, ap);
    va_end(ap);
}

void kaa_strbuf_add_utf8(KaaStrBuf *b, unsigned cp)
{
    char buf[4];
    size_t n;
    if (cp < 0x80) {
        buf[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        buf[0] = (char)(0xC0 | (cp >> 6));
        buf[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        buf[0] = (char)(0xE0 | (cp >> 12));
        buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        buf[0] = (char)(0xF0 | (cp >> 18));
        buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    kaa_strbuf_add(b, buf, n);
}
