/* What the grammar actions (grammar/parser.y) share with the driver
 * (parse.c): the parse state passed as lemon's %extra_context, the small
 * structs some non-terminals carry, and the builders the actions call when a
 * node needs more than a constructor (checks, CPython's error messages,
 * positions). Builders never fail loudly: on an error they record it in the
 * state and return NULL, and every builder accepts NULL children.
 */
#ifndef KAA_PSTATE_H
#define KAA_PSTATE_H
#ifndef KAA_BUILD_CORE
#error "internal header: build with KAA_BUILD_CORE"
#endif

#include "parse/ast.h"
#include "parse/lexer.h"
#include "parse/parse.h"
#include "parse/token.h"

typedef struct ParseState {
    AstArena *arena;
    KaaSyntaxError *err;
    KaaLexer *lx;
    KaaParseMode mode;
    int fstring;    // parsing an f-string field (nesting depth, 0 for none)
    int failed;     // an error is recorded: push no more tokens
    int fail_line;  // line of the token being pushed when it was
    int fail_type;  // and its type
    int no_rescan;  // report this error even if a tokenizer error follows
    AstMod *mod;    // the result
    AstExpr *fexpr; // the result of an f-string field
    // Context for the error messages that depend on it.
    KaaToken tok, prev, prev2; // the token being pushed and the two before
    KaaToken line_first;       // first token of the current logical line
    KaaToken prev_line_first;  // and of the one before
    int new_line;              // the next real token starts a logical line
    AstExpr *last_expr;        // the expression node built last
    AstExpr *before_if;        // the expression just before the last `if`
} ParseState;

// Lists with something more than their items.
typedef struct CompFor {
    AstSeq *gens; // AstComprehension*
    AstPos end;
    AstPos first_for; // the first `for`
} CompFor;

typedef struct TList { // the inside of (...) or [...]
    AstSeq *items;     // AstExpr*
    int trailing;      // ends with a comma
    CompFor comp;      // comp.gens non-NULL: a comprehension over items[0]
} TList;

enum { DI_KV, DI_DSTAR, DI_ELT, DI_STAR };
typedef struct DictItem {
    int kind;
    AstExpr *key, *value; // DI_ELT/DI_STAR: value only
    AstPos pos;
    AstPos colon; // DI_KV
} DictItem;

typedef struct DictSet {
    AstSeq *items; // DictItem*
    CompFor comp;
} DictSet;

enum { ARG_POS, ARG_STAR, ARG_GENEXP, ARG_KW, ARG_DSTAR };
typedef struct CallArg {
    int kind;
    AstExpr *value;
    AstKeyword *kw; // ARG_KW, ARG_DSTAR
    AstPos for_kw;  // ARG_GENEXP: its first `for`
} CallArg;

enum { PARAM_PLAIN, PARAM_SLASH, PARAM_STAR, PARAM_VARARG, PARAM_KWARG };
typedef struct Param {
    int kind;
    AstArg *arg;
    AstExpr *dflt;
    AstPos pos; // the parameter, or the / or *
} Param;

typedef struct CmpList {
    AstExpr *left;
    AstSeq *ops; // AstCmpOp as (void *)(intptr_t)
    AstSeq *comparators;
} CmpList;

typedef struct Names { // dotted names, global names, import lists
    AstSeq *items;
    const char *name;
    AstPos pos;
    int level;
} Names;

typedef struct Clause { // elif / except clauses, and suites with their keyword
    KaaToken kw;
    AstExpr *test;
    const char *name;
    AstSeq *body;
} Clause;

// --- Positions -----------------------------------------------------------
static inline AstPos ps_tpos(KaaToken t)
{
    AstPos p = {t.lineno, t.col, t.end_lineno, t.end_col};
    return p;
}

static inline AstPos ps_span(AstPos a, AstPos b)
{
    AstPos p = {a.lineno, a.col, b.end_lineno, b.end_col};
    return p;
}

AstPos ps_outer(const AstExpr *e);              // extent with parentheses (zeros for NULL)
AstPos ps_body_end(AstPos start, AstSeq *body); // start to the end of the last statement

// Record an out-of-memory failure (MemoryError).
void ps_nomem(ParseState *ps);
// A float literal's value (the text has no underscores), read in the C locale.
double kaa_parse_double(const char *text);

// --- Lists -----------------------------------------------------------------
AstSeq *ps_push(ParseState *ps, AstSeq *seq, void *item);
AstSeq *ps_extend(ParseState *ps, AstSeq *a, AstSeq *b);
AstSeq *ps_push_token(ParseState *ps, AstSeq *seq, KaaToken t); // copies the token

// --- Expressions ---------------------------------------------------------------
const char *ps_id(ParseState *ps, KaaToken t);
AstExpr *ps_name(ParseState *ps, KaaToken t);
AstExpr *ps_number(ParseState *ps, KaaToken t);
AstExpr *ps_const(ParseState *ps, KaaToken t, AstConstKind kind);
AstExpr *ps_strings(ParseState *ps, AstSeq *tokens);
AstExpr *ps_binop(ParseState *ps, AstExpr *l, AstOperator op, AstExpr *r);
AstExpr *ps_unary(ParseState *ps, KaaToken op, AstUnaryOp kind, AstExpr *e);
AstExpr *ps_boolop(ParseState *ps, AstBoolOp op, AstSeq *values);
CmpList ps_cmp(ParseState *ps, CmpList *prev, AstExpr *left, AstCmpOp op, AstExpr *right);
AstExpr *ps_compare(ParseState *ps, CmpList c);
AstExpr *ps_ifexp(ParseState *ps, AstExpr *body, AstExpr *test, AstExpr *orelse);
AstExpr *ps_namedexpr(ParseState *ps, KaaToken name, AstExpr *value);
AstExpr *ps_lambda(ParseState *ps, KaaToken kw, AstArguments *args, AstExpr *body);
AstExpr *ps_starred(ParseState *ps, KaaToken star, AstExpr *e);
AstExpr *ps_yield(ParseState *ps, KaaToken kw, AstExpr *value, int from);
// items to a tuple, or the item itself when there is one and no comma
AstExpr *ps_tuple(ParseState *ps, AstSeq *items, const KaaToken *comma);
AstExpr *ps_paren(ParseState *ps, KaaToken l, TList x, KaaToken r);
AstExpr *ps_paren_yield(ParseState *ps, KaaToken l, AstExpr *y, KaaToken r);
AstExpr *ps_list(ParseState *ps, KaaToken l, TList x, KaaToken r);
AstExpr *ps_braces(ParseState *ps, KaaToken l, DictSet x, KaaToken r);
AstExpr *ps_empty(ParseState *ps, KaaToken l, KaaToken r); // () [] {}
AstExpr *ps_call(ParseState *ps, AstExpr *func, AstSeq *args, KaaToken l, KaaToken r);
AstExpr *ps_attribute(ParseState *ps, AstExpr *value, KaaToken name);
AstExpr *ps_subscript(ParseState *ps, AstExpr *value, AstSeq *items, const KaaToken *comma,
                      KaaToken r);
AstExpr *ps_slice(ParseState *ps, AstExpr *lower, KaaToken c1, AstExpr *upper, const KaaToken *c2,
                  AstExpr *step);
CompFor ps_comp_for(ParseState *ps, CompFor *prev, KaaToken kw, AstExpr *target, AstExpr *iter);
CompFor ps_comp_if(ParseState *ps, CompFor c, AstExpr *cond);
AstExpr *ps_genexp_arg(ParseState *ps, AstExpr *elt, CompFor c);
CallArg *ps_callarg(ParseState *ps, int kind, AstExpr *value, const KaaToken *star);
CallArg *ps_genexp_callarg(ParseState *ps, AstExpr *elt, CompFor c);
CallArg *ps_kwarg(ParseState *ps, AstExpr *key, AstExpr *value);
DictItem *ps_dict_item(ParseState *ps, int kind, AstExpr *key, AstExpr *value,
                       const KaaToken *star);
AstArg *ps_arg(ParseState *ps, KaaToken name, AstExpr *annotation);
Param *ps_param(ParseState *ps, int kind, const KaaToken *tok, AstArg *arg, AstExpr *dflt);
Param *ps_param_error(ParseState *ps, KaaToken eq, const char *msg);
AstArguments *ps_arguments(ParseState *ps, AstSeq *params);

// --- Statements --------------------------------------------------------------
AstStmt *ps_expr_stmt(ParseState *ps, AstExpr *e);
AstStmt *ps_assign(ParseState *ps, AstSeq *chain);
AstStmt *ps_augassign(ParseState *ps, AstExpr *target, AstOperator op, AstExpr *value);
AstStmt *ps_annassign(ParseState *ps, AstExpr *target, AstExpr *ann, AstExpr *value);
AstStmt *ps_delete(ParseState *ps, KaaToken kw, AstSeq *targets, const KaaToken *comma);
AstStmt *ps_keyword_stmt(ParseState *ps, KaaToken kw, AstStmtKind kind, AstExpr *value);
AstStmt *ps_raise(ParseState *ps, KaaToken kw, AstExpr *exc, AstExpr *cause);
AstStmt *ps_global(ParseState *ps, KaaToken kw, AstStmtKind kind, Names names);
AstStmt *ps_assert(ParseState *ps, KaaToken kw, AstExpr *test, AstExpr *msg);
Names ps_dotted(ParseState *ps, Names *prev, KaaToken name);
AstAlias *ps_alias(ParseState *ps, Names name, const KaaToken *asname);
// The names after `from m import`; close is the ')' if there is one.
Names ps_import_names(ParseState *ps, AstSeq *aliases, const KaaToken *close);
AstStmt *ps_import(ParseState *ps, KaaToken kw, AstSeq *aliases);
AstStmt *ps_importfrom(ParseState *ps, KaaToken kw, Names module, Names names);
AstStmt *ps_if(ParseState *ps, KaaToken kw, AstExpr *test, AstSeq *body, AstSeq *elifs,
               AstSeq *orelse);
Clause *ps_clause(ParseState *ps, KaaToken kw, AstExpr *test, const KaaToken *name, AstSeq *body);
AstStmt *ps_while(ParseState *ps, KaaToken kw, AstExpr *test, AstSeq *body, AstSeq *orelse);
AstStmt *ps_for(ParseState *ps, KaaToken kw, AstExpr *target, AstExpr *iter, AstSeq *body,
                AstSeq *orelse);
AstStmt *ps_try(ParseState *ps, KaaToken kw, AstSeq *body, AstSeq *handlers, AstSeq *orelse,
                AstSeq *finalbody);
AstWithItem *ps_withitem(ParseState *ps, AstExpr *e, AstExpr *target);
AstStmt *ps_with(ParseState *ps, KaaToken kw, AstSeq *items, AstSeq *body);
AstStmt *ps_funcdef(ParseState *ps, KaaToken kw, KaaToken name, AstArguments *args,
                    AstExpr *returns, AstSeq *body);
AstStmt *ps_classdef(ParseState *ps, KaaToken kw, KaaToken name, AstSeq *args, AstPos close,
                     AstSeq *body);
AstStmt *ps_decorated(ParseState *ps, AstSeq *decorators, AstStmt *def);
void ps_module(ParseState *ps, AstModKind kind, AstSeq *body, AstExpr *expr);

// --- Errors ------------------------------------------------------------------
// CPython's name for an expression in messages ("function call", "literal").
const char *ps_expr_name(const AstExpr *e);
// Parse the expression of an f-string field: text[0..n) starts on line lineno
// at byte column col, after chars characters of its line; open and close
// are where the parentheses CPython puts around it stand (the braces).
AstExpr *kaa_parse_fstring_field(ParseState *parent, const char *text, size_t n, int lineno,
                                 int col, int chars, AstPos open, AstPos close);
// A syntax error at a position (offset computed from the byte column).
void ps_error_at(ParseState *ps, AstPos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
// Called by lemon's %syntax_error and %stack_overflow; parser is lemon's
// yyParser, for kaa_parser_accepts.
void kaa_parse_syntax_error(ParseState *ps, int major, const KaaToken *tok, void *parser);
void kaa_parse_stack_overflow(ParseState *ps);
// Would the parser in its current state accept token type tok (after any
// reductions)? Defined in the grammar file, where lemon's tables are.
int kaa_parser_accepts(void *parser, int tok);

// lemon's generated entry points (%name kaa_parser).
void *kaa_parserAlloc(void *(*alloc)(size_t), ParseState *ps);
void kaa_parserFree(void *parser, void (*dealloc)(void *));
void kaa_parser(void *parser, int major, KaaToken minor);

#endif
