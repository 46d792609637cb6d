/* Character-level scanning for kaa, turned into gen/lexer_gen.c by re2c:
 * one raw token (kaa_lexer_scan), the body of a string literal
 * (kaa_lexer_scan_string) and the escapes inside one (kaa_lexer_unescape).
 * Layout (indentation, NEWLINE, brackets) and numbers are in src/parse/lexer.c.
 * The input is NUL-terminated and holds no other NUL (kaa_lexer_init checks),
 * so the NUL is the sentinel and no rule can run past the end.
 */
#include <stdio.h>
#include <string.h>

#include "parse/lexer.h"
#include "parser.h"

/*!re2c
    re2c:define:YYCTYPE = "unsigned char";
    re2c:yyfill:enable = 0;

    u2 = [\xc2-\xdf] [\x80-\xbf];
    u3 = "\xe0" [\xa0-\xbf] [\x80-\xbf] | [\xe1-\xec\xee\xef] [\x80-\xbf]{2}
       | "\xed" [\x80-\x9f] [\x80-\xbf];
    u4 = "\xf0" [\x90-\xbf] [\x80-\xbf]{2} | [\xf1-\xf3] [\x80-\xbf]{3}
       | "\xf4" [\x80-\x8f] [\x80-\xbf]{2};
    utf8 = u2 | u3 | u4;
    name = ([a-zA-Z_] | utf8) ([a-zA-Z0-9_] | utf8)*;
    prefix = [rRuUfFbB] | [rR][bBfF] | [bBfF][rR];
    hex = [0-9a-fA-F];
*/

// Decode the code point of a valid UTF-8 sequence at s; set *len.
static unsigned utf8_decode(const unsigned char *s, int *len)
{
    if (s[0] < 0x80) {
        *len = 1;
        return s[0];
    } else if (s[0] < 0xe0) {
        *len = 2;
        return ((s[0] & 0x1fu) << 6) | (s[1] & 0x3fu);
    } else if (s[0] < 0xf0) {
        *len = 3;
        return ((s[0] & 0x0fu) << 12) | ((s[1] & 0x3fu) << 6) | (s[2] & 0x3fu);
    }
    *len = 4;
    return ((s[0] & 0x07u) << 18) | ((s[1] & 0x3fu) << 12) | ((s[2] & 0x3fu) << 6) | (s[3] & 0x3fu);
}

// Is c certainly not an identifier character? Without Unicode tables we
// refuse the ranges that hold punctuation, symbols, spaces and controls and
// accept every other letter-bearing block, which covers the usual scripts.
static int not_identifier_char(unsigned c)
{
    static const unsigned ranges[][2] = {
        {0x80, 0xa9}, {0xab, 0xb4}, {0xb6, 0xb6}, {0xb8, 0xb9}, {0xbb, 0xbf},
        {0xd7, 0xd7}, {0xf7, 0xf7}, {0x2000, 0x206f}, {0x20a0, 0x20cf},
        {0x2100, 0x2101}, {0x2190, 0x2bff}, {0x2e00, 0x2e7f}, {0x3000, 0x3004},
        {0x3008, 0x3020}, {0xd800, 0xdfff}, {0xe000, 0xf8ff}, {0xfe10, 0xfe1f},
        {0xfe30, 0xfe6f}, {0xfeff, 0xfeff}, {0xff01, 0xff0f}, {0xff1a, 0xff20},
        {0xff3b, 0xff3e}, {0xff40, 0xff40}, {0xff5b, 0xff65}, {0xfff0, 0xffff},
        {0x1f000, 0x1faff},
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
        if (c >= ranges[i][0] && c <= ranges[i][1]) {
            return 1;
        }
    }
    return 0;
}

static int printable(unsigned c)
{
    return !(c < 0x20 || (c >= 0x7f && c <= 0xa0) || c == 0xad || (c >= 0x2000 && c <= 0x200f) ||
             (c >= 0x2028 && c <= 0x202f) || (c >= 0x205f && c <= 0x206f) || c == 0x3000 ||
             c == 0xfeff || (c >= 0xd800 && c <= 0xf8ff));
}

// Report an invalid UTF-8 sequence at p; pos is its byte offset in the token.
static int bad_utf8(KaaLexer *lx, const unsigned char *p, int pos)
{
    int need = *p >= 0xf0 ? 3 : *p >= 0xe0 ? 2 : 1;
    int ok = 1;
    if (*p < 0xc2 || *p > 0xf4) {
        return kaa_lexer_error_at(lx, KAA_LEXERR_SYNTAX, lx->lineno, lx->line_start,
                                  (const char *)p + 1,
                                  "(unicode error) 'utf-8' codec can't decode byte 0x%02x in "
                                  "position %d: invalid start byte",
                                  *p, pos);
    }
    for (int i = 1; i <= need && ok; i++) {
        if (p[i] == '\n' || p[i] == 0) {
            return kaa_lexer_error_at(lx, KAA_LEXERR_SYNTAX, lx->lineno, lx->line_start,
                                      (const char *)p + 1,
                                      "(unicode error) 'utf-8' codec can't decode bytes in "
                                      "position %d-%d: unexpected end of data",
                                      pos, pos + i - 1);
        }
        ok = (p[i] & 0xc0) == 0x80;
    }
    return kaa_lexer_error_at(lx, KAA_LEXERR_SYNTAX, lx->lineno, lx->line_start,
                              (const char *)p + 1,
                              "(unicode error) 'utf-8' codec can't decode byte 0x%02x in "
                              "position %d: invalid continuation byte",
                              *p, pos);
}

// A NAME with non-ASCII characters: refuse the ones that cannot be part of an
// identifier, as CPython does ("invalid character '€' (U+20AC)").
static int check_identifier(KaaLexer *lx, const unsigned char *s, const unsigned char *end)
{
    int len;
    for (const unsigned char *p = s; p < end; p += len) {
        unsigned c = utf8_decode(p, &len);
        if (c >= 0x80 && not_identifier_char(c)) {
            if (printable(c)) {
                return kaa_lexer_error_at(lx, KAA_LEXERR_SYNTAX, lx->lineno, lx->line_start,
                                          (const char *)p + len, "invalid character '%.*s' (U+%04X)",
                                          len, (const char *)p, c);
            }
            return kaa_lexer_error_at(lx, KAA_LEXERR_SYNTAX, lx->lineno, lx->line_start,
                                      (const char *)p + len,
                                      "invalid non-printable character U+%04X", c);
        }
    }
    return 0;
}

// The string prefix letters as token flags.
static unsigned prefix_flags(const unsigned char *s, const unsigned char *quote)
{
    unsigned f = 0;
    for (; s < quote; s++) {
        switch (*s | 0x20) {
        case 'b': f |= KAA_TOKF_BYTES; break;
        case 'r': f |= KAA_TOKF_RAW; break;
        case 'f': f |= KAA_TOKF_FMT; break;
        case 'u': f |= *s == 'u' ? KAA_TOKF_U : 0; break; // only u'' has kind='u'
        }
    }
    return f;
}

// A backslash continuation at the very end of the input. CPython reports
// "unexpected EOF while parsing" on the backslash's line, just past its
// (real or implied) newline.
static int eof_after_backslash(KaaLexer *lx, int lineno, const char *line_start,
                               const char *backslash)
{
    lx->cur = lx->lim;
    kaa_lexer_error_at(lx, KAA_LEXERR_EOF_CONT, lineno, line_start, backslash + 1,
                       "unexpected EOF while parsing");
    lx->err->offset++;
    return KAA_RAW_ERROR;
}

int kaa_lexer_scan(KaaLexer *lx, KaaToken *t)
{
    const unsigned char *cur = (const unsigned char *)lx->cur, *mar, *tok;
    int type;

    for (;;) {
        tok = cur;
        t->z = (const char *)tok;
        t->lineno = lx->lineno;
        t->col = (int)((const char *)tok - lx->line_start);
        t->flags = 0;
        /*!re2c
            re2c:define:YYCURSOR = cur;
            re2c:define:YYMARKER = mar;

            [ \t\f]+            { continue; }
            "#" [^\n\x00]*      { continue; }
            "\\" "\n"           {
                const char *ls = lx->line_start;
                int ln = lx->lineno;
                lx->cur = (const char *)cur - 1;
                kaa_lexer_newline(lx);
                cur = (const unsigned char *)lx->cur;
                if ((const char *)cur == lx->lim) {
                    return eof_after_backslash(lx, ln, ls, (const char *)tok);
                }
                continue;
            }
            "\\" "\x00"         {
                return eof_after_backslash(lx, lx->lineno, lx->line_start, (const char *)tok);
            }
            "\\"                {
                lx->cur = (const char *)cur;
                return kaa_lexer_error_at(lx, KAA_LEXERR_LAYOUT, lx->lineno, lx->line_start,
                    (const char *)cur + 1, "unexpected character after line continuation character");
            }
            "\n"                { lx->cur = (const char *)tok; return KAA_RAW_NEWLINE; }
            "\x00"              { lx->cur = (const char *)tok; return KAA_RAW_EOF; }

            "False"     { type = TK_FALSE; goto done; }
            "None"      { type = TK_NONE; goto done; }
            "True"      { type = TK_TRUE; goto done; }
            "and"       { type = TK_AND; goto done; }
            "as"        { type = TK_AS; goto done; }
            "assert"    { type = TK_ASSERT; goto done; }
            "async"     { type = TK_ASYNC; goto done; }
            "await"     { type = TK_AWAIT; goto done; }
            "break"     { type = TK_BREAK; goto done; }
            "class"     { type = TK_CLASS; goto done; }
            "continue"  { type = TK_CONTINUE; goto done; }
            "def"       { type = TK_DEF; goto done; }
            "del"       { type = TK_DEL; goto done; }
            "elif"      { type = TK_ELIF; goto done; }
            "else"      { type = TK_ELSE; goto done; }
            "except"    { type = TK_EXCEPT; goto done; }
            "finally"   { type = TK_FINALLY; goto done; }
            "for"       { type = TK_FOR; goto done; }
            "from"      { type = TK_FROM; goto done; }
            "global"    { type = TK_GLOBAL; goto done; }
            "if"        { type = TK_IF; goto done; }
            "import"    { type = TK_IMPORT; goto done; }
            "in"        { type = TK_IN; goto done; }
            "is"        { type = TK_IS; goto done; }
            "lambda"    { type = TK_LAMBDA; goto done; }
            "nonlocal"  { type = TK_NONLOCAL; goto done; }
            "not"       { type = TK_NOT; goto done; }
            "or"        { type = TK_OR; goto done; }
            "pass"      { type = TK_PASS; goto done; }
            "raise"     { type = TK_RAISE; goto done; }
            "return"    { type = TK_RETURN; goto done; }
            "try"       { type = TK_TRY; goto done; }
            "while"     { type = TK_WHILE; goto done; }
            "with"      { type = TK_WITH; goto done; }
            "yield"     { type = TK_YIELD; goto done; }

            name {
                if (*cur >= 0x80) {
                    lx->cur = (const char *)cur;
                    return bad_utf8(lx, cur, (int)(cur - tok));
                }
                for (const unsigned char *p = tok; p < cur; p++) {
                    if (*p >= 0x80) {
                        lx->cur = (const char *)cur;
                        if (check_identifier(lx, tok, cur) != 0) {
                            return KAA_RAW_ERROR;
                        }
                        break;
                    }
                }
                type = TK_NAME;
                goto done;
            }

            [0-9] | "." [0-9]   { lx->cur = (const char *)tok; return KAA_RAW_NUMBER; }

            prefix? ['"] {
                char q = (char)cur[-1];
                int triple = cur[0] == (unsigned char)q && cur[1] == (unsigned char)q;
                t->flags = prefix_flags(tok, cur - 1) | (triple ? KAA_TOKF_TRIPLE : 0);
                lx->cur = (const char *)cur + (triple ? 2 : 0);
                return kaa_lexer_scan_string(lx, t, q, triple);
            }

            "("     { type = TK_LPAR; goto done; }
            ")"     { type = TK_RPAR; goto done; }
            "["     { type = TK_LSQB; goto done; }
            "]"     { type = TK_RSQB; goto done; }
            "{"     { type = TK_LBRACE; goto done; }
            "}"     { type = TK_RBRACE; goto done; }
            ":"     { type = TK_COLON; goto done; }
            ","     { type = TK_COMMA; goto done; }
            ";"     { type = TK_SEMI; goto done; }
            "+"     { type = TK_PLUS; goto done; }
            "-"     { type = TK_MINUS; goto done; }
            "*"     { type = TK_STAR; goto done; }
            "/"     { type = TK_SLASH; goto done; }
            "|"     { type = TK_VBAR; goto done; }
            "&"     { type = TK_AMPER; goto done; }
            "<"     { type = TK_LESS; goto done; }
            ">"     { type = TK_GREATER; goto done; }
            "="     { type = TK_EQUAL; goto done; }
            "."     { type = TK_DOT; goto done; }
            "%"     { type = TK_PERCENT; goto done; }
            "=="    { type = TK_EQEQUAL; goto done; }
            "!="    { type = TK_NOTEQUAL; goto done; }
            "<="    { type = TK_LESSEQUAL; goto done; }
            ">="    { type = TK_GREATEREQUAL; goto done; }
            "~"     { type = TK_TILDE; goto done; }
            "^"     { type = TK_CIRCUMFLEX; goto done; }
            "<<"    { type = TK_LEFTSHIFT; goto done; }
            ">>"    { type = TK_RIGHTSHIFT; goto done; }
            "**"    { type = TK_DOUBLESTAR; goto done; }
            "+="    { type = TK_PLUSEQUAL; goto done; }
            "-="    { type = TK_MINEQUAL; goto done; }
            "*="    { type = TK_STAREQUAL; goto done; }
            "/="    { type = TK_SLASHEQUAL; goto done; }
            "%="    { type = TK_PERCENTEQUAL; goto done; }
            "&="    { type = TK_AMPEREQUAL; goto done; }
            "|="    { type = TK_VBAREQUAL; goto done; }
            "^="    { type = TK_CIRCUMFLEXEQUAL; goto done; }
            "<<="   { type = TK_LEFTSHIFTEQUAL; goto done; }
            ">>="   { type = TK_RIGHTSHIFTEQUAL; goto done; }
            "**="   { type = TK_DOUBLESTAREQUAL; goto done; }
            "//"    { type = TK_DOUBLESLASH; goto done; }
            "//="   { type = TK_DOUBLESLASHEQUAL; goto done; }
            "@"     { type = TK_AT; goto done; }
            "@="    { type = TK_ATEQUAL; goto done; }
            "->"    { type = TK_RARROW; goto done; }
            "..."   { type = TK_ELLIPSIS; goto done; }
            ":="    { type = TK_COLONEQUAL; goto done; }

            [\x80-\xff] {
                lx->cur = (const char *)tok;
                return bad_utf8(lx, tok, 0);
            }
            [\x01-\x08\x0b\x0e-\x1f\x7f] {
                lx->cur = (const char *)cur;
                return kaa_lexer_error_at(lx, KAA_LEXERR_SYNTAX, lx->lineno, lx->line_start,
                    (const char *)cur, "invalid non-printable character U+%04X", *tok);
            }
            * { type = TK_ERRORTOKEN; goto done; }
        */
    }

done:
    lx->cur = (const char *)cur;
    t->type = type;
    t->n = (int)(cur - tok);
    t->end_lineno = lx->lineno;
    t->end_col = t->col + t->n;
    return type;

}

// The body of a string literal: lx->cur is just past the opening quote(s);
// t already holds the prefix position and flags. Leaves lx->cur after the
// closing quote(s), or reports an unterminated literal.
int kaa_lexer_scan_string(KaaLexer *lx, KaaToken *t, char quote, int triple)
{
    const unsigned char *cur = (const unsigned char *)lx->cur, *mar, *tok;
    const char *start_line = lx->line_start;
    int start_lineno = lx->lineno;
    (void)mar;

    for (;;) {
        tok = cur;
        /*!re2c
            re2c:define:YYCURSOR = cur;
            re2c:define:YYMARKER = mar;

            [^'"\\\n\x00]+      { continue; }
            "\\" "\n" | "\n"    {
                if (cur - tok == 1 && !triple) {
                    lx->cur = (const char *)tok;
                    goto unterminated;
                }
                lx->cur = (const char *)cur - 1;
                kaa_lexer_newline(lx);
                continue;
            }
            "\\" [^\x00\n]      { continue; }
            "'''" | '"""'       {
                if (*tok == (unsigned char)quote) {
                    if (!triple) {
                        cur = tok + 1;
                    }
                    break;
                }
                continue;
            }
            ['"]                {
                if (*tok == (unsigned char)quote && !triple) {
                    break;
                }
                continue;
            }
            "\\"? "\x00"        { lx->cur = lx->lim; goto unterminated; }
        */
    }
    lx->cur = (const char *)cur;
    t->type = TK_STRING;
    t->n = (int)((const char *)cur - t->z);
    t->end_lineno = lx->lineno;
    t->end_col = (int)((const char *)cur - lx->line_start);
    return TK_STRING;

unterminated:
    {
        // Reported at the start of the literal; "detected at" the line where
        // the scan stopped (for a triple-quoted string, the last line).
        int detected = lx->lineno;
        if (triple && lx->cur == lx->lim && lx->line_start == lx->lim && detected > 1) {
            detected--;
        }
        kaa_lexer_error_at(lx, triple ? KAA_LEXERR_EOF_STRING : KAA_LEXERR_SYNTAX, start_lineno, start_line, t->z + 1,
                           triple ? "unterminated triple-quoted string literal (detected at line %d)"
                                  : "unterminated string literal (detected at line %d)",
                           detected);
        return KAA_RAW_ERROR;
    }
}

// Append code point c to out in UTF-8 (surrogates too, as 3 bytes).
static char *put_utf8(char *out, unsigned c)
{
    if (c < 0x80) {
        *out++ = (char)c;
    } else if (c < 0x800) {
        *out++ = (char)(0xc0 | (c >> 6));
        *out++ = (char)(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        *out++ = (char)(0xe0 | (c >> 12));
        *out++ = (char)(0x80 | ((c >> 6) & 0x3f));
        *out++ = (char)(0x80 | (c & 0x3f));
    } else {
        *out++ = (char)(0xf0 | (c >> 18));
        *out++ = (char)(0x80 | ((c >> 12) & 0x3f));
        *out++ = (char)(0x80 | ((c >> 6) & 0x3f));
        *out++ = (char)(0x80 | (c & 0x3f));
    }
    return out;
}

static unsigned hexval(const unsigned char *s, int n)
{
    unsigned v = 0;
    for (int i = 0; i < n; i++) {
        unsigned d = s[i] <= '9' ? s[i] - '0' : (s[i] | 0x20) - 'a' + 10;
        v = v * 16 + d;
    }
    return v;
}

// Decoding runs in place in out (the text is copied there first, then
// rewritten front to back: every escape is at least as long as its value).
int kaa_lexer_unescape(const char *s, size_t n, unsigned flags, char *out, size_t *outlen,
                       char *msg, size_t msgsize)
{
    memcpy(out, s, n);
    out[n] = 0;
    if (flags & KAA_TOKF_RAW) {
        *outlen = n;
        return 0;
    }
    const unsigned char *start = (const unsigned char *)out, *cur = start, *mar, *tok;
    const unsigned char *lim = start + n;
    char *w = out;
    int bytes = (flags & KAA_TOKF_BYTES) != 0;
    const char *what;
    int need;
    (void)mar;

    for (;;) {
        tok = cur;
        /*!re2c
            re2c:define:YYCURSOR = cur;
            re2c:define:YYMARKER = mar;

            "\x00"              { if (tok == lim) { break; } *w++ = 0; continue; }
            [^\\\x00]+          { memmove(w, tok, (size_t)(cur - tok)); w += cur - tok; continue; }
            "\\\n"              { continue; }
            "\\\\"              { *w++ = '\\'; continue; }
            "\\'"               { *w++ = '\''; continue; }
            "\\\""              { *w++ = '"'; continue; }
            "\\a"               { *w++ = '\a'; continue; }
            "\\b"               { *w++ = '\b'; continue; }
            "\\f"               { *w++ = '\f'; continue; }
            "\\n"               { *w++ = '\n'; continue; }
            "\\r"               { *w++ = '\r'; continue; }
            "\\t"               { *w++ = '\t'; continue; }
            "\\v"               { *w++ = '\v'; continue; }
            "\\" [0-7]{1,3}     {
                unsigned v = 0;
                for (const unsigned char *p = tok + 1; p < cur; p++) {
                    v = v * 8 + (unsigned)(*p - '0');
                }
                if (bytes) {
                    *w++ = (char)(v & 0xff);
                } else {
                    w = put_utf8(w, v);
                }
                continue;
            }
            "\\x" hex{2}        {
                unsigned v = hexval(tok + 2, 2);
                if (bytes) {
                    *w++ = (char)v;
                } else {
                    w = put_utf8(w, v);
                }
                continue;
            }
            "\\x"               { what = "truncated \\xXX escape"; need = 4; goto bad_hex; }
            "\\u" hex{4}        {
                if (bytes) { goto keep; }
                w = put_utf8(w, hexval(tok + 2, 4));
                continue;
            }
            "\\u"               {
                if (bytes) { goto keep; }
                what = "truncated \\uXXXX escape"; need = 6; goto bad_hex;
            }
            "\\U" hex{8}        {
                if (bytes) { goto keep; }
                unsigned v = hexval(tok + 2, 8);
                if (v > 0x10ffff) {
                    snprintf(msg, msgsize, "(unicode error) 'unicodeescape' codec can't decode "
                             "bytes in position %d-%d: illegal Unicode character",
                             (int)(tok - start), (int)(cur - start) - 1);
                    return -1;
                }
                w = put_utf8(w, v);
                continue;
            }
            "\\U"               {
                if (bytes) { goto keep; }
                what = "truncated \\UXXXXXXXX escape"; need = 10; goto bad_hex;
            }
            "\\N"               {
                if (bytes) { goto keep; }
                snprintf(msg, msgsize, "(unicode error) 'unicodeescape' codec can't decode "
                         "bytes in position %d-%d: \\N{...} escapes are not supported by kaa",
                         (int)(tok - start), (int)(tok - start) + 1);
                return -1;
            }
            "\\"                { goto keep; }
        */
    keep:
        // An unknown escape stays as written (CPython warns; so do we not).
        *w++ = '\\';
        cur = tok + 1;
        continue;
    bad_hex : {
        const unsigned char *p = tok + 2;
        while (p < lim && p < tok + need &&
               ((*p >= '0' && *p <= '9') || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'f'))) {
            p++;
        }
        snprintf(msg, msgsize,
                 "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s",
                 (int)(tok - start), (int)(p - start) - 1, what);
        return -1;
    }
    }
    *outlen = (size_t)(w - out);
    out[*outlen] = 0;
    return 0;
}
