/* The parser driver, in the way of SQLite's sqlite3RunParser: pull a token
 * from the lexer, push it into the lemon parser, repeat; then push the end
 * marker. It also owns what CPython decides around its parser:
 *
 * - which error to report: any tokenizer error in the rest of the input
 *   wins over a syntax error found by the parser (CPython tokenizes the whole
 *   source after a syntax error for this reason), and an unclosed bracket on
 *   an earlier line wins over a later syntax error;
 * - the specific messages ("expected ':'", "expected an indented block after
 *   'if' statement on line 3", "Perhaps you forgot a comma?") that CPython's
 *   second, error-only pass finds; here they are guessed from the tokens seen
 *   and from asking the parser tables which tokens it would have accepted;
 * - REPL input (KAA_PARSE_SINGLE) that ends too early: err->incomplete.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "mem/mem.h"
#include "parse/pstate.h"
#include "parser.h"

// Tokens read ahead of the parser (the `with (` lookahead).
typedef struct TokQueue {
    KaaToken *items;
    int head, n, cap;
} TokQueue;

static void *parser_alloc(size_t n)
{
    return kaa_mem_alloc(n);
}

// --- Positions of errors ---------------------------------------------------

// The start of line `lineno` in the lexer's buffer (NULL if not there).
static const char *line_start(const KaaLexer *lx, int lineno)
{
    const char *p = lx->buf;
    for (int l = lx->first_lineno; l < lineno && p; l++) {
        p = strchr(p, '\n');
        p = p ? p + 1 : NULL;
    }
    return p;
}

// SyntaxError.offset for byte column col of line lineno: characters before
// it, plus one unless the position is "where the lexer stood" (notext).
static int char_offset(const KaaLexer *lx, int lineno, int col, int notext)
{
    const char *ls = line_start(lx, lineno);
    if (!ls) {
        return col + 1;
    }
    if (lineno == lx->first_lineno) {
        col -= lx->col_base;
    }
    return kaa_lexer_offset(lx, ls, ls + (col < 0 ? 0 : col)) + (notext ? 0 : 1);
}

static void error_v(ParseState *ps, const char *kind, AstPos pos, int notext, const char *fmt,
                    va_list ap)
{
    KaaSyntaxError *err = ps->err;
    if (ps->failed) {
        return; // the first error wins
    }
    ps->failed = 1;
    ps->fail_line = ps->tok.lineno;
    ps->fail_type = ps->tok.type;
    memset(err, 0, sizeof *err);
    err->kind = kind;
    const char *prefix = ps->fstring ? "f-string: " : "";
    int n = snprintf(err->msg, sizeof err->msg, "%s", prefix);
    vsnprintf(err->msg + n, sizeof err->msg - (size_t)n, fmt, ap);
    err->lineno = pos.lineno;
    err->offset = char_offset(ps->lx, pos.lineno, pos.col, notext);
    err->end_lineno = pos.end_lineno;
    err->end_offset = notext ? err->offset : char_offset(ps->lx, pos.end_lineno, pos.end_col, 0);
}

void ps_error_at(ParseState *ps, AstPos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_v(ps, "SyntaxError", pos, 0, fmt, ap);
    va_end(ap);
}

// An error on a token: INDENT, DEDENT and the end marker have no text.
static void error_tok(ParseState *ps, const char *kind, const KaaToken *t, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void error_tok(ParseState *ps, const char *kind, const KaaToken *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_v(ps, kind, ps_tpos(*t), (t->flags & KAA_TOKF_NOTEXT) != 0, fmt, ap);
    va_end(ap);
}

// --- Syntax error messages ----------------------------------------------------

static int starts_expr(int type)
{
    switch (type) {
    case TK_NAME:
    case TK_NUMBER:
    case TK_STRING:
    case TK_LPAR:
    case TK_LSQB:
    case TK_LBRACE:
    case TK_MINUS:
    case TK_PLUS:
    case TK_TILDE:
    case TK_NONE:
    case TK_TRUE:
    case TK_FALSE:
    case TK_ELLIPSIS:
    case TK_LAMBDA:
    case TK_NOT:
        return 1;
    }
    return 0;
}

static int ends_expr(int type)
{
    switch (type) {
    case TK_NAME:
    case TK_NUMBER:
    case TK_STRING:
    case TK_RPAR:
    case TK_RSQB:
    case TK_RBRACE:
    case TK_NONE:
    case TK_TRUE:
    case TK_FALSE:
    case TK_ELLIPSIS:
        return 1;
    }
    return 0;
}

// The compound statement a header keyword opens, as CPython names it.
static const char *header_name(int type)
{
    switch (type) {
    case TK_IF:
        return "'if' statement";
    case TK_ELIF:
        return "'elif' statement";
    case TK_ELSE:
        return "'else' statement";
    case TK_WHILE:
        return "'while' statement";
    case TK_FOR:
        return "'for' statement";
    case TK_TRY:
        return "'try' statement";
    case TK_EXCEPT:
        return "'except' statement";
    case TK_FINALLY:
        return "'finally' statement";
    case TK_WITH:
        return "'with' statement";
    case TK_DEF:
        return "function definition";
    case TK_CLASS:
        return "class definition";
    }
    return NULL;
}

static int token_is(const KaaToken *t, const char *s)
{
    return t->type == TK_NAME && (size_t)t->n == strlen(s) && memcmp(t->z, s, (size_t)t->n) == 0;
}

// The last expression built, if it ends with the token before the error.
static AstExpr *expr_before(ParseState *ps)
{
    AstExpr *e = ps->last_expr;
    if (!e) {
        return NULL;
    }
    AstPos o = kaa_ast_outer(e);
    if (o.end_lineno == ps->prev.end_lineno && o.end_col == ps->prev.end_col) {
        return e;
    }
    return NULL;
}

void kaa_parse_syntax_error(ParseState *ps, int major, const KaaToken *tok, void *parser)
{
    if (ps->failed) {
        return;
    }
    const KaaToken *t = tok;
    const KaaToken *prev = &ps->prev;
    // The REPL reads more lines when the parser wanted more tokens.
    if (major == 0 && ps->mode == KAA_PARSE_SINGLE && !ps->fstring) {
        memset(ps->err, 0, sizeof *ps->err);
        ps->err->kind = "SyntaxError";
        snprintf(ps->err->msg, sizeof ps->err->msg, "incomplete input");
        ps->err->lineno = t->lineno;
        ps->err->incomplete = 1;
        ps->failed = 1;
        return;
    }
    // A block header with no indented block after it.
    if (major != TK_INDENT && prev->type == TK_NEWLINE && ps->prev2.type == TK_COLON) {
        // t starts the next logical line unless it is a layout token.
        int layout = major == 0 || major == TK_NEWLINE || major == TK_DEDENT;
        const KaaToken *h = layout ? &ps->line_first : &ps->prev_line_first;
        const char *what = header_name(h->type);
        if (what) {
            error_tok(ps, "IndentationError", t, "expected an indented block after %s on line %d",
                      what, h->lineno);
            return;
        }
    }
    if (major == TK_INDENT) {
        error_tok(ps, "IndentationError", t, "unexpected indent");
        ps->no_rescan = 1; // CPython does not look further for this one
        return;
    }
    if (ps->mode == KAA_PARSE_SINGLE && major != 0 && kaa_parser_accepts(parser, 0)) {
        error_tok(ps, "SyntaxError", prev,
                  "multiple statements found while compiling a single "
                  "statement");
        return;
    }
    int level = ps->lx->level;
    if (major == TK_LPAR || major == TK_LSQB || major == TK_LBRACE) {
        level--;
    }
    int first = ps->line_first.type;
    // CPython insists on ':' right after else/try/finally and a def's ')'
    // (or its return annotation), and on '(' after a def's name.
    if (level == 0 && major != TK_NEWLINE && kaa_parser_accepts(parser, TK_COLON) &&
        (prev->type == TK_ELSE || prev->type == TK_TRY || prev->type == TK_FINALLY ||
         first == TK_DEF)) {
        error_tok(ps, "SyntaxError", t, "expected ':'");
        return;
    }
    if (first == TK_DEF && prev->type == TK_NAME && ps->prev2.type == TK_DEF &&
        kaa_parser_accepts(parser, TK_LPAR)) {
        error_tok(ps, "SyntaxError", t, "expected '('");
        return;
    }
    if (major == TK_NEWLINE && header_name(first) &&
        (ends_expr(prev->type) || prev->type == first) && kaa_parser_accepts(parser, TK_COLON)) {
        error_tok(ps, "SyntaxError", t, "expected ':'");
        return;
    }
    if (kaa_parser_accepts(parser, TK_EXCEPT) && kaa_parser_accepts(parser, TK_FINALLY) &&
        !kaa_parser_accepts(parser, TK_ELSE)) {
        error_tok(ps, "SyntaxError", t, "expected 'except' or 'finally' block");
        return;
    }
    AstExpr *before = expr_before(ps);
    if (major == TK_COMMA && first == TK_EXCEPT && level == 0 && before) {
        AstPos p = kaa_ast_outer(before);
        ps_error_at(ps, p, "multiple exception types must be parenthesized");
        return;
    }
    if (major != TK_ELSE && major != TK_COLON && ps->prev.type != TK_IF && ps->before_if &&
        kaa_parser_accepts(parser, TK_ELSE)) {
        ps_error_at(ps, ps_span(kaa_ast_outer(ps->before_if), ps_tpos(*prev)),
                    "expected 'else' after 'if' expression");
        return;
    }
    if (major == TK_COLONEQUAL && before && before->kind != EXPR_NAME) {
        ps_error_at(ps, before->pos, "cannot use assignment expressions with %s",
                    ps_expr_name(before));
        return;
    }
    if (major == TK_EQUAL && before &&
        (level > 0 || first == TK_IF || first == TK_ELIF || first == TK_WHILE)) {
        if (before->kind == EXPR_NAME && !kaa_ast_parens(before)) {
            ps_error_at(ps, ps_span(before->pos, ps_tpos(*t)),
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        } else {
            ps_error_at(ps, before->pos,
                        "cannot assign to %s here. Maybe you meant '==' instead "
                        "of '='?",
                        ps_expr_name(before));
        }
        return;
    }
    if (starts_expr(major) && ends_expr(prev->type) && first == TK_NAME &&
        &ps->line_first != prev && prev->lineno == ps->line_first.lineno &&
        ps->line_first.end_col == prev->end_col &&
        (token_is(&ps->line_first, "print") || token_is(&ps->line_first, "exec"))) {
        ps_error_at(ps, ps_span(ps_tpos(ps->line_first), ps_tpos(*t)),
                    "Missing parentheses in call to '%.*s'. Did you mean %.*s(...)?",
                    ps->line_first.n, ps->line_first.z, ps->line_first.n, ps->line_first.z);
        return;
    }
    if (starts_expr(major) && major != TK_NOT && ends_expr(prev->type) && level > 0 && before &&
        (kaa_ast_parens(before) || (before->kind != EXPR_LAMBDA && before->kind != EXPR_IFEXP)) &&
        !(before->kind == EXPR_NAME &&
          (strcmp(before->v.name.id, "print") == 0 || strcmp(before->v.name.id, "exec") == 0))) {
        ps_error_at(ps, ps_span(kaa_ast_outer(before), ps_tpos(*t)),
                    "invalid syntax. Perhaps you forgot a comma?");
        return;
    }
    if (major == 0) {
        // CPython reports a bare end of input at column 0 of the last line.
        KaaToken at = *t;
        at.col = 0;
        error_tok(ps, "SyntaxError", &at, "invalid syntax");
        return;
    }
    error_tok(ps, "SyntaxError", t, "invalid syntax");
}

// lemon's stack is full: CPython raises MemoryError for such sources.
void kaa_parse_stack_overflow(ParseState *ps)
{
    if (!ps->failed) {
        ps_nomem(ps);
        snprintf(ps->err->msg, sizeof ps->err->msg,
                 "Parser stack overflowed - Python source too complex to parse");
    }
}

const char *ps_expr_name(const AstExpr *e)
{
    switch (e->kind) {
    case EXPR_ATTRIBUTE:
        return "attribute";
    case EXPR_SUBSCRIPT:
        return "subscript";
    case EXPR_STARRED:
        return "starred";
    case EXPR_NAME:
        return "name";
    case EXPR_LIST:
        return "list";
    case EXPR_TUPLE:
        return "tuple";
    case EXPR_LAMBDA:
        return "lambda";
    case EXPR_CALL:
        return "function call";
    case EXPR_BOOLOP:
    case EXPR_BINOP:
    case EXPR_UNARYOP:
        return "expression";
    case EXPR_GENEXP:
        return "generator expression";
    case EXPR_YIELD:
    case EXPR_YIELDFROM:
        return "yield expression";
    case EXPR_LISTCOMP:
        return "list comprehension";
    case EXPR_SETCOMP:
        return "set comprehension";
    case EXPR_DICTCOMP:
        return "dict comprehension";
    case EXPR_DICT:
        return "dict literal";
    case EXPR_SET:
        return "set display";
    case EXPR_JOINEDSTR:
    case EXPR_FORMATTEDVALUE:
        return "f-string expression";
    case EXPR_COMPARE:
        return "comparison";
    case EXPR_IFEXP:
        return "conditional expression";
    case EXPR_NAMEDEXPR:
        return "named expression";
    case EXPR_SLICE:
        return "slice";
    case EXPR_CONSTANT:
        switch (e->v.constant.kind) {
        case AST_CONST_NONE:
            return "None";
        case AST_CONST_TRUE:
            return "True";
        case AST_CONST_FALSE:
            return "False";
        case AST_CONST_ELLIPSIS:
            return "ellipsis";
        default:
            return "literal";
        }
    }
    return "expression";
}

// --- The token loop -------------------------------------------------------------

// Next token: from the read-ahead queue, else from the lexer.
static int next_token(ParseState *ps, TokQueue *q, KaaToken *t)
{
    if (q->head < q->n) {
        *t = q->items[q->head++];
        return t->type;
    }
    q->head = q->n = 0;
    return kaa_lexer_next(ps->lx, t);
}

// Read ahead one more token into the queue; -1 on a lexer error.
static int peek_more(ParseState *ps, TokQueue *q)
{
    if (q->n == q->cap) {
        int cap = q->cap ? q->cap * 2 : 32;
        KaaToken *items = kaa_mem_realloc(q->items, (size_t)cap * sizeof *items);
        if (!items) {
            return -1;
        }
        q->items = items;
        q->cap = cap;
    }
    int type = kaa_lexer_next(ps->lx, &q->items[q->n]);
    if (type < 0) {
        return -1;
    }
    q->n++;
    return type;
}

// After `with`, t is a '('. It opens a list of with-items when the matching
// ')' is followed by ':' and something is inside (CPython tries that form
// first). Then it becomes WITHLPAR.
static void with_paren(ParseState *ps, TokQueue *q, KaaToken *t)
{
    int depth = 1, i = q->head;
    for (;;) {
        if (i == q->n && peek_more(ps, q) < 0) {
            return;
        }
        int type = q->items[i++].type;
        if (type == 0) {
            return;
        }
        if (type == TK_LPAR || type == TK_LSQB || type == TK_LBRACE) {
            depth++;
        } else if (type == TK_RPAR || type == TK_RSQB || type == TK_RBRACE) {
            if (--depth == 0) {
                break;
            }
        }
    }
    if (i - 1 == q->head) {
        return; // `with ():` is a with on an empty tuple
    }
    if (i == q->n && peek_more(ps, q) < 0) {
        return;
    }
    if (q->items[i].type == TK_COLON) {
        t->type = TK_WITHLPAR;
    }
}

// Remember the recent tokens and where logical lines start.
static void track(ParseState *ps, const KaaToken *t)
{
    ps->prev2 = ps->prev;
    ps->prev = ps->tok;
    ps->tok = *t;
    if (t->type == TK_NEWLINE || t->type == TK_INDENT || t->type == TK_DEDENT || t->type == 0) {
        if (t->type == TK_NEWLINE) {
            ps->new_line = 1;
        }
        return;
    }
    if (ps->new_line) {
        ps->prev_line_first = ps->line_first;
        ps->line_first = *t;
        ps->new_line = 0;
    }
}

// Copy a lexer error to the caller; in the REPL, an input that stops inside
// a bracket, a triple-quoted string or after a backslash is incomplete.
static void lexer_error(ParseState *ps, const KaaSyntaxError *lerr)
{
    *ps->err = *lerr;
    ps->failed = 1;
    if (ps->mode == KAA_PARSE_SINGLE && !ps->fstring &&
        (ps->lx->errkind == KAA_LEXERR_EOF_PAREN || ps->lx->errkind == KAA_LEXERR_EOF_STRING ||
         ps->lx->errkind == KAA_LEXERR_EOF_CONT)) {
        ps->err->incomplete = 1;
    }
    if (ps->fstring && !lerr->nomem) {
        char msg[sizeof ps->err->msg];
        snprintf(msg, sizeof msg, "f-string: %.240s", lerr->msg);
        memcpy(ps->err->msg, msg, sizeof msg);
    }
}

// After a syntax error: a tokenizer error further on is reported instead.
static void check_rest(ParseState *ps, TokQueue *q, const KaaSyntaxError *lerr)
{
    KaaToken t;
    int type, more = 0;
    if (ps->err->nomem || ps->err->incomplete) {
        return;
    }
    while ((type = next_token(ps, q, &t)) > 0) {
        more = 1;
    }
    if (type == 0) {
        return;
    }
    KaaLexError kind = ps->lx->errkind;
    if (kind == KAA_LEXERR_LAYOUT || kind == KAA_LEXERR_EOF_CONT) {
        return; // CPython's tokenizer reports these only when the parser asks
    }
    if (ps->mode == KAA_PARSE_SINGLE && kind != KAA_LEXERR_SYNTAX && kind != KAA_LEXERR_NOMEM) {
        return; // the REPL would have read more lines, but the error came first
    }
    if (kind == KAA_LEXERR_NOMEM) {
        ps->failed = 0;
        ps_nomem(ps);
    } else if (kind != KAA_LEXERR_EOF_PAREN || ps->fail_line > lerr->lineno ||
               (!more && ends_expr(ps->fail_type))) {
        // An unclosed bracket wins over an error on a later line, or on the
        // last token when that ends an expression (CPython's parser then
        // looks past it for more of the expression and meets the end).
        lexer_error(ps, lerr);
    }
}

// Run the parser over the lexer's tokens; mode is the MODE_* start token.
// When open/close are given (f-string fields), they surround the tokens.
static void run(ParseState *ps, int mode, const KaaToken *open, const KaaToken *close)
{
    KaaSyntaxError lerr;
    TokQueue q = {0};
    KaaToken t = {0};
    void *parser = kaa_parserAlloc(parser_alloc, ps);
    if (!parser) {
        ps_nomem(ps);
        return;
    }
    ps->lx->err = &lerr;
    ps->new_line = 1;
    t.type = mode;
    kaa_parser(parser, mode, t);
    if (open) {
        track(ps, open);
        kaa_parser(parser, open->type, *open);
    }
    int closed = 0, lexer_failed = 0;
    while (!ps->failed) {
        int type = next_token(ps, &q, &t);
        if (type < 0) {
            lexer_failed = 1;
            if (ps->lx->errkind == KAA_LEXERR_NOMEM) {
                ps_nomem(ps);
            } else {
                lexer_error(ps, &lerr);
            }
            break;
        }
        if (type == 0 && close && !closed) {
            // the field's closing parenthesis, then the end
            t = *close;
            type = t.type;
            closed = 1;
            q.head = q.n = 0;
        }
        if (type == TK_LPAR && ps->tok.type == TK_WITH) {
            with_paren(ps, &q, &t);
            type = t.type;
        }
        track(ps, &t);
        kaa_parser(parser, type, t);
        if (type == TK_IF) {
            ps->before_if = expr_before(ps); // reduced now: `a + b` in `a + b if c else d`
        }
        if (type == 0) {
            break;
        }
        if (closed) {
            KaaToken end = *close;
            end.type = 0;
            track(ps, &end);
            kaa_parser(parser, 0, end);
            break;
        }
    }
    if (ps->failed && !lexer_failed && !ps->no_rescan) {
        check_rest(ps, &q, &lerr);
    }
    kaa_parserFree(parser, kaa_mem_free);
    kaa_mem_free(q.items);
}

AstMod *kaa_parse(AstArena *arena, const char *src, size_t len, KaaParseMode mode,
                  KaaSyntaxError *err)
{
    KaaLexer lx;
    memset(err, 0, sizeof *err);
    if (kaa_lexer_init(&lx, src, len, mode == KAA_PARSE_SINGLE ? KAA_LEX_INTERACTIVE : 0, err) <
        0) {
        kaa_lexer_fini(&lx);
        return NULL;
    }
    ParseState ps = {.arena = arena, .err = err, .lx = &lx, .mode = mode};
    int start = mode == KAA_PARSE_FILE     ? TK_MODE_FILE
                : mode == KAA_PARSE_SINGLE ? TK_MODE_SINGLE
                                           : TK_MODE_EVAL;
    run(&ps, start, NULL, NULL);
    kaa_lexer_fini(&lx);
    if (!ps.failed && !ps.mod) {
        ps_nomem(&ps);
    }
    if (ps.failed) {
        return NULL;
    }
    return ps.mod;
}

AstExpr *kaa_parse_fstring_field(ParseState *parent, const char *text, size_t n, int lineno,
                                 int col, int chars, AstPos open, AstPos close)
{
    KaaLexer lx;
    KaaSyntaxError *err = parent->err;
    if (parent->fstring >= 8) {
        ps_error_at(parent, open, "expressions nested too deeply");
        return NULL;
    }
    if (kaa_lexer_init(&lx, text, n, KAA_LEX_FSTRING, err) < 0) {
        parent->failed = 1;
        kaa_lexer_fini(&lx);
        return NULL;
    }
    kaa_lexer_set_origin(&lx, lineno, col, chars);
    ParseState ps = {.arena = parent->arena,
                     .err = err,
                     .lx = &lx,
                     .mode = KAA_PARSE_EVAL,
                     .fstring = parent->fstring + 1};
    KaaToken l = {.type = TK_LPAR,
                  .flags = KAA_TOKF_SYNTH,
                  .z = lx.buf,
                  .lineno = open.lineno,
                  .col = open.col,
                  .end_lineno = open.end_lineno,
                  .end_col = open.end_col};
    KaaToken r = {.type = TK_RPAR,
                  .flags = KAA_TOKF_SYNTH,
                  .z = lx.lim,
                  .lineno = close.lineno,
                  .col = close.col,
                  .end_lineno = close.end_lineno,
                  .end_col = close.end_col};
    run(&ps, TK_MODE_FSTRING, &l, &r);
    kaa_lexer_fini(&lx);
    if (ps.failed) {
        // CPython 3.11 counts columns in "(" + expression + ")", not in the line.
        if (!err->nomem && err->lineno == lineno) {
            err->offset -= chars - 1;
            if (err->end_lineno == lineno && err->end_offset > 0) {
                err->end_offset -= chars - 1;
            }
        }
        parent->failed = 1;
        return NULL;
    }
    return ps.fexpr;
}
