/* The abstract syntax tree: the contract between the parser (parse/) and the
 * compiler (compile/). Its shape is Python's own `ast` module, so a reader
 * can check a node against `python3 -c "import ast; print(ast.dump(...))"`.
 *
 * Every node lives in an AstArena, freed in one go after compilation, so no
 * node is ever freed on its own. Positions are CPython's: lineno is 1-based,
 * col is a 0-based UTF-8 byte offset; end_* point just past the node.
 * The front end depends on nothing but src/mem: constants are kept as C data
 * (decoded bytes, source text of ints, doubles) and turned into objects by
 * the compiler.
 */
#ifndef KAA_AST_H
#define KAA_AST_H
#ifndef KAA_BUILD_CORE
#error "internal header: build with KAA_BUILD_CORE"
#endif

#include <stddef.h>

typedef struct AstArena AstArena;

// A growable sequence of node pointers, allocated in the arena.
typedef struct AstSeq {
    int n;
    int cap;
    void **items;
} AstSeq;

#define AST_SEQ_LEN(s) ((s) ? (s)->n : 0)
#define AST_SEQ_GET(s, i) ((s)->items[(i)])

typedef struct AstPos {
    int lineno;
    int col;
    int end_lineno;
    int end_col;
} AstPos;

typedef enum { AST_LOAD, AST_STORE, AST_DEL } AstContext;

typedef enum { AST_AND, AST_OR } AstBoolOp;

// Binary operators, in the order of the nb_* slots they map to.
typedef enum {
    AST_ADD,
    AST_SUB,
    AST_MULT,
    AST_MATMULT,
    AST_DIV,
    AST_MOD,
    AST_POW,
    AST_LSHIFT,
    AST_RSHIFT,
    AST_BITOR,
    AST_BITXOR,
    AST_BITAND,
    AST_FLOORDIV
} AstOperator;

typedef enum { AST_INVERT, AST_NOT, AST_UADD, AST_USUB } AstUnaryOp;

typedef enum {
    AST_EQ,
    AST_NOTEQ,
    AST_LT,
    AST_LTE,
    AST_GT,
    AST_GTE,
    AST_IS,
    AST_ISNOT,
    AST_IN,
    AST_NOTIN
} AstCmpOp;

// Constant values as plain C data.
typedef enum {
    AST_CONST_NONE,
    AST_CONST_TRUE,
    AST_CONST_FALSE,
    AST_CONST_ELLIPSIS,
    AST_CONST_INT,   // text: the literal as written, underscores removed ("0x1F", "12")
    AST_CONST_FLOAT, // f
    AST_CONST_IMAG,  // f: the imaginary part (the compiler may refuse complex)
    AST_CONST_STR,   // text/len: decoded UTF-8 (may hold NUL bytes)
    AST_CONST_BYTES  // text/len: decoded bytes
} AstConstKind;

typedef struct AstConst {
    AstConstKind kind;
    const char *text; // NUL-terminated copy in the arena (len excludes the NUL)
    size_t len;
    double f;
} AstConst;

typedef enum {
    EXPR_BOOLOP,
    EXPR_NAMEDEXPR,
    EXPR_BINOP,
    EXPR_UNARYOP,
    EXPR_LAMBDA,
    EXPR_IFEXP,
    EXPR_DICT,
    EXPR_SET,
    EXPR_LISTCOMP,
    EXPR_SETCOMP,
    EXPR_DICTCOMP,
    EXPR_GENEXP,
    EXPR_YIELD,
    EXPR_YIELDFROM,
    EXPR_COMPARE,
    EXPR_CALL,
    EXPR_FORMATTEDVALUE,
    EXPR_JOINEDSTR,
    EXPR_CONSTANT,
    EXPR_ATTRIBUTE,
    EXPR_SUBSCRIPT,
    EXPR_STARRED,
    EXPR_NAME,
    EXPR_LIST,
    EXPR_TUPLE,
    EXPR_SLICE
} AstExprKind;

typedef struct AstExpr AstExpr;
typedef struct AstStmt AstStmt;
typedef struct AstArguments AstArguments;

typedef struct AstArg {
    const char *name;
    AstExpr *annotation; // may be NULL; kept but not compiled
    AstPos pos;
} AstArg;

typedef struct AstKeyword {
    const char *arg; // NULL for **mapping
    AstExpr *value;
    AstPos pos;
} AstKeyword;

// for/if clauses of a comprehension: `for target in iter if ifs...`
typedef struct AstComprehension {
    AstExpr *target;
    AstExpr *iter;
    AstSeq *ifs; // AstExpr*
} AstComprehension;

struct AstExpr {
    AstExprKind kind;
    AstPos pos;
    union {
        struct {
            AstBoolOp op;
            AstSeq *values; // AstExpr*, at least two
        } boolop;
        struct {
            AstExpr *target; // a Name
            AstExpr *value;
        } namedexpr;
        struct {
            AstExpr *left;
            AstOperator op;
            AstExpr *right;
        } binop;
        struct {
            AstUnaryOp op;
            AstExpr *operand;
        } unaryop;
        struct {
            AstArguments *args;
            AstExpr *body;
        } lambda;
        struct {
            AstExpr *test, *body, *orelse;
        } ifexp;
        struct {
            AstSeq *keys;   // AstExpr*, an entry is NULL for **mapping
            AstSeq *values; // AstExpr*
        } dict;
        struct {
            AstSeq *elts;
        } set;
        struct {
            AstExpr *elt;        // ListComp, SetComp, GeneratorExp
            AstExpr *key, *value; // DictComp
            AstSeq *generators;  // AstComprehension*
        } comp;
        struct {
            AstExpr *value; // may be NULL for a bare `yield`
        } yield;
        struct {
            AstExpr *left;
            int n;            // number of comparisons
            AstCmpOp *ops;    // n operators
            AstExpr **comparators; // n operands
        } compare;
        struct {
            AstExpr *func;
            AstSeq *args;     // AstExpr* (Starred for *args)
            AstSeq *keywords; // AstKeyword*
        } call;
        struct {
            AstExpr *value;
            int conversion;       // -1, 's', 'r' or 'a'
            AstExpr *format_spec; // a JoinedStr or NULL
        } formatted;
        struct {
            AstSeq *values; // Constant (str) and FormattedValue nodes
        } joinedstr;
        AstConst constant;
        struct {
            AstExpr *value;
            const char *attr;
            AstContext ctx;
        } attribute;
        struct {
            AstExpr *value;
            AstExpr *slice; // an expression, a Slice, or a Tuple of them
            AstContext ctx;
        } subscript;
        struct {
            AstExpr *value;
            AstContext ctx;
        } starred;
        struct {
            const char *id;
            AstContext ctx;
        } name;
        struct {
            AstSeq *elts;
            AstContext ctx;
        } seq; // List and Tuple
        struct {
            AstExpr *lower, *upper, *step; // each may be NULL
        } slice;
    } v;
};

struct AstArguments {
    AstSeq *posonlyargs; // AstArg*
    AstSeq *args;        // AstArg*
    AstArg *vararg;      // may be NULL
    AstSeq *kwonlyargs;  // AstArg*
    AstSeq *kw_defaults; // AstExpr*, one per kwonlyarg, NULL where none
    AstArg *kwarg;       // may be NULL
    AstSeq *defaults;    // AstExpr*, for the last len(defaults) positional args
};

typedef struct AstAlias {
    const char *name; // dotted name, or "*"
    const char *asname; // may be NULL
    AstPos pos;
} AstAlias;

typedef struct AstWithItem {
    AstExpr *context_expr;
    AstExpr *optional_vars; // may be NULL
} AstWithItem;

typedef struct AstExceptHandler {
    AstExpr *type;    // may be NULL
    const char *name; // may be NULL
    AstSeq *body;     // AstStmt*
    AstPos pos;
} AstExceptHandler;

typedef enum {
    STMT_FUNCTIONDEF,
    STMT_CLASSDEF,
    STMT_RETURN,
    STMT_DELETE,
    STMT_ASSIGN,
    STMT_AUGASSIGN,
    STMT_ANNASSIGN,
    STMT_FOR,
    STMT_WHILE,
    STMT_IF,
    STMT_WITH,
    STMT_RAISE,
    STMT_TRY,
    STMT_ASSERT,
    STMT_IMPORT,
    STMT_IMPORTFROM,
    STMT_GLOBAL,
    STMT_NONLOCAL,
    STMT_EXPR,
    STMT_PASS,
    STMT_BREAK,
    STMT_CONTINUE
} AstStmtKind;

struct AstStmt {
    AstStmtKind kind;
    AstPos pos;
    union {
        struct {
            const char *name;
            AstArguments *args;
            AstSeq *body;           // AstStmt*
            AstSeq *decorator_list; // AstExpr*
            AstExpr *returns;       // may be NULL; not compiled
        } funcdef;
        struct {
            const char *name;
            AstSeq *bases;    // AstExpr*
            AstSeq *keywords; // AstKeyword*
            AstSeq *body;
            AstSeq *decorator_list;
        } classdef;
        struct {
            AstExpr *value; // may be NULL
        } ret;
        struct {
            AstSeq *targets;
        } del;
        struct {
            AstSeq *targets; // AstExpr*, `a = b = value` has two
            AstExpr *value;
        } assign;
        struct {
            AstExpr *target;
            AstOperator op;
            AstExpr *value;
        } augassign;
        struct {
            AstExpr *target;
            AstExpr *annotation;
            AstExpr *value; // may be NULL
            int simple;     // target is a plain name not in parentheses
        } annassign;
        struct {
            AstExpr *target, *iter;
            AstSeq *body, *orelse;
        } forstmt;
        struct {
            AstExpr *test;
            AstSeq *body, *orelse;
        } whilestmt;
        struct {
            AstExpr *test;
            AstSeq *body, *orelse; // elif is an If alone in orelse
        } ifstmt;
        struct {
            AstSeq *items; // AstWithItem*
            AstSeq *body;
        } with;
        struct {
            AstExpr *exc, *cause; // each may be NULL
        } raise;
        struct {
            AstSeq *body;
            AstSeq *handlers; // AstExceptHandler*
            AstSeq *orelse, *finalbody;
        } trystmt;
        struct {
            AstExpr *test, *msg; // msg may be NULL
        } assertstmt;
        struct {
            AstSeq *names; // AstAlias*
        } import;
        struct {
            const char *module; // may be NULL (`from . import x`)
            AstSeq *names;      // AstAlias*
            int level;          // number of leading dots
        } importfrom;
        struct {
            AstSeq *names; // const char*
        } global; // Global and Nonlocal
        struct {
            AstExpr *value;
        } expr;
    } v;
};

typedef enum { AST_MOD_MODULE, AST_MOD_INTERACTIVE, AST_MOD_EXPRESSION } AstModKind;

typedef struct AstMod {
    AstModKind kind;
    AstSeq *body;  // AstStmt*, for Module and Interactive
    AstExpr *expr; // for Expression
} AstMod;

// --- Arena -------------------------------------------------------------
AstArena *kaa_arena_new(void);
void kaa_arena_free(AstArena *a);
// Zeroed memory that lives as long as the arena. Aborts the parse with
// MemoryError semantics (returns NULL) only when the system is out of memory.
void *kaa_arena_alloc(AstArena *a, size_t n);
char *kaa_arena_strndup(AstArena *a, const char *s, size_t n);
AstSeq *kaa_ast_seq_new(AstArena *a);
// Append; creates the sequence when *seq is NULL. Return 0, or -1 when out of memory.
int kaa_ast_seq_push(AstArena *a, AstSeq **seq, void *item);

// Debug dump in the style of Python's ast.dump(), for tests (malloc'd string
// from kaa_mem_alloc; the caller frees it with kaa_mem_free).
char *kaa_ast_dump_mod(const AstMod *m);
char *kaa_ast_dump_expr(const AstExpr *e);

// --- Constructors used by the grammar actions (parse/ast.c) -------------
// (the front end adds its constructor declarations below this line)
//
// Expression nodes must come from kaa_ast_expr_new (or the constructors that
// call it): the parser keeps bookkeeping beside each one (kaa_ast_outer).
// Sequences passed in are stored, not copied. All return NULL when out of
// memory, and accept NULL children (so an out-of-memory parse unwinds safely).
AstExpr *kaa_ast_expr_new(AstArena *a, AstExprKind kind, AstPos pos);
AstStmt *kaa_ast_stmt_new(AstArena *a, AstStmtKind kind, AstPos pos);

// Not part of the AST: the extent of an expression including the parentheses
// written around it, and whether there were any (0 = none).
AstPos kaa_ast_outer(const AstExpr *e);
int kaa_ast_parens(const AstExpr *e);
void kaa_ast_set_outer(AstExpr *e, AstPos outer, int parens);
// Constant strings written with a u prefix (ast.dump shows kind='u').
void kaa_ast_set_u_kind(AstExpr *e);
int kaa_ast_u_kind(const AstExpr *e);

AstExpr *kaa_ast_name(AstArena *a, const char *id, AstContext ctx, AstPos pos);
AstExpr *kaa_ast_constant(AstArena *a, AstConst c, AstPos pos);
AstExpr *kaa_ast_boolop(AstArena *a, AstBoolOp op, AstSeq *values, AstPos pos);
AstExpr *kaa_ast_namedexpr(AstArena *a, AstExpr *target, AstExpr *value, AstPos pos);
AstExpr *kaa_ast_binop(AstArena *a, AstExpr *left, AstOperator op, AstExpr *right, AstPos pos);
AstExpr *kaa_ast_unaryop(AstArena *a, AstUnaryOp op, AstExpr *operand, AstPos pos);
AstExpr *kaa_ast_lambda(AstArena *a, AstArguments *args, AstExpr *body, AstPos pos);
AstExpr *kaa_ast_ifexp(AstArena *a, AstExpr *test, AstExpr *body, AstExpr *orelse, AstPos pos);
AstExpr *kaa_ast_dict(AstArena *a, AstSeq *keys, AstSeq *values, AstPos pos);
AstExpr *kaa_ast_set(AstArena *a, AstSeq *elts, AstPos pos);
// kind: EXPR_LISTCOMP, EXPR_SETCOMP or EXPR_GENEXP (elt) or EXPR_DICTCOMP (key, value)
AstExpr *kaa_ast_comp(AstArena *a, AstExprKind kind, AstExpr *elt, AstExpr *value,
                      AstSeq *generators, AstPos pos);
// kind: EXPR_YIELD (value may be NULL) or EXPR_YIELDFROM
AstExpr *kaa_ast_yield(AstArena *a, AstExprKind kind, AstExpr *value, AstPos pos);
// ops: AstCmpOp values stored as (void *)(intptr_t)op
AstExpr *kaa_ast_compare(AstArena *a, AstExpr *left, AstSeq *ops, AstSeq *comparators, AstPos pos);
AstExpr *kaa_ast_call(AstArena *a, AstExpr *func, AstSeq *args, AstSeq *keywords, AstPos pos);
AstExpr *kaa_ast_formatted(AstArena *a, AstExpr *value, int conversion, AstExpr *spec, AstPos pos);
AstExpr *kaa_ast_joinedstr(AstArena *a, AstSeq *values, AstPos pos);
AstExpr *kaa_ast_attribute(AstArena *a, AstExpr *value, const char *attr, AstContext ctx,
                           AstPos pos);
AstExpr *kaa_ast_subscript(AstArena *a, AstExpr *value, AstExpr *slice, AstContext ctx, AstPos pos);
AstExpr *kaa_ast_starred(AstArena *a, AstExpr *value, AstContext ctx, AstPos pos);
// kind: EXPR_LIST or EXPR_TUPLE
AstExpr *kaa_ast_list(AstArena *a, AstExprKind kind, AstSeq *elts, AstContext ctx, AstPos pos);
AstExpr *kaa_ast_slice(AstArena *a, AstExpr *lower, AstExpr *upper, AstExpr *step, AstPos pos);

AstArg *kaa_ast_arg(AstArena *a, const char *name, AstExpr *annotation, AstPos pos);
AstKeyword *kaa_ast_keyword(AstArena *a, const char *arg, AstExpr *value, AstPos pos);
AstComprehension *kaa_ast_comprehension(AstArena *a, AstExpr *target, AstExpr *iter, AstSeq *ifs);
AstArguments *kaa_ast_arguments(AstArena *a); // all lists empty
AstAlias *kaa_ast_alias(AstArena *a, const char *name, const char *asname, AstPos pos);
AstWithItem *kaa_ast_withitem(AstArena *a, AstExpr *context_expr, AstExpr *optional_vars);
AstExceptHandler *kaa_ast_excepthandler(AstArena *a, AstExpr *type, const char *name, AstSeq *body,
                                        AstPos pos);
AstMod *kaa_ast_mod(AstArena *a, AstModKind kind, AstSeq *body, AstExpr *expr);

// Statements with a single expression: STMT_EXPR, STMT_RETURN (value may be NULL).
AstStmt *kaa_ast_stmt_expr(AstArena *a, AstStmtKind kind, AstExpr *value, AstPos pos);
AstStmt *kaa_ast_assign(AstArena *a, AstSeq *targets, AstExpr *value, AstPos pos);
AstStmt *kaa_ast_augassign(AstArena *a, AstExpr *target, AstOperator op, AstExpr *value,
                           AstPos pos);
AstStmt *kaa_ast_annassign(AstArena *a, AstExpr *target, AstExpr *annotation, AstExpr *value,
                           int simple, AstPos pos);
AstStmt *kaa_ast_delete(AstArena *a, AstSeq *targets, AstPos pos);
AstStmt *kaa_ast_funcdef(AstArena *a, const char *name, AstArguments *args, AstSeq *body,
                         AstExpr *returns, AstPos pos);
AstStmt *kaa_ast_classdef(AstArena *a, const char *name, AstSeq *bases, AstSeq *keywords,
                          AstSeq *body, AstPos pos);
// kind: STMT_WHILE or STMT_IF (test, body, orelse)
AstStmt *kaa_ast_cond(AstArena *a, AstStmtKind kind, AstExpr *test, AstSeq *body, AstSeq *orelse,
                      AstPos pos);
AstStmt *kaa_ast_for(AstArena *a, AstExpr *target, AstExpr *iter, AstSeq *body, AstSeq *orelse,
                     AstPos pos);
AstStmt *kaa_ast_with(AstArena *a, AstSeq *items, AstSeq *body, AstPos pos);
AstStmt *kaa_ast_raise(AstArena *a, AstExpr *exc, AstExpr *cause, AstPos pos);
AstStmt *kaa_ast_try(AstArena *a, AstSeq *body, AstSeq *handlers, AstSeq *orelse, AstSeq *finalbody,
                     AstPos pos);
AstStmt *kaa_ast_assert(AstArena *a, AstExpr *test, AstExpr *msg, AstPos pos);
AstStmt *kaa_ast_import(AstArena *a, AstSeq *names, AstPos pos);
AstStmt *kaa_ast_importfrom(AstArena *a, const char *module, AstSeq *names, int level, AstPos pos);
// kind: STMT_GLOBAL or STMT_NONLOCAL; names are const char *
AstStmt *kaa_ast_global(AstArena *a, AstStmtKind kind, AstSeq *names, AstPos pos);
// STMT_PASS, STMT_BREAK, STMT_CONTINUE
AstStmt *kaa_ast_simple(AstArena *a, AstStmtKind kind, AstPos pos);

#endif
