/* The builders the grammar actions call (declared in pstate.h): each makes
 * one AST node with CPython's positions, and checks what the grammar lets
 * through but Python does not (assignment targets, argument order, mixed
 * dict/set displays), with CPython's messages. Strings and f-strings are in
 * strings.c.
 */
#define _GNU_SOURCE // strtod_l
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/pstate.h"
#include "parser.h"

// --- Helpers ------------------------------------------------------------------

void ps_nomem(ParseState *ps)
{
    if (!ps->failed) {
        memset(ps->err, 0, sizeof *ps->err);
        ps->err->kind = "MemoryError";
        ps->err->nomem = 1;
        ps->failed = 1;
    }
}

// Every expression builder ends here: note the node for error messages.
static AstExpr *made(ParseState *ps, AstExpr *e)
{
    if (!e) {
        ps_nomem(ps);
        return NULL;
    }
    ps->last_expr = e;
    return e;
}

static AstStmt *made_stmt(ParseState *ps, AstStmt *s)
{
    if (!s) {
        ps_nomem(ps);
    }
    return s;
}

double kaa_parse_double(const char *text)
{
    static locale_t c_locale;
    if (!c_locale) {
        c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    }
    return c_locale ? strtod_l(text, NULL, c_locale) : strtod(text, NULL);
}

AstPos ps_outer(const AstExpr *e)
{
    AstPos none = {0, 0, 0, 0};
    return e ? kaa_ast_outer(e) : none;
}

static AstPos seq_stmt_end(AstPos start, AstSeq *body)
{
    int n = AST_SEQ_LEN(body);
    if (n > 0 && AST_SEQ_GET(body, n - 1)) {
        return ps_span(start, ((AstStmt *)AST_SEQ_GET(body, n - 1))->pos);
    }
    return start;
}

AstPos ps_body_end(AstPos start, AstSeq *body)
{
    return seq_stmt_end(start, body);
}

AstSeq *ps_push(ParseState *ps, AstSeq *seq, void *item)
{
    if (kaa_ast_seq_push(ps->arena, &seq, item) < 0) {
        ps_nomem(ps);
    }
    return seq;
}

AstSeq *ps_extend(ParseState *ps, AstSeq *a, AstSeq *b)
{
    for (int i = 0; i < AST_SEQ_LEN(b); i++) {
        a = ps_push(ps, a, AST_SEQ_GET(b, i));
    }
    return a;
}

AstSeq *ps_push_token(ParseState *ps, AstSeq *seq, KaaToken t)
{
    KaaToken *copy = kaa_arena_alloc(ps->arena, sizeof *copy);
    if (!copy) {
        ps_nomem(ps);
        return seq;
    }
    *copy = t;
    return ps_push(ps, seq, copy);
}

const char *ps_id(ParseState *ps, KaaToken t)
{
    char *s = kaa_arena_strndup(ps->arena, t.z, (size_t)t.n);
    if (!s) {
        ps_nomem(ps);
    }
    return s;
}

static AstExpr *last_item(AstSeq *s)
{
    return AST_SEQ_LEN(s) ? AST_SEQ_GET(s, AST_SEQ_LEN(s) - 1) : NULL;
}

// --- Targets --------------------------------------------------------------------

// The first part of e that cannot be assigned to (or deleted), or NULL.
static AstExpr *invalid_target(AstExpr *e, int del)
{
    if (!e) {
        return NULL;
    }
    switch (e->kind) {
    case EXPR_NAME:
    case EXPR_ATTRIBUTE:
    case EXPR_SUBSCRIPT:
        return NULL;
    case EXPR_STARRED:
        return del ? e : invalid_target(e->v.starred.value, del);
    case EXPR_LIST:
    case EXPR_TUPLE:
        for (int i = 0; i < AST_SEQ_LEN(e->v.seq.elts); i++) {
            AstExpr *bad = invalid_target(AST_SEQ_GET(e->v.seq.elts, i), del);
            if (bad) {
                return bad;
            }
        }
        return NULL;
    default:
        return e;
    }
}

static void set_context(AstExpr *e, AstContext ctx)
{
    if (!e) {
        return;
    }
    switch (e->kind) {
    case EXPR_NAME:
        e->v.name.ctx = ctx;
        break;
    case EXPR_ATTRIBUTE:
        e->v.attribute.ctx = ctx;
        break;
    case EXPR_SUBSCRIPT:
        e->v.subscript.ctx = ctx;
        break;
    case EXPR_STARRED:
        e->v.starred.ctx = ctx;
        set_context(e->v.starred.value, ctx);
        break;
    case EXPR_LIST:
    case EXPR_TUPLE:
        e->v.seq.ctx = ctx;
        for (int i = 0; i < AST_SEQ_LEN(e->v.seq.elts); i++) {
            set_context(AST_SEQ_GET(e->v.seq.elts, i), ctx);
        }
        break;
    default:
        break;
    }
}

// Make e a Store (or Del) target, or report why it cannot be one.
static int target(ParseState *ps, AstExpr *e, AstContext ctx)
{
    AstExpr *bad = invalid_target(e, ctx == AST_DEL);
    if (bad) {
        ps_error_at(ps, bad->pos, "cannot %s %s", ctx == AST_DEL ? "delete" : "assign to",
                    ps_expr_name(bad));
        return -1;
    }
    set_context(e, ctx);
    return 0;
}

// Would CPython parse e as a bitwise_or (the operand of `x = y` it checks)?
static int simple_operand(const AstExpr *e)
{
    if (kaa_ast_parens(e)) {
        return 1;
    }
    switch (e->kind) {
    case EXPR_COMPARE:
    case EXPR_BOOLOP:
    case EXPR_IFEXP:
    case EXPR_LAMBDA:
    case EXPR_NAMEDEXPR:
    case EXPR_STARRED:
    case EXPR_YIELD:
    case EXPR_YIELDFROM:
        return 0;
    case EXPR_UNARYOP:
        return e->v.unaryop.op != AST_NOT;
    default:
        return 1;
    }
}

// --- Expressions ---------------------------------------------------------------

AstExpr *ps_name(ParseState *ps, KaaToken t)
{
    return made(ps, kaa_ast_name(ps->arena, ps_id(ps, t), AST_LOAD, ps_tpos(t)));
}

AstExpr *ps_const(ParseState *ps, KaaToken t, AstConstKind kind)
{
    AstConst c = {.kind = kind};
    return made(ps, kaa_ast_constant(ps->arena, c, ps_tpos(t)));
}

AstExpr *ps_number(ParseState *ps, KaaToken t)
{
    // The text without underscores (and without the j of an imaginary).
    char *text = kaa_arena_alloc(ps->arena, (size_t)t.n + 1);
    if (!text) {
        ps_nomem(ps);
        return NULL;
    }
    size_t n = 0;
    for (int i = 0; i < t.n; i++) {
        if (t.z[i] != '_' && !((t.flags & KAA_TOKF_IMAG) && (t.z[i] | 0x20) == 'j')) {
            text[n++] = t.z[i];
        }
    }
    text[n] = 0;
    AstConst c = {.kind = AST_CONST_INT, .text = text, .len = n};
    if (t.flags & (KAA_TOKF_FLOAT | KAA_TOKF_IMAG)) {
        c.kind = (t.flags & KAA_TOKF_IMAG) ? AST_CONST_IMAG : AST_CONST_FLOAT;
        c.f = kaa_parse_double(text);
    }
    return made(ps, kaa_ast_constant(ps->arena, c, ps_tpos(t)));
}

AstExpr *ps_binop(ParseState *ps, AstExpr *l, AstOperator op, AstExpr *r)
{
    return made(ps, kaa_ast_binop(ps->arena, l, op, r, ps_span(ps_outer(l), ps_outer(r))));
}

AstExpr *ps_unary(ParseState *ps, KaaToken op, AstUnaryOp kind, AstExpr *e)
{
    return made(ps, kaa_ast_unaryop(ps->arena, kind, e, ps_span(ps_tpos(op), ps_outer(e))));
}

AstExpr *ps_boolop(ParseState *ps, AstBoolOp op, AstSeq *values)
{
    AstPos pos = ps_span(ps_outer(AST_SEQ_LEN(values) ? AST_SEQ_GET(values, 0) : NULL),
                         ps_outer(last_item(values)));
    return made(ps, kaa_ast_boolop(ps->arena, op, values, pos));
}

CmpList ps_cmp(ParseState *ps, CmpList *prev, AstExpr *left, AstCmpOp op, AstExpr *right)
{
    CmpList c = {left, NULL, NULL};
    if (prev) {
        c = *prev;
    }
    c.ops = ps_push(ps, c.ops, (void *)(intptr_t)op);
    c.comparators = ps_push(ps, c.comparators, right);
    return c;
}

AstExpr *ps_compare(ParseState *ps, CmpList c)
{
    AstPos pos = ps_span(ps_outer(c.left), ps_outer(last_item(c.comparators)));
    return made(ps, kaa_ast_compare(ps->arena, c.left, c.ops, c.comparators, pos));
}

AstExpr *ps_ifexp(ParseState *ps, AstExpr *body, AstExpr *test, AstExpr *orelse)
{
    AstPos pos = ps_span(ps_outer(body), ps_outer(orelse));
    return made(ps, kaa_ast_ifexp(ps->arena, test, body, orelse, pos));
}

AstExpr *ps_namedexpr(ParseState *ps, KaaToken name, AstExpr *value)
{
    AstExpr *t = kaa_ast_name(ps->arena, ps_id(ps, name), AST_STORE, ps_tpos(name));
    AstPos pos = ps_span(ps_tpos(name), ps_outer(value));
    return made(ps, kaa_ast_namedexpr(ps->arena, t, value, pos));
}

AstExpr *ps_lambda(ParseState *ps, KaaToken kw, AstArguments *args, AstExpr *body)
{
    return made(ps, kaa_ast_lambda(ps->arena, args, body, ps_span(ps_tpos(kw), ps_outer(body))));
}

AstExpr *ps_starred(ParseState *ps, KaaToken star, AstExpr *e)
{
    AstPos pos = ps_span(ps_tpos(star), ps_outer(e));
    return made(ps, kaa_ast_starred(ps->arena, e, AST_LOAD, pos));
}

AstExpr *ps_yield(ParseState *ps, KaaToken kw, AstExpr *value, int from)
{
    AstPos pos = value ? ps_span(ps_tpos(kw), ps_outer(value)) : ps_tpos(kw);
    return made(ps, kaa_ast_yield(ps->arena, from ? EXPR_YIELDFROM : EXPR_YIELD, value, pos));
}

AstExpr *ps_tuple(ParseState *ps, AstSeq *items, const KaaToken *comma)
{
    if (AST_SEQ_LEN(items) == 1 && !comma) {
        return AST_SEQ_GET(items, 0);
    }
    AstPos end = comma ? ps_tpos(*comma) : ps_outer(last_item(items));
    AstPos pos = ps_span(ps_outer(AST_SEQ_LEN(items) ? AST_SEQ_GET(items, 0) : NULL), end);
    return made(ps, kaa_ast_list(ps->arena, EXPR_TUPLE, items, AST_LOAD, pos));
}

static int check_comp_elt(ParseState *ps, AstExpr *elt)
{
    if (elt && elt->kind == EXPR_STARRED) {
        ps_error_at(ps, elt->pos, "iterable unpacking cannot be used in comprehension");
        return -1;
    }
    return 0;
}

AstExpr *ps_paren(ParseState *ps, KaaToken l, TList x, KaaToken r)
{
    AstPos pos = ps_span(ps_tpos(l), ps_tpos(r));
    AstExpr *first = AST_SEQ_LEN(x.items) ? AST_SEQ_GET(x.items, 0) : NULL;
    if (x.comp.gens) {
        if (check_comp_elt(ps, first) < 0) {
            return NULL;
        }
        return made(ps, kaa_ast_comp(ps->arena, EXPR_GENEXP, first, NULL, x.comp.gens, pos));
    }
    if (AST_SEQ_LEN(x.items) == 1 && !x.trailing) {
        if (!first) {
            return NULL;
        }
        if (first->kind == EXPR_STARRED) {
            ps_error_at(ps, first->pos, "cannot use starred expression here");
            return NULL;
        }
        // A parenthesised expression keeps its own position; parents start
        // from the parenthesis.
        kaa_ast_set_outer(first, pos, kaa_ast_parens(first) + 1);
        ps->last_expr = first;
        return first;
    }
    AstExpr *t = made(ps, kaa_ast_list(ps->arena, EXPR_TUPLE, x.items, AST_LOAD, pos));
    if (t) {
        kaa_ast_set_outer(t, pos, 1);
    }
    return t;
}

AstExpr *ps_paren_yield(ParseState *ps, KaaToken l, AstExpr *y, KaaToken r)
{
    if (y) {
        kaa_ast_set_outer(y, ps_span(ps_tpos(l), ps_tpos(r)), kaa_ast_parens(y) + 1);
        ps->last_expr = y;
    }
    return y;
}

AstExpr *ps_list(ParseState *ps, KaaToken l, TList x, KaaToken r)
{
    AstPos pos = ps_span(ps_tpos(l), ps_tpos(r));
    if (x.comp.gens) {
        AstExpr *elt = AST_SEQ_LEN(x.items) ? AST_SEQ_GET(x.items, 0) : NULL;
        if (check_comp_elt(ps, elt) < 0) {
            return NULL;
        }
        return made(ps, kaa_ast_comp(ps->arena, EXPR_LISTCOMP, elt, NULL, x.comp.gens, pos));
    }
    return made(ps, kaa_ast_list(ps->arena, EXPR_LIST, x.items, AST_LOAD, pos));
}

AstExpr *ps_empty(ParseState *ps, KaaToken l, KaaToken r)
{
    AstPos pos = ps_span(ps_tpos(l), ps_tpos(r));
    switch (l.type) {
    case TK_LPAR:
        return made(ps, kaa_ast_list(ps->arena, EXPR_TUPLE, NULL, AST_LOAD, pos));
    case TK_LSQB:
        return made(ps, kaa_ast_list(ps->arena, EXPR_LIST, NULL, AST_LOAD, pos));
    default:
        return made(ps, kaa_ast_dict(ps->arena, NULL, NULL, pos));
    }
}

AstExpr *ps_braces(ParseState *ps, KaaToken l, DictSet x, KaaToken r)
{
    AstPos pos = ps_span(ps_tpos(l), ps_tpos(r));
    DictItem *first = AST_SEQ_LEN(x.items) ? AST_SEQ_GET(x.items, 0) : NULL;
    if (!first) {
        return NULL;
    }
    if (x.comp.gens) {
        switch (first->kind) {
        case DI_KV:
            return made(ps, kaa_ast_comp(ps->arena, EXPR_DICTCOMP, first->key, first->value,
                                         x.comp.gens, pos));
        case DI_DSTAR:
            ps_error_at(ps, first->pos, "dict unpacking cannot be used in dict comprehension");
            return NULL;
        case DI_STAR:
            ps_error_at(ps, first->pos, "iterable unpacking cannot be used in comprehension");
            return NULL;
        default:
            return made(
                ps, kaa_ast_comp(ps->arena, EXPR_SETCOMP, first->value, NULL, x.comp.gens, pos));
        }
    }
    int dict = first->kind == DI_KV || first->kind == DI_DSTAR;
    AstSeq *keys = NULL, *values = NULL;
    for (int i = 0; i < AST_SEQ_LEN(x.items); i++) {
        DictItem *it = AST_SEQ_GET(x.items, i);
        if (!it) {
            return NULL;
        }
        int is_dict = it->kind == DI_KV || it->kind == DI_DSTAR;
        if (dict && !is_dict) {
            ps_error_at(ps, it->pos, "':' expected after dictionary key");
            ps->err->end_offset = 0;
            return NULL;
        }
        if (!dict && is_dict) {
            ps_error_at(ps, it->kind == DI_KV ? it->colon : it->pos, "invalid syntax");
            return NULL;
        }
        if (dict) {
            keys = ps_push(ps, keys, it->key);
        }
        values = ps_push(ps, values, it->value);
    }
    if (dict) {
        return made(ps, kaa_ast_dict(ps->arena, keys, values, pos));
    }
    return made(ps, kaa_ast_set(ps->arena, values, pos));
}

DictItem *ps_dict_item(ParseState *ps, int kind, AstExpr *key, AstExpr *value, const KaaToken *tok)
{
    DictItem *it = kaa_arena_alloc(ps->arena, sizeof *it);
    if (!it) {
        ps_nomem(ps);
        return NULL;
    }
    it->kind = kind;
    it->key = key;
    it->value = value;
    it->pos = ps_outer(value);
    if (kind == DI_KV) {
        it->pos = ps_span(ps_outer(key), ps_outer(value));
        it->colon = ps_tpos(*tok);
    } else if (kind == DI_DSTAR) {
        it->pos = ps_span(ps_tpos(*tok), ps_outer(value));
    }
    return it;
}

CompFor ps_comp_for(ParseState *ps, CompFor *prev, KaaToken kw, AstExpr *tgt, AstExpr *iter)
{
    CompFor c = {NULL, {0, 0, 0, 0}, ps_tpos(kw)};
    if (prev) {
        c = *prev;
    }
    target(ps, tgt, AST_STORE);
    AstComprehension *gen = kaa_ast_comprehension(ps->arena, tgt, iter, NULL);
    if (!gen) {
        ps_nomem(ps);
    }
    c.gens = ps_push(ps, c.gens, gen);
    c.end = ps_outer(iter);
    return c;
}

CompFor ps_comp_if(ParseState *ps, CompFor c, AstExpr *cond)
{
    AstComprehension *gen =
        AST_SEQ_LEN(c.gens) ? AST_SEQ_GET(c.gens, AST_SEQ_LEN(c.gens) - 1) : NULL;
    if (gen) {
        gen->ifs = ps_push(ps, gen->ifs, cond);
    }
    c.end = ps_outer(cond);
    return c;
}

AstExpr *ps_genexp_arg(ParseState *ps, AstExpr *elt, CompFor c)
{
    AstPos pos = ps_span(ps_outer(elt), c.end);
    return made(ps, kaa_ast_comp(ps->arena, EXPR_GENEXP, elt, NULL, c.gens, pos));
}

AstExpr *ps_attribute(ParseState *ps, AstExpr *value, KaaToken name)
{
    AstPos pos = ps_span(ps_outer(value), ps_tpos(name));
    return made(ps, kaa_ast_attribute(ps->arena, value, ps_id(ps, name), AST_LOAD, pos));
}

AstExpr *ps_subscript(ParseState *ps, AstExpr *value, AstSeq *items, const KaaToken *comma,
                      KaaToken r)
{
    AstExpr *slice = AST_SEQ_LEN(items) ? AST_SEQ_GET(items, 0) : NULL;
    if (AST_SEQ_LEN(items) != 1 || comma || (slice && slice->kind == EXPR_STARRED)) {
        AstPos end = comma ? ps_tpos(*comma) : ps_outer(last_item(items));
        AstPos pos = ps_span(ps_outer(slice), end);
        slice = made(ps, kaa_ast_list(ps->arena, EXPR_TUPLE, items, AST_LOAD, pos));
    }
    AstPos pos = ps_span(ps_outer(value), ps_tpos(r));
    return made(ps, kaa_ast_subscript(ps->arena, value, slice, AST_LOAD, pos));
}

AstExpr *ps_slice(ParseState *ps, AstExpr *lower, KaaToken c1, AstExpr *upper, const KaaToken *c2,
                  AstExpr *step)
{
    AstPos start = lower ? ps_outer(lower) : ps_tpos(c1);
    AstPos end = step ? ps_outer(step) : c2 ? ps_tpos(*c2) : upper ? ps_outer(upper) : ps_tpos(c1);
    return made(ps, kaa_ast_slice(ps->arena, lower, upper, step, ps_span(start, end)));
}

// --- Calls -------------------------------------------------------------------------

CallArg *ps_genexp_callarg(ParseState *ps, AstExpr *elt, CompFor c)
{
    CallArg *a = ps_callarg(ps, ARG_GENEXP, ps_genexp_arg(ps, elt, c), NULL);
    if (a) {
        a->for_kw = c.first_for;
    }
    return a;
}

CallArg *ps_callarg(ParseState *ps, int kind, AstExpr *value, const KaaToken *star)
{
    CallArg *a = kaa_arena_alloc(ps->arena, sizeof *a);
    if (!a) {
        ps_nomem(ps);
        return NULL;
    }
    a->kind = kind;
    a->value = value;
    if (kind == ARG_STAR) {
        a->value = ps_starred(ps, *star, value);
    } else if (kind == ARG_DSTAR) {
        AstPos pos = ps_span(ps_tpos(*star), ps_outer(value));
        if (!(a->kw = kaa_ast_keyword(ps->arena, NULL, value, pos))) {
            ps_nomem(ps);
        }
    }
    return a;
}

CallArg *ps_kwarg(ParseState *ps, AstExpr *key, AstExpr *value)
{
    AstPos pos = ps_span(ps_outer(key), ps_outer(value));
    if (!key) {
        return NULL;
    }
    if (key->kind != EXPR_NAME || kaa_ast_parens(key)) {
        if (key->kind == EXPR_CONSTANT &&
            (key->v.constant.kind == AST_CONST_TRUE || key->v.constant.kind == AST_CONST_FALSE ||
             key->v.constant.kind == AST_CONST_NONE)) {
            ps_error_at(ps, pos, "cannot assign to %s", ps_expr_name(key));
        } else {
            ps_error_at(ps, pos, "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
        return NULL;
    }
    CallArg *a = kaa_arena_alloc(ps->arena, sizeof *a);
    if (!a || !(a->kw = kaa_ast_keyword(ps->arena, key->v.name.id, value, pos))) {
        ps_nomem(ps);
        return NULL;
    }
    a->kind = ARG_KW;
    return a;
}

// Split call arguments into positional ones and keywords, in CPython's order
// rules. *args may follow keywords; a bare generator only as the sole argument.
static int split_args(ParseState *ps, AstSeq *args, AstSeq **pos, AstSeq **kws, AstPos close)
{
    int kw = 0, dstar = 0, n = AST_SEQ_LEN(args);
    for (int i = 0; i < n; i++) {
        CallArg *a = AST_SEQ_GET(args, i);
        if (!a) {
            return -1;
        }
        switch (a->kind) {
        case ARG_GENEXP:
            if (n > 1) {
                ps_error_at(ps, ps_outer(a->value), "Generator expression must be parenthesized");
                return -1;
            }
            // fall through
        case ARG_POS:
            if (dstar || kw) {
                // CPython reports these on the token after the arguments.
                ps_error_at(ps, close,
                            dstar ? "positional argument follows keyword argument unpacking"
                                  : "positional argument follows keyword argument");
                return -1;
            }
            *pos = ps_push(ps, *pos, a->value);
            break;
        case ARG_STAR:
            if (dstar) {
                ps_error_at(ps, ps_outer(a->value),
                            "iterable argument unpacking follows keyword argument unpacking");
                return -1;
            }
            *pos = ps_push(ps, *pos, a->value);
            break;
        case ARG_KW:
            kw = 1;
            *kws = ps_push(ps, *kws, a->kw);
            break;
        case ARG_DSTAR:
            dstar = 1;
            *kws = ps_push(ps, *kws, a->kw);
            break;
        }
    }
    return 0;
}

AstExpr *ps_call(ParseState *ps, AstExpr *func, AstSeq *args, KaaToken l, KaaToken r)
{
    AstSeq *pos = NULL, *kws = NULL;
    if (split_args(ps, args, &pos, &kws, ps_tpos(r)) < 0) {
        return NULL;
    }
    if (AST_SEQ_LEN(args) == 1 && ((CallArg *)AST_SEQ_GET(args, 0))->kind == ARG_GENEXP) {
        // f(x for x in y): the generator takes the call's parentheses.
        AstExpr *gen = AST_SEQ_GET(pos, 0);
        gen->pos = ps_span(ps_tpos(l), ps_tpos(r));
        kaa_ast_set_outer(gen, gen->pos, 0);
    }
    AstPos p = ps_span(ps_outer(func), ps_tpos(r));
    return made(ps, kaa_ast_call(ps->arena, func, pos, kws, p));
}

// --- Parameters ------------------------------------------------------------------

AstArg *ps_arg(ParseState *ps, KaaToken name, AstExpr *annotation)
{
    AstPos pos = annotation ? ps_span(ps_tpos(name), ps_outer(annotation)) : ps_tpos(name);
    AstArg *a = kaa_ast_arg(ps->arena, ps_id(ps, name), annotation, pos);
    if (!a) {
        ps_nomem(ps);
    }
    return a;
}

Param *ps_param(ParseState *ps, int kind, const KaaToken *tok, AstArg *arg, AstExpr *dflt)
{
    Param *p = kaa_arena_alloc(ps->arena, sizeof *p);
    if (!p) {
        ps_nomem(ps);
        return NULL;
    }
    p->kind = kind;
    p->arg = arg;
    p->dflt = dflt;
    if (tok) {
        p->pos = ps_tpos(*tok);
    } else if (arg) {
        p->pos = arg->pos;
    }
    return p;
}

Param *ps_param_error(ParseState *ps, KaaToken eq, const char *msg)
{
    ps_error_at(ps, ps_tpos(eq), "%s", msg);
    return NULL;
}

// Sort parameters into the fields of `arguments`, checking their order as
// CPython does.
AstArguments *ps_arguments(ParseState *ps, AstSeq *params)
{
    AstArguments *a = kaa_ast_arguments(ps->arena);
    int slash = 0, star = 0, default_seen = 0;
    Param *bare_star = NULL, *kwarg = NULL;
    if (!a) {
        ps_nomem(ps);
        return NULL;
    }
    for (int i = 0; i < AST_SEQ_LEN(params); i++) {
        Param *p = AST_SEQ_GET(params, i);
        if (!p) {
            return NULL;
        }
        if (kwarg) {
            ps_error_at(ps, p->pos, "arguments cannot follow var-keyword argument");
            return NULL;
        }
        switch (p->kind) {
        case PARAM_SLASH:
            if (star) {
                ps_error_at(ps, p->pos, "/ must be ahead of *");
                return NULL;
            }
            if (slash) {
                ps_error_at(ps, p->pos, "/ may appear only once");
                return NULL;
            }
            if (AST_SEQ_LEN(a->args) == 0) {
                ps_error_at(ps, p->pos, "invalid syntax");
                return NULL;
            }
            a->posonlyargs = a->args;
            a->args = NULL;
            slash = 1;
            break;
        case PARAM_PLAIN:
            if (star) {
                a->kwonlyargs = ps_push(ps, a->kwonlyargs, p->arg);
                a->kw_defaults = ps_push(ps, a->kw_defaults, p->dflt);
                bare_star = NULL;
            } else {
                if (p->dflt) {
                    a->defaults = ps_push(ps, a->defaults, p->dflt);
                    default_seen = 1;
                } else if (default_seen) {
                    ps_error_at(ps, p->pos, "non-default argument follows default argument");
                    return NULL;
                }
                a->args = ps_push(ps, a->args, p->arg);
            }
            break;
        case PARAM_STAR:
        case PARAM_VARARG:
            if (star) {
                ps_error_at(ps, p->pos, "* argument may appear only once");
                return NULL;
            }
            star = 1;
            if (p->kind == PARAM_STAR) {
                bare_star = p;
            } else {
                a->vararg = p->arg;
            }
            break;
        case PARAM_KWARG:
            if (bare_star) {
                ps_error_at(ps, bare_star->pos, "named arguments must follow bare *");
                return NULL;
            }
            kwarg = p;
            a->kwarg = p->arg;
            break;
        }
    }
    if (bare_star) {
        ps_error_at(ps, bare_star->pos, "named arguments must follow bare *");
        return NULL;
    }
    return a;
}

// --- Statements ---------------------------------------------------------------------

AstStmt *ps_expr_stmt(ParseState *ps, AstExpr *e)
{
    return made_stmt(ps, kaa_ast_stmt_expr(ps->arena, STMT_EXPR, e, ps_outer(e)));
}

// Would CPython's `x = y` check (invalid_named_expression) look at e: not a
// list, tuple, generator or True/None/False, and parsed as a bitwise_or?
static int hint_candidate(const AstExpr *e)
{
    if (e->kind == EXPR_LIST || e->kind == EXPR_TUPLE || e->kind == EXPR_GENEXP) {
        return 0;
    }
    if (e->kind == EXPR_CONSTANT &&
        (e->v.constant.kind == AST_CONST_TRUE || e->v.constant.kind == AST_CONST_FALSE ||
         e->v.constant.kind == AST_CONST_NONE)) {
        return 0;
    }
    return simple_operand(e);
}

// t (a target of `t = value`) cannot be assigned to because of its part bad.
// With a single '=', CPython first tries to read the last element of t and
// the value as a mistyped comparison, which changes the message.
static void assign_error(ParseState *ps, AstExpr *t, AstExpr *bad, int single)
{
    AstExpr *last = t;
    if (single && t->kind == EXPR_TUPLE && !kaa_ast_parens(t) && AST_SEQ_LEN(t->v.seq.elts)) {
        last = last_item(t->v.seq.elts);
    }
    if (single && last && last->kind == EXPR_NAME && !kaa_ast_parens(last) && last != t) {
        ps_error_at(ps, last->pos, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    } else if (single && last && hint_candidate(last)) {
        ps_error_at(ps, last->pos, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                    ps_expr_name(last));
    } else {
        ps_error_at(ps, bad->pos, "cannot assign to %s", ps_expr_name(bad));
    }
}

AstStmt *ps_assign(ParseState *ps, AstSeq *chain)
{
    int n = AST_SEQ_LEN(chain) - 1;
    AstSeq *targets = NULL;
    if (n < 1) {
        return NULL;
    }
    AstExpr *value = AST_SEQ_GET(chain, n);
    for (int i = 0; i < n; i++) {
        AstExpr *t = AST_SEQ_GET(chain, i);
        if (!t) {
            return NULL;
        }
        if ((t->kind == EXPR_YIELD || t->kind == EXPR_YIELDFROM) && !kaa_ast_parens(t)) {
            ps_error_at(ps, t->pos, "assignment to yield expression not possible");
            return NULL;
        }
        AstExpr *bad = invalid_target(t, 0);
        if (bad) {
            assign_error(ps, t, bad, n == 1);
            return NULL;
        }
        set_context(t, AST_STORE);
        targets = ps_push(ps, targets, t);
    }
    AstPos pos = ps_span(ps_outer(AST_SEQ_GET(chain, 0)), ps_outer(value));
    return made_stmt(ps, kaa_ast_assign(ps->arena, targets, value, pos));
}

AstStmt *ps_augassign(ParseState *ps, AstExpr *t, AstOperator op, AstExpr *value)
{
    if (!t) {
        return NULL;
    }
    if (t->kind != EXPR_NAME && t->kind != EXPR_ATTRIBUTE && t->kind != EXPR_SUBSCRIPT) {
        ps_error_at(ps, t->pos, "'%s' is an illegal expression for augmented assignment",
                    ps_expr_name(t));
        return NULL;
    }
    set_context(t, AST_STORE);
    AstPos pos = ps_span(ps_outer(t), ps_outer(value));
    return made_stmt(ps, kaa_ast_augassign(ps->arena, t, op, value, pos));
}

AstStmt *ps_annassign(ParseState *ps, AstExpr *t, AstExpr *ann, AstExpr *value)
{
    if (!t) {
        return NULL;
    }
    if (t->kind == EXPR_TUPLE && !kaa_ast_parens(t) && AST_SEQ_LEN(t->v.seq.elts) > 0) {
        AstExpr *first = AST_SEQ_GET(t->v.seq.elts, 0);
        ps_error_at(ps, ps_outer(first), "only single target (not tuple) can be annotated");
        return NULL;
    }
    if (t->kind == EXPR_TUPLE || t->kind == EXPR_LIST) {
        ps_error_at(ps, ps_outer(t), "only single target (not %s) can be annotated",
                    ps_expr_name(t));
        return NULL;
    }
    if (t->kind != EXPR_NAME && t->kind != EXPR_ATTRIBUTE && t->kind != EXPR_SUBSCRIPT) {
        ps_error_at(ps, t->pos, "illegal target for annotation");
        return NULL;
    }
    set_context(t, AST_STORE);
    int simple = t->kind == EXPR_NAME && !kaa_ast_parens(t);
    AstPos pos = ps_span(ps_outer(t), ps_outer(value ? value : ann));
    return made_stmt(ps, kaa_ast_annassign(ps->arena, t, ann, value, simple, pos));
}

AstStmt *ps_delete(ParseState *ps, KaaToken kw, AstSeq *targets, const KaaToken *comma)
{
    for (int i = 0; i < AST_SEQ_LEN(targets); i++) {
        if (target(ps, AST_SEQ_GET(targets, i), AST_DEL) < 0) {
            return NULL;
        }
    }
    AstPos end = comma ? ps_tpos(*comma) : ps_outer(last_item(targets));
    return made_stmt(ps, kaa_ast_delete(ps->arena, targets, ps_span(ps_tpos(kw), end)));
}

AstStmt *ps_keyword_stmt(ParseState *ps, KaaToken kw, AstStmtKind kind, AstExpr *value)
{
    AstPos pos = value ? ps_span(ps_tpos(kw), ps_outer(value)) : ps_tpos(kw);
    if (kind == STMT_RETURN) {
        return made_stmt(ps, kaa_ast_stmt_expr(ps->arena, kind, value, pos));
    }
    return made_stmt(ps, kaa_ast_simple(ps->arena, kind, pos));
}

AstStmt *ps_raise(ParseState *ps, KaaToken kw, AstExpr *exc, AstExpr *cause)
{
    AstExpr *last = cause ? cause : exc;
    AstPos pos = last ? ps_span(ps_tpos(kw), ps_outer(last)) : ps_tpos(kw);
    return made_stmt(ps, kaa_ast_raise(ps->arena, exc, cause, pos));
}

AstStmt *ps_global(ParseState *ps, KaaToken kw, AstStmtKind kind, Names names)
{
    AstPos pos = ps_span(ps_tpos(kw), names.pos);
    return made_stmt(ps, kaa_ast_global(ps->arena, kind, names.items, pos));
}

AstStmt *ps_assert(ParseState *ps, KaaToken kw, AstExpr *test, AstExpr *msg)
{
    AstPos pos = ps_span(ps_tpos(kw), ps_outer(msg ? msg : test));
    return made_stmt(ps, kaa_ast_assert(ps->arena, test, msg, pos));
}

Names ps_dotted(ParseState *ps, Names *prev, KaaToken name)
{
    Names d = {0};
    const char *id = ps_id(ps, name);
    if (!prev) {
        d.items = ps_push(ps, NULL, (void *)id);
        d.name = id;
        d.pos = ps_tpos(name);
        return d;
    }
    d = *prev;
    d.items = ps_push(ps, d.items, (void *)id);
    d.pos = ps_span(d.pos, ps_tpos(name));
    if (d.name && id) {
        size_t a = strlen(d.name), b = strlen(id);
        char *s = kaa_arena_alloc(ps->arena, a + b + 2);
        if (!s) {
            ps_nomem(ps);
            return d;
        }
        memcpy(s, d.name, a);
        s[a] = '.';
        memcpy(s + a + 1, id, b + 1);
        d.name = s;
    }
    return d;
}

AstAlias *ps_alias(ParseState *ps, Names name, const KaaToken *asname)
{
    AstPos pos = asname ? ps_span(name.pos, ps_tpos(*asname)) : name.pos;
    AstAlias *a = kaa_ast_alias(ps->arena, name.name, asname ? ps_id(ps, *asname) : NULL, pos);
    if (!a) {
        ps_nomem(ps);
    }
    return a;
}

Names ps_import_names(ParseState *ps, AstSeq *aliases, const KaaToken *close)
{
    Names n = {0};
    n.items = aliases;
    if (close) {
        n.pos = ps_tpos(*close);
    } else if (AST_SEQ_LEN(aliases) && last_item(aliases)) {
        n.pos = ((AstAlias *)AST_SEQ_GET(aliases, AST_SEQ_LEN(aliases) - 1))->pos;
    }
    (void)ps;
    return n;
}

AstStmt *ps_import(ParseState *ps, KaaToken kw, AstSeq *aliases)
{
    AstAlias *last = AST_SEQ_LEN(aliases) ? AST_SEQ_GET(aliases, AST_SEQ_LEN(aliases) - 1) : NULL;
    AstPos pos = last ? ps_span(ps_tpos(kw), last->pos) : ps_tpos(kw);
    return made_stmt(ps, kaa_ast_import(ps->arena, aliases, pos));
}

AstStmt *ps_importfrom(ParseState *ps, KaaToken kw, Names module, Names names)
{
    AstPos pos = ps_span(ps_tpos(kw), names.pos);
    return made_stmt(ps,
                     kaa_ast_importfrom(ps->arena, module.name, names.items, module.level, pos));
}

Clause *ps_clause(ParseState *ps, KaaToken kw, AstExpr *test, const KaaToken *name, AstSeq *body)
{
    Clause *c = kaa_arena_alloc(ps->arena, sizeof *c);
    if (!c) {
        ps_nomem(ps);
        return NULL;
    }
    c->kw = kw;
    c->test = test;
    c->name = name ? ps_id(ps, *name) : NULL;
    c->body = body;
    return c;
}

AstStmt *ps_if(ParseState *ps, KaaToken kw, AstExpr *test, AstSeq *body, AstSeq *elifs,
               AstSeq *orelse)
{
    // elif chains nest: each elif is an If alone in the orelse of the one before.
    for (int i = AST_SEQ_LEN(elifs) - 1; i >= 0; i--) {
        Clause *c = AST_SEQ_GET(elifs, i);
        if (!c) {
            return NULL;
        }
        AstPos pos = seq_stmt_end(ps_tpos(c->kw), orelse ? orelse : c->body);
        AstStmt *s = made_stmt(ps, kaa_ast_cond(ps->arena, STMT_IF, c->test, c->body, orelse, pos));
        orelse = ps_push(ps, NULL, s);
    }
    AstPos pos = seq_stmt_end(ps_tpos(kw), orelse ? orelse : body);
    return made_stmt(ps, kaa_ast_cond(ps->arena, STMT_IF, test, body, orelse, pos));
}

AstStmt *ps_while(ParseState *ps, KaaToken kw, AstExpr *test, AstSeq *body, AstSeq *orelse)
{
    AstPos pos = seq_stmt_end(ps_tpos(kw), orelse ? orelse : body);
    return made_stmt(ps, kaa_ast_cond(ps->arena, STMT_WHILE, test, body, orelse, pos));
}

AstStmt *ps_for(ParseState *ps, KaaToken kw, AstExpr *tgt, AstExpr *iter, AstSeq *body,
                AstSeq *orelse)
{
    if (target(ps, tgt, AST_STORE) < 0) {
        return NULL;
    }
    AstPos pos = seq_stmt_end(ps_tpos(kw), orelse ? orelse : body);
    return made_stmt(ps, kaa_ast_for(ps->arena, tgt, iter, body, orelse, pos));
}

AstStmt *ps_try(ParseState *ps, KaaToken kw, AstSeq *body, AstSeq *handlers, AstSeq *orelse,
                AstSeq *finalbody)
{
    AstSeq *hs = NULL;
    AstPos end = seq_stmt_end(ps_tpos(kw), body);
    for (int i = 0; i < AST_SEQ_LEN(handlers); i++) {
        Clause *c = AST_SEQ_GET(handlers, i);
        if (!c) {
            return NULL;
        }
        AstPos pos = seq_stmt_end(ps_tpos(c->kw), c->body);
        AstExceptHandler *h = kaa_ast_excepthandler(ps->arena, c->test, c->name, c->body, pos);
        if (!h) {
            ps_nomem(ps);
        }
        hs = ps_push(ps, hs, h);
        end = pos;
    }
    end = seq_stmt_end(end, orelse);
    end = seq_stmt_end(end, finalbody);
    AstPos pos = ps_span(ps_tpos(kw), end);
    return made_stmt(ps, kaa_ast_try(ps->arena, body, hs, orelse, finalbody, pos));
}

AstWithItem *ps_withitem(ParseState *ps, AstExpr *e, AstExpr *tgt)
{
    if (tgt && target(ps, tgt, AST_STORE) < 0) {
        return NULL;
    }
    AstWithItem *w = kaa_ast_withitem(ps->arena, e, tgt);
    if (!w) {
        ps_nomem(ps);
    }
    return w;
}

AstStmt *ps_with(ParseState *ps, KaaToken kw, AstSeq *items, AstSeq *body)
{
    AstPos pos = seq_stmt_end(ps_tpos(kw), body);
    return made_stmt(ps, kaa_ast_with(ps->arena, items, body, pos));
}

AstStmt *ps_funcdef(ParseState *ps, KaaToken kw, KaaToken name, AstArguments *args,
                    AstExpr *returns, AstSeq *body)
{
    AstPos pos = seq_stmt_end(ps_tpos(kw), body);
    return made_stmt(ps, kaa_ast_funcdef(ps->arena, ps_id(ps, name), args, body, returns, pos));
}

AstStmt *ps_classdef(ParseState *ps, KaaToken kw, KaaToken name, AstSeq *args, AstPos close,
                     AstSeq *body)
{
    AstSeq *bases = NULL, *keywords = NULL;
    for (int i = 0; i < AST_SEQ_LEN(args); i++) {
        CallArg *a = AST_SEQ_GET(args, i);
        if (a && a->kind == ARG_GENEXP) {
            ps_error_at(ps, a->for_kw, "invalid syntax");
            return NULL;
        }
    }
    if (split_args(ps, args, &bases, &keywords, close) < 0) {
        return NULL;
    }
    AstPos pos = seq_stmt_end(ps_tpos(kw), body);
    return made_stmt(ps, kaa_ast_classdef(ps->arena, ps_id(ps, name), bases, keywords, body, pos));
}

AstStmt *ps_decorated(ParseState *ps, AstSeq *decorators, AstStmt *def)
{
    if (!def) {
        return NULL;
    }
    if (def->kind == STMT_FUNCTIONDEF) {
        def->v.funcdef.decorator_list = decorators;
    } else {
        def->v.classdef.decorator_list = decorators;
    }
    (void)ps;
    return def;
}

void ps_module(ParseState *ps, AstModKind kind, AstSeq *body, AstExpr *expr)
{
    if (!(ps->mod = kaa_ast_mod(ps->arena, kind, body, expr))) {
        ps_nomem(ps);
    }
}
