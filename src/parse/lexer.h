/* The lexer: source bytes -> tokens, pulled one at a time by the parser
 * driver (or by a test). grammar/lexer.re scans characters (one raw token,
 * string bodies, escapes); lexer.c adds the layout, as CPython's tokenizer
 * does around its scanner: indentation stack, INDENT/DEDENT, NEWLINE only at
 * the end of a logical line outside brackets, and the end-of-input sequence.
 */
#ifndef KAA_LEXER_H
#define KAA_LEXER_H
#ifndef KAA_BUILD_CORE
#error "internal header: build with KAA_BUILD_CORE"
#endif

#include <stddef.h>

#include "parse/parse.h"
#include "parse/token.h"

#define KAA_MAXINDENT 100 // CPython's: more is "too many levels of indentation"
#define KAA_MAXLEVEL 200  // bracket nesting: more is "too many nested parentheses"

// Lexer options (kaa_lexer_init).
enum {
    // REPL input: an empty line ends the statement (DEDENTs plus a NEWLINE)
    // and the end of input implies no DEDENT.
    KAA_LEX_INTERACTIVE = 1 << 0,
    // The expression of an f-string field: scanned as if inside parentheses;
    // the end of input implies no NEWLINE.
    KAA_LEX_FSTRING = 1 << 1,
};

// Why the lexer stopped with an error; the driver needs to tell errors that
// only mean "the input ends too early" (REPL: read more) from the others.
typedef enum {
    KAA_LEXERR_NONE,
    KAA_LEXERR_SYNTAX,     // a tokenizer error (wins over a parser error before it)
    KAA_LEXERR_LAYOUT,     // indentation, TabError, stray backslash (does not)
    KAA_LEXERR_EOF_PAREN,  // end of input inside brackets
    KAA_LEXERR_EOF_STRING, // end of input inside a triple-quoted string
    KAA_LEXERR_EOF_CONT,   // end of input after a backslash continuation
    KAA_LEXERR_NOMEM
} KaaLexError;

typedef struct KaaLexer {
    char *buf; // our copy of the source: \r\n and \r turned into \n, NUL-terminated
    const char *cur, *lim;
    const char *line_start; // first byte of the current physical line
    int lineno;
    int first_lineno; // lineno of buf's first line
    // Where buf starts in the real source (f-string fields are lexed from a
    // copy): the column and character count to add on buf's first line.
    int col_base, chars_base;
    unsigned flags;

    // Layout (the names are CPython's tokenizer fields).
    int indstack[KAA_MAXINDENT];    // columns of the open blocks, [0] = 0
    int altindstack[KAA_MAXINDENT]; // the same with tabs counted as 1 (TabError check)
    int indent;                     // index of the innermost block
    int pendin;                     // > 0: INDENTs to emit, < 0: DEDENTs to emit
    int atbol;                      // at the beginning of a line
    int level;                      // bracket depth
    char parenstack[KAA_MAXLEVEL];
    int parenlineno[KAA_MAXLEVEL];
    int parencol[KAA_MAXLEVEL];
    int last_type; // last token returned; 0 before the first
    int at_eof;    // the scanner reached the end of input
    int dent_col;  // column of the first token of the line (INDENT/DEDENT position)

    KaaSyntaxError *err; // where errors are written
    KaaLexError errkind;
} KaaLexer;

// Prepare to lex src[0..len) (copied; need not be NUL-terminated). Return 0,
// or -1 with *err filled in: out of memory or a NUL byte in the source.
int kaa_lexer_init(KaaLexer *lx, const char *src, size_t len, unsigned flags, KaaSyntaxError *err);
// For a lexer over a piece of a larger source: the piece starts on line
// lineno, at byte column col, after chars characters of that line.
void kaa_lexer_set_origin(KaaLexer *lx, int lineno, int col, int chars);
void kaa_lexer_fini(KaaLexer *lx);

// Next token into *t. Return its TK_* code (> 0), 0 at the end of input (t is
// then the end marker, with its position), or -1 on an error (lx->err filled
// in, lx->errkind says which). After 0 or -1, every call returns the same.
int kaa_lexer_next(KaaLexer *lx, KaaToken *t);

// Name of a token code ("NAME", "'('", ...), for tests and traces.
const char *kaa_token_name(int type);

// The number of characters before byte p on the line starting at line_start
// (both in lx->buf): SyntaxError.offset of the character that ends at p. Past
// the end of the line, the newline (real or implied) and beyond count as one
// each.
int kaa_lexer_offset(const KaaLexer *lx, const char *line_start, const char *p);

// The body of a STRING token (between the quotes) and its length.
const char *kaa_lexer_string_body(const KaaToken *t, size_t *n);

// Decode the escapes of s[0..n) (a string body or a piece of one) into out,
// which has room for n bytes (decoding never makes text longer). flags are the
// token's (KAA_TOKF_BYTES, KAA_TOKF_RAW). Return 0 with *outlen set, or -1
// with CPython's message for the bad escape in msg.
int kaa_lexer_unescape(const char *s, size_t n, unsigned flags, char *out, size_t *outlen,
                       char *msg, size_t msgsize);

// Scanner entry points, generated from grammar/lexer.re (used by lexer.c).
// One raw token from lx->cur: a TK_* code, or one of the KAA_RAW_* codes.
enum { KAA_RAW_NEWLINE = 1000, KAA_RAW_EOF, KAA_RAW_ERROR, KAA_RAW_NUMBER };
int kaa_lexer_scan(KaaLexer *lx, KaaToken *t);
// The body of a string literal whose opening quote ends just before lx->cur.
int kaa_lexer_scan_string(KaaLexer *lx, KaaToken *t, char quote, int triple);
// Error helpers shared by lexer.c and the scanner: message at a position
// (p on the line starting at line_start; offset = characters before p).
int kaa_lexer_error_at(KaaLexer *lx, KaaLexError kind, int lineno, const char *line_start,
                       const char *p, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
// Advance past a newline at lx->cur (keeping lineno and line_start).
void kaa_lexer_newline(KaaLexer *lx);

#endif
