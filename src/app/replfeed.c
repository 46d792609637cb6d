/* The REPL's pure core: accumulate lines and ask the parser whether the
 * entry is complete (see repl.h). No terminal, no interpreter state.
 */
#include <string.h>

#include "app/repl.h"
#include "mem/mem.h"
#include "parse/parse.h"

void repl_init(ReplState *st)
{
    memset(st, 0, sizeof *st);
}

void repl_reset(ReplState *st)
{
    st->len = 0;
    st->nomem = 0;
    if (st->buf) {
        st->buf[0] = '\0';
    }
}

void repl_free(ReplState *st)
{
    kaa_mem_free(st->buf);
    repl_init(st);
}

// Append n bytes, keeping the buffer NUL-terminated. -1 when out of memory.
static int append(ReplState *st, const char *s, size_t n)
{
    if (st->len + n + 1 > st->cap) {
        size_t cap = st->cap ? st->cap : 256;
        while (cap < st->len + n + 1) {
            cap *= 2;
        }
        char *b = kaa_mem_realloc(st->buf, cap);
        if (b == NULL) {
            st->nomem = 1;
            return -1;
        }
        st->buf = b;
        st->cap = cap;
    }
    memcpy(st->buf + st->len, s, n);
    st->len += n;
    st->buf[st->len] = '\0';
    return 0;
}

// Parse the entry; 1 when it parses, 0 when it does not (with *incomplete set).
static int parses(const ReplState *st, KaaParseMode mode, int *incomplete)
{
    AstArena *arena = kaa_arena_new();
    if (arena == NULL) {
        *incomplete = 0;
        return 0;
    }
    KaaSyntaxError err;
    memset(&err, 0, sizeof err);
    AstMod *mod = kaa_parse(arena, st->buf, st->len, mode, &err);
    kaa_arena_free(arena);
    *incomplete = err.incomplete;
    return mod != NULL;
}

KaaReplStatus repl_feed(ReplState *st, const char *line)
{
    if (append(st, line, strlen(line)) < 0 || append(st, "\n", 1) < 0) {
        return KAA_REPL_ERROR;
    }
    int incomplete;
    if (parses(st, KAA_PARSE_SINGLE, &incomplete)) {
        return KAA_REPL_RUN;
    }
    return incomplete ? KAA_REPL_MORE : KAA_REPL_ERROR;
}

// At end of input CPython compiles what it has. The entry as a file tells
// whether it is a whole statement ("if x:\n  y\n") or broken ("(1,\n",
// "def f():\n"), and a file parse reports exactly CPython's end-of-input
// error. A whole statement gets its closing blank line, so the caller can
// compile it in single mode (echoing expression values) like any entry.
KaaReplStatus repl_finish(ReplState *st)
{
    if (st->nomem) {
        return KAA_REPL_ERROR;
    }
    int incomplete;
    if (!parses(st, KAA_PARSE_FILE, &incomplete)) {
        return KAA_REPL_ERROR;
    }
    if (append(st, "\n", 1) < 0) {
        return KAA_REPL_ERROR;
    }
    return KAA_REPL_RUN;
}

int repl_is_blank(const ReplState *st)
{
    int in_comment = 0;
    for (size_t i = 0; i < st->len; i++) {
        char c = st->buf[i];
        if (c == '\n') {
            in_comment = 0;
        } else if (c == '#') {
            in_comment = 1;
        } else if (!in_comment && c != ' ' && c != '\t' && c != '\f' && c != '\r') {
            return 0;
        }
    }
    return 1;
}
