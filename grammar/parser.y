/* kaa's grammar: Python 3.11's syntax (minus async, await, match, type
 * comments and except*), as an LALR(1) grammar for lemon. The layers follow
 * CPython's old Grammar/Grammar (test > or_test > and_test > not_test >
 * comparison > expr > ... > atom), so precedence comes from the rules and
 * every conflict is reported. Actions only build nodes, through the
 * constructors of ast.h and the builders of pstate.h.
 *
 * The driver (src/parse/parse.c) pushes one MODE_* token first, to choose
 * the start rule, and turns the '(' after `with` into WITHLPAR when it opens
 * a parenthesised list of with-items (`with (a as b, c):`), which LALR(1)
 * cannot tell from a parenthesised expression.
 */

%include {
#include <stdint.h>
#include <stdlib.h>

#include "mem/mem.h"
#include "parse/pstate.h"

#define YYNOERRORRECOVERY 1

// lemon's template grows its stack with realloc() and frees it with free():
// route both through kaa_mem, and cap the depth. A deeper source is too
// complex (MemoryError, as CPython's parser says at a similar depth).
#define KAA_PARSER_MAXDEPTH 10000
static void *stack_realloc(void *p, size_t n);
#define realloc(p, n) stack_realloc((p), (n))
#define free(p) kaa_mem_free(p)
}

%name kaa_parser
%token_prefix TK_
%token_type {KaaToken}
%extra_context {ParseState *ps}
%stack_size 0
%start_symbol input

%syntax_error {
    kaa_parse_syntax_error(ps, yymajor, &yyminor, yypParser);
}
%stack_overflow {
    kaa_parse_stack_overflow(ps);
}

// Token codes in a fixed order: the lexer and the tests use them.
%token NAME NUMBER STRING NEWLINE INDENT DEDENT ERRORTOKEN.
%token FALSE NONE TRUE AND AS ASSERT ASYNC AWAIT BREAK CLASS CONTINUE DEF DEL ELIF
       ELSE EXCEPT FINALLY FOR FROM GLOBAL IF IMPORT IN IS LAMBDA NONLOCAL NOT OR PASS
       RAISE RETURN TRY WHILE WITH YIELD.
%token LPAR RPAR LSQB RSQB LBRACE RBRACE COLON COMMA SEMI PLUS MINUS STAR SLASH VBAR
       AMPER LESS GREATER EQUAL DOT PERCENT EQEQUAL NOTEQUAL LESSEQUAL GREATEREQUAL
       TILDE CIRCUMFLEX LEFTSHIFT RIGHTSHIFT DOUBLESTAR PLUSEQUAL MINEQUAL STAREQUAL
       SLASHEQUAL PERCENTEQUAL AMPEREQUAL VBAREQUAL CIRCUMFLEXEQUAL LEFTSHIFTEQUAL
       RIGHTSHIFTEQUAL DOUBLESTAREQUAL DOUBLESLASH DOUBLESLASHEQUAL AT ATEQUAL RARROW
       ELLIPSIS COLONEQUAL.
// Made up by the driver.
%token MODE_FILE MODE_SINGLE MODE_EVAL MODE_FSTRING WITHLPAR.

%default_type {AstExpr *}

// ---- Start ----------------------------------------------------------------

input ::= MODE_FILE file_input.
input ::= MODE_SINGLE single_input.
input ::= MODE_EVAL eval_input.
input ::= MODE_FSTRING atom(E).     { ps->fexpr = E; }

file_input ::= .                    { ps_module(ps, AST_MOD_MODULE, NULL, NULL); }
file_input ::= stmts(B).            { ps_module(ps, AST_MOD_MODULE, B, NULL); }

single_input ::= nls.                           { ps_module(ps, AST_MOD_INTERACTIVE, NULL, NULL); }
single_input ::= simple_stmt(B) nls.            { ps_module(ps, AST_MOD_INTERACTIVE, B, NULL); }
single_input ::= compound_stmt(S) NEWLINE nls.  {
    ps_module(ps, AST_MOD_INTERACTIVE, ps_push(ps, NULL, S), NULL);
}

eval_input ::= testlist(E) nls.     { ps_module(ps, AST_MOD_EXPRESSION, NULL, E); }

nls ::= .
nls ::= nls NEWLINE.

// ---- Statements -------------------------------------------------------------

%type stmts {AstSeq *}
%type stmt {AstSeq *}
%type simple_stmt {AstSeq *}
%type small_stmts {AstSeq *}
%type suite {AstSeq *}
%type small_stmt {AstStmt *}
%type compound_stmt {AstStmt *}

stmts(A) ::= stmt(A).
stmts(A) ::= stmts(A) stmt(B).      { A = ps_extend(ps, A, B); }
stmt(A) ::= simple_stmt(A).
stmt(A) ::= compound_stmt(S).       { A = ps_push(ps, NULL, S); }

simple_stmt(A) ::= small_stmts(A) NEWLINE.
simple_stmt(A) ::= small_stmts(A) SEMI NEWLINE.
small_stmts(A) ::= small_stmt(S).                       { A = ps_push(ps, NULL, S); }
small_stmts(A) ::= small_stmts(A) SEMI small_stmt(S).   { A = ps_push(ps, A, S); }

suite(A) ::= simple_stmt(A).
suite(A) ::= NEWLINE INDENT stmts(B) DEDENT.  { A = B; }

// expression statements and assignments
%type assign_chain {AstSeq *}
%type augassign {int}

small_stmt(A) ::= testlist_star_expr(E).    { A = ps_expr_stmt(ps, E); }
small_stmt(A) ::= yield_expr(E).            { A = ps_expr_stmt(ps, E); }
small_stmt(A) ::= assign_chain(C).          { A = ps_assign(ps, C); }
small_stmt(A) ::= testlist_star_expr(T) augassign(O) rhs(V).
                                            { A = ps_augassign(ps, T, (AstOperator)O, V); }
small_stmt(A) ::= testlist_star_expr(T) COLON test(N).
                                            { A = ps_annassign(ps, T, N, NULL); }
small_stmt(A) ::= testlist_star_expr(T) COLON test(N) EQUAL rhs(V).
                                            { A = ps_annassign(ps, T, N, V); }

assign_chain(A) ::= testlist_star_expr(T) EQUAL rhs(V). { A = ps_push(ps, ps_push(ps, NULL, T), V); }
assign_chain(A) ::= yield_expr(T) EQUAL rhs(V).         { A = ps_push(ps, ps_push(ps, NULL, T), V); }
assign_chain(A) ::= assign_chain(A) EQUAL rhs(V).       { A = ps_push(ps, A, V); }
rhs(A) ::= testlist_star_expr(A).
rhs(A) ::= yield_expr(A).

augassign(A) ::= PLUSEQUAL.         { A = AST_ADD; }
augassign(A) ::= MINEQUAL.          { A = AST_SUB; }
augassign(A) ::= STAREQUAL.         { A = AST_MULT; }
augassign(A) ::= ATEQUAL.           { A = AST_MATMULT; }
augassign(A) ::= SLASHEQUAL.        { A = AST_DIV; }
augassign(A) ::= PERCENTEQUAL.      { A = AST_MOD; }
augassign(A) ::= AMPEREQUAL.        { A = AST_BITAND; }
augassign(A) ::= VBAREQUAL.         { A = AST_BITOR; }
augassign(A) ::= CIRCUMFLEXEQUAL.   { A = AST_BITXOR; }
augassign(A) ::= LEFTSHIFTEQUAL.    { A = AST_LSHIFT; }
augassign(A) ::= RIGHTSHIFTEQUAL.   { A = AST_RSHIFT; }
augassign(A) ::= DOUBLESTAREQUAL.   { A = AST_POW; }
augassign(A) ::= DOUBLESLASHEQUAL.  { A = AST_FLOORDIV; }

// keyword statements
%type del_items {AstSeq *}
%type names {Names}

small_stmt(A) ::= DEL(K) del_items(L).          { A = ps_delete(ps, K, L, NULL); }
small_stmt(A) ::= DEL(K) del_items(L) COMMA(C). { A = ps_delete(ps, K, L, &C); }
small_stmt(A) ::= PASS(K).                      { A = ps_keyword_stmt(ps, K, STMT_PASS, NULL); }
small_stmt(A) ::= BREAK(K).                     { A = ps_keyword_stmt(ps, K, STMT_BREAK, NULL); }
small_stmt(A) ::= CONTINUE(K).                  { A = ps_keyword_stmt(ps, K, STMT_CONTINUE, NULL); }
small_stmt(A) ::= RETURN(K).                    { A = ps_keyword_stmt(ps, K, STMT_RETURN, NULL); }
small_stmt(A) ::= RETURN(K) testlist_star_expr(E). { A = ps_keyword_stmt(ps, K, STMT_RETURN, E); }
small_stmt(A) ::= RAISE(K).                     { A = ps_raise(ps, K, NULL, NULL); }
small_stmt(A) ::= RAISE(K) test(E).             { A = ps_raise(ps, K, E, NULL); }
small_stmt(A) ::= RAISE(K) test(E) FROM test(C). { A = ps_raise(ps, K, E, C); }
small_stmt(A) ::= GLOBAL(K) names(N).           { A = ps_global(ps, K, STMT_GLOBAL, N); }
small_stmt(A) ::= NONLOCAL(K) names(N).         { A = ps_global(ps, K, STMT_NONLOCAL, N); }
small_stmt(A) ::= ASSERT(K) test(E).            { A = ps_assert(ps, K, E, NULL); }
small_stmt(A) ::= ASSERT(K) test(E) COMMA test(M). { A = ps_assert(ps, K, E, M); }

del_items(A) ::= expr_or_star(E).                   { A = ps_push(ps, NULL, E); }
del_items(A) ::= del_items(A) COMMA expr_or_star(E). { A = ps_push(ps, A, E); }

names(A) ::= NAME(N).                   { A = ps_dotted(ps, NULL, N); }
names(A) ::= names(A) COMMA NAME(N).    { A = ps_dotted(ps, &A, N); }

// imports
%type dotted_name {Names}
%type dotted_as_names {AstSeq *}
%type dotted_as_name {AstAlias *}
%type from_module {Names}
%type dots {int}
%type import_targets {Names}
%type import_as_names {AstSeq *}
%type import_as_name {AstAlias *}

small_stmt(A) ::= IMPORT(K) dotted_as_names(L). { A = ps_import(ps, K, L); }
small_stmt(A) ::= FROM(K) from_module(M) IMPORT import_targets(N).
                                                { A = ps_importfrom(ps, K, M, N); }

dotted_name(A) ::= NAME(N).                     { A = ps_dotted(ps, NULL, N); }
dotted_name(A) ::= dotted_name(A) DOT NAME(N).  { A = ps_dotted(ps, &A, N); }
dotted_as_names(A) ::= dotted_as_name(N).                       { A = ps_push(ps, NULL, N); }
dotted_as_names(A) ::= dotted_as_names(A) COMMA dotted_as_name(N). { A = ps_push(ps, A, N); }
dotted_as_name(A) ::= dotted_name(D).               { A = ps_alias(ps, D, NULL); }
dotted_as_name(A) ::= dotted_name(D) AS NAME(N).    { A = ps_alias(ps, D, &N); }

from_module(A) ::= dotted_name(A).
from_module(A) ::= dots(L).                 { A = (Names){0}; A.level = L; }
from_module(A) ::= dots(L) dotted_name(D).  { A = D; A.level = L; }
dots(A) ::= DOT.                    { A = 1; }
dots(A) ::= ELLIPSIS.               { A = 3; }
dots(A) ::= dots(A) DOT.            { A += 1; }
dots(A) ::= dots(A) ELLIPSIS.       { A += 3; }

import_targets(A) ::= STAR(S).  {
    A = ps_import_names(ps, ps_push(ps, NULL, ps_alias(ps, ps_dotted(ps, NULL, S), NULL)), &S);
}
import_targets(A) ::= LPAR import_as_names(L) RPAR(R).          { A = ps_import_names(ps, L, &R); }
import_targets(A) ::= LPAR import_as_names(L) COMMA RPAR(R).    { A = ps_import_names(ps, L, &R); }
import_targets(A) ::= import_as_names(L).                       { A = ps_import_names(ps, L, NULL); }
import_targets(A) ::= import_as_names COMMA(C). {
    AstPos after = {C.end_lineno, C.end_col, C.end_lineno, C.end_col};
    A = (Names){0};
    ps_error_at(ps, after, "trailing comma not allowed without surrounding parentheses");
}
import_as_names(A) ::= import_as_name(N).                           { A = ps_push(ps, NULL, N); }
import_as_names(A) ::= import_as_names(A) COMMA import_as_name(N).  { A = ps_push(ps, A, N); }
import_as_name(A) ::= NAME(N).              { A = ps_alias(ps, ps_dotted(ps, NULL, N), NULL); }
import_as_name(A) ::= NAME(N) AS NAME(M).   { A = ps_alias(ps, ps_dotted(ps, NULL, N), &M); }

// ---- Compound statements ------------------------------------------------------

%type elifs {AstSeq *}
%type else_part {AstSeq *}
%type handlers {AstSeq *}
%type handler {Clause *}
%type finally_part {AstSeq *}
%type with_items {AstSeq *}
%type with_item {AstWithItem *}
%type decorators {AstSeq *}
%type funcdef {AstStmt *}
%type classdef {AstStmt *}
%type params {AstArguments *}
%type plist {AstSeq *}
%type param {Param *}
%type tname {AstArg *}

compound_stmt(A) ::= IF(K) namedexpr_test(C) COLON suite(B) elifs(L) else_part(E).
                                                { A = ps_if(ps, K, C, B, L, E); }
compound_stmt(A) ::= WHILE(K) namedexpr_test(C) COLON suite(B) else_part(E).
                                                { A = ps_while(ps, K, C, B, E); }
compound_stmt(A) ::= FOR(K) exprlist(T) IN testlist_star_expr(I) COLON suite(B) else_part(E).
                                                { A = ps_for(ps, K, T, I, B, E); }
compound_stmt(A) ::= TRY(K) COLON suite(B) handlers(H) else_part(E) finally_part(F).
                                                { A = ps_try(ps, K, B, H, E, F); }
compound_stmt(A) ::= TRY(K) COLON suite(B) FINALLY COLON suite(F).
                                                { A = ps_try(ps, K, B, NULL, NULL, F); }
compound_stmt(A) ::= WITH(K) with_items(L) COLON suite(B).
                                                { A = ps_with(ps, K, L, B); }
compound_stmt(A) ::= WITH(K) WITHLPAR with_items(L) RPAR COLON suite(B).
                                                { A = ps_with(ps, K, L, B); }
compound_stmt(A) ::= WITH(K) WITHLPAR with_items(L) COMMA RPAR COLON suite(B).
                                                { A = ps_with(ps, K, L, B); }
compound_stmt(A) ::= WITH(K) WITHLPAR(P) test(E) comp_for(G) RPAR(R) COLON suite(B). {
    AstExpr *gen = ps_paren(ps, P, (TList){ps_push(ps, NULL, E), 0, G}, R);
    A = ps_with(ps, K, ps_push(ps, NULL, ps_withitem(ps, gen, NULL)), B);
}
compound_stmt(A) ::= funcdef(A).
compound_stmt(A) ::= classdef(A).
compound_stmt(A) ::= decorators(D) funcdef(F).  { A = ps_decorated(ps, D, F); }
compound_stmt(A) ::= decorators(D) classdef(C). { A = ps_decorated(ps, D, C); }

elifs(A) ::= .                                  { A = NULL; }
elifs(A) ::= elifs(A) ELIF(K) namedexpr_test(C) COLON suite(B).
                                                { A = ps_push(ps, A, ps_clause(ps, K, C, NULL, B)); }
else_part(A) ::= .                              { A = NULL; }
else_part(A) ::= ELSE COLON suite(B).          { A = B; }
finally_part(A) ::= .                           { A = NULL; }
finally_part(A) ::= FINALLY COLON suite(B).    { A = B; }

handlers(A) ::= handler(H).                     { A = ps_push(ps, NULL, H); }
handlers(A) ::= handlers(A) handler(H).         { A = ps_push(ps, A, H); }
handler(A) ::= EXCEPT(K) COLON suite(B).        { A = ps_clause(ps, K, NULL, NULL, B); }
handler(A) ::= EXCEPT(K) test(T) COLON suite(B). { A = ps_clause(ps, K, T, NULL, B); }
handler(A) ::= EXCEPT(K) test(T) AS NAME(N) COLON suite(B). { A = ps_clause(ps, K, T, &N, B); }

with_items(A) ::= with_item(I).                     { A = ps_push(ps, NULL, I); }
with_items(A) ::= with_items(A) COMMA with_item(I). { A = ps_push(ps, A, I); }
with_item(A) ::= test(E).                           { A = ps_withitem(ps, E, NULL); }
with_item(A) ::= test(E) AS expr(T).                { A = ps_withitem(ps, E, T); }

decorators(A) ::= AT namedexpr_test(E) NEWLINE.                 { A = ps_push(ps, NULL, E); }
decorators(A) ::= decorators(A) AT namedexpr_test(E) NEWLINE.   { A = ps_push(ps, A, E); }

funcdef(A) ::= DEF(K) NAME(N) LPAR params(P) RPAR COLON suite(B).
                                                { A = ps_funcdef(ps, K, N, P, NULL, B); }
funcdef(A) ::= DEF(K) NAME(N) LPAR params(P) RPAR RARROW test(R) COLON suite(B).
                                                { A = ps_funcdef(ps, K, N, P, R, B); }
classdef(A) ::= CLASS(K) NAME(N) COLON suite(B).
                                                { A = ps_classdef(ps, K, N, NULL, ps_tpos(N), B); }
classdef(A) ::= CLASS(K) NAME(N) LPAR RPAR(R) COLON suite(B).
                                                { A = ps_classdef(ps, K, N, NULL, ps_tpos(R), B); }
classdef(A) ::= CLASS(K) NAME(N) LPAR arglist(L) RPAR(R) COLON suite(B).
                                                { A = ps_classdef(ps, K, N, L, ps_tpos(R), B); }

// parameters: every form is accepted by the grammar, ps_arguments checks the
// order with CPython's messages
params(A) ::= .                     { A = ps_arguments(ps, NULL); }
params(A) ::= plist(L).             { A = ps_arguments(ps, L); }
params(A) ::= plist(L) COMMA.       { A = ps_arguments(ps, L); }
plist(A) ::= param(P).                  { A = ps_push(ps, NULL, P); }
plist(A) ::= plist(A) COMMA param(P).   { A = ps_push(ps, A, P); }
param(A) ::= tname(G).                  { A = ps_param(ps, PARAM_PLAIN, NULL, G, NULL); }
param(A) ::= tname(G) EQUAL test(D).    { A = ps_param(ps, PARAM_PLAIN, NULL, G, D); }
param(A) ::= SLASH(T).                  { A = ps_param(ps, PARAM_SLASH, &T, NULL, NULL); }
param(A) ::= STAR(T).                   { A = ps_param(ps, PARAM_STAR, &T, NULL, NULL); }
param(A) ::= STAR(T) tname(G).          { A = ps_param(ps, PARAM_VARARG, &T, G, NULL); }
param(A) ::= STAR(T) NAME(N) COLON star_expr(E). // def f(*args: *Ts), PEP 646
                                        { A = ps_param(ps, PARAM_VARARG, &T, ps_arg(ps, N, E), NULL); }
param(A) ::= DOUBLESTAR(T) tname(G).    { A = ps_param(ps, PARAM_KWARG, &T, G, NULL); }
param(A) ::= STAR tname EQUAL(Q) test.  {
    A = ps_param_error(ps, Q, "var-positional argument cannot have default value");
}
param(A) ::= DOUBLESTAR tname EQUAL(Q) test. {
    A = ps_param_error(ps, Q, "var-keyword argument cannot have default value");
}
tname(A) ::= NAME(N).                   { A = ps_arg(ps, N, NULL); }
tname(A) ::= NAME(N) COLON test(T).     { A = ps_arg(ps, N, T); }

// ---- Expressions ----------------------------------------------------------------

%type tse_items {AstSeq *}
%type test_items {AstSeq *}
%type expr_items {AstSeq *}

testlist_star_expr(A) ::= tse_items(L).             { A = ps_tuple(ps, L, NULL); }
testlist_star_expr(A) ::= tse_items(L) COMMA(C).    { A = ps_tuple(ps, L, &C); }
tse_items(A) ::= test_or_star(E).                   { A = ps_push(ps, NULL, E); }
tse_items(A) ::= tse_items(A) COMMA test_or_star(E). { A = ps_push(ps, A, E); }
test_or_star(A) ::= test(A).
test_or_star(A) ::= star_expr(A).

testlist(A) ::= test_items(L).              { A = ps_tuple(ps, L, NULL); }
testlist(A) ::= test_items(L) COMMA(C).     { A = ps_tuple(ps, L, &C); }
test_items(A) ::= test(E).                  { A = ps_push(ps, NULL, E); }
test_items(A) ::= test_items(A) COMMA test(E). { A = ps_push(ps, A, E); }

exprlist(A) ::= expr_items(L).              { A = ps_tuple(ps, L, NULL); }
exprlist(A) ::= expr_items(L) COMMA(C).     { A = ps_tuple(ps, L, &C); }
expr_items(A) ::= expr_or_star(E).          { A = ps_push(ps, NULL, E); }
expr_items(A) ::= expr_items(A) COMMA expr_or_star(E). { A = ps_push(ps, A, E); }
expr_or_star(A) ::= expr(A).
expr_or_star(A) ::= star_expr(A).

star_expr(A) ::= STAR(S) expr(E).           { A = ps_starred(ps, S, E); }

yield_expr(A) ::= YIELD(K).                         { A = ps_yield(ps, K, NULL, 0); }
yield_expr(A) ::= YIELD(K) testlist_star_expr(E).   { A = ps_yield(ps, K, E, 0); }
yield_expr(A) ::= YIELD(K) FROM test(E).            { A = ps_yield(ps, K, E, 1); }

namedexpr_test(A) ::= test(A).
namedexpr_test(A) ::= NAME(N) COLONEQUAL test(V).   { A = ps_namedexpr(ps, N, V); }

test(A) ::= or_test(A).
test(A) ::= or_test(B) IF or_test(C) ELSE test(D).  { A = ps_ifexp(ps, B, C, D); }
test(A) ::= lambdef(A).

%type lparams {AstArguments *}
%type lplist {AstSeq *}
%type lparam {Param *}
%type lname {AstArg *}

lambdef(A) ::= LAMBDA(K) COLON test(B).             { A = ps_lambda(ps, K, ps_arguments(ps, NULL), B); }
lambdef(A) ::= LAMBDA(K) lparams(P) COLON test(B).  { A = ps_lambda(ps, K, P, B); }
lparams(A) ::= lplist(L).               { A = ps_arguments(ps, L); }
lparams(A) ::= lplist(L) COMMA.         { A = ps_arguments(ps, L); }
lplist(A) ::= lparam(P).                { A = ps_push(ps, NULL, P); }
lplist(A) ::= lplist(A) COMMA lparam(P). { A = ps_push(ps, A, P); }
lparam(A) ::= lname(G).                 { A = ps_param(ps, PARAM_PLAIN, NULL, G, NULL); }
lparam(A) ::= lname(G) EQUAL test(D).   { A = ps_param(ps, PARAM_PLAIN, NULL, G, D); }
lparam(A) ::= SLASH(T).                 { A = ps_param(ps, PARAM_SLASH, &T, NULL, NULL); }
lparam(A) ::= STAR(T).                  { A = ps_param(ps, PARAM_STAR, &T, NULL, NULL); }
lparam(A) ::= STAR(T) lname(G).         { A = ps_param(ps, PARAM_VARARG, &T, G, NULL); }
lparam(A) ::= DOUBLESTAR(T) lname(G).   { A = ps_param(ps, PARAM_KWARG, &T, G, NULL); }
lparam(A) ::= STAR lname EQUAL(Q) test. {
    A = ps_param_error(ps, Q, "var-positional argument cannot have default value");
}
lparam(A) ::= DOUBLESTAR lname EQUAL(Q) test. {
    A = ps_param_error(ps, Q, "var-keyword argument cannot have default value");
}
lname(A) ::= NAME(N).                   { A = ps_arg(ps, N, NULL); }

%type or_list {AstSeq *}
%type and_list {AstSeq *}
%type cmp_list {CmpList}
%type comp_op {int}

or_test(A) ::= and_test(A).
or_test(A) ::= or_list(L).                      { A = ps_boolop(ps, AST_OR, L); }
or_list(A) ::= and_test(B) OR and_test(C).      { A = ps_push(ps, ps_push(ps, NULL, B), C); }
or_list(A) ::= or_list(A) OR and_test(C).       { A = ps_push(ps, A, C); }
and_test(A) ::= not_test(A).
and_test(A) ::= and_list(L).                    { A = ps_boolop(ps, AST_AND, L); }
and_list(A) ::= not_test(B) AND not_test(C).    { A = ps_push(ps, ps_push(ps, NULL, B), C); }
and_list(A) ::= and_list(A) AND not_test(C).    { A = ps_push(ps, A, C); }
not_test(A) ::= NOT(K) not_test(E).             { A = ps_unary(ps, K, AST_NOT, E); }
not_test(A) ::= comparison(A).

comparison(A) ::= expr(A).
comparison(A) ::= cmp_list(L).                  { A = ps_compare(ps, L); }
cmp_list(A) ::= expr(B) comp_op(O) expr(C).     { A = ps_cmp(ps, NULL, B, (AstCmpOp)O, C); }
cmp_list(A) ::= cmp_list(A) comp_op(O) expr(C). { A = ps_cmp(ps, &A, NULL, (AstCmpOp)O, C); }
comp_op(A) ::= LESS.            { A = AST_LT; }
comp_op(A) ::= GREATER.         { A = AST_GT; }
comp_op(A) ::= EQEQUAL.         { A = AST_EQ; }
comp_op(A) ::= GREATEREQUAL.    { A = AST_GTE; }
comp_op(A) ::= LESSEQUAL.       { A = AST_LTE; }
comp_op(A) ::= NOTEQUAL.        { A = AST_NOTEQ; }
comp_op(A) ::= IN.              { A = AST_IN; }
comp_op(A) ::= NOT IN.          { A = AST_NOTIN; }
comp_op(A) ::= IS.              { A = AST_IS; }
comp_op(A) ::= IS NOT.          { A = AST_ISNOT; }

expr(A) ::= xor_expr(A).
expr(A) ::= expr(B) VBAR xor_expr(C).               { A = ps_binop(ps, B, AST_BITOR, C); }
xor_expr(A) ::= and_expr(A).
xor_expr(A) ::= xor_expr(B) CIRCUMFLEX and_expr(C). { A = ps_binop(ps, B, AST_BITXOR, C); }
and_expr(A) ::= shift_expr(A).
and_expr(A) ::= and_expr(B) AMPER shift_expr(C).    { A = ps_binop(ps, B, AST_BITAND, C); }
shift_expr(A) ::= arith_expr(A).
shift_expr(A) ::= shift_expr(B) LEFTSHIFT arith_expr(C).  { A = ps_binop(ps, B, AST_LSHIFT, C); }
shift_expr(A) ::= shift_expr(B) RIGHTSHIFT arith_expr(C). { A = ps_binop(ps, B, AST_RSHIFT, C); }
arith_expr(A) ::= term(A).
arith_expr(A) ::= arith_expr(B) PLUS term(C).       { A = ps_binop(ps, B, AST_ADD, C); }
arith_expr(A) ::= arith_expr(B) MINUS term(C).      { A = ps_binop(ps, B, AST_SUB, C); }
term(A) ::= factor(A).
term(A) ::= term(B) STAR factor(C).                 { A = ps_binop(ps, B, AST_MULT, C); }
term(A) ::= term(B) SLASH factor(C).                { A = ps_binop(ps, B, AST_DIV, C); }
term(A) ::= term(B) PERCENT factor(C).              { A = ps_binop(ps, B, AST_MOD, C); }
term(A) ::= term(B) DOUBLESLASH factor(C).          { A = ps_binop(ps, B, AST_FLOORDIV, C); }
term(A) ::= term(B) AT factor(C).                   { A = ps_binop(ps, B, AST_MATMULT, C); }
factor(A) ::= PLUS(K) factor(E).                    { A = ps_unary(ps, K, AST_UADD, E); }
factor(A) ::= MINUS(K) factor(E).                   { A = ps_unary(ps, K, AST_USUB, E); }
factor(A) ::= TILDE(K) factor(E).                   { A = ps_unary(ps, K, AST_INVERT, E); }
factor(A) ::= power(A).
power(A) ::= atom_expr(A).
power(A) ::= atom_expr(B) DOUBLESTAR factor(C).     { A = ps_binop(ps, B, AST_POW, C); }

// trailers
%type arglist {AstSeq *}
%type args {AstSeq *}
%type argument {CallArg *}
%type subscripts {AstSeq *}

atom_expr(A) ::= atom(A).
atom_expr(A) ::= atom_expr(F) LPAR(L) RPAR(R).              { A = ps_call(ps, F, NULL, L, R); }
atom_expr(A) ::= atom_expr(F) LPAR(L) arglist(G) RPAR(R).   { A = ps_call(ps, F, G, L, R); }
atom_expr(A) ::= atom_expr(V) LSQB subscripts(S) RSQB(R).   { A = ps_subscript(ps, V, S, NULL, R); }
atom_expr(A) ::= atom_expr(V) LSQB subscripts(S) COMMA(C) RSQB(R).
                                                            { A = ps_subscript(ps, V, S, &C, R); }
atom_expr(A) ::= atom_expr(V) DOT NAME(N).                  { A = ps_attribute(ps, V, N); }

arglist(A) ::= args(A).
arglist(A) ::= args(A) COMMA.
args(A) ::= argument(G).                    { A = ps_push(ps, NULL, G); }
args(A) ::= args(A) COMMA argument(G).      { A = ps_push(ps, A, G); }
argument(A) ::= test(E).                    { A = ps_callarg(ps, ARG_POS, E, NULL); }
argument(A) ::= NAME(N) COLONEQUAL test(V). { A = ps_callarg(ps, ARG_POS, ps_namedexpr(ps, N, V), NULL); }
argument(A) ::= test(E) comp_for(G).        { A = ps_genexp_callarg(ps, E, G); }
argument(A) ::= test(K) EQUAL test(V).      { A = ps_kwarg(ps, K, V); }
argument(A) ::= STAR(S) test(E).            { A = ps_callarg(ps, ARG_STAR, E, &S); }
argument(A) ::= DOUBLESTAR(S) test(E).      { A = ps_callarg(ps, ARG_DSTAR, E, &S); }

subscripts(A) ::= subscript(E).                     { A = ps_push(ps, NULL, E); }
subscripts(A) ::= subscripts(A) COMMA subscript(E). { A = ps_push(ps, A, E); }
subscript(A) ::= namedexpr_test(A).
subscript(A) ::= star_expr(A).
subscript(A) ::= opt_test(L) COLON(C) opt_test(U).  { A = ps_slice(ps, L, C, U, NULL, NULL); }
subscript(A) ::= opt_test(L) COLON(C) opt_test(U) COLON(D) opt_test(S).
                                                    { A = ps_slice(ps, L, C, U, &D, S); }
opt_test(A) ::= .                                   { A = NULL; }
opt_test(A) ::= test(A).

// atoms
%type strings {AstSeq *}
%type tlc {TList}
%type nelems {AstSeq *}
%type dictorset {DictSet}
%type dsitems {AstSeq *}
%type dsitem {DictItem *}
%type comp_for {CompFor}

atom(A) ::= NAME(N).                    { A = ps_name(ps, N); }
atom(A) ::= NUMBER(N).                  { A = ps_number(ps, N); }
atom(A) ::= strings(S).                 { A = ps_strings(ps, S); }
atom(A) ::= ELLIPSIS(T).                { A = ps_const(ps, T, AST_CONST_ELLIPSIS); }
atom(A) ::= NONE(T).                    { A = ps_const(ps, T, AST_CONST_NONE); }
atom(A) ::= TRUE(T).                    { A = ps_const(ps, T, AST_CONST_TRUE); }
atom(A) ::= FALSE(T).                   { A = ps_const(ps, T, AST_CONST_FALSE); }
atom(A) ::= LPAR(L) RPAR(R).            { A = ps_empty(ps, L, R); }
atom(A) ::= LPAR(L) yield_expr(Y) RPAR(R). { A = ps_paren_yield(ps, L, Y, R); }
atom(A) ::= LPAR(L) tlc(X) RPAR(R).     { A = ps_paren(ps, L, X, R); }
atom(A) ::= LSQB(L) RSQB(R).            { A = ps_empty(ps, L, R); }
atom(A) ::= LSQB(L) tlc(X) RSQB(R).     { A = ps_list(ps, L, X, R); }
atom(A) ::= LBRACE(L) RBRACE(R).        { A = ps_empty(ps, L, R); }
atom(A) ::= LBRACE(L) dictorset(X) RBRACE(R). { A = ps_braces(ps, L, X, R); }

strings(A) ::= STRING(S).               { A = ps_push_token(ps, NULL, S); }
strings(A) ::= strings(A) STRING(S).    { A = ps_push_token(ps, A, S); }

tlc(A) ::= nelem(E) comp_for(G).        { A.items = ps_push(ps, NULL, E); A.trailing = 0; A.comp = G; }
tlc(A) ::= nelems(L).                   { A.items = L; A.trailing = 0; A.comp.gens = NULL; }
tlc(A) ::= nelems(L) COMMA.             { A.items = L; A.trailing = 1; A.comp.gens = NULL; }
nelems(A) ::= nelem(E).                 { A = ps_push(ps, NULL, E); }
nelems(A) ::= nelems(A) COMMA nelem(E). { A = ps_push(ps, A, E); }
nelem(A) ::= namedexpr_test(A).
nelem(A) ::= star_expr(A).

dictorset(A) ::= dsitem(I) comp_for(G). { A.items = ps_push(ps, NULL, I); A.comp = G; }
dictorset(A) ::= dsitems(L).            { A.items = L; A.comp.gens = NULL; }
dictorset(A) ::= dsitems(L) COMMA.      { A.items = L; A.comp.gens = NULL; }
dsitems(A) ::= dsitem(I).                   { A = ps_push(ps, NULL, I); }
dsitems(A) ::= dsitems(A) COMMA dsitem(I).  { A = ps_push(ps, A, I); }
dsitem(A) ::= test(K) COLON(C) test(V).     { A = ps_dict_item(ps, DI_KV, K, V, &C); }
dsitem(A) ::= DOUBLESTAR(S) expr(V).        { A = ps_dict_item(ps, DI_DSTAR, NULL, V, &S); }
dsitem(A) ::= namedexpr_test(V).            { A = ps_dict_item(ps, DI_ELT, NULL, V, NULL); }
dsitem(A) ::= star_expr(V).                 { A = ps_dict_item(ps, DI_STAR, NULL, V, NULL); }

comp_for(A) ::= FOR(K) exprlist(T) IN or_test(I).               { A = ps_comp_for(ps, NULL, K, T, I); }
comp_for(A) ::= comp_for(A) FOR(K) exprlist(T) IN or_test(I).   { A = ps_comp_for(ps, &A, K, T, I); }
comp_for(A) ::= comp_for(A) IF or_test(C).                  { A = ps_comp_if(ps, A, C); }

%code {
static void *stack_realloc(void *p, size_t n)
{
    if (n / sizeof(yyStackEntry) > KAA_PARSER_MAXDEPTH) {
        return NULL;
    }
    return kaa_mem_realloc(p, n);
}

/* Would token tok be accepted now? Replays lemon's reductions on a copy of
 * the state stack until tok is shifted (yes) or meets an error action (no).
 * The error messages use this to ask, e.g., whether a ':' was expected. */
int kaa_parser_accepts(void *parser, int tok)
{
    yyParser *p = parser;
    int top = (int)(p->yytos - p->yystack), size = p->yystksz + 8, result = 0;
    YYACTIONTYPE *stack = kaa_mem_alloc((size_t)size * sizeof *stack);
    if (!stack) {
        return 0;
    }
    for (int i = 0; i <= top; i++) {
        stack[i] = p->yystack[i].stateno;
    }
    for (int steps = 0; steps < 100000; steps++) {
        YYACTIONTYPE act = yy_find_shift_action((YYCODETYPE)tok, stack[top]);
        if (act >= YY_MIN_REDUCE) {
            unsigned rule = act - YY_MIN_REDUCE;
            top += yyRuleInfoNRhs[rule];
            if (top < 0 || top >= size - 1) {
                break;
            }
            stack[top + 1] = yy_find_reduce_action(stack[top], (YYCODETYPE)yyRuleInfoLhs[rule]);
            top++;
        } else {
            result = act <= YY_MAX_SHIFTREDUCE || act == YY_ACCEPT_ACTION;
            break;
        }
    }
    kaa_mem_free(stack);
    return result;
}
}
