/* Symbol table construction and name resolution (see symtable.h).
 * Scopes and their symbol arrays come from the raw allocator; names are
 * the AST's own strings (the arena outlives the table).
 */
#include <stdio.h>
#include <string.h>

#include "compile/symtable.h"
#include "mem/mem.h"

typedef struct Builder {
    KaaSymtable *st;
    SymScopeTable *cur;
    const char *private_name; // the innermost enclosing class, for mangling
    int failed;
    int depth;
} Builder;

static void *grow(void *p, int *cap, int need, size_t elem)
{
    if (need <= *cap) {
        return p;
    }
    int ncap = *cap ? *cap * 2 : 8;
    while (ncap < need) {
        ncap *= 2;
    }
    void *q = kaa_mem_realloc(p, (size_t)ncap * elem);
    if (q) {
        *cap = ncap;
    }
    return q;
}

static void error_at(Builder *b, AstPos pos, const char *fmt, const char *name)
{
    if (b->failed) {
        return;
    }
    b->failed = 1;
    snprintf(b->st->errmsg, sizeof b->st->errmsg, fmt, name);
    b->st->errline = pos.lineno;
    b->st->errcol = pos.col;
}

static SymScopeTable *new_scope(Builder *b, BlockKind kind, const char *name, const void *node)
{
    SymScopeTable *s = kaa_mem_calloc(1, sizeof *s);
    if (s == NULL) {
        b->failed = 1;
        return NULL;
    }
    s->kind = kind;
    s->name = name;
    s->node = node;
    s->parent = b->cur;
    if (b->cur) {
        SymScopeTable **c = grow(b->cur->children, &b->cur->capchildren, b->cur->nchildren + 1,
                                 sizeof *c);
        if (c == NULL) {
            kaa_mem_free(s);
            b->failed = 1;
            return NULL;
        }
        b->cur->children = c;
        c[b->cur->nchildren++] = s;
    }
    return s;
}

Symbol *kaa_symtable_symbol(SymScopeTable *s, const char *name)
{
    for (int i = 0; i < s->nsyms; i++) {
        if (strcmp(s->syms[i].name, name) == 0) {
            return &s->syms[i];
        }
    }
    return NULL;
}

static Symbol *add_flags(Builder *b, const char *name, int flags, AstPos pos)
{
    SymScopeTable *s = b->cur;
    Symbol *sym = kaa_symtable_symbol(s, name);
    if (sym == NULL) {
        Symbol *syms = grow(s->syms, &s->capsyms, s->nsyms + 1, sizeof *syms);
        if (syms == NULL) {
            b->failed = 1;
            return NULL;
        }
        s->syms = syms;
        sym = &s->syms[s->nsyms++];
        sym->name = name;
        sym->flags = 0;
        sym->scope = 0;
        sym->first_line = pos.lineno;
    }
    if ((flags & SYM_DEF_PARAM) && (sym->flags & SYM_DEF_PARAM)) {
        error_at(b, pos, "duplicate argument '%s' in function definition", name);
    }
    sym->flags |= flags;
    return sym;
}

const char *kaa_symtable_mangle(KaaSymtable *st, const char *private_name, const char *name)
{
    size_t n = strlen(name);
    if (private_name == NULL || n < 2 || name[0] != '_' || name[1] != '_' ||
        (name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.')) {
        return name;
    }
    while (*private_name == '_') {
        private_name++;
    }
    if (*private_name == '\0') {
        return name;
    }
    size_t p = strlen(private_name);
    char **list = grow(st->mangled, &st->capmangled, st->nmangled + 1, sizeof *list);
    char *m = list ? kaa_mem_alloc(p + n + 2) : NULL;
    if (list) {
        st->mangled = list;
    }
    if (m == NULL) {
        return NULL;
    }
    m[0] = '_';
    memcpy(m + 1, private_name, p);
    memcpy(m + 1 + p, name, n + 1);
    list[st->nmangled++] = m;
    return m;
}

// The name as the current class mangles it (the AST is rewritten with it,
// so the compiler sees the same names).
static const char *mangle(Builder *b, const char *name)
{
    const char *m = kaa_symtable_mangle(b->st, b->private_name, name);
    if (m == NULL) {
        b->failed = 1;
        return name;
    }
    return m;
}

static void add_param(Builder *b, AstArg *a)
{
    if (a == NULL) {
        return;
    }
    a->name = mangle(b, a->name);
    add_flags(b, a->name, SYM_DEF_PARAM, a->pos);
    SymScopeTable *s = b->cur;
    const char **p = grow(s->params, &s->capparams, s->nparams + 1, sizeof *p);
    if (p == NULL) {
        b->failed = 1;
        return;
    }
    s->params = p;
    p[s->nparams++] = a->name;
}

static void visit_expr(Builder *b, AstExpr *e);
static void visit_stmts(Builder *b, AstSeq *body);

static void visit_exprs(Builder *b, AstSeq *seq)
{
    for (int i = 0; i < AST_SEQ_LEN(seq); i++) {
        AstExpr *e = AST_SEQ_GET(seq, i);
        if (e) {
            visit_expr(b, e);
        }
    }
}

// Defaults and annotations are evaluated in the enclosing scope.
static void visit_argument_defaults(Builder *b, AstArguments *a)
{
    if (a == NULL) {
        return;
    }
    visit_exprs(b, a->defaults);
    visit_exprs(b, a->kw_defaults);
}

// Parameter and return annotations, also evaluated in the enclosing scope.
static void visit_arg_annotation(Builder *b, AstArg *arg)
{
    if (arg && arg->annotation) {
        visit_expr(b, arg->annotation);
    }
}

static void visit_annotations(Builder *b, AstArguments *a, AstExpr *returns)
{
    if (a) {
        for (int i = 0; i < AST_SEQ_LEN(a->posonlyargs); i++) {
            visit_arg_annotation(b, AST_SEQ_GET(a->posonlyargs, i));
        }
        for (int i = 0; i < AST_SEQ_LEN(a->args); i++) {
            visit_arg_annotation(b, AST_SEQ_GET(a->args, i));
        }
        visit_arg_annotation(b, a->vararg);
        for (int i = 0; i < AST_SEQ_LEN(a->kwonlyargs); i++) {
            visit_arg_annotation(b, AST_SEQ_GET(a->kwonlyargs, i));
        }
        visit_arg_annotation(b, a->kwarg);
    }
    if (returns) {
        visit_expr(b, returns);
    }
}

static void visit_params(Builder *b, AstArguments *a)
{
    if (a == NULL) {
        return;
    }
    for (int i = 0; i < AST_SEQ_LEN(a->posonlyargs); i++) {
        add_param(b, AST_SEQ_GET(a->posonlyargs, i));
    }
    for (int i = 0; i < AST_SEQ_LEN(a->args); i++) {
        add_param(b, AST_SEQ_GET(a->args, i));
    }
    for (int i = 0; i < AST_SEQ_LEN(a->kwonlyargs); i++) {
        add_param(b, AST_SEQ_GET(a->kwonlyargs, i));
    }
    add_param(b, a->vararg);
    add_param(b, a->kwarg);
}

static void visit_name(Builder *b, AstExpr *e)
{
    const char *id = e->v.name.id = mangle(b, e->v.name.id);
    if (e->v.name.ctx == AST_LOAD) {
        add_flags(b, id, SYM_USE, e->pos);
        // super() needs the class cell of the enclosing class body.
        if (strcmp(id, "super") == 0 || strcmp(id, "__class__") == 0) {
            for (SymScopeTable *s = b->cur; s; s = s->parent) {
                if (s->kind == BLOCK_FUNCTION && s->parent && s->parent->kind == BLOCK_CLASS) {
                    add_flags(b, "__class__", SYM_USE, e->pos);
                    s->parent->needs_class_cell = 1;
                    break;
                }
            }
        }
    } else {
        add_flags(b, id, SYM_DEF_LOCAL, e->pos);
    }
}

// A comprehension is a function scope of its own whose single parameter
// (".0") is the outermost iterator, evaluated in the enclosing scope.
static void visit_comprehension(Builder *b, AstExpr *e)
{
    AstSeq *gens = e->v.comp.generators;
    AstComprehension *first = AST_SEQ_GET(gens, 0);
    visit_expr(b, first->iter);
    SymScopeTable *s = new_scope(b, BLOCK_FUNCTION,
                                 e->kind == EXPR_GENEXP     ? "<genexpr>"
                                 : e->kind == EXPR_LISTCOMP ? "<listcomp>"
                                 : e->kind == EXPR_SETCOMP  ? "<setcomp>"
                                                            : "<dictcomp>",
                                 e);
    if (s == NULL) {
        return;
    }
    s->is_comprehension = 1;
    s->is_generator = e->kind == EXPR_GENEXP;
    SymScopeTable *saved = b->cur;
    b->cur = s;
    AstArg dot0 = {.name = ".0", .pos = e->pos};
    add_param(b, &dot0);
    for (int i = 0; i < AST_SEQ_LEN(gens); i++) {
        AstComprehension *g = AST_SEQ_GET(gens, i);
        if (i > 0) {
            visit_expr(b, g->iter);
        }
        visit_expr(b, g->target);
        visit_exprs(b, g->ifs);
    }
    if (e->kind == EXPR_DICTCOMP) {
        visit_expr(b, e->v.comp.key);
        visit_expr(b, e->v.comp.value);
    } else {
        visit_expr(b, e->v.comp.elt);
    }
    b->cur = saved;
}

static void visit_expr_inner(Builder *b, AstExpr *e);

static void visit_expr(Builder *b, AstExpr *e)
{
    if (e == NULL || b->failed) {
        return;
    }
    if (++b->depth > KAA_COMPILE_MAX_DEPTH) {
        b->failed = 1;
        b->st->too_deep = 1;
    } else {
        visit_expr_inner(b, e);
    }
    b->depth--;
}

static void visit_expr_inner(Builder *b, AstExpr *e)
{
    switch (e->kind) {
    case EXPR_BOOLOP:
        visit_exprs(b, e->v.boolop.values);
        break;
    case EXPR_NAMEDEXPR: {
        // The target binds in the nearest non-comprehension scope.
        SymScopeTable *saved = b->cur;
        while (b->cur->is_comprehension) {
            b->cur = b->cur->parent;
        }
        if (b->cur != saved) {
            add_flags(b, e->v.namedexpr.target->v.name.id, SYM_DEF_LOCAL, e->pos);
            b->cur = saved;
            // Inside the comprehension the name is free (resolved later).
            add_flags(b, e->v.namedexpr.target->v.name.id, SYM_USE, e->pos);
        } else {
            visit_expr(b, e->v.namedexpr.target);
        }
        visit_expr(b, e->v.namedexpr.value);
        break;
    }
    case EXPR_BINOP:
        visit_expr(b, e->v.binop.left);
        visit_expr(b, e->v.binop.right);
        break;
    case EXPR_UNARYOP:
        visit_expr(b, e->v.unaryop.operand);
        break;
    case EXPR_LAMBDA: {
        visit_argument_defaults(b, e->v.lambda.args);
        SymScopeTable *s = new_scope(b, BLOCK_FUNCTION, "<lambda>", e);
        if (s == NULL) {
            return;
        }
        s->is_lambda = 1;
        SymScopeTable *saved = b->cur;
        b->cur = s;
        visit_params(b, e->v.lambda.args);
        visit_expr(b, e->v.lambda.body);
        b->cur = saved;
        break;
    }
    case EXPR_IFEXP:
        visit_expr(b, e->v.ifexp.test);
        visit_expr(b, e->v.ifexp.body);
        visit_expr(b, e->v.ifexp.orelse);
        break;
    case EXPR_DICT:
        visit_exprs(b, e->v.dict.keys);
        visit_exprs(b, e->v.dict.values);
        break;
    case EXPR_SET:
        visit_exprs(b, e->v.set.elts);
        break;
    case EXPR_LISTCOMP:
    case EXPR_SETCOMP:
    case EXPR_DICTCOMP:
    case EXPR_GENEXP:
        visit_comprehension(b, e);
        break;
    case EXPR_YIELD:
    case EXPR_YIELDFROM:
        if (b->cur->kind != BLOCK_FUNCTION) {
            error_at(b, e->pos, "'%s' outside function",
                     e->kind == EXPR_YIELD ? "yield" : "yield from");
            return;
        }
        b->cur->is_generator = 1;
        visit_expr(b, e->v.yield.value);
        break;
    case EXPR_COMPARE:
        visit_expr(b, e->v.compare.left);
        for (int i = 0; i < e->v.compare.n; i++) {
            visit_expr(b, e->v.compare.comparators[i]);
        }
        break;
    case EXPR_CALL:
        visit_expr(b, e->v.call.func);
        visit_exprs(b, e->v.call.args);
        for (int i = 0; i < AST_SEQ_LEN(e->v.call.keywords); i++) {
            AstKeyword *k = AST_SEQ_GET(e->v.call.keywords, i);
            visit_expr(b, k->value);
        }
        break;
    case EXPR_FORMATTEDVALUE:
        visit_expr(b, e->v.formatted.value);
        visit_expr(b, e->v.formatted.format_spec);
        break;
    case EXPR_JOINEDSTR:
        visit_exprs(b, e->v.joinedstr.values);
        break;
    case EXPR_CONSTANT:
        break;
    case EXPR_ATTRIBUTE:
        e->v.attribute.attr = mangle(b, e->v.attribute.attr);
        visit_expr(b, e->v.attribute.value);
        break;
    case EXPR_SUBSCRIPT:
        visit_expr(b, e->v.subscript.value);
        visit_expr(b, e->v.subscript.slice);
        break;
    case EXPR_STARRED:
        visit_expr(b, e->v.starred.value);
        break;
    case EXPR_NAME:
        visit_name(b, e);
        break;
    case EXPR_LIST:
    case EXPR_TUPLE:
        visit_exprs(b, e->v.seq.elts);
        break;
    case EXPR_SLICE:
        visit_expr(b, e->v.slice.lower);
        visit_expr(b, e->v.slice.upper);
        visit_expr(b, e->v.slice.step);
        break;
    }
}

static void declare(Builder *b, AstStmt *s, int global)
{
    AstSeq *names = s->v.global.names;
    for (int i = 0; i < AST_SEQ_LEN(names); i++) {
        const char *name = mangle(b, AST_SEQ_GET(names, i));
        names->items[i] = (void *)name;
        Symbol *sym = kaa_symtable_symbol(b->cur, name);
        if (sym) {
            const char *what = (sym->flags & SYM_DEF_PARAM) ? "parameter"
                               : (sym->flags & SYM_DEF_LOCAL) ? "assigned to"
                                                              : "used";
            if ((global && (sym->flags & SYM_DEF_GLOBAL)) ||
                (!global && (sym->flags & SYM_DEF_NONLOCAL))) {
                continue;
            }
            char fmt[120];
            if (sym->flags & SYM_DEF_PARAM) {
                snprintf(fmt, sizeof fmt, "name '%%s' is parameter and %s",
                         global ? "global" : "nonlocal");
            } else {
                snprintf(fmt, sizeof fmt, "name '%%s' is %s before %s declaration", what,
                         global ? "global" : "nonlocal");
            }
            error_at(b, s->pos, fmt, name);
            return;
        }
        if (!global && b->cur->kind == BLOCK_MODULE) {
            error_at(b, s->pos, "nonlocal declaration not allowed at module level%s", "");
            return;
        }
        add_flags(b, name, global ? SYM_DEF_GLOBAL : SYM_DEF_NONLOCAL, s->pos);
    }
}

static void visit_stmt_inner(Builder *b, AstStmt *s);

static void visit_stmt(Builder *b, AstStmt *s)
{
    if (b->failed) {
        return;
    }
    if (++b->depth > KAA_COMPILE_MAX_DEPTH) {
        b->failed = 1;
        b->st->too_deep = 1;
    } else {
        visit_stmt_inner(b, s);
    }
    b->depth--;
}

static void visit_stmt_inner(Builder *b, AstStmt *s)
{
    switch (s->kind) {
    case STMT_FUNCTIONDEF: {
        visit_exprs(b, s->v.funcdef.decorator_list);
        visit_argument_defaults(b, s->v.funcdef.args);
        visit_annotations(b, s->v.funcdef.args, s->v.funcdef.returns);
        add_flags(b, mangle(b, s->v.funcdef.name), SYM_DEF_LOCAL, s->pos);
        SymScopeTable *fs = new_scope(b, BLOCK_FUNCTION, s->v.funcdef.name, s);
        if (fs == NULL) {
            return;
        }
        SymScopeTable *saved = b->cur;
        b->cur = fs;
        visit_params(b, s->v.funcdef.args);
        visit_stmts(b, s->v.funcdef.body);
        b->cur = saved;
        break;
    }
    case STMT_CLASSDEF: {
        visit_exprs(b, s->v.classdef.decorator_list);
        visit_exprs(b, s->v.classdef.bases);
        for (int i = 0; i < AST_SEQ_LEN(s->v.classdef.keywords); i++) {
            AstKeyword *k = AST_SEQ_GET(s->v.classdef.keywords, i);
            visit_expr(b, k->value);
        }
        add_flags(b, mangle(b, s->v.classdef.name), SYM_DEF_LOCAL, s->pos);
        SymScopeTable *cs = new_scope(b, BLOCK_CLASS, s->v.classdef.name, s);
        if (cs == NULL) {
            return;
        }
        SymScopeTable *saved = b->cur;
        const char *saved_private = b->private_name;
        b->cur = cs;
        b->private_name = s->v.classdef.name;
        visit_stmts(b, s->v.classdef.body);
        b->cur = saved;
        b->private_name = saved_private;
        break;
    }
    case STMT_RETURN:
        if (b->cur->kind != BLOCK_FUNCTION) {
            error_at(b, s->pos, "'return' outside function%s", "");
            return;
        }
        visit_expr(b, s->v.ret.value);
        break;
    case STMT_DELETE:
        visit_exprs(b, s->v.del.targets);
        break;
    case STMT_ASSIGN:
        visit_expr(b, s->v.assign.value);
        visit_exprs(b, s->v.assign.targets);
        break;
    case STMT_AUGASSIGN:
        visit_expr(b, s->v.augassign.value);
        if (s->v.augassign.target->kind == EXPR_NAME) {
            add_flags(b, s->v.augassign.target->v.name.id, SYM_DEF_LOCAL | SYM_USE, s->pos);
        } else {
            visit_expr(b, s->v.augassign.target);
        }
        break;
    case STMT_ANNASSIGN:
        visit_expr(b, s->v.annassign.value);
        if (b->cur->kind != BLOCK_FUNCTION) {
            visit_expr(b, s->v.annassign.annotation);
        }
        if (s->v.annassign.target->kind == EXPR_NAME) {
            add_flags(b, s->v.annassign.target->v.name.id, SYM_DEF_LOCAL, s->pos);
        } else {
            visit_expr(b, s->v.annassign.target);
        }
        break;
    case STMT_FOR:
        visit_expr(b, s->v.forstmt.iter);
        visit_expr(b, s->v.forstmt.target);
        visit_stmts(b, s->v.forstmt.body);
        visit_stmts(b, s->v.forstmt.orelse);
        break;
    case STMT_WHILE:
        visit_expr(b, s->v.whilestmt.test);
        visit_stmts(b, s->v.whilestmt.body);
        visit_stmts(b, s->v.whilestmt.orelse);
        break;
    case STMT_IF:
        visit_expr(b, s->v.ifstmt.test);
        visit_stmts(b, s->v.ifstmt.body);
        visit_stmts(b, s->v.ifstmt.orelse);
        break;
    case STMT_WITH:
        for (int i = 0; i < AST_SEQ_LEN(s->v.with.items); i++) {
            AstWithItem *w = AST_SEQ_GET(s->v.with.items, i);
            visit_expr(b, w->context_expr);
            visit_expr(b, w->optional_vars);
        }
        visit_stmts(b, s->v.with.body);
        break;
    case STMT_RAISE:
        visit_expr(b, s->v.raise.exc);
        visit_expr(b, s->v.raise.cause);
        break;
    case STMT_TRY:
        visit_stmts(b, s->v.trystmt.body);
        for (int i = 0; i < AST_SEQ_LEN(s->v.trystmt.handlers); i++) {
            AstExceptHandler *h = AST_SEQ_GET(s->v.trystmt.handlers, i);
            visit_expr(b, h->type);
            if (h->name) {
                h->name = mangle(b, h->name);
                add_flags(b, h->name, SYM_DEF_LOCAL, h->pos);
            }
            visit_stmts(b, h->body);
        }
        visit_stmts(b, s->v.trystmt.orelse);
        visit_stmts(b, s->v.trystmt.finalbody);
        break;
    case STMT_ASSERT:
        visit_expr(b, s->v.assertstmt.test);
        visit_expr(b, s->v.assertstmt.msg);
        break;
    case STMT_IMPORT:
    case STMT_IMPORTFROM: {
        AstSeq *names = s->kind == STMT_IMPORT ? s->v.import.names : s->v.importfrom.names;
        for (int i = 0; i < AST_SEQ_LEN(names); i++) {
            AstAlias *a = AST_SEQ_GET(names, i);
            if (strcmp(a->name, "*") == 0) {
                if (b->cur->kind != BLOCK_MODULE) {
                    error_at(b, s->pos, "import * only allowed at module level%s", "");
                }
                continue;
            }
            if (a->asname) {
                a->asname = mangle(b, a->asname);
            } else if (strchr(a->name, '.') == NULL && mangle(b, a->name) != a->name) {
                a->asname = mangle(b, a->name); // `import __x` binds _C__x
            }
            const char *bound = a->asname;
            char *dot;
            if (bound == NULL) {
                // `import a.b` binds `a`: the AST string is cut at the dot in a copy.
                bound = a->name;
                if (s->kind == STMT_IMPORT && (dot = strchr(a->name, '.')) != NULL) {
                    size_t n = (size_t)(dot - a->name);
                    char *head = kaa_mem_alloc(n + 1);
                    if (head == NULL) {
                        b->failed = 1;
                        return;
                    }
                    memcpy(head, a->name, n);
                    head[n] = '\0';
                    // Reuse an existing symbol's name to avoid keeping the copy.
                    Symbol *sym = kaa_symtable_symbol(b->cur, head);
                    if (sym) {
                        sym->flags |= SYM_DEF_LOCAL;
                        kaa_mem_free(head);
                        continue;
                    }
                    add_flags(b, head, SYM_DEF_LOCAL | SYM_OWNED_NAME, a->pos);
                    continue;
                }
            }
            add_flags(b, bound, SYM_DEF_LOCAL, a->pos);
        }
        break;
    }
    case STMT_GLOBAL:
        declare(b, s, 1);
        break;
    case STMT_NONLOCAL:
        declare(b, s, 0);
        break;
    case STMT_EXPR:
        visit_expr(b, s->v.expr.value);
        break;
    case STMT_PASS:
    case STMT_BREAK:
    case STMT_CONTINUE:
        break;
    }
}

static void visit_stmts(Builder *b, AstSeq *body)
{
    for (int i = 0; i < AST_SEQ_LEN(body) && !b->failed; i++) {
        visit_stmt(b, AST_SEQ_GET(body, i));
    }
}

// --- Resolution -----------------------------------------------------------------

// A set of names as a small array (scopes are small).
typedef struct NameSet {
    const char **names;
    int n, cap;
} NameSet;

static int set_has(NameSet *s, const char *name)
{
    for (int i = 0; i < s->n; i++) {
        if (strcmp(s->names[i], name) == 0) {
            return 1;
        }
    }
    return 0;
}

static int set_add(NameSet *s, const char *name)
{
    if (set_has(s, name)) {
        return 0;
    }
    const char **p = grow(s->names, &s->cap, s->n + 1, sizeof *p);
    if (p == NULL) {
        return -1;
    }
    s->names = p;
    p[s->n++] = name;
    return 0;
}

static int set_copy(NameSet *dst, NameSet *src)
{
    for (int i = 0; i < src->n; i++) {
        if (set_add(dst, src->names[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// Resolve scope s given the names bound in enclosing function scopes
// (`bound`); add to `free_out` the names free in s (and its children) that
// an enclosing scope must provide.
static int analyze(Builder *b, SymScopeTable *s, NameSet *bound, NameSet *free_out)
{
    NameSet newbound = {0}, childfree = {0};
    int rc = -1;
    for (int i = 0; i < s->nsyms; i++) {
        Symbol *sym = &s->syms[i];
        if (sym->flags & SYM_DEF_GLOBAL) {
            sym->scope = SCOPE_GLOBAL_EXPLICIT;
        } else if (sym->flags & SYM_DEF_NONLOCAL) {
            if (!set_has(bound, sym->name)) {
                AstPos pos = {sym->first_line, 0, sym->first_line, 0};
                error_at(b, pos, "no binding for nonlocal '%s' found", sym->name);
                goto done;
            }
            sym->scope = SCOPE_FREE;
        } else if (sym->flags & (SYM_DEF_LOCAL | SYM_DEF_PARAM)) {
            sym->scope = SCOPE_LOCAL;
        } else if (s->kind != BLOCK_MODULE && set_has(bound, sym->name)) {
            sym->scope = SCOPE_FREE;
        } else {
            sym->scope = SCOPE_GLOBAL_IMPLICIT;
        }
    }
    // Names visible to nested functions: enclosing function bindings plus
    // this function's locals (class bodies do not contribute).
    if (set_copy(&newbound, bound) < 0) {
        goto done;
    }
    if (s->kind == BLOCK_FUNCTION) {
        for (int i = 0; i < s->nsyms; i++) {
            if (s->syms[i].scope == SCOPE_LOCAL && set_add(&newbound, s->syms[i].name) < 0) {
                goto done;
            }
        }
    }
    if (s->kind == BLOCK_CLASS && s->needs_class_cell && set_add(&newbound, "__class__") < 0) {
        goto done;
    }
    for (int i = 0; i < s->nchildren; i++) {
        if (analyze(b, s->children[i], &newbound, &childfree) < 0) {
            goto done;
        }
    }
    // Free names of children: cells here if bound here, else free here too.
    for (int i = 0; i < childfree.n; i++) {
        const char *name = childfree.names[i];
        Symbol *sym = kaa_symtable_symbol(s, name);
        if (s->kind == BLOCK_CLASS && strcmp(name, "__class__") == 0 && s->needs_class_cell) {
            continue; // the class body creates the __class__ cell itself
        }
        if (sym && s->kind == BLOCK_FUNCTION && sym->scope == SCOPE_LOCAL) {
            sym->scope = SCOPE_CELL;
            continue;
        }
        if (sym && (sym->scope == SCOPE_GLOBAL_EXPLICIT || sym->scope == SCOPE_CELL)) {
            continue;
        }
        if (s->kind == BLOCK_MODULE) {
            continue;
        }
        if (sym == NULL) {
            // Free only to pass it through to a nested scope: add it to s.
            SymScopeTable *saved_cur = b->cur;
            b->cur = s;
            sym = add_flags(b, name, 0, (AstPos){0, 0, 0, 0});
            b->cur = saved_cur;
            if (sym == NULL) {
                goto done;
            }
            sym->scope = SCOPE_FREE;
        } else if (s->kind == BLOCK_CLASS && sym->scope == SCOPE_LOCAL) {
            sym->flags |= SYM_DEF_FREE_CLASS; // bound in the class and free for a method
        } else {
            sym->scope = SCOPE_FREE;
        }
    }
    for (int i = 0; i < s->nsyms; i++) {
        Symbol *sym = &s->syms[i];
        if ((sym->scope == SCOPE_FREE || (sym->flags & SYM_DEF_FREE_CLASS)) &&
            set_add(free_out, sym->name) < 0) {
            goto done;
        }
    }
    rc = 0;
done:
    kaa_mem_free(newbound.names);
    kaa_mem_free(childfree.names);
    return rc;
}

int kaa_symtable_build(KaaSymtable *st, AstMod *mod)
{
    Builder b = {st, NULL, 0, 0};
    st->errmsg[0] = '\0';
    st->too_deep = 0;
    st->top = new_scope(&b, BLOCK_MODULE, "top", mod);
    if (st->top == NULL) {
        return -1;
    }
    b.cur = st->top;
    if (mod->kind == AST_MOD_EXPRESSION) {
        visit_expr(&b, mod->expr);
    } else {
        visit_stmts(&b, mod->body);
    }
    if (!b.failed) {
        NameSet bound = {0}, free_out = {0};
        int r = analyze(&b, st->top, &bound, &free_out);
        kaa_mem_free(bound.names);
        kaa_mem_free(free_out.names);
        if (r < 0) {
            b.failed = 1;
        }
    }
    return b.failed ? -1 : 0;
}

static void free_scope(SymScopeTable *s)
{
    for (int i = 0; i < s->nchildren; i++) {
        free_scope(s->children[i]);
    }
    for (int i = 0; i < s->nsyms; i++) {
        if (s->syms[i].flags & SYM_OWNED_NAME) {
            kaa_mem_free((char *)s->syms[i].name);
        }
    }
    kaa_mem_free(s->children);
    kaa_mem_free(s->syms);
    kaa_mem_free(s->params);
    kaa_mem_free(s);
}

void kaa_symtable_free(KaaSymtable *st)
{
    for (int i = 0; i < st->nmangled; i++) {
        kaa_mem_free(st->mangled[i]);
    }
    kaa_mem_free(st->mangled);
    st->mangled = NULL;
    st->nmangled = st->capmangled = 0;
    if (st->top) {
        free_scope(st->top);
        st->top = NULL;
    }
}

SymScopeTable *kaa_symtable_lookup(SymScopeTable *parent, const void *node)
{
    for (int i = 0; i < parent->nchildren; i++) {
        if (parent->children[i]->node == node) {
            return parent->children[i];
        }
    }
    return NULL;
}

SymScope kaa_symtable_scope_of(SymScopeTable *s, const char *name)
{
    Symbol *sym = kaa_symtable_symbol(s, name);
    if (sym == NULL || sym->scope == 0) {
        return SCOPE_GLOBAL_IMPLICIT;
    }
    return sym->scope;
}
