/* Tests of the parser (grammar/parser.y, src/parse/parse.c, build.c,
 * strings.c): the AST for many statements, compared with the text CPython
 * 3.11's ast.dump() prints for the same source; node positions; syntax
 * errors with CPython's type, message, line and offset; REPL input that is
 * complete, incomplete or wrong. Every parse must free all it allocated
 * once its arena is freed.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem/mem.h"
#include "parse/parse.h"

static size_t live_at_start;

static void setup(void)
{
    live_at_start = kaa_mem_live_blocks();
}

static void teardown(void)
{
    ck_assert_uint_eq(kaa_mem_live_blocks(), live_at_start);
}

typedef struct DumpCase {
    const char *src, *want;
} DumpCase;

typedef struct ErrCase {
    const char *src, *kind, *msg;
    int lineno, offset;
} ErrCase;

static void posdump(char *out, size_t size, const AstMod *m);

// Parse src[0..len); describe the result in out: the AST dump (or, with
// positions, the position walk), "INCOMPLETE", or "kind: msg @line,offset".
// Checks that nothing leaks once the arena is freed.
static const char *parse_n(const char *src, size_t len, KaaParseMode mode, int positions)
{
    static char out[1 << 16];
    size_t live = kaa_mem_live_blocks();
    AstArena *a = kaa_arena_new();
    KaaSyntaxError err;
    ck_assert_ptr_nonnull(a);
    AstMod *m = kaa_parse(a, src, len, mode, &err);
    if (m && positions) {
        posdump(out, sizeof out, m);
    } else if (m) {
        char *d = kaa_ast_dump_mod(m);
        ck_assert_ptr_nonnull(d);
        snprintf(out, sizeof out, "%s", d);
        kaa_mem_free(d);
    } else if (err.incomplete) {
        snprintf(out, sizeof out, "INCOMPLETE");
    } else {
        snprintf(out, sizeof out, "%s: %s @%d,%d", err.kind, err.msg, err.lineno, err.offset);
    }
    kaa_arena_free(a);
    ck_assert_uint_eq(kaa_mem_live_blocks(), live);
    return out;
}

static const char *parse(const char *src, KaaParseMode mode)
{
    return parse_n(src, strlen(src), mode, 0);
}

// ast.dump(ast.parse(src)) as CPython 3.11 prints it.
static const DumpCase dump_cases[] = {
    {"x = 1", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], "
              "type_ignores=[])"},
    {"x = y = 1", "Module(body=[Assign(targets=[Name(id='x', ctx=Store()), Name(id='y', "
                  "ctx=Store())], value=Constant(value=1))], type_ignores=[])"},
    {"x, y = 1, 2",
     "Module(body=[Assign(targets=[Tuple(elts=[Name(id='x', ctx=Store()), Name(id='y', "
     "ctx=Store())], ctx=Store())], value=Tuple(elts=[Constant(value=1), Constant(value=2)], "
     "ctx=Load()))], type_ignores=[])"},
    {"[a, b] = c",
     "Module(body=[Assign(targets=[List(elts=[Name(id='a', ctx=Store()), Name(id='b', "
     "ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])"},
    {"a.b = 1", "Module(body=[Assign(targets=[Attribute(value=Name(id='a', ctx=Load()), attr='b', "
                "ctx=Store())], value=Constant(value=1))], type_ignores=[])"},
    {"a[1] = 2",
     "Module(body=[Assign(targets=[Subscript(value=Name(id='a', ctx=Load()), "
     "slice=Constant(value=1), ctx=Store())], value=Constant(value=2))], type_ignores=[])"},
    {"a[1:2] = 3", "Module(body=[Assign(targets=[Subscript(value=Name(id='a', ctx=Load()), "
                   "slice=Slice(lower=Constant(value=1), upper=Constant(value=2)), ctx=Store())], "
                   "value=Constant(value=3))], type_ignores=[])"},
    {"*a, b = c", "Module(body=[Assign(targets=[Tuple(elts=[Starred(value=Name(id='a', "
                  "ctx=Store()), ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], "
                  "value=Name(id='c', ctx=Load()))], type_ignores=[])"},
    {"a, *b = c", "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), "
                  "Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], "
                  "value=Name(id='c', ctx=Load()))], type_ignores=[])"},
    {"x += 1", "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), "
               "value=Constant(value=1))], type_ignores=[])"},
    {"x.y -= 2", "Module(body=[AugAssign(target=Attribute(value=Name(id='x', ctx=Load()), "
                 "attr='y', ctx=Store()), op=Sub(), value=Constant(value=2))], type_ignores=[])"},
    {"x[0] *= 3", "Module(body=[AugAssign(target=Subscript(value=Name(id='x', ctx=Load()), "
                  "slice=Constant(value=0), ctx=Store()), op=Mult(), value=Constant(value=3))], "
                  "type_ignores=[])"},
    {"x @= 1", "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=MatMult(), "
               "value=Constant(value=1))], type_ignores=[])"},
    {"x /= 1", "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Div(), "
               "value=Constant(value=1))], type_ignores=[])"},
    {"x //= 1", "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=FloorDiv(), "
                "value=Constant(value=1))], type_ignores=[])"},
    {"x %= 1", "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Mod(), "
               "value=Constant(value=1))], type_ignores=[])"},
    {"x **= 1", "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Pow(), "
                "value=Constant(value=1))], type_ignores=[])"},
    {"x >>= 1", "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=RShift(), "
                "value=Constant(value=1))], type_ignores=[])"},
    {"x <<= 1", "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=LShift(), "
                "value=Constant(value=1))], type_ignores=[])"},
    {"x &= 1", "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=BitAnd(), "
               "value=Constant(value=1))], type_ignores=[])"},
    {"x |= 1", "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=BitOr(), "
               "value=Constant(value=1))], type_ignores=[])"},
    {"x ^= 1", "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=BitXor(), "
               "value=Constant(value=1))], type_ignores=[])"},
    {"x: int", "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', "
               "ctx=Load()), simple=1)], type_ignores=[])"},
    {"x: int = 5",
     "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', "
     "ctx=Load()), value=Constant(value=5), simple=1)], type_ignores=[])"},
    {"(x): int = 5",
     "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', "
     "ctx=Load()), value=Constant(value=5), simple=0)], type_ignores=[])"},
    {"a.b: int",
     "Module(body=[AnnAssign(target=Attribute(value=Name(id='a', ctx=Load()), attr='b', "
     "ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0)], type_ignores=[])"},
    {"a[0]: int = 1", "Module(body=[AnnAssign(target=Subscript(value=Name(id='a', ctx=Load()), "
                      "slice=Constant(value=0), ctx=Store()), annotation=Name(id='int', "
                      "ctx=Load()), value=Constant(value=1), simple=0)], type_ignores=[])"},
    {"x: int = yield",
     "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', "
     "ctx=Load()), value=Yield(), simple=1)], type_ignores=[])"},
    {"del a", "Module(body=[Delete(targets=[Name(id='a', ctx=Del())])], type_ignores=[])"},
    {"del a, b", "Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Name(id='b', "
                 "ctx=Del())])], type_ignores=[])"},
    {"del a,", "Module(body=[Delete(targets=[Name(id='a', ctx=Del())])], type_ignores=[])"},
    {"del (a, b)", "Module(body=[Delete(targets=[Tuple(elts=[Name(id='a', ctx=Del()), Name(id='b', "
                   "ctx=Del())], ctx=Del())])], type_ignores=[])"},
    {"del [a, b]", "Module(body=[Delete(targets=[List(elts=[Name(id='a', ctx=Del()), Name(id='b', "
                   "ctx=Del())], ctx=Del())])], type_ignores=[])"},
    {"del a.b, c[0]", "Module(body=[Delete(targets=[Attribute(value=Name(id='a', ctx=Load()), "
                      "attr='b', ctx=Del()), Subscript(value=Name(id='c', ctx=Load()), "
                      "slice=Constant(value=0), ctx=Del())])], type_ignores=[])"},
    {"pass", "Module(body=[Pass()], type_ignores=[])"},
    {"break", "Module(body=[Break()], type_ignores=[])"},
    {"continue", "Module(body=[Continue()], type_ignores=[])"},
    {"return", "Module(body=[Return()], type_ignores=[])"},
    {"return 1", "Module(body=[Return(value=Constant(value=1))], type_ignores=[])"},
    {"return 1, 2", "Module(body=[Return(value=Tuple(elts=[Constant(value=1), Constant(value=2)], "
                    "ctx=Load()))], type_ignores=[])"},
    {"return *a, b",
     "Module(body=[Return(value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), "
     "Name(id='b', ctx=Load())], ctx=Load()))], type_ignores=[])"},
    {"if a: pass",
     "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])"},
    {"if a:\n  pass\nelse:\n  pass", "Module(body=[If(test=Name(id='a', ctx=Load()), "
                                     "body=[Pass()], orelse=[Pass()])], type_ignores=[])"},
    {"if a:\n  pass\nelif b:\n  pass",
     "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', "
     "ctx=Load()), body=[Pass()], orelse=[])])], type_ignores=[])"},
    {"if a:\n  x\nelif b:\n  y\nelif c:\n  z\nelse:\n  w\n",
     "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Expr(value=Name(id='x', ctx=Load()))], "
     "orelse=[If(test=Name(id='b', ctx=Load()), body=[Expr(value=Name(id='y', ctx=Load()))], "
     "orelse=[If(test=Name(id='c', ctx=Load()), body=[Expr(value=Name(id='z', ctx=Load()))], "
     "orelse=[Expr(value=Name(id='w', ctx=Load()))])])])], type_ignores=[])"},
    {"while x:\n  pass", "Module(body=[While(test=Name(id='x', ctx=Load()), body=[Pass()], "
                         "orelse=[])], type_ignores=[])"},
    {"while x:\n  pass\nelse:\n  y",
     "Module(body=[While(test=Name(id='x', ctx=Load()), body=[Pass()], "
     "orelse=[Expr(value=Name(id='y', ctx=Load()))])], type_ignores=[])"},
    {"for x in y:\n  pass", "Module(body=[For(target=Name(id='x', ctx=Store()), iter=Name(id='y', "
                            "ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])"},
    {"for x, y in z:\n  pass\nelse:\n  pass",
     "Module(body=[For(target=Tuple(elts=[Name(id='x', ctx=Store()), Name(id='y', ctx=Store())], "
     "ctx=Store()), iter=Name(id='z', ctx=Load()), body=[Pass()], orelse=[Pass()])], "
     "type_ignores=[])"},
    {"for x in *a, *b: pass", "Module(body=[For(target=Name(id='x', ctx=Store()), "
                              "iter=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), "
                              "ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], "
                              "ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])"},
    {"for (a, b) in c: pass",
     "Module(body=[For(target=Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], "
     "ctx=Store()), iter=Name(id='c', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])"},
    {"for [a, b] in c: pass",
     "Module(body=[For(target=List(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], "
     "ctx=Store()), iter=Name(id='c', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])"},
    {"for x, in y: pass",
     "Module(body=[For(target=Tuple(elts=[Name(id='x', ctx=Store())], ctx=Store()), "
     "iter=Name(id='y', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])"},
    {"def f(): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
     "kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {"def f(a): pass", "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], "
                       "args=[arg(arg='a')], kwonlyargs=[], kw_defaults=[], defaults=[]), "
                       "body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {"def f(a, b=1): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a'), "
     "arg(arg='b')], kwonlyargs=[], kw_defaults=[], defaults=[Constant(value=1)]), body=[Pass()], "
     "decorator_list=[])], type_ignores=[])"},
    {"def f(*args): pass", "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], "
                           "args=[], vararg=arg(arg='args'), kwonlyargs=[], kw_defaults=[], "
                           "defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {"def f(**kw): pass", "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], "
                          "args=[], kwonlyargs=[], kw_defaults=[], kwarg=arg(arg='kw'), "
                          "defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {"def f(a, *, b): pass", "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], "
                             "args=[arg(arg='a')], kwonlyargs=[arg(arg='b')], kw_defaults=[None], "
                             "defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {"def f(a, /, b): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], "
     "args=[arg(arg='b')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], "
     "decorator_list=[])], type_ignores=[])"},
    {"def f(a, /): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[], "
     "kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], "
     "type_ignores=[])"},
    {"def f(a=1, /, b=2, *c, d=3, e, **f): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], "
     "args=[arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], "
     "kw_defaults=[Constant(value=3), None], kwarg=arg(arg='f'), defaults=[Constant(value=1), "
     "Constant(value=2)]), body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {"def f(a: int, *b: str, c: float = 1.0, **d: dict) -> None: pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a', "
     "annotation=Name(id='int', ctx=Load()))], vararg=arg(arg='b', annotation=Name(id='str', "
     "ctx=Load())), kwonlyargs=[arg(arg='c', annotation=Name(id='float', ctx=Load()))], "
     "kw_defaults=[Constant(value=1.0)], kwarg=arg(arg='d', annotation=Name(id='dict', "
     "ctx=Load())), defaults=[]), body=[Pass()], decorator_list=[], "
     "returns=Constant(value=None))], type_ignores=[])"},
    {"def f(a,): pass", "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], "
                        "args=[arg(arg='a')], kwonlyargs=[], kw_defaults=[], defaults=[]), "
                        "body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {"def f(*, a,): pass", "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], "
                           "args=[], kwonlyargs=[arg(arg='a')], kw_defaults=[None], defaults=[]), "
                           "body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {"def f(**k,): pass", "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], "
                          "args=[], kwonlyargs=[], kw_defaults=[], kwarg=arg(arg='k'), "
                          "defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {"global x", "Module(body=[Global(names=['x'])], type_ignores=[])"},
    {"global x, y", "Module(body=[Global(names=['x', 'y'])], type_ignores=[])"},
    {"def f():\n  nonlocal a, b",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
     "kw_defaults=[], defaults=[]), body=[Nonlocal(names=['a', 'b'])], decorator_list=[])], "
     "type_ignores=[])"},
    {"x", "Module(body=[Expr(value=Name(id='x', ctx=Load()))], type_ignores=[])"},
    {"x; y", "Module(body=[Expr(value=Name(id='x', ctx=Load())), Expr(value=Name(id='y', "
             "ctx=Load()))], type_ignores=[])"},
    {"x; y;", "Module(body=[Expr(value=Name(id='x', ctx=Load())), Expr(value=Name(id='y', "
              "ctx=Load()))], type_ignores=[])"},
    {"x = 1; y = 2\nz = 3",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), "
     "Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2)), "
     "Assign(targets=[Name(id='z', ctx=Store())], value=Constant(value=3))], type_ignores=[])"},
    {"a or b", "Module(body=[Expr(value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), "
               "Name(id='b', ctx=Load())]))], type_ignores=[])"},
    {"a and b", "Module(body=[Expr(value=BoolOp(op=And(), values=[Name(id='a', ctx=Load()), "
                "Name(id='b', ctx=Load())]))], type_ignores=[])"},
    {"a or b or c", "Module(body=[Expr(value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), "
                    "Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))], type_ignores=[])"},
    {"a and b or c and d",
     "Module(body=[Expr(value=BoolOp(op=Or(), values=[BoolOp(op=And(), values=[Name(id='a', "
     "ctx=Load()), Name(id='b', ctx=Load())]), BoolOp(op=And(), values=[Name(id='c', ctx=Load()), "
     "Name(id='d', ctx=Load())])]))], type_ignores=[])"},
    {"not a", "Module(body=[Expr(value=UnaryOp(op=Not(), operand=Name(id='a', ctx=Load())))], "
              "type_ignores=[])"},
    {"not not a", "Module(body=[Expr(value=UnaryOp(op=Not(), operand=UnaryOp(op=Not(), "
                  "operand=Name(id='a', ctx=Load()))))], type_ignores=[])"},
    {"a if b else c",
     "Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), "
     "orelse=Name(id='c', ctx=Load())))], type_ignores=[])"},
    {"a if b else c if d else e",
     "Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), "
     "orelse=IfExp(test=Name(id='d', ctx=Load()), body=Name(id='c', ctx=Load()), "
     "orelse=Name(id='e', ctx=Load()))))], type_ignores=[])"},
    {"lambda: 0",
     "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
     "kw_defaults=[], defaults=[]), body=Constant(value=0)))], type_ignores=[])"},
    {"lambda x: x", "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], "
                    "args=[arg(arg='x')], kwonlyargs=[], kw_defaults=[], defaults=[]), "
                    "body=Name(id='x', ctx=Load())))], type_ignores=[])"},
    {"lambda x, y=1, *a, z, **k: 0",
     "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x'), "
     "arg(arg='y')], vararg=arg(arg='a'), kwonlyargs=[arg(arg='z')], kw_defaults=[None], "
     "kwarg=arg(arg='k'), defaults=[Constant(value=1)]), body=Constant(value=0)))], "
     "type_ignores=[])"},
    {"lambda *, a: 0", "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], "
                       "kwonlyargs=[arg(arg='a')], kw_defaults=[None], defaults=[]), "
                       "body=Constant(value=0)))], type_ignores=[])"},
    {"lambda a, /, b: 0", "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg='a')]"
                          ", args=[arg(arg='b')], kwonlyargs=[], kw_defaults=[], defaults=[]), "
                          "body=Constant(value=0)))], type_ignores=[])"},
    {"a < b", "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt()], "
              "comparators=[Name(id='b', ctx=Load())]))], type_ignores=[])"},
    {"a < b < c",
     "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), Lt()], "
     "comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))], type_ignores=[])"},
    {"a == b != c",
     "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Eq(), NotEq()], "
     "comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))], type_ignores=[])"},
    {"a in b", "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[In()], "
               "comparators=[Name(id='b', ctx=Load())]))], type_ignores=[])"},
    {"a not in b", "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[NotIn()], "
                   "comparators=[Name(id='b', ctx=Load())]))], type_ignores=[])"},
    {"a is b", "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Is()], "
               "comparators=[Name(id='b', ctx=Load())]))], type_ignores=[])"},
    {"a is not b", "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[IsNot()], "
                   "comparators=[Name(id='b', ctx=Load())]))], type_ignores=[])"},
    {"a <= b >= c > d", "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), "
                        "ops=[LtE(), GtE(), Gt()], comparators=[Name(id='b', ctx=Load()), "
                        "Name(id='c', ctx=Load()), Name(id='d', ctx=Load())]))], type_ignores=[])"},
    {"a | b", "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), "
              "right=Name(id='b', ctx=Load())))], type_ignores=[])"},
    {"a ^ b", "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=BitXor(), "
              "right=Name(id='b', ctx=Load())))], type_ignores=[])"},
    {"a & b", "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=BitAnd(), "
              "right=Name(id='b', ctx=Load())))], type_ignores=[])"},
    {"a << b", "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=LShift(), "
               "right=Name(id='b', ctx=Load())))], type_ignores=[])"},
    {"a >> b", "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=RShift(), "
               "right=Name(id='b', ctx=Load())))], type_ignores=[])"},
    {"a + b", "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Add(), "
              "right=Name(id='b', ctx=Load())))], type_ignores=[])"},
    {"a - b", "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Sub(), "
              "right=Name(id='b', ctx=Load())))], type_ignores=[])"},
    {"a * b", "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Mult(), "
              "right=Name(id='b', ctx=Load())))], type_ignores=[])"},
    {"a / b", "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Div(), "
              "right=Name(id='b', ctx=Load())))], type_ignores=[])"},
    {"a // b", "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=FloorDiv(), "
               "right=Name(id='b', ctx=Load())))], type_ignores=[])"},
    {"a % b", "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Mod(), "
              "right=Name(id='b', ctx=Load())))], type_ignores=[])"},
    {"a @ b", "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=MatMult(), "
              "right=Name(id='b', ctx=Load())))], type_ignores=[])"},
    {"-a", "Module(body=[Expr(value=UnaryOp(op=USub(), operand=Name(id='a', ctx=Load())))], "
           "type_ignores=[])"},
    {"+a", "Module(body=[Expr(value=UnaryOp(op=UAdd(), operand=Name(id='a', ctx=Load())))], "
           "type_ignores=[])"},
    {"~a", "Module(body=[Expr(value=UnaryOp(op=Invert(), operand=Name(id='a', ctx=Load())))], "
           "type_ignores=[])"},
    {"a ** b", "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), "
               "right=Name(id='b', ctx=Load())))], type_ignores=[])"},
    {"a ** b ** c", "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), "
                    "right=BinOp(left=Name(id='b', ctx=Load()), op=Pow(), right=Name(id='c', "
                    "ctx=Load()))))], type_ignores=[])"},
    {"-a ** -b",
     "Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Name(id='a', ctx=Load()), "
     "op=Pow(), right=UnaryOp(op=USub(), operand=Name(id='b', ctx=Load())))))], type_ignores=[])"},
    {"a + b * c", "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Add(), "
                  "right=BinOp(left=Name(id='b', ctx=Load()), op=Mult(), right=Name(id='c', "
                  "ctx=Load()))))], type_ignores=[])"},
    {"(a + b) * c", "Module(body=[Expr(value=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), "
                    "op=Add(), right=Name(id='b', ctx=Load())), op=Mult(), right=Name(id='c', "
                    "ctx=Load())))], type_ignores=[])"},
    {"a - b - c", "Module(body=[Expr(value=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), "
                  "op=Sub(), right=Name(id='b', ctx=Load())), op=Sub(), right=Name(id='c', "
                  "ctx=Load())))], type_ignores=[])"},
    {"a | b & c ^ d",
     "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), "
     "right=BinOp(left=BinOp(left=Name(id='b', ctx=Load()), op=BitAnd(), right=Name(id='c', "
     "ctx=Load())), op=BitXor(), right=Name(id='d', ctx=Load()))))], type_ignores=[])"},
    {"not a == b",
     "Module(body=[Expr(value=UnaryOp(op=Not(), operand=Compare(left=Name(id='a', ctx=Load()), "
     "ops=[Eq()], comparators=[Name(id='b', ctx=Load())])))], type_ignores=[])"},
    {"a + -b", "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Add(), "
               "right=UnaryOp(op=USub(), operand=Name(id='b', ctx=Load()))))], type_ignores=[])"},
    {"2**-1", "Module(body=[Expr(value=BinOp(left=Constant(value=2), op=Pow(), "
              "right=UnaryOp(op=USub(), operand=Constant(value=1))))], type_ignores=[])"},
    {"- - a", "Module(body=[Expr(value=UnaryOp(op=USub(), operand=UnaryOp(op=USub(), "
              "operand=Name(id='a', ctx=Load()))))], type_ignores=[])"},
    {"a.b", "Module(body=[Expr(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', "
            "ctx=Load()))], type_ignores=[])"},
    {"a.b.c", "Module(body=[Expr(value=Attribute(value=Attribute(value=Name(id='a', ctx=Load()), "
              "attr='b', ctx=Load()), attr='c', ctx=Load()))], type_ignores=[])"},
    {"a()", "Module(body=[Expr(value=Call(func=Name(id='a', ctx=Load()), args=[], keywords=[]))], "
            "type_ignores=[])"},
    {"a(1)", "Module(body=[Expr(value=Call(func=Name(id='a', ctx=Load()), "
             "args=[Constant(value=1)], keywords=[]))], type_ignores=[])"},
    {"a(1, 2)", "Module(body=[Expr(value=Call(func=Name(id='a', ctx=Load()), "
                "args=[Constant(value=1), Constant(value=2)], keywords=[]))], type_ignores=[])"},
    {"a(x=1)", "Module(body=[Expr(value=Call(func=Name(id='a', ctx=Load()), args=[], "
               "keywords=[keyword(arg='x', value=Constant(value=1))]))], type_ignores=[])"},
    {"a(*b)",
     "Module(body=[Expr(value=Call(func=Name(id='a', ctx=Load()), args=[Starred(value=Name(id='b', "
     "ctx=Load()), ctx=Load())], keywords=[]))], type_ignores=[])"},
    {"a(**b)", "Module(body=[Expr(value=Call(func=Name(id='a', ctx=Load()), args=[], "
               "keywords=[keyword(value=Name(id='b', ctx=Load()))]))], type_ignores=[])"},
    {"a(1, *b, c=2, **d)",
     "Module(body=[Expr(value=Call(func=Name(id='a', ctx=Load()), args=[Constant(value=1), "
     "Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', "
     "value=Constant(value=2)), keyword(value=Name(id='d', ctx=Load()))]))], type_ignores=[])"},
    {"a(*b, *c)",
     "Module(body=[Expr(value=Call(func=Name(id='a', ctx=Load()), args=[Starred(value=Name(id='b', "
     "ctx=Load()), ctx=Load()), Starred(value=Name(id='c', ctx=Load()), ctx=Load())], "
     "keywords=[]))], type_ignores=[])"},
    {"a(x=1, *b)", "Module(body=[Expr(value=Call(func=Name(id='a', ctx=Load()), "
                   "args=[Starred(value=Name(id='b', ctx=Load()), ctx=Load())], "
                   "keywords=[keyword(arg='x', value=Constant(value=1))]))], type_ignores=[])"},
    {"a(x for x in y)",
     "Module(body=[Expr(value=Call(func=Name(id='a', ctx=Load()), "
     "args=[GeneratorExp(elt=Name(id='x', ctx=Load()), "
     "generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), "
     "ifs=[], is_async=0)])], keywords=[]))], type_ignores=[])"},
    {"a((x for x in y))",
     "Module(body=[Expr(value=Call(func=Name(id='a', ctx=Load()), "
     "args=[GeneratorExp(elt=Name(id='x', ctx=Load()), "
     "generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), "
     "ifs=[], is_async=0)])], keywords=[]))], type_ignores=[])"},
    {"a(x for x in y)(z)", "Module(body=[Expr(value=Call(func=Call(func=Name(id='a', ctx=Load()), "
                           "args=[GeneratorExp(elt=Name(id='x', ctx=Load()), "
                           "generators=[comprehension(target=Name(id='x', ctx=Store()), "
                           "iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[]), "
                           "args=[Name(id='z', ctx=Load())], keywords=[]))], type_ignores=[])"},
    {"a[1]", "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), "
             "slice=Constant(value=1), ctx=Load()))], type_ignores=[])"},
    {"a[1, 2]", "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), "
                "slice=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()), "
                "ctx=Load()))], type_ignores=[])"},
    {"a[1:2]", "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), "
               "slice=Slice(lower=Constant(value=1), upper=Constant(value=2)), ctx=Load()))], "
               "type_ignores=[])"},
    {"a[1:2:3]", "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), "
                 "slice=Slice(lower=Constant(value=1), upper=Constant(value=2), "
                 "step=Constant(value=3)), ctx=Load()))], type_ignores=[])"},
    {"a[::]", "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), "
              "ctx=Load()))], type_ignores=[])"},
    {"a[:]", "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), "
             "ctx=Load()))], type_ignores=[])"},
    {"a[::2]", "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), "
               "slice=Slice(step=Constant(value=2)), ctx=Load()))], type_ignores=[])"},
    {"a[1:]", "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), "
              "slice=Slice(lower=Constant(value=1)), ctx=Load()))], type_ignores=[])"},
    {"a[:2]", "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), "
              "slice=Slice(upper=Constant(value=2)), ctx=Load()))], type_ignores=[])"},
    {"a[1:2, 3]", "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), "
                  "slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), "
                  "Constant(value=3)], ctx=Load()), ctx=Load()))], type_ignores=[])"},
    {"a[1,]", "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), "
              "slice=Tuple(elts=[Constant(value=1)], ctx=Load()), ctx=Load()))], type_ignores=[])"},
    {"a[*b]", "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), "
              "slice=Tuple(elts=[Starred(value=Name(id='b', ctx=Load()), ctx=Load())], "
              "ctx=Load()), ctx=Load()))], type_ignores=[])"},
    {"a[b:=1]", "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), "
                "slice=NamedExpr(target=Name(id='b', ctx=Store()), value=Constant(value=1)), "
                "ctx=Load()))], type_ignores=[])"},
    {"f(a)(b)[c].d", "Module(body=[Expr(value=Attribute(value=Subscript(value=Call(func=Call(func="
                     "Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), "
                     "args=[Name(id='b', ctx=Load())], keywords=[]), slice=Name(id='c', "
                     "ctx=Load()), ctx=Load()), attr='d', ctx=Load()))], type_ignores=[])"},
    {"()", "Module(body=[Expr(value=Tuple(elts=[], ctx=Load()))], type_ignores=[])"},
    {"(1,)",
     "Module(body=[Expr(value=Tuple(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[])"},
    {"(1, 2)", "Module(body=[Expr(value=Tuple(elts=[Constant(value=1), Constant(value=2)], "
               "ctx=Load()))], type_ignores=[])"},
    {"(1)", "Module(body=[Expr(value=Constant(value=1))], type_ignores=[])"},
    {"((1))", "Module(body=[Expr(value=Constant(value=1))], type_ignores=[])"},
    {"[]", "Module(body=[Expr(value=List(elts=[], ctx=Load()))], type_ignores=[])"},
    {"[1]",
     "Module(body=[Expr(value=List(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[])"},
    {"[1, 2,]", "Module(body=[Expr(value=List(elts=[Constant(value=1), Constant(value=2)], "
                "ctx=Load()))], type_ignores=[])"},
    {"{}", "Module(body=[Expr(value=Dict(keys=[], values=[]))], type_ignores=[])"},
    {"{1}", "Module(body=[Expr(value=Set(elts=[Constant(value=1)]))], type_ignores=[])"},
    {"{1: 2}", "Module(body=[Expr(value=Dict(keys=[Constant(value=1)], "
               "values=[Constant(value=2)]))], type_ignores=[])"},
    {"{1: 2, **a}", "Module(body=[Expr(value=Dict(keys=[Constant(value=1), None], "
                    "values=[Constant(value=2), Name(id='a', ctx=Load())]))], type_ignores=[])"},
    {"{**a, **b}", "Module(body=[Expr(value=Dict(keys=[None, None], values=[Name(id='a', "
                   "ctx=Load()), Name(id='b', ctx=Load())]))], type_ignores=[])"},
    {"{*a, b}", "Module(body=[Expr(value=Set(elts=[Starred(value=Name(id='a', ctx=Load()), "
                "ctx=Load()), Name(id='b', ctx=Load())]))], type_ignores=[])"},
    {"[*a, b]", "Module(body=[Expr(value=List(elts=[Starred(value=Name(id='a', ctx=Load()), "
                "ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))], type_ignores=[])"},
    {"(*a, b)", "Module(body=[Expr(value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), "
                "ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))], type_ignores=[])"},
    {"[x for x in y]", "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), "
                       "generators=[comprehension(target=Name(id='x', ctx=Store()), "
                       "iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"},
    {"[x for x in y if x]",
     "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), "
     "generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), "
     "ifs=[Name(id='x', ctx=Load())], is_async=0)]))], type_ignores=[])"},
    {"[x for x in y if a if b]",
     "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), "
     "generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), "
     "ifs=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], is_async=0)]))], type_ignores=[])"},
    {"[x for x in y for z in x]",
     "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), "
     "generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), "
     "ifs=[], is_async=0), comprehension(target=Name(id='z', ctx=Store()), iter=Name(id='x', "
     "ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"},
    {"{x for x in y}", "Module(body=[Expr(value=SetComp(elt=Name(id='x', ctx=Load()), "
                       "generators=[comprehension(target=Name(id='x', ctx=Store()), "
                       "iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"},
    {"{k: v for k, v in d.items()}",
     "Module(body=[Expr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', "
     "ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), "
     "Name(id='v', ctx=Store())], ctx=Store()), iter=Call(func=Attribute(value=Name(id='d', "
     "ctx=Load()), attr='items', ctx=Load()), args=[], keywords=[]), ifs=[], is_async=0)]))], "
     "type_ignores=[])"},
    {"(x for x in y)", "Module(body=[Expr(value=GeneratorExp(elt=Name(id='x', ctx=Load()), "
                       "generators=[comprehension(target=Name(id='x', ctx=Store()), "
                       "iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"},
    {"[y := 1, y]",
     "Module(body=[Expr(value=List(elts=[NamedExpr(target=Name(id='y', ctx=Store()), "
     "value=Constant(value=1)), Name(id='y', ctx=Load())], ctx=Load()))], type_ignores=[])"},
    {"(y := f(x))", "Module(body=[Expr(value=NamedExpr(target=Name(id='y', ctx=Store()), "
                    "value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='x', ctx=Load())], "
                    "keywords=[])))], type_ignores=[])"},
    {"if (n := len(a)) > 10: pass",
     "Module(body=[If(test=Compare(left=NamedExpr(target=Name(id='n', ctx=Store()), "
     "value=Call(func=Name(id='len', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[])), "
     "ops=[Gt()], comparators=[Constant(value=10)]), body=[Pass()], orelse=[])], type_ignores=[])"},
    {"if n := 1: pass", "Module(body=[If(test=NamedExpr(target=Name(id='n', ctx=Store()), "
                        "value=Constant(value=1)), body=[Pass()], orelse=[])], type_ignores=[])"},
    {"while x := f(): pass", "Module(body=[While(test=NamedExpr(target=Name(id='x', ctx=Store()), "
                             "value=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[])), "
                             "body=[Pass()], orelse=[])], type_ignores=[])"},
    {"f(x := 1)", "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), "
                  "args=[NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1))], "
                  "keywords=[]))], type_ignores=[])"},
    {"[x for x in y if (z := x)]",
     "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), "
     "generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), "
     "ifs=[NamedExpr(target=Name(id='z', ctx=Store()), value=Name(id='x', ctx=Load()))], "
     "is_async=0)]))], type_ignores=[])"},
    {"1", "Module(body=[Expr(value=Constant(value=1))], type_ignores=[])"},
    {"1.5", "Module(body=[Expr(value=Constant(value=1.5))], type_ignores=[])"},
    {"1e10", "Module(body=[Expr(value=Constant(value=10000000000.0))], type_ignores=[])"},
    {"1E-5", "Module(body=[Expr(value=Constant(value=1e-05))], type_ignores=[])"},
    {".5", "Module(body=[Expr(value=Constant(value=0.5))], type_ignores=[])"},
    {"5.", "Module(body=[Expr(value=Constant(value=5.0))], type_ignores=[])"},
    {"1_000", "Module(body=[Expr(value=Constant(value=1000))], type_ignores=[])"},
    {"0x1f", "Module(body=[Expr(value=Constant(value=31))], type_ignores=[])"},
    {"0X1F", "Module(body=[Expr(value=Constant(value=31))], type_ignores=[])"},
    {"0o17", "Module(body=[Expr(value=Constant(value=15))], type_ignores=[])"},
    {"0b101", "Module(body=[Expr(value=Constant(value=5))], type_ignores=[])"},
    {"0b_1", "Module(body=[Expr(value=Constant(value=1))], type_ignores=[])"},
    {"0x_dead_beef", "Module(body=[Expr(value=Constant(value=3735928559))], type_ignores=[])"},
    {"1j", "Module(body=[Expr(value=Constant(value=1j))], type_ignores=[])"},
    {"1.5J", "Module(body=[Expr(value=Constant(value=1.5j))], type_ignores=[])"},
    {"1e3j", "Module(body=[Expr(value=Constant(value=1000j))], type_ignores=[])"},
    {"0", "Module(body=[Expr(value=Constant(value=0))], type_ignores=[])"},
    {"00", "Module(body=[Expr(value=Constant(value=0))], type_ignores=[])"},
    {"0_0", "Module(body=[Expr(value=Constant(value=0))], type_ignores=[])"},
    {"0.0", "Module(body=[Expr(value=Constant(value=0.0))], type_ignores=[])"},
    {"123456789012345678901234567890",
     "Module(body=[Expr(value=Constant(value=123456789012345678901234567890))], type_ignores=[])"},
    {"0xffffffffffffffffffffffffff", "Module(body=[Expr(value=Constant(value="
                                     "20282409603651670423947251286015))], type_ignores=[])"},
    {"1e400", "Module(body=[Expr(value=Constant(value=inf))], type_ignores=[])"},
    {"1e-400", "Module(body=[Expr(value=Constant(value=0.0))], type_ignores=[])"},
    {"3.14159265358979",
     "Module(body=[Expr(value=Constant(value=3.14159265358979))], type_ignores=[])"},
    {"0.1", "Module(body=[Expr(value=Constant(value=0.1))], type_ignores=[])"},
    {"1e16", "Module(body=[Expr(value=Constant(value=1e+16))], type_ignores=[])"},
    {"1e15", "Module(body=[Expr(value=Constant(value=1000000000000000.0))], type_ignores=[])"},
    {"100.0", "Module(body=[Expr(value=Constant(value=100.0))], type_ignores=[])"},
    {"1.0e-5", "Module(body=[Expr(value=Constant(value=1e-05))], type_ignores=[])"},
    {"0.0001", "Module(body=[Expr(value=Constant(value=0.0001))], type_ignores=[])"},
    {"12345.678e3", "Module(body=[Expr(value=Constant(value=12345678.0))], type_ignores=[])"},
    {"0e0", "Module(body=[Expr(value=Constant(value=0.0))], type_ignores=[])"},
    {"09.5", "Module(body=[Expr(value=Constant(value=9.5))], type_ignores=[])"},
    {"00.5", "Module(body=[Expr(value=Constant(value=0.5))], type_ignores=[])"},
    {"1_0.0_1e1_0", "Module(body=[Expr(value=Constant(value=100100000000.0))], type_ignores=[])"},
    {"\"a\"", "Module(body=[Expr(value=Constant(value='a'))], type_ignores=[])"},
    {"'a'", "Module(body=[Expr(value=Constant(value='a'))], type_ignores=[])"},
    {"\"\"\"a\nb\"\"\"", "Module(body=[Expr(value=Constant(value='a\\nb'))], type_ignores=[])"},
    {"'''x'''", "Module(body=[Expr(value=Constant(value='x'))], type_ignores=[])"},
    {"r\"\\n\"", "Module(body=[Expr(value=Constant(value='\\\\n'))], type_ignores=[])"},
    {"b\"x\"", "Module(body=[Expr(value=Constant(value=b'x'))], type_ignores=[])"},
    {"B\"x\"", "Module(body=[Expr(value=Constant(value=b'x'))], type_ignores=[])"},
    {"rb\"\\x\"", "Module(body=[Expr(value=Constant(value=b'\\\\x'))], type_ignores=[])"},
    {"bR\"\\x\"", "Module(body=[Expr(value=Constant(value=b'\\\\x'))], type_ignores=[])"},
    {"u\"x\"", "Module(body=[Expr(value=Constant(value='x', kind='u'))], type_ignores=[])"},
    {"U\"x\"", "Module(body=[Expr(value=Constant(value='x'))], type_ignores=[])"},
    {"\"a\" \"b\"", "Module(body=[Expr(value=Constant(value='ab'))], type_ignores=[])"},
    {"\"a\" 'b'", "Module(body=[Expr(value=Constant(value='ab'))], type_ignores=[])"},
    {"b\"a\" b\"b\"", "Module(body=[Expr(value=Constant(value=b'ab'))], type_ignores=[])"},
    {"\"\\n\\t\\\\\\'\\\"\\a\\b\\f\\v\\r\\0\"",
     "Module(body=[Expr(value=Constant(value='\\n\\t\\\\\\'\"\\x07\\x08\\x0c\\x0b\\r\\x00'))], "
     "type_ignores=[])"},
    {"\"\\x41\\101\\u0041\\U00000041\"",
     "Module(body=[Expr(value=Constant(value='AAAA'))], type_ignores=[])"},
    {"\"\\777\"", "Module(body=[Expr(value=Constant(value='\307\277'))], type_ignores=[])"},
    {"b\"\\777\"", "Module(body=[Expr(value=Constant(value=b'\\xff'))], type_ignores=[])"},
    {"b\"\\x00\\xff\"",
     "Module(body=[Expr(value=Constant(value=b'\\x00\\xff'))], type_ignores=[])"},
    {"\"\\q\"", "Module(body=[Expr(value=Constant(value='\\\\q'))], type_ignores=[])"},
    {"\"\303\251\"", "Module(body=[Expr(value=Constant(value='\303\251'))], type_ignores=[])"},
    {"\"\\u00e9\"", "Module(body=[Expr(value=Constant(value='\303\251'))], type_ignores=[])"},
    {"\"\346\227\245\346\234\254\"",
     "Module(body=[Expr(value=Constant(value='\346\227\245\346\234\254'))], type_ignores=[])"},
    {"\"\\U0001F600\"",
     "Module(body=[Expr(value=Constant(value='\360\237\230\200'))], type_ignores=[])"},
    {"\"a\\\nb\"", "Module(body=[Expr(value=Constant(value='ab'))], type_ignores=[])"},
    {"'''a\\\nb'''", "Module(body=[Expr(value=Constant(value='ab'))], type_ignores=[])"},
    {"\"\\d\"", "Module(body=[Expr(value=Constant(value='\\\\d'))], type_ignores=[])"},
    {"r'\\''", "Module(body=[Expr(value=Constant(value=\"\\\\'\"))], type_ignores=[])"},
    {"\"\\x7f\\x80\\xa0\"",
     "Module(body=[Expr(value=Constant(value='\\x7f\\x80\\xa0'))], type_ignores=[])"},
    {"\"a'b\"", "Module(body=[Expr(value=Constant(value=\"a'b\"))], type_ignores=[])"},
    {"'a\"b'", "Module(body=[Expr(value=Constant(value='a\"b'))], type_ignores=[])"},
    {"\"a'b\\\"c\"", "Module(body=[Expr(value=Constant(value='a\\'b\"c'))], type_ignores=[])"},
    {"b\"a'b\"", "Module(body=[Expr(value=Constant(value=b\"a'b\"))], type_ignores=[])"},
    {"\"\\ud800\"", "Module(body=[Expr(value=Constant(value='\\ud800'))], type_ignores=[])"},
    {"...", "Module(body=[Expr(value=Constant(value=Ellipsis))], type_ignores=[])"},
    {"None", "Module(body=[Expr(value=Constant(value=None))], type_ignores=[])"},
    {"True", "Module(body=[Expr(value=Constant(value=True))], type_ignores=[])"},
    {"False", "Module(body=[Expr(value=Constant(value=False))], type_ignores=[])"},
    {"x = ...", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                "value=Constant(value=Ellipsis))], type_ignores=[])"},
    {"f\"a\"",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a')]))], type_ignores=[])"},
    {"f\"{x}\"", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', "
                 "ctx=Load()), conversion=-1)]))], type_ignores=[])"},
    {"f\"a{x}b\"", "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), "
                   "FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), "
                   "Constant(value='b')]))], type_ignores=[])"},
    {"f\"{x!r}\"", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', "
                   "ctx=Load()), conversion=114)]))], type_ignores=[])"},
    {"f\"{x!s}\"", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', "
                   "ctx=Load()), conversion=115)]))], type_ignores=[])"},
    {"f\"{x!a}\"", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', "
                   "ctx=Load()), conversion=97)]))], type_ignores=[])"},
    {"f\"{x:>10}\"",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), "
     "conversion=-1, format_spec=JoinedStr(values=[Constant(value='>10')]))]))], type_ignores=[])"},
    {"f\"{x:{w}}\"",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), "
     "conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='w', ctx=Load()), "
     "conversion=-1)]))]))], type_ignores=[])"},
    {"f\"{x:{w}.{p}}\"",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), "
     "conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='w', ctx=Load()), "
     "conversion=-1), Constant(value='.'), FormattedValue(value=Name(id='p', ctx=Load()), "
     "conversion=-1)]))]))], type_ignores=[])"},
    {"f\"{x=}\"",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), "
     "FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[])"},
    {"f\"{x = }\"",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x = '), "
     "FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[])"},
    {"f\"{x=!s}\"",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), "
     "FormattedValue(value=Name(id='x', ctx=Load()), conversion=115)]))], type_ignores=[])"},
    {"f\"{x=:>5}\"", "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), "
                     "FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, "
                     "format_spec=JoinedStr(values=[Constant(value='>5')]))]))], type_ignores=[])"},
    {"f\"{{}}\"",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='{}')]))], type_ignores=[])"},
    {"f\"{{x}}\"",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='{x}')]))], type_ignores=[])"},
    {"f\"a{{b\"",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a{b')]))], type_ignores=[])"},
    {"f\"{a}{b}\"", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='a', "
                    "ctx=Load()), conversion=-1), FormattedValue(value=Name(id='b', ctx=Load()), "
                    "conversion=-1)]))], type_ignores=[])"},
    {"f\"{a, b}\"",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Name(id='a', "
     "ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), conversion=-1)]))], type_ignores=[])"},
    {"f\"{*a, b}\"", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Tuple(elts=["
                     "Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', "
                     "ctx=Load())], ctx=Load()), conversion=-1)]))], type_ignores=[])"},
    {"f\"{x for x in y}\"",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=GeneratorExp(elt=Name(id='x', "
     "ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', "
     "ctx=Load()), ifs=[], is_async=0)]), conversion=-1)]))], type_ignores=[])"},
    {"f\"{(lambda x: 1)}\"",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Lambda(args=arguments("
     "posonlyargs=[], args=[arg(arg='x')], kwonlyargs=[], kw_defaults=[], defaults=[]), "
     "body=Constant(value=1)), conversion=-1)]))], type_ignores=[])"},
    {"f\"{3!r}\"", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value="
                   "3), conversion=114)]))], type_ignores=[])"},
    {"f\"{'a'}\"", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value='"
                   "a'), conversion=-1)]))], type_ignores=[])"},
    {"f\"{x:}\"",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), "
     "conversion=-1, format_spec=JoinedStr(values=[]))]))], type_ignores=[])"},
    {"f\"{f'{y}'}\"", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=JoinedStr("
                      "values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1)]), "
                      "conversion=-1)]))], type_ignores=[])"},
    {"f\"\" \"a\"",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a')]))], type_ignores=[])"},
    {"\"a\" f\"{b}\" \"c\"", "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), "
                             "FormattedValue(value=Name(id='b', ctx=Load()), conversion=-1), "
                             "Constant(value='c')]))], type_ignores=[])"},
    {"f\"{a}\" f\"{b}\"", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='"
                          "a', ctx=Load()), conversion=-1), FormattedValue(value=Name(id='b', "
                          "ctx=Load()), conversion=-1)]))], type_ignores=[])"},
    {"rf\"\\n{x}\"",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\\\n'), "
     "FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[])"},
    {"fr\"{x}\\n\"", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', "
                     "ctx=Load()), conversion=-1), Constant(value='\\\\n')]))], type_ignores=[])"},
    {"f\"\\n{x}\\t\"", "Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\n'), "
                       "FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), "
                       "Constant(value='\\t')]))], type_ignores=[])"},
    {"f\"\"\"\n{x}\n\"\"\"", "Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\n'), "
                             "FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), "
                             "Constant(value='\\n')]))], type_ignores=[])"},
    {"f\"\"\"{\nx\n}\"\"\"", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name("
                             "id='x', ctx=Load()), conversion=-1)]))], type_ignores=[])"},
    {"f\"{x!r:>{w}}\"",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), "
     "conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), "
     "FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)]))]))], type_ignores=[])"},
    {"f\"{x:{y!r}}\"",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), "
     "conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), "
     "conversion=114)]))]))], type_ignores=[])"},
    {"f\"{x:a{y}b}\"",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), "
     "conversion=-1, format_spec=JoinedStr(values=[Constant(value='a'), "
     "FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1), Constant(value='b')]))]))], "
     "type_ignores=[])"},
    {"f\"{a[1]}\"",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='a', "
     "ctx=Load()), slice=Constant(value=1), ctx=Load()), conversion=-1)]))], type_ignores=[])"},
    {"f\"{a['b']}\"",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='a', "
     "ctx=Load()), slice=Constant(value='b'), ctx=Load()), conversion=-1)]))], type_ignores=[])"},
    {"f\"{a!=b}\"", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left="
                    "Name(id='a', ctx=Load()), ops=[NotEq()], comparators=[Name(id='b', "
                    "ctx=Load())]), conversion=-1)]))], type_ignores=[])"},
    {"f\"{a==b}\"", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left="
                    "Name(id='a', ctx=Load()), ops=[Eq()], comparators=[Name(id='b', "
                    "ctx=Load())]), conversion=-1)]))], type_ignores=[])"},
    {"f\"{a<b}\"", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left="
                   "Name(id='a', ctx=Load()), ops=[Lt()], comparators=[Name(id='b', ctx=Load())]), "
                   "conversion=-1)]))], type_ignores=[])"},
    {"f\"{a>=b}\"", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left="
                    "Name(id='a', ctx=Load()), ops=[GtE()], comparators=[Name(id='b', "
                    "ctx=Load())]), conversion=-1)]))], type_ignores=[])"},
    {"f\"{ x }\"", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', "
                   "ctx=Load()), conversion=-1)]))], type_ignores=[])"},
    {"f\"{x:=^10}\"",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), "
     "conversion=-1, format_spec=JoinedStr(values=[Constant(value='=^10')]))]))], "
     "type_ignores=[])"},
    {"f\"\\{6}\"", "Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\\\'), "
                   "FormattedValue(value=Constant(value=6), conversion=-1)]))], type_ignores=[])"},
    {"f\"{yield}\"", "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Yield(), "
                     "conversion=-1)]))], type_ignores=[])"},
    {"f\"{x:{{}}}\"",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), "
     "conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Dict(keys=[], values=[]), "
     "conversion=-1)]))]))], type_ignores=[])"},
    {"class A: pass", "Module(body=[ClassDef(name='A', bases=[], keywords=[], body=[Pass()], "
                      "decorator_list=[])], type_ignores=[])"},
    {"class A(B): pass", "Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load())], "
                         "keywords=[], body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {"class A(B, C): pass",
     "Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load()), Name(id='C', ctx=Load())], "
     "keywords=[], body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {"class A(metaclass=M): pass",
     "Module(body=[ClassDef(name='A', bases=[], keywords=[keyword(arg='metaclass', "
     "value=Name(id='M', ctx=Load()))], body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {"class A(B, *c, **d): pass",
     "Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load()), Starred(value=Name(id='c', "
     "ctx=Load()), ctx=Load())], keywords=[keyword(value=Name(id='d', ctx=Load()))], "
     "body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {"class A(): pass", "Module(body=[ClassDef(name='A', bases=[], keywords=[], body=[Pass()], "
                        "decorator_list=[])], type_ignores=[])"},
    {"@d\nclass A: pass", "Module(body=[ClassDef(name='A', bases=[], keywords=[], body=[Pass()], "
                          "decorator_list=[Name(id='d', ctx=Load())])], type_ignores=[])"},
    {"@d\ndef f(): pass", "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], "
                          "args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], "
                          "decorator_list=[Name(id='d', ctx=Load())])], type_ignores=[])"},
    {"@a.b(c)\n@d\ndef f(): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
     "kw_defaults=[], defaults=[]), body=[Pass()], "
     "decorator_list=[Call(func=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), "
     "args=[Name(id='c', ctx=Load())], keywords=[]), Name(id='d', ctx=Load())])], "
     "type_ignores=[])"},
    {"@x[0]\ndef f(): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
     "kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[Subscript(value=Name(id='x', "
     "ctx=Load()), slice=Constant(value=0), ctx=Load())])], type_ignores=[])"},
    {"@(yield)\ndef f(): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
     "kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[Yield()])], type_ignores=[])"},
    {"try:\n  pass\nexcept:\n  pass",
     "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(body=[Pass()])], orelse=[], "
     "finalbody=[])], type_ignores=[])"},
    {"try:\n  pass\nexcept E:\n  pass",
     "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), "
     "body=[Pass()])], orelse=[], finalbody=[])], type_ignores=[])"},
    {"try:\n  pass\nexcept E as e:\n  pass",
     "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), "
     "name='e', body=[Pass()])], orelse=[], finalbody=[])], type_ignores=[])"},
    {"try:\n  pass\nexcept (A, B) as e:\n  pass\nexcept C:\n  pass\nelse:\n  pass\nfinally:\n  "
     "pass",
     "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Tuple(elts=[Name(id='A', "
     "ctx=Load()), Name(id='B', ctx=Load())], ctx=Load()), name='e', body=[Pass()]), "
     "ExceptHandler(type=Name(id='C', ctx=Load()), body=[Pass()])], orelse=[Pass()], "
     "finalbody=[Pass()])], type_ignores=[])"},
    {"try:\n  pass\nfinally:\n  pass", "Module(body=[Try(body=[Pass()], handlers=[], orelse=[], "
                                       "finalbody=[Pass()])], type_ignores=[])"},
    {"raise", "Module(body=[Raise()], type_ignores=[])"},
    {"raise X", "Module(body=[Raise(exc=Name(id='X', ctx=Load()))], type_ignores=[])"},
    {"raise X from Y", "Module(body=[Raise(exc=Name(id='X', ctx=Load()), cause=Name(id='Y', "
                       "ctx=Load()))], type_ignores=[])"},
    {"raise X(1) from None",
     "Module(body=[Raise(exc=Call(func=Name(id='X', ctx=Load()), args=[Constant(value=1)], "
     "keywords=[]), cause=Constant(value=None))], type_ignores=[])"},
    {"with a: pass", "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()))], "
                     "body=[Pass()])], type_ignores=[])"},
    {"with a as b: pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), "
     "optional_vars=Name(id='b', ctx=Store()))], body=[Pass()])], type_ignores=[])"},
    {"with a as b, c as d: pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), "
     "optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), "
     "optional_vars=Name(id='d', ctx=Store()))], body=[Pass()])], type_ignores=[])"},
    {"with a, b: pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load())), "
     "withitem(context_expr=Name(id='b', ctx=Load()))], body=[Pass()])], type_ignores=[])"},
    {"with (a, b): pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load())), "
     "withitem(context_expr=Name(id='b', ctx=Load()))], body=[Pass()])], type_ignores=[])"},
    {"with (a as b, c): pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), "
     "optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], "
     "body=[Pass()])], type_ignores=[])"},
    {"with (a as b, c as d,): pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), "
     "optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), "
     "optional_vars=Name(id='d', ctx=Store()))], body=[Pass()])], type_ignores=[])"},
    {"with (a): pass", "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()))], "
                       "body=[Pass()])], type_ignores=[])"},
    {"with (a) as b: pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), "
     "optional_vars=Name(id='b', ctx=Store()))], body=[Pass()])], type_ignores=[])"},
    {"with (a, b) as c: pass",
     "Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), "
     "Name(id='b', ctx=Load())], ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], "
     "body=[Pass()])], type_ignores=[])"},
    {"with (a), (b): pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load())), "
     "withitem(context_expr=Name(id='b', ctx=Load()))], body=[Pass()])], type_ignores=[])"},
    {"with a as (b, c): pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), "
     "optional_vars=Tuple(elts=[Name(id='b', ctx=Store()), Name(id='c', ctx=Store())], "
     "ctx=Store()))], body=[Pass()])], type_ignores=[])"},
    {"with a as b.c: pass", "Module(body=[With(items=[withitem(context_expr=Name(id='a', "
                            "ctx=Load()), optional_vars=Attribute(value=Name(id='b', ctx=Load()), "
                            "attr='c', ctx=Store()))], body=[Pass()])], type_ignores=[])"},
    {"with a as b[0]: pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), "
     "optional_vars=Subscript(value=Name(id='b', ctx=Load()), slice=Constant(value=0), "
     "ctx=Store()))], body=[Pass()])], type_ignores=[])"},
    {"with (x for x in y): pass",
     "Module(body=[With(items=[withitem(context_expr=GeneratorExp(elt=Name(id='x', ctx=Load()), "
     "generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), "
     "ifs=[], is_async=0)]))], body=[Pass()])], type_ignores=[])"},
    {"with (): pass", "Module(body=[With(items=[withitem(context_expr=Tuple(elts=[], "
                      "ctx=Load()))], body=[Pass()])], type_ignores=[])"},
    {"with (a)[0]: pass",
     "Module(body=[With(items=[withitem(context_expr=Subscript(value=Name(id='a', ctx=Load()), "
     "slice=Constant(value=0), ctx=Load()))], body=[Pass()])], type_ignores=[])"},
    {"assert x", "Module(body=[Assert(test=Name(id='x', ctx=Load()))], type_ignores=[])"},
    {"assert x, \"msg\"", "Module(body=[Assert(test=Name(id='x', ctx=Load()), "
                          "msg=Constant(value='msg'))], type_ignores=[])"},
    {"import a", "Module(body=[Import(names=[alias(name='a')])], type_ignores=[])"},
    {"import a.b", "Module(body=[Import(names=[alias(name='a.b')])], type_ignores=[])"},
    {"import a.b as c",
     "Module(body=[Import(names=[alias(name='a.b', asname='c')])], type_ignores=[])"},
    {"import a, b",
     "Module(body=[Import(names=[alias(name='a'), alias(name='b')])], type_ignores=[])"},
    {"import a as b, c.d as e", "Module(body=[Import(names=[alias(name='a', asname='b'), "
                                "alias(name='c.d', asname='e')])], type_ignores=[])"},
    {"from a import b",
     "Module(body=[ImportFrom(module='a', names=[alias(name='b')], level=0)], type_ignores=[])"},
    {"from a import b as c", "Module(body=[ImportFrom(module='a', names=[alias(name='b', "
                             "asname='c')], level=0)], type_ignores=[])"},
    {"from a import (b, c)", "Module(body=[ImportFrom(module='a', names=[alias(name='b'), "
                             "alias(name='c')], level=0)], type_ignores=[])"},
    {"from a import (b, c,)", "Module(body=[ImportFrom(module='a', names=[alias(name='b'), "
                              "alias(name='c')], level=0)], type_ignores=[])"},
    {"from a.b import c",
     "Module(body=[ImportFrom(module='a.b', names=[alias(name='c')], level=0)], type_ignores=[])"},
    {"from . import a",
     "Module(body=[ImportFrom(names=[alias(name='a')], level=1)], type_ignores=[])"},
    {"from .. import a",
     "Module(body=[ImportFrom(names=[alias(name='a')], level=2)], type_ignores=[])"},
    {"from .a import b",
     "Module(body=[ImportFrom(module='a', names=[alias(name='b')], level=1)], type_ignores=[])"},
    {"from ...a import b",
     "Module(body=[ImportFrom(module='a', names=[alias(name='b')], level=3)], type_ignores=[])"},
    {"from .... import a",
     "Module(body=[ImportFrom(names=[alias(name='a')], level=4)], type_ignores=[])"},
    {"from . . a import b",
     "Module(body=[ImportFrom(module='a', names=[alias(name='b')], level=2)], type_ignores=[])"},
    {"from a import *",
     "Module(body=[ImportFrom(module='a', names=[alias(name='*')], level=0)], type_ignores=[])"},
    {"import a . b", "Module(body=[Import(names=[alias(name='a.b')])], type_ignores=[])"},
    {"yield", "Module(body=[Expr(value=Yield())], type_ignores=[])"},
    {"yield x",
     "Module(body=[Expr(value=Yield(value=Name(id='x', ctx=Load())))], type_ignores=[])"},
    {"yield x, y", "Module(body=[Expr(value=Yield(value=Tuple(elts=[Name(id='x', ctx=Load()), "
                   "Name(id='y', ctx=Load())], ctx=Load())))], type_ignores=[])"},
    {"yield from x",
     "Module(body=[Expr(value=YieldFrom(value=Name(id='x', ctx=Load())))], type_ignores=[])"},
    {"x = yield",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield())], type_ignores=[])"},
    {"x = yield y", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                    "value=Yield(value=Name(id='y', ctx=Load())))], type_ignores=[])"},
    {"x = yield from y", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                         "value=YieldFrom(value=Name(id='y', ctx=Load())))], type_ignores=[])"},
    {"(yield)", "Module(body=[Expr(value=Yield())], type_ignores=[])"},
    {"f((yield))", "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Yield()], "
                   "keywords=[]))], type_ignores=[])"},
    {"x = (\n1,\n2)",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
     "value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))], type_ignores=[])"},
    {"x = [\n  1,\n\n  2,\n]",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[Constant(value=1), "
     "Constant(value=2)], ctx=Load()))], type_ignores=[])"},
    {"x = 1 + \\\n 2",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), "
     "op=Add(), right=Constant(value=2)))], type_ignores=[])"},
    {"if x:\n  # c\n  y\n\n  z\n# d\n",
     "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Expr(value=Name(id='y', ctx=Load())), "
     "Expr(value=Name(id='z', ctx=Load()))], orelse=[])], type_ignores=[])"},
    {"if a:\n    if b:\n        c\n    d\ne",
     "Module(body=[If(test=Name(id='a', ctx=Load()), body=[If(test=Name(id='b', ctx=Load()), "
     "body=[Expr(value=Name(id='c', ctx=Load()))], orelse=[]), Expr(value=Name(id='d', "
     "ctx=Load()))], orelse=[]), Expr(value=Name(id='e', ctx=Load()))], type_ignores=[])"},
    {"def f():\n  if a:\n    if b:\n      pass\nx = 1",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
     "kw_defaults=[], defaults=[]), body=[If(test=Name(id='a', ctx=Load()), "
     "body=[If(test=Name(id='b', ctx=Load()), body=[Pass()], orelse=[])], orelse=[])], "
     "decorator_list=[]), Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], "
     "type_ignores=[])"},
    {"\n\n\nx\n\n", "Module(body=[Expr(value=Name(id='x', ctx=Load()))], type_ignores=[])"},
    {"# only a comment", "Module(body=[], type_ignores=[])"},
    {"", "Module(body=[], type_ignores=[])"},
    {"\n", "Module(body=[], type_ignores=[])"},
    {"x  # comment", "Module(body=[Expr(value=Name(id='x', ctx=Load()))], type_ignores=[])"},
    {"if x:\n\ty\n", "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Expr(value=Name(id='y', "
                     "ctx=Load()))], orelse=[])], type_ignores=[])"},
    {"class A:\n  def f(self):\n    return 1\n\n  def g(self):\n    pass\n",
     "Module(body=[ClassDef(name='A', bases=[], keywords=[], body=[FunctionDef(name='f', "
     "args=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlyargs=[], kw_defaults=[], "
     "defaults=[]), body=[Return(value=Constant(value=1))], decorator_list=[]), "
     "FunctionDef(name='g', args=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlyargs=[], "
     "kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], decorator_list=[])], "
     "type_ignores=[])"},
    {"x = 1\n", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                "value=Constant(value=1))], type_ignores=[])"},
    {"x = 1", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], "
              "type_ignores=[])"},
    {"x = \\\n1", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                  "value=Constant(value=1))], type_ignores=[])"},
    {"x = (1 +\n     2)",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), "
     "op=Add(), right=Constant(value=2)))], type_ignores=[])"},
    {"f(a,\n  b)", "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', "
                   "ctx=Load()), Name(id='b', ctx=Load())], keywords=[]))], type_ignores=[])"},
    {"x = \"\"\"\nabc\n\"\"\"\ny = 2",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='\\nabc\\n')), "
     "Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))], type_ignores=[])"},
};
// ast.dump(ast.parse(src, mode="eval")).
static const DumpCase eval_cases[] = {
    {"1", "Expression(body=Constant(value=1))"},
    {"x + y", "Expression(body=BinOp(left=Name(id='x', ctx=Load()), op=Add(), right=Name(id='y', "
              "ctx=Load())))"},
    {"a, b", "Expression(body=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], "
             "ctx=Load()))"},
    {"f(x)[0]",
     "Expression(body=Subscript(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='x', "
     "ctx=Load())], keywords=[]), slice=Constant(value=0), ctx=Load()))"},
    {"lambda: 1", "Expression(body=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
                  "kw_defaults=[], defaults=[]), body=Constant(value=1)))"},
    {"1\n", "Expression(body=Constant(value=1))"},
    {"(yield)", "Expression(body=Yield())"},
    {"x if y else z", "Expression(body=IfExp(test=Name(id='y', ctx=Load()), body=Name(id='x', "
                      "ctx=Load()), orelse=Name(id='z', ctx=Load())))"},
    {"[i for i in x]", "Expression(body=ListComp(elt=Name(id='i', ctx=Load()), "
                       "generators=[comprehension(target=Name(id='i', ctx=Store()), "
                       "iter=Name(id='x', ctx=Load()), ifs=[], is_async=0)]))"},
};
// CPython 3.11: exception type, message, lineno and offset of compile(src).
static const ErrCase err_cases[] = {
    {"if x\n", "SyntaxError", "expected ':'", 1, 5},
    {"if x y:\n  pass\n", "SyntaxError", "invalid syntax", 1, 6},
    {"def f()\n", "SyntaxError", "expected ':'", 1, 8},
    {"class A\n", "SyntaxError", "expected ':'", 1, 8},
    {"for x in y\n", "SyntaxError", "expected ':'", 1, 11},
    {"while x\n", "SyntaxError", "expected ':'", 1, 8},
    {"else\n", "SyntaxError", "invalid syntax", 1, 1},
    {"try\n", "SyntaxError", "expected ':'", 1, 4},
    {"with a\n", "SyntaxError", "expected ':'", 1, 7},
    {"x = lambda x\n", "SyntaxError", "invalid syntax", 1, 13},
    {"if x +\n", "SyntaxError", "invalid syntax", 1, 7},
    {"d = {1 2}\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6},
    {"d={1:2, 3}\n", "SyntaxError", "':' expected after dictionary key", 1, 9},
    {"[a b]\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 2},
    {"print(1 + 2 3)\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 7},
    {"if x:\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 1,
     6},
    {"if x:\npass\n", "IndentationError",
     "expected an indented block after 'if' statement on line 1", 2, 1},
    {"if (a and\n b):\nz\n", "IndentationError",
     "expected an indented block after 'if' statement on line 1", 3, 1},
    {"@d\ndef f():\nx\n", "IndentationError",
     "expected an indented block after function definition on line 2", 3, 1},
    {"x = (1,\ny = 2\n", "SyntaxError", "'(' was never closed", 1, 5},
    {"x = (1,\n", "SyntaxError", "'(' was never closed", 1, 5},
    {"x = )", "SyntaxError", "unmatched ')'", 1, 5},
    {"1 +\n", "SyntaxError", "invalid syntax", 1, 4},
    {"print \"x\"\n", "SyntaxError",
     "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1},
    {"f(a.b=1)\n", "SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?",
     1, 3},
    {"if x = 1:\n  pass\n", "SyntaxError",
     "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4},
    {"1 = x\n", "SyntaxError",
     "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1},
    {"f() = 1\n", "SyntaxError",
     "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1},
    {"(1, 2) = x\n", "SyntaxError", "cannot assign to literal", 1, 2},
    {"del 1\n", "SyntaxError", "cannot delete literal", 1, 5},
    {"for 1 in x: pass\n", "SyntaxError", "cannot assign to literal", 1, 5},
    {"x + 1 = 2\n", "SyntaxError",
     "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1},
    {"a, f() = 1\n", "SyntaxError",
     "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 4},
    {"x = 1\n  y = 2\n", "IndentationError", "unexpected indent", 2, 2},
    {"if x:\n    a\n  b\n", "IndentationError",
     "unindent does not match any outer indentation level", 3, 4},
    {"if x:\n\ta\n        b\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3,
     1},
    {"if x:\n        a\n\tb\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3,
     1},
    {"if x:\n  \ta\n\t  b\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3,
     1},
    {"x = \"abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5},
    {"x = '''abc\n\ndef\n", "SyntaxError",
     "unterminated triple-quoted string literal (detected at line 3)", 1, 5},
    {"x = 1abc\n", "SyntaxError", "invalid decimal literal", 1, 5},
    {"x = 0777\n", "SyntaxError",
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
     "integers",
     1, 5},
    {"x = 0b102\n", "SyntaxError", "invalid digit '2' in binary literal", 1, 9},
    {"x = 0o8\n", "SyntaxError", "invalid digit '8' in octal literal", 1, 7},
    {"x = 0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 6},
    {"x = 1_\n", "SyntaxError", "invalid decimal literal", 1, 6},
    {"x = 1__0\n", "SyntaxError", "invalid decimal literal", 1, 6},
    {"x = 1e\n", "SyntaxError", "invalid decimal literal", 1, 5},
    {"x = 0x1for\n", "SyntaxError", "invalid syntax", 1, 11},
    {"x = 5 $ 3\n", "SyntaxError", "invalid syntax", 1, 7},
    {"x = a ? b\n", "SyntaxError", "invalid syntax", 1, 7},
    {"x = `a`\n", "SyntaxError", "invalid syntax", 1, 5},
    {"a \\ b\n", "SyntaxError", "unexpected character after line continuation character", 1, 4},
    {"a = 1 \\\n", "SyntaxError", "unexpected EOF while parsing", 1, 8},
    {"a = 1 \\", "SyntaxError", "unexpected EOF while parsing", 1, 8},
    {"(a ]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 4},
    {"(\n]", "SyntaxError",
     "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1},
    {"x = \"\\x4\"\n", "SyntaxError",
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX "
     "escape",
     1, 10},
    {"x = \"\\u12\"\n", "SyntaxError",
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX "
     "escape",
     1, 11},
    {"'''\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 1)", 1,
     1},
    {"x = 1.2.3\n", "SyntaxError", "invalid syntax", 1, 8},
    {"x = 1e5e5\n", "SyntaxError", "invalid decimal literal", 1, 7},
    {"x = 09\n", "SyntaxError",
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
     "integers",
     1, 5},
    {"x = 1.5_\n", "SyntaxError", "invalid decimal literal", 1, 8},
    {"x = 1.e\n", "SyntaxError", "invalid decimal literal", 1, 6},
    {"x = 0x_\n", "SyntaxError", "invalid hexadecimal literal", 1, 7},
    {"x = 1__\n", "SyntaxError", "invalid decimal literal", 1, 6},
    {"x = 0b\n", "SyntaxError", "invalid binary literal", 1, 6},
    {"x = 1_a\n", "SyntaxError", "invalid decimal literal", 1, 6},
    {"x = 0b1a\n", "SyntaxError", "invalid binary literal", 1, 7},
    {"x = 0o7a\n", "SyntaxError", "invalid octal literal", 1, 7},
    {"x = 0xfg\n", "SyntaxError", "invalid hexadecimal literal", 1, 7},
    {"x = 1jx\n", "SyntaxError", "invalid imaginary literal", 1, 6},
    {"x = 1e1x\n", "SyntaxError", "invalid decimal literal", 1, 7},
    {"x = 1.5x\n", "SyntaxError", "invalid decimal literal", 1, 7},
    {"x = 0e\n", "SyntaxError", "invalid decimal literal", 1, 5},
    {"x = 0_7\n", "SyntaxError",
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
     "integers",
     1, 5},
    {"x = 0b1_\n", "SyntaxError", "invalid binary literal", 1, 8},
    {"x = 1else 2", "SyntaxError", "invalid syntax", 1, 6},
    {"def f(a=1, b): pass", "SyntaxError", "non-default argument follows default argument", 1, 12},
    {"def f(*): pass", "SyntaxError", "named arguments must follow bare *", 1, 7},
    {"def f(*, **k): pass", "SyntaxError", "named arguments must follow bare *", 1, 7},
    {"def f(a, /, /): pass", "SyntaxError", "/ may appear only once", 1, 13},
    {"def f(/): pass", "SyntaxError", "invalid syntax", 1, 7},
    {"def f(*a, /): pass", "SyntaxError", "/ must be ahead of *", 1, 11},
    {"def f(*a, *b): pass", "SyntaxError", "* argument may appear only once", 1, 11},
    {"def f(**k, a): pass", "SyntaxError", "arguments cannot follow var-keyword argument", 1, 12},
    {"def f(*a=1): pass", "SyntaxError", "var-positional argument cannot have default value", 1, 9},
    {"def f(**k=1): pass", "SyntaxError", "var-keyword argument cannot have default value", 1, 10},
    {"f(**a, *b)", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking",
     1, 8},
    {"f(x=1, y)", "SyntaxError", "positional argument follows keyword argument", 1, 9},
    {"f(**a, y)", "SyntaxError", "positional argument follows keyword argument unpacking", 1, 9},
    {"f(x for x in y, 1)", "SyntaxError", "Generator expression must be parenthesized", 1, 3},
    {"f(1, x for x in y)", "SyntaxError", "Generator expression must be parenthesized", 1, 6},
    {"f(True=1)", "SyntaxError", "cannot assign to True", 1, 3},
    {"f(a+1=1)", "SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?",
     1, 3},
    {"(*a)", "SyntaxError", "cannot use starred expression here", 1, 2},
    {"x = yield = 1", "SyntaxError", "assignment to yield expression not possible", 1, 5},
    {"x: int, y: int = 1", "SyntaxError", "invalid syntax", 1, 7},
    {"a, b: int", "SyntaxError", "only single target (not tuple) can be annotated", 1, 1},
    {"(a, b): int", "SyntaxError", "only single target (not tuple) can be annotated", 1, 1},
    {"[a]: int", "SyntaxError", "only single target (not list) can be annotated", 1, 1},
    {"f(): int", "SyntaxError", "illegal target for annotation", 1, 1},
    {"a + 1 += 1", "SyntaxError", "'expression' is an illegal expression for augmented assignment",
     1, 1},
    {"(a, b) += 1", "SyntaxError", "'tuple' is an illegal expression for augmented assignment", 1,
     1},
    {"f() += 1", "SyntaxError", "'function call' is an illegal expression for augmented assignment",
     1, 1},
    {"del f()", "SyntaxError", "cannot delete function call", 1, 5},
    {"del a + 1", "SyntaxError", "cannot delete expression", 1, 5},
    {"with a as 1: pass", "SyntaxError", "cannot assign to literal", 1, 11},
    {"for x() in y: pass", "SyntaxError", "cannot assign to function call", 1, 5},
    {"[x for 1 in y]", "SyntaxError", "cannot assign to literal", 1, 8},
    {"x = {**a for b in c}", "SyntaxError", "dict unpacking cannot be used in dict comprehension",
     1, 6},
    {"(yield) = 1", "SyntaxError",
     "cannot assign to yield expression here. Maybe you meant '==' instead of '='?", 1, 2},
    {"None = 1", "SyntaxError", "cannot assign to None", 1, 1},
    {"x.None", "SyntaxError", "invalid syntax", 1, 3},
    {"True += 1", "SyntaxError", "'True' is an illegal expression for augmented assignment", 1, 1},
    {"import a.b as c.d", "SyntaxError", "invalid syntax", 1, 16},
    {"from x import a,", "SyntaxError",
     "trailing comma not allowed without surrounding parentheses", 1, 17},
    {"from x import *, a", "SyntaxError", "invalid syntax", 1, 16},
    {"-x = 1", "SyntaxError",
     "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1},
    {"not x = 1", "SyntaxError", "cannot assign to expression", 1, 1},
    {"a if b else c = 1", "SyntaxError", "cannot assign to conditional expression", 1, 1},
    {"lambda: 1 = 1", "SyntaxError", "cannot assign to lambda", 1, 1},
    {"{a} = 1", "SyntaxError",
     "cannot assign to set display here. Maybe you meant '==' instead of '='?", 1, 1},
    {"{a: b} = 1", "SyntaxError",
     "cannot assign to dict literal here. Maybe you meant '==' instead of '='?", 1, 1},
    {"f\"{x}\" = 1", "SyntaxError",
     "cannot assign to f-string expression here. Maybe you meant '==' instead of '='?", 1, 1},
    {"\"a\" = 1", "SyntaxError",
     "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1},
    {"... = 1", "SyntaxError",
     "cannot assign to ellipsis here. Maybe you meant '==' instead of '='?", 1, 1},
    {"a < b = 1", "SyntaxError", "cannot assign to comparison", 1, 1},
    {"(a := 1) = 2", "SyntaxError",
     "cannot assign to named expression here. Maybe you meant '==' instead of '='?", 1, 2},
    {"a and b = 1", "SyntaxError", "cannot assign to expression", 1, 1},
    {"x = 1 = 2", "SyntaxError", "cannot assign to literal", 1, 5},
    {"a.b := 1", "SyntaxError", "cannot use assignment expressions with attribute", 1, 1},
    {"(a.b := 1)", "SyntaxError", "cannot use assignment expressions with attribute", 1, 2},
    {"(a[0] := 1)", "SyntaxError", "cannot use assignment expressions with subscript", 1, 2},
    {"x := 1", "SyntaxError", "invalid syntax", 1, 3},
    {"f(), a = 1", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1,
     6},
    {"[a, 1] = x", "SyntaxError", "cannot assign to literal", 1, 5},
    {"(f()) = 1", "SyntaxError",
     "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 2},
    {"True = 1", "SyntaxError", "cannot assign to True", 1, 1},
    {"try:\n  pass\nx = 1\n", "SyntaxError", "expected 'except' or 'finally' block", 3, 1},
    {"try:\n  pass\n", "SyntaxError", "expected 'except' or 'finally' block", 2, 7},
    {"@d\n", "SyntaxError", "invalid syntax", 1, 0},
    {"x = (", "SyntaxError", "'(' was never closed", 1, 5},
    {"except a, b:\n  pass", "SyntaxError", "invalid syntax", 1, 1},
    {"try:\n  pass\nexcept a, b:\n  pass\n", "SyntaxError",
     "multiple exception types must be parenthesized", 3, 8},
    {"if x.y = 1:\n  pass", "SyntaxError",
     "cannot assign to attribute here. Maybe you meant '==' instead of '='?", 1, 4},
    {"[x = 1]", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1,
     2},
    {"for x in range(3):\npass", "IndentationError",
     "expected an indented block after 'for' statement on line 1", 2, 1},
    {"while x:\npass", "IndentationError",
     "expected an indented block after 'while' statement on line 1", 2, 1},
    {"else:\npass", "SyntaxError", "invalid syntax", 1, 1},
    {"class A:\npass", "IndentationError",
     "expected an indented block after class definition on line 1", 2, 1},
    {"with a:\npass", "IndentationError",
     "expected an indented block after 'with' statement on line 1", 2, 1},
    {"try:\npass", "IndentationError", "expected an indented block after 'try' statement on line 1",
     2, 1},
    {"try:\n  pass\nexcept E:\npass", "IndentationError",
     "expected an indented block after 'except' statement on line 3", 4, 1},
    {"try:\n  pass\nfinally:\npass", "IndentationError",
     "expected an indented block after 'finally' statement on line 3", 4, 1},
    {"if x:\n  pass\nelif y:\npass", "IndentationError",
     "expected an indented block after 'elif' statement on line 3", 4, 1},
    {"def f():\n  if x:\n", "IndentationError",
     "expected an indented block after 'if' statement on line 2", 2, 8},
    {"def f():\n  x = 1\n    y = 2\n", "IndentationError", "unexpected indent", 3, 4},
    {"x = \"a\" b\"c\"", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 13},
    {"x = b\"a\" \"c\" b\"d\"", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 18},
    {"x = [1, 2 3]", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 9},
    {"  x = 1", "IndentationError", "unexpected indent", 1, 2},
    {"if x:\n  a\n    b\n", "IndentationError", "unexpected indent", 3, 4},
    {"a = 1\nif x:\n\n", "IndentationError",
     "expected an indented block after 'if' statement on line 2", 3, 1},
    {"a b c", "SyntaxError", "invalid syntax", 1, 3},
    {"print 1", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?",
     1, 1},
    {"print(a) b", "SyntaxError", "invalid syntax", 1, 10},
    {"f(a b)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 3},
    {"{a b}", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 2},
    {"(a b)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 2},
    {"x = 1 +", "SyntaxError", "invalid syntax", 1, 8},
    {"import", "SyntaxError", "invalid syntax", 1, 7},
    {"from . import", "SyntaxError", "invalid syntax", 1, 14},
    {"x = {1: 2, 3}", "SyntaxError", "':' expected after dictionary key", 1, 12},
    {"x = {1, 2: 3}", "SyntaxError", "invalid syntax", 1, 10},
    {"del *a", "SyntaxError", "cannot delete starred", 1, 5},
    {"del (*a,)", "SyntaxError", "cannot delete starred", 1, 6},
    {"if x:\n  pass\nelse\n", "SyntaxError", "expected ':'", 3, 5},
    {"def f() -> int\n  pass", "SyntaxError", "expected ':'", 1, 15},
    {"x = (1, 2\ny = 3", "SyntaxError", "'(' was never closed", 1, 5},
    {"f(\n", "SyntaxError", "'(' was never closed", 1, 2},
    {"x = [1, 2,\n", "SyntaxError", "'[' was never closed", 1, 5},
    {"x = {\n", "SyntaxError", "'{' was never closed", 1, 5},
    {"a = \"a\nb\"", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5},
    {"'''abc", "SyntaxError", "unterminated triple-quoted string literal (detected at line 1)", 1,
     1},
    {"\"\"\"abc\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 1)",
     1, 1},
    {"def f(:\n", "SyntaxError", "invalid syntax", 1, 7},
    {"if True:\n    x = (1 +\n2)\n  y = 3\n", "IndentationError",
     "unindent does not match any outer indentation level", 4, 8},
    {"x = 1 +\ny = \"abc", "SyntaxError", "unterminated string literal (detected at line 2)", 2, 5},
    {"foo(a b", "SyntaxError", "'(' was never closed", 1, 4},
    {"if x:\n    pass\n  else:\n    pass", "IndentationError",
     "unindent does not match any outer indentation level", 3, 8},
    {"\342\202\254", "SyntaxError", "invalid character '\342\202\254' (U+20AC)", 1, 1},
    {"x\342\202\254 = 1", "SyntaxError", "invalid character '\342\202\254' (U+20AC)", 1, 2},
    {"x = 1 \302\261", "SyntaxError", "invalid character '\302\261' (U+00B1)", 1, 7},
    {"\302\240x = 1", "SyntaxError", "invalid non-printable character U+00A0", 1, 1},
    {"f\"{}\"", "SyntaxError", "f-string: empty expression not allowed", 1, 6},
    {"f\"{ }\"", "SyntaxError", "f-string: empty expression not allowed", 1, 7},
    {"f\"{x\"", "SyntaxError", "f-string: expecting '}'", 1, 6},
    {"f\"}\"", "SyntaxError", "f-string: single '}' is not allowed", 1, 5},
    {"f\"{x}}\"", "SyntaxError", "f-string: single '}' is not allowed", 1, 8},
    {"f\"{x!z}\"", "SyntaxError",
     "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 9},
    {"f\"{x!}\"", "SyntaxError",
     "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 8},
    {"f\"{x!r\"", "SyntaxError", "f-string: expecting '}'", 1, 8},
    {"f\"{a[}\"", "SyntaxError",
     "f-string: closing parenthesis '}' does not match opening parenthesis '['", 1, 8},
    {"f\"{a)}\"", "SyntaxError", "f-string: unmatched ')'", 1, 8},
    {"f\"{#}\"", "SyntaxError", "f-string expression part cannot include '#'", 1, 7},
    {"f\"{\\n}\"", "SyntaxError", "f-string expression part cannot include a backslash", 1, 8},
    {"f\"{x:{y:{z}}}\"", "SyntaxError", "f-string: expressions nested too deeply", 1, 15},
    {"f\"{*a}\"", "SyntaxError", "f-string: cannot use starred expression here", 1, 2},
    {"f\"{a b}\"", "SyntaxError", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2},
    {"f\"{lambda x: 1}\"", "SyntaxError", "f-string: invalid syntax", 1, 10},
    {"f\"{x!r=}\"", "SyntaxError", "f-string: expecting '}'", 1, 10},
    {"f\"{a:b}}\"", "SyntaxError", "f-string: single '}' is not allowed", 1, 10},
    {"f\"{!r}\"", "SyntaxError", "f-string: expression required before '!'", 1, 8},
    {"f\"{=}\"", "SyntaxError", "f-string: expression required before '='", 1, 7},
    {"f\"{:x}\"", "SyntaxError", "f-string: expression required before ':'", 1, 8},
    {"f\"{a $ b}\"", "SyntaxError", "f-string: invalid syntax", 1, 4},
    {"f\"{a = 1}\"", "SyntaxError", "f-string: expecting '}'", 1, 11},
    {"f\"{)}\"", "SyntaxError", "f-string: unmatched ')'", 1, 7},
    {"f\"{'a}\"", "SyntaxError", "f-string: unterminated string", 1, 8},
    {"f\"{x:{y}\"", "SyntaxError", "f-string: expecting '}'", 1, 10},
    {"b\"\303\251\"", "SyntaxError", "bytes can only contain ASCII literal characters", 1, 1},
    {"\"\\U00110000\"", "SyntaxError",
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode "
     "character",
     1, 13},
    {"if 1:\n if 1:\n  if 1:\n   if 1:\n    if 1:\n     if 1:\n      if 1:\n       if 1:\n        "
     "if 1:\n"
     "         if 1:\n"
     "          if 1:\n"
     "           if 1:\n"
     "            if 1:\n"
     "             if 1:\n"
     "              if 1:\n"
     "               if 1:\n"
     "                if 1:\n"
     "                 if 1:\n"
     "                  if 1:\n"
     "                   if 1:\n"
     "                    if 1:\n"
     "                     if 1:\n"
     "                      if 1:\n"
     "                       if 1:\n"
     "                        if 1:\n"
     "                         if 1:\n"
     "                          if 1:\n"
     "                           if 1:\n"
     "                            if 1:\n"
     "                             if 1:\n"
     "                              if 1:\n"
     "                               if 1:\n"
     "                                if 1:\n"
     "                                 if 1:\n"
     "                                  if 1:\n"
     "                                   if 1:\n"
     "                                    if 1:\n"
     "                                     if 1:\n"
     "                                      if 1:\n"
     "                                       if 1:\n"
     "                                        if 1:\n"
     "                                         if 1:\n"
     "                                          if 1:\n"
     "                                           if 1:\n"
     "                                            if 1:\n"
     "                                             if 1:\n"
     "                                              if 1:\n"
     "                                               if 1:\n"
     "                                                if 1:\n"
     "                                                 if 1:\n"
     "                                                  if 1:\n"
     "                                                   if 1:\n"
     "                                                    if 1:\n"
     "                                                     if 1:\n"
     "                                                      if 1:\n"
     "                                                       if 1:\n"
     "                                                        if 1:\n"
     "                                                         if 1:\n"
     "                                                          if 1:\n"
     "                                                           if 1:\n"
     "                                                            if 1:\n"
     "                                                             if 1:\n"
     "                                                              if 1:\n"
     "                                                               if 1:\n"
     "                                                                if 1:\n"
     "                                                                 if 1:\n"
     "                                                                  if 1:\n"
     "                                                                   if 1:\n"
     "                                                                    if 1:\n"
     "                                                                     if 1:\n"
     "                                                                      if 1:\n"
     "                                                                       if 1:\n"
     "                                                                        if 1:\n"
     "                                                                         if 1:\n"
     "                                                                          if 1:\n"
     "                                                                           if 1:\n"
     "                                                                            if 1:\n"
     "                                                                             if 1:\n"
     "                                                                              if 1:\n"
     "                                                                               if 1:\n"
     "                                                                                if 1:\n"
     "                                                                                 if 1:\n"
     "                                                                                  if 1:\n"
     "                                                                                   if 1:\n"
     "                                                                                    if 1:\n"
     "                                                                                     if 1:\n"
     "                                                                                      if 1:\n"
     "                                                                                       if "
     "1:\n"
     "                                                                                        if "
     "1:\n"
     "                                                                                         if "
     "1:\n"
     "                                                                                          if "
     "1:\n"
     "                                                                                           "
     "if 1:\n"
     "                                                                                            "
     "if 1:\n"
     "                                                                                             "
     "if 1:\n"
     "                                                                                             "
     " if 1:\n"
     "                                                                                             "
     "  if 1:\n"
     "                                                                                             "
     "   if 1:\n"
     "                                                                                             "
     "    if 1:\n"
     "                                                                                             "
     "     if 1:\n"
     "                                                                                             "
     "      if 1:\n"
     "                                                                                             "
     "       if 1:\n"
     "                                                                                             "
     "        pass\n"
     "",
     "IndentationError", "too many levels of indentation", 101, 1},
    {"def f():\n  return\n   x", "IndentationError", "unexpected indent", 3, 3},
    {"x = 1\nif x:\n  pass\n else:\n  pass", "IndentationError",
     "unindent does not match any outer indentation level", 4, 7},
    {"if x:\n  pass\n\n\n  else:\n  pass", "SyntaxError", "invalid syntax", 5, 3},
    {"class A(x for x in y): pass", "SyntaxError", "invalid syntax", 1, 11},
    {"lambda x=1, y: 0", "SyntaxError", "non-default argument follows default argument", 1, 13},
    {"x = 1;;", "SyntaxError", "invalid syntax", 1, 7},
    {";", "SyntaxError", "invalid syntax", 1, 1},
    {"x = (1 if 2)", "SyntaxError", "expected 'else' after 'if' expression", 1, 6},
    {"if x:\npass\nelse:\npass", "IndentationError",
     "expected an indented block after 'if' statement on line 1", 2, 1},
    {"for x in y:\n  pass\nelse\n", "SyntaxError", "expected ':'", 3, 5},
    {"while True\n  pass", "SyntaxError", "expected ':'", 1, 11},
    {"def f(x)\n  pass", "SyntaxError", "expected ':'", 1, 9},
    {"class A(B)\n  pass", "SyntaxError", "expected ':'", 1, 11},
    {"with open(x) as f\n  pass", "SyntaxError", "expected ':'", 1, 18},
    {"try:\n  pass\nexcept\n  pass", "SyntaxError", "expected ':'", 3, 7},
    {"try:\n  pass\nexcept E as e\n  pass", "SyntaxError", "expected ':'", 3, 14},
};
// Node positions (lineno:col-end_lineno:end_col, depth first in field order),
// from CPython 3.11's AST.
static const DumpCase pos_cases[] = {
    {"x = 1", "Assign 1:0-1:5|Name 1:0-1:1|Constant 1:4-1:5|"},
    {"[a, b] = c", "Assign 1:0-1:10|List 1:0-1:6|Name 1:1-1:2|Name 1:4-1:5|Name 1:9-1:10|"},
    {"a[1:2] = 3", "Assign 1:0-1:10|Subscript 1:0-1:6|Name 1:0-1:1|Slice 1:2-1:5|Constant "
                   "1:2-1:3|Constant 1:4-1:5|Constant 1:9-1:10|"},
    {"x += 1", "AugAssign 1:0-1:6|Name 1:0-1:1|Constant 1:5-1:6|"},
    {"x @= 1", "AugAssign 1:0-1:6|Name 1:0-1:1|Constant 1:5-1:6|"},
    {"x %= 1", "AugAssign 1:0-1:6|Name 1:0-1:1|Constant 1:5-1:6|"},
    {"x <<= 1", "AugAssign 1:0-1:7|Name 1:0-1:1|Constant 1:6-1:7|"},
    {"x ^= 1", "AugAssign 1:0-1:6|Name 1:0-1:1|Constant 1:5-1:6|"},
    {"(x): int = 5", "AnnAssign 1:0-1:12|Name 1:1-1:2|Name 1:5-1:8|Constant 1:11-1:12|"},
    {"x: int = yield", "AnnAssign 1:0-1:14|Name 1:0-1:1|Name 1:3-1:6|Yield 1:9-1:14|"},
    {"del a,", "Delete 1:0-1:6|Name 1:4-1:5|"},
    {"del a.b, c[0]", "Delete 1:0-1:13|Attribute 1:4-1:7|Name 1:4-1:5|Subscript 1:9-1:13|Name "
                      "1:9-1:10|Constant 1:11-1:12|"},
    {"continue", "Continue 1:0-1:8|"},
    {"return 1, 2", "Return 1:0-1:11|Tuple 1:7-1:11|Constant 1:7-1:8|Constant 1:10-1:11|"},
    {"if a:\n  pass\nelse:\n  pass", "If 1:0-4:6|Name 1:3-1:4|Pass 2:2-2:6|Pass 4:2-4:6|"},
    {"while x:\n  pass", "While 1:0-2:6|Name 1:6-1:7|Pass 2:2-2:6|"},
    {"for x, y in z:\n  pass\nelse:\n  pass", "For 1:0-4:6|Tuple 1:4-1:8|Name 1:4-1:5|Name "
                                              "1:7-1:8|Name 1:12-1:13|Pass 2:2-2:6|Pass 4:2-4:6|"},
    {"for [a, b] in c: pass",
     "For 1:0-1:21|List 1:4-1:10|Name 1:5-1:6|Name 1:8-1:9|Name 1:14-1:15|Pass 1:17-1:21|"},
    {"def f(a): pass", "FunctionDef 1:0-1:14|arg 1:6-1:7|Pass 1:10-1:14|"},
    {"def f(**kw): pass", "FunctionDef 1:0-1:17|arg 1:8-1:10|Pass 1:13-1:17|"},
    {"def f(a, /): pass", "FunctionDef 1:0-1:17|arg 1:6-1:7|Pass 1:13-1:17|"},
    {"def f(a,): pass", "FunctionDef 1:0-1:15|arg 1:6-1:7|Pass 1:11-1:15|"},
    {"global x", "Global 1:0-1:8|"},
    {"x", "Expr 1:0-1:1|Name 1:0-1:1|"},
    {"x = 1; y = 2\nz = 3",
     "Assign 1:0-1:5|Name 1:0-1:1|Constant 1:4-1:5|Assign 1:7-1:12|Name 1:7-1:8|Constant "
     "1:11-1:12|Assign 2:0-2:5|Name 2:0-2:1|Constant 2:4-2:5|"},
    {"a or b or c", "Expr 1:0-1:11|BoolOp 1:0-1:11|Name 1:0-1:1|Name 1:5-1:6|Name 1:10-1:11|"},
    {"not not a", "Expr 1:0-1:9|UnaryOp 1:0-1:9|UnaryOp 1:4-1:9|Name 1:8-1:9|"},
    {"lambda: 0", "Expr 1:0-1:9|Lambda 1:0-1:9|Constant 1:8-1:9|"},
    {"lambda *, a: 0", "Expr 1:0-1:14|Lambda 1:0-1:14|arg 1:10-1:11|Constant 1:13-1:14|"},
    {"a < b < c", "Expr 1:0-1:9|Compare 1:0-1:9|Name 1:0-1:1|Name 1:4-1:5|Name 1:8-1:9|"},
    {"a not in b", "Expr 1:0-1:10|Compare 1:0-1:10|Name 1:0-1:1|Name 1:9-1:10|"},
    {"a <= b >= c > d",
     "Expr 1:0-1:15|Compare 1:0-1:15|Name 1:0-1:1|Name 1:5-1:6|Name 1:10-1:11|Name 1:14-1:15|"},
    {"a & b", "Expr 1:0-1:5|BinOp 1:0-1:5|Name 1:0-1:1|Name 1:4-1:5|"},
    {"a + b", "Expr 1:0-1:5|BinOp 1:0-1:5|Name 1:0-1:1|Name 1:4-1:5|"},
    {"a / b", "Expr 1:0-1:5|BinOp 1:0-1:5|Name 1:0-1:1|Name 1:4-1:5|"},
    {"a @ b", "Expr 1:0-1:5|BinOp 1:0-1:5|Name 1:0-1:1|Name 1:4-1:5|"},
    {"~a", "Expr 1:0-1:2|UnaryOp 1:0-1:2|Name 1:1-1:2|"},
    {"-a ** -b",
     "Expr 1:0-1:8|UnaryOp 1:0-1:8|BinOp 1:1-1:8|Name 1:1-1:2|UnaryOp 1:6-1:8|Name 1:7-1:8|"},
    {"a - b - c",
     "Expr 1:0-1:9|BinOp 1:0-1:9|BinOp 1:0-1:5|Name 1:0-1:1|Name 1:4-1:5|Name 1:8-1:9|"},
    {"a + -b", "Expr 1:0-1:6|BinOp 1:0-1:6|Name 1:0-1:1|UnaryOp 1:4-1:6|Name 1:5-1:6|"},
    {"a.b", "Expr 1:0-1:3|Attribute 1:0-1:3|Name 1:0-1:1|"},
    {"a(1)", "Expr 1:0-1:4|Call 1:0-1:4|Name 1:0-1:1|Constant 1:2-1:3|"},
    {"a(*b)", "Expr 1:0-1:5|Call 1:0-1:5|Name 1:0-1:1|Starred 1:2-1:4|Name 1:3-1:4|"},
    {"a(*b, *c)", "Expr 1:0-1:9|Call 1:0-1:9|Name 1:0-1:1|Starred 1:2-1:4|Name 1:3-1:4|Starred "
                  "1:6-1:8|Name 1:7-1:8|"},
    {"a((x for x in y))", "Expr 1:0-1:17|Call 1:0-1:17|Name 1:0-1:1|GeneratorExp 1:2-1:16|Name "
                          "1:3-1:4|Name 1:9-1:10|Name 1:14-1:15|"},
    {"a[1, 2]", "Expr 1:0-1:7|Subscript 1:0-1:7|Name 1:0-1:1|Tuple 1:2-1:6|Constant "
                "1:2-1:3|Constant 1:5-1:6|"},
    {"a[::]", "Expr 1:0-1:5|Subscript 1:0-1:5|Name 1:0-1:1|Slice 1:2-1:4|"},
    {"a[1:]", "Expr 1:0-1:5|Subscript 1:0-1:5|Name 1:0-1:1|Slice 1:2-1:4|Constant 1:2-1:3|"},
    {"a[1,]", "Expr 1:0-1:5|Subscript 1:0-1:5|Name 1:0-1:1|Tuple 1:2-1:4|Constant 1:2-1:3|"},
    {"f(a)(b)[c].d", "Expr 1:0-1:12|Attribute 1:0-1:12|Subscript 1:0-1:10|Call 1:0-1:7|Call "
                     "1:0-1:4|Name 1:0-1:1|Name 1:2-1:3|Name 1:5-1:6|Name 1:8-1:9|"},
    {"(1, 2)", "Expr 1:0-1:6|Tuple 1:0-1:6|Constant 1:1-1:2|Constant 1:4-1:5|"},
    {"[]", "Expr 1:0-1:2|List 1:0-1:2|"},
    {"{}", "Expr 1:0-1:2|Dict 1:0-1:2|"},
    {"{1: 2, **a}", "Expr 1:0-1:11|Dict 1:0-1:11|Constant 1:1-1:2|Constant 1:4-1:5|Name 1:9-1:10|"},
    {"[*a, b]", "Expr 1:0-1:7|List 1:0-1:7|Starred 1:1-1:3|Name 1:2-1:3|Name 1:5-1:6|"},
    {"[x for x in y if x]",
     "Expr 1:0-1:19|ListComp 1:0-1:19|Name 1:1-1:2|Name 1:7-1:8|Name 1:12-1:13|Name 1:17-1:18|"},
    {"{x for x in y}", "Expr 1:0-1:14|SetComp 1:0-1:14|Name 1:1-1:2|Name 1:7-1:8|Name 1:12-1:13|"},
    {"if (n := len(a)) > 10: pass",
     "If 1:0-1:27|Compare 1:3-1:21|NamedExpr 1:4-1:15|Name 1:4-1:5|Call 1:9-1:15|Name "
     "1:9-1:12|Name 1:13-1:14|Constant 1:19-1:21|Pass 1:23-1:27|"},
    {"f(x := 1)",
     "Expr 1:0-1:9|Call 1:0-1:9|Name 1:0-1:1|NamedExpr 1:2-1:8|Name 1:2-1:3|Constant 1:7-1:8|"},
    {"1.5", "Expr 1:0-1:3|Constant 1:0-1:3|"},
    {".5", "Expr 1:0-1:2|Constant 1:0-1:2|"},
    {"0x1f", "Expr 1:0-1:4|Constant 1:0-1:4|"},
    {"0b101", "Expr 1:0-1:5|Constant 1:0-1:5|"},
    {"1j", "Expr 1:0-1:2|Constant 1:0-1:2|"},
    {"0", "Expr 1:0-1:1|Constant 1:0-1:1|"},
    {"0.0", "Expr 1:0-1:3|Constant 1:0-1:3|"},
    {"1e400", "Expr 1:0-1:5|Constant 1:0-1:5|"},
    {"0.1", "Expr 1:0-1:3|Constant 1:0-1:3|"},
    {"100.0", "Expr 1:0-1:5|Constant 1:0-1:5|"},
    {"12345.678e3", "Expr 1:0-1:11|Constant 1:0-1:11|"},
    {"00.5", "Expr 1:0-1:4|Constant 1:0-1:4|"},
    {"'a'", "Expr 1:0-1:3|Constant 1:0-1:3|"},
    {"r\"\\n\"", "Expr 1:0-1:5|Constant 1:0-1:5|"},
    {"rb\"\\x\"", "Expr 1:0-1:6|Constant 1:0-1:6|"},
    {"U\"x\"", "Expr 1:0-1:4|Constant 1:0-1:4|"},
    {"b\"a\" b\"b\"", "Expr 1:0-1:9|Constant 1:0-1:9|"},
    {"\"\\777\"", "Expr 1:0-1:6|Constant 1:0-1:6|"},
    {"\"\\q\"", "Expr 1:0-1:4|Constant 1:0-1:4|"},
    {"\"\346\227\245\346\234\254\"", "Expr 1:0-1:8|Constant 1:0-1:8|"},
    {"'''a\\\nb'''", "Expr 1:0-2:4|Constant 1:0-2:4|"},
    {"r'\\''", "Expr 1:0-1:5|Constant 1:0-1:5|"},
    {"'a\"b'", "Expr 1:0-1:5|Constant 1:0-1:5|"},
    {"\"\\ud800\"", "Expr 1:0-1:8|Constant 1:0-1:8|"},
    {"True", "Expr 1:0-1:4|Constant 1:0-1:4|"},
    {"f\"a\"", "Expr 1:0-1:4|JoinedStr 1:0-1:4|Constant 1:0-1:4|"},
    {"f\"{x!r}\"", "Expr 1:0-1:8|JoinedStr 1:0-1:8|FormattedValue 1:0-1:8|Name 1:3-1:4|"},
    {"f\"{x:>10}\"", "Expr 1:0-1:10|JoinedStr 1:0-1:10|FormattedValue 1:0-1:10|Name "
                     "1:3-1:4|JoinedStr 1:0-1:10|Constant 1:0-1:10|"},
    {"f\"{x=}\"",
     "Expr 1:0-1:7|JoinedStr 1:0-1:7|Constant 1:0-1:7|FormattedValue 1:0-1:7|Name 1:3-1:4|"},
    {"f\"{x=:>5}\"", "Expr 1:0-1:10|JoinedStr 1:0-1:10|Constant 1:0-1:10|FormattedValue "
                     "1:0-1:10|Name 1:3-1:4|JoinedStr 1:0-1:10|Constant 1:0-1:10|"},
    {"f\"a{{b\"", "Expr 1:0-1:7|JoinedStr 1:0-1:7|Constant 1:0-1:7|"},
    {"f\"{*a, b}\"", "Expr 1:0-1:10|JoinedStr 1:0-1:10|FormattedValue 1:0-1:10|Tuple "
                     "1:2-1:9|Starred 1:3-1:5|Name 1:4-1:5|Name 1:7-1:8|"},
    {"f\"{3!r}\"", "Expr 1:0-1:8|JoinedStr 1:0-1:8|FormattedValue 1:0-1:8|Constant 1:3-1:4|"},
    {"f\"{f'{y}'}\"", "Expr 1:0-1:11|JoinedStr 1:0-1:11|FormattedValue 1:0-1:11|JoinedStr "
                      "1:3-1:9|FormattedValue 1:3-1:9|Name 1:6-1:7|"},
    {"f\"{a}\" f\"{b}\"", "Expr 1:0-1:13|JoinedStr 1:0-1:13|FormattedValue 1:0-1:13|Name "
                          "1:3-1:4|FormattedValue 1:0-1:13|Name 1:10-1:11|"},
    {"f\"\\n{x}\\t\"", "Expr 1:0-1:10|JoinedStr 1:0-1:10|Constant 1:0-1:10|FormattedValue "
                       "1:0-1:10|Name 1:5-1:6|Constant 1:0-1:10|"},
    {"f\"{x!r:>{w}}\"",
     "Expr 1:0-1:13|JoinedStr 1:0-1:13|FormattedValue 1:0-1:13|Name 1:3-1:4|JoinedStr "
     "1:0-1:13|Constant 1:0-1:13|FormattedValue 1:0-1:13|Name 1:9-1:10|"},
    {"f\"{a[1]}\"", "Expr 1:0-1:9|JoinedStr 1:0-1:9|FormattedValue 1:0-1:9|Subscript 1:3-1:7|Name "
                    "1:3-1:4|Constant 1:5-1:6|"},
    {"f\"{a==b}\"", "Expr 1:0-1:9|JoinedStr 1:0-1:9|FormattedValue 1:0-1:9|Compare 1:3-1:7|Name "
                    "1:3-1:4|Name 1:6-1:7|"},
    {"f\"{ x }\"", "Expr 1:0-1:8|JoinedStr 1:0-1:8|FormattedValue 1:0-1:8|Name 1:4-1:5|"},
    {"f\"{yield}\"", "Expr 1:0-1:10|JoinedStr 1:0-1:10|FormattedValue 1:0-1:10|Yield 1:3-1:8|"},
    {"class A(B): pass", "ClassDef 1:0-1:16|Name 1:8-1:9|Pass 1:12-1:16|"},
    {"class A(B, *c, **d): pass", "ClassDef 1:0-1:25|Name 1:8-1:9|Starred 1:11-1:13|Name "
                                  "1:12-1:13|keyword 1:15-1:18|Name 1:17-1:18|Pass 1:21-1:25|"},
    {"@d\ndef f(): pass", "FunctionDef 2:0-2:13|Name 1:1-1:2|Pass 2:9-2:13|"},
    {"@(yield)\ndef f(): pass", "FunctionDef 2:0-2:13|Yield 1:2-1:7|Pass 2:9-2:13|"},
    {"try:\n  pass\nexcept E as e:\n  pass",
     "Try 1:0-4:6|Pass 2:2-2:6|ExceptHandler 3:0-4:6|Name 3:7-3:8|Pass 4:2-4:6|"},
    {"raise", "Raise 1:0-1:5|"},
    {"raise X(1) from None",
     "Raise 1:0-1:20|Call 1:6-1:10|Name 1:6-1:7|Constant 1:8-1:9|Constant 1:16-1:20|"},
    {"with a as b, c as d: pass",
     "With 1:0-1:25|Name 1:5-1:6|Name 1:10-1:11|Name 1:13-1:14|Name 1:18-1:19|Pass 1:21-1:25|"},
    {"with (a as b, c): pass",
     "With 1:0-1:22|Name 1:6-1:7|Name 1:11-1:12|Name 1:14-1:15|Pass 1:18-1:22|"},
    {"with (a) as b: pass", "With 1:0-1:19|Name 1:6-1:7|Name 1:12-1:13|Pass 1:15-1:19|"},
    {"with a as (b, c): pass",
     "With 1:0-1:22|Name 1:5-1:6|Tuple 1:10-1:16|Name 1:11-1:12|Name 1:14-1:15|Pass 1:18-1:22|"},
    {"with (x for x in y): pass", "With 1:0-1:25|GeneratorExp 1:5-1:19|Name 1:6-1:7|Name "
                                  "1:12-1:13|Name 1:17-1:18|Pass 1:21-1:25|"},
    {"assert x", "Assert 1:0-1:8|Name 1:7-1:8|"},
    {"import a.b", "Import 1:0-1:10|alias 1:7-1:10|"},
    {"import a as b, c.d as e", "Import 1:0-1:23|alias 1:7-1:13|alias 1:15-1:23|"},
    {"from a import (b, c)", "ImportFrom 1:0-1:20|alias 1:15-1:16|alias 1:18-1:19|"},
    {"from . import a", "ImportFrom 1:0-1:15|alias 1:14-1:15|"},
    {"from ...a import b", "ImportFrom 1:0-1:18|alias 1:17-1:18|"},
    {"from a import *", "ImportFrom 1:0-1:15|alias 1:14-1:15|"},
    {"yield x", "Expr 1:0-1:7|Yield 1:0-1:7|Name 1:6-1:7|"},
    {"x = yield", "Assign 1:0-1:9|Name 1:0-1:1|Yield 1:4-1:9|"},
    {"(yield)", "Expr 1:0-1:7|Yield 1:1-1:6|"},
    {"x = (\n1,\n2)",
     "Assign 1:0-3:2|Name 1:0-1:1|Tuple 1:4-3:2|Constant 2:0-2:1|Constant 3:0-3:1|"},
    {"if x:\n  # c\n  y\n\n  z\n# d\n",
     "If 1:0-5:3|Name 1:3-1:4|Expr 3:2-3:3|Name 3:2-3:3|Expr 5:2-5:3|Name 5:2-5:3|"},
    {"\n\n\nx\n\n", "Expr 4:0-4:1|Name 4:0-4:1|"},
    {"if x:\n\ty\n", "If 1:0-2:2|Name 1:3-1:4|Expr 2:1-2:2|Name 2:1-2:2|"},
    {"x = 1\n", "Assign 1:0-1:5|Name 1:0-1:1|Constant 1:4-1:5|"},
    {"x = (1 +\n     2)",
     "Assign 1:0-2:7|Name 1:0-1:1|BinOp 1:5-2:6|Constant 1:5-1:6|Constant 2:5-2:6|"},
    {"x = \"\303\251\" + y",
     "Assign 1:0-1:12|Name 1:0-1:1|BinOp 1:4-1:12|Constant 1:4-1:8|Name 1:11-1:12|"},
    {"f\"\303\251{x}\303\251{y!r:>{w}}\"",
     "Expr 1:0-1:20|JoinedStr 1:0-1:20|Constant 1:0-1:20|FormattedValue 1:0-1:20|Name "
     "1:5-1:6|Constant 1:0-1:20|FormattedValue 1:0-1:20|Name 1:10-1:11|JoinedStr 1:0-1:20|Constant "
     "1:0-1:20|FormattedValue 1:0-1:20|Name 1:16-1:17|"},
    {"f\"\"\"a\n{x\n+ 1}\nb{y}\"\"\"",
     "Expr 1:0-4:7|JoinedStr 1:0-4:7|Constant 1:0-4:7|FormattedValue 1:0-4:7|BinOp 2:1-3:3|Name "
     "2:1-2:2|Constant 3:2-3:3|Constant 1:0-4:7|FormattedValue 1:0-4:7|Name 4:2-4:3|"},
    {"@dec\n@dec2(a)\ndef f(x):\n    return x\n",
     "FunctionDef 3:0-4:12|Name 1:1-1:4|Call 2:1-2:8|Name 2:1-2:5|Name 2:6-2:7|arg 3:6-3:7|Return "
     "4:4-4:12|Name 4:11-4:12|"},
    {"try:\n  a\nexcept E as e:\n  b\nexcept:\n  c\nelse:\n  d\nfinally:\n  e\n",
     "Try 1:0-10:3|Expr 2:2-2:3|Name 2:2-2:3|ExceptHandler 3:0-4:3|Name 3:7-3:8|Expr 4:2-4:3|Name "
     "4:2-4:3|ExceptHandler 5:0-6:3|Expr 6:2-6:3|Name 6:2-6:3|Expr 8:2-8:3|Name 8:2-8:3|Expr "
     "10:2-10:3|Name 10:2-10:3|"},
    {"with (a as b,\n      c as d):\n  pass",
     "With 1:0-3:6|Name 1:6-1:7|Name 1:11-1:12|Name 2:6-2:7|Name 2:11-2:12|Pass 3:2-3:6|"},
    {"if a:\n  b\nelif c:\n  d\n", "If 1:0-4:3|Name 1:3-1:4|Expr 2:2-2:3|Name 2:2-2:3|If "
                                   "3:0-4:3|Name 3:5-3:6|Expr 4:2-4:3|Name 4:2-4:3|"},
    {"f(a for a in b)", "Expr 1:0-1:15|Call 1:0-1:15|Name 1:0-1:1|GeneratorExp 1:1-1:15|Name "
                        "1:2-1:3|Name 1:8-1:9|Name 1:13-1:14|"},
    {"x[1:2, ::3, ...]",
     "Expr 1:0-1:16|Subscript 1:0-1:16|Name 1:0-1:1|Tuple 1:2-1:15|Slice 1:2-1:5|Constant "
     "1:2-1:3|Constant 1:4-1:5|Slice 1:7-1:10|Constant 1:9-1:10|Constant 1:12-1:15|"},
    {"(a)(b)", "Expr 1:0-1:6|Call 1:0-1:6|Name 1:1-1:2|Name 1:4-1:5|"},
    {"a = b = c = d", "Assign 1:0-1:13|Name 1:0-1:1|Name 1:4-1:5|Name 1:8-1:9|Name 1:12-1:13|"},
    {"(\"a\"\n \"b\")", "Expr 1:0-2:5|Constant 1:1-2:4|"},
    {"f\"a\" \"b\" f\"{c}\"",
     "Expr 1:0-1:15|JoinedStr 1:0-1:15|Constant 1:0-1:15|FormattedValue 1:0-1:15|Name 1:12-1:13|"},
    {"x = \\\n  1 + \\\n  2",
     "Assign 1:0-3:3|Name 1:0-1:1|BinOp 2:2-3:3|Constant 2:2-2:3|Constant 3:2-3:3|"},
    {"from ..a import (b as c,\n  d)", "ImportFrom 1:0-2:4|alias 1:17-1:23|alias 2:2-2:3|"},
    {"f\"{x!r}\" \"lit\" f\"{y:{z}}\"",
     "Expr 1:0-1:25|JoinedStr 1:0-1:25|FormattedValue 1:0-1:25|Name 1:3-1:4|Constant "
     "1:0-1:25|FormattedValue 1:0-1:25|Name 1:18-1:19|JoinedStr 1:15-1:25|FormattedValue "
     "1:0-1:25|Name 1:21-1:22|"},
};

START_TEST(test_dump)
{
    ck_assert_str_eq(parse(dump_cases[_i].src, KAA_PARSE_FILE), dump_cases[_i].want);
}
END_TEST

START_TEST(test_eval)
{
    ck_assert_str_eq(parse(eval_cases[_i].src, KAA_PARSE_EVAL), eval_cases[_i].want);
}
END_TEST

START_TEST(test_positions)
{
    const DumpCase *c = &pos_cases[_i];
    ck_assert_str_eq(parse_n(c->src, strlen(c->src), KAA_PARSE_FILE, 1), c->want);
}
END_TEST

START_TEST(test_errors)
{
    char want[512];
    const ErrCase *c = &err_cases[_i];
    snprintf(want, sizeof want, "%s: %s @%d,%d", c->kind, c->msg, c->lineno, c->offset);
    ck_assert_str_eq(parse(c->src, KAA_PARSE_FILE), want);
}
END_TEST

// The REPL compiles what it has read so far in KAA_PARSE_SINGLE mode and
// reads another line while the input is incomplete.
static const DumpCase repl_cases[] = {
    {"x = 1\n", "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                "value=Constant(value=1))])"},
    {"x = 1", "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], "
              "value=Constant(value=1))])"},
    {"x = 1; y\n", "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                   "value=Constant(value=1)), Expr(value=Name(id='y', ctx=Load()))])"},
    {"", "Interactive(body=[])"},
    {"\n", "Interactive(body=[])"},
    {"# comment\n", "Interactive(body=[])"},
    {"x\n\n\n", "Interactive(body=[Expr(value=Name(id='x', ctx=Load()))])"},
    // a compound statement runs after an empty line
    {"if x:\n", "INCOMPLETE"},
    {"if x:\n  y\n", "INCOMPLETE"},
    {"if x:\n  y\n  \n", "INCOMPLETE"},
    {"if x: pass\n", "INCOMPLETE"},
    {"if x:\n  y\n\n", "Interactive(body=[If(test=Name(id='x', ctx=Load()), "
                       "body=[Expr(value=Name(id='y', ctx=Load()))], orelse=[])])"},
    {"if x: pass\n\n", "Interactive(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()], "
                       "orelse=[])])"},
    {"if x:\n  y\nelse:\n  z\n", "INCOMPLETE"},
    {"class A:\n  def f(self):\n    pass\n\n",
     "Interactive(body=[ClassDef(name='A', bases=[], keywords=[], body=[FunctionDef(name='f', "
     "args=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlyargs=[], kw_defaults=[], "
     "defaults=[]), body=[Pass()], decorator_list=[])], decorator_list=[])])"},
    {"try:\n  x\n", "INCOMPLETE"},
    {"for x in y:\n", "INCOMPLETE"},
    {"@d\n", "INCOMPLETE"},
    // open brackets, strings and continuation lines
    {"x = (1,\n", "INCOMPLETE"},
    {"x = [1,\n\n", "INCOMPLETE"},
    {"\"\"\"abc\n", "INCOMPLETE"},
    {"f'''{\n", "INCOMPLETE"},
    {"a = 1 \\\n", "INCOMPLETE"},
    // genuine errors are never incomplete
    {"x = )", "SyntaxError: unmatched ')' @1,5"},
    {"1 +\n", "SyntaxError: invalid syntax @1,4"},
    {"'abc\n", "SyntaxError: unterminated string literal (detected at line 1) @1,1"},
    {"foo(a b\n", "SyntaxError: invalid syntax. Perhaps you forgot a comma? @1,5"},
    {"if x:\n\n", "IndentationError: expected an indented block after 'if' statement on line 1 "
                  "@2,1"},
    {"@d\n\n", "SyntaxError: invalid syntax @2,1"},
    {"x = 1\ny = 2\n", "SyntaxError: multiple statements found while compiling a single "
                       "statement @1,6"},
    {"if x:\n  y\nz = 1\n", "SyntaxError: invalid syntax @3,1"},
};

START_TEST(test_repl)
{
    ck_assert_str_eq(parse(repl_cases[_i].src, KAA_PARSE_SINGLE), repl_cases[_i].want);
}
END_TEST

START_TEST(test_null_bytes)
{
    ck_assert_str_eq(parse_n("x = 1\0\n", 7, KAA_PARSE_FILE, 0),
                     "SyntaxError: source code cannot contain null bytes @1,6");
}
END_TEST

START_TEST(test_bad_utf8)
{
    ck_assert_str_eq(parse("x = \xff\n", KAA_PARSE_FILE),
                     "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in "
                     "position 0: invalid start byte @1,5");
    ck_assert_str_eq(parse("x = \"a\xff\"\n", KAA_PARSE_FILE),
                     "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in "
                     "position 1: invalid start byte @1,9");
    ck_assert_str_eq(parse("x = 1\n\xe2\x82\n", KAA_PARSE_FILE),
                     "SyntaxError: (unicode error) 'utf-8' codec can't decode bytes in position "
                     "0-1: unexpected end of data @2,1");
    // A comment is not decoded (as CPython's compile() of bytes).
    ck_assert_str_eq(parse("# \xff\n", KAA_PARSE_FILE), "Module(body=[], type_ignores=[])");
}
END_TEST

// A source of n copies of a, then b, then n copies of c.
static char *repeat(const char *a, const char *b, const char *c, int n)
{
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    char *s = malloc(la * (size_t)n + lb + lc * (size_t)n + 1), *p = s;
    ck_assert_ptr_nonnull(s);
    for (int i = 0; i < n; i++, p += la) {
        memcpy(p, a, la);
    }
    memcpy(p, b, lb);
    p += lb;
    for (int i = 0; i < n; i++, p += lc) {
        memcpy(p, c, lc);
    }
    *p = 0;
    return s;
}

START_TEST(test_deep)
{
    static const struct {
        const char *open, *mid, *close;
        int n;
        const char *want; // prefix of the result
    } cases[] = {
        {"(", "", ")", 200, "Module("},
        {"(", "", ")", 201, "SyntaxError: too many nested parentheses @1,201"},
        {"f(", "", ")", 200, "Module("},
        {"[", "", "]", 200, "Module("},
        {"{1:", "1", "}", 199, "Module("},
        {"-(", "1", ")", 200, "Module("},
        {"lambda: ", "1", "", 1000, "Module("},
        {"2 ** ", "2", "", 1000, "Module("},
        {"x if y else ", "z", "", 1000, "Module("},
        {"not ", "x", "", 1000, "Module("},
        // deeper than the parser goes: MemoryError, as in CPython
        {"-", "1", "", 100000, "MemoryError"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *src = repeat(cases[i].open, cases[i].mid, cases[i].close, cases[i].n);
        size_t live = kaa_mem_live_blocks();
        AstArena *a = kaa_arena_new();
        KaaSyntaxError err;
        AstMod *m = kaa_parse(a, src, strlen(src), KAA_PARSE_FILE, &err);
        char got[300];
        if (m) {
            snprintf(got, sizeof got, "Module(");
        } else if (err.nomem) {
            snprintf(got, sizeof got, "MemoryError");
        } else {
            snprintf(got, sizeof got, "%s: %s @%d,%d", err.kind, err.msg, err.lineno, err.offset);
        }
        ck_assert_str_eq(got, cases[i].want);
        kaa_arena_free(a);
        ck_assert_uint_eq(kaa_mem_live_blocks(), live);
        free(src);
    }
    // 99 nested blocks are fine, 100 are too many.
    for (int levels = 99; levels <= 100; levels++) {
        char *src = malloc(20000), *p = src;
        for (int i = 0; i < levels; i++) {
            p += sprintf(p, "%*sif 1:\n", i, "");
        }
        sprintf(p, "%*spass\n", levels, "");
        const char *got = parse(src, KAA_PARSE_FILE);
        if (levels == 99) {
            ck_assert_str_eq(got + strlen(got) - 25, "orelse=[])], type_ignores=[])" + 4);
        } else {
            ck_assert_str_eq(got, "IndentationError: too many levels of indentation @101,1");
        }
        free(src);
    }
}
END_TEST

START_TEST(test_garbage)
{
    // Random token soup and random bytes never crash, hang or leak.
    static const char *const frags[] = {
        "(",        ")",        "[",      "]",    "{",      "}",      ":",      ",",    "\n",
        "\n  ",     "\t",       "\\",     "\\\n", "\"",     "'",      "\"\"\"", "f\"",  "{x",
        "}",        "!r",       "=",      "*",    "**",     "lambda", "if",     "else", "for",
        "in",       "yield",    "x",      "1",    "0x",     "1e",     ".",      "#",    "\xff",
        "\xe2\x82", "\xc3\xa9", "@",      "->",   ":=",     "not",    "with",   "as",   "def",
        "class",    "try",      "except", "del",  "import", "from",   "return", ";",    " ",
        "\r\n",     "\f",       "j",      "_",    "f'{",    "'''",
    };
    unsigned seed = 4321;
    char src[512];
    for (int i = 0; i < 20000; i++) {
        size_t n = 0;
        seed = seed * 1103515245 + 12345;
        int count = (int)((seed >> 16) % 24);
        for (int k = 0; k < count; k++) {
            seed = seed * 1103515245 + 12345;
            unsigned r = (seed >> 16);
            if (r % 8 == 0) {
                src[n++] = (char)(r >> 3);
            } else {
                const char *f = frags[r % (sizeof frags / sizeof frags[0])];
                memcpy(src + n, f, strlen(f));
                n += strlen(f);
            }
        }
        KaaParseMode mode = (KaaParseMode)(i % 3);
        const char *got = parse_n(src, n, mode, 0);
        ck_assert(got[0] != 0);
    }
}
END_TEST

START_TEST(test_constants)
{
    // The values the compiler gets, as C data.
    AstArena *a = kaa_arena_new();
    KaaSyntaxError err;
    const char *src = "0x_1F, 1_000, 1.5e3, 2j, 'a\\0b', b'\\xff', u'x', ...";
    AstMod *m = kaa_parse(a, src, strlen(src), KAA_PARSE_EVAL, &err);
    ck_assert_ptr_nonnull(m);
    AstSeq *elts = m->expr->v.seq.elts;
    ck_assert_int_eq(AST_SEQ_LEN(elts), 8);
    AstConst *c[8];
    for (int i = 0; i < 8; i++) {
        AstExpr *e = AST_SEQ_GET(elts, i);
        ck_assert_int_eq(e->kind, EXPR_CONSTANT);
        c[i] = &e->v.constant;
    }
    ck_assert_int_eq(c[0]->kind, AST_CONST_INT);
    ck_assert_str_eq(c[0]->text, "0x1F");
    ck_assert_str_eq(c[1]->text, "1000");
    ck_assert_int_eq(c[2]->kind, AST_CONST_FLOAT);
    ck_assert(c[2]->f == 1500.0);
    ck_assert_int_eq(c[3]->kind, AST_CONST_IMAG);
    ck_assert(c[3]->f == 2.0);
    ck_assert_int_eq(c[4]->kind, AST_CONST_STR);
    ck_assert_uint_eq(c[4]->len, 3);
    ck_assert_mem_eq(c[4]->text, "a\0b", 4);
    ck_assert_int_eq(c[5]->kind, AST_CONST_BYTES);
    ck_assert_uint_eq(c[5]->len, 1);
    ck_assert_int_eq((unsigned char)c[5]->text[0], 0xff);
    ck_assert_int_eq(c[6]->kind, AST_CONST_STR);
    ck_assert_int_eq(c[7]->kind, AST_CONST_ELLIPSIS);
    kaa_arena_free(a);
}
END_TEST

// --- A walk over the AST that prints positions, for pos_cases -------------

typedef struct Out {
    char *s;
    size_t n, size;
} Out;

static const char *const expr_names[] = {
    "BoolOp",  "NamedExpr", "BinOp",          "UnaryOp",   "Lambda",       "IfExp",     "Dict",
    "Set",     "ListComp",  "SetComp",        "DictComp",  "GeneratorExp", "Yield",     "YieldFrom",
    "Compare", "Call",      "FormattedValue", "JoinedStr", "Constant",     "Attribute", "Subscript",
    "Starred", "Name",      "List",           "Tuple",     "Slice"};
static const char *const stmt_names[] = {
    "FunctionDef", "ClassDef", "Return", "Delete", "Assign", "AugAssign", "AnnAssign", "For",
    "While",       "If",       "With",   "Raise",  "Try",    "Assert",    "Import",    "ImportFrom",
    "Global",      "Nonlocal", "Expr",   "Pass",   "Break",  "Continue"};

static void put_pos(Out *o, const char *name, AstPos p)
{
    o->n += (size_t)snprintf(o->s + o->n, o->size - o->n, "%s %d:%d-%d:%d|", name, p.lineno, p.col,
                             p.end_lineno, p.end_col);
    ck_assert_uint_lt(o->n, o->size);
}

static void walk_expr(Out *o, const AstExpr *e);
static void walk_stmts(Out *o, const AstSeq *s);

static void walk_exprs(Out *o, const AstSeq *s)
{
    for (int i = 0; i < AST_SEQ_LEN(s); i++) {
        if (AST_SEQ_GET(s, i)) {
            walk_expr(o, AST_SEQ_GET(s, i));
        }
    }
}

static void walk_opt(Out *o, const AstExpr *e)
{
    if (e) {
        walk_expr(o, e);
    }
}

static void walk_arg(Out *o, const AstArg *a)
{
    if (a) {
        put_pos(o, "arg", a->pos);
        walk_opt(o, a->annotation);
    }
}

static void walk_arg_list(Out *o, const AstSeq *s)
{
    for (int i = 0; i < AST_SEQ_LEN(s); i++) {
        walk_arg(o, AST_SEQ_GET(s, i));
    }
}

static void walk_arguments(Out *o, const AstArguments *a)
{
    walk_arg_list(o, a->posonlyargs);
    walk_arg_list(o, a->args);
    walk_arg(o, a->vararg);
    walk_arg_list(o, a->kwonlyargs);
    walk_exprs(o, a->kw_defaults);
    walk_arg(o, a->kwarg);
    walk_exprs(o, a->defaults);
}

static void walk_keywords(Out *o, const AstSeq *s)
{
    for (int i = 0; i < AST_SEQ_LEN(s); i++) {
        const AstKeyword *k = AST_SEQ_GET(s, i);
        put_pos(o, "keyword", k->pos);
        walk_expr(o, k->value);
    }
}

static void walk_generators(Out *o, const AstSeq *s)
{
    for (int i = 0; i < AST_SEQ_LEN(s); i++) {
        const AstComprehension *c = AST_SEQ_GET(s, i);
        walk_expr(o, c->target);
        walk_expr(o, c->iter);
        walk_exprs(o, c->ifs);
    }
}

static void walk_expr(Out *o, const AstExpr *e)
{
    put_pos(o, expr_names[e->kind], e->pos);
    switch (e->kind) {
    case EXPR_BOOLOP:
        walk_exprs(o, e->v.boolop.values);
        break;
    case EXPR_NAMEDEXPR:
        walk_expr(o, e->v.namedexpr.target);
        walk_expr(o, e->v.namedexpr.value);
        break;
    case EXPR_BINOP:
        walk_expr(o, e->v.binop.left);
        walk_expr(o, e->v.binop.right);
        break;
    case EXPR_UNARYOP:
        walk_expr(o, e->v.unaryop.operand);
        break;
    case EXPR_LAMBDA:
        walk_arguments(o, e->v.lambda.args);
        walk_expr(o, e->v.lambda.body);
        break;
    case EXPR_IFEXP:
        walk_expr(o, e->v.ifexp.test);
        walk_expr(o, e->v.ifexp.body);
        walk_expr(o, e->v.ifexp.orelse);
        break;
    case EXPR_DICT:
        walk_exprs(o, e->v.dict.keys);
        walk_exprs(o, e->v.dict.values);
        break;
    case EXPR_SET:
        walk_exprs(o, e->v.set.elts);
        break;
    case EXPR_LISTCOMP:
    case EXPR_SETCOMP:
    case EXPR_GENEXP:
        walk_expr(o, e->v.comp.elt);
        walk_generators(o, e->v.comp.generators);
        break;
    case EXPR_DICTCOMP:
        walk_expr(o, e->v.comp.key);
        walk_expr(o, e->v.comp.value);
        walk_generators(o, e->v.comp.generators);
        break;
    case EXPR_YIELD:
    case EXPR_YIELDFROM:
        walk_opt(o, e->v.yield.value);
        break;
    case EXPR_COMPARE:
        walk_expr(o, e->v.compare.left);
        for (int i = 0; i < e->v.compare.n; i++) {
            walk_expr(o, e->v.compare.comparators[i]);
        }
        break;
    case EXPR_CALL:
        walk_expr(o, e->v.call.func);
        walk_exprs(o, e->v.call.args);
        walk_keywords(o, e->v.call.keywords);
        break;
    case EXPR_FORMATTEDVALUE:
        walk_expr(o, e->v.formatted.value);
        walk_opt(o, e->v.formatted.format_spec);
        break;
    case EXPR_JOINEDSTR:
        walk_exprs(o, e->v.joinedstr.values);
        break;
    case EXPR_ATTRIBUTE:
        walk_expr(o, e->v.attribute.value);
        break;
    case EXPR_SUBSCRIPT:
        walk_expr(o, e->v.subscript.value);
        walk_expr(o, e->v.subscript.slice);
        break;
    case EXPR_STARRED:
        walk_expr(o, e->v.starred.value);
        break;
    case EXPR_LIST:
    case EXPR_TUPLE:
        walk_exprs(o, e->v.seq.elts);
        break;
    case EXPR_SLICE:
        walk_opt(o, e->v.slice.lower);
        walk_opt(o, e->v.slice.upper);
        walk_opt(o, e->v.slice.step);
        break;
    default:
        break;
    }
}

static void walk_stmt(Out *o, const AstStmt *s)
{
    put_pos(o, stmt_names[s->kind], s->pos);
    switch (s->kind) {
    case STMT_FUNCTIONDEF:
        walk_exprs(o, s->v.funcdef.decorator_list);
        walk_arguments(o, s->v.funcdef.args);
        walk_opt(o, s->v.funcdef.returns);
        walk_stmts(o, s->v.funcdef.body);
        break;
    case STMT_CLASSDEF:
        walk_exprs(o, s->v.classdef.decorator_list);
        walk_exprs(o, s->v.classdef.bases);
        walk_keywords(o, s->v.classdef.keywords);
        walk_stmts(o, s->v.classdef.body);
        break;
    case STMT_RETURN:
        walk_opt(o, s->v.ret.value);
        break;
    case STMT_DELETE:
        walk_exprs(o, s->v.del.targets);
        break;
    case STMT_ASSIGN:
        walk_exprs(o, s->v.assign.targets);
        walk_expr(o, s->v.assign.value);
        break;
    case STMT_AUGASSIGN:
        walk_expr(o, s->v.augassign.target);
        walk_expr(o, s->v.augassign.value);
        break;
    case STMT_ANNASSIGN:
        walk_expr(o, s->v.annassign.target);
        walk_expr(o, s->v.annassign.annotation);
        walk_opt(o, s->v.annassign.value);
        break;
    case STMT_FOR:
        walk_expr(o, s->v.forstmt.target);
        walk_expr(o, s->v.forstmt.iter);
        walk_stmts(o, s->v.forstmt.body);
        walk_stmts(o, s->v.forstmt.orelse);
        break;
    case STMT_WHILE:
    case STMT_IF:
        walk_expr(o, s->v.ifstmt.test);
        walk_stmts(o, s->v.ifstmt.body);
        walk_stmts(o, s->v.ifstmt.orelse);
        break;
    case STMT_WITH:
        for (int i = 0; i < AST_SEQ_LEN(s->v.with.items); i++) {
            const AstWithItem *w = AST_SEQ_GET(s->v.with.items, i);
            walk_expr(o, w->context_expr);
            walk_opt(o, w->optional_vars);
        }
        walk_stmts(o, s->v.with.body);
        break;
    case STMT_RAISE:
        walk_opt(o, s->v.raise.exc);
        walk_opt(o, s->v.raise.cause);
        break;
    case STMT_TRY:
        walk_stmts(o, s->v.trystmt.body);
        for (int i = 0; i < AST_SEQ_LEN(s->v.trystmt.handlers); i++) {
            const AstExceptHandler *h = AST_SEQ_GET(s->v.trystmt.handlers, i);
            put_pos(o, "ExceptHandler", h->pos);
            walk_opt(o, h->type);
            walk_stmts(o, h->body);
        }
        walk_stmts(o, s->v.trystmt.orelse);
        walk_stmts(o, s->v.trystmt.finalbody);
        break;
    case STMT_ASSERT:
        walk_expr(o, s->v.assertstmt.test);
        walk_opt(o, s->v.assertstmt.msg);
        break;
    case STMT_IMPORT:
    case STMT_IMPORTFROM: {
        const AstSeq *names = s->kind == STMT_IMPORT ? s->v.import.names : s->v.importfrom.names;
        for (int i = 0; i < AST_SEQ_LEN(names); i++) {
            put_pos(o, "alias", ((const AstAlias *)AST_SEQ_GET(names, i))->pos);
        }
        break;
    }
    case STMT_EXPR:
        walk_expr(o, s->v.expr.value);
        break;
    default:
        break;
    }
}

static void walk_stmts(Out *o, const AstSeq *s)
{
    for (int i = 0; i < AST_SEQ_LEN(s); i++) {
        walk_stmt(o, AST_SEQ_GET(s, i));
    }
}

static void posdump(char *out, size_t size, const AstMod *m)
{
    Out o = {out, 0, size};
    out[0] = 0;
    walk_stmts(&o, m->body);
}

static Suite *parser_suite(void)
{
    Suite *s = suite_create("parser");
    TCase *tc = tcase_create("ast");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_dump, 0, (int)(sizeof dump_cases / sizeof dump_cases[0]));
    tcase_add_loop_test(tc, test_eval, 0, (int)(sizeof eval_cases / sizeof eval_cases[0]));
    tcase_add_loop_test(tc, test_positions, 0, (int)(sizeof pos_cases / sizeof pos_cases[0]));
    tcase_add_test(tc, test_constants);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof err_cases / sizeof err_cases[0]));
    tcase_add_test(tc, test_null_bytes);
    tcase_add_test(tc, test_bad_utf8);
    suite_add_tcase(s, tc);

    tc = tcase_create("repl");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_repl, 0, (int)(sizeof repl_cases / sizeof repl_cases[0]));
    suite_add_tcase(s, tc);

    tc = tcase_create("robustness");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_deep);
    tcase_add_test(tc, test_garbage);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(parser_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
