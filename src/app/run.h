/* Running programs for the kaa command: files, -c strings, -m modules, stdin.
 *
 * Everything runs in __main__'s namespace, so `-i` finds the program's
 * globals at the prompt. Only the public embedding API (kaa/interp.h) and
 * the traceback printer are used; the exit statuses are CPython's.
 */
#ifndef KAA_APP_RUN_H
#define KAA_APP_RUN_H

#include <stddef.h>

// How the uncaught exception of a program or REPL entry was handled.
typedef struct KaaAppOutcome {
    int status;      // the exit status it asks for
    int exit;        // SystemExit: leave (unless inspecting)
    int interrupted; // KeyboardInterrupt: CPython then dies by SIGINT
} KaaAppOutcome;

// The program name in messages ("kaa: can't open file ...").
#define KAA_APP_NAME "kaa"


// Compile src as a module named by `filename` ("<string>", "<stdin>" or a
// path) and run it in __main__, or with dis print its bytecode instead.
// Return 0, or -1 with the exception set.
int kaa_app_exec(const char *src, size_t len, const char *filename, int dis);

// Run a script file as __main__ (__file__ is its absolute path), or print
// its bytecode. With set_path, its folder becomes sys.path[0]. Return 0, 2
// after printing "can't open file" (CPython's text), or -1 with the
// exception set.
int kaa_app_run_path(const char *path, int dis, int set_path);

// sys.path[0] for a program that is not a script file, as python3 sets it:
// the working directory for -m, '' (the working directory, looked up at
// each import) for -c, stdin and the REPL. Return 0, or -1 with the
// exception set.
int kaa_app_set_path0(int module);

// Find module `name` for -m: <dir>/<name>.py for each directory of KAAPATH,
// then the project's lib/ folder (dots in the name are folder separators).
// Return 1 with its absolute path in out, or 0. Allocates nothing, so it
// can run before the interpreter starts.
int kaa_app_find_module(const char *name, char *out, size_t size);

// Set SyntaxError.text of the current exception from src when the traceback
// printer cannot read the source back (pseudo-files such as "<stdin>").
void kaa_app_fix_syntax_text(const char *src, size_t len);

// Print and clear the current exception (none: status 0). A SystemExit
// gives its code; under -i (`inspect`) it is printed as a traceback instead,
// as CPython does, so that the prompt can follow.
KaaAppOutcome kaa_app_handle_uncaught(int inspect);

// -X showrefcount: "[N refs, M blocks]" on stderr.
void kaa_app_print_refcount(void);
// -X gcstats: report every automatic collection on stderr.
void kaa_app_enable_gcstats(void);

#endif
