/* The interactive loop: read an entry line by line until the parser says it
 * is complete (repl_feed), compile it in single-statement mode (expression
 * values are echoed and bound to `_`), run it in __main__, print any
 * traceback and prompt again with all state kept.
 *
 * Two readers, chosen once, as CPython's PyOS_Readline chooses: GNU readline
 * when stdin and stdout are terminals (history, completion, ~/.inputrc under
 * the name "kaa"), else a plain reader that writes the prompt to stderr and
 * reads stdin itself. readline runs through its callback interface, so a
 * Ctrl-C at the prompt interrupts the wait (pselect returns EINTR) and the
 * REPL reports KeyboardInterrupt without any longjmp.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#ifdef KAA_USE_READLINE
#include <readline/history.h>
#include <readline/readline.h>
#endif

#include "app/complete.h"
#include "app/repl.h"
#include "app/run.h"
#include "app/signals.h"
#include "kaa.h"
#include "mem/mem.h"
#include "util/strbuf.h"

typedef enum { READ_LINE, READ_EOF, READ_INTERRUPT } ReadStatus;

// The line just read, without its newline.
static KaaStrBuf line;
// It was the last line of the input and had no newline.
static int line_partial;

static void line_clear(void)
{
    line.len = 0;
    if (line.data) {
        line.data[0] = '\0';
    }
}

// Wait until fd is readable or Ctrl-C was pressed. SIGINT is blocked except
// inside pselect, so a Ctrl-C between the check of the flag and the wait
// cannot be lost. READ_LINE means "readable" (or an error the read reports).
static ReadStatus wait_for_input(int fd)
{
    sigset_t block, orig;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigprocmask(SIG_BLOCK, &block, &orig);
    ReadStatus st = READ_LINE;
    for (;;) {
        if (kaa_sigint_pending) {
            st = READ_INTERRUPT;
            break;
        }
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(fd, &fds);
        if (pselect(fd + 1, &fds, NULL, NULL, NULL, &orig) >= 0 || errno != EINTR) {
            break;
        }
    }
    sigprocmask(SIG_SETMASK, &orig, NULL);
    return st;
}

// --- The plain reader -------------------------------------------------------

static struct {
    char buf[4096];
    size_t pos, len;
    int eof;
} plain;

static ReadStatus plain_read(const char *prompt)
{
    fflush(stdout);
    fputs(prompt, stderr);
    fflush(stderr);
    line_clear();
    for (;;) {
        if (plain.pos < plain.len) {
            char *start = plain.buf + plain.pos;
            char *nl = memchr(start, '\n', plain.len - plain.pos);
            size_t n = nl ? (size_t)(nl - start) : plain.len - plain.pos;
            kaa_strbuf_add(&line, start, n);
            plain.pos += n + (nl != NULL);
            if (nl) {
                return READ_LINE;
            }
            continue;
        }
        if (plain.eof) {
            // A last line without a newline still counts, as with fgets.
            line_partial = line.len > 0;
            return line.len ? READ_LINE : READ_EOF;
        }
        if (wait_for_input(0) == READ_INTERRUPT) {
            return READ_INTERRUPT;
        }
        ssize_t n = read(0, plain.buf, sizeof plain.buf);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            plain.eof = 1;
            continue;
        }
        plain.pos = 0;
        plain.len = (size_t)n;
    }
}

// --- The readline reader ----------------------------------------------------

#ifdef KAA_USE_READLINE
static char histfile[PATH_MAX];
static int got_line;
static char *got_text;

static void on_line(char *text)
{
    got_text = text;
    got_line = 1;
    rl_callback_handler_remove();
}

// Hand out the precomputed completions one by one; readline takes each
// string and frees it.
static char **completions;
static size_t completion_next;

static void completions_drop(void)
{
    if (completions) {
        for (size_t i = completion_next; completions[i]; i++) {
            kaa_mem_foreign_free(completions[i]);
        }
        kaa_mem_foreign_free(completions);
        completions = NULL;
    }
}

static char *completion_generator(const char *text, int state)
{
    if (state == 0) {
        completions_drop();
        completions = kaa_complete(text);
        completion_next = 0;
    }
    if (completions == NULL) {
        return NULL;
    }
    char *s = completions[completion_next];
    if (s == NULL) {
        completions_drop();
        return NULL;
    }
    completion_next++;
    return s;
}

static char **attempt_completion(const char *text, int start, int end)
{
    rl_attempted_completion_over = 1; // never fall back to file names
    rl_completion_append_character = '\0';
    // On a blank word Tab indents, as rlcompleter makes it.
    const char *p = text;
    while (*p == ' ' || *p == '\t') {
        p++;
    }
    if (*p == '\0') {
        rl_insert_text("\t");
        return NULL;
    }
    return rl_completion_matches(text, completion_generator);
}

static void history_start(void)
{
    const char *env = getenv("KAA_HISTFILE");
    const char *home = getenv("HOME");
    if (env && *env) {
        snprintf(histfile, sizeof histfile, "%s", env);
    } else if (home && *home) {
        snprintf(histfile, sizeof histfile, "%s/.kaa_history", home);
    }
    using_history();
    // Timestamp lines ("#1700000000") before each entry let an entry of
    // several lines come back whole (readline's lithist behaviour).
    history_comment_char = '#';
    history_write_timestamps = 1;
    history_multiline_entries = 1;
    if (histfile[0]) {
        read_history(histfile);
    }
}

static void history_save(void)
{
    if (histfile[0] == '\0') {
        return;
    }
    stifle_history(1000);
    int err = write_history(histfile);
    if (err) {
        fprintf(stderr, "kaa: warning: cannot write history file '%s': %s\n", histfile,
                strerror(err));
    }
}

static void readline_start(void)
{
    rl_readline_name = "kaa";
    rl_catch_signals = 0; // SIGINT stays kaa's
    rl_attempted_completion_function = attempt_completion;
    rl_completer_word_break_characters = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";
    history_start();
}

// Give up the line being edited after Ctrl-C (CPython's readline module
// does the same four calls).
static void readline_cancel(void)
{
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_cleanup_after_signal();
    rl_callback_handler_remove();
}

static ReadStatus readline_read(const char *prompt)
{
    fflush(stdout);
    fflush(stderr);
    got_line = 0;
    got_text = NULL;
    rl_callback_handler_install(prompt, on_line);
    while (!got_line) {
        if (wait_for_input(fileno(rl_instream)) == READ_INTERRUPT) {
            readline_cancel();
            return READ_INTERRUPT;
        }
        rl_callback_read_char();
    }
    if (got_text == NULL) {
        return READ_EOF;
    }
    line_clear();
    kaa_strbuf_adds(&line, got_text);
    kaa_mem_foreign_free(got_text); // readline's line, from the C allocator
    return READ_LINE;
}

// One history entry per statement, however many lines it took.
static void remember(const ReplState *st)
{
    size_t n = st->len;
    while (n > 0 && st->buf[n - 1] == '\n') {
        n--;
    }
    if (n == 0 || repl_is_blank(st)) {
        return;
    }
    char *entry = kaa_mem_alloc(n + 1);
    if (entry) {
        memcpy(entry, st->buf, n);
        entry[n] = '\0';
        add_history(entry); // copies
        kaa_mem_free(entry);
    }
}
#endif

// --- The loop ---------------------------------------------------------------

const char *kaa_repl_version_line(void)
{
#if defined(__clang__)
#define KAA_COMPILER "[Clang " __clang_version__ "]"
#elif defined(__GNUC__)
#define KAA_COMPILER "[GCC " __VERSION__ "]"
#else
#define KAA_COMPILER "[C compiler]"
#endif
    return "kaa " KAA_VERSION " (Python " KAA_PYTHON_VERSION " model) " KAA_COMPILER;
}

static void print_banner(void)
{
    fprintf(stderr, "%s on linux\n", kaa_repl_version_line());
    fprintf(stderr, "Type Ctrl-D to exit; \"kaa -h\" for options, \"kaa -X showrefcount\" "
                    "to watch references and blocks.\n");
}

// Compile and run the pending entry (single mode echoes expression values;
// exec mode reports what CPython reports for input cut off by end of file).
static KaaAppOutcome run_entry(const ReplState *st, KaaCompileMode mode)
{
    KaaAppOutcome none = {0, 0, 0};
    if (st->nomem) {
        KaaErr_NoMemory();
        return kaa_app_handle_uncaught(0);
    }
    if (repl_is_blank(st)) {
        return none;
    }
    KaaObject *code = Kaa_CompileString(st->buf, st->len, "<stdin>", mode);
    if (code == NULL) {
        kaa_app_fix_syntax_text(st->buf, st->len);
        return kaa_app_handle_uncaught(0);
    }
    KaaObject *globals = Kaa_MainDict();
    KaaObject *res = Kaa_EvalCode(code, globals, globals);
    Kaa_DECREF(code);
    if (res == NULL) {
        return kaa_app_handle_uncaught(0);
    }
    Kaa_DECREF(res);
    fflush(stdout);
    return none;
}

int kaa_repl_run(const KaaReplOptions *opt)
{
    int use_readline = 0;
#ifdef KAA_USE_READLINE
    use_readline = isatty(0) && isatty(1);
    if (use_readline) {
        readline_start();
    }
#endif
    ReadStatus (*read_line)(const char *) = plain_read;
#ifdef KAA_USE_READLINE
    if (use_readline) {
        read_line = readline_read;
    }
#endif
    if (opt->banner && !opt->quiet) {
        print_banner();
    }
    kaa_strbuf_init(&line);
    ReplState st;
    repl_init(&st);
    int status = 0;
    for (;;) {
        ReadStatus r = read_line(st.len ? "... " : ">>> ");
        if (r == READ_INTERRUPT) {
            kaa_sigint_pending = 0;
            repl_reset(&st);
            fflush(stdout);
            fputs("\nKeyboardInterrupt\n", stderr);
            if (opt->showrefcount) {
                kaa_app_print_refcount();
            }
            continue;
        }
        KaaReplStatus verdict;
        if (r == READ_EOF) {
            // CPython ends the prompt line, then runs what is pending.
            fputc('\n', use_readline ? stdout : stderr);
            if (st.len == 0) {
                break;
            }
            verdict = repl_finish(&st);
        } else {
            verdict = repl_feed(&st, line.data ? line.data : "");
            if (verdict == KAA_REPL_MORE) {
                continue;
            }
            if (line_partial) {
                // CPython's tokenizer asks for the rest of a line cut by end
                // of input: one more prompt, answered by end of file.
                fputs("... \n", stderr);
                line_partial = 0;
            }
        }
#ifdef KAA_USE_READLINE
        if (use_readline) {
            remember(&st);
        }
#endif
        KaaCompileMode mode =
            r == READ_EOF && verdict == KAA_REPL_ERROR ? KAA_MODE_EXEC : KAA_MODE_SINGLE;
        KaaAppOutcome o = run_entry(&st, mode);
        repl_reset(&st);
        if (opt->showrefcount) {
            kaa_app_print_refcount();
        }
        if (o.exit) {
            status = o.status;
            break;
        }
    }
    repl_free(&st);
    kaa_strbuf_free(&line);
#ifdef KAA_USE_READLINE
    if (use_readline) {
        history_save();
        completions_drop();
    }
#endif
    return status;
}
