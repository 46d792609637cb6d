/* The compiler: AST -> bytecode -> code objects.
 *
 * One compilation unit per code object (module, class body, function,
 * lambda, comprehension). Code is generated as a list of instructions whose
 * jumps name labels; the assembler then lays the instructions out with
 * EXTENDED_ARG prefixes, resolves jumps to absolute indexes, computes the
 * stack depth by following every path and records one source position per
 * code unit (for tracebacks).
 */
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "compile/compile.h"
#include "compile/symtable.h"
#include "mem/mem.h"
#include "vm/vm.h"

const char *const kaa_opcode_names[] = {
#define OP(name, effect) #name,
#include "compile/opcodes.def"
#undef OP
};

int kaa_opcode_stack_effect(int op, int arg)
{
    switch (op) {
#define OP(name, effect)                                                                         \
    case OP_##name:                                                                              \
        return (effect);
#include "compile/opcodes.def"
#undef OP
    default:
        return 0;
    }
}

// Pseudo-instructions: they mark the protected ranges of handlers and are
// turned into the exception table by the assembler (never emitted).
enum {
    PSEUDO_SETUP_FINALLY = 256, // handler gets [.., exc]
    PSEUDO_SETUP_CLEANUP,       // handler gets [.., lasti, exc]
    PSEUDO_SETUP_WITH,          // handler gets [.., lasti, exc] below the enter result
    PSEUDO_POP_BLOCK,
};

static int is_pseudo(int op)
{
    return op >= PSEUDO_SETUP_FINALLY;
}

// Stack effect when a jump instruction takes its jump.
static int jump_effect(int op, int arg)
{
    switch (op) {
    case PSEUDO_SETUP_FINALLY:
        return 1;
    case PSEUDO_SETUP_CLEANUP:
        return 2;
    case PSEUDO_SETUP_WITH:
        return 1;
    case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP:
        return 0;
    case OP_FOR_ITER:
    case OP_SEND:
        return -1;
    default:
        return kaa_opcode_stack_effect(op, arg);
    }
}

static int is_jump(int op)
{
    switch (op) {
    case PSEUDO_SETUP_FINALLY:
    case PSEUDO_SETUP_CLEANUP:
    case PSEUDO_SETUP_WITH:
    case OP_JUMP:
    case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE:
    case OP_POP_JUMP_IF_NONE:
    case OP_POP_JUMP_IF_NOT_NONE:
    case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP:
    case OP_FOR_ITER:
    case OP_SEND:
        return 1;
    default:
        return 0;
    }
}

static int is_terminator(int op)
{
    return op == OP_JUMP || op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS || op == OP_RERAISE;
}

static int stack_effect(int op, int arg)
{
    return is_pseudo(op) ? 0 : kaa_opcode_stack_effect(op, arg);
}

typedef struct Instr {
    int op;
    int arg;
    int label; // jump target label, or -1
    AstPos pos;
} Instr;

// Frame blocks: the statically nested constructs a break, continue or
// return must unwind (CPython's fblockinfo).
typedef enum {
    FB_WHILE_LOOP,
    FB_FOR_LOOP,
    FB_TRY_EXCEPT,
    FB_FINALLY_TRY,
    FB_FINALLY_END,
    FB_WITH,
    FB_HANDLER_CLEANUP,
    FB_EXCEPTION_HANDLER,
    FB_POP_VALUE
} FBlockKind;

typedef struct FBlock {
    FBlockKind kind;
    int block_label; // loops: where `continue` goes
    int exit_label;  // loops: where `break` goes
    const void *datum; // FINALLY_TRY: the finally body (AstSeq*); HANDLER_CLEANUP: the name
} FBlock;

#define MAX_FBLOCKS 40

typedef struct Unit {
    struct Unit *parent;
    SymScopeTable *ste;
    Instr *instrs;
    int ninstrs, capinstrs;
    int *labels;
    int nlabels, caplabels;
    KaaObject *consts;    // list
    KaaObject *names;     // list of str (co_names)
    KaaObject *varnames;  // list of str: parameters, then other locals
    KaaObject *cellvars;  // list of str
    KaaObject *freevars;  // list of str
    int argcount, posonlyargcount, kwonlyargcount, flags;
    int firstlineno;
    KaaObject *name, *qualname;
    const char *private_name; // the innermost enclosing class, for mangling
    FBlock fblocks[MAX_FBLOCKS];
    int nfblocks;
    AstPos loc;
} Unit;

typedef struct Compiler {
    KaaSymtable st;
    Unit *u;
    KaaObject *filename;
    int interactive;
} Compiler;

// --- Errors ------------------------------------------------------------------------

void kaa_raise_syntax_error_bytes(const char *kind, const char *msg, KaaObject *filename,
                                  int lineno, int col, int end_lineno, int end_col);

static int compiler_error(Compiler *c, AstPos pos, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    kaa_raise_syntax_error_bytes("SyntaxError", msg, c->filename, pos.lineno, pos.col,
                                 pos.end_lineno, pos.end_col);
    return -1;
}

// --- Units and emission --------------------------------------------------------------

static void unit_free(Unit *u)
{
    kaa_mem_free(u->instrs);
    kaa_mem_free(u->labels);
    Kaa_XDECREF(u->consts);
    Kaa_XDECREF(u->names);
    Kaa_XDECREF(u->varnames);
    Kaa_XDECREF(u->cellvars);
    Kaa_XDECREF(u->freevars);
    Kaa_XDECREF(u->name);
    Kaa_XDECREF(u->qualname);
    kaa_mem_free(u);
}

static int list_index(KaaObject *list, const char *name)
{
    for (Kaa_ssize_t i = 0; i < KaaList_GET_SIZE(list); i++) {
        if (strcmp(KaaStr_DATA(KaaList_GET_ITEM(list, i)), name) == 0) {
            return (int)i;
        }
    }
    return -1;
}

static int list_add_name(KaaObject *list, const char *name)
{
    KaaObject *s = KaaStr_FromString(name);
    if (s == NULL) {
        return -1;
    }
    KaaStr_InternInPlace(&s);
    int r = KaaList_Append(list, s);
    Kaa_DECREF(s);
    return r;
}

// Fill varnames/cellvars/freevars from the scope's symbols.
static int unit_layout_names(Unit *u)
{
    SymScopeTable *s = u->ste;
    if (s->kind != BLOCK_FUNCTION) {
        for (int i = 0; i < s->nsyms; i++) {
            Symbol *sym = &s->syms[i];
            if (sym->scope == SCOPE_FREE || (sym->flags & SYM_DEF_FREE_CLASS)) {
                if (list_add_name(u->freevars, sym->name) < 0) {
                    return -1;
                }
            }
        }
        if (s->kind == BLOCK_CLASS && s->needs_class_cell &&
            list_add_name(u->cellvars, "__class__") < 0) {
            return -1;
        }
        return 0;
    }
    for (int i = 0; i < s->nparams; i++) {
        if (list_add_name(u->varnames, s->params[i]) < 0) {
            return -1;
        }
    }
    for (int i = 0; i < s->nsyms; i++) {
        Symbol *sym = &s->syms[i];
        int is_param = sym->flags & SYM_DEF_PARAM;
        if (sym->scope == SCOPE_LOCAL && !is_param) {
            if (list_add_name(u->varnames, sym->name) < 0) {
                return -1;
            }
        } else if (sym->scope == SCOPE_CELL) {
            if (list_add_name(u->cellvars, sym->name) < 0) {
                return -1;
            }
        } else if (sym->scope == SCOPE_FREE) {
            if (list_add_name(u->freevars, sym->name) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static int enter_unit(Compiler *c, SymScopeTable *ste, const char *name, AstPos pos)
{
    Unit *u = kaa_mem_calloc(1, sizeof *u);
    if (u == NULL) {
        KaaErr_NoMemory();
        return -1;
    }
    u->parent = c->u;
    u->ste = ste;
    u->private_name = ste->kind == BLOCK_CLASS ? name : c->u ? c->u->private_name : NULL;
    u->firstlineno = pos.lineno ? pos.lineno : 1;
    u->loc = pos;
    u->consts = KaaList_New(0);
    u->names = KaaList_New(0);
    u->varnames = KaaList_New(0);
    u->cellvars = KaaList_New(0);
    u->freevars = KaaList_New(0);
    u->name = KaaStr_FromString(name);
    if (!u->consts || !u->names || !u->varnames || !u->cellvars || !u->freevars || !u->name) {
        unit_free(u);
        return -1;
    }
    KaaStr_InternInPlace(&u->name);
    // The qualified name: enclosing function names get ".<locals>".
    Unit *p = c->u;
    if (p && p->ste->kind != BLOCK_MODULE) {
        const char *sep = p->ste->kind == BLOCK_FUNCTION ? ".<locals>." : ".";
        u->qualname = KaaStr_FromFormat("%U%s%s", p->qualname, sep, name);
    } else {
        u->qualname = Kaa_NewRef(u->name);
    }
    if (u->qualname == NULL || unit_layout_names(u) < 0) {
        unit_free(u);
        return -1;
    }
    c->u = u;
    return 0;
}

static void leave_unit(Compiler *c)
{
    Unit *u = c->u;
    c->u = u->parent;
    unit_free(u);
}

static int emit_full(Compiler *c, int op, int arg, int label)
{
    Unit *u = c->u;
    if (u->ninstrs == u->capinstrs) {
        int cap = u->capinstrs ? u->capinstrs * 2 : 64;
        Instr *p = kaa_mem_realloc(u->instrs, (size_t)cap * sizeof *p);
        if (p == NULL) {
            KaaErr_NoMemory();
            return -1;
        }
        u->instrs = p;
        u->capinstrs = cap;
    }
    Instr *i = &u->instrs[u->ninstrs++];
    i->op = op;
    i->arg = arg;
    i->label = label;
    i->pos = u->loc;
    return 0;
}

static int emit(Compiler *c, int op, int arg)
{
    return emit_full(c, op, arg, -1);
}

static int emit_jump(Compiler *c, int op, int label)
{
    return emit_full(c, op, 0, label);
}

static int new_label(Compiler *c)
{
    Unit *u = c->u;
    if (u->nlabels == u->caplabels) {
        int cap = u->caplabels ? u->caplabels * 2 : 32;
        int *p = kaa_mem_realloc(u->labels, (size_t)cap * sizeof *p);
        if (p == NULL) {
            KaaErr_NoMemory();
            return -1;
        }
        u->labels = p;
        u->caplabels = cap;
    }
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

static void use_label(Compiler *c, int label)
{
    c->u->labels[label] = c->u->ninstrs;
}

#define CHECK(x)                                                                                 \
    do {                                                                                         \
        if ((x) < 0) {                                                                           \
            return -1;                                                                           \
        }                                                                                        \
    } while (0)

#define NEW_LABEL(var)                                                                           \
    int var = new_label(c);                                                                      \
    if (var < 0) {                                                                               \
        return -1;                                                                               \
    }

// --- Constants and names --------------------------------------------------------------

static int same_constant(KaaObject *a, KaaObject *b)
{
    if (Kaa_TYPE(a) != Kaa_TYPE(b)) {
        return 0;
    }
    if (KaaFloat_CheckExact(a)) {
        double x = KaaFloat_AS_DOUBLE(a), y = KaaFloat_AS_DOUBLE(b);
        return memcmp(&x, &y, sizeof x) == 0;
    }
    if (KaaComplex_CheckExact(a)) {
        KaaComplex x = KaaComplex_AS_CCOMPLEX(a), y = KaaComplex_AS_CCOMPLEX(b);
        return memcmp(&x, &y, sizeof x) == 0;
    }
    if (KaaStr_CheckExact(a)) {
        return kaa_str_eq(a, b);
    }
    if (KaaInt_CheckExact(a) || KaaBool_Check(a)) {
        return KaaObject_RichCompareBool(a, b, Kaa_EQ) == 1;
    }
    return a == b;
}

// Index of constant o in the unit's table (adding it). Steals o.
static int add_const(Compiler *c, KaaObject *o)
{
    if (o == NULL) {
        return -1;
    }
    KaaObject *consts = c->u->consts;
    for (Kaa_ssize_t i = 0; i < KaaList_GET_SIZE(consts); i++) {
        if (same_constant(KaaList_GET_ITEM(consts, i), o)) {
            Kaa_DECREF(o);
            return (int)i;
        }
    }
    int r = KaaList_Append(consts, o);
    Kaa_DECREF(o);
    return r < 0 ? -1 : (int)KaaList_GET_SIZE(consts) - 1;
}

static int emit_const(Compiler *c, KaaObject *o)
{
    int i = add_const(c, o);
    CHECK(i);
    return emit(c, OP_LOAD_CONST, i);
}

static int name_index(Compiler *c, const char *name)
{
    int i = list_index(c->u->names, name);
    if (i >= 0) {
        return i;
    }
    CHECK(list_add_name(c->u->names, name));
    return (int)KaaList_GET_SIZE(c->u->names) - 1;
}

static int is_identifier_like(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '_')) {
            return 0;
        }
    }
    return 1;
}

static KaaObject *constant_object(Compiler *c, AstExpr *e)
{
    AstConst *k = &e->v.constant;
    switch (k->kind) {
    case AST_CONST_NONE:
        return kaa_none_ref();
    case AST_CONST_TRUE:
        return KaaBool_FromLong(1);
    case AST_CONST_FALSE:
        return KaaBool_FromLong(0);
    case AST_CONST_ELLIPSIS:
        return Kaa_NewRef(Kaa_Ellipsis);
    case AST_CONST_INT:
        return KaaInt_FromString(k->text, k->len, 0);
    case AST_CONST_FLOAT:
        return KaaFloat_FromDouble(k->f);
    case AST_CONST_STR: {
        KaaObject *s = KaaStr_FromStringAndSize(k->text, (Kaa_ssize_t)k->len);
        // CPython interns constant strings that look like identifiers.
        if (s && is_identifier_like(k->text, k->len)) {
            KaaStr_InternInPlace(&s);
        }
        return s;
    }
    case AST_CONST_IMAG:
        return KaaComplex_FromDoubles(0.0, k->f);
    case AST_CONST_BYTES:
        return KaaBytes_FromStringAndSize(k->text, (Kaa_ssize_t)k->len);
    }
    return NULL;
}

// --- Names -------------------------------------------------------------------------

static int compile_name(Compiler *c, const char *id, AstContext ctx)
{
    Unit *u = c->u;
    SymScope scope = kaa_symtable_scope_of(u->ste, id);
    BlockKind kind = u->ste->kind;
    int idx;
    switch (scope) {
    case SCOPE_FREE:
    case SCOPE_CELL: {
        int nlocals = (int)KaaList_GET_SIZE(u->varnames);
        int ncells = (int)KaaList_GET_SIZE(u->cellvars);
        idx = list_index(u->cellvars, id);
        if (idx >= 0) {
            idx += nlocals;
        } else {
            idx = list_index(u->freevars, id);
            if (idx < 0) {
                break; // class-local name that is also free for a method: a NAME
            }
            idx += nlocals + ncells;
        }
        if (ctx == AST_LOAD) {
            if (kind == BLOCK_CLASS) {
                // The class namespace may shadow the free variable.
                return emit(c, OP_LOAD_CLASSDEREF, idx);
            }
            return emit(c, OP_LOAD_DEREF, idx);
        }
        return emit(c, ctx == AST_STORE ? OP_STORE_DEREF : OP_DELETE_DEREF, idx);
    }
    case SCOPE_LOCAL:
        if (kind == BLOCK_FUNCTION) {
            idx = list_index(u->varnames, id);
            return emit(c, ctx == AST_LOAD    ? OP_LOAD_FAST
                           : ctx == AST_STORE ? OP_STORE_FAST
                                              : OP_DELETE_FAST,
                        idx);
        }
        break;
    case SCOPE_GLOBAL_EXPLICIT:
        idx = name_index(c, id);
        CHECK(idx);
        return emit(c, ctx == AST_LOAD    ? OP_LOAD_GLOBAL
                       : ctx == AST_STORE ? OP_STORE_GLOBAL
                                          : OP_DELETE_GLOBAL,
                    idx);
    case SCOPE_GLOBAL_IMPLICIT:
        if (kind == BLOCK_FUNCTION) {
            idx = name_index(c, id);
            CHECK(idx);
            return emit(c, ctx == AST_LOAD    ? OP_LOAD_GLOBAL
                           : ctx == AST_STORE ? OP_STORE_GLOBAL
                                              : OP_DELETE_GLOBAL,
                        idx);
        }
        break;
    }
    idx = name_index(c, id);
    CHECK(idx);
    return emit(c, ctx == AST_LOAD ? OP_LOAD_NAME : ctx == AST_STORE ? OP_STORE_NAME : OP_DELETE_NAME,
                idx);
}

// --- Expressions ---------------------------------------------------------------------

static int compile_expr(Compiler *c, AstExpr *e);
static int compile_stmts(Compiler *c, AstSeq *body);
static int compile_stmt(Compiler *c, AstStmt *s);
static int compile_store(Compiler *c, AstExpr *target);
static int find_annotations(AstSeq *body);
static int compile_function_object(Compiler *c, const void *node, const char *name,
                                   AstArguments *args, AstExpr *returns, AstSeq *body,
                                   AstExpr *lambda_body, AstPos pos);

static int compile_exprs(Compiler *c, AstSeq *seq)
{
    for (int i = 0; i < AST_SEQ_LEN(seq); i++) {
        CHECK(compile_expr(c, AST_SEQ_GET(seq, i)));
    }
    return 0;
}

static int has_starred(AstSeq *seq)
{
    for (int i = 0; i < AST_SEQ_LEN(seq); i++) {
        AstExpr *e = AST_SEQ_GET(seq, i);
        if (e->kind == EXPR_STARRED) {
            return 1;
        }
    }
    return 0;
}

// The value of a constant expression as CPython's AST optimizer folds it:
// literals, a sign applied to a number, and tuples of those. New reference,
// or NULL (with no exception) when e is not constant.
static KaaObject *fold_constant_tuple(Compiler *c, AstSeq *elts);

static KaaObject *constant_value(Compiler *c, AstExpr *e)
{
    if (e->kind == EXPR_CONSTANT) {
        return constant_object(c, e);
    }
    if (e->kind == EXPR_UNARYOP &&
        (e->v.unaryop.op == AST_USUB || e->v.unaryop.op == AST_UADD) &&
        e->v.unaryop.operand->kind == EXPR_CONSTANT &&
        (e->v.unaryop.operand->v.constant.kind == AST_CONST_INT ||
         e->v.unaryop.operand->v.constant.kind == AST_CONST_FLOAT ||
         e->v.unaryop.operand->v.constant.kind == AST_CONST_IMAG)) {
        KaaObject *o = constant_object(c, e->v.unaryop.operand);
        if (o == NULL) {
            return NULL;
        }
        KaaObject *r = e->v.unaryop.op == AST_USUB ? KaaNumber_Negative(o) : Kaa_NewRef(o);
        Kaa_DECREF(o);
        return r;
    }
    if (e->kind == EXPR_TUPLE) {
        return fold_constant_tuple(c, e->v.seq.elts);
    }
    return NULL;
}

// A tuple of constants becomes a single constant (as CPython folds it).
static KaaObject *fold_constant_tuple(Compiler *c, AstSeq *elts)
{
    int n = AST_SEQ_LEN(elts);
    KaaObject *t = KaaTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        KaaObject *o = constant_value(c, AST_SEQ_GET(elts, i));
        if (o == NULL) {
            Kaa_DECREF(t);
            return NULL;
        }
        KaaTuple_SET_ITEM(t, i, o);
    }
    return t;
}

// Build a list/tuple/set from elements that may contain *starred ones.
static int compile_sequence_build(Compiler *c, AstSeq *elts, int build_op, int extend_op,
                                  int append_op)
{
    int n = AST_SEQ_LEN(elts);
    if (!has_starred(elts)) {
        CHECK(compile_exprs(c, elts));
        return emit(c, build_op, n);
    }
    int container_op = build_op == OP_BUILD_SET ? OP_BUILD_SET : OP_BUILD_LIST;
    CHECK(emit(c, container_op, 0));
    for (int i = 0; i < n; i++) {
        AstExpr *e = AST_SEQ_GET(elts, i);
        if (e->kind == EXPR_STARRED) {
            CHECK(compile_expr(c, e->v.starred.value));
            CHECK(emit(c, extend_op, 1));
        } else {
            CHECK(compile_expr(c, e));
            CHECK(emit(c, append_op, 1));
        }
    }
    if (build_op == OP_BUILD_TUPLE) {
        CHECK(emit(c, OP_LIST_TO_TUPLE, 0));
    }
    return 0;
}

static int compile_dict(Compiler *c, AstExpr *e)
{
    AstSeq *keys = e->v.dict.keys, *values = e->v.dict.values;
    int n = AST_SEQ_LEN(values), pending = 0, built = 0;
    for (int i = 0; i < n; i++) {
        AstExpr *k = AST_SEQ_GET(keys, i);
        if (k == NULL) {
            // **mapping: flush what we have, then merge.
            if (pending || !built) {
                CHECK(emit(c, OP_BUILD_MAP, pending));
                if (built) {
                    CHECK(emit(c, OP_DICT_UPDATE, 1));
                }
                built = 1;
                pending = 0;
            }
            CHECK(compile_expr(c, AST_SEQ_GET(values, i)));
            CHECK(emit(c, OP_DICT_UPDATE, 1));
            continue;
        }
        CHECK(compile_expr(c, k));
        CHECK(compile_expr(c, AST_SEQ_GET(values, i)));
        pending++;
    }
    if (pending || !built) {
        CHECK(emit(c, OP_BUILD_MAP, pending));
        if (built) {
            CHECK(emit(c, OP_DICT_UPDATE, 1));
        }
    }
    return 0;
}

static const int cmp_opargs[] = {Kaa_EQ, Kaa_NE, Kaa_LT, Kaa_LE, Kaa_GT, Kaa_GE};

// The right operand of `in` and the iterable of `for`: a list display of
// constants becomes a tuple constant and a set display a frozenset
// constant (CPython's optimizer does the same). Return 1 if emitted.
static int emit_folded_container(Compiler *c, AstExpr *e)
{
    if (e->kind != EXPR_LIST && e->kind != EXPR_SET) {
        return 0;
    }
    AstSeq *elts = e->kind == EXPR_LIST ? e->v.seq.elts : e->v.set.elts;
    KaaObject *t = fold_constant_tuple(c, elts);
    if (t == NULL) {
        return KaaErr_Occurred() ? -1 : 0;
    }
    if (e->kind == EXPR_SET) {
        KaaObject *fs = KaaFrozenSet_New(t);
        Kaa_DECREF(t);
        if (fs == NULL) {
            return -1;
        }
        t = fs;
    }
    return emit_const(c, t) < 0 ? -1 : 1;
}

static int compile_container_operand(Compiler *c, AstExpr *e)
{
    int r = emit_folded_container(c, e);
    if (r != 0) {
        return r < 0 ? -1 : 0;
    }
    return compile_expr(c, e);
}

static int emit_compare(Compiler *c, AstCmpOp op)
{
    switch (op) {
    case AST_IS:
        return emit(c, OP_IS_OP, 0);
    case AST_ISNOT:
        return emit(c, OP_IS_OP, 1);
    case AST_IN:
        return emit(c, OP_CONTAINS_OP, 0);
    case AST_NOTIN:
        return emit(c, OP_CONTAINS_OP, 1);
    default:
        return emit(c, OP_COMPARE_OP, cmp_opargs[op]);
    }
}

// a < b < c: evaluate b once, stop at the first false comparison.
static int compile_compare(Compiler *c, AstExpr *e)
{
    int n = e->v.compare.n;
    CHECK(compile_expr(c, e->v.compare.left));
    if (n == 1) {
        AstCmpOp op0 = e->v.compare.ops[0];
        if (op0 == AST_IN || op0 == AST_NOTIN) {
            CHECK(compile_container_operand(c, e->v.compare.comparators[0]));
        } else {
            CHECK(compile_expr(c, e->v.compare.comparators[0]));
        }
        c->u->loc = e->pos;
        return emit_compare(c, e->v.compare.ops[0]);
    }
    NEW_LABEL(cleanup);
    NEW_LABEL(end);
    for (int i = 0; i < n - 1; i++) {
        CHECK(compile_expr(c, e->v.compare.comparators[i]));
        c->u->loc = e->pos;
        CHECK(emit(c, OP_SWAP, 2));
        CHECK(emit(c, OP_COPY, 2));
        CHECK(emit_compare(c, e->v.compare.ops[i]));
        CHECK(emit_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup));
    }
    CHECK(compile_expr(c, e->v.compare.comparators[n - 1]));
    c->u->loc = e->pos;
    CHECK(emit_compare(c, e->v.compare.ops[n - 1]));
    CHECK(emit_jump(c, OP_JUMP, end));
    use_label(c, cleanup);
    CHECK(emit(c, OP_SWAP, 2));
    CHECK(emit(c, OP_POP_TOP, 0));
    use_label(c, end);
    return 0;
}

// Jump to `label` when e's truth equals `cond`, without materializing bools
// for `not`, `and`, `or` (as CPython's compiler_jump_if).
static int compile_jump_if(Compiler *c, AstExpr *e, int label, int cond)
{
    if (e->kind == EXPR_UNARYOP && e->v.unaryop.op == AST_NOT) {
        return compile_jump_if(c, e->v.unaryop.operand, label, !cond);
    }
    if (e->kind == EXPR_BOOLOP) {
        AstSeq *values = e->v.boolop.values;
        int n = AST_SEQ_LEN(values);
        int is_or = e->v.boolop.op == AST_OR;
        if (is_or == cond) {
            // or + jump-if-true, and + jump-if-false: any operand decides.
            for (int i = 0; i < n; i++) {
                CHECK(compile_jump_if(c, AST_SEQ_GET(values, i), label, cond));
            }
            return 0;
        }
        NEW_LABEL(skip);
        for (int i = 0; i < n - 1; i++) {
            CHECK(compile_jump_if(c, AST_SEQ_GET(values, i), skip, !cond));
        }
        CHECK(compile_jump_if(c, AST_SEQ_GET(values, n - 1), label, cond));
        use_label(c, skip);
        return 0;
    }
    CHECK(compile_expr(c, e));
    return emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
}

static int compile_boolop(Compiler *c, AstExpr *e)
{
    AstSeq *values = e->v.boolop.values;
    int n = AST_SEQ_LEN(values);
    NEW_LABEL(end);
    int op = e->v.boolop.op == AST_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
    for (int i = 0; i < n - 1; i++) {
        CHECK(compile_expr(c, AST_SEQ_GET(values, i)));
        CHECK(emit_jump(c, op, end));
    }
    CHECK(compile_expr(c, AST_SEQ_GET(values, n - 1)));
    use_label(c, end);
    return 0;
}

// The values of name=value keywords, then the tuple of their names (the
// layout CALL_KW takes). Every keyword has a name.
static int compile_keywords(Compiler *c, AstSeq *kws)
{
    int nkw = AST_SEQ_LEN(kws);
    KaaObject *names = KaaTuple_New(nkw);
    if (names == NULL) {
        return -1;
    }
    for (int i = 0; i < nkw; i++) {
        AstKeyword *k = AST_SEQ_GET(kws, i);
        for (int j = 0; j < i; j++) {
            AstKeyword *prev = AST_SEQ_GET(kws, j);
            if (strcmp(prev->arg, k->arg) == 0) {
                Kaa_DECREF(names);
                return compiler_error(c, k->pos, "keyword argument repeated: %s", k->arg);
            }
        }
        KaaObject *name = KaaStr_FromString(k->arg);
        if (name == NULL) {
            Kaa_DECREF(names);
            return -1;
        }
        KaaStr_InternInPlace(&name);
        KaaTuple_SET_ITEM(names, i, name);
    }
    for (int i = 0; i < nkw; i++) {
        AstKeyword *k = AST_SEQ_GET(kws, i);
        if (compile_expr(c, k->value) < 0) {
            Kaa_DECREF(names);
            return -1;
        }
    }
    return emit_const(c, names);
}

static int compile_call(Compiler *c, AstExpr *e)
{
    AstExpr *func = e->v.call.func;
    AstSeq *args = e->v.call.args, *kws = e->v.call.keywords;
    int nkw = AST_SEQ_LEN(kws), nargs = AST_SEQ_LEN(args);
    int star_kw = 0;
    for (int i = 0; i < nkw; i++) {
        AstKeyword *k = AST_SEQ_GET(kws, i);
        if (k->arg == NULL) {
            star_kw = 1;
        }
    }
    // CALL_EX takes [callable, NULL]: no LOAD_METHOD for f(*a) or f(**k).
    if (func->kind == EXPR_ATTRIBUTE && !has_starred(args) && !star_kw) {
        CHECK(compile_expr(c, func->v.attribute.value));
        int idx = name_index(c, func->v.attribute.attr);
        CHECK(idx);
        c->u->loc = func->pos;
        CHECK(emit(c, OP_LOAD_METHOD, idx));
    } else {
        CHECK(compile_expr(c, func));
        CHECK(emit(c, OP_PUSH_NULL, 0));
    }
    if (!has_starred(args) && !star_kw) {
        CHECK(compile_exprs(c, args));
        if (nkw == 0) {
            c->u->loc = e->pos;
            return emit(c, OP_CALL, nargs);
        }
        CHECK(compile_keywords(c, kws));
        c->u->loc = e->pos;
        return emit(c, OP_CALL_KW, nargs + nkw);
    }
    // f(*a, **k): positional arguments as one tuple, keywords as one dict.
    CHECK(compile_sequence_build(c, args, OP_BUILD_TUPLE, OP_LIST_EXTEND, OP_LIST_APPEND));
    if (nkw) {
        int pending = 0, built = 0;
        for (int i = 0; i < nkw; i++) {
            AstKeyword *k = AST_SEQ_GET(kws, i);
            if (k->arg == NULL) {
                if (pending || !built) {
                    CHECK(emit(c, OP_BUILD_MAP, pending));
                    if (built) {
                        CHECK(emit(c, OP_DICT_MERGE, 1));
                    }
                    built = 1;
                    pending = 0;
                }
                CHECK(compile_expr(c, k->value));
                CHECK(emit(c, OP_DICT_MERGE, 1));
                continue;
            }
            CHECK(emit_const(c, KaaStr_FromString(k->arg)));
            CHECK(compile_expr(c, k->value));
            pending++;
        }
        if (pending) {
            CHECK(emit(c, OP_BUILD_MAP, pending));
            if (built) {
                CHECK(emit(c, OP_DICT_MERGE, 1));
            }
        }
    }
    c->u->loc = e->pos;
    return emit(c, OP_CALL_EX, nkw ? 1 : 0);
}

static int compile_slice_part(Compiler *c, AstExpr *e)
{
    if (e == NULL) {
        return emit_const(c, kaa_none_ref());
    }
    return compile_expr(c, e);
}

static int compile_subscript_key(Compiler *c, AstExpr *slice)
{
    if (slice->kind == EXPR_SLICE) {
        CHECK(compile_slice_part(c, slice->v.slice.lower));
        CHECK(compile_slice_part(c, slice->v.slice.upper));
        if (slice->v.slice.step) {
            CHECK(compile_expr(c, slice->v.slice.step));
            return emit(c, OP_BUILD_SLICE, 3);
        }
        return emit(c, OP_BUILD_SLICE, 2);
    }
    return compile_expr(c, slice);
}

// [elt for target in iter if cond ...] as a nested function called with the
// outermost iterator.
static int compile_comprehension_body(Compiler *c, AstExpr *e, int gen_index, int depth)
{
    AstSeq *gens = e->v.comp.generators;
    AstComprehension *g = AST_SEQ_GET(gens, gen_index);
    NEW_LABEL(top);
    NEW_LABEL(end);
    if (gen_index == 0) {
        CHECK(emit(c, OP_LOAD_FAST, 0)); // the ".0" parameter: an iterator
    } else {
        CHECK(compile_expr(c, g->iter));
        CHECK(emit(c, OP_GET_ITER, 0));
    }
    use_label(c, top);
    CHECK(emit_jump(c, OP_FOR_ITER, end));
    CHECK(compile_store(c, g->target));
    for (int i = 0; i < AST_SEQ_LEN(g->ifs); i++) {
        CHECK(compile_jump_if(c, AST_SEQ_GET(g->ifs, i), top, 0));
    }
    if (gen_index + 1 < AST_SEQ_LEN(gens)) {
        CHECK(compile_comprehension_body(c, e, gen_index + 1, depth + 1));
    } else if (e->kind == EXPR_DICTCOMP) {
        CHECK(compile_expr(c, e->v.comp.key));
        CHECK(compile_expr(c, e->v.comp.value));
        CHECK(emit(c, OP_MAP_ADD, depth + 2));
    } else if (e->kind == EXPR_GENEXP) {
        CHECK(compile_expr(c, e->v.comp.elt));
        CHECK(emit(c, OP_YIELD_VALUE, 0));
        CHECK(emit(c, OP_POP_TOP, 0));
    } else {
        CHECK(compile_expr(c, e->v.comp.elt));
        // The result sits below one iterator per generator (depth + 1 of them).
        CHECK(emit(c, e->kind == EXPR_LISTCOMP ? OP_LIST_APPEND : OP_SET_ADD, depth + 2));
    }
    CHECK(emit_jump(c, OP_JUMP, top));
    use_label(c, end);
    return 0;
}

static KaaObject *assemble(Compiler *c);

static int make_closure(Compiler *c, KaaObject *code, int flags);

static int compile_comprehension(Compiler *c, AstExpr *e)
{
    SymScopeTable *ste = kaa_symtable_lookup(c->u->ste, e);
    AstComprehension *first = AST_SEQ_GET(e->v.comp.generators, 0);
    CHECK(compile_expr(c, first->iter));
    CHECK(enter_unit(c, ste, ste->name, e->pos));
    c->u->argcount = 1;
    c->u->flags = KAA_CO_OPTIMIZED | KAA_CO_NEWLOCALS;
    int ok;
    if (e->kind == EXPR_GENEXP) {
        c->u->flags |= KAA_CO_GENERATOR;
        ok = compile_comprehension_body(c, e, 0, 0) == 0;
    } else {
        ok = emit(c, e->kind == EXPR_LISTCOMP ? OP_BUILD_LIST
                     : e->kind == EXPR_SETCOMP ? OP_BUILD_SET
                                               : OP_BUILD_MAP,
                  0) == 0 &&
             compile_comprehension_body(c, e, 0, 0) == 0 && emit(c, OP_RETURN_VALUE, 0) == 0;
    }
    KaaObject *code = ok ? assemble(c) : NULL;
    leave_unit(c);
    if (code == NULL) {
        return -1;
    }
    c->u->loc = e->pos;
    CHECK(make_closure(c, code, 0));
    CHECK(emit(c, OP_SWAP, 2));
    CHECK(emit(c, OP_GET_ITER, 0));
    CHECK(emit(c, OP_PUSH_NULL, 0));
    CHECK(emit(c, OP_SWAP, 2));
    return emit(c, OP_CALL, 1);
}

// f'{value!r:spec}': the value, its conversion and an optional spec.
static int compile_formatted(Compiler *c, AstExpr *e)
{
    CHECK(compile_expr(c, e->v.formatted.value));
    int conv = e->v.formatted.conversion;
    int arg = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
    if (e->v.formatted.format_spec) {
        CHECK(compile_expr(c, e->v.formatted.format_spec));
        arg |= 4;
    }
    c->u->loc = e->pos;
    return emit(c, OP_FORMAT_VALUE, arg);
}

static int compile_joinedstr(Compiler *c, AstExpr *e)
{
    AstSeq *values = e->v.joinedstr.values;
    int n = AST_SEQ_LEN(values);
    CHECK(compile_exprs(c, values));
    if (n == 1) {
        return 0; // a lone part is already a str
    }
    if (n == 0) {
        return emit_const(c, KaaStr_FromString(""));
    }
    c->u->loc = e->pos;
    return emit(c, OP_BUILD_STRING, n);
}

// yield from x: send values through to x until it returns.
static int compile_yield_from(Compiler *c, AstExpr *e)
{
    NEW_LABEL(send);
    NEW_LABEL(exit);
    CHECK(compile_expr(c, e->v.yield.value));
    c->u->loc = e->pos;
    CHECK(emit(c, OP_GET_YIELD_FROM_ITER, 0));
    CHECK(emit_const(c, kaa_none_ref()));
    use_label(c, send);
    CHECK(emit_jump(c, OP_SEND, exit));
    CHECK(emit(c, OP_YIELD_VALUE, 1));
    CHECK(emit_jump(c, OP_JUMP, send));
    use_label(c, exit);
    return 0;
}

static int compile_expr(Compiler *c, AstExpr *e)
{
    AstPos saved = c->u->loc;
    c->u->loc = e->pos;
    int r = 0;
    switch (e->kind) {
    case EXPR_CONSTANT: {
        KaaObject *o = constant_object(c, e);
        r = o ? emit_const(c, o) : -1;
        break;
    }
    case EXPR_NAME:
        r = compile_name(c, e->v.name.id, AST_LOAD);
        break;
    case EXPR_BINOP:
        r = compile_expr(c, e->v.binop.left);
        if (r == 0) {
            r = compile_expr(c, e->v.binop.right);
        }
        c->u->loc = e->pos;
        if (r == 0) {
            r = emit(c, OP_BINARY_OP, e->v.binop.op);
        }
        break;
    case EXPR_UNARYOP: {
        static const int ops[] = {OP_UNARY_INVERT, OP_UNARY_NOT, OP_UNARY_POSITIVE,
                                  OP_UNARY_NEGATIVE};
        // Fold -<number literal> so that -5 is one constant (as CPython).
        AstExpr *operand = e->v.unaryop.operand;
        if (e->v.unaryop.op == AST_USUB && operand->kind == EXPR_CONSTANT &&
            (operand->v.constant.kind == AST_CONST_INT ||
             operand->v.constant.kind == AST_CONST_FLOAT ||
             operand->v.constant.kind == AST_CONST_IMAG)) {
            KaaObject *o = constant_object(c, operand);
            KaaObject *neg = o ? KaaNumber_Negative(o) : NULL;
            Kaa_XDECREF(o);
            r = neg ? emit_const(c, neg) : -1;
            break;
        }
        r = compile_expr(c, operand);
        c->u->loc = e->pos;
        if (r == 0) {
            r = emit(c, ops[e->v.unaryop.op], 0);
        }
        break;
    }
    case EXPR_BOOLOP:
        r = compile_boolop(c, e);
        break;
    case EXPR_COMPARE:
        r = compile_compare(c, e);
        break;
    case EXPR_CALL:
        r = compile_call(c, e);
        break;
    case EXPR_ATTRIBUTE:
        r = compile_expr(c, e->v.attribute.value);
        c->u->loc = e->pos;
        if (r == 0) {
            int idx = name_index(c, e->v.attribute.attr);
            r = idx < 0 ? -1 : emit(c, OP_LOAD_ATTR, idx);
        }
        break;
    case EXPR_SUBSCRIPT:
        r = compile_expr(c, e->v.subscript.value);
        if (r == 0) {
            r = compile_subscript_key(c, e->v.subscript.slice);
        }
        c->u->loc = e->pos;
        if (r == 0) {
            r = emit(c, OP_BINARY_SUBSCR, 0);
        }
        break;
    case EXPR_TUPLE: {
        KaaObject *folded = fold_constant_tuple(c, e->v.seq.elts);
        if (folded) {
            r = emit_const(c, folded);
        } else if (KaaErr_Occurred()) {
            r = -1;
        } else {
            r = compile_sequence_build(c, e->v.seq.elts, OP_BUILD_TUPLE, OP_LIST_EXTEND,
                                       OP_LIST_APPEND);
        }
        break;
    }
    case EXPR_LIST: {
        // More than two constants: extend an empty list from a tuple constant,
        // as CPython 3.11 does (its over-allocation shows in sys.getsizeof).
        KaaObject *folded =
            AST_SEQ_LEN(e->v.seq.elts) > 2 ? fold_constant_tuple(c, e->v.seq.elts) : NULL;
        if (folded) {
            r = emit(c, OP_BUILD_LIST, 0);
            if (r == 0) {
                r = emit_const(c, folded);
            } else {
                Kaa_DECREF(folded);
            }
            if (r == 0) {
                r = emit(c, OP_LIST_EXTEND, 1);
            }
        } else if (KaaErr_Occurred()) {
            r = -1;
        } else {
            r = compile_sequence_build(c, e->v.seq.elts, OP_BUILD_LIST, OP_LIST_EXTEND,
                                       OP_LIST_APPEND);
        }
        break;
    }
    case EXPR_SET: {
        // {c1, c2, c3, ...} of more than two constants: BUILD_SET 0 then a
        // frozenset constant added in one SET_UPDATE, as CPython 3.11 does
        // (the insertion order decides the printed order).
        KaaObject *folded =
            AST_SEQ_LEN(e->v.set.elts) > 2 ? fold_constant_tuple(c, e->v.set.elts) : NULL;
        if (folded) {
            KaaObject *fs = KaaFrozenSet_New(folded);
            Kaa_DECREF(folded);
            r = fs ? emit(c, OP_BUILD_SET, 0) : -1;
            if (r == 0) {
                r = emit_const(c, fs);
            } else {
                Kaa_XDECREF(fs);
            }
            if (r == 0) {
                r = emit(c, OP_SET_UPDATE, 1);
            }
        } else if (KaaErr_Occurred()) {
            r = -1;
        } else {
            r = compile_sequence_build(c, e->v.set.elts, OP_BUILD_SET, OP_SET_UPDATE, OP_SET_ADD);
        }
        break;
    }
    case EXPR_DICT:
        r = compile_dict(c, e);
        break;
    case EXPR_IFEXP: {
        int orelse = new_label(c), end = new_label(c);
        r = orelse < 0 || end < 0 ? -1 : compile_jump_if(c, e->v.ifexp.test, orelse, 0);
        if (r == 0) {
            r = compile_expr(c, e->v.ifexp.body);
        }
        if (r == 0) {
            r = emit_jump(c, OP_JUMP, end);
        }
        if (r == 0) {
            use_label(c, orelse);
            r = compile_expr(c, e->v.ifexp.orelse);
            use_label(c, end);
        }
        break;
    }
    case EXPR_NAMEDEXPR:
        r = compile_expr(c, e->v.namedexpr.value);
        if (r == 0) {
            r = emit(c, OP_COPY, 1);
        }
        if (r == 0) {
            r = compile_store(c, e->v.namedexpr.target);
        }
        break;
    case EXPR_LAMBDA:
        r = compile_function_object(c, e, "<lambda>", e->v.lambda.args, NULL, NULL, e->v.lambda.body,
                                    e->pos);
        break;
    case EXPR_LISTCOMP:
    case EXPR_SETCOMP:
    case EXPR_DICTCOMP:
    case EXPR_GENEXP:
        r = compile_comprehension(c, e);
        break;
    case EXPR_SLICE:
        r = compile_subscript_key(c, e);
        break;
    case EXPR_STARRED:
        r = compiler_error(c, e->pos, "can't use starred expression here");
        break;
    case EXPR_YIELD:
        if (e->v.yield.value) {
            r = compile_expr(c, e->v.yield.value);
        } else {
            r = emit_const(c, kaa_none_ref());
        }
        c->u->loc = e->pos;
        if (r == 0) {
            r = emit(c, OP_YIELD_VALUE, 0);
        }
        break;
    case EXPR_YIELDFROM:
        r = compile_yield_from(c, e);
        break;
    case EXPR_JOINEDSTR:
        r = compile_joinedstr(c, e);
        break;
    case EXPR_FORMATTEDVALUE:
        r = compile_formatted(c, e);
        break;
    }
    c->u->loc = saved;
    return r;
}

// --- Assignment targets -----------------------------------------------------------------

static int compile_unpack(Compiler *c, AstSeq *elts, AstPos pos)
{
    int n = AST_SEQ_LEN(elts), star = -1;
    for (int i = 0; i < n; i++) {
        AstExpr *e = AST_SEQ_GET(elts, i);
        if (e->kind == EXPR_STARRED) {
            if (star >= 0) {
                return compiler_error(c, pos, "multiple starred expressions in assignment");
            }
            star = i;
        }
    }
    if (star < 0) {
        CHECK(emit(c, OP_UNPACK_SEQUENCE, n));
    } else {
        CHECK(emit(c, OP_UNPACK_EX, star | ((n - star - 1) << 8)));
    }
    for (int i = 0; i < n; i++) {
        AstExpr *e = AST_SEQ_GET(elts, i);
        CHECK(compile_store(c, e->kind == EXPR_STARRED ? e->v.starred.value : e));
    }
    return 0;
}

// Store the value on top of the stack into target.
static int compile_store(Compiler *c, AstExpr *t)
{
    AstPos saved = c->u->loc;
    c->u->loc = t->pos;
    int r;
    switch (t->kind) {
    case EXPR_NAME:
        r = compile_name(c, t->v.name.id, AST_STORE);
        break;
    case EXPR_ATTRIBUTE: {
        r = compile_expr(c, t->v.attribute.value);
        int idx = r < 0 ? -1 : name_index(c, t->v.attribute.attr);
        c->u->loc = t->pos;
        r = idx < 0 ? -1 : emit(c, OP_STORE_ATTR, idx);
        break;
    }
    case EXPR_SUBSCRIPT:
        r = compile_expr(c, t->v.subscript.value);
        if (r == 0) {
            r = compile_subscript_key(c, t->v.subscript.slice);
        }
        c->u->loc = t->pos;
        if (r == 0) {
            r = emit(c, OP_STORE_SUBSCR, 0);
        }
        break;
    case EXPR_TUPLE:
    case EXPR_LIST:
        r = compile_unpack(c, t->v.seq.elts, t->pos);
        break;
    case EXPR_STARRED:
        r = compiler_error(c, t->pos, "starred assignment target must be in a list or tuple");
        break;
    default:
        r = compiler_error(c, t->pos, "cannot assign to expression");
        break;
    }
    c->u->loc = saved;
    return r;
}

static int compile_delete(Compiler *c, AstExpr *t)
{
    c->u->loc = t->pos;
    switch (t->kind) {
    case EXPR_NAME:
        return compile_name(c, t->v.name.id, AST_DEL);
    case EXPR_ATTRIBUTE: {
        CHECK(compile_expr(c, t->v.attribute.value));
        int idx = name_index(c, t->v.attribute.attr);
        CHECK(idx);
        c->u->loc = t->pos;
        return emit(c, OP_DELETE_ATTR, idx);
    }
    case EXPR_SUBSCRIPT:
        CHECK(compile_expr(c, t->v.subscript.value));
        CHECK(compile_subscript_key(c, t->v.subscript.slice));
        c->u->loc = t->pos;
        return emit(c, OP_DELETE_SUBSCR, 0);
    case EXPR_TUPLE:
    case EXPR_LIST:
        for (int i = 0; i < AST_SEQ_LEN(t->v.seq.elts); i++) {
            CHECK(compile_delete(c, AST_SEQ_GET(t->v.seq.elts, i)));
        }
        return 0;
    default:
        return compiler_error(c, t->pos, "cannot delete expression");
    }
}

static int compile_augassign(Compiler *c, AstStmt *s)
{
    AstExpr *t = s->v.augassign.target;
    int op = (int)s->v.augassign.op | KAA_NB_INPLACE;
    switch (t->kind) {
    case EXPR_NAME:
        CHECK(compile_name(c, t->v.name.id, AST_LOAD));
        CHECK(compile_expr(c, s->v.augassign.value));
        c->u->loc = s->pos;
        CHECK(emit(c, OP_BINARY_OP, op));
        return compile_name(c, t->v.name.id, AST_STORE);
    case EXPR_ATTRIBUTE: {
        int idx = name_index(c, t->v.attribute.attr);
        CHECK(idx);
        CHECK(compile_expr(c, t->v.attribute.value));
        CHECK(emit(c, OP_COPY, 1));
        c->u->loc = t->pos;
        CHECK(emit(c, OP_LOAD_ATTR, idx));
        CHECK(compile_expr(c, s->v.augassign.value));
        c->u->loc = s->pos;
        CHECK(emit(c, OP_BINARY_OP, op));
        CHECK(emit(c, OP_SWAP, 2));
        return emit(c, OP_STORE_ATTR, idx);
    }
    case EXPR_SUBSCRIPT:
        CHECK(compile_expr(c, t->v.subscript.value));
        CHECK(compile_subscript_key(c, t->v.subscript.slice));
        CHECK(emit(c, OP_COPY, 2));
        CHECK(emit(c, OP_COPY, 2));
        c->u->loc = t->pos;
        CHECK(emit(c, OP_BINARY_SUBSCR, 0));
        CHECK(compile_expr(c, s->v.augassign.value));
        c->u->loc = s->pos;
        CHECK(emit(c, OP_BINARY_OP, op));
        CHECK(emit(c, OP_SWAP, 3));
        CHECK(emit(c, OP_SWAP, 2));
        return emit(c, OP_STORE_SUBSCR, 0);
    default:
        return compiler_error(c, t->pos, "'%s' is an illegal expression for augmented assignment",
                              "expression");
    }
}

// --- Statements ------------------------------------------------------------------------

static int compile_if(Compiler *c, AstStmt *s)
{
    NEW_LABEL(orelse);
    NEW_LABEL(end);
    CHECK(compile_jump_if(c, s->v.ifstmt.test, orelse, 0));
    CHECK(compile_stmts(c, s->v.ifstmt.body));
    if (AST_SEQ_LEN(s->v.ifstmt.orelse)) {
        CHECK(emit_jump(c, OP_JUMP, end));
        use_label(c, orelse);
        CHECK(compile_stmts(c, s->v.ifstmt.orelse));
    } else {
        use_label(c, orelse);
    }
    use_label(c, end);
    return 0;
}

static int push_fblock(Compiler *c, FBlockKind kind, int block, int exit, const void *datum,
                       AstPos pos)
{
    Unit *u = c->u;
    if (u->nfblocks == MAX_FBLOCKS) {
        return compiler_error(c, pos, "too many statically nested blocks");
    }
    u->fblocks[u->nfblocks++] = (FBlock){kind, block, exit, datum};
    return 0;
}

static void pop_fblock(Compiler *c)
{
    c->u->nfblocks--;
}

static int compile_while(Compiler *c, AstStmt *s)
{
    NEW_LABEL(top);
    NEW_LABEL(orelse);
    NEW_LABEL(end);
    use_label(c, top);
    CHECK(compile_jump_if(c, s->v.whilestmt.test, orelse, 0));
    CHECK(push_fblock(c, FB_WHILE_LOOP, top, end, NULL, s->pos));
    CHECK(compile_stmts(c, s->v.whilestmt.body));
    pop_fblock(c);
    c->u->loc = s->pos;
    CHECK(emit_jump(c, OP_JUMP, top));
    use_label(c, orelse);
    CHECK(compile_stmts(c, s->v.whilestmt.orelse));
    use_label(c, end);
    return 0;
}

static int compile_for(Compiler *c, AstStmt *s)
{
    NEW_LABEL(top);
    NEW_LABEL(orelse);
    NEW_LABEL(end);
    CHECK(compile_container_operand(c, s->v.forstmt.iter));
    c->u->loc = s->v.forstmt.iter->pos;
    CHECK(emit(c, OP_GET_ITER, 0));
    use_label(c, top);
    CHECK(emit_jump(c, OP_FOR_ITER, orelse));
    CHECK(compile_store(c, s->v.forstmt.target));
    CHECK(push_fblock(c, FB_FOR_LOOP, top, end, NULL, s->pos));
    CHECK(compile_stmts(c, s->v.forstmt.body));
    pop_fblock(c);
    c->u->loc = s->pos;
    CHECK(emit_jump(c, OP_JUMP, top));
    use_label(c, orelse);
    CHECK(compile_stmts(c, s->v.forstmt.orelse));
    use_label(c, end);
    return 0;
}

// __exit__(None, None, None) for a with block left normally: the stack has
// [exit]; [exit, None, None, None] is called as exit(None, None, None)
// through the self slot of the call layout.
static int call_exit_with_nones(Compiler *c)
{
    CHECK(emit_const(c, kaa_none_ref()));
    CHECK(emit_const(c, kaa_none_ref()));
    CHECK(emit_const(c, kaa_none_ref()));
    return emit(c, OP_CALL, 2);
}

// Undo the effect of one frame block when control leaves it early (break,
// continue, return). preserve_tos: a value (the return value) is on top.
static int unwind_fblock(Compiler *c, FBlock *fb, int preserve_tos)
{
    switch (fb->kind) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
        return 0;
    case FB_FOR_LOOP:
        if (preserve_tos) {
            CHECK(emit(c, OP_SWAP, 2));
        }
        return emit(c, OP_POP_TOP, 0); // the iterator
    case FB_TRY_EXCEPT:
        return emit(c, PSEUDO_POP_BLOCK, 0);
    case FB_FINALLY_TRY: {
        CHECK(emit(c, PSEUDO_POP_BLOCK, 0));
        if (preserve_tos) {
            CHECK(push_fblock(c, FB_POP_VALUE, -1, -1, NULL, c->u->loc));
        }
        // Run the finally body here, outside its own block.
        FBlock saved = *fb;
        int r = compile_stmts(c, (AstSeq *)saved.datum);
        if (preserve_tos) {
            pop_fblock(c);
        }
        return r;
    }
    case FB_FINALLY_END:
        if (preserve_tos) {
            CHECK(emit(c, OP_SWAP, 2));
        }
        CHECK(emit(c, OP_POP_TOP, 0)); // the exception
        if (preserve_tos) {
            CHECK(emit(c, OP_SWAP, 2));
        }
        CHECK(emit(c, PSEUDO_POP_BLOCK, 0));
        return emit(c, OP_POP_EXCEPT, 0);
    case FB_WITH:
        CHECK(emit(c, PSEUDO_POP_BLOCK, 0));
        if (preserve_tos) {
            CHECK(emit(c, OP_SWAP, 2));
        }
        CHECK(call_exit_with_nones(c));
        return emit(c, OP_POP_TOP, 0);
    case FB_HANDLER_CLEANUP:
        if (fb->datum) {
            CHECK(emit(c, PSEUDO_POP_BLOCK, 0));
        }
        if (preserve_tos) {
            CHECK(emit(c, OP_SWAP, 2));
        }
        CHECK(emit(c, PSEUDO_POP_BLOCK, 0));
        CHECK(emit(c, OP_POP_EXCEPT, 0));
        if (fb->datum) {
            CHECK(emit_const(c, kaa_none_ref()));
            CHECK(compile_name(c, fb->datum, AST_STORE));
            CHECK(compile_name(c, fb->datum, AST_DEL));
        }
        return 0;
    case FB_POP_VALUE:
        if (preserve_tos) {
            CHECK(emit(c, OP_SWAP, 2));
        }
        return emit(c, OP_POP_TOP, 0);
    }
    return 0;
}

// Unwind every block down to (and, if `through`, including) the innermost
// loop; return that loop, or NULL (with *found 0) when there is none.
static int unwind_to_loop(Compiler *c, FBlock *out)
{
    Unit *u = c->u;
    int saved_n = u->nfblocks;
    FBlock saved[MAX_FBLOCKS];
    memcpy(saved, u->fblocks, sizeof saved);
    int r = 0, found = 0;
    while (u->nfblocks > 0) {
        FBlock fb = u->fblocks[u->nfblocks - 1];
        if (fb.kind == FB_WHILE_LOOP || fb.kind == FB_FOR_LOOP) {
            *out = fb;
            found = 1;
            break;
        }
        u->nfblocks--;
        if (unwind_fblock(c, &fb, 0) < 0) {
            r = -1;
            break;
        }
    }
    memcpy(u->fblocks, saved, sizeof saved);
    u->nfblocks = saved_n;
    return r < 0 ? -1 : found;
}

static int compile_break_continue(Compiler *c, AstStmt *s)
{
    int is_break = s->kind == STMT_BREAK;
    FBlock loop;
    int found = unwind_to_loop(c, &loop);
    CHECK(found);
    if (!found) {
        return compiler_error(c, s->pos, is_break ? "'break' outside loop"
                                                  : "'continue' not properly in loop");
    }
    if (is_break) {
        CHECK(unwind_fblock(c, &loop, 0));
        return emit_jump(c, OP_JUMP, loop.exit_label);
    }
    return emit_jump(c, OP_JUMP, loop.block_label);
}

static int compile_return(Compiler *c, AstStmt *s)
{
    if (c->u->ste->kind != BLOCK_FUNCTION) {
        return compiler_error(c, s->pos, "'return' outside function");
    }
    if (s->v.ret.value) {
        CHECK(compile_expr(c, s->v.ret.value));
    } else {
        CHECK(emit_const(c, kaa_none_ref()));
    }
    c->u->loc = s->pos;
    Unit *u = c->u;
    int saved_n = u->nfblocks;
    FBlock saved[MAX_FBLOCKS];
    memcpy(saved, u->fblocks, sizeof saved);
    while (u->nfblocks > 0) {
        FBlock fb = u->fblocks[--u->nfblocks];
        if (unwind_fblock(c, &fb, 1) < 0) {
            memcpy(u->fblocks, saved, sizeof saved);
            u->nfblocks = saved_n;
            return -1;
        }
    }
    memcpy(u->fblocks, saved, sizeof saved);
    u->nfblocks = saved_n;
    c->u->loc = s->pos;
    return emit(c, OP_RETURN_VALUE, 0);
}

// The cleanup of a handler: restore the previously handled exception and
// re-raise (stack: [prev, lasti, exc]).
static int emit_cleanup_reraise(Compiler *c, int label)
{
    use_label(c, label);
    CHECK(emit(c, OP_COPY, 3));
    CHECK(emit(c, OP_POP_EXCEPT, 0));
    return emit(c, OP_RERAISE, 1);
}

static int compile_try_except(Compiler *c, AstStmt *s)
{
    AstSeq *handlers = s->v.trystmt.handlers;
    int nh = AST_SEQ_LEN(handlers);
    NEW_LABEL(body_end);
    NEW_LABEL(except);
    NEW_LABEL(orelse);
    NEW_LABEL(end);
    NEW_LABEL(cleanup);
    CHECK(emit_jump(c, PSEUDO_SETUP_FINALLY, except));
    CHECK(push_fblock(c, FB_TRY_EXCEPT, body_end, -1, NULL, s->pos));
    CHECK(compile_stmts(c, s->v.trystmt.body));
    pop_fblock(c);
    CHECK(emit(c, PSEUDO_POP_BLOCK, 0));
    use_label(c, body_end);
    CHECK(emit_jump(c, OP_JUMP, orelse));

    use_label(c, except);
    c->u->loc = s->pos;
    CHECK(emit_jump(c, PSEUDO_SETUP_CLEANUP, cleanup));
    CHECK(emit(c, OP_PUSH_EXC_INFO, 0));
    CHECK(push_fblock(c, FB_EXCEPTION_HANDLER, -1, -1, NULL, s->pos));
    for (int i = 0; i < nh; i++) {
        AstExceptHandler *h = AST_SEQ_GET(handlers, i);
        c->u->loc = h->pos;
        if (h->type == NULL && i < nh - 1) {
            return compiler_error(c, h->pos, "default 'except:' must be last");
        }
        NEW_LABEL(next);
        if (h->type) {
            CHECK(compile_expr(c, h->type));
            CHECK(emit(c, OP_CHECK_EXC_MATCH, 0));
            CHECK(emit_jump(c, OP_POP_JUMP_IF_FALSE, next));
        }
        if (h->name) {
            NEW_LABEL(cleanup_body);
            CHECK(compile_name(c, h->name, AST_STORE));
            // try: body finally: name = None; del name
            CHECK(emit_jump(c, PSEUDO_SETUP_CLEANUP, cleanup_body));
            CHECK(push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, h->name, h->pos));
            CHECK(compile_stmts(c, h->body));
            pop_fblock(c);
            CHECK(emit(c, PSEUDO_POP_BLOCK, 0));
            CHECK(emit(c, PSEUDO_POP_BLOCK, 0));
            CHECK(emit(c, OP_POP_EXCEPT, 0));
            CHECK(emit_const(c, kaa_none_ref()));
            CHECK(compile_name(c, h->name, AST_STORE));
            CHECK(compile_name(c, h->name, AST_DEL));
            CHECK(emit_jump(c, OP_JUMP, end));
            // The handler body raised: clear the name, then re-raise.
            use_label(c, cleanup_body);
            CHECK(emit_const(c, kaa_none_ref()));
            CHECK(compile_name(c, h->name, AST_STORE));
            CHECK(compile_name(c, h->name, AST_DEL));
            CHECK(emit(c, OP_RERAISE, 1));
        } else {
            CHECK(emit(c, OP_POP_TOP, 0));
            CHECK(push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, NULL, h->pos));
            CHECK(compile_stmts(c, h->body));
            pop_fblock(c);
            CHECK(emit(c, PSEUDO_POP_BLOCK, 0));
            CHECK(emit(c, OP_POP_EXCEPT, 0));
            CHECK(emit_jump(c, OP_JUMP, end));
        }
        use_label(c, next);
    }
    pop_fblock(c);
    // No handler matched: re-raise with the previous exception restored by cleanup.
    CHECK(emit(c, OP_RERAISE, 0));
    CHECK(emit_cleanup_reraise(c, cleanup));
    use_label(c, orelse);
    CHECK(compile_stmts(c, s->v.trystmt.orelse));
    use_label(c, end);
    return 0;
}

static int compile_try_finally(Compiler *c, AstStmt *s)
{
    AstSeq *finalbody = s->v.trystmt.finalbody;
    NEW_LABEL(body_end);
    NEW_LABEL(final);
    NEW_LABEL(exit);
    NEW_LABEL(cleanup);
    CHECK(emit_jump(c, PSEUDO_SETUP_FINALLY, final));
    CHECK(push_fblock(c, FB_FINALLY_TRY, body_end, -1, finalbody, s->pos));
    if (AST_SEQ_LEN(s->v.trystmt.handlers)) {
        CHECK(compile_try_except(c, s));
    } else {
        CHECK(compile_stmts(c, s->v.trystmt.body));
    }
    CHECK(emit(c, PSEUDO_POP_BLOCK, 0));
    pop_fblock(c);
    use_label(c, body_end);
    CHECK(compile_stmts(c, finalbody));
    CHECK(emit_jump(c, OP_JUMP, exit));
    // The exception path: run the finally body, then re-raise.
    use_label(c, final);
    c->u->loc = s->pos;
    CHECK(emit_jump(c, PSEUDO_SETUP_CLEANUP, cleanup));
    CHECK(emit(c, OP_PUSH_EXC_INFO, 0));
    CHECK(push_fblock(c, FB_FINALLY_END, final, -1, NULL, s->pos));
    CHECK(compile_stmts(c, finalbody));
    pop_fblock(c);
    CHECK(emit(c, OP_RERAISE, 0));
    CHECK(emit_cleanup_reraise(c, cleanup));
    use_label(c, exit);
    return 0;
}

static int compile_try(Compiler *c, AstStmt *s)
{
    if (AST_SEQ_LEN(s->v.trystmt.finalbody)) {
        return compile_try_finally(c, s);
    }
    return compile_try_except(c, s);
}

// with a as x, b as y: body  ==  with a as x: (with b as y: body)
static int compile_with_item(Compiler *c, AstStmt *s, int index)
{
    AstSeq *items = s->v.with.items;
    AstWithItem *item = AST_SEQ_GET(items, index);
    NEW_LABEL(block_end);
    NEW_LABEL(final);
    NEW_LABEL(exit);
    NEW_LABEL(cleanup);
    NEW_LABEL(suppress);
    CHECK(compile_expr(c, item->context_expr));
    c->u->loc = item->context_expr->pos;
    CHECK(emit(c, OP_BEFORE_WITH, 0));
    CHECK(emit_jump(c, PSEUDO_SETUP_WITH, final));
    CHECK(push_fblock(c, FB_WITH, block_end, -1, NULL, s->pos));
    if (item->optional_vars) {
        CHECK(compile_store(c, item->optional_vars));
    } else {
        CHECK(emit(c, OP_POP_TOP, 0));
    }
    if (index + 1 < AST_SEQ_LEN(items)) {
        CHECK(compile_with_item(c, s, index + 1));
    } else {
        CHECK(compile_stmts(c, s->v.with.body));
    }
    pop_fblock(c);
    CHECK(emit(c, PSEUDO_POP_BLOCK, 0));
    use_label(c, block_end);
    c->u->loc = s->pos;
    CHECK(call_exit_with_nones(c));
    CHECK(emit(c, OP_POP_TOP, 0));
    CHECK(emit_jump(c, OP_JUMP, exit));
    // An exception in the body: [exit, lasti, exc].
    use_label(c, final);
    CHECK(emit_jump(c, PSEUDO_SETUP_CLEANUP, cleanup));
    CHECK(emit(c, OP_PUSH_EXC_INFO, 0));
    CHECK(emit(c, OP_WITH_EXCEPT_START, 0));
    CHECK(emit_jump(c, OP_POP_JUMP_IF_TRUE, suppress));
    CHECK(emit(c, OP_RERAISE, 2));
    use_label(c, suppress);
    CHECK(emit(c, OP_POP_TOP, 0)); // the exception
    CHECK(emit(c, PSEUDO_POP_BLOCK, 0));
    CHECK(emit(c, OP_POP_EXCEPT, 0));
    CHECK(emit(c, OP_POP_TOP, 0)); // lasti
    CHECK(emit(c, OP_POP_TOP, 0)); // __exit__
    CHECK(emit_jump(c, OP_JUMP, exit));
    CHECK(emit_cleanup_reraise(c, cleanup));
    use_label(c, exit);
    return 0;
}

static int compile_assert(Compiler *c, AstStmt *s)
{
    NEW_LABEL(end);
    CHECK(compile_jump_if(c, s->v.assertstmt.test, end, 1));
    c->u->loc = s->pos;
    CHECK(emit(c, OP_LOAD_ASSERTION_ERROR, 0));
    if (s->v.assertstmt.msg) {
        CHECK(emit(c, OP_PUSH_NULL, 0));
        CHECK(compile_expr(c, s->v.assertstmt.msg));
        c->u->loc = s->pos;
        CHECK(emit(c, OP_CALL, 1));
    }
    CHECK(emit(c, OP_RAISE_VARARGS, 1));
    use_label(c, end);
    return 0;
}

// Push the closure tuple (if the code has free variables) and make a function.
static int make_closure(Compiler *c, KaaObject *code, int flags)
{
    KaaCodeObject *co = (KaaCodeObject *)code;
    if (co->co_nfreevars) {
        int first_free = co->co_nlocals + co->co_ncellvars;
        for (int i = 0; i < co->co_nfreevars; i++) {
            KaaObject *name = KaaTuple_GET_ITEM(co->co_localsplusnames, first_free + i);
            Unit *u = c->u;
            int nlocals = (int)KaaList_GET_SIZE(u->varnames);
            int idx = list_index(u->cellvars, KaaStr_DATA(name));
            if (idx >= 0) {
                idx += nlocals;
            } else {
                idx = list_index(u->freevars, KaaStr_DATA(name));
                if (idx < 0) {
                    Kaa_DECREF(code);
                    return compiler_error(c, u->loc, "internal error: no cell for '%s'",
                                          KaaStr_DATA(name));
                }
                idx += nlocals + (int)KaaList_GET_SIZE(u->cellvars);
            }
            CHECK(emit(c, OP_LOAD_CLOSURE, idx));
        }
        CHECK(emit(c, OP_BUILD_TUPLE, co->co_nfreevars));
        flags |= 8;
    }
    CHECK(emit_const(c, code));
    return emit(c, OP_MAKE_FUNCTION, flags);
}

// Defaults (flag 1) and keyword-only defaults (flag 2), evaluated here.
static int compile_defaults(Compiler *c, AstArguments *a)
{
    int flags = 0;
    if (a == NULL) {
        return 0;
    }
    if (AST_SEQ_LEN(a->defaults)) {
        CHECK(compile_exprs(c, a->defaults));
        CHECK(emit(c, OP_BUILD_TUPLE, AST_SEQ_LEN(a->defaults)));
        flags |= 1;
    }
    int nkw = 0;
    for (int i = 0; i < AST_SEQ_LEN(a->kwonlyargs); i++) {
        AstExpr *d = AST_SEQ_GET(a->kw_defaults, i);
        if (d) {
            AstArg *arg = AST_SEQ_GET(a->kwonlyargs, i);
            CHECK(emit_const(c, KaaStr_FromString(arg->name)));
            CHECK(compile_expr(c, d));
            nkw++;
        }
    }
    if (nkw) {
        CHECK(emit(c, OP_BUILD_MAP, nkw));
        flags |= 2;
    }
    return flags;
}

// One `name, annotation` pair per annotated parameter, then "return": the
// tuple MAKE_FUNCTION takes with flag 4 (the function builds the dict on
// first use). 1 if there were any, 0 if not, -1 on error.
static int add_annotation(Compiler *c, AstArg *arg, int *n)
{
    if (arg == NULL || arg->annotation == NULL) {
        return 0;
    }
    CHECK(emit_const(c, KaaStr_FromString(arg->name)));
    CHECK(compile_expr(c, arg->annotation));
    ++*n;
    return 0;
}

static int compile_annotations(Compiler *c, AstArguments *a, AstExpr *returns)
{
    int n = 0;
    if (a) {
        AstSeq *lists[] = {a->posonlyargs, a->args};
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < AST_SEQ_LEN(lists[k]); i++) {
                CHECK(add_annotation(c, AST_SEQ_GET(lists[k], i), &n));
            }
        }
        CHECK(add_annotation(c, a->vararg, &n));
        for (int i = 0; i < AST_SEQ_LEN(a->kwonlyargs); i++) {
            CHECK(add_annotation(c, AST_SEQ_GET(a->kwonlyargs, i), &n));
        }
        CHECK(add_annotation(c, a->kwarg, &n));
    }
    if (returns) {
        CHECK(emit_const(c, KaaStr_FromString("return")));
        CHECK(compile_expr(c, returns));
        n++;
    }
    if (n == 0) {
        return 0;
    }
    CHECK(emit(c, OP_BUILD_TUPLE, 2 * n));
    return 1;
}

static int compile_function_object(Compiler *c, const void *node, const char *name,
                                   AstArguments *args, AstExpr *returns, AstSeq *body,
                                   AstExpr *lambda_body, AstPos pos)
{
    SymScopeTable *ste = kaa_symtable_lookup(c->u->ste, node);
    int flags = compile_defaults(c, args);
    CHECK(flags);
    int has_annotations = compile_annotations(c, args, returns);
    CHECK(has_annotations);
    flags |= has_annotations ? 4 : 0;
    CHECK(enter_unit(c, ste, name, pos));
    Unit *u = c->u;
    u->flags = KAA_CO_OPTIMIZED | KAA_CO_NEWLOCALS;
    if (ste->is_generator) {
        u->flags |= KAA_CO_GENERATOR;
    }
    if (u->parent->ste->kind == BLOCK_FUNCTION) {
        u->flags |= KAA_CO_NESTED;
    }
    if (args) {
        u->posonlyargcount = AST_SEQ_LEN(args->posonlyargs);
        u->argcount = u->posonlyargcount + AST_SEQ_LEN(args->args);
        u->kwonlyargcount = AST_SEQ_LEN(args->kwonlyargs);
        if (args->vararg) {
            u->flags |= KAA_CO_VARARGS;
        }
        if (args->kwarg) {
            u->flags |= KAA_CO_VARKEYWORDS;
        }
    }
    int r;
    if (lambda_body) {
        // co_consts[0] is the docstring slot: None for lambdas.
        r = add_const(c, kaa_none_ref());
        if (r >= 0) {
            r = compile_expr(c, lambda_body);
        }
        if (r == 0) {
            u->loc = lambda_body->pos;
            r = emit(c, OP_RETURN_VALUE, 0);
        }
    } else {
        AstStmt *first = AST_SEQ_LEN(body) ? AST_SEQ_GET(body, 0) : NULL;
        int has_doc = first && first->kind == STMT_EXPR &&
                      first->v.expr.value->kind == EXPR_CONSTANT &&
                      first->v.expr.value->v.constant.kind == AST_CONST_STR;
        r = add_const(c, has_doc ? constant_object(c, first->v.expr.value) : kaa_none_ref());
        if (r >= 0) {
            r = 0;
            for (int i = has_doc ? 1 : 0; i < AST_SEQ_LEN(body) && r == 0; i++) {
                r = compile_stmt(c, AST_SEQ_GET(body, i));
            }
        }
        if (r == 0) {
            // Falling off the end returns None (located at the last line).
            r = emit_const(c, kaa_none_ref());
            if (r == 0) {
                r = emit(c, OP_RETURN_VALUE, 0);
            }
        }
    }
    KaaObject *code = r < 0 ? NULL : assemble(c);
    leave_unit(c);
    if (code == NULL) {
        return -1;
    }
    c->u->loc = pos;
    return make_closure(c, code, flags);
}

// class C(bases, **kw): body  ->  C = __build_class__(<body function>, 'C', bases, **kw)
static int store_mangled(Compiler *c, const char *name);

static int compile_classdef(Compiler *c, AstStmt *s)
{
    AstSeq *decos = s->v.classdef.decorator_list;
    for (int i = 0; i < AST_SEQ_LEN(decos); i++) {
        CHECK(compile_expr(c, AST_SEQ_GET(decos, i)));
        CHECK(emit(c, OP_PUSH_NULL, 0));
    }
    SymScopeTable *ste = kaa_symtable_lookup(c->u->ste, s);
    CHECK(enter_unit(c, ste, s->v.classdef.name, s->pos));
    Unit *u = c->u;
    int r = add_const(c, kaa_none_ref()) < 0 ? -1 : 0;
    // __module__ = __name__; __qualname__ = '<qualified name>'
    if (r == 0) {
        r = compile_name(c, "__name__", AST_LOAD);
    }
    if (r == 0) {
        r = compile_name(c, "__module__", AST_STORE);
    }
    if (r == 0) {
        r = emit_const(c, Kaa_NewRef(u->qualname));
    }
    if (r == 0) {
        r = compile_name(c, "__qualname__", AST_STORE);
    }
    AstSeq *body = s->v.classdef.body;
    if (r == 0 && find_annotations(body)) {
        r = emit(c, OP_SETUP_ANNOTATIONS, 0);
    }
    AstStmt *first = AST_SEQ_LEN(body) ? AST_SEQ_GET(body, 0) : NULL;
    int has_doc = first && first->kind == STMT_EXPR && first->v.expr.value->kind == EXPR_CONSTANT &&
                  first->v.expr.value->v.constant.kind == AST_CONST_STR;
    if (r == 0 && has_doc) {
        KaaObject *doc = constant_object(c, first->v.expr.value);
        r = doc ? emit_const(c, doc) : -1;
        if (r == 0) {
            r = compile_name(c, "__doc__", AST_STORE);
        }
    }
    for (int i = has_doc ? 1 : 0; r == 0 && i < AST_SEQ_LEN(body); i++) {
        r = compile_stmt(c, AST_SEQ_GET(body, i));
    }
    if (r == 0) {
        int cell = list_index(u->cellvars, "__class__");
        if (cell >= 0) {
            // Return the __class__ cell so __build_class__ can fill it.
            r = emit(c, OP_LOAD_CLOSURE, (int)KaaList_GET_SIZE(u->varnames) + cell);
            if (r == 0) {
                r = emit(c, OP_COPY, 1);
            }
            if (r == 0) {
                r = compile_name(c, "__classcell__", AST_STORE);
            }
        } else {
            r = emit_const(c, kaa_none_ref());
        }
        if (r == 0) {
            r = emit(c, OP_RETURN_VALUE, 0);
        }
    }
    KaaObject *code = r < 0 ? NULL : assemble(c);
    leave_unit(c);
    if (code == NULL) {
        return -1;
    }
    c->u->loc = s->pos;
    CHECK(emit(c, OP_LOAD_BUILD_CLASS, 0));
    CHECK(emit(c, OP_PUSH_NULL, 0));
    CHECK(make_closure(c, code, 0));
    CHECK(emit_const(c, KaaStr_FromString(s->v.classdef.name)));
    AstSeq *bases = s->v.classdef.bases, *kws = s->v.classdef.keywords;
    int nb = AST_SEQ_LEN(bases), nkw = AST_SEQ_LEN(kws);
    if (has_starred(bases)) {
        return compiler_error(c, s->pos, "kaa does not support *bases in class definitions yet");
    }
    CHECK(compile_exprs(c, bases));
    if (nkw) {
        for (int i = 0; i < nkw; i++) {
            AstKeyword *k = AST_SEQ_GET(kws, i);
            if (k->arg == NULL) {
                return compiler_error(c, s->pos,
                                      "kaa does not support **kwargs in class definitions yet");
            }
        }
        CHECK(compile_keywords(c, kws));
        c->u->loc = s->pos;
        CHECK(emit(c, OP_CALL_KW, nb + 2 + nkw));
    } else {
        c->u->loc = s->pos;
        CHECK(emit(c, OP_CALL, nb + 2));
    }
    for (int i = 0; i < AST_SEQ_LEN(decos); i++) {
        CHECK(emit(c, OP_CALL, 1));
    }
    return store_mangled(c, s->v.classdef.name);
}

// `target: annotation [= value]`. The value is stored first; then, in a module
// or class body, a plain name's annotation goes into __annotations__ and any
// other target's annotation is evaluated and dropped. In a function nothing
// is evaluated for the annotation (CPython's compiler_annassign).
static int compile_annassign(Compiler *c, AstStmt *s)
{
    AstExpr *target = s->v.annassign.target;
    int in_function = c->u->ste->kind == BLOCK_FUNCTION;
    if (s->v.annassign.value) {
        CHECK(compile_expr(c, s->v.annassign.value));
        CHECK(compile_store(c, target));
    } else if (target->kind == EXPR_ATTRIBUTE || target->kind == EXPR_SUBSCRIPT) {
        // `a.b: T` and `a[i]: T` still evaluate a (and i).
        CHECK(compile_expr(c, target->v.attribute.value));
        CHECK(emit(c, OP_POP_TOP, 0));
        if (target->kind == EXPR_SUBSCRIPT) {
            CHECK(compile_expr(c, target->v.subscript.slice));
            CHECK(emit(c, OP_POP_TOP, 0));
        }
    }
    if (in_function) {
        return 0;
    }
    CHECK(compile_expr(c, s->v.annassign.annotation));
    if (target->kind == EXPR_NAME && s->v.annassign.simple) {
        c->u->loc = s->pos;
        CHECK(compile_name(c, "__annotations__", AST_LOAD));
        CHECK(emit_const(c, KaaStr_FromString(target->v.name.id)));
        return emit(c, OP_STORE_SUBSCR, 0);
    }
    return emit(c, OP_POP_TOP, 0);
}

// Does a module or class body hold an annotated assignment (outside nested
// functions and classes)? Then it starts with SETUP_ANNOTATIONS.
static int find_annotations(AstSeq *body)
{
    for (int i = 0; i < AST_SEQ_LEN(body); i++) {
        AstStmt *s = AST_SEQ_GET(body, i);
        int found = 0;
        switch (s->kind) {
        case STMT_ANNASSIGN:
            return 1;
        case STMT_FOR:
            found = find_annotations(s->v.forstmt.body) || find_annotations(s->v.forstmt.orelse);
            break;
        case STMT_WHILE:
            found =
                find_annotations(s->v.whilestmt.body) || find_annotations(s->v.whilestmt.orelse);
            break;
        case STMT_IF:
            found = find_annotations(s->v.ifstmt.body) || find_annotations(s->v.ifstmt.orelse);
            break;
        case STMT_WITH:
            found = find_annotations(s->v.with.body);
            break;
        case STMT_TRY:
            found = find_annotations(s->v.trystmt.body) ||
                    find_annotations(s->v.trystmt.orelse) ||
                    find_annotations(s->v.trystmt.finalbody);
            for (int k = 0; !found && k < AST_SEQ_LEN(s->v.trystmt.handlers); k++) {
                AstExceptHandler *h = AST_SEQ_GET(s->v.trystmt.handlers, k);
                found = find_annotations(h->body);
            }
            break;
        default:
            break;
        }
        if (found) {
            return 1;
        }
    }
    return 0;
}

// Store a def's or class's result under its name as the enclosing class
// mangles it (the object keeps the plain name as __name__).
static int store_mangled(Compiler *c, const char *name)
{
    const char *m = kaa_symtable_mangle(&c->st, c->u->private_name, name);
    if (m == NULL) {
        KaaErr_NoMemory();
        return -1;
    }
    return compile_name(c, m, AST_STORE);
}

static int compile_funcdef(Compiler *c, AstStmt *s)
{
    AstSeq *decos = s->v.funcdef.decorator_list;
    for (int i = 0; i < AST_SEQ_LEN(decos); i++) {
        CHECK(compile_expr(c, AST_SEQ_GET(decos, i)));
        CHECK(emit(c, OP_PUSH_NULL, 0));
    }
    CHECK(compile_function_object(c, s, s->v.funcdef.name, s->v.funcdef.args,
                                  s->v.funcdef.returns, s->v.funcdef.body, NULL, s->pos));
    for (int i = 0; i < AST_SEQ_LEN(decos); i++) {
        CHECK(emit(c, OP_CALL, 1));
    }
    return store_mangled(c, s->v.funcdef.name);
}

// `import a.b.c as d` binds d to a.b.c; `import a.b.c` binds a.
static int compile_import(Compiler *c, AstStmt *s)
{
    AstSeq *names = s->v.import.names;
    for (int i = 0; i < AST_SEQ_LEN(names); i++) {
        AstAlias *a = AST_SEQ_GET(names, i);
        CHECK(emit_const(c, KaaInt_FromInt64(0)));
        CHECK(emit_const(c, kaa_none_ref()));
        int idx = name_index(c, a->name);
        CHECK(idx);
        CHECK(emit(c, OP_IMPORT_NAME, idx));
        const char *dot = strchr(a->name, '.');
        if (a->asname) {
            while (dot) {
                const char *start = dot + 1;
                dot = strchr(start, '.');
                size_t n = dot ? (size_t)(dot - start) : strlen(start);
                char part[256];
                if (n >= sizeof part) {
                    return compiler_error(c, a->pos, "module name too long");
                }
                memcpy(part, start, n);
                part[n] = '\0';
                int pidx = name_index(c, part);
                CHECK(pidx);
                CHECK(emit(c, OP_IMPORT_FROM, pidx));
                CHECK(emit(c, OP_SWAP, 2));
                CHECK(emit(c, OP_POP_TOP, 0));
            }
            CHECK(compile_name(c, a->asname, AST_STORE));
        } else if (dot) {
            char head[256];
            size_t n = (size_t)(dot - a->name);
            if (n >= sizeof head) {
                return compiler_error(c, a->pos, "module name too long");
            }
            memcpy(head, a->name, n);
            head[n] = '\0';
            CHECK(compile_name(c, head, AST_STORE));
        } else {
            CHECK(compile_name(c, a->name, AST_STORE));
        }
    }
    return 0;
}

static int compile_importfrom(Compiler *c, AstStmt *s)
{
    AstSeq *names = s->v.importfrom.names;
    int n = AST_SEQ_LEN(names);
    KaaObject *fromlist = KaaTuple_New(n);
    if (fromlist == NULL) {
        return -1;
    }
    for (int i = 0; i < n; i++) {
        AstAlias *a = AST_SEQ_GET(names, i);
        KaaObject *nm = KaaStr_FromString(a->name);
        if (nm == NULL) {
            Kaa_DECREF(fromlist);
            return -1;
        }
        KaaTuple_SET_ITEM(fromlist, i, nm);
    }
    CHECK(emit_const(c, KaaInt_FromInt64(s->v.importfrom.level)));
    CHECK(emit_const(c, fromlist));
    int idx = name_index(c, s->v.importfrom.module ? s->v.importfrom.module : "");
    CHECK(idx);
    CHECK(emit(c, OP_IMPORT_NAME, idx));
    for (int i = 0; i < n; i++) {
        AstAlias *a = AST_SEQ_GET(names, i);
        if (strcmp(a->name, "*") == 0) {
            return emit(c, OP_IMPORT_STAR, 0);
        }
        int nidx = name_index(c, a->name);
        CHECK(nidx);
        CHECK(emit(c, OP_IMPORT_FROM, nidx));
        CHECK(compile_name(c, a->asname ? a->asname : a->name, AST_STORE));
    }
    return emit(c, OP_POP_TOP, 0);
}

static int compile_stmt(Compiler *c, AstStmt *s)
{
    c->u->loc = s->pos;
    switch (s->kind) {
    case STMT_EXPR:
        if (c->interactive && c->u->ste->kind == BLOCK_MODULE) {
            CHECK(compile_expr(c, s->v.expr.value));
            return emit(c, OP_PRINT_EXPR, 0);
        }
        if (s->v.expr.value->kind == EXPR_CONSTANT) {
            return 0; // a docstring or a bare constant does nothing
        }
        CHECK(compile_expr(c, s->v.expr.value));
        return emit(c, OP_POP_TOP, 0);
    case STMT_ASSIGN: {
        AstSeq *targets = s->v.assign.targets;
        int n = AST_SEQ_LEN(targets);
        CHECK(compile_expr(c, s->v.assign.value));
        for (int i = 0; i < n; i++) {
            if (i < n - 1) {
                CHECK(emit(c, OP_COPY, 1));
            }
            CHECK(compile_store(c, AST_SEQ_GET(targets, i)));
        }
        return 0;
    }
    case STMT_AUGASSIGN:
        return compile_augassign(c, s);
    case STMT_ANNASSIGN:
        return compile_annassign(c, s);
    case STMT_DELETE:
        for (int i = 0; i < AST_SEQ_LEN(s->v.del.targets); i++) {
            CHECK(compile_delete(c, AST_SEQ_GET(s->v.del.targets, i)));
        }
        return 0;
    case STMT_IF:
        return compile_if(c, s);
    case STMT_WHILE:
        return compile_while(c, s);
    case STMT_FOR:
        return compile_for(c, s);
    case STMT_BREAK:
    case STMT_CONTINUE:
        return compile_break_continue(c, s);
    case STMT_PASS:
    case STMT_GLOBAL:
    case STMT_NONLOCAL:
        return 0;
    case STMT_RETURN:
        return compile_return(c, s);
    case STMT_FUNCTIONDEF:
        return compile_funcdef(c, s);
    case STMT_RAISE:
        if (s->v.raise.exc) {
            CHECK(compile_expr(c, s->v.raise.exc));
            if (s->v.raise.cause) {
                CHECK(compile_expr(c, s->v.raise.cause));
                c->u->loc = s->pos;
                return emit(c, OP_RAISE_VARARGS, 2);
            }
            c->u->loc = s->pos;
            return emit(c, OP_RAISE_VARARGS, 1);
        }
        return emit(c, OP_RAISE_VARARGS, 0);
    case STMT_CLASSDEF:
        return compile_classdef(c, s);
    case STMT_WITH:
        return compile_with_item(c, s, 0);
    case STMT_TRY:
        return compile_try(c, s);
    case STMT_ASSERT:
        return compile_assert(c, s);
    case STMT_IMPORT:
        return compile_import(c, s);
    case STMT_IMPORTFROM:
        return compile_importfrom(c, s);
    }
    return 0;
}

static int compile_stmts(Compiler *c, AstSeq *body)
{
    for (int i = 0; i < AST_SEQ_LEN(body); i++) {
        CHECK(compile_stmt(c, AST_SEQ_GET(body, i)));
    }
    return 0;
}

// --- Assembly -----------------------------------------------------------------------------

static int arg_units(int arg)
{
    if (arg > 0xFFFFFF) {
        return 4;
    }
    if (arg > 0xFFFF) {
        return 3;
    }
    return arg > 0xFF ? 2 : 1;
}

// Stack depth before each instruction (depth[i], -1 if unreachable) and the
// maximum over every path, by a worklist over instruction indexes.
static int compute_stackdepth(Unit *u, int *target_of, int *depth)
{
    int n = u->ninstrs, maxdepth = 0;
    int *work = kaa_mem_alloc((size_t)(n + 1) * sizeof(int));
    if (work == NULL) {
        return -1;
    }
    for (int i = 0; i <= n; i++) {
        depth[i] = -1;
    }
    int nwork = 0;
    depth[0] = 0;
    work[nwork++] = 0;
    while (nwork) {
        int i = work[--nwork];
        int d = depth[i];
        for (; i < n; i++) {
            Instr *in = &u->instrs[i];
            depth[i] = d;
            if (is_jump(in->op)) {
                int t = target_of[i];
                int td = d + jump_effect(in->op, in->arg);
                if (td > maxdepth) {
                    maxdepth = td;
                }
                if (depth[t] < 0) {
                    depth[t] = td;
                    work[nwork++] = t;
                }
            }
            d += stack_effect(in->op, in->arg);
            if (d > maxdepth) {
                maxdepth = d;
            }
            if (is_terminator(in->op) || i + 1 >= n || depth[i + 1] >= 0) {
                break;
            }
        }
    }
    kaa_mem_free(work);
    return maxdepth;
}

// The handler in force at an instruction: a node of an immutable stack.
typedef struct Handler {
    int target; // instruction index of the handler
    int depth;  // value-stack depth to cut back to
    int lasti;  // push the raising instruction's offset before the exception
    int parent; // enclosing handler node, or -1
} Handler;

// Follow every path with the stack of active SETUP_* blocks and record the
// innermost handler of each instruction (CPython's label_exception_targets).
static int label_handlers(Unit *u, int *target_of, int *depth, int *handler_of, Handler **nodes_out,
                          int *nnodes_out)
{
    int n = u->ninstrs, nnodes = 0;
    Handler *nodes = kaa_mem_alloc((size_t)(n + 1) * sizeof(Handler));
    int *work = kaa_mem_alloc((size_t)(2 * n + 2) * sizeof(int));
    char *seen = kaa_mem_calloc((size_t)n + 1, 1);
    if (nodes == NULL || work == NULL || seen == NULL) {
        kaa_mem_free(nodes);
        kaa_mem_free(work);
        kaa_mem_free(seen);
        return -1;
    }
    int nwork = 0;
    work[nwork++] = 0;
    work[nwork++] = -1;
    seen[0] = 1;
    handler_of[0] = -1;
    while (nwork) {
        int h = work[--nwork];
        int i = work[--nwork];
        for (; i < n; i++) {
            Instr *in = &u->instrs[i];
            handler_of[i] = h;
            seen[i] = 1;
            int next_h = h;
            if (in->op == PSEUDO_SETUP_FINALLY || in->op == PSEUDO_SETUP_CLEANUP ||
                in->op == PSEUDO_SETUP_WITH) {
                Handler *node = &nodes[nnodes];
                node->target = target_of[i];
                node->depth = depth[i] - (in->op == PSEUDO_SETUP_WITH ? 1 : 0);
                node->lasti = in->op != PSEUDO_SETUP_FINALLY;
                node->parent = h;
                next_h = nnodes++;
                // The handler itself runs under the enclosing handler.
                if (!seen[target_of[i]]) {
                    seen[target_of[i]] = 1;
                    work[nwork++] = target_of[i];
                    work[nwork++] = h;
                }
            } else if (in->op == PSEUDO_POP_BLOCK) {
                next_h = h >= 0 ? nodes[h].parent : -1;
            } else if (is_jump(in->op) && !seen[target_of[i]]) {
                seen[target_of[i]] = 1;
                work[nwork++] = target_of[i];
                work[nwork++] = h;
            }
            if (is_terminator(in->op) || i + 1 >= n || seen[i + 1]) {
                break;
            }
            h = next_h;
        }
    }
    kaa_mem_free(work);
    kaa_mem_free(seen);
    *nodes_out = nodes;
    *nnodes_out = nnodes;
    return 0;
}

static KaaObject *list_to_tuple(KaaObject *list)
{
    return KaaList_AsTuple(list);
}

// Build the code object's fields that come from the unit (names, flags...).
static KaaCodeObject *make_code(Compiler *c, int stacksize)
{
    Unit *u = c->u;
    KaaCodeObject *co = (KaaCodeObject *)kaa_object_new(&KaaCode_Type);
    if (co == NULL) {
        return NULL;
    }
    co->co_argcount = u->argcount;
    co->co_posonlyargcount = u->posonlyargcount;
    co->co_kwonlyargcount = u->kwonlyargcount;
    co->co_nlocals = (int)KaaList_GET_SIZE(u->varnames);
    co->co_ncellvars = (int)KaaList_GET_SIZE(u->cellvars);
    co->co_nfreevars = (int)KaaList_GET_SIZE(u->freevars);
    co->co_nlocalsplus = co->co_nlocals + co->co_ncellvars + co->co_nfreevars;
    co->co_stacksize = stacksize;
    co->co_flags = u->flags;
    co->co_firstlineno = u->firstlineno;
    co->co_consts = list_to_tuple(u->consts);
    co->co_names = list_to_tuple(u->names);
    co->co_filename = Kaa_NewRef(c->filename);
    co->co_name = Kaa_NewRef(u->name);
    co->co_qualname = Kaa_NewRef(u->qualname);
    KaaObject *all = KaaList_New(0);
    if (all == NULL) {
        Kaa_DECREF(co);
        return NULL;
    }
    // localsplus names: locals, then cells, then frees.
    KaaObject *parts[] = {u->varnames, u->cellvars, u->freevars};
    for (int p = 0; p < 3; p++) {
        for (Kaa_ssize_t i = 0; i < KaaList_GET_SIZE(parts[p]); i++) {
            if (KaaList_Append(all, KaaList_GET_ITEM(parts[p], i)) < 0) {
                Kaa_DECREF(all);
                Kaa_DECREF(co);
                return NULL;
            }
        }
    }
    co->co_localsplusnames = list_to_tuple(all);
    Kaa_DECREF(all);
    if (!co->co_consts || !co->co_names || !co->co_localsplusnames) {
        Kaa_DECREF(co);
        return NULL;
    }
    if (co->co_ncellvars) {
        co->co_cell2arg = kaa_mem_alloc((size_t)co->co_ncellvars * sizeof(int));
        if (co->co_cell2arg == NULL) {
            Kaa_DECREF(co);
            KaaErr_NoMemory();
            return NULL;
        }
        int nargs = co->co_argcount + co->co_kwonlyargcount +
                    ((co->co_flags & KAA_CO_VARARGS) != 0) +
                    ((co->co_flags & KAA_CO_VARKEYWORDS) != 0);
        for (int i = 0; i < co->co_ncellvars; i++) {
            const char *cname = KaaStr_DATA(KaaList_GET_ITEM(u->cellvars, i));
            int a = list_index(u->varnames, cname);
            co->co_cell2arg[i] = a >= 0 && a < nargs ? a : -1;
        }
    }
    return co;
}

typedef struct Assembly {
    int *target_of, *depth, *handler_of, *newindex, *units, *offset;
    Handler *handlers;
    int nhandlers;
} Assembly;

static void assembly_free(Assembly *a)
{
    kaa_mem_free(a->target_of);
    kaa_mem_free(a->depth);
    kaa_mem_free(a->handler_of);
    kaa_mem_free(a->newindex);
    kaa_mem_free(a->units);
    kaa_mem_free(a->offset);
    kaa_mem_free(a->handlers);
}

// Exception table entries: runs of code units with the same handler.
static int build_exctable(Unit *u, Assembly *a, KaaCodeObject *co)
{
    int n = u->ninstrs, cap = 8, count = 0;
    KaaExcEntry *t = kaa_mem_alloc((size_t)cap * sizeof *t);
    if (t == NULL) {
        return -1;
    }
    int cur = -1, start = 0;
    for (int i = 0; i <= n; i++) {
        int h = -1;
        if (i < n) {
            if (is_pseudo(u->instrs[i].op)) {
                continue;
            }
            h = a->handler_of[i];
        }
        if (h == cur) {
            continue;
        }
        int here = i < n ? a->offset[a->newindex[i]] : co->co_ninstrs;
        if (cur >= 0 && here > start) {
            if (count == cap) {
                cap *= 2;
                KaaExcEntry *nt = kaa_mem_realloc(t, (size_t)cap * sizeof *t);
                if (nt == NULL) {
                    kaa_mem_free(t);
                    return -1;
                }
                t = nt;
            }
            Handler *hd = &a->handlers[cur];
            t[count++] = (KaaExcEntry){start, here, a->offset[a->newindex[hd->target]], hd->depth,
                                       hd->lasti};
        }
        cur = h;
        start = here;
    }
    co->co_exctable = t;
    co->co_nexc = count;
    return 0;
}

static KaaObject *assemble(Compiler *c)
{
    Unit *u = c->u;
    // Every code object ends with a return: make sure neither the last
    // instruction nor a jump can run off the end.
    int label_at_end = 0;
    for (int l = 0; l < u->nlabels; l++) {
        if (u->labels[l] == u->ninstrs) {
            label_at_end = 1;
        }
    }
    if (u->ninstrs == 0 || label_at_end || !is_terminator(u->instrs[u->ninstrs - 1].op)) {
        if (emit_const(c, kaa_none_ref()) < 0 || emit(c, OP_RETURN_VALUE, 0) < 0) {
            return NULL;
        }
    }
    int n = u->ninstrs;
    Assembly a = {0};
    uint16_t *code = NULL;
    KaaCodePos *pos = NULL;
    KaaCodeObject *co = NULL;
    size_t sz = (size_t)(n + 1) * sizeof(int);
    a.target_of = kaa_mem_alloc(sz);
    a.depth = kaa_mem_alloc(sz);
    a.handler_of = kaa_mem_alloc(sz);
    a.newindex = kaa_mem_alloc(sz);
    a.units = kaa_mem_alloc(sz);
    a.offset = kaa_mem_alloc(sz);
    if (!a.target_of || !a.depth || !a.handler_of || !a.newindex || !a.units || !a.offset) {
        KaaErr_NoMemory();
        goto done;
    }
    for (int i = 0; i < n; i++) {
        Instr *in = &u->instrs[i];
        a.target_of[i] = in->label >= 0 ? u->labels[in->label] : -1;
        if (in->label >= 0 && a.target_of[i] < 0) {
            compiler_error(c, in->pos, "internal error: unresolved label");
            goto done;
        }
        a.handler_of[i] = -1;
    }
    int stacksize = compute_stackdepth(u, a.target_of, a.depth);
    if (stacksize < 0 ||
        label_handlers(u, a.target_of, a.depth, a.handler_of, &a.handlers, &a.nhandlers) < 0) {
        KaaErr_NoMemory();
        goto done;
    }
    // Drop the pseudo-instructions: newindex maps to the next real one.
    int m = 0;
    for (int i = 0; i < n; i++) {
        a.newindex[i] = m;
        if (!is_pseudo(u->instrs[i].op)) {
            m++;
        }
    }
    a.newindex[n] = m;
    // Lay out until jump arguments (absolute unit offsets) stop growing.
    int total = 0;
    for (int i = 0; i < n; i++) {
        a.units[i] = is_pseudo(u->instrs[i].op) ? 0 : arg_units(u->instrs[i].arg);
    }
    for (int changed = 1; changed;) {
        changed = 0;
        total = 0;
        for (int i = 0; i < n; i++) {
            a.offset[a.newindex[i]] = total;
            total += a.units[i];
        }
        a.offset[m] = total;
        for (int i = 0; i < n; i++) {
            Instr *in = &u->instrs[i];
            if (a.target_of[i] >= 0 && !is_pseudo(in->op)) {
                in->arg = a.offset[a.newindex[a.target_of[i]]];
                int need = arg_units(in->arg);
                if (need > a.units[i]) {
                    a.units[i] = need;
                    changed = 1;
                }
            }
        }
    }
    code = kaa_mem_alloc((size_t)(total ? total : 1) * sizeof(uint16_t));
    pos = kaa_mem_alloc((size_t)(total ? total : 1) * sizeof(KaaCodePos));
    if (code == NULL || pos == NULL) {
        KaaErr_NoMemory();
        goto done;
    }
    for (int i = 0; i < n; i++) {
        Instr *in = &u->instrs[i];
        if (is_pseudo(in->op)) {
            continue;
        }
        int k = a.offset[a.newindex[i]];
        KaaCodePos p = {in->pos.lineno, in->pos.end_lineno, in->pos.col, in->pos.end_col};
        for (int shift = 8 * (a.units[i] - 1); shift > 0; shift -= 8) {
            code[k] = (uint16_t)(OP_EXTENDED_ARG | (((in->arg >> shift) & 0xFF) << 8));
            pos[k++] = p;
        }
        code[k] = (uint16_t)(in->op | ((in->arg & 0xFF) << 8));
        pos[k] = p;
    }
    co = make_code(c, stacksize);
    if (co == NULL) {
        goto done;
    }
    co->co_ninstrs = total;
    co->co_code = code;
    co->co_positions = pos;
    code = NULL;
    pos = NULL;
    if (build_exctable(u, &a, co) < 0) {
        KaaErr_NoMemory();
        Kaa_CLEAR(co);
    }
done:
    assembly_free(&a);
    kaa_mem_free(code);
    kaa_mem_free(pos);
    return (KaaObject *)co;
}

// --- Entry point ---------------------------------------------------------------------------

KaaObject *kaa_compile_module(AstMod *mod, KaaObject *filename, KaaCompileMode mode)
{
    Compiler c = {0};
    c.filename = filename;
    c.interactive = mode == KAA_MODE_SINGLE;
    if (kaa_symtable_build(&c.st, mod) < 0) {
        if (c.st.too_deep) {
            KaaErr_SetString(KaaExc(RecursionError),
                             "maximum recursion depth exceeded during compilation");
        } else if (c.st.errmsg[0]) {
            kaa_raise_syntax_error_bytes("SyntaxError", c.st.errmsg, filename, c.st.errline,
                                         c.st.errcol, c.st.errline, -1);
        } else {
            KaaErr_NoMemory();
        }
        kaa_symtable_free(&c.st);
        return NULL;
    }
    AstPos start = {1, 0, 1, 0};
    KaaObject *code = NULL;
    if (enter_unit(&c, c.st.top, "<module>", start) == 0) {
        int r;
        if (mod->kind == AST_MOD_EXPRESSION) {
            r = compile_expr(&c, mod->expr);
            if (r == 0) {
                r = emit(&c, OP_RETURN_VALUE, 0);
            }
        } else {
            r = find_annotations(mod->body) ? emit(&c, OP_SETUP_ANNOTATIONS, 0) : 0;
            if (r == 0) {
                r = compile_stmts(&c, mod->body);
            }
        }
        if (r == 0) {
            // A module returns None from its last line.
            int nstmts = AST_SEQ_LEN(mod->body);
            if (nstmts) {
                AstStmt *last = AST_SEQ_GET(mod->body, nstmts - 1);
                c.u->loc = last->pos;
            }
            code = assemble(&c);
        }
        leave_unit(&c);
    }
    kaa_symtable_free(&c.st);
    return code;
}
