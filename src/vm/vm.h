/* Interpreter and thread state, frames, and the eval loop's entry points.
 *
 * Frames live on a per-thread data stack of contiguous slots, 3.11-style: a
 * call pushes a KaaFrame followed by its locals, cells, free variables and
 * value stack; returning pops it. Nothing is allocated per call unless the
 * data-stack chunk is full.
 */
#ifndef KAA_VM_H
#define KAA_VM_H
#ifndef KAA_BUILD_CORE
#error "internal header: build with KAA_BUILD_CORE"
#endif

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "kaa.h"

typedef struct KaaFrame {
    KaaCodeObject *code;     // strong
    KaaObject *func;         // strong, or NULL for module/class bodies
    KaaObject *globals;      // strong
    KaaObject *builtins;     // strong
    KaaObject *locals;       // strong dict for module/class bodies, else NULL
    KaaObject *localsdict;   // a function's locals() dict, refreshed on each call, or NULL
    KaaObject *frame_obj;    // its frame object (objects/frameobject.c), borrowed, or NULL
    struct KaaFrame *previous;
    uint16_t *instr;         // next instruction to run (saved across calls)
    int stacktop;            // value-stack depth, saved while not running
    int is_entry;            // returning from it leaves the C eval loop
    char owned_by_gen;       // lives inside a generator object, not on the data stack
    char yielded;            // set by YIELD_VALUE when the frame suspends
    char yield_from;         // suspended inside `yield from` (the receiver is on top)
    char throwflag;          // resume by raising the pending exception
    KaaObject *localsplus[]; // locals, cells, frees, then the value stack
} KaaFrame;

typedef struct KaaDataChunk {
    struct KaaDataChunk *previous;
    size_t size;
    char *top; // free space starts here
    char data[];
} KaaDataChunk;

typedef struct KaaThreadState {
    KaaObject *curexc;      // the exception being raised, or NULL
    KaaObject *handled;     // the exception being handled (sys.exc_info()), or NULL
    KaaFrame *frame;        // innermost running frame
    int recursion_depth;    // Python frames plus nested C evaluations
    int recursion_limit;    // sys.getrecursionlimit()
    int recursion_headroom; // allowance while handling a RecursionError
    KaaDataChunk *chunk;
} KaaThreadState;

typedef struct KaaInterp {
    KaaObject *builtins;        // the builtins module's dict
    KaaObject *builtins_module;
    KaaObject *modules;         // sys.modules
    KaaObject *main_module;
    KaaObject *argv;            // list
    KaaObject *path;            // sys.path
    int initialized;
} KaaInterp;

extern KaaThreadState kaa_ts;
// Set by a SIGINT handler (src/app); the eval loop turns it into
// KeyboardInterrupt at the next backward jump or call.
extern volatile sig_atomic_t kaa_sigint_pending;
extern KaaInterp kaa_interp;

// Run a code object in a new frame (module or class body, or a function with
// its arguments already bound in localsplus). New reference or NULL.
KaaObject *kaa_eval_code(KaaCodeObject *code, KaaObject *globals, KaaObject *locals);
// Call a Python function (vectorcall entry of KaaFunction_Type).
KaaObject *kaa_function_vectorcall(KaaObject *func, KaaObject *const *args, size_t nargs,
                                   KaaObject *kwnames);
// Resume a suspended frame (generators): run it until it yields, returns or
// raises. The caller has pushed the sent value or set throwflag.
KaaObject *kaa_eval_resume(KaaFrame *f);
// Bind func's arguments into frame memory f (a generator's): 0 or -1.
int kaa_init_function_frame(KaaFrame *f, KaaFunctionObject *func, KaaObject *const *args,
                            size_t nargs, KaaObject *kwnames);

// Generators (objects/genobject.c).
KaaObject *kaa_gen_new(KaaFunctionObject *func, KaaObject *const *args, size_t nargs,
                       KaaObject *kwnames);
// gen.send(arg) (exc: throw the pending exception). New reference, or NULL
// with an exception; NULL with no exception when the generator returned
// None to a caller that passed `quiet`.
KaaObject *kaa_gen_send_ex(KaaObject *gen, KaaObject *arg, int exc, int quiet);
int kaa_gen_check(KaaObject *o);
extern KaaTypeObject KaaGen_Type;

// Frame data stack.
KaaFrame *kaa_frame_push(KaaCodeObject *code, size_t slots);
void kaa_frame_pop(KaaFrame *f);
void kaa_frame_clear_locals(KaaFrame *f);
// Bind call arguments into a fresh frame's locals (CPython's error texts).
int kaa_bind_arguments(KaaFunctionObject *func, KaaFrame *f, KaaObject *const *args,
                       size_t nargs, KaaObject *kwnames);

// Recursion guard for C-level recursion (repr of nested containers...).
int kaa_enter_recursive_call(const char *where);
void kaa_leave_recursive_call(void);

// Tracebacks (vm/traceback.c).
typedef struct KaaTracebackObject {
    KaaObject_HEAD
    KaaObject *tb_next;
    KaaObject *tb_code; // code object of the frame
    int tb_lasti;       // index of the instruction that raised
    int tb_lineno;
} KaaTracebackObject;
extern KaaTypeObject KaaTraceBack_Type;
// Add an entry for (code, instruction index) to the current exception.
void kaa_traceback_add(KaaCodeObject *code, int lasti);
void kaa_traceback_print(KaaObject *tb);
// Print exc (with its chain) the way CPython's default excepthook does.
void kaa_exception_print(KaaObject *exc);
// traceback module support (vm/traceback.c): the text kaa_exception_print
// writes, as a str (chain: follow __cause__/__context__; limit LONG_MAX for
// all entries, n >= 0 the first n, -n the last n), and the entries of a
// traceback as (filename, lineno, name, line or None) tuples.
KaaObject *kaa_format_exception(KaaObject *exc, int chain, long limit);

// Frame objects (objects/frameobject.c) and frame helpers (vm/eval.c).
extern KaaTypeObject KaaFrame_Type;
KaaObject *kaa_frame_object(KaaFrame *f);  // new reference to f's frame object
void kaa_frame_object_detach(KaaFrame *f); // f finishes: its object keeps a copy
KaaObject *kaa_frame_locals(KaaFrame *f);  // locals() of f: new reference
int kaa_frame_is_running(KaaFrame *f);     // f is on the current call chain
KaaObject *kaa_traceback_entries(KaaObject *tb, long limit);
void kaa_exception_print_unchained(KaaObject *exc);
// Text of line `lineno` of a file (new str or NULL without exception).
KaaObject *kaa_source_line(KaaObject *filename, int lineno);
// Remember source text for pseudo-files ("<stdin>", "<string>").
void kaa_source_register(const char *filename, const char *src, size_t len);
void kaa_source_fini(void);

// Read a whole file (stdin when path is NULL) with the raw allocator; 0 or -1
// with errno set (vm/interp.c).
int kaa_read_file(const char *path, char **src, size_t *len);

// Imports (vm/import.c).
KaaObject *kaa_import_name(KaaObject *name, KaaObject *fromlist, int level, KaaObject *globals);
KaaObject *kaa_import_initial_path(void);
KaaObject *kaa_import_from(KaaObject *module, KaaObject *name);
int kaa_import_star(KaaObject *module, KaaObject *locals);

// Builtins (modules/builtins.c).
// Unpack positional-or-keyword arguments by the names in kwlist (NULL ends
// it; "" for positional-only). Missing optional ones are NULL. 0 or -1.
int kaa_unpack_args(const char *fname, KaaObject *const *args, size_t nargs, KaaObject *kwnames,
                    const char *const *kwlist, int nrequired, KaaObject **out);
KaaObject *kaa_builtins_init(void);
KaaObject *kaa_builtin___import__(KaaObject *self, KaaObject *const *args, size_t nargs,
                                  KaaObject *kwnames);

// iter(o) works for instances of t: __iter__ or the old __getitem__ protocol.
int kaa_type_is_iterable(KaaTypeObject *t);
// o.__index__() as a C int argument (open()'s buffering, bytes.hex()'s
// bytes_per_sep, a '*' precision): 0, or -1 with TypeError or CPython's
// OverflowError "Python int too large to convert to C int" (objects/abstract.c).
int kaa_number_as_int(KaaObject *o, int *out);
// The index argument of pop([i]) on a sequence of Kaa_SIZE(self) items
// (array, bytearray; kind names it in the errors): -1 when absent, counted
// from the end when negative, checked against the length read after the
// conversion. 0 with *out set, or -1 with TypeError/IndexError/OverflowError
// (objects/abstract.c).
int kaa_pop_index(KaaObject *self, const char *kind, KaaObject *const *args, size_t nargs,
                  KaaObject *kwnames, Kaa_ssize_t *out);

// types.SimpleNamespace (objects/namespaceobject.c); dict may be NULL.
extern KaaTypeObject KaaNamespace_Type;
KaaObject *kaa_namespace_new(KaaObject *dict);

// types.GenericAlias and types.UnionType (objects/genericalias.c).
extern KaaTypeObject KaaGenericAlias_Type, KaaUnion_Type;
KaaObject *kaa_generic_alias(KaaObject *origin, KaaObject *args);
KaaObject *kaa_class_getitem_alias(KaaObject *cls, KaaObject *item); // __class_getitem__
KaaObject *kaa_type_or(KaaObject *a, KaaObject *b);                   // type.__or__
int kaa_print_to_stdout(KaaObject *s);

// The interned identifiers the core uses, created at start-up.
#define KAA_IDENTIFIERS(X)                                                                       \
    X(__name__) X(__main__) X(__builtins__) X(__init__) X(__new__) X(__repr__) X(__str__)        \
    X(__dict__) X(__class__) X(__doc__) X(__module__) X(__qualname__) X(__call__) X(__len__)     \
    X(__iter__) X(__next__) X(__getitem__) X(__hash__) X(__eq__) X(__file__) X(__del__)          \
    X(__bool__) X(__contains__) X(__index__) X(__enter__) X(__exit__) X(__getattr__)             \
    X(__setitem__) X(__delitem__) X(__sizeof__) X(__annotations__) X(__slots__)
typedef struct KaaIds {
#define KAA_ID_FIELD(name) KaaObject *name;
    KAA_IDENTIFIERS(KAA_ID_FIELD)
#undef KAA_ID_FIELD
} KaaIds;
extern KaaIds kaa_id;

#endif
