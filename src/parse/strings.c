/* String literals: adjacent literals joined into one Constant (str or bytes)
 * or, when any is an f-string, into a JoinedStr of constants and formatted
 * values, as CPython 3.11's parser builds them. An f-string field's
 * expression is parsed by a nested parser over the same source text, so
 * its nodes carry their real positions.
 */
#include <stdio.h>
#include <string.h>

#include "parse/pstate.h"

// Literal text being gathered between fields; capacity fixed up front
// (decoding never makes text longer than its source).
typedef struct Acc {
    char *s;
    size_t n, cap;
} Acc;

typedef struct FCtx {
    ParseState *ps;
    const KaaToken *tok; // the f-string token being read
    AstPos span;         // the whole concatenation (position of the parts)
    Acc *lit;
    AstSeq *values; // of the top-level JoinedStr
} FCtx;

// A decoding or scanning error, reported just after the token.
static void error_after(ParseState *ps, const KaaToken *t, const char *fmt, const char *arg)
{
    AstPos p = {t->end_lineno, t->end_col, t->end_lineno, t->end_col};
    ps_error_at(ps, p, fmt, arg);
}

// Decode s[0..n) (escapes per the token's flags) onto the end of acc.
static int decode_into(ParseState *ps, const KaaToken *t, const char *s, size_t n, Acc *acc)
{
    char msg[200];
    size_t len;
    if (acc->n + n + 1 > acc->cap) {
        return -1; // cannot happen: cap covers every body
    }
    if (kaa_lexer_unescape(s, n, t->flags, acc->s + acc->n, &len, msg, sizeof msg) < 0) {
        error_after(ps, t, "%s", msg);
        return -1;
    }
    acc->n += len;
    return 0;
}

// Check that a str literal's body is UTF-8 (the lexer skips over bodies).
static int check_utf8(ParseState *ps, const KaaToken *t, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        int len = c < 0x80                 ? 1
                  : c >= 0xc2 && c <= 0xdf ? 2
                  : c >= 0xe0 && c <= 0xef ? 3
                  : c >= 0xf0 && c <= 0xf4 ? 4
                                           : 0;
        int ok = len > 0 && i + (size_t)len <= n;
        for (int k = 1; ok && k < len; k++) {
            ok = ((unsigned char)s[i + (size_t)k] & 0xc0) == 0x80;
        }
        if (ok && len == 3) {
            unsigned char c1 = (unsigned char)s[i + 1];
            ok = !(c == 0xe0 && c1 < 0xa0) && !(c == 0xed && c1 > 0x9f);
        } else if (ok && len == 4) {
            unsigned char c1 = (unsigned char)s[i + 1];
            ok = !(c == 0xf0 && c1 < 0x90) && !(c == 0xf4 && c1 > 0x8f);
        }
        if (!ok) {
            char msg[160];
            snprintf(msg, sizeof msg,
                     "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: "
                     "invalid %s byte",
                     c, (int)i, len == 0 ? "start" : "continuation");
            error_after(ps, t, "%s", msg);
            return -1;
        }
        i += (size_t)len;
    }
    return 0;
}

// Emit the gathered literal text as a Constant into *values.
static void flush(ParseState *ps, Acc *lit, AstSeq **values, AstPos span)
{
    if (lit->n == 0) {
        return;
    }
    AstConst c = {.kind = AST_CONST_STR, .len = lit->n};
    c.text = kaa_arena_strndup(ps->arena, lit->s, lit->n);
    AstExpr *e = kaa_ast_constant(ps->arena, c, span);
    if (!c.text || !e) {
        ps_nomem(ps);
    }
    *values = ps_push(ps, *values, e);
    lit->n = 0;
}

// Where byte p of the lexer's buffer is: line, byte column, characters before it.
static void where(ParseState *ps, const KaaToken *t, const char *p, int *lineno, int *col,
                  int *chars)
{
    const KaaLexer *lx = ps->lx;
    const char *ls = p;
    int line = t->lineno;
    for (const char *q = t->z; q < p; q++) {
        line += *q == '\n';
    }
    while (ls > lx->buf && ls[-1] != '\n') {
        ls--;
    }
    *lineno = line;
    *col = (int)(p - ls) + (ls == lx->buf ? lx->col_base : 0);
    *chars = kaa_lexer_offset(lx, ls, p);
}

static AstPos char_pos(ParseState *ps, const KaaToken *t, const char *p)
{
    int line, col, chars;
    where(ps, t, p, &line, &col, &chars);
    AstPos pos = {line, col, line, col + 1};
    return pos;
}

static const char *fstring_part(FCtx *f, const char *s, const char *end, int level, Acc *lit,
                                AstSeq **values);

// The end of a field's expression: the first '!', ':', '=' or '}' outside
// brackets and strings (but not "!=", "==", "<=", ">="). NULL after an error.
static const char *expr_end(FCtx *f, const char *s, const char *end)
{
    char stack[KAA_MAXLEVEL];
    int depth = 0;
    char quote = 0;
    int triple = 0;
    for (; s < end; s++) {
        char c = *s;
        if (quote) {
            // inside a string literal of the expression
            if (c == quote && (!triple || (end - s >= 3 && s[1] == quote && s[2] == quote))) {
                s += triple ? 2 : 0;
                quote = 0;
            }
            continue;
        }
        if (c == '\\') {
            error_after(f->ps, f->tok, "%s", "f-string expression part cannot include a backslash");
            return NULL;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            triple = end - s >= 3 && s[1] == c && s[2] == c;
            s += triple ? 2 : 0;
        } else if (c == '#') {
            error_after(f->ps, f->tok, "%s", "f-string expression part cannot include '#'");
            return NULL;
        } else if (c == '(' || c == '[' || c == '{') {
            if (depth >= KAA_MAXLEVEL) {
                error_after(f->ps, f->tok, "%s", "f-string: too many nested parenthesis");
                return NULL;
            }
            stack[depth++] = c;
        } else if (c == ')' || c == ']' || (c == '}' && depth > 0)) {
            char open = depth ? stack[depth - 1] : 0;
            if (!depth) {
                char msg[40];
                snprintf(msg, sizeof msg, "f-string: unmatched '%c'", c);
                error_after(f->ps, f->tok, "%s", msg);
                return NULL;
            }
            if ((open == '(' && c != ')') || (open == '[' && c != ']') ||
                (open == '{' && c != '}')) {
                char msg[100];
                snprintf(msg, sizeof msg,
                         "f-string: closing parenthesis '%c' does not match opening "
                         "parenthesis '%c'",
                         c, open);
                error_after(f->ps, f->tok, "%s", msg);
                return NULL;
            }
            depth--;
        } else if (depth == 0 &&
                   (c == '!' || c == ':' || c == '}' || c == '=' || c == '<' || c == '>')) {
            if (s + 1 < end && s[1] == '=' && c != ':' && c != '}') {
                s++; // != == <= >=
                continue;
            }
            if (c == '<' || c == '>') {
                continue;
            }
            return s;
        }
    }
    if (quote) {
        error_after(f->ps, f->tok, "%s", "f-string: unterminated string");
        return NULL;
    }
    error_after(f->ps, f->tok, "%s", "f-string: expecting '}'");
    return NULL;
}

// One {field} starting at s ('{'); returns the position after its '}'.
static const char *fstring_field(FCtx *f, const char *s, const char *end, int level, Acc *lit,
                                 AstSeq **values)
{
    ParseState *ps = f->ps;
    const char *start = s + 1;
    if (level >= 2) {
        // a field in the spec of a field in a spec
        error_after(ps, f->tok, "%s", "f-string: expressions nested too deeply");
        return NULL;
    }
    const char *e = expr_end(f, start, end);
    if (!e) {
        return NULL;
    }
    const char *q = start;
    while (q < e && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\f')) {
        q++;
    }
    if (q == e) {
        if (*e == '}') {
            error_after(ps, f->tok, "%s", "f-string: empty expression not allowed");
        } else {
            char msg[60];
            snprintf(msg, sizeof msg, "f-string: expression required before '%c'", *e);
            error_after(ps, f->tok, "%s", msg);
        }
        return NULL;
    }
    // The expression, parsed as if written between parentheses.
    int line, col, chars;
    where(ps, f->tok, start, &line, &col, &chars);
    AstExpr *value = kaa_parse_fstring_field(ps, start, (size_t)(e - start), line, col, chars,
                                             char_pos(ps, f->tok, s), char_pos(ps, f->tok, e));
    if (!value) {
        ps->failed = 1;
        return NULL;
    }
    q = e;
    int conversion = -1, debug = 0;
    if (*q == '=') {
        // f'{x = }': the text up to here (spaces after '=' included) goes
        // before the value.
        debug = 1;
        q++;
        while (q < end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\f')) {
            q++;
        }
        if (lit->n + (size_t)(q - start) + 1 > lit->cap) {
            return NULL;
        }
        memcpy(lit->s + lit->n, start, (size_t)(q - start));
        lit->n += (size_t)(q - start);
    }
    if (q < end && *q == '!') {
        q++;
        if (q >= end) {
            error_after(ps, f->tok, "%s", "f-string: expecting '}'");
            return NULL;
        }
        conversion = (unsigned char)*q++;
        if (conversion != 's' && conversion != 'r' && conversion != 'a') {
            error_after(ps, f->tok, "%s",
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return NULL;
        }
    }
    AstExpr *spec = NULL;
    if (q < end && *q == ':') {
        AstSeq *parts = NULL;
        Acc speclit = {lit->s + lit->n, 0, lit->cap - lit->n};
        q = fstring_part(f, q + 1, end, level + 1, &speclit, &parts);
        if (!q) {
            return NULL;
        }
        flush(ps, &speclit, &parts, f->span);
        // The spec spans its own literal, not the whole concatenation.
        if (!(spec = kaa_ast_joinedstr(ps->arena, parts, ps_tpos(*f->tok)))) {
            ps_nomem(ps);
        }
    }
    if (q >= end || *q != '}') {
        error_after(ps, f->tok, "%s", "f-string: expecting '}'");
        return NULL;
    }
    if (debug && conversion == -1 && !spec) {
        conversion = 'r';
    }
    flush(ps, lit, values, f->span);
    AstExpr *fv = kaa_ast_formatted(ps->arena, value, conversion, spec, f->span);
    if (!fv) {
        ps_nomem(ps);
    }
    *values = ps_push(ps, *values, fv);
    return q + 1;
}

// Literal text and fields from s; at level 0 up to end, in a format spec
// (level > 0) up to the '}' that closes it, which is returned.
static const char *fstring_part(FCtx *f, const char *s, const char *end, int level, Acc *lit,
                                AstSeq **values)
{
    ParseState *ps = f->ps;
    const char *chunk = s;
    int raw = (f->tok->flags & KAA_TOKF_RAW) != 0;
    while (s < end) {
        char c = *s;
        if (c == '\\' && !raw && end - s > 2 && s[1] == 'N' && s[2] == '{') {
            // a named escape: its braces are not a field
            const char *close = memchr(s, '}', (size_t)(end - s));
            s = close ? close + 1 : end;
            continue;
        }
        if (c == '\\' && !raw && s + 1 < end) {
            s += s[1] == '{' || s[1] == '}' ? 1 : 2; // "\{" does not escape the brace
            continue;
        }
        if (c != '{' && c != '}') {
            s++;
            continue;
        }
        if (level == 0 && s + 1 < end && s[1] == c) {
            // {{ and }} stand for one brace
            if (decode_into(ps, f->tok, chunk, (size_t)(s + 1 - chunk), lit) < 0) {
                return NULL;
            }
            s += 2;
            chunk = s;
            continue;
        }
        if (decode_into(ps, f->tok, chunk, (size_t)(s - chunk), lit) < 0) {
            return NULL;
        }
        if (c == '}') {
            if (level > 0) {
                return s;
            }
            error_after(ps, f->tok, "%s", "f-string: single '}' is not allowed");
            return NULL;
        }
        if (!(s = fstring_field(f, s, end, level, lit, values))) {
            return NULL;
        }
        chunk = s;
    }
    if (level > 0) {
        error_after(ps, f->tok, "%s", "f-string: expecting '}'");
        return NULL;
    }
    return decode_into(ps, f->tok, chunk, (size_t)(s - chunk), lit) < 0 ? NULL : s;
}

AstExpr *ps_strings(ParseState *ps, AstSeq *tokens)
{
    int n = AST_SEQ_LEN(tokens);
    if (n == 0) {
        return NULL;
    }
    KaaToken *first = AST_SEQ_GET(tokens, 0), *last = AST_SEQ_GET(tokens, n - 1);
    AstPos span = ps_span(ps_tpos(*first), ps_tpos(*last));
    unsigned bytes = first->flags & KAA_TOKF_BYTES;
    int fmt = 0;
    size_t total = 1;
    for (int i = 0; i < n; i++) {
        KaaToken *t = AST_SEQ_GET(tokens, i);
        size_t len;
        kaa_lexer_string_body(t, &len);
        total += len;
        fmt |= (t->flags & KAA_TOKF_FMT) != 0;
        if ((t->flags & KAA_TOKF_BYTES) != bytes) {
            AstPos p = {last->end_lineno, last->end_col, last->end_lineno, last->end_col};
            ps_error_at(ps, p, "cannot mix bytes and nonbytes literals");
            return NULL;
        }
    }
    Acc lit = {kaa_arena_alloc(ps->arena, total), 0, total};
    if (!lit.s) {
        ps_nomem(ps);
        return NULL;
    }
    AstSeq *values = NULL;
    for (int i = 0; i < n; i++) {
        KaaToken *t = AST_SEQ_GET(tokens, i);
        size_t len;
        const char *body = kaa_lexer_string_body(t, &len);
        if (bytes) {
            for (size_t k = 0; k < len; k++) {
                if ((unsigned char)body[k] >= 0x80) {
                    ps_error_at(ps, ps_tpos(*t), "bytes can only contain ASCII literal characters");
                    return NULL;
                }
            }
        } else if (check_utf8(ps, t, body, len) < 0) {
            return NULL;
        }
        if (t->flags & KAA_TOKF_FMT) {
            FCtx f = {ps, t, span, &lit, NULL};
            if (!fstring_part(&f, body, body + len, 0, &lit, &values)) {
                ps->failed = 1;
                return NULL;
            }
        } else if (decode_into(ps, t, body, len, &lit) < 0) {
            return NULL;
        }
    }
    AstExpr *e;
    if (fmt) {
        flush(ps, &lit, &values, span);
        e = kaa_ast_joinedstr(ps->arena, values, span);
    } else {
        AstConst c = {.kind = bytes ? AST_CONST_BYTES : AST_CONST_STR, .len = lit.n};
        lit.s[lit.n] = 0;
        c.text = lit.s;
        e = kaa_ast_constant(ps->arena, c, span);
        if (e && !bytes && (first->flags & KAA_TOKF_U)) {
            kaa_ast_set_u_kind(e);
        }
    }
    if (!e) {
        ps_nomem(ps);
        return NULL;
    }
    ps->last_expr = e;
    return e;
}
