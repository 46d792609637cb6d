/* The compiler: AST -> code objects, and the disassembler. */
#ifndef KAA_COMPILE_H
#define KAA_COMPILE_H
#ifndef KAA_BUILD_CORE
#error "internal header: build with KAA_BUILD_CORE"
#endif

#include <stdio.h>

#include "kaa.h"
#include "parse/ast.h"

typedef enum {
#define OP(name, effect) OP_##name,
#include "compile/opcodes.def"
#undef OP
    KAA_NUM_OPCODES
} KaaOpcode;

extern const char *const kaa_opcode_names[];
int kaa_opcode_stack_effect(int op, int arg);

// Compile a parsed module. Return a new code object, or NULL with
// SyntaxError (or MemoryError) set. `source` is used for error lines.
KaaObject *kaa_compile_module(AstMod *mod, KaaObject *filename, KaaCompileMode mode);

// Print a code object (and nested ones) in the style of Python's dis.
void kaa_dis_code(KaaCodeObject *co, FILE *out);

#endif
