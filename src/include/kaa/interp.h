// Embedding: start and stop the interpreter, run source.
#ifndef KAA_INTERP_H
#define KAA_INTERP_H

#include "kaa/object.h"

typedef enum { KAA_MODE_EXEC, KAA_MODE_SINGLE, KAA_MODE_EVAL } KaaCompileMode;

// Start the interpreter. Return 0, or -1 after printing why.
int Kaa_Initialize(int argc, char **argv);
// Tear everything down; every allocated block is returned. Return the exit
// status a pending SystemExit asked for, else 0.
void Kaa_Finalize(void);
// Compile source into a code object (new reference), or NULL with SyntaxError.
KaaObject *Kaa_CompileString(const char *src, size_t len, const char *filename,
                             KaaCompileMode mode);
// Run code in the given namespaces. New reference or NULL with an exception.
KaaObject *Kaa_EvalCode(KaaObject *code, KaaObject *globals, KaaObject *locals);
// Put a folder first on sys.path (the script's folder). 0 or -1.
int Kaa_PathPrepend(const char *dir);
// The __main__ module's dict (borrowed).
KaaObject *Kaa_MainDict(void);
// If exc is a SystemExit, print its message as CPython does and return its
// exit status; otherwise print the traceback and return 1. Clears it.
int Kaa_HandleUncaught(void);

#endif
