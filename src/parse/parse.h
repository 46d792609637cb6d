/* The parser driver: source bytes -> lexer -> lemon push parser -> AST.
 * Depends on nothing but src/mem; errors are reported as plain C data and
 * turned into SyntaxError objects by the caller (vm/), so the front end can
 * be built and tested on its own.
 */
#ifndef KAA_PARSE_H
#define KAA_PARSE_H
#ifndef KAA_BUILD_CORE
#error "internal header: build with KAA_BUILD_CORE"
#endif

#include "parse/ast.h"

typedef enum {
    KAA_PARSE_FILE,   // a module: statements up to end of input
    KAA_PARSE_SINGLE, // one interactive (REPL) statement: see `incomplete`
    KAA_PARSE_EVAL    // one expression (eval(), f-string fields)
} KaaParseMode;

// A syntax error as CPython reports it. Offsets are 1-based columns in
// characters (code points) as in SyntaxError.offset / end_offset; 0 when
// unknown. lineno is 1-based.
typedef struct KaaSyntaxError {
    const char *kind; // "SyntaxError", "IndentationError" or "TabError"
    char msg[256];    // CPython's message, e.g. "invalid syntax", "expected ':'"
    int lineno;
    int offset;
    int end_lineno;
    int end_offset;
    // KAA_PARSE_SINGLE only: the input ended inside an open construct (open
    // bracket, triple-quoted string, trailing backslash, compound statement
    // whose block has not been ended by a blank line): the REPL reads more.
    int incomplete;
    int nomem; // out of memory (the caller raises MemoryError)
} KaaSyntaxError;

// Parse src[0..len) (need not be NUL-terminated; may contain NUL bytes, which
// are a syntax error as in CPython: "source code cannot contain null bytes").
// Return the module, allocated in arena, or NULL with *err filled in.
AstMod *kaa_parse(AstArena *arena, const char *src, size_t len, KaaParseMode mode,
                  KaaSyntaxError *err);

#endif
