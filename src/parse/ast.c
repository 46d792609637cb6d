/* AST nodes in an arena, their constructors, and a dump in the format of
 * Python's ast.dump() (no attributes), which the tests compare with the text
 * CPython prints for the same source.
 *
 * Each expression node sits in an ExprBox that also records what the parser
 * needs and the AST does not hold: the extent including the parentheses
 * written around the expression (CPython positions a parent from its first
 * token, which may be a parenthesis) and whether there were any.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem/mem.h"
#include "parse/ast.h"

// --- Arena -------------------------------------------------------------

enum { CHUNK_SIZE = 16384, ALIGN = 16 };

typedef struct Chunk {
    struct Chunk *next;
    size_t pad; // keeps the data 16-byte aligned
} Chunk;

struct AstArena {
    Chunk *chunks;
    char *ptr, *end;
};

AstArena *kaa_arena_new(void)
{
    AstArena *a = kaa_mem_alloc(sizeof *a);
    if (a) {
        a->chunks = NULL;
        a->ptr = a->end = NULL;
    }
    return a;
}

void kaa_arena_free(AstArena *a)
{
    if (!a) {
        return;
    }
    for (Chunk *c = a->chunks, *next; c; c = next) {
        next = c->next;
        kaa_mem_free(c);
    }
    kaa_mem_free(a);
}

void *kaa_arena_alloc(AstArena *a, size_t n)
{
    n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    if (n == 0) {
        n = ALIGN;
    }
    if ((size_t)(a->end - a->ptr) < n) {
        size_t size = n > CHUNK_SIZE ? n : CHUNK_SIZE;
        Chunk *c = kaa_mem_alloc(sizeof(Chunk) + size);
        if (!c) {
            return NULL;
        }
        c->next = a->chunks;
        a->chunks = c;
        a->ptr = (char *)(c + 1);
        a->end = a->ptr + size;
    }
    void *p = a->ptr;
    a->ptr += n;
    memset(p, 0, n);
    return p;
}

char *kaa_arena_strndup(AstArena *a, const char *s, size_t n)
{
    char *p = kaa_arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}

AstSeq *kaa_ast_seq_new(AstArena *a)
{
    return kaa_arena_alloc(a, sizeof(AstSeq));
}

int kaa_ast_seq_push(AstArena *a, AstSeq **seq, void *item)
{
    AstSeq *s = *seq;
    if (!s) {
        if (!(s = *seq = kaa_ast_seq_new(a))) {
            return -1;
        }
    }
    if (s->n == s->cap) {
        // Grow by doubling; the old array stays in the arena until it is freed.
        int cap = s->cap ? s->cap * 2 : 4;
        void **items = kaa_arena_alloc(a, (size_t)cap * sizeof(void *));
        if (!items) {
            return -1;
        }
        if (s->n) {
            memcpy(items, s->items, (size_t)s->n * sizeof(void *));
        }
        s->items = items;
        s->cap = cap;
    }
    s->items[s->n++] = item;
    return 0;
}

// --- Nodes -------------------------------------------------------------

typedef struct ExprBox {
    AstPos outer;
    int parens;
    int u_kind;
    AstExpr e;
} ExprBox;

#define BOX(ep) ((ExprBox *)((char *)(ep)-offsetof(ExprBox, e)))

AstExpr *kaa_ast_expr_new(AstArena *a, AstExprKind kind, AstPos pos)
{
    ExprBox *b = kaa_arena_alloc(a, sizeof *b);
    if (!b) {
        return NULL;
    }
    b->outer = pos;
    b->e.kind = kind;
    b->e.pos = pos;
    return &b->e;
}

AstStmt *kaa_ast_stmt_new(AstArena *a, AstStmtKind kind, AstPos pos)
{
    AstStmt *s = kaa_arena_alloc(a, sizeof *s);
    if (s) {
        s->kind = kind;
        s->pos = pos;
    }
    return s;
}

AstPos kaa_ast_outer(const AstExpr *e)
{
    return BOX(e)->outer;
}

int kaa_ast_parens(const AstExpr *e)
{
    return BOX(e)->parens;
}

void kaa_ast_set_outer(AstExpr *e, AstPos outer, int parens)
{
    BOX(e)->outer = outer;
    BOX(e)->parens = parens;
}

void kaa_ast_set_u_kind(AstExpr *e)
{
    BOX(e)->u_kind = 1;
}

int kaa_ast_u_kind(const AstExpr *e)
{
    return BOX(e)->u_kind;
}

AstExpr *kaa_ast_name(AstArena *a, const char *id, AstContext ctx, AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, EXPR_NAME, pos);
    if (e) {
        e->v.name.id = id;
        e->v.name.ctx = ctx;
    }
    return e;
}

AstExpr *kaa_ast_constant(AstArena *a, AstConst c, AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, EXPR_CONSTANT, pos);
    if (e) {
        e->v.constant = c;
    }
    return e;
}

AstExpr *kaa_ast_boolop(AstArena *a, AstBoolOp op, AstSeq *values, AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, EXPR_BOOLOP, pos);
    if (e) {
        e->v.boolop.op = op;
        e->v.boolop.values = values;
    }
    return e;
}

AstExpr *kaa_ast_namedexpr(AstArena *a, AstExpr *target, AstExpr *value, AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, EXPR_NAMEDEXPR, pos);
    if (e) {
        e->v.namedexpr.target = target;
        e->v.namedexpr.value = value;
    }
    return e;
}

AstExpr *kaa_ast_binop(AstArena *a, AstExpr *left, AstOperator op, AstExpr *right, AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, EXPR_BINOP, pos);
    if (e) {
        e->v.binop.left = left;
        e->v.binop.op = op;
        e->v.binop.right = right;
    }
    return e;
}

AstExpr *kaa_ast_unaryop(AstArena *a, AstUnaryOp op, AstExpr *operand, AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, EXPR_UNARYOP, pos);
    if (e) {
        e->v.unaryop.op = op;
        e->v.unaryop.operand = operand;
    }
    return e;
}

AstExpr *kaa_ast_lambda(AstArena *a, AstArguments *args, AstExpr *body, AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, EXPR_LAMBDA, pos);
    if (e) {
        e->v.lambda.args = args;
        e->v.lambda.body = body;
    }
    return e;
}

AstExpr *kaa_ast_ifexp(AstArena *a, AstExpr *test, AstExpr *body, AstExpr *orelse, AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, EXPR_IFEXP, pos);
    if (e) {
        e->v.ifexp.test = test;
        e->v.ifexp.body = body;
        e->v.ifexp.orelse = orelse;
    }
    return e;
}

AstExpr *kaa_ast_dict(AstArena *a, AstSeq *keys, AstSeq *values, AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, EXPR_DICT, pos);
    if (e) {
        e->v.dict.keys = keys;
        e->v.dict.values = values;
    }
    return e;
}

AstExpr *kaa_ast_set(AstArena *a, AstSeq *elts, AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, EXPR_SET, pos);
    if (e) {
        e->v.set.elts = elts;
    }
    return e;
}

AstExpr *kaa_ast_comp(AstArena *a, AstExprKind kind, AstExpr *elt, AstExpr *value,
                      AstSeq *generators, AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, kind, pos);
    if (e) {
        if (kind == EXPR_DICTCOMP) {
            e->v.comp.key = elt;
            e->v.comp.value = value;
        } else {
            e->v.comp.elt = elt;
        }
        e->v.comp.generators = generators;
    }
    return e;
}

AstExpr *kaa_ast_yield(AstArena *a, AstExprKind kind, AstExpr *value, AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, kind, pos);
    if (e) {
        e->v.yield.value = value;
    }
    return e;
}

AstExpr *kaa_ast_compare(AstArena *a, AstExpr *left, AstSeq *ops, AstSeq *comparators, AstPos pos)
{
    int n = AST_SEQ_LEN(ops);
    AstExpr *e = kaa_ast_expr_new(a, EXPR_COMPARE, pos);
    AstCmpOp *opv = kaa_arena_alloc(a, (size_t)n * sizeof *opv);
    AstExpr **cv = kaa_arena_alloc(a, (size_t)n * sizeof *cv);
    if (!e || !opv || !cv) {
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        opv[i] = (AstCmpOp)(intptr_t)AST_SEQ_GET(ops, i);
        cv[i] = i < AST_SEQ_LEN(comparators) ? AST_SEQ_GET(comparators, i) : NULL;
    }
    e->v.compare.left = left;
    e->v.compare.n = n;
    e->v.compare.ops = opv;
    e->v.compare.comparators = cv;
    return e;
}

AstExpr *kaa_ast_call(AstArena *a, AstExpr *func, AstSeq *args, AstSeq *keywords, AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, EXPR_CALL, pos);
    if (e) {
        e->v.call.func = func;
        e->v.call.args = args;
        e->v.call.keywords = keywords;
    }
    return e;
}

AstExpr *kaa_ast_formatted(AstArena *a, AstExpr *value, int conversion, AstExpr *spec, AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, EXPR_FORMATTEDVALUE, pos);
    if (e) {
        e->v.formatted.value = value;
        e->v.formatted.conversion = conversion;
        e->v.formatted.format_spec = spec;
    }
    return e;
}

AstExpr *kaa_ast_joinedstr(AstArena *a, AstSeq *values, AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, EXPR_JOINEDSTR, pos);
    if (e) {
        e->v.joinedstr.values = values;
    }
    return e;
}

AstExpr *kaa_ast_attribute(AstArena *a, AstExpr *value, const char *attr, AstContext ctx,
                           AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, EXPR_ATTRIBUTE, pos);
    if (e) {
        e->v.attribute.value = value;
        e->v.attribute.attr = attr;
        e->v.attribute.ctx = ctx;
    }
    return e;
}

AstExpr *kaa_ast_subscript(AstArena *a, AstExpr *value, AstExpr *slice, AstContext ctx, AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, EXPR_SUBSCRIPT, pos);
    if (e) {
        e->v.subscript.value = value;
        e->v.subscript.slice = slice;
        e->v.subscript.ctx = ctx;
    }
    return e;
}

AstExpr *kaa_ast_starred(AstArena *a, AstExpr *value, AstContext ctx, AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, EXPR_STARRED, pos);
    if (e) {
        e->v.starred.value = value;
        e->v.starred.ctx = ctx;
    }
    return e;
}

AstExpr *kaa_ast_list(AstArena *a, AstExprKind kind, AstSeq *elts, AstContext ctx, AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, kind, pos);
    if (e) {
        e->v.seq.elts = elts;
        e->v.seq.ctx = ctx;
    }
    return e;
}

AstExpr *kaa_ast_slice(AstArena *a, AstExpr *lower, AstExpr *upper, AstExpr *step, AstPos pos)
{
    AstExpr *e = kaa_ast_expr_new(a, EXPR_SLICE, pos);
    if (e) {
        e->v.slice.lower = lower;
        e->v.slice.upper = upper;
        e->v.slice.step = step;
    }
    return e;
}

AstArg *kaa_ast_arg(AstArena *a, const char *name, AstExpr *annotation, AstPos pos)
{
    AstArg *g = kaa_arena_alloc(a, sizeof *g);
    if (g) {
        g->name = name;
        g->annotation = annotation;
        g->pos = pos;
    }
    return g;
}

AstKeyword *kaa_ast_keyword(AstArena *a, const char *arg, AstExpr *value, AstPos pos)
{
    AstKeyword *k = kaa_arena_alloc(a, sizeof *k);
    if (k) {
        k->arg = arg;
        k->value = value;
        k->pos = pos;
    }
    return k;
}

AstComprehension *kaa_ast_comprehension(AstArena *a, AstExpr *target, AstExpr *iter, AstSeq *ifs)
{
    AstComprehension *c = kaa_arena_alloc(a, sizeof *c);
    if (c) {
        c->target = target;
        c->iter = iter;
        c->ifs = ifs;
    }
    return c;
}

AstArguments *kaa_ast_arguments(AstArena *a)
{
    return kaa_arena_alloc(a, sizeof(AstArguments));
}

AstAlias *kaa_ast_alias(AstArena *a, const char *name, const char *asname, AstPos pos)
{
    AstAlias *al = kaa_arena_alloc(a, sizeof *al);
    if (al) {
        al->name = name;
        al->asname = asname;
        al->pos = pos;
    }
    return al;
}

AstWithItem *kaa_ast_withitem(AstArena *a, AstExpr *context_expr, AstExpr *optional_vars)
{
    AstWithItem *w = kaa_arena_alloc(a, sizeof *w);
    if (w) {
        w->context_expr = context_expr;
        w->optional_vars = optional_vars;
    }
    return w;
}

AstExceptHandler *kaa_ast_excepthandler(AstArena *a, AstExpr *type, const char *name, AstSeq *body,
                                        AstPos pos)
{
    AstExceptHandler *h = kaa_arena_alloc(a, sizeof *h);
    if (h) {
        h->type = type;
        h->name = name;
        h->body = body;
        h->pos = pos;
    }
    return h;
}

AstMod *kaa_ast_mod(AstArena *a, AstModKind kind, AstSeq *body, AstExpr *expr)
{
    AstMod *m = kaa_arena_alloc(a, sizeof *m);
    if (m) {
        m->kind = kind;
        m->body = body;
        m->expr = expr;
    }
    return m;
}

AstStmt *kaa_ast_stmt_expr(AstArena *a, AstStmtKind kind, AstExpr *value, AstPos pos)
{
    AstStmt *s = kaa_ast_stmt_new(a, kind, pos);
    if (s) {
        if (kind == STMT_RETURN) {
            s->v.ret.value = value;
        } else {
            s->v.expr.value = value;
        }
    }
    return s;
}

AstStmt *kaa_ast_assign(AstArena *a, AstSeq *targets, AstExpr *value, AstPos pos)
{
    AstStmt *s = kaa_ast_stmt_new(a, STMT_ASSIGN, pos);
    if (s) {
        s->v.assign.targets = targets;
        s->v.assign.value = value;
    }
    return s;
}

AstStmt *kaa_ast_augassign(AstArena *a, AstExpr *target, AstOperator op, AstExpr *value, AstPos pos)
{
    AstStmt *s = kaa_ast_stmt_new(a, STMT_AUGASSIGN, pos);
    if (s) {
        s->v.augassign.target = target;
        s->v.augassign.op = op;
        s->v.augassign.value = value;
    }
    return s;
}

AstStmt *kaa_ast_annassign(AstArena *a, AstExpr *target, AstExpr *annotation, AstExpr *value,
                           int simple, AstPos pos)
{
    AstStmt *s = kaa_ast_stmt_new(a, STMT_ANNASSIGN, pos);
    if (s) {
        s->v.annassign.target = target;
        s->v.annassign.annotation = annotation;
        s->v.annassign.value = value;
        s->v.annassign.simple = simple;
    }
    return s;
}

AstStmt *kaa_ast_delete(AstArena *a, AstSeq *targets, AstPos pos)
{
    AstStmt *s = kaa_ast_stmt_new(a, STMT_DELETE, pos);
    if (s) {
        s->v.del.targets = targets;
    }
    return s;
}

AstStmt *kaa_ast_funcdef(AstArena *a, const char *name, AstArguments *args, AstSeq *body,
                         AstExpr *returns, AstPos pos)
{
    AstStmt *s = kaa_ast_stmt_new(a, STMT_FUNCTIONDEF, pos);
    if (s) {
        s->v.funcdef.name = name;
        s->v.funcdef.args = args;
        s->v.funcdef.body = body;
        s->v.funcdef.returns = returns;
    }
    return s;
}

AstStmt *kaa_ast_classdef(AstArena *a, const char *name, AstSeq *bases, AstSeq *keywords,
                          AstSeq *body, AstPos pos)
{
    AstStmt *s = kaa_ast_stmt_new(a, STMT_CLASSDEF, pos);
    if (s) {
        s->v.classdef.name = name;
        s->v.classdef.bases = bases;
        s->v.classdef.keywords = keywords;
        s->v.classdef.body = body;
    }
    return s;
}

AstStmt *kaa_ast_cond(AstArena *a, AstStmtKind kind, AstExpr *test, AstSeq *body, AstSeq *orelse,
                      AstPos pos)
{
    AstStmt *s = kaa_ast_stmt_new(a, kind, pos);
    if (s) {
        // While and If have the same layout.
        s->v.ifstmt.test = test;
        s->v.ifstmt.body = body;
        s->v.ifstmt.orelse = orelse;
    }
    return s;
}

AstStmt *kaa_ast_for(AstArena *a, AstExpr *target, AstExpr *iter, AstSeq *body, AstSeq *orelse,
                     AstPos pos)
{
    AstStmt *s = kaa_ast_stmt_new(a, STMT_FOR, pos);
    if (s) {
        s->v.forstmt.target = target;
        s->v.forstmt.iter = iter;
        s->v.forstmt.body = body;
        s->v.forstmt.orelse = orelse;
    }
    return s;
}

AstStmt *kaa_ast_with(AstArena *a, AstSeq *items, AstSeq *body, AstPos pos)
{
    AstStmt *s = kaa_ast_stmt_new(a, STMT_WITH, pos);
    if (s) {
        s->v.with.items = items;
        s->v.with.body = body;
    }
    return s;
}

AstStmt *kaa_ast_raise(AstArena *a, AstExpr *exc, AstExpr *cause, AstPos pos)
{
    AstStmt *s = kaa_ast_stmt_new(a, STMT_RAISE, pos);
    if (s) {
        s->v.raise.exc = exc;
        s->v.raise.cause = cause;
    }
    return s;
}

AstStmt *kaa_ast_try(AstArena *a, AstSeq *body, AstSeq *handlers, AstSeq *orelse, AstSeq *finalbody,
                     AstPos pos)
{
    AstStmt *s = kaa_ast_stmt_new(a, STMT_TRY, pos);
    if (s) {
        s->v.trystmt.body = body;
        s->v.trystmt.handlers = handlers;
        s->v.trystmt.orelse = orelse;
        s->v.trystmt.finalbody = finalbody;
    }
    return s;
}

AstStmt *kaa_ast_assert(AstArena *a, AstExpr *test, AstExpr *msg, AstPos pos)
{
    AstStmt *s = kaa_ast_stmt_new(a, STMT_ASSERT, pos);
    if (s) {
        s->v.assertstmt.test = test;
        s->v.assertstmt.msg = msg;
    }
    return s;
}

AstStmt *kaa_ast_import(AstArena *a, AstSeq *names, AstPos pos)
{
    AstStmt *s = kaa_ast_stmt_new(a, STMT_IMPORT, pos);
    if (s) {
        s->v.import.names = names;
    }
    return s;
}

AstStmt *kaa_ast_importfrom(AstArena *a, const char *module, AstSeq *names, int level, AstPos pos)
{
    AstStmt *s = kaa_ast_stmt_new(a, STMT_IMPORTFROM, pos);
    if (s) {
        s->v.importfrom.module = module;
        s->v.importfrom.names = names;
        s->v.importfrom.level = level;
    }
    return s;
}

AstStmt *kaa_ast_global(AstArena *a, AstStmtKind kind, AstSeq *names, AstPos pos)
{
    AstStmt *s = kaa_ast_stmt_new(a, kind, pos);
    if (s) {
        s->v.global.names = names;
    }
    return s;
}

AstStmt *kaa_ast_simple(AstArena *a, AstStmtKind kind, AstPos pos)
{
    return kaa_ast_stmt_new(a, kind, pos);
}

// --- Dump --------------------------------------------------------------

typedef struct Buf {
    char *s;
    size_t n, cap;
    int oom;
} Buf;

static void put(Buf *b, const char *s, size_t n)
{
    if (b->oom) {
        return;
    }
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1) {
            cap *= 2;
        }
        char *p = kaa_mem_realloc(b->s, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

static void puts_(Buf *b, const char *s)
{
    put(b, s, strlen(s));
}

static void putf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(Buf *b, const char *fmt, ...)
{
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    put(b, tmp, n < (int)sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

// repr() of a str (UTF-8) or bytes value, as Python writes it.
static void repr_text(Buf *b, const char *s, size_t n, int bytes)
{
    int sq = memchr(s, '\'', n) != NULL, dq = memchr(s, '"', n) != NULL;
    char q = sq && !dq ? '"' : '\'';
    if (bytes) {
        puts_(b, "b");
    }
    put(b, &q, 1);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' || c == (unsigned char)q) {
            putf(b, "\\%c", c);
        } else if (c == '\t') {
            puts_(b, "\\t");
        } else if (c == '\n') {
            puts_(b, "\\n");
        } else if (c == '\r') {
            puts_(b, "\\r");
        } else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80)) {
            putf(b, "\\x%02x", c);
        } else if (c < 0x80) {
            put(b, (const char *)&s[i], 1);
        } else {
            // A UTF-8 sequence: printable characters stay as they are.
            int len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
            unsigned cp = len == 2 ? c & 0x1f : len == 3 ? c & 0x0f : c & 0x07;
            for (int k = 1; k < len && i + (size_t)k < n; k++) {
                cp = (cp << 6) | ((unsigned char)s[i + k] & 0x3f);
            }
            int printable =
                !((cp >= 0x80 && cp <= 0xa0) || cp == 0xad || (cp >= 0x2000 && cp <= 0x200f) ||
                  (cp >= 0x2028 && cp <= 0x202f) || (cp >= 0x205f && cp <= 0x206f) ||
                  cp == 0x3000 || cp == 0xfeff || (cp >= 0xd800 && cp <= 0xf8ff) ||
                  (cp >= 0xfff9 && cp <= 0xfffb) || cp == 0xfffe || cp == 0xffff);
            if (printable) {
                put(b, &s[i], (size_t)len);
            } else if (cp < 0x100) {
                putf(b, "\\x%02x", cp);
            } else if (cp < 0x10000) {
                putf(b, "\\u%04x", cp);
            } else {
                putf(b, "\\U%08x", cp);
            }
            i += (size_t)len;
            continue;
        }
        i++;
    }
    put(b, &q, 1);
}

// repr() of a float: the shortest digits that read back the same, in fixed
// notation for exponents -4..15 and scientific otherwise. imag drops ".0".
static void repr_float(Buf *b, double x, int imag)
{
    if (isinf(x)) {
        puts_(b, "inf");
    } else if (isnan(x)) {
        puts_(b, "nan");
    } else {
        char tmp[40], digits[24];
        int prec = 0;
        for (; prec < 17; prec++) {
            snprintf(tmp, sizeof tmp, "%.*e", prec, x);
            if (strtod(tmp, NULL) == x) {
                break;
            }
        }
        snprintf(tmp, sizeof tmp, "%.*e", prec, x);
        // tmp is "d.ddde[+-]XX"
        const char *p = tmp;
        int nd = 0;
        if (*p == '-') {
            puts_(b, "-");
            p++;
        }
        for (; *p != 'e'; p++) {
            if (*p != '.') {
                digits[nd++] = *p;
            }
        }
        int decpt = atoi(p + 1) + 1;
        while (nd > 1 && digits[nd - 1] == '0') {
            nd--;
        }
        digits[nd] = 0;
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                puts_(b, "0.");
                for (int i = 0; i < -decpt; i++) {
                    puts_(b, "0");
                }
                puts_(b, digits);
            } else if (decpt >= nd) {
                puts_(b, digits);
                for (int i = nd; i < decpt; i++) {
                    puts_(b, "0");
                }
                if (!imag) {
                    puts_(b, ".0");
                }
            } else {
                put(b, digits, (size_t)decpt);
                puts_(b, ".");
                puts_(b, digits + decpt);
            }
        } else {
            put(b, digits, 1);
            if (nd > 1) {
                puts_(b, ".");
                puts_(b, digits + 1);
            }
            putf(b, "e%c%02d", decpt - 1 < 0 ? '-' : '+', abs(decpt - 1));
        }
    }
    if (imag) {
        puts_(b, "j");
    }
}

// An int literal ("0x1F", "0o17", "0b1", "123") in decimal, of any size:
// the value is kept as base-10^9 limbs, least significant first.
static void repr_int(Buf *b, const char *text)
{
    int base = 10;
    const char *p = text;
    if (p[0] == '0' && p[1] && strchr("xXoObB", p[1])) {
        base = (p[1] | 0x20) == 'x' ? 16 : (p[1] | 0x20) == 'o' ? 8 : 2;
        p += 2;
    }
    size_t len = strlen(p), nlimbs = 1;
    uint32_t *limbs = kaa_mem_calloc(len + 1, sizeof *limbs);
    if (!limbs) {
        b->oom = 1;
        return;
    }
    for (; *p; p++) {
        int d = *p <= '9' ? *p - '0' : (*p | 0x20) - 'a' + 10;
        uint64_t carry = (uint64_t)d;
        for (size_t i = 0; i < nlimbs; i++) {
            uint64_t v = (uint64_t)limbs[i] * (uint64_t)base + carry;
            limbs[i] = (uint32_t)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        if (carry) {
            limbs[nlimbs++] = (uint32_t)carry;
        }
    }
    putf(b, "%u", limbs[nlimbs - 1]);
    for (size_t i = nlimbs - 1; i-- > 0;) {
        putf(b, "%09u", limbs[i]);
    }
    kaa_mem_free(limbs);
}

static void dump_expr(Buf *b, const AstExpr *e);
static void dump_stmts(Buf *b, const AstSeq *s);

static const char *const binop_names[] = {"Add",    "Sub",    "Mult",    "MatMult", "Div",
                                          "Mod",    "Pow",    "LShift",  "RShift",  "BitOr",
                                          "BitXor", "BitAnd", "FloorDiv"};
static const char *const unary_names[] = {"Invert", "Not", "UAdd", "USub"};
static const char *const cmp_names[] = {"Eq",  "NotEq", "Lt",    "LtE", "Gt",
                                        "GtE", "Is",    "IsNot", "In",  "NotIn"};
static const char *const ctx_names[] = {"Load()", "Store()", "Del()"};

static void dump_exprs(Buf *b, const AstSeq *s)
{
    puts_(b, "[");
    for (int i = 0; i < AST_SEQ_LEN(s); i++) {
        if (i) {
            puts_(b, ", ");
        }
        const AstExpr *e = AST_SEQ_GET(s, i);
        if (e) {
            dump_expr(b, e);
        } else {
            puts_(b, "None");
        }
    }
    puts_(b, "]");
}

// ", name=" then the expression; nothing when e is NULL (an absent optional).
static void opt_expr(Buf *b, const char *name, const AstExpr *e)
{
    if (e) {
        putf(b, ", %s=", name);
        dump_expr(b, e);
    }
}

static void dump_str_field(Buf *b, const char *sep, const char *name, const char *s)
{
    if (s) {
        putf(b, "%s%s=", sep, name);
        repr_text(b, s, strlen(s), 0);
    }
}

static void dump_arg(Buf *b, const AstArg *a)
{
    dump_str_field(b, "arg(", "arg", a->name);
    opt_expr(b, "annotation", a->annotation);
    puts_(b, ")");
}

static void dump_args_list(Buf *b, const AstSeq *s)
{
    puts_(b, "[");
    for (int i = 0; i < AST_SEQ_LEN(s); i++) {
        puts_(b, i ? ", " : "");
        dump_arg(b, AST_SEQ_GET(s, i));
    }
    puts_(b, "]");
}

static void dump_arguments(Buf *b, const AstArguments *a)
{
    puts_(b, "arguments(posonlyargs=");
    dump_args_list(b, a->posonlyargs);
    puts_(b, ", args=");
    dump_args_list(b, a->args);
    if (a->vararg) {
        puts_(b, ", vararg=");
        dump_arg(b, a->vararg);
    }
    puts_(b, ", kwonlyargs=");
    dump_args_list(b, a->kwonlyargs);
    puts_(b, ", kw_defaults=");
    dump_exprs(b, a->kw_defaults);
    if (a->kwarg) {
        puts_(b, ", kwarg=");
        dump_arg(b, a->kwarg);
    }
    puts_(b, ", defaults=");
    dump_exprs(b, a->defaults);
    puts_(b, ")");
}

static void dump_keywords(Buf *b, const AstSeq *s)
{
    puts_(b, "[");
    for (int i = 0; i < AST_SEQ_LEN(s); i++) {
        const AstKeyword *k = AST_SEQ_GET(s, i);
        puts_(b, i ? ", keyword(" : "keyword(");
        dump_str_field(b, "", "arg", k->arg);
        puts_(b, k->arg ? ", value=" : "value=");
        dump_expr(b, k->value);
        puts_(b, ")");
    }
    puts_(b, "]");
}

static void dump_generators(Buf *b, const AstSeq *s)
{
    puts_(b, "[");
    for (int i = 0; i < AST_SEQ_LEN(s); i++) {
        const AstComprehension *c = AST_SEQ_GET(s, i);
        puts_(b, i ? ", comprehension(target=" : "comprehension(target=");
        dump_expr(b, c->target);
        puts_(b, ", iter=");
        dump_expr(b, c->iter);
        puts_(b, ", ifs=");
        dump_exprs(b, c->ifs);
        puts_(b, ", is_async=0)");
    }
    puts_(b, "]");
}

static void dump_constant(Buf *b, const AstExpr *e)
{
    const AstConst *c = &e->v.constant;
    puts_(b, "Constant(value=");
    switch (c->kind) {
    case AST_CONST_NONE:
        puts_(b, "None");
        break;
    case AST_CONST_TRUE:
        puts_(b, "True");
        break;
    case AST_CONST_FALSE:
        puts_(b, "False");
        break;
    case AST_CONST_ELLIPSIS:
        puts_(b, "Ellipsis");
        break;
    case AST_CONST_INT:
        repr_int(b, c->text);
        break;
    case AST_CONST_FLOAT:
        repr_float(b, c->f, 0);
        break;
    case AST_CONST_IMAG:
        repr_float(b, c->f, 1);
        break;
    case AST_CONST_STR:
        repr_text(b, c->text, c->len, 0);
        break;
    case AST_CONST_BYTES:
        repr_text(b, c->text, c->len, 1);
        break;
    }
    if (c->kind == AST_CONST_STR && kaa_ast_u_kind(e)) {
        puts_(b, ", kind='u'");
    }
    puts_(b, ")");
}

static void dump_expr(Buf *b, const AstExpr *e)
{
    switch (e->kind) {
    case EXPR_BOOLOP:
        putf(b, "BoolOp(op=%s(), values=", e->v.boolop.op == AST_AND ? "And" : "Or");
        dump_exprs(b, e->v.boolop.values);
        break;
    case EXPR_NAMEDEXPR:
        puts_(b, "NamedExpr(target=");
        dump_expr(b, e->v.namedexpr.target);
        puts_(b, ", value=");
        dump_expr(b, e->v.namedexpr.value);
        break;
    case EXPR_BINOP:
        puts_(b, "BinOp(left=");
        dump_expr(b, e->v.binop.left);
        putf(b, ", op=%s(), right=", binop_names[e->v.binop.op]);
        dump_expr(b, e->v.binop.right);
        break;
    case EXPR_UNARYOP:
        putf(b, "UnaryOp(op=%s(), operand=", unary_names[e->v.unaryop.op]);
        dump_expr(b, e->v.unaryop.operand);
        break;
    case EXPR_LAMBDA:
        puts_(b, "Lambda(args=");
        dump_arguments(b, e->v.lambda.args);
        puts_(b, ", body=");
        dump_expr(b, e->v.lambda.body);
        break;
    case EXPR_IFEXP:
        puts_(b, "IfExp(test=");
        dump_expr(b, e->v.ifexp.test);
        puts_(b, ", body=");
        dump_expr(b, e->v.ifexp.body);
        puts_(b, ", orelse=");
        dump_expr(b, e->v.ifexp.orelse);
        break;
    case EXPR_DICT:
        puts_(b, "Dict(keys=");
        dump_exprs(b, e->v.dict.keys);
        puts_(b, ", values=");
        dump_exprs(b, e->v.dict.values);
        break;
    case EXPR_SET:
        puts_(b, "Set(elts=");
        dump_exprs(b, e->v.set.elts);
        break;
    case EXPR_LISTCOMP:
    case EXPR_SETCOMP:
    case EXPR_GENEXP:
        puts_(b, e->kind == EXPR_LISTCOMP  ? "ListComp(elt="
                 : e->kind == EXPR_SETCOMP ? "SetComp(elt="
                                           : "GeneratorExp(elt=");
        dump_expr(b, e->v.comp.elt);
        puts_(b, ", generators=");
        dump_generators(b, e->v.comp.generators);
        break;
    case EXPR_DICTCOMP:
        puts_(b, "DictComp(key=");
        dump_expr(b, e->v.comp.key);
        puts_(b, ", value=");
        dump_expr(b, e->v.comp.value);
        puts_(b, ", generators=");
        dump_generators(b, e->v.comp.generators);
        break;
    case EXPR_YIELD:
    case EXPR_YIELDFROM:
        puts_(b, e->kind == EXPR_YIELD ? "Yield(" : "YieldFrom(");
        if (e->v.yield.value) {
            puts_(b, "value=");
            dump_expr(b, e->v.yield.value);
        }
        break;
    case EXPR_COMPARE:
        puts_(b, "Compare(left=");
        dump_expr(b, e->v.compare.left);
        puts_(b, ", ops=[");
        for (int i = 0; i < e->v.compare.n; i++) {
            putf(b, "%s%s()", i ? ", " : "", cmp_names[e->v.compare.ops[i]]);
        }
        puts_(b, "], comparators=[");
        for (int i = 0; i < e->v.compare.n; i++) {
            puts_(b, i ? ", " : "");
            dump_expr(b, e->v.compare.comparators[i]);
        }
        puts_(b, "]");
        break;
    case EXPR_CALL:
        puts_(b, "Call(func=");
        dump_expr(b, e->v.call.func);
        puts_(b, ", args=");
        dump_exprs(b, e->v.call.args);
        puts_(b, ", keywords=");
        dump_keywords(b, e->v.call.keywords);
        break;
    case EXPR_FORMATTEDVALUE:
        puts_(b, "FormattedValue(value=");
        dump_expr(b, e->v.formatted.value);
        putf(b, ", conversion=%d", e->v.formatted.conversion);
        opt_expr(b, "format_spec", e->v.formatted.format_spec);
        break;
    case EXPR_JOINEDSTR:
        puts_(b, "JoinedStr(values=");
        dump_exprs(b, e->v.joinedstr.values);
        break;
    case EXPR_CONSTANT:
        dump_constant(b, e);
        return;
    case EXPR_ATTRIBUTE:
        puts_(b, "Attribute(value=");
        dump_expr(b, e->v.attribute.value);
        dump_str_field(b, ", ", "attr", e->v.attribute.attr);
        putf(b, ", ctx=%s", ctx_names[e->v.attribute.ctx]);
        break;
    case EXPR_SUBSCRIPT:
        puts_(b, "Subscript(value=");
        dump_expr(b, e->v.subscript.value);
        puts_(b, ", slice=");
        dump_expr(b, e->v.subscript.slice);
        putf(b, ", ctx=%s", ctx_names[e->v.subscript.ctx]);
        break;
    case EXPR_STARRED:
        puts_(b, "Starred(value=");
        dump_expr(b, e->v.starred.value);
        putf(b, ", ctx=%s", ctx_names[e->v.starred.ctx]);
        break;
    case EXPR_NAME:
        dump_str_field(b, "Name(", "id", e->v.name.id);
        putf(b, ", ctx=%s", ctx_names[e->v.name.ctx]);
        break;
    case EXPR_LIST:
    case EXPR_TUPLE:
        puts_(b, e->kind == EXPR_LIST ? "List(elts=" : "Tuple(elts=");
        dump_exprs(b, e->v.seq.elts);
        putf(b, ", ctx=%s", ctx_names[e->v.seq.ctx]);
        break;
    case EXPR_SLICE: {
        const char *sep = "";
        puts_(b, "Slice(");
        if (e->v.slice.lower) {
            puts_(b, "lower=");
            dump_expr(b, e->v.slice.lower);
            sep = ", ";
        }
        if (e->v.slice.upper) {
            putf(b, "%supper=", sep);
            dump_expr(b, e->v.slice.upper);
            sep = ", ";
        }
        if (e->v.slice.step) {
            putf(b, "%sstep=", sep);
            dump_expr(b, e->v.slice.step);
        }
        break;
    }
    }
    puts_(b, ")");
}

static void dump_aliases(Buf *b, const AstSeq *s)
{
    puts_(b, "[");
    for (int i = 0; i < AST_SEQ_LEN(s); i++) {
        const AstAlias *a = AST_SEQ_GET(s, i);
        puts_(b, i ? ", " : "");
        dump_str_field(b, "alias(", "name", a->name);
        dump_str_field(b, ", ", "asname", a->asname);
        puts_(b, ")");
    }
    puts_(b, "]");
}

static void dump_stmt(Buf *b, const AstStmt *s)
{
    switch (s->kind) {
    case STMT_FUNCTIONDEF:
        dump_str_field(b, "FunctionDef(", "name", s->v.funcdef.name);
        puts_(b, ", args=");
        dump_arguments(b, s->v.funcdef.args);
        puts_(b, ", body=");
        dump_stmts(b, s->v.funcdef.body);
        puts_(b, ", decorator_list=");
        dump_exprs(b, s->v.funcdef.decorator_list);
        opt_expr(b, "returns", s->v.funcdef.returns);
        break;
    case STMT_CLASSDEF:
        dump_str_field(b, "ClassDef(", "name", s->v.classdef.name);
        puts_(b, ", bases=");
        dump_exprs(b, s->v.classdef.bases);
        puts_(b, ", keywords=");
        dump_keywords(b, s->v.classdef.keywords);
        puts_(b, ", body=");
        dump_stmts(b, s->v.classdef.body);
        puts_(b, ", decorator_list=");
        dump_exprs(b, s->v.classdef.decorator_list);
        break;
    case STMT_RETURN:
        puts_(b, "Return(");
        if (s->v.ret.value) {
            puts_(b, "value=");
            dump_expr(b, s->v.ret.value);
        }
        break;
    case STMT_DELETE:
        puts_(b, "Delete(targets=");
        dump_exprs(b, s->v.del.targets);
        break;
    case STMT_ASSIGN:
        puts_(b, "Assign(targets=");
        dump_exprs(b, s->v.assign.targets);
        puts_(b, ", value=");
        dump_expr(b, s->v.assign.value);
        break;
    case STMT_AUGASSIGN:
        puts_(b, "AugAssign(target=");
        dump_expr(b, s->v.augassign.target);
        putf(b, ", op=%s(), value=", binop_names[s->v.augassign.op]);
        dump_expr(b, s->v.augassign.value);
        break;
    case STMT_ANNASSIGN:
        puts_(b, "AnnAssign(target=");
        dump_expr(b, s->v.annassign.target);
        puts_(b, ", annotation=");
        dump_expr(b, s->v.annassign.annotation);
        opt_expr(b, "value", s->v.annassign.value);
        putf(b, ", simple=%d", s->v.annassign.simple);
        break;
    case STMT_FOR:
        puts_(b, "For(target=");
        dump_expr(b, s->v.forstmt.target);
        puts_(b, ", iter=");
        dump_expr(b, s->v.forstmt.iter);
        puts_(b, ", body=");
        dump_stmts(b, s->v.forstmt.body);
        puts_(b, ", orelse=");
        dump_stmts(b, s->v.forstmt.orelse);
        break;
    case STMT_WHILE:
    case STMT_IF:
        puts_(b, s->kind == STMT_WHILE ? "While(test=" : "If(test=");
        dump_expr(b, s->v.ifstmt.test);
        puts_(b, ", body=");
        dump_stmts(b, s->v.ifstmt.body);
        puts_(b, ", orelse=");
        dump_stmts(b, s->v.ifstmt.orelse);
        break;
    case STMT_WITH:
        puts_(b, "With(items=[");
        for (int i = 0; i < AST_SEQ_LEN(s->v.with.items); i++) {
            const AstWithItem *w = AST_SEQ_GET(s->v.with.items, i);
            puts_(b, i ? ", withitem(context_expr=" : "withitem(context_expr=");
            dump_expr(b, w->context_expr);
            opt_expr(b, "optional_vars", w->optional_vars);
            puts_(b, ")");
        }
        puts_(b, "], body=");
        dump_stmts(b, s->v.with.body);
        break;
    case STMT_RAISE:
        puts_(b, "Raise(");
        if (s->v.raise.exc) {
            puts_(b, "exc=");
            dump_expr(b, s->v.raise.exc);
            opt_expr(b, "cause", s->v.raise.cause);
        }
        break;
    case STMT_TRY:
        puts_(b, "Try(body=");
        dump_stmts(b, s->v.trystmt.body);
        puts_(b, ", handlers=[");
        for (int i = 0; i < AST_SEQ_LEN(s->v.trystmt.handlers); i++) {
            const AstExceptHandler *h = AST_SEQ_GET(s->v.trystmt.handlers, i);
            puts_(b, i ? ", ExceptHandler(" : "ExceptHandler(");
            if (h->type) {
                puts_(b, "type=");
                dump_expr(b, h->type);
                puts_(b, ", ");
            }
            dump_str_field(b, "", "name", h->name);
            puts_(b, h->name ? ", body=" : "body=");
            dump_stmts(b, h->body);
            puts_(b, ")");
        }
        puts_(b, "], orelse=");
        dump_stmts(b, s->v.trystmt.orelse);
        puts_(b, ", finalbody=");
        dump_stmts(b, s->v.trystmt.finalbody);
        break;
    case STMT_ASSERT:
        puts_(b, "Assert(test=");
        dump_expr(b, s->v.assertstmt.test);
        opt_expr(b, "msg", s->v.assertstmt.msg);
        break;
    case STMT_IMPORT:
        puts_(b, "Import(names=");
        dump_aliases(b, s->v.import.names);
        break;
    case STMT_IMPORTFROM:
        puts_(b, "ImportFrom(");
        dump_str_field(b, "", "module", s->v.importfrom.module);
        puts_(b, s->v.importfrom.module ? ", names=" : "names=");
        dump_aliases(b, s->v.importfrom.names);
        putf(b, ", level=%d", s->v.importfrom.level);
        break;
    case STMT_GLOBAL:
    case STMT_NONLOCAL:
        puts_(b, s->kind == STMT_GLOBAL ? "Global(names=[" : "Nonlocal(names=[");
        for (int i = 0; i < AST_SEQ_LEN(s->v.global.names); i++) {
            puts_(b, i ? ", " : "");
            const char *name = AST_SEQ_GET(s->v.global.names, i);
            repr_text(b, name, strlen(name), 0);
        }
        puts_(b, "]");
        break;
    case STMT_EXPR:
        puts_(b, "Expr(value=");
        dump_expr(b, s->v.expr.value);
        break;
    case STMT_PASS:
        puts_(b, "Pass(");
        break;
    case STMT_BREAK:
        puts_(b, "Break(");
        break;
    case STMT_CONTINUE:
        puts_(b, "Continue(");
        break;
    }
    puts_(b, ")");
}

static void dump_stmts(Buf *b, const AstSeq *s)
{
    puts_(b, "[");
    for (int i = 0; i < AST_SEQ_LEN(s); i++) {
        puts_(b, i ? ", " : "");
        dump_stmt(b, AST_SEQ_GET(s, i));
    }
    puts_(b, "]");
}

static char *finish(Buf *b)
{
    if (b->oom) {
        kaa_mem_free(b->s);
        return NULL;
    }
    return b->s;
}

char *kaa_ast_dump_mod(const AstMod *m)
{
    Buf b = {0};
    switch (m->kind) {
    case AST_MOD_MODULE:
        puts_(&b, "Module(body=");
        dump_stmts(&b, m->body);
        puts_(&b, ", type_ignores=[])");
        break;
    case AST_MOD_INTERACTIVE:
        puts_(&b, "Interactive(body=");
        dump_stmts(&b, m->body);
        puts_(&b, ")");
        break;
    case AST_MOD_EXPRESSION:
        puts_(&b, "Expression(body=");
        dump_expr(&b, m->expr);
        puts_(&b, ")");
        break;
    }
    return finish(&b);
}

char *kaa_ast_dump_expr(const AstExpr *e)
{
    Buf b = {0};
    dump_expr(&b, e);
    return finish(&b);
}
