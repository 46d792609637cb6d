/* The symbol table: which scope each name belongs to.
 *
 * A first pass records, per scope (module, class, function, lambda,
 * comprehension), how each name is used: assigned, a parameter, declared
 * global or nonlocal, read. A second pass resolves each name to one of
 * LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE or CELL, as CPython's
 * symtable.c does: a function's local read by a nested function becomes a
 * CELL there and FREE in the nested one.
 */
#ifndef KAA_SYMTABLE_H
#define KAA_SYMTABLE_H
#ifndef KAA_BUILD_CORE
#error "internal header: build with KAA_BUILD_CORE"
#endif

#include "parse/ast.h"

enum {
    SYM_DEF_LOCAL = 1,   // assigned in this scope
    SYM_DEF_PARAM = 2,
    SYM_DEF_GLOBAL = 4,  // `global` statement
    SYM_DEF_NONLOCAL = 8,
    SYM_USE = 16,        // read
    SYM_DEF_FREE_CLASS = 32, // free in a class body (also bound there)
    SYM_OWNED_NAME = 64,     // name string allocated by the table (freed with it)
};

typedef enum {
    SCOPE_LOCAL = 1,
    SCOPE_GLOBAL_EXPLICIT,
    SCOPE_GLOBAL_IMPLICIT,
    SCOPE_FREE,
    SCOPE_CELL
} SymScope;

typedef enum { BLOCK_MODULE, BLOCK_CLASS, BLOCK_FUNCTION } BlockKind;

typedef struct Symbol {
    const char *name;
    int flags;
    SymScope scope;
    int first_line; // where it was first used, for error messages
} Symbol;

typedef struct SymScopeTable SymScopeTable;
struct SymScopeTable {
    BlockKind kind;
    const char *name;
    const void *node;         // the AST node that opens the scope
    SymScopeTable *parent;
    Symbol *syms;
    int nsyms, capsyms;
    SymScopeTable **children;
    int nchildren, capchildren;
    const char **params;      // parameter names in order
    int nparams, capparams;
    int is_generator;
    int is_comprehension;
    int is_lambda;
    int needs_class_cell;     // uses super() or __class__ (class bodies)
};

typedef struct KaaSymtable {
    SymScopeTable *top;
    // Error (SyntaxError) found while building: message and position.
    char errmsg[200];
    int errline, errcol;
    int too_deep; // nesting beyond the limit: the caller raises RecursionError
    char **mangled; // names made by kaa_symtable_mangle, freed with the table
    int nmangled, capmangled;
} KaaSymtable;

// How deep expressions and statements may nest (CPython 3.11: the recursion
// limit times 3).
#define KAA_COMPILE_MAX_DEPTH 3000

// Build the table for a module. Return 0, or -1 with errmsg set (or
// errmsg empty for out-of-memory).
int kaa_symtable_build(KaaSymtable *st, AstMod *mod);
void kaa_symtable_free(KaaSymtable *st);
// Private name mangling (CPython's _Py_Mangle): inside class C, `__x` (not
// ending in `__`, no dot) is `_C__x`, C's leading underscores stripped; no
// change when private_name is NULL or all underscores. The new string lives
// as long as the table; NULL when out of memory.
const char *kaa_symtable_mangle(KaaSymtable *st, const char *private_name, const char *name);
SymScopeTable *kaa_symtable_lookup(SymScopeTable *parent, const void *node);
Symbol *kaa_symtable_symbol(SymScopeTable *s, const char *name);
SymScope kaa_symtable_scope_of(SymScopeTable *s, const char *name);

#endif
