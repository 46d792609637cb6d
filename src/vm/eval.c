/* The eval loop, frames and calls.
 *
 * One C invocation of run_frame() runs Python frames until the frame it was
 * entered with returns: a call from Python to a Python function pushes a new
 * frame on the data stack and continues in the same loop (3.11-style), so
 * deep Python recursion does not deepen the C stack. Calls from C (builtins
 * calling back into Python) enter run_frame() anew.
 *
 * Dispatch is by computed goto under GCC/Clang and by switch otherwise,
 * behind the TARGET/DISPATCH macros.
 */
#include <string.h>

#include "compile/compile.h"
#include "gc/gc.h"
#include "mem/mem.h"
#include "objects/heaptype.h"
#include "vm/vm.h"

KaaThreadState kaa_ts;
KaaInterp kaa_interp;
volatile sig_atomic_t kaa_sigint_pending;

// --- The frame data stack -----------------------------------------------------------

#define CHUNK_SIZE (64 * 1024)

static inline KaaFrame *frame_push(KaaCodeObject *code, size_t slots)
{
    size_t need = sizeof(KaaFrame) + slots * sizeof(KaaObject *);
    need = (need + 15) & ~(size_t)15;
    KaaDataChunk *ch = kaa_ts.chunk;
    if (ch == NULL || (size_t)(ch->data + ch->size - ch->top) < need) {
        size_t size = need > CHUNK_SIZE ? need : CHUNK_SIZE;
        KaaDataChunk *nch = kaa_mem_alloc(sizeof(KaaDataChunk) + size);
        if (nch == NULL) {
            KaaErr_NoMemory();
            return NULL;
        }
        nch->previous = ch;
        nch->size = size;
        nch->top = nch->data;
        kaa_ts.chunk = ch = nch;
    }
    KaaFrame *f = (KaaFrame *)ch->top;
    ch->top += need;
    memset(f, 0, sizeof(KaaFrame) + (size_t)code->co_nlocalsplus * sizeof(KaaObject *));
    f->code = code;
    Kaa_INCREF(code);
    return f;
}

KaaFrame *kaa_frame_push(KaaCodeObject *code, size_t slots)
{
    return frame_push(code, slots);
}

void kaa_frame_pop(KaaFrame *f)
{
    KaaDataChunk *ch = kaa_ts.chunk;
    Kaa_DECREF(f->code);
    ch->top = (char *)f;
    // Free an emptied chunk unless it is the only one (keep one for reuse).
    if (ch->top == ch->data && ch->previous) {
        kaa_ts.chunk = ch->previous;
        kaa_mem_free(ch);
    }
}

// --- locals() and frame objects' view of a frame ---------------------------------------

// The value a frame's localsplus slot i shows in locals(): cells are seen
// through, and an argument that became a cell shows the cell's value.
// Borrowed or NULL (unbound).
static KaaObject *frame_local_value(KaaFrame *f, int i)
{
    KaaCodeObject *co = f->code;
    KaaObject *v = f->localsplus[i];
    if (i < co->co_nlocals) {
        for (int j = 0; co->co_cell2arg && j < co->co_ncellvars; j++) {
            if (co->co_cell2arg[j] == i) {
                v = f->localsplus[co->co_nlocals + j];
                return v ? ((KaaCellObject *)v)->ob_ref : NULL;
            }
        }
        return v;
    }
    return v ? ((KaaCellObject *)v)->ob_ref : NULL;
}

// A cell created for an argument is shown at the argument's position.
static int is_arg_cell(KaaCodeObject *co, int i)
{
    int j = i - co->co_nlocals;
    return j >= 0 && j < co->co_ncellvars && co->co_cell2arg && co->co_cell2arg[j] >= 0;
}

// locals(): the namespace of module and class bodies; for a function, one
// dict per call refreshed from its variables each time (free variables
// included), as CPython 3.11's f_locals: names unbound since are removed,
// other keys (exec() put there) stay.
KaaObject *kaa_frame_locals(KaaFrame *f)
{
    if (f->locals) {
        return Kaa_NewRef(f->locals);
    }
    if (f->localsdict == NULL && (f->localsdict = KaaDict_New()) == NULL) {
        return NULL;
    }
    KaaCodeObject *co = f->code;
    KaaObject *d = f->localsdict;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        if (is_arg_cell(co, i)) {
            continue;
        }
        KaaObject *name = KaaTuple_GET_ITEM(co->co_localsplusnames, i);
        KaaObject *v = frame_local_value(f, i);
        int r = 0;
        if (v) {
            r = KaaDict_SetItem(d, name, v);
        } else if (KaaDict_Contains(d, name) == 1) {
            r = KaaDict_DelItem(d, name);
        }
        if (r < 0) {
            return NULL;
        }
    }
    return Kaa_NewRef(d);
}

int kaa_frame_is_running(KaaFrame *f)
{
    for (KaaFrame *g = kaa_ts.frame; g; g = g->previous) {
        if (g == f) {
            return 1;
        }
    }
    return 0;
}

// Drop the references held by locals and the value stack.
void kaa_frame_clear_locals(KaaFrame *f)
{
    if (f->frame_obj) {
        kaa_frame_object_detach(f); // its frame object outlives it
    }
    int n = f->code->co_nlocalsplus + f->stacktop;
    for (int i = 0; i < n; i++) {
        Kaa_CLEAR(f->localsplus[i]);
    }
    f->stacktop = 0;
    Kaa_CLEAR(f->func);
    Kaa_CLEAR(f->globals);
    Kaa_CLEAR(f->builtins);
    Kaa_CLEAR(f->locals);
    Kaa_CLEAR(f->localsdict);
}

void kaa_eval_fini(void)
{
    while (kaa_ts.chunk) {
        KaaDataChunk *prev = kaa_ts.chunk->previous;
        kaa_mem_free(kaa_ts.chunk);
        kaa_ts.chunk = prev;
    }
}

// --- Argument binding --------------------------------------------------------------

static KaaObject *func_qualname(KaaFunctionObject *f)
{
    return f->func_qualname;
}

// "'a', 'b' and 'c'" style list of the names of missing arguments.
static KaaObject *format_missing(KaaObject *names_list)
{
    Kaa_ssize_t n = KaaList_GET_SIZE(names_list);
    KaaObject *sep = KaaStr_FromString(n == 2 ? " and " : ", ");
    if (sep == NULL) {
        return NULL;
    }
    KaaObject *res = NULL;
    if (n <= 2) {
        res = KaaStr_Join(sep, names_list);
    } else {
        // 'a', 'b', and 'c'
        KaaObject *head = KaaList_New(0);
        for (Kaa_ssize_t i = 0; head && i < n - 1; i++) {
            KaaList_Append(head, KaaList_GET_ITEM(names_list, i));
        }
        KaaObject *joined = head ? KaaStr_Join(sep, head) : NULL;
        if (joined) {
            res = KaaStr_FromFormat("%U, and %U", joined, KaaList_GET_ITEM(names_list, n - 1));
        }
        Kaa_XDECREF(joined);
        Kaa_XDECREF(head);
    }
    Kaa_DECREF(sep);
    return res;
}

static void missing_arguments(KaaFunctionObject *func, KaaFrame *f, int start, int end,
                              int kwonly, int first_default)
{
    KaaCodeObject *co = (KaaCodeObject *)func->func_code;
    KaaObject *names = KaaList_New(0);
    if (names == NULL) {
        return;
    }
    for (int i = start; i < end; i++) {
        if (f->localsplus[i] == NULL && (kwonly || i < first_default)) {
            KaaObject *r = kaa_str_repr(KaaTuple_GET_ITEM(co->co_localsplusnames, i));
            if (r == NULL || KaaList_Append(names, r) < 0) {
                Kaa_XDECREF(r);
                Kaa_DECREF(names);
                return;
            }
            Kaa_DECREF(r);
        }
    }
    Kaa_ssize_t n = KaaList_GET_SIZE(names);
    KaaObject *text = format_missing(names);
    if (text) {
        KaaErr_Format(KaaExc(TypeError), "%U() missing %zd required %s argument%s: %U",
                      func_qualname(func), n, kwonly ? "keyword-only" : "positional",
                      n == 1 ? "" : "s", text);
        Kaa_DECREF(text);
    }
    Kaa_DECREF(names);
}

static void too_many_positional(KaaFunctionObject *func, size_t given, int kwgiven)
{
    KaaCodeObject *co = (KaaCodeObject *)func->func_code;
    int argc = co->co_argcount;
    int ndefaults = func->func_defaults ? (int)KaaTuple_GET_SIZE(func->func_defaults) : 0;
    char takes[64], kwpart[80] = "";
    if (ndefaults) {
        snprintf(takes, sizeof takes, "from %d to %d", argc - ndefaults, argc);
    } else {
        snprintf(takes, sizeof takes, "%d", argc);
    }
    if (kwgiven) {
        snprintf(kwpart, sizeof kwpart, " positional argument%s (and %d keyword-only argument%s)",
                 given == 1 ? "" : "s", kwgiven, kwgiven == 1 ? "" : "s");
    }
    KaaErr_Format(KaaExc(TypeError), "%U() takes %s positional argument%s but %zu%s %s given",
                  func_qualname(func), takes, (argc == 1 && !ndefaults) ? "" : "s", given, kwpart,
                  (given == 1 && !kwgiven) ? "was" : "were");
}

// Bind positional and keyword arguments into f->localsplus (new references),
// apply defaults and build *args/**kwargs. Return 0 or -1 with TypeError.
int kaa_bind_arguments(KaaFunctionObject *func, KaaFrame *f, KaaObject *const *args, size_t nargs,
                       KaaObject *kwnames)
{
    KaaCodeObject *co = (KaaCodeObject *)func->func_code;
    int argc = co->co_argcount, kwonly = co->co_kwonlyargcount;
    int total = argc + kwonly;
    KaaObject **locals = f->localsplus;
    KaaObject *kwdict = NULL;
    if (co->co_flags & KAA_CO_VARKEYWORDS) {
        kwdict = KaaDict_New();
        if (kwdict == NULL) {
            return -1;
        }
        locals[total + ((co->co_flags & KAA_CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    size_t npos = nargs < (size_t)argc ? nargs : (size_t)argc;
    for (size_t i = 0; i < npos; i++) {
        locals[i] = Kaa_NewRef(args[i]);
    }
    if (co->co_flags & KAA_CO_VARARGS) {
        KaaObject *rest = nargs > npos ? KaaTuple_FromArray(args + npos, (Kaa_ssize_t)(nargs - npos))
                                       : KaaTuple_New(0);
        if (rest == NULL) {
            return -1;
        }
        locals[total] = rest;
    } else if (nargs > (size_t)argc) {
        int kwgiven = 0;
        Kaa_ssize_t nkw = kwnames ? KaaTuple_GET_SIZE(kwnames) : 0;
        for (Kaa_ssize_t k = 0; k < nkw; k++) {
            for (int j = argc; j < total; j++) {
                if (kaa_str_eq(KaaTuple_GET_ITEM(kwnames, k),
                               KaaTuple_GET_ITEM(co->co_localsplusnames, j))) {
                    kwgiven++;
                }
            }
        }
        too_many_positional(func, nargs, kwgiven);
        return -1;
    }
    Kaa_ssize_t nkw = kwnames ? KaaTuple_GET_SIZE(kwnames) : 0;
    for (Kaa_ssize_t k = 0; k < nkw; k++) {
        KaaObject *name = KaaTuple_GET_ITEM(kwnames, k);
        KaaObject *value = args[nargs + (size_t)k];
        int j;
        for (j = co->co_posonlyargcount; j < total; j++) {
            if (kaa_str_eq(name, KaaTuple_GET_ITEM(co->co_localsplusnames, j))) {
                break;
            }
        }
        if (j == total) {
            int posonly_hit = 0;
            for (int p = 0; p < co->co_posonlyargcount; p++) {
                if (kaa_str_eq(name, KaaTuple_GET_ITEM(co->co_localsplusnames, p))) {
                    posonly_hit = 1;
                }
            }
            if (kwdict && !posonly_hit) {
                if (KaaDict_SetItem(kwdict, name, value) < 0) {
                    return -1;
                }
                continue;
            }
            if (kwdict) {
                if (KaaDict_SetItem(kwdict, name, value) < 0) {
                    return -1;
                }
                continue;
            }
            if (posonly_hit) {
                KaaErr_Format(KaaExc(TypeError),
                              "%U() got some positional-only arguments passed as keyword "
                              "arguments: '%U'",
                              func_qualname(func), name);
            } else {
                KaaErr_Format(KaaExc(TypeError), "%U() got an unexpected keyword argument '%U'",
                              func_qualname(func), name);
            }
            return -1;
        }
        if (locals[j] != NULL) {
            KaaErr_Format(KaaExc(TypeError), "%U() got multiple values for argument '%U'",
                          func_qualname(func), name);
            return -1;
        }
        locals[j] = Kaa_NewRef(value);
    }
    // Defaults for the last positional parameters.
    if (nargs < (size_t)argc) {
        int ndefaults = func->func_defaults ? (int)KaaTuple_GET_SIZE(func->func_defaults) : 0;
        int first_default = argc - ndefaults;
        for (int i = (int)nargs; i < argc; i++) {
            if (locals[i] == NULL && i >= first_default) {
                locals[i] = Kaa_NewRef(KaaTuple_GET_ITEM(func->func_defaults, i - first_default));
            }
        }
        for (int i = (int)nargs; i < first_default; i++) {
            if (locals[i] == NULL) {
                missing_arguments(func, f, (int)nargs, argc, 0, first_default);
                return -1;
            }
        }
    }
    for (int i = argc; i < total; i++) {
        if (locals[i] == NULL && func->func_kwdefaults) {
            KaaObject *d = KaaDict_GetItemWithError(func->func_kwdefaults,
                                                    KaaTuple_GET_ITEM(co->co_localsplusnames, i));
            if (d) {
                locals[i] = Kaa_NewRef(d);
            } else if (KaaErr_Occurred()) {
                return -1;
            }
        }
    }
    for (int i = argc; i < total; i++) {
        if (locals[i] == NULL) {
            missing_arguments(func, f, argc, total, 1, 0);
            return -1;
        }
    }
    return 0;
}

// Create the cells of a new frame and copy the closure into its free slots.
static int init_cells(KaaFrame *f, KaaFunctionObject *func)
{
    KaaCodeObject *co = f->code;
    for (int i = 0; i < co->co_ncellvars; i++) {
        int a = co->co_cell2arg ? co->co_cell2arg[i] : -1;
        KaaObject *initial = a >= 0 ? f->localsplus[a] : NULL;
        KaaObject *cell = KaaCell_New(initial);
        if (cell == NULL) {
            return -1;
        }
        f->localsplus[co->co_nlocals + i] = cell;
    }
    if (co->co_nfreevars && func && func->func_closure) {
        int first = co->co_nlocals + co->co_ncellvars;
        for (int i = 0; i < co->co_nfreevars; i++) {
            f->localsplus[first + i] = Kaa_NewRef(KaaTuple_GET_ITEM(func->func_closure, i));
        }
    }
    return 0;
}

// Push and prepare a frame for calling func. NULL with an exception set.
static KaaFrame *push_function_frame(KaaFunctionObject *func, KaaObject *const *args,
                                     size_t nargs, KaaObject *kwnames)
{
    KaaCodeObject *co = (KaaCodeObject *)func->func_code;
    if (kaa_ts.recursion_depth >= kaa_ts.recursion_limit + kaa_ts.recursion_headroom) {
        KaaErr_SetString(KaaExc(RecursionError), "maximum recursion depth exceeded");
        return NULL;
    }
    KaaFrame *f = frame_push(co, (size_t)(co->co_nlocalsplus + co->co_stacksize));
    if (f == NULL) {
        return NULL;
    }
    f->func = Kaa_NewRef(func);
    f->globals = Kaa_NewRef(func->func_globals);
    f->builtins = Kaa_NewRef(func->func_builtins);
    f->instr = co->co_code;
    // The common call: positional arguments only, the missing ones from the
    // defaults; no keyword-only parameters, *args or **kwargs.
    int ndefaults = func->func_defaults ? (int)KaaTuple_GET_SIZE(func->func_defaults) : 0;
    if ((kwnames == NULL || KaaTuple_GET_SIZE(kwnames) == 0) && nargs <= (size_t)co->co_argcount &&
        nargs + (size_t)ndefaults >= (size_t)co->co_argcount && co->co_kwonlyargcount == 0 &&
        !(co->co_flags & (KAA_CO_VARARGS | KAA_CO_VARKEYWORDS))) {
        for (size_t i = 0; i < nargs; i++) {
            f->localsplus[i] = Kaa_NewRef(args[i]);
        }
        int first_default = co->co_argcount - ndefaults;
        for (int i = (int)nargs; i < co->co_argcount; i++) {
            f->localsplus[i] = Kaa_NewRef(KaaTuple_GET_ITEM(func->func_defaults, i - first_default));
        }
        if ((co->co_ncellvars || co->co_nfreevars) && init_cells(f, func) < 0) {
            kaa_frame_clear_locals(f);
            kaa_frame_pop(f);
            return NULL;
        }
        kaa_ts.recursion_depth++;
        return f;
    }
    if (kaa_bind_arguments(func, f, args, nargs, kwnames) < 0 || init_cells(f, func) < 0) {
        kaa_frame_clear_locals(f);
        kaa_frame_pop(f);
        return NULL;
    }
    kaa_ts.recursion_depth++;
    return f;
}

static KaaObject *run_frame(KaaFrame *f);

int kaa_init_function_frame(KaaFrame *f, KaaFunctionObject *func, KaaObject *const *args,
                            size_t nargs, KaaObject *kwnames)
{
    KaaCodeObject *co = (KaaCodeObject *)func->func_code;
    f->code = (KaaCodeObject *)Kaa_NewRef(co);
    f->func = Kaa_NewRef(func);
    f->globals = Kaa_NewRef(func->func_globals);
    f->builtins = Kaa_NewRef(func->func_builtins);
    f->instr = co->co_code;
    f->owned_by_gen = 1;
    f->is_entry = 1;
    if (kaa_bind_arguments(func, f, args, nargs, kwnames) < 0 || init_cells(f, func) < 0) {
        kaa_frame_clear_locals(f);
        return -1;
    }
    return 0;
}

KaaObject *kaa_eval_resume(KaaFrame *f)
{
    if (kaa_ts.recursion_depth >= kaa_ts.recursion_limit + kaa_ts.recursion_headroom) {
        return KaaErr_Format(KaaExc(RecursionError), "maximum recursion depth exceeded");
    }
    kaa_ts.recursion_depth++;
    f->yielded = 0;
    return run_frame(f);
}

KaaObject *kaa_function_vectorcall(KaaObject *callable, KaaObject *const *args, size_t nargs,
                                   KaaObject *kwnames)
{
    KaaFunctionObject *func = (KaaFunctionObject *)callable;
    if (((KaaCodeObject *)func->func_code)->co_flags & KAA_CO_GENERATOR) {
        return kaa_gen_new(func, args, nargs, kwnames);
    }
    KaaFrame *f = push_function_frame(func, args, nargs, kwnames);
    if (f == NULL) {
        return NULL;
    }
    f->is_entry = 1;
    return run_frame(f);
}

KaaObject *kaa_eval_code(KaaCodeObject *code, KaaObject *globals, KaaObject *locals)
{
    KaaObject *builtins = KaaDict_GetItemString(globals, "__builtins__");
    if (builtins && KaaModule_Check(builtins)) {
        builtins = KaaModule_GetDict(builtins);
    }
    if (builtins == NULL || !KaaDict_Check(builtins)) {
        builtins = kaa_interp.builtins;
    }
    if (kaa_ts.recursion_depth >= kaa_ts.recursion_limit + kaa_ts.recursion_headroom) {
        return KaaErr_Format(KaaExc(RecursionError), "maximum recursion depth exceeded");
    }
    KaaFrame *f = kaa_frame_push(code, (size_t)(code->co_nlocalsplus + code->co_stacksize));
    if (f == NULL) {
        return NULL;
    }
    f->globals = Kaa_NewRef(globals);
    f->builtins = Kaa_NewRef(builtins);
    f->locals = Kaa_XNewRef(locals);
    f->instr = code->co_code;
    f->is_entry = 1;
    if (init_cells(f, NULL) < 0) {
        kaa_frame_clear_locals(f);
        kaa_frame_pop(f);
        return NULL;
    }
    kaa_ts.recursion_depth++;
    return run_frame(f);
}

// Run a class body: func's code with the namespace ns as its locals.
KaaObject *kaa_eval_class_body(KaaObject *func, KaaObject *ns)
{
    KaaFunctionObject *fn = (KaaFunctionObject *)func;
    KaaCodeObject *code = (KaaCodeObject *)fn->func_code;
    if (kaa_ts.recursion_depth >= kaa_ts.recursion_limit + kaa_ts.recursion_headroom) {
        return KaaErr_Format(KaaExc(RecursionError), "maximum recursion depth exceeded");
    }
    KaaFrame *f = kaa_frame_push(code, (size_t)(code->co_nlocalsplus + code->co_stacksize));
    if (f == NULL) {
        return NULL;
    }
    f->func = Kaa_NewRef(func);
    f->globals = Kaa_NewRef(fn->func_globals);
    f->builtins = Kaa_NewRef(fn->func_builtins);
    f->locals = Kaa_NewRef(ns);
    f->instr = code->co_code;
    f->is_entry = 1;
    if (init_cells(f, fn) < 0) {
        kaa_frame_clear_locals(f);
        kaa_frame_pop(f);
        return NULL;
    }
    kaa_ts.recursion_depth++;
    return run_frame(f);
}

// --- Slow paths used by the loop ----------------------------------------------------

static void name_error(KaaObject *name)
{
    KaaErr_Format(KaaExc(NameError), "name '%U' is not defined", name);
    KaaObject *exc = kaa_ts.curexc;
    if (exc && KaaType_IsSubtype(Kaa_TYPE(exc), &KaaExc_NameError_Type)) {
        Kaa_SETREF(((KaaNameErrorObject *)exc)->name, Kaa_NewRef(name));
    }
}

static void unbound_local(KaaCodeObject *co, int idx)
{
    KaaObject *name = KaaTuple_GET_ITEM(co->co_localsplusnames, idx);
    KaaErr_Format(KaaExc(UnboundLocalError),
                  "cannot access local variable '%U' where it is not associated with a value",
                  name);
}

static void unbound_deref(KaaCodeObject *co, int idx)
{
    KaaObject *name = KaaTuple_GET_ITEM(co->co_localsplusnames, idx);
    if (idx < co->co_nlocals + co->co_ncellvars) {
        unbound_local(co, idx);
        return;
    }
    KaaErr_Format(KaaExc(NameError),
                  "cannot access free variable '%U' where it is not associated with a value in "
                  "enclosing scope",
                  name);
}

// Look name up in globals then builtins. New reference or NULL (NameError).
static KaaObject *load_global(KaaObject *globals, KaaObject *builtins, KaaObject *name)
{
    KaaObject *v = KaaDict_GetItemWithError(globals, name);
    if (v == NULL && !KaaErr_Occurred()) {
        v = KaaDict_GetItemWithError(builtins, name);
    }
    if (v == NULL) {
        if (!KaaErr_Occurred()) {
            name_error(name);
        }
        return NULL;
    }
    return Kaa_NewRef(v);
}

// Remember where LOAD_GLOBAL found names[i] (exact dicts only: a dict
// subclass could answer differently without changing its version).
static void fill_global_cache(KaaFrame *f, int i, KaaObject *value)
{
    KaaCodeObject *co = f->code;
    if (!KaaDict_CheckExact(f->globals) || !KaaDict_CheckExact(f->builtins)) {
        return;
    }
    if (co->co_gcache == NULL) {
        co->co_gcache =
            kaa_mem_calloc((size_t)KaaTuple_GET_SIZE(co->co_names), sizeof(KaaGlobalCache));
        if (co->co_gcache == NULL) {
            return; // no cache: every lookup takes the slow path
        }
    }
    KaaGlobalCache *gc = &co->co_gcache[i];
    gc->globals = f->globals;
    gc->builtins = f->builtins;
    gc->gversion = ((KaaDictObject *)f->globals)->version;
    gc->bversion = ((KaaDictObject *)f->builtins)->version;
    gc->value = value;
}

static KaaObject *load_name(KaaFrame *f, KaaObject *name)
{
    if (f->locals) {
        KaaObject *v;
        if (KaaDict_CheckExact(f->locals)) {
            v = KaaDict_GetItemWithError(f->locals, name);
            if (v) {
                return Kaa_NewRef(v);
            }
            if (KaaErr_Occurred()) {
                return NULL;
            }
        } else {
            v = KaaObject_GetItem(f->locals, name);
            if (v) {
                return v;
            }
            if (!KaaErr_ExceptionMatches(KaaExc(KeyError))) {
                return NULL;
            }
            KaaErr_Clear();
        }
    }
    return load_global(f->globals, f->builtins, name);
}

static int unpack_iterable(KaaObject *v, int before, int after, KaaObject **sp)
{
    // Items go on the stack in reverse: the first one ends up on top.
    int expected = before + after;
    if (after < 0 && (KaaTuple_CheckExact(v) || KaaList_CheckExact(v))) {
        Kaa_ssize_t n = Kaa_SIZE(v);
        KaaObject **items = KaaTuple_CheckExact(v) ? ((KaaTupleObject *)v)->ob_item
                                                    : ((KaaListObject *)v)->ob_item;
        if (n == before) {
            for (Kaa_ssize_t i = 0; i < n; i++) {
                sp[n - 1 - i] = Kaa_NewRef(items[i]);
            }
            return 0;
        }
        if (n < before) {
            KaaErr_Format(KaaExc(ValueError), "not enough values to unpack (expected %d, got %zd)",
                          before, n);
        } else {
            KaaErr_Format(KaaExc(ValueError), "too many values to unpack (expected %d)", before);
        }
        return -1;
    }
    KaaTypeObject *t = Kaa_TYPE(v);
    if (!kaa_type_is_iterable(t)) {
        KaaErr_Format(KaaExc(TypeError), "cannot unpack non-iterable %s object", t->tp_name);
        return -1;
    }
    KaaObject *it = KaaObject_GetIter(v);
    if (it == NULL) {
        return -1;
    }
    int total = after < 0 ? before : before + 1 + after;
    KaaObject **top = sp + total;
    int i;
    for (i = 0; i < before; i++) {
        KaaObject *w = KaaIter_Next(it);
        if (w == NULL) {
            if (!KaaErr_Occurred()) {
                if (after < 0) {
                    KaaErr_Format(KaaExc(ValueError),
                                  "not enough values to unpack (expected %d, got %d)", before, i);
                } else {
                    KaaErr_Format(KaaExc(ValueError),
                                  "not enough values to unpack (expected at least %d, got %d)",
                                  expected, i);
                }
            }
            goto fail;
        }
        *--top = w;
    }
    if (after < 0) {
        KaaObject *w = KaaIter_Next(it);
        if (w) {
            Kaa_DECREF(w);
            KaaErr_Format(KaaExc(ValueError), "too many values to unpack (expected %d)", before);
            goto fail;
        }
        if (KaaErr_Occurred()) {
            goto fail;
        }
        Kaa_DECREF(it);
        return 0;
    }
    KaaObject *rest = KaaSequence_List(it);
    if (rest == NULL) {
        goto fail;
    }
    *--top = rest;
    i++;
    Kaa_ssize_t n = KaaList_GET_SIZE(rest);
    if (n < after) {
        KaaErr_Format(KaaExc(ValueError), "not enough values to unpack (expected at least %d, got %zd)",
                      expected, before + n);
        goto fail;
    }
    for (int j = 0; j < after; j++) {
        *--top = KaaList_GET_ITEM(rest, n - after + j);
        i++;
    }
    // The list's last `after` references moved to the stack: shrink it.
    Kaa_SIZE(rest) = n - after;
    Kaa_DECREF(it);
    return 0;
fail:
    // Release what was pushed so far: slots top .. sp+total.
    for (KaaObject **p = top; p < sp + total; p++) {
        Kaa_DECREF(*p);
    }
    Kaa_DECREF(it);
    return -1;
}

static KaaObject *make_function(KaaObject *code, int flags, KaaObject **sp, KaaObject *globals)
{
    KaaCodeObject *co = (KaaCodeObject *)code;
    KaaFunctionObject *func = (KaaFunctionObject *)KaaFunction_New(code, globals, co->co_qualname);
    if (func == NULL) {
        return NULL;
    }
    if (KaaTuple_GET_SIZE(co->co_consts) && KaaStr_Check(KaaTuple_GET_ITEM(co->co_consts, 0)) &&
        (co->co_flags & KAA_CO_NEWLOCALS)) {
        Kaa_SETREF(func->func_doc, Kaa_NewRef(KaaTuple_GET_ITEM(co->co_consts, 0)));
    }
    // sp points past the last operand: closure, kwdefaults, defaults below it.
    if (flags & 8) {
        func->func_closure = *--sp;
    }
    if (flags & 4) {
        func->func_annotations = *--sp;
    }
    if (flags & 2) {
        func->func_kwdefaults = *--sp;
    }
    if (flags & 1) {
        func->func_defaults = *--sp;
    }
    return (KaaObject *)func;
}

static int print_expr(KaaObject *v)
{
    if (v == Kaa_None) {
        return 0;
    }
    // Like sys.displayhook: bind builtins._ first, then print the repr.
    if (KaaDict_SetItemString(kaa_interp.builtins, "_", Kaa_None) < 0) {
        return -1;
    }
    KaaObject *r = KaaObject_Repr(v);
    if (r == NULL) {
        return -1;
    }
    // Written like print(repr(v)): through sys.stdout when it was replaced.
    KaaObject *print = KaaDict_GetItemString(kaa_interp.builtins, "print");
    KaaObject *res = print ? KaaObject_CallOneArg(print, r) : NULL;
    Kaa_DECREF(r);
    int rc = res ? 0 : -1;
    Kaa_XDECREF(res);
    if (rc == 0) {
        rc = KaaDict_SetItemString(kaa_interp.builtins, "_", v);
    }
    return rc;
}

static int do_raise(KaaObject *exc, KaaObject *cause)
{
    KaaObject *value;
    if (exc == NULL) {
        // Bare `raise`: re-raise the exception being handled.
        if (kaa_ts.handled == NULL) {
            KaaErr_SetString(KaaExc(RuntimeError), "No active exception to reraise");
            return -1;
        }
        KaaErr_SetRaisedException(Kaa_NewRef(kaa_ts.handled));
        return -1;
    }
    if (KaaExceptionClass_Check(exc)) {
        value = KaaObject_CallNoArgs(exc);
        if (value == NULL) {
            return -1;
        }
        if (!KaaExceptionInstance_Check(value)) {
            KaaErr_Format(KaaExc(TypeError),
                          "calling %R should have returned an instance of BaseException, not %s",
                          exc, Kaa_TYPE(value)->tp_name);
            Kaa_DECREF(value);
            return -1;
        }
    } else if (KaaExceptionInstance_Check(exc)) {
        value = Kaa_NewRef(exc);
    } else {
        KaaErr_SetString(KaaExc(TypeError), "exceptions must derive from BaseException");
        return -1;
    }
    if (cause) {
        KaaObject *c;
        if (KaaExceptionClass_Check(cause)) {
            c = KaaObject_CallNoArgs(cause);
            if (c == NULL) {
                Kaa_DECREF(value);
                return -1;
            }
        } else if (KaaExceptionInstance_Check(cause)) {
            c = Kaa_NewRef(cause);
        } else if (cause == Kaa_None) {
            c = NULL;
        } else {
            Kaa_DECREF(value);
            KaaErr_SetString(KaaExc(TypeError),
                             "exception causes must derive from BaseException");
            return -1;
        }
        KaaBaseExceptionObject *be = (KaaBaseExceptionObject *)value;
        Kaa_SETREF(be->cause, c);
        be->suppress_context = 1;
    }
    KaaErr_SetObject((KaaObject *)Kaa_TYPE(value), value);
    Kaa_DECREF(value);
    return -1;
}

static KaaObject *call_ex(KaaObject *callable, KaaObject *args, KaaObject *kwargs)
{
    KaaObject *tuple = KaaTuple_CheckExact(args) ? Kaa_NewRef(args) : KaaSequence_Tuple(args);
    if (tuple == NULL) {
        return NULL;
    }
    Kaa_ssize_t nargs = KaaTuple_GET_SIZE(tuple);
    Kaa_ssize_t nkw = kwargs ? KaaDict_GET_SIZE(kwargs) : 0;
    KaaObject *res = NULL, *kwnames = NULL;
    KaaObject **argv = kaa_mem_alloc((size_t)(nargs + nkw + 1) * sizeof(KaaObject *));
    if (argv == NULL) {
        Kaa_DECREF(tuple);
        return KaaErr_NoMemory();
    }
    for (Kaa_ssize_t i = 0; i < nargs; i++) {
        argv[i] = KaaTuple_GET_ITEM(tuple, i);
    }
    if (nkw) {
        kwnames = KaaTuple_New(nkw);
        if (kwnames == NULL) {
            goto done;
        }
        Kaa_ssize_t pos = 0, i = 0;
        KaaObject *k, *v;
        while (KaaDict_Next(kwargs, &pos, &k, &v)) {
            if (!KaaStr_Check(k)) {
                KaaErr_SetString(KaaExc(TypeError), "keywords must be strings");
                goto done;
            }
            KaaTuple_SET_ITEM(kwnames, i, Kaa_NewRef(k));
            argv[nargs + i] = v;
            i++;
        }
    }
    res = KaaObject_Vectorcall(callable, argv, (size_t)nargs, kwnames);
done:
    Kaa_XDECREF(kwnames);
    kaa_mem_free(argv);
    Kaa_DECREF(tuple);
    return res;
}

// Merge mapping `src` into dict `dst` for f(**src): keys must be strings and
// must not repeat.
static int dict_merge_call(KaaObject *dst, KaaObject *src, KaaObject *callable)
{
    if (!KaaDict_Check(src)) {
        KaaObject *tmp = KaaDict_New();
        if (tmp == NULL) {
            return -1;
        }
        if (KaaDict_Update(tmp, src) < 0) {
            Kaa_DECREF(tmp);
            if (KaaErr_ExceptionMatches(KaaExc(AttributeError)) ||
                KaaErr_ExceptionMatches(KaaExc(TypeError))) {
                KaaErr_Clear();
                KaaErr_Format(KaaExc(TypeError), "argument after ** must be a mapping, not %s",
                              Kaa_TYPE(src)->tp_name);
            }
            return -1;
        }
        int r = dict_merge_call(dst, tmp, callable);
        Kaa_DECREF(tmp);
        return r;
    }
    Kaa_ssize_t pos = 0;
    KaaObject *k, *v;
    while (KaaDict_Next(src, &pos, &k, &v)) {
        if (!KaaStr_Check(k)) {
            KaaErr_SetString(KaaExc(TypeError), "keywords must be strings");
            return -1;
        }
        if (KaaDict_Contains(dst, k)) {
            KaaErr_Format(KaaExc(TypeError), "got multiple values for keyword argument '%U'", k);
            return -1;
        }
        if (KaaDict_SetItem(dst, k, v) < 0) {
            return -1;
        }
    }
    return 0;
}

// --- Attribute caches ----------------------------------------------------------------
// Per code object and name (KaaAttrCache): where instances of one class keep
// the attribute, or which method the class gives, while no class changes.

extern unsigned kaa_type_epoch;

// The cache entry for names[i], reset unless it is about type t now.
static KaaAttrCache *attr_cache_entry(KaaCodeObject *co, int i, KaaTypeObject *t)
{
    if (co->co_acache == NULL) {
        co->co_acache =
            kaa_mem_calloc((size_t)KaaTuple_GET_SIZE(co->co_names), sizeof(KaaAttrCache));
        if (co->co_acache == NULL) {
            return NULL; // no cache: every access takes the slow path
        }
    }
    KaaAttrCache *ac = &co->co_acache[i];
    if (ac->type != t || ac->epoch != kaa_type_epoch) {
        memset(ac, 0, sizeof *ac);
        ac->type = t;
        ac->epoch = kaa_type_epoch;
        ac->index = -1;
    }
    return ac;
}

// The index of name among o's inline values when o (an instance of a class
// with a managed dict, not yet materialized) holds value there and no data
// descriptor of the class takes precedence; else -1.
static int inline_value_index(KaaObject *o, KaaObject *name, KaaObject *value)
{
    KaaTypeObject *t = Kaa_TYPE(o);
    if (!(t->tp_flags & KAA_TPFLAGS_HEAPTYPE) || !(t->tp_flags & KAA_TPFLAGS_MANAGED_DICT) ||
        kaa_instance_dict_ptr(o) != NULL) {
        return -1;
    }
    int ix = kaa_instance_key_index(o, name);
    KaaInlineValues *vals = kaa_instance_values(o);
    if (ix < 0 || vals == NULL || ix >= vals->cap || vals->values[ix] != value) {
        return -1;
    }
    KaaObject *descr = kaa_type_lookup(t, name);
    return descr && Kaa_TYPE(descr)->tp_descr_set ? -1 : ix;
}

// After a slow LOAD_ATTR (load) or STORE_ATTR (!load) found or stored value.
static void fill_attr_cache(KaaCodeObject *co, int i, KaaObject *owner, KaaObject *name,
                            KaaObject *value, int load)
{
    KaaTypeObject *t = Kaa_TYPE(owner);
    if (load ? t->tp_getattro != KaaObject_GenericGetAttr
             : t->tp_setattro != KaaObject_GenericSetAttr) {
        return;
    }
    int ix = inline_value_index(owner, name, value);
    KaaAttrCache *ac = ix < 0 ? NULL : attr_cache_entry(co, i, t);
    if (ac) {
        ac->index = (int16_t)ix;
        if (load) {
            ac->load_ok = 1;
        } else {
            ac->store_ok = 1;
        }
    }
}

// The value at the cached index of o's inline values, or NULL (slow path).
static inline KaaObject *cached_inline_value(KaaAttrCache *ac, KaaObject *o)
{
    if (kaa_instance_dict_ptr(o) != NULL) {
        return NULL;
    }
    KaaInlineValues *vals = kaa_instance_values(o);
    return vals && ac->index < vals->cap ? vals->values[ac->index] : NULL;
}

// LOAD_METHOD's fast path: the class's method for obj when the cache holds
// it and the instance cannot shadow it (no instance dict at all, or inline
// values without that name).
static KaaObject *cached_method(KaaAttrCache *ac, KaaObject *obj)
{
    KaaTypeObject *t = Kaa_TYPE(obj);
    if (ac->method == NULL) {
        return NULL;
    }
    if (t->tp_dictoffset == 0) {
        return ac->method;
    }
    if (!(t->tp_flags & KAA_TPFLAGS_MANAGED_DICT) || kaa_instance_dict_ptr(obj) != NULL) {
        return NULL;
    }
    if (ac->index < 0) {
        KaaSharedKeys *keys = ((KaaHeapTypeObject *)t)->ht_cached_keys;
        return (keys ? keys->n : 0) == ac->nkeys ? ac->method : NULL;
    }
    KaaInlineValues *vals = kaa_instance_values(obj);
    return vals == NULL || ac->index >= vals->cap || vals->values[ac->index] == NULL ? ac->method
                                                                                     : NULL;
}

static void fill_method_cache(KaaCodeObject *co, int i, KaaObject *obj, KaaObject *name,
                              KaaObject *descr)
{
    KaaTypeObject *t = Kaa_TYPE(obj);
    int managed = (t->tp_flags & KAA_TPFLAGS_HEAPTYPE) && (t->tp_flags & KAA_TPFLAGS_MANAGED_DICT);
    if (t->tp_dictoffset != 0 && !managed) {
        return;
    }
    KaaAttrCache *ac = attr_cache_entry(co, i, t);
    if (ac == NULL) {
        return;
    }
    ac->method = descr;
    if (managed) {
        KaaSharedKeys *keys = ((KaaHeapTypeObject *)t)->ht_cached_keys;
        ac->index = (int16_t)kaa_instance_key_index(obj, name);
        ac->nkeys = (int16_t)(keys ? keys->n : 0);
    }
}

// LOAD_METHOD: avoid creating a bound method for obj.name(...) when name
// is a plain function or method descriptor on the type.
static int load_method(KaaObject *obj, KaaObject *name, KaaObject **meth)
{
    KaaTypeObject *t = Kaa_TYPE(obj);
    if (t->tp_getattro == KaaObject_GenericGetAttr) {
        KaaObject *descr = kaa_type_lookup(t, name);
        if (descr && (Kaa_TYPE(descr) == &KaaFunction_Type ||
                      Kaa_TYPE(descr) == &KaaMethodDescr_Type)) {
            // An instance attribute of that name shadows the method.
            KaaObject *shadow = NULL;
            if (t->tp_flags & KAA_TPFLAGS_MANAGED_DICT) {
                shadow = kaa_instance_lookup(obj, name);
            } else if (t->tp_dictoffset) {
                KaaObject *dict = *kaa_object_dict_ptr(obj);
                shadow = dict ? KaaDict_GetItemWithError(dict, name) : NULL;
            }
            if (shadow == NULL && !KaaErr_Occurred()) {
                *meth = Kaa_NewRef(descr);
                return 1;
            }
            if (KaaErr_Occurred()) {
                return -1;
            }
        }
    }
    *meth = KaaObject_GetAttr(obj, name);
    return *meth ? 0 : -1;
}

// The innermost handler covering code unit `lasti`, or NULL.
static KaaExcEntry *find_handler(KaaCodeObject *co, int lasti)
{
    for (int i = 0; i < co->co_nexc; i++) {
        KaaExcEntry *e = &co->co_exctable[i];
        if (e->start <= lasti && lasti < e->end) {
            return e;
        }
    }
    return NULL;
}

// Look a special method up on the type and bind it to obj (new reference or
// NULL without exception when missing).
static KaaObject *lookup_special(KaaObject *obj, const char *name)
{
    KaaObject *descr = kaa_type_lookup(Kaa_TYPE(obj), KaaStr_InternFromString(name));
    if (descr == NULL) {
        return NULL;
    }
    descrgetfunc get = Kaa_TYPE(descr)->tp_descr_get;
    if (get) {
        return get(descr, obj, (KaaObject *)Kaa_TYPE(obj));
    }
    return Kaa_NewRef(descr);
}

static int check_except_type(KaaObject *type)
{
    if (KaaTuple_Check(type)) {
        for (Kaa_ssize_t i = 0; i < KaaTuple_GET_SIZE(type); i++) {
            if (!KaaExceptionClass_Check(KaaTuple_GET_ITEM(type, i))) {
                goto bad;
            }
        }
        return 0;
    }
    if (KaaExceptionClass_Check(type)) {
        return 0;
    }
bad:
    KaaErr_SetString(KaaExc(TypeError),
                     "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

// The interrupt flag: set asynchronously (SIGINT), checked at backward
// jumps and calls, where it becomes a KeyboardInterrupt.
static int handle_pending(void)
{
    if (kaa_sigint_pending) {
        kaa_sigint_pending = 0;
        KaaErr_SetNone(KaaExc(KeyboardInterrupt));
        return -1;
    }
    return 0;
}

// --- The loop ---------------------------------------------------------------------------

#if defined(__GNUC__)
#define KAA_COMPUTED_GOTO 1
#endif

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(n)])
#define GETLOCAL(i) (f->localsplus[i])

#ifdef KAA_COMPUTED_GOTO
#define TARGET(op) TARGET_##op
#define DISPATCH()                                                                               \
    do {                                                                                         \
        word = *ip++;                                                                            \
        oparg = word >> 8;                                                                       \
        goto *dispatch_table[word & 0xFF];                                                       \
    } while (0)
#define DISPATCH_OPARG(op) goto *dispatch_table[op]
#else
#define TARGET(op) case OP_##op
#define DISPATCH() goto dispatch
#define DISPATCH_OPARG(op)                                                                       \
    do {                                                                                         \
        opcode = (op);                                                                           \
        goto dispatch_opcode;                                                                    \
    } while (0)
#endif

// Jump targets are absolute code-unit indexes.
#define JUMPTO(x) (ip = first_instr + (x))

static inline int small_int(KaaObject *o)
{
    return Kaa_TYPE(o) == &KaaInt_Type && ((KaaIntObject *)o)->big == NULL;
}

static KaaObject *run_frame(KaaFrame *f)
{
#ifdef KAA_COMPUTED_GOTO
    static void *dispatch_table[256] = {
#define OP(name, effect) [OP_##name] = &&TARGET_OP_##name,
#include "compile/opcodes.def"
#undef OP
    };
    static int table_filled;
    if (!table_filled) {
        for (int i = 0; i < 256; i++) {
            if (dispatch_table[i] == NULL) {
                dispatch_table[i] = &&unknown_opcode;
            }
        }
        table_filled = 1;
    }
#define TARGET_OP(op) TARGET_OP_##op
#undef TARGET
#define TARGET(op) TARGET_OP_##op
#endif
    KaaCodeObject *co;
    uint16_t *first_instr, *ip;
    KaaObject **sp, **stack_base, **consts, **names;
    unsigned word;
    int oparg;
#ifndef KAA_COMPUTED_GOTO
    int opcode;
#endif
    KaaObject *retval = NULL;

    f->previous = kaa_ts.frame;
    kaa_ts.frame = f;

resume_frame:
    co = f->code;
    first_instr = co->co_code;
    ip = f->instr;
    stack_base = f->localsplus + co->co_nlocalsplus;
    sp = stack_base + f->stacktop;
    consts = ((KaaTupleObject *)co->co_consts)->ob_item;
    names = ((KaaTupleObject *)co->co_names)->ob_item;
#define SAVE_STATE() (f->instr = ip, f->stacktop = (int)(sp - stack_base))

    if (f->throwflag) {
        // gen.throw() raises at the suspended yield; a callee that failed
        // raises at the caller's CALL.
        f->throwflag = 0;
        goto error;
    }
#ifdef KAA_COMPUTED_GOTO
    DISPATCH();
#else
dispatch:
    word = *ip++;
    oparg = word >> 8;
    opcode = word & 0xFF;
dispatch_opcode:
    switch (opcode) {
#endif

    TARGET(NOP) : DISPATCH();

    TARGET(EXTENDED_ARG) :
    {
        word = *ip++;
        oparg = (oparg << 8) | (word >> 8);
        DISPATCH_OPARG(word & 0xFF);
    }

    TARGET(POP_TOP) :
    {
        KaaObject *v = POP();
        Kaa_DECREF(v);
        DISPATCH();
    }

    TARGET(PUSH_NULL) :
    {
        PUSH(NULL);
        DISPATCH();
    }

    TARGET(COPY) :
    {
        KaaObject *v = PEEK(oparg);
        PUSH(Kaa_NewRef(v));
        DISPATCH();
    }

    TARGET(SWAP) :
    {
        KaaObject *tmp = TOP();
        TOP() = PEEK(oparg);
        PEEK(oparg) = tmp;
        DISPATCH();
    }

    TARGET(LOAD_CONST) :
    {
        PUSH(Kaa_NewRef(consts[oparg]));
        DISPATCH();
    }

    TARGET(LOAD_FAST) :
    {
        KaaObject *v = GETLOCAL(oparg);
        if (v == NULL) {
            unbound_local(co, oparg);
            goto error;
        }
        PUSH(Kaa_NewRef(v));
        DISPATCH();
    }

    TARGET(STORE_FAST) :
    {
        KaaObject *v = POP();
        KaaObject *old = GETLOCAL(oparg);
        GETLOCAL(oparg) = v;
        Kaa_XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_FAST) :
    {
        KaaObject *old = GETLOCAL(oparg);
        if (old == NULL) {
            unbound_local(co, oparg);
            goto error;
        }
        GETLOCAL(oparg) = NULL;
        Kaa_DECREF(old);
        DISPATCH();
    }

    TARGET(LOAD_NAME) :
    {
        KaaObject *v = load_name(f, names[oparg]);
        if (v == NULL) {
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) :
    {
        KaaObject *v = POP();
        int r;
        if (f->locals == NULL) {
            KaaErr_Format(KaaExc(SystemError), "no locals found when storing %R", names[oparg]);
            r = -1;
        } else if (KaaDict_CheckExact(f->locals)) {
            r = KaaDict_SetItem(f->locals, names[oparg], v);
        } else {
            r = KaaObject_SetItem(f->locals, names[oparg], v);
        }
        Kaa_DECREF(v);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(DELETE_NAME) :
    {
        KaaObject *name = names[oparg];
        int r = KaaDict_Contains(f->locals, name);
        if (r == 0) {
            name_error(name);
            goto error;
        }
        if (r < 0 || KaaObject_DelItem(f->locals, name) < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) :
    {
        KaaGlobalCache *gc = f->code->co_gcache ? &f->code->co_gcache[oparg] : NULL;
        if (gc && gc->value && gc->globals == f->globals && gc->builtins == f->builtins &&
            gc->gversion == ((KaaDictObject *)f->globals)->version &&
            gc->bversion == ((KaaDictObject *)f->builtins)->version) {
            PUSH(Kaa_NewRef(gc->value));
            DISPATCH();
        }
        KaaObject *v = load_global(f->globals, f->builtins, names[oparg]);
        if (v == NULL) {
            goto error;
        }
        fill_global_cache(f, oparg, v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) :
    {
        KaaObject *v = POP();
        int r = KaaDict_SetItem(f->globals, names[oparg], v);
        Kaa_DECREF(v);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) :
    {
        KaaObject *name = names[oparg];
        int r = KaaDict_Contains(f->globals, name);
        if (r == 0) {
            name_error(name);
            goto error;
        }
        if (r < 0 || KaaDict_DelItem(f->globals, name) < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_DEREF) :
    {
        KaaObject *v = ((KaaCellObject *)GETLOCAL(oparg))->ob_ref;
        if (v == NULL) {
            unbound_deref(co, oparg);
            goto error;
        }
        PUSH(Kaa_NewRef(v));
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF) :
    {
        KaaObject *name = KaaTuple_GET_ITEM(co->co_localsplusnames, oparg);
        KaaObject *v = f->locals ? KaaDict_GetItemWithError(f->locals, name) : NULL;
        if (v) {
            PUSH(Kaa_NewRef(v));
            DISPATCH();
        }
        if (KaaErr_Occurred()) {
            goto error;
        }
        v = ((KaaCellObject *)GETLOCAL(oparg))->ob_ref;
        if (v == NULL) {
            unbound_deref(co, oparg);
            goto error;
        }
        PUSH(Kaa_NewRef(v));
        DISPATCH();
    }

    TARGET(STORE_DEREF) :
    {
        KaaObject *v = POP();
        KaaCellObject *cell = (KaaCellObject *)GETLOCAL(oparg);
        KaaObject *old = cell->ob_ref;
        cell->ob_ref = v;
        Kaa_XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_DEREF) :
    {
        KaaCellObject *cell = (KaaCellObject *)GETLOCAL(oparg);
        if (cell->ob_ref == NULL) {
            unbound_deref(co, oparg);
            goto error;
        }
        Kaa_CLEAR(cell->ob_ref);
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) :
    {
        PUSH(Kaa_NewRef(GETLOCAL(oparg)));
        DISPATCH();
    }

    TARGET(LOAD_ATTR) :
    {
        KaaObject *owner = TOP();
        KaaAttrCache *ac = f->code->co_acache ? &f->code->co_acache[oparg] : NULL;
        KaaObject *v;
        if (ac && ac->load_ok && ac->type == Kaa_TYPE(owner) && ac->epoch == kaa_type_epoch &&
            (v = cached_inline_value(ac, owner)) != NULL) {
            TOP() = Kaa_NewRef(v);
            Kaa_DECREF(owner);
            DISPATCH();
        }
        v = KaaObject_GetAttr(owner, names[oparg]);
        if (v == NULL) {
            goto error;
        }
        fill_attr_cache(f->code, oparg, owner, names[oparg], v, 1);
        TOP() = v;
        Kaa_DECREF(owner);
        DISPATCH();
    }

    TARGET(STORE_ATTR) :
    {
        KaaObject *owner = POP();
        KaaObject *v = POP();
        KaaAttrCache *ac = f->code->co_acache ? &f->code->co_acache[oparg] : NULL;
        if (ac && ac->store_ok && ac->type == Kaa_TYPE(owner) && ac->epoch == kaa_type_epoch &&
            cached_inline_value(ac, owner) != NULL) {
            // Replace an existing inline value (its place in the order stays).
            KaaObject **slot = &kaa_instance_values(owner)->values[ac->index];
            KaaObject *old = *slot;
            *slot = v;
            Kaa_DECREF(old);
            Kaa_DECREF(owner);
            DISPATCH();
        }
        int r = KaaObject_SetAttr(owner, names[oparg], v);
        if (r == 0) {
            fill_attr_cache(f->code, oparg, owner, names[oparg], v, 0);
        }
        Kaa_DECREF(v);
        Kaa_DECREF(owner);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(DELETE_ATTR) :
    {
        KaaObject *owner = POP();
        int r = KaaObject_SetAttr(owner, names[oparg], NULL);
        Kaa_DECREF(owner);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_METHOD) :
    {
        KaaObject *obj = TOP();
        KaaObject *meth;
        KaaAttrCache *ac = f->code->co_acache ? &f->code->co_acache[oparg] : NULL;
        if (ac && ac->type == Kaa_TYPE(obj) && ac->epoch == kaa_type_epoch &&
            (meth = cached_method(ac, obj)) != NULL) {
            TOP() = Kaa_NewRef(meth);
            PUSH(obj);
            DISPATCH();
        }
        int r = load_method(obj, names[oparg], &meth);
        if (r < 0) {
            goto error;
        }
        if (r == 1) {
            fill_method_cache(f->code, oparg, obj, names[oparg], meth);
        }
        if (r == 1) {
            TOP() = meth;
            PUSH(obj); // self: the reference moves from the slot below
        } else {
            TOP() = meth;
            Kaa_DECREF(obj);
            PUSH(NULL);
        }
        DISPATCH();
    }

    TARGET(BINARY_OP) :
    {
        KaaObject *right = POP();
        KaaObject *left = TOP();
        KaaObject *res;
        int base = oparg & ~KAA_NB_INPLACE;
        if ((base == AST_ADD || base == AST_SUB) && small_int(left) && small_int(right)) {
            int64_t a = ((KaaIntObject *)left)->value, b = ((KaaIntObject *)right)->value, c;
            if (!(base == AST_ADD ? __builtin_add_overflow(a, b, &c)
                                  : __builtin_sub_overflow(a, b, &c))) {
                res = KaaInt_FromInt64(c);
                goto binary_done;
            }
        }
        if (base == AST_MULT && small_int(left) && small_int(right)) {
            int64_t a = ((KaaIntObject *)left)->value, b = ((KaaIntObject *)right)->value, c;
            if (!__builtin_mul_overflow(a, b, &c)) {
                res = KaaInt_FromInt64(c);
                goto binary_done;
            }
        }
        if (KaaFloat_CheckExact(left) && KaaFloat_CheckExact(right)) {
            // Exact floats: the arithmetic of float's own slots, without dispatch.
            double a = KaaFloat_AS_DOUBLE(left), b = KaaFloat_AS_DOUBLE(right);
            switch (base) {
            case AST_ADD:
                res = KaaFloat_FromDouble(a + b);
                goto binary_done;
            case AST_SUB:
                res = KaaFloat_FromDouble(a - b);
                goto binary_done;
            case AST_MULT:
                res = KaaFloat_FromDouble(a * b);
                goto binary_done;
            case AST_DIV:
                if (b != 0.0) {
                    res = KaaFloat_FromDouble(a / b);
                    goto binary_done;
                }
                break;
            default:
                break;
            }
        }
        if (base == AST_ADD && KaaStr_CheckExact(left) && KaaStr_CheckExact(right)) {
            res = KaaStr_Concat(left, right);
            goto binary_done;
        }
        res = KaaNumber_BinaryOp(left, right, oparg);
    binary_done:
        Kaa_DECREF(right);
        if (res == NULL) {
            goto error;
        }
        TOP() = res;
        Kaa_DECREF(left);
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) :
    {
        KaaObject *v = TOP();
        KaaObject *res = KaaNumber_Negative(v);
        if (res == NULL) {
            goto error;
        }
        TOP() = res;
        Kaa_DECREF(v);
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) :
    {
        KaaObject *v = TOP();
        KaaObject *res = KaaNumber_Positive(v);
        if (res == NULL) {
            goto error;
        }
        TOP() = res;
        Kaa_DECREF(v);
        DISPATCH();
    }

    TARGET(UNARY_INVERT) :
    {
        KaaObject *v = TOP();
        KaaObject *res = KaaNumber_Invert(v);
        if (res == NULL) {
            goto error;
        }
        TOP() = res;
        Kaa_DECREF(v);
        DISPATCH();
    }

    TARGET(UNARY_NOT) :
    {
        KaaObject *v = TOP();
        int t = KaaObject_IsTrue(v);
        if (t < 0) {
            goto error;
        }
        TOP() = KaaBool_FromLong(!t);
        Kaa_DECREF(v);
        DISPATCH();
    }

    TARGET(COMPARE_OP) :
    {
        KaaObject *right = POP();
        KaaObject *left = TOP();
        KaaObject *res;
        if (small_int(left) && small_int(right)) {
            int64_t a = ((KaaIntObject *)left)->value, b = ((KaaIntObject *)right)->value;
            int t;
            switch (oparg) {
            case Kaa_EQ:
                t = a == b;
                break;
            case Kaa_NE:
                t = a != b;
                break;
            case Kaa_LT:
                t = a < b;
                break;
            case Kaa_LE:
                t = a <= b;
                break;
            case Kaa_GT:
                t = a > b;
                break;
            default:
                t = a >= b;
                break;
            }
            res = KaaBool_FromLong(t);
        } else {
            res = KaaObject_RichCompare(left, right, oparg);
        }
        Kaa_DECREF(right);
        if (res == NULL) {
            goto error;
        }
        TOP() = res;
        Kaa_DECREF(left);
        DISPATCH();
    }

    TARGET(IS_OP) :
    {
        KaaObject *right = POP();
        KaaObject *left = TOP();
        int t = (left == right) ^ oparg;
        TOP() = KaaBool_FromLong(t);
        Kaa_DECREF(left);
        Kaa_DECREF(right);
        DISPATCH();
    }

    TARGET(CONTAINS_OP) :
    {
        KaaObject *right = POP();
        KaaObject *left = TOP();
        int t = KaaSequence_Contains(right, left);
        Kaa_DECREF(right);
        if (t < 0) {
            goto error;
        }
        TOP() = KaaBool_FromLong(t ^ oparg);
        Kaa_DECREF(left);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) :
    {
        KaaObject *key = POP();
        KaaObject *container = TOP();
        KaaObject *res;
        if (KaaList_CheckExact(container) && small_int(key)) {
            int64_t i = ((KaaIntObject *)key)->value;
            if (i < 0) {
                i += Kaa_SIZE(container);
            }
            if (i >= 0 && i < Kaa_SIZE(container)) {
                res = Kaa_NewRef(KaaList_GET_ITEM(container, i));
                goto subscr_done;
            }
        }
        res = KaaObject_GetItem(container, key);
    subscr_done:
        Kaa_DECREF(key);
        if (res == NULL) {
            goto error;
        }
        TOP() = res;
        Kaa_DECREF(container);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) :
    {
        KaaObject *key = POP();
        KaaObject *container = POP();
        KaaObject *v = POP();
        int r = KaaObject_SetItem(container, key, v);
        Kaa_DECREF(v);
        Kaa_DECREF(container);
        Kaa_DECREF(key);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) :
    {
        KaaObject *key = POP();
        KaaObject *container = POP();
        int r = KaaObject_DelItem(container, key);
        Kaa_DECREF(container);
        Kaa_DECREF(key);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(BUILD_SLICE) :
    {
        KaaObject *step = oparg == 3 ? POP() : NULL;
        KaaObject *stop = POP();
        KaaObject *start = TOP();
        KaaObject *s = KaaSlice_New(start, stop, step);
        Kaa_XDECREF(step);
        Kaa_DECREF(stop);
        if (s == NULL) {
            goto error;
        }
        TOP() = s;
        Kaa_DECREF(start);
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) :
    {
        KaaObject *t = KaaTuple_New(oparg);
        if (t == NULL) {
            goto error;
        }
        for (int i = oparg; i > 0; i--) {
            KaaTuple_SET_ITEM(t, i - 1, POP());
        }
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST) :
    {
        KaaObject *l = KaaList_New(oparg);
        if (l == NULL) {
            goto error;
        }
        for (int i = oparg; i > 0; i--) {
            KaaList_SET_ITEM(l, i - 1, POP());
        }
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET) :
    {
        KaaObject *set = KaaSet_New(NULL);
        int r = set ? 0 : -1;
        for (int i = oparg; i > 0 && r == 0; i--) {
            r = KaaSet_Add(set, PEEK(i));
        }
        for (int i = 0; i < oparg; i++) {
            KaaObject *v = POP();
            Kaa_DECREF(v);
        }
        if (r < 0) {
            Kaa_XDECREF(set);
            goto error;
        }
        PUSH(set);
        DISPATCH();
    }

    TARGET(SET_ADD) :
    {
        KaaObject *v = POP();
        int r = KaaSet_Add(PEEK(oparg), v);
        Kaa_DECREF(v);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(SET_UPDATE) :
    {
        KaaObject *iterable = POP();
        int r = KaaSet_Update(PEEK(oparg), iterable);
        Kaa_DECREF(iterable);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(BUILD_MAP) :
    {
        KaaObject *d = KaaDict_New();
        if (d == NULL) {
            goto error;
        }
        for (int i = oparg; i > 0; i--) {
            if (KaaDict_SetItem(d, PEEK(2 * i), PEEK(2 * i - 1)) < 0) {
                Kaa_DECREF(d);
                goto error;
            }
        }
        for (int i = 0; i < 2 * oparg; i++) {
            KaaObject *v = POP();
            Kaa_DECREF(v);
        }
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) :
    {
        KaaObject *keys = POP();
        KaaObject *d = KaaDict_New();
        if (d == NULL) {
            Kaa_DECREF(keys);
            goto error;
        }
        for (int i = 0; i < oparg; i++) {
            if (KaaDict_SetItem(d, KaaTuple_GET_ITEM(keys, i), PEEK(oparg - i)) < 0) {
                Kaa_DECREF(d);
                Kaa_DECREF(keys);
                goto error;
            }
        }
        Kaa_DECREF(keys);
        for (int i = 0; i < oparg; i++) {
            KaaObject *v = POP();
            Kaa_DECREF(v);
        }
        PUSH(d);
        DISPATCH();
    }

    TARGET(LIST_APPEND) :
    {
        KaaObject *v = POP();
        int r = KaaList_Append(PEEK(oparg), v);
        Kaa_DECREF(v);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(LIST_EXTEND) :
    {
        KaaObject *iterable = POP();
        KaaObject *list = PEEK(oparg);
        int r = KaaList_Extend(list, iterable);
        if (r < 0 && KaaErr_ExceptionMatches(KaaExc(TypeError)) &&
            !kaa_type_is_iterable(Kaa_TYPE(iterable))) {
            KaaErr_Clear();
            KaaErr_Format(KaaExc(TypeError), "Value after * must be an iterable, not %s",
                          Kaa_TYPE(iterable)->tp_name);
        }
        Kaa_DECREF(iterable);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) :
    {
        KaaObject *list = TOP();
        KaaObject *t = KaaList_AsTuple(list);
        if (t == NULL) {
            goto error;
        }
        TOP() = t;
        Kaa_DECREF(list);
        DISPATCH();
    }

    TARGET(MAP_ADD) :
    {
        KaaObject *value = POP();
        KaaObject *key = POP();
        int r = KaaDict_SetItem(PEEK(oparg), key, value);
        Kaa_DECREF(key);
        Kaa_DECREF(value);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(DICT_UPDATE) :
    {
        KaaObject *update = POP();
        int r = KaaDict_Update(PEEK(oparg), update);
        if (r < 0 && KaaErr_ExceptionMatches(KaaExc(AttributeError))) {
            KaaErr_Clear();
            KaaErr_Format(KaaExc(TypeError), "'%s' object is not a mapping",
                          Kaa_TYPE(update)->tp_name);
        }
        Kaa_DECREF(update);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(DICT_MERGE) :
    {
        KaaObject *update = POP();
        int r = dict_merge_call(PEEK(oparg), update, PEEK(oparg + 3));
        Kaa_DECREF(update);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) :
    {
        KaaObject *seq = POP();
        if (unpack_iterable(seq, oparg, -1, sp) < 0) {
            Kaa_DECREF(seq);
            goto error;
        }
        sp += oparg;
        Kaa_DECREF(seq);
        DISPATCH();
    }

    TARGET(UNPACK_EX) :
    {
        int before = oparg & 0xFF, after = oparg >> 8;
        KaaObject *seq = POP();
        if (unpack_iterable(seq, before, after, sp) < 0) {
            Kaa_DECREF(seq);
            goto error;
        }
        sp += before + after + 1;
        Kaa_DECREF(seq);
        DISPATCH();
    }

    TARGET(JUMP) :
    {
        // Check for Ctrl-C before jumping, so the traceback names this line.
        if (kaa_sigint_pending && handle_pending() < 0) {
            goto error;
        }
        JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) :
    {
        KaaObject *v = POP();
        if (v == Kaa_False) {
            Kaa_DECREF(v);
            JUMPTO(oparg);
            DISPATCH();
        }
        if (v == Kaa_True) {
            Kaa_DECREF(v);
            DISPATCH();
        }
        int t = KaaObject_IsTrue(v);
        Kaa_DECREF(v);
        if (t < 0) {
            goto error;
        }
        if (!t) {
            JUMPTO(oparg);
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) :
    {
        KaaObject *v = POP();
        int t = v == Kaa_True ? 1 : v == Kaa_False ? 0 : KaaObject_IsTrue(v);
        Kaa_DECREF(v);
        if (t < 0) {
            goto error;
        }
        if (t) {
            JUMPTO(oparg);
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NONE) :
    {
        KaaObject *v = POP();
        if (v == Kaa_None) {
            JUMPTO(oparg);
        }
        Kaa_DECREF(v);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NOT_NONE) :
    {
        KaaObject *v = POP();
        if (v != Kaa_None) {
            JUMPTO(oparg);
        }
        Kaa_DECREF(v);
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) :
    {
        KaaObject *v = TOP();
        int t = v == Kaa_True ? 1 : v == Kaa_False ? 0 : KaaObject_IsTrue(v);
        if (t < 0) {
            goto error;
        }
        if (!t) {
            JUMPTO(oparg);
        } else {
            sp--;
            Kaa_DECREF(v);
        }
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) :
    {
        KaaObject *v = TOP();
        int t = v == Kaa_True ? 1 : v == Kaa_False ? 0 : KaaObject_IsTrue(v);
        if (t < 0) {
            goto error;
        }
        if (t) {
            JUMPTO(oparg);
        } else {
            sp--;
            Kaa_DECREF(v);
        }
        DISPATCH();
    }

    TARGET(GET_ITER) :
    {
        KaaObject *iterable = TOP();
        KaaObject *it = KaaObject_GetIter(iterable);
        if (it == NULL) {
            goto error;
        }
        TOP() = it;
        Kaa_DECREF(iterable);
        DISPATCH();
    }

    TARGET(FOR_ITER) :
    {
        KaaObject *it = TOP();
        KaaObject *next = Kaa_TYPE(it)->tp_iternext(it);
        if (next) {
            PUSH(next);
            DISPATCH();
        }
        if (KaaErr_Occurred()) {
            if (!KaaErr_ExceptionMatches(KaaExc(StopIteration))) {
                goto error;
            }
            KaaErr_Clear();
        }
        sp--;
        Kaa_DECREF(it);
        JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(CALL) :
    TARGET(CALL_KW) :
    {
        KaaObject *kwnames = NULL;
        if ((ip[-1] & 0xFF) == OP_CALL_KW) {
            kwnames = POP();
            oparg -= (int)KaaTuple_GET_SIZE(kwnames); // CALL_KW's arg counts the keywords too
        }
        int nkw = kwnames ? (int)KaaTuple_GET_SIZE(kwnames) : 0;
        int total = oparg + nkw;
        KaaObject **base = sp - total - 2;
        KaaObject *callable = base[0];
        int has_self = base[1] != NULL;
        KaaObject **args = has_self ? base + 1 : base + 2;
        size_t nargs = (size_t)oparg + (size_t)has_self;
        if (kaa_sigint_pending && handle_pending() < 0) {
            Kaa_XDECREF(kwnames);
            goto error;
        }
        if (Kaa_TYPE(callable) == &KaaFunction_Type &&
            !(((KaaCodeObject *)((KaaFunctionObject *)callable)->func_code)->co_flags &
              KAA_CO_GENERATOR)) {
            // Python to Python: push the callee's frame and keep looping.
            KaaFrame *nf = push_function_frame((KaaFunctionObject *)callable, args, nargs, kwnames);
            Kaa_XDECREF(kwnames);
            for (KaaObject **p = base; p < sp; p++) {
                Kaa_XDECREF(*p);
            }
            sp = base;
            if (nf == NULL) {
                goto error;
            }
            SAVE_STATE();
            nf->previous = f;
            kaa_ts.frame = nf;
            f = nf;
            goto resume_frame;
        }
        SAVE_STATE();
        KaaObject *res = KaaObject_Vectorcall(callable, args, nargs, kwnames);
        Kaa_XDECREF(kwnames);
        for (KaaObject **p = base; p < sp; p++) {
            Kaa_XDECREF(*p);
        }
        sp = base;
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }

    TARGET(CALL_EX) :
    {
        KaaObject *kwargs = (oparg & 1) ? POP() : NULL;
        KaaObject *callargs = POP();
        KaaObject *null = POP();
        KaaObject *callable = TOP();
        (void)null;
        SAVE_STATE();
        KaaObject *res = call_ex(callable, callargs, kwargs);
        Kaa_XDECREF(kwargs);
        Kaa_DECREF(callargs);
        if (res == NULL) {
            goto error;
        }
        TOP() = res;
        Kaa_DECREF(callable);
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) :
    {
        KaaObject *code = POP();
        int nextra = ((oparg & 1) != 0) + ((oparg & 2) != 0) + ((oparg & 4) != 0) +
                     ((oparg & 8) != 0);
        KaaObject *func = make_function(code, oparg, sp, f->globals);
        Kaa_DECREF(code);
        if (func == NULL) {
            goto error;
        }
        sp -= nextra; // make_function took the operands' references
        PUSH(func);
        DISPATCH();
    }

    TARGET(RETURN_VALUE) :
    {
        retval = POP();
        SAVE_STATE();
        goto exit_frame;
    }

    TARGET(PRINT_EXPR) :
    {
        KaaObject *v = POP();
        int r = print_expr(v);
        Kaa_DECREF(v);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(RAISE_VARARGS) :
    {
        KaaObject *cause = oparg == 2 ? POP() : NULL;
        KaaObject *exc = oparg >= 1 ? POP() : NULL;
        do_raise(exc, cause);
        Kaa_XDECREF(exc);
        Kaa_XDECREF(cause);
        goto error;
    }

    TARGET(PUSH_EXC_INFO) :
    {
        KaaObject *exc = TOP();
        KaaObject *prev = kaa_ts.handled;
        TOP() = prev ? prev : kaa_none_ref();
        kaa_ts.handled = Kaa_NewRef(exc);
        PUSH(exc);
        DISPATCH();
    }

    TARGET(POP_EXCEPT) :
    {
        KaaObject *prev = POP();
        KaaObject *old = kaa_ts.handled;
        if (prev == Kaa_None) {
            Kaa_DECREF(prev);
            prev = NULL;
        }
        kaa_ts.handled = prev;
        Kaa_XDECREF(old);
        DISPATCH();
    }

    TARGET(CHECK_EXC_MATCH) :
    {
        KaaObject *type = POP();
        if (check_except_type(type) < 0) {
            Kaa_DECREF(type);
            goto error;
        }
        int match = KaaErr_GivenExceptionMatches(TOP(), type);
        Kaa_DECREF(type);
        PUSH(KaaBool_FromLong(match));
        DISPATCH();
    }

    TARGET(RERAISE) :
    {
        KaaObject *exc = POP();
        KaaErr_SetRaisedException(exc);
        goto exception_unwind;
    }

    TARGET(BEFORE_WITH) :
    {
        KaaObject *mgr = TOP();
        KaaObject *enter = lookup_special(mgr, "__enter__");
        KaaObject *exit = enter ? lookup_special(mgr, "__exit__") : NULL;
        if (exit == NULL) {
            Kaa_XDECREF(enter);
            if (!KaaErr_Occurred()) {
                KaaErr_Format(KaaExc(TypeError),
                              "'%s' object does not support the context manager protocol%s",
                              Kaa_TYPE(mgr)->tp_name, enter ? " (missed __exit__ method)" : "");
            }
            goto error;
        }
        SAVE_STATE();
        KaaObject *res = KaaObject_CallNoArgs(enter);
        Kaa_DECREF(enter);
        if (res == NULL) {
            Kaa_DECREF(exit);
            goto error;
        }
        TOP() = exit;
        Kaa_DECREF(mgr);
        PUSH(res);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) :
    {
        KaaObject *exit = PEEK(4);
        KaaObject *exc = TOP();
        KaaObject *tb = ((KaaBaseExceptionObject *)exc)->traceback;
        KaaObject *args[3] = {(KaaObject *)Kaa_TYPE(exc), exc, tb ? tb : Kaa_None};
        SAVE_STATE();
        KaaObject *res = KaaObject_Vectorcall(exit, args, 3, NULL);
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) :
    {
        KaaObject *spec = (oparg & 4) ? POP() : NULL;
        KaaObject *value = TOP();
        KaaObject *conv = value;
        switch (oparg & 3) {
        case 1:
            conv = KaaObject_Str(value);
            break;
        case 2:
            conv = KaaObject_Repr(value);
            break;
        case 3:
            conv = KaaObject_ASCII(value);
            break;
        default:
            Kaa_INCREF(conv);
            break;
        }
        if (conv == NULL) {
            Kaa_XDECREF(spec);
            goto error;
        }
        KaaObject *res;
        if (spec == NULL && KaaStr_CheckExact(conv)) {
            res = conv;
        } else {
            res = KaaObject_Format(conv, spec);
            Kaa_DECREF(conv);
        }
        Kaa_XDECREF(spec);
        if (res == NULL) {
            goto error;
        }
        TOP() = res;
        Kaa_DECREF(value);
        DISPATCH();
    }

    TARGET(BUILD_STRING) :
    {
        Kaa_ssize_t total = 0;
        for (int i = oparg; i > 0; i--) {
            total += KaaStr_NBYTES(PEEK(i));
        }
        KaaObject *s = kaa_str_alloc(total);
        if (s == NULL) {
            goto error;
        }
        char *p = KaaStr_DATA(s);
        for (int i = oparg; i > 0; i--) {
            KaaObject *part = PEEK(i);
            memcpy(p, KaaStr_DATA(part), (size_t)KaaStr_NBYTES(part));
            p += KaaStr_NBYTES(part);
        }
        kaa_str_finish(s);
        for (int i = 0; i < oparg; i++) {
            KaaObject *v = POP();
            Kaa_DECREF(v);
        }
        PUSH(s);
        DISPATCH();
    }

    TARGET(YIELD_VALUE) :
    {
        retval = POP();
        f->yielded = 1;
        f->yield_from = (char)oparg;
        SAVE_STATE();
        kaa_ts.recursion_depth--;
        kaa_ts.frame = f->previous;
        return retval;
    }

    TARGET(GET_YIELD_FROM_ITER) :
    {
        KaaObject *iterable = TOP();
        if (!kaa_gen_check(iterable)) {
            KaaObject *it = KaaObject_GetIter(iterable);
            if (it == NULL) {
                goto error;
            }
            TOP() = it;
            Kaa_DECREF(iterable);
        }
        DISPATCH();
    }

    TARGET(SEND) :
    {
        KaaObject *v = POP();
        KaaObject *recv = TOP();
        KaaObject *r;
        SAVE_STATE();
        if (kaa_gen_check(recv)) {
            r = kaa_gen_send_ex(recv, v, 0, 1);
        } else if (v == Kaa_None) {
            r = Kaa_TYPE(recv)->tp_iternext(recv);
        } else {
            r = KaaObject_CallMethod(recv, "send", &v, 1);
        }
        Kaa_DECREF(v);
        if (r) {
            PUSH(r);
            DISPATCH();
        }
        // The sub-iterator finished: its return value is the result.
        KaaObject *value;
        if (KaaErr_Occurred()) {
            if (!KaaErr_ExceptionMatches(KaaExc(StopIteration))) {
                goto error;
            }
            KaaObject *exc = KaaErr_GetRaisedException();
            value = ((KaaStopIterationObject *)exc)->value;
            value = value ? Kaa_NewRef(value) : kaa_none_ref();
            Kaa_DECREF(exc);
        } else {
            value = kaa_none_ref();
        }
        Kaa_DECREF(recv);
        TOP() = value;
        JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) :
    {
        // A module or class body with annotations gets an __annotations__ dict.
        KaaObject *key = KaaStr_InternFromString("__annotations__");
        if (f->locals == NULL) {
            KaaErr_SetString(KaaExc(SystemError), "no locals found when setting up annotations");
            goto error;
        }
        int has;
        if (KaaDict_CheckExact(f->locals)) {
            has = KaaDict_Contains(f->locals, key);
            if (has < 0) {
                goto error;
            }
        } else {
            KaaObject *v = KaaObject_GetItem(f->locals, key);
            has = v != NULL;
            Kaa_XDECREF(v);
            if (v == NULL) {
                if (!KaaErr_ExceptionMatches(KaaExc(KeyError))) {
                    goto error;
                }
                KaaErr_Clear();
            }
        }
        if (!has) {
            KaaObject *d = KaaDict_New();
            int r = d ? KaaObject_SetItem(f->locals, key, d) : -1;
            Kaa_XDECREF(d);
            if (r < 0) {
                goto error;
            }
        }
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) :
    {
        KaaObject *bc = KaaDict_GetItemString(f->builtins, "__build_class__");
        if (bc == NULL) {
            KaaErr_SetString(KaaExc(NameError), "__build_class__ not found");
            goto error;
        }
        PUSH(Kaa_NewRef(bc));
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR) :
    {
        PUSH(Kaa_NewRef(KaaExc(AssertionError)));
        DISPATCH();
    }

    TARGET(IMPORT_NAME) :
    {
        KaaObject *fromlist = POP();
        KaaObject *level = TOP();
        SAVE_STATE();
        KaaObject *m;
        KaaObject *imp = KaaDict_GetItemString(f->builtins, "__import__");
        if (imp && !(Kaa_TYPE(imp) == &KaaCFunction_Type &&
                     ((KaaCFunctionObject *)imp)->m_ml->ml_meth == (void *)kaa_builtin___import__)) {
            // A program's own __import__(name, globals, locals, fromlist, level).
            KaaObject *iargs[5] = {names[oparg], f->globals, f->locals ? f->locals : Kaa_None,
                                   fromlist, level};
            m = KaaObject_Vectorcall(imp, iargs, 5, NULL);
        } else if (imp == NULL) {
            KaaErr_SetString(KaaExc(ImportError), "__import__ not found");
            m = NULL;
        } else {
            m = kaa_import_name(names[oparg], fromlist, (int)KaaInt_AsInt64(level), f->globals);
        }
        Kaa_DECREF(fromlist);
        if (m == NULL) {
            goto error;
        }
        TOP() = m;
        Kaa_DECREF(level);
        DISPATCH();
    }

    TARGET(IMPORT_FROM) :
    {
        KaaObject *v = kaa_import_from(TOP(), names[oparg]);
        if (v == NULL) {
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(IMPORT_STAR) :
    {
        KaaObject *m = POP();
        int r = f->locals ? kaa_import_star(m, f->locals) : -1;
        if (f->locals == NULL) {
            KaaErr_SetString(KaaExc(SyntaxError), "import * only allowed at module level");
        }
        Kaa_DECREF(m);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

#ifndef KAA_COMPUTED_GOTO
    default:
        goto unknown_opcode;
    }
#endif

unknown_opcode:
    KaaErr_Format(KaaExc(SystemError), "unknown opcode %d", (int)(word & 0xFF));
    goto error;

error:
    // Record where the exception passed, then look for a handler.
    SAVE_STATE();
    if (kaa_ts.curexc == NULL) {
        // A C function failed without saying why: a bug, reported as CPython does.
        KaaErr_Format(KaaExc(SystemError), "%s returned NULL without setting an exception",
                      kaa_opcode_names[word & 0xFF]);
    }
    kaa_traceback_add(co, (int)(ip - first_instr) - 1);
exception_unwind:
    {
        int lasti = (int)(ip - first_instr) - 1;
        KaaExcEntry *h = find_handler(co, lasti);
        if (h) {
            while (sp > stack_base + h->depth) {
                KaaObject *v = POP();
                Kaa_XDECREF(v);
            }
            if (h->lasti) {
                KaaObject *li = KaaInt_FromInt64(lasti);
                if (li == NULL) {
                    KaaErr_Clear(); // keep the original exception: out of memory here is fatal-ish
                    li = kaa_none_ref();
                }
                PUSH(li);
            }
            KaaObject *exc = KaaErr_GetRaisedException();
            PUSH(exc);
            JUMPTO(h->target);
            DISPATCH();
        }
    }
    retval = NULL;
    while (sp > stack_base) {
        KaaObject *v = POP();
        Kaa_XDECREF(v);
    }
    f->stacktop = 0;

exit_frame:
    kaa_ts.recursion_depth--;
    kaa_ts.frame = f->previous;
    if (f->owned_by_gen) {
        // A generator finished (returned or raised): drop its locals; the
        // frame memory belongs to the generator object.
        kaa_frame_clear_locals(f);
        return retval;
    }
    {
        int entry = f->is_entry;
        KaaFrame *caller = f->previous;
        kaa_frame_clear_locals(f);
        kaa_frame_pop(f);
        if (entry) {
            return retval;
        }
        // Back in the caller: its result goes on its stack, or its CALL
        // raises (throwflag makes resume_frame go to `error`).
        f = caller;
        if (retval == NULL) {
            f->throwflag = 1;
        } else {
            f->localsplus[f->code->co_nlocalsplus + f->stacktop++] = retval;
        }
        goto resume_frame;
    }
}
