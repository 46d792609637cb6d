/* Layout around the re2c scanner, as CPython's tokenizer does it.
 *
 * - indstack[0..indent] holds the columns of the open blocks (indstack[0] is
 *   0). A tab advances the column to the next multiple of 8; altindstack
 *   holds the same columns with a tab counted as 1, and any disagreement
 *   between the two comparisons is a TabError.
 * - At the beginning of a line outside brackets (atbol) the indentation is
 *   measured. A line holding only blanks and a comment produces no token.
 *   A deeper line queues one INDENT (pendin = 1); a shallower one queues a
 *   DEDENT per block it closes (pendin < 0) and must land on an open column.
 * - NEWLINE ends a logical line: never inside brackets (level > 0) nor after
 *   a backslash continuation (the scanner eats those).
 * - End of input: NEWLINE if the last line had tokens, a DEDENT per open
 *   block, then the end marker. In interactive mode the end implies no
 *   DEDENT; instead an empty line dedents to column 0 and is a NEWLINE, so the
 *   parser sees an unfinished block as "input ends too early".
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "mem/mem.h"
#include "parse/lexer.h"
#include "parser.h"

int kaa_lexer_init(KaaLexer *lx, const char *src, size_t len, unsigned flags, KaaSyntaxError *err)
{
    memset(lx, 0, sizeof *lx);
    lx->err = err;
    lx->flags = flags;
    lx->lineno = 1;
    lx->first_lineno = 1;
    if (len >= 3 && memcmp(src, "\xef\xbb\xbf", 3) == 0) {
        src += 3; // a UTF-8 byte order mark is not part of the source
        len -= 3;
    }
    const char *nul = memchr(src, 0, len);
    if (nul) {
        int line = 1;
        const char *ls = src;
        for (const char *p = src; p < nul; p++) {
            if (*p == '\n' || (*p == '\r' && p[1] != '\n')) {
                line++;
                ls = p + 1;
            }
        }
        memset(err, 0, sizeof *err);
        err->kind = "SyntaxError";
        snprintf(err->msg, sizeof err->msg, "source code cannot contain null bytes");
        err->lineno = err->end_lineno = line;
        err->offset = err->end_offset = (int)(nul - ls) + 1;
        lx->errkind = KAA_LEXERR_SYNTAX;
        return -1;
    }
    lx->buf = kaa_mem_alloc(len + 1);
    if (!lx->buf) {
        memset(err, 0, sizeof *err);
        err->kind = "MemoryError";
        err->nomem = 1;
        lx->errkind = KAA_LEXERR_NOMEM;
        return -1;
    }
    // Universal newlines: \r\n and a lone \r both become \n.
    char *w = lx->buf;
    for (size_t i = 0; i < len; i++) {
        if (src[i] == '\r') {
            *w++ = '\n';
            if (i + 1 < len && src[i + 1] == '\n') {
                i++;
            }
        } else {
            *w++ = src[i];
        }
    }
    *w = 0;
    lx->cur = lx->line_start = lx->buf;
    lx->lim = w;
    lx->atbol = 1;
    if (flags & KAA_LEX_FSTRING) {
        // The field is lexed as if between parentheses.
        lx->atbol = 0;
        lx->level = 1;
        lx->parenstack[0] = '(';
    }
    return 0;
}

void kaa_lexer_set_origin(KaaLexer *lx, int lineno, int col, int chars)
{
    lx->lineno = lx->first_lineno = lineno;
    lx->col_base = col;
    lx->chars_base = chars;
    lx->parenlineno[0] = lineno;
    lx->parencol[0] = col;
}

void kaa_lexer_fini(KaaLexer *lx)
{
    kaa_mem_free(lx->buf);
    lx->buf = NULL;
}

void kaa_lexer_newline(KaaLexer *lx)
{
    lx->cur++;
    lx->lineno++;
    lx->line_start = lx->cur;
}

int kaa_lexer_offset(const KaaLexer *lx, const char *line_start, const char *p)
{
    int n = line_start == lx->buf ? lx->chars_base : 0;
    const char *q = line_start;
    for (; q < p && q < lx->lim && *q != '\n'; q++) {
        n += (*q & 0xc0) != 0x80;
    }
    // Past the end of the line: count the (real or implied) newline and beyond.
    return n + (int)(p - q);
}

int kaa_lexer_error_at(KaaLexer *lx, KaaLexError kind, int lineno, const char *line_start,
                       const char *p, const char *fmt, ...)
{
    KaaSyntaxError *err = lx->err;
    va_list ap;
    memset(err, 0, sizeof *err);
    err->kind = "SyntaxError";
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->lineno = err->end_lineno = lineno;
    err->offset = err->end_offset = kaa_lexer_offset(lx, line_start, p);
    lx->errkind = kind;
    return KAA_RAW_ERROR;
}

// IndentationError and TabError, which CPython reports at offset 1 (or, for a
// dedent to an unknown column, at the end of the line).
static int indent_error(KaaLexer *lx, const char *kind, const char *msg, int at_eol)
{
    KaaSyntaxError *err = lx->err;
    memset(err, 0, sizeof *err);
    err->kind = kind;
    snprintf(err->msg, sizeof err->msg, "%s", msg);
    err->lineno = err->end_lineno = lx->lineno;
    err->offset = 1;
    if (at_eol) {
        const char *eol = lx->cur;
        while (eol < lx->lim && *eol != '\n') {
            eol++;
        }
        err->offset = kaa_lexer_offset(lx, lx->line_start, eol) + 1;
        err->end_offset = -1;
    }
    lx->errkind = KAA_LEXERR_LAYOUT;
    return -1;
}

// Compare the indentation of a new logical line (col, and altcol with tabs
// counted as one column) with the open blocks; queue INDENT/DEDENTs.
static int indent_line(KaaLexer *lx, int col, int altcol)
{
    static const char tab_msg[] = "inconsistent use of tabs and spaces in indentation";
    if (col == lx->indstack[lx->indent]) {
        if (altcol != lx->altindstack[lx->indent]) {
            return indent_error(lx, "TabError", tab_msg, 0);
        }
    } else if (col > lx->indstack[lx->indent]) {
        if (lx->indent + 1 >= KAA_MAXINDENT) {
            return indent_error(lx, "IndentationError", "too many levels of indentation", 0);
        }
        if (altcol <= lx->altindstack[lx->indent]) {
            return indent_error(lx, "TabError", tab_msg, 0);
        }
        lx->pendin++;
        lx->indent++;
        lx->indstack[lx->indent] = col;
        lx->altindstack[lx->indent] = altcol;
    } else {
        while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
            lx->pendin--;
            lx->indent--;
        }
        if (col != lx->indstack[lx->indent]) {
            return indent_error(lx, "IndentationError",
                                "unindent does not match any outer indentation level", 1);
        }
        if (altcol != lx->altindstack[lx->indent]) {
            return indent_error(lx, "TabError", tab_msg, 0);
        }
    }
    return 0;
}

// At the beginning of a line outside brackets: measure the indentation, skip
// a blank or comment-only line. Return 1 after skipping a line, 0 when the
// line has a token (INDENT/DEDENTs may be queued), -1 on an error.
static int at_line_start(KaaLexer *lx)
{
    int col = 0, altcol = 0;
    const char *p = lx->cur;
    for (;; p++) {
        if (*p == ' ') {
            col++;
            altcol++;
        } else if (*p == '\t') {
            col = (col / 8 + 1) * 8;
            altcol++;
        } else if (*p == '\f') {
            col = altcol = 0;
        } else if (*p == '\\') {
            // CPython 3.11 goes on counting the indentation on the next line.
            if (p + 1 == lx->lim) {
                lx->cur = lx->lim;
                kaa_lexer_error_at(lx, KAA_LEXERR_EOF_CONT, lx->lineno, lx->line_start, p + 1,
                                   "unexpected EOF while parsing");
                lx->err->offset++;
                return -1;
            }
            if (p[1] != '\n') {
                lx->cur = p;
                kaa_lexer_error_at(lx, KAA_LEXERR_LAYOUT, lx->lineno, lx->line_start, p + 2,
                                   "unexpected character after line continuation character");
                return -1;
            }
            lx->cur = p + 1;
            kaa_lexer_newline(lx);
            p = lx->cur - 1;
            if (lx->cur == lx->lim) {
                lx->cur = lx->lim;
                const char *ls = lx->lim - 2;
                while (ls > lx->buf && ls[-1] != '\n') {
                    ls--;
                }
                kaa_lexer_error_at(lx, KAA_LEXERR_EOF_CONT, lx->lineno - 1, ls, lx->lim - 1,
                                   "unexpected EOF while parsing");
                lx->err->offset++;
                return -1;
            }
        } else {
            break;
        }
    }
    lx->cur = p;
    if (*p == '#' || *p == '\n' || p == lx->lim) {
        int empty_line = *p == '\n' && p == lx->line_start;
        if (!(empty_line && (lx->flags & KAA_LEX_INTERACTIVE))) {
            while (p < lx->lim && *p != '\n') {
                p++;
            }
            lx->cur = p;
            if (p == lx->lim) {
                lx->atbol = 0; // the scanner meets the end
                return 0;
            }
            kaa_lexer_newline(lx);
            return 1;
        }
        // REPL: an empty line closes every block and ends the statement.
    }
    lx->atbol = 0;
    lx->dent_col = (int)(p - lx->line_start);
    return indent_line(lx, col, altcol);
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static int is_xdigit(int c)
{
    return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

static int is_idchar(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' ||
           (unsigned char)c >= 0x80;
}

// A tokenizer error in a number: offset = characters before p.
static int number_error(KaaLexer *lx, const char *p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int number_error(KaaLexer *lx, const char *p, const char *fmt, ...)
{
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    kaa_lexer_error_at(lx, KAA_LEXERR_SYNTAX, lx->lineno, lx->line_start, p, "%s", msg);
    return -1;
}

// Digits with single underscores between them, from p (at a digit).
static const char *decimal_tail(KaaLexer *lx, const char *p)
{
    for (;;) {
        while (is_digit(*p)) {
            p++;
        }
        if (*p != '_') {
            return p;
        }
        p++;
        if (!is_digit(*p)) {
            number_error(lx, p, "invalid decimal literal");
            return NULL;
        }
    }
}

// What may follow a number: not a letter or digit, except the first letters of
// the keywords that can follow a number in valid code ("1if x else y").
static int end_of_number(KaaLexer *lx, const char *p, const char *kind)
{
    int c = *p, ok = 0;
    switch (c) {
    case 'a':
        ok = strncmp(p + 1, "nd", 2) == 0;
        break;
    case 'e':
        ok = strncmp(p + 1, "lse", 3) == 0;
        break;
    case 'f':
        ok = strncmp(p + 1, "or", 2) == 0;
        break;
    case 'i':
        ok = p[1] == 'f' || p[1] == 'n' || p[1] == 's';
        break;
    case 'o':
        ok = p[1] == 'r';
        break;
    case 'n':
        ok = strncmp(p + 1, "ot", 2) == 0;
        break;
    }
    if (!ok && is_idchar(c)) {
        return number_error(lx, p, "invalid %s literal", kind);
    }
    return 0;
}

// Digits of a 0x/0o/0b literal from p (just after the letter); digit() says
// which digits belong. Return the end, or NULL after an error.
static const char *radix_digits(KaaLexer *lx, const char *p, int radix, const char *kind)
{
    for (;;) {
        if (*p == '_') {
            p++;
        }
        int c = *p;
        int ok = radix == 16 ? is_xdigit(c) : c >= '0' && c < '0' + radix;
        if (!ok) {
            if (radix != 16 && is_digit(c)) {
                number_error(lx, p + 1, "invalid digit '%c' in %s literal", c, kind);
            } else {
                number_error(lx, p, "invalid %s literal", kind);
            }
            return NULL;
        }
        while (radix == 16 ? is_xdigit(*p) : (*p >= '0' && *p < '0' + radix)) {
            p++;
        }
        if (*p != '_') {
            break;
        }
    }
    if (radix != 16 && is_digit(*p)) {
        number_error(lx, p + 1, "invalid digit '%c' in %s literal", *p, kind);
        return NULL;
    }
    return end_of_number(lx, p, kind) < 0 ? NULL : p;
}

// A number literal starting at lx->cur, with CPython's checks and messages.
static int scan_number(KaaLexer *lx, KaaToken *t)
{
    const char *start = lx->cur, *p = start, *e;
    unsigned kind = KAA_TOKF_INT;

    if (*p == '.') {
        p++;
        goto fraction;
    }
    if (*p == '0') {
        p++;
        int letter = *p | 0x20;
        if (letter == 'x' || letter == 'o' || letter == 'b') {
            int radix = letter == 'x' ? 16 : letter == 'o' ? 8 : 2;
            const char *name = letter == 'x' ? "hexadecimal" : letter == 'o' ? "octal" : "binary";
            p = radix_digits(lx, p + 1, radix, name);
            if (!p) {
                return -1;
            }
            goto done;
        }
        // "0", "00", "0_0"; other digits only in a float or imaginary literal.
        int nonzero = 0;
        for (;;) {
            if (*p == '_') {
                p++;
                if (!is_digit(*p)) {
                    return number_error(lx, p, "invalid decimal literal");
                }
            }
            if (*p != '0') {
                break;
            }
            p++;
        }
        const char *zeros_end = p + 1;
        if (is_digit(*p)) {
            nonzero = 1;
            if (!(p = decimal_tail(lx, p))) {
                return -1;
            }
        }
        if (*p == '.') {
            p++;
            goto fraction;
        } else if ((*p | 0x20) == 'e') {
            goto exponent;
        } else if ((*p | 0x20) == 'j') {
            goto imaginary;
        } else if (nonzero) {
            kaa_lexer_error_at(lx, KAA_LEXERR_SYNTAX, lx->lineno, lx->line_start, start + 1,
                               "leading zeros in decimal integer literals are not permitted; "
                               "use an 0o prefix for octal integers");
            lx->err->end_offset = kaa_lexer_offset(lx, lx->line_start, zeros_end);
            return -1;
        }
        if (end_of_number(lx, p, "decimal") < 0) {
            return -1;
        }
        goto done;
    }
    if (!(p = decimal_tail(lx, p))) {
        return -1;
    }
    if (*p == '.') {
        p++;
    fraction:
        kind = KAA_TOKF_FLOAT;
        if (is_digit(*p) && !(p = decimal_tail(lx, p))) {
            return -1;
        }
    }
    if ((*p | 0x20) == 'e') {
    exponent:
        e = p++;
        if (*p == '+' || *p == '-') {
            p++;
            if (!is_digit(*p)) {
                return number_error(lx, p, "invalid decimal literal");
            }
        } else if (!is_digit(*p)) {
            // "1else": the number ends before the keyword.
            if (end_of_number(lx, e, "decimal") < 0) {
                return -1;
            }
            p = e;
            goto done;
        }
        kind = KAA_TOKF_FLOAT;
        if (!(p = decimal_tail(lx, p))) {
            return -1;
        }
    }
    if ((*p | 0x20) == 'j') {
    imaginary:
        kind = KAA_TOKF_IMAG;
        p++;
        if (end_of_number(lx, p, "imaginary") < 0) {
            return -1;
        }
    } else if (end_of_number(lx, p, "decimal") < 0) {
        return -1;
    }
done:
    t->type = TK_NUMBER;
    t->flags = kind;
    t->z = start;
    t->n = (int)(p - start);
    t->lineno = t->end_lineno = lx->lineno;
    t->col = (int)(start - lx->line_start);
    t->end_col = t->col + t->n;
    lx->cur = p;
    return TK_NUMBER;
}

// Track bracket nesting; CPython's tokenizer reports mismatches itself.
static int bracket(KaaLexer *lx, KaaToken *t)
{
    char c = t->z[0];
    const char *after = t->z + 1;
    if (c == '(' || c == '[' || c == '{') {
        if (lx->level >= KAA_MAXLEVEL) {
            kaa_lexer_error_at(lx, KAA_LEXERR_SYNTAX, lx->lineno, lx->line_start, after,
                               "too many nested parentheses");
            return -1;
        }
        lx->parenstack[lx->level] = c;
        lx->parenlineno[lx->level] = t->lineno;
        lx->parencol[lx->level] = t->col;
        lx->level++;
        return 0;
    }
    int bottom = (lx->flags & KAA_LEX_FSTRING) ? 1 : 0;
    if (lx->level <= bottom) {
        kaa_lexer_error_at(lx, KAA_LEXERR_SYNTAX, lx->lineno, lx->line_start, after,
                           "unmatched '%c'", c);
        return -1;
    }
    lx->level--;
    char open = lx->parenstack[lx->level];
    if ((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}')) {
        return 0;
    }
    if (lx->parenlineno[lx->level] != lx->lineno) {
        kaa_lexer_error_at(lx, KAA_LEXERR_SYNTAX, lx->lineno, lx->line_start, after,
                           "closing parenthesis '%c' does not match opening parenthesis '%c' "
                           "on line %d",
                           c, open, lx->parenlineno[lx->level]);
    } else {
        kaa_lexer_error_at(lx, KAA_LEXERR_SYNTAX, lx->lineno, lx->line_start, after,
                           "closing parenthesis '%c' does not match opening parenthesis '%c'", c,
                           open);
    }
    return -1;
}

// Where CPython puts the tokens that follow the last line: on that line, just
// past its (real or implied) newline.
static void end_position(KaaLexer *lx, KaaToken *t)
{
    const char *ls = lx->line_start;
    int lineno = lx->lineno;
    int col;
    if (ls == lx->lim && ls > lx->buf && lineno > lx->first_lineno) {
        lineno--;
        for (ls = lx->lim - 1; ls > lx->buf && ls[-1] != '\n'; ls--) {
        }
        col = (int)(lx->lim - ls);
    } else {
        col = (int)(lx->lim - ls) + 1;
    }
    t->lineno = t->end_lineno = lineno;
    t->col = t->end_col = col;
    t->z = lx->lim;
    t->n = 0;
}

// The scanner met the end of input: queue what the parser must still see.
static int at_end(KaaLexer *lx, KaaToken *t)
{
    int bottom = (lx->flags & KAA_LEX_FSTRING) ? 1 : 0;
    if (lx->level > bottom) {
        int i = lx->level - 1;
        const char *ls = lx->buf; // the line of the open bracket
        for (int line = lx->first_lineno; line < lx->parenlineno[i]; line++) {
            ls = strchr(ls, '\n') + 1;
        }
        kaa_lexer_error_at(lx, KAA_LEXERR_EOF_PAREN, lx->parenlineno[i], ls,
                           ls + lx->parencol[i] + 1, "'%c' was never closed", lx->parenstack[i]);
        lx->err->end_offset = 0;
        return -1;
    }
    lx->at_eof = 1;
    if (!(lx->flags & (KAA_LEX_INTERACTIVE | KAA_LEX_FSTRING))) {
        lx->pendin = -lx->indent;
        lx->indent = 0;
    }
    int last = lx->last_type;
    if (!(lx->flags & KAA_LEX_FSTRING) && last != 0 && last != TK_NEWLINE && last != TK_INDENT &&
        last != TK_DEDENT) {
        t->type = TK_NEWLINE;
        t->flags = 0;
        t->z = lx->lim;
        t->n = 0;
        t->lineno = t->end_lineno = lx->lineno;
        t->col = (int)(lx->lim - lx->line_start);
        t->end_col = t->col + 1;
        return TK_NEWLINE;
    }
    return 0;
}

int kaa_lexer_next(KaaLexer *lx, KaaToken *t)
{
    if (lx->errkind != KAA_LEXERR_NONE) {
        return -1;
    }
    for (;;) {
        int type;
        if (lx->pendin != 0) {
            type = lx->pendin > 0 ? TK_INDENT : TK_DEDENT;
            lx->pendin += lx->pendin > 0 ? -1 : 1;
            if (lx->at_eof) {
                end_position(lx, t);
            } else {
                t->z = lx->line_start + lx->dent_col;
                t->n = 0;
                t->lineno = t->end_lineno = lx->lineno;
                t->col = t->end_col = lx->dent_col;
            }
            t->type = type;
            t->flags = KAA_TOKF_NOTEXT;
            lx->last_type = type;
            return type;
        }
        if (lx->at_eof) {
            end_position(lx, t);
            t->type = 0;
            t->flags = KAA_TOKF_NOTEXT;
            return 0;
        }
        if (lx->atbol) {
            if (at_line_start(lx) < 0) {
                return -1;
            }
            continue;
        }
        type = kaa_lexer_scan(lx, t);
        switch (type) {
        case KAA_RAW_ERROR:
            return -1;
        case KAA_RAW_NUMBER:
            if ((type = scan_number(lx, t)) < 0) {
                return -1;
            }
            break;
        case KAA_RAW_NEWLINE:
            if (lx->level > 0) {
                kaa_lexer_newline(lx);
                continue;
            }
            t->type = type = TK_NEWLINE;
            t->flags = 0;
            t->z = lx->cur;
            t->n = 1;
            t->lineno = t->end_lineno = lx->lineno;
            t->col = (int)(lx->cur - lx->line_start);
            t->end_col = t->col + 1;
            kaa_lexer_newline(lx);
            lx->atbol = 1;
            break;
        case KAA_RAW_EOF:
            type = at_end(lx, t);
            if (type < 0) {
                return -1;
            }
            if (type == 0) {
                continue; // DEDENTs, then the end marker
            }
            break;
        case TK_LPAR:
        case TK_LSQB:
        case TK_LBRACE:
        case TK_RPAR:
        case TK_RSQB:
        case TK_RBRACE:
            if (bracket(lx, t) < 0) {
                return -1;
            }
            break;
        }
        // Columns on the first line of a piece of a larger source.
        if (t->lineno == lx->first_lineno) {
            t->col += lx->col_base;
        }
        if (t->end_lineno == lx->first_lineno) {
            t->end_col += lx->col_base;
        }
        lx->last_type = type;
        return type;
    }
}

const char *kaa_lexer_string_body(const KaaToken *t, size_t *n)
{
    const char *s = t->z;
    while (*s != '\'' && *s != '"') {
        s++;
    }
    int q = (t->flags & KAA_TOKF_TRIPLE) ? 3 : 1;
    *n = (size_t)(t->z + t->n - s) - 2 * (size_t)q;
    return s + q;
}

const char *kaa_token_name(int type)
{
    static const char *const names[] = {
        [0] = "ENDMARKER",
        [TK_NAME] = "NAME",
        [TK_NUMBER] = "NUMBER",
        [TK_STRING] = "STRING",
        [TK_NEWLINE] = "NEWLINE",
        [TK_INDENT] = "INDENT",
        [TK_DEDENT] = "DEDENT",
        [TK_ERRORTOKEN] = "ERRORTOKEN",
        [TK_FALSE] = "'False'",
        [TK_NONE] = "'None'",
        [TK_TRUE] = "'True'",
        [TK_AND] = "'and'",
        [TK_AS] = "'as'",
        [TK_ASSERT] = "'assert'",
        [TK_ASYNC] = "'async'",
        [TK_AWAIT] = "'await'",
        [TK_BREAK] = "'break'",
        [TK_CLASS] = "'class'",
        [TK_CONTINUE] = "'continue'",
        [TK_DEF] = "'def'",
        [TK_DEL] = "'del'",
        [TK_ELIF] = "'elif'",
        [TK_ELSE] = "'else'",
        [TK_EXCEPT] = "'except'",
        [TK_FINALLY] = "'finally'",
        [TK_FOR] = "'for'",
        [TK_FROM] = "'from'",
        [TK_GLOBAL] = "'global'",
        [TK_IF] = "'if'",
        [TK_IMPORT] = "'import'",
        [TK_IN] = "'in'",
        [TK_IS] = "'is'",
        [TK_LAMBDA] = "'lambda'",
        [TK_NONLOCAL] = "'nonlocal'",
        [TK_NOT] = "'not'",
        [TK_OR] = "'or'",
        [TK_PASS] = "'pass'",
        [TK_RAISE] = "'raise'",
        [TK_RETURN] = "'return'",
        [TK_TRY] = "'try'",
        [TK_WHILE] = "'while'",
        [TK_WITH] = "'with'",
        [TK_YIELD] = "'yield'",
        [TK_LPAR] = "'('",
        [TK_RPAR] = "')'",
        [TK_LSQB] = "'['",
        [TK_RSQB] = "']'",
        [TK_LBRACE] = "'{'",
        [TK_RBRACE] = "'}'",
        [TK_COLON] = "':'",
        [TK_COMMA] = "','",
        [TK_SEMI] = "';'",
        [TK_PLUS] = "'+'",
        [TK_MINUS] = "'-'",
        [TK_STAR] = "'*'",
        [TK_SLASH] = "'/'",
        [TK_VBAR] = "'|'",
        [TK_AMPER] = "'&'",
        [TK_LESS] = "'<'",
        [TK_GREATER] = "'>'",
        [TK_EQUAL] = "'='",
        [TK_DOT] = "'.'",
        [TK_PERCENT] = "'%'",
        [TK_EQEQUAL] = "'=='",
        [TK_NOTEQUAL] = "'!='",
        [TK_LESSEQUAL] = "'<='",
        [TK_GREATEREQUAL] = "'>='",
        [TK_TILDE] = "'~'",
        [TK_CIRCUMFLEX] = "'^'",
        [TK_LEFTSHIFT] = "'<<'",
        [TK_RIGHTSHIFT] = "'>>'",
        [TK_DOUBLESTAR] = "'**'",
        [TK_PLUSEQUAL] = "'+='",
        [TK_MINEQUAL] = "'-='",
        [TK_STAREQUAL] = "'*='",
        [TK_SLASHEQUAL] = "'/='",
        [TK_PERCENTEQUAL] = "'%='",
        [TK_AMPEREQUAL] = "'&='",
        [TK_VBAREQUAL] = "'|='",
        [TK_CIRCUMFLEXEQUAL] = "'^='",
        [TK_LEFTSHIFTEQUAL] = "'<<='",
        [TK_RIGHTSHIFTEQUAL] = "'>>='",
        [TK_DOUBLESTAREQUAL] = "'**='",
        [TK_DOUBLESLASH] = "'//'",
        [TK_DOUBLESLASHEQUAL] = "'//='",
        [TK_AT] = "'@'",
        [TK_ATEQUAL] = "'@='",
        [TK_RARROW] = "'->'",
        [TK_ELLIPSIS] = "'...'",
        [TK_COLONEQUAL] = "':='",
    };
    if (type >= 0 && type < (int)(sizeof names / sizeof names[0]) && names[type]) {
        return names[type];
    }
    return "?";
}
