/* Tests of the REPL, in three layers:
 *   feed      repl_feed()/repl_finish(): the parser's verdict on growing
 *             entries, no terminal and no interpreter;
 *   complete  kaa_complete() in a live interpreter (no terminal);
 *   terminal  the real kaa executable ($KAA_EXE) on a pseudo-terminal made
 *             with forkpty: prompts, echo and `_`, tracebacks, Ctrl-C at the
 *             prompt and during a loop, Ctrl-D, history, Tab completion.
 * The terminal tests run kaa with TERM=dumb and INPUTRC=/dev/null so that
 * readline emits no escape sequences and reads no user key bindings.
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "app/complete.h"
#include "app/repl.h"
#include "kaa.h"
#include "testutil.h"

// --- feed ---------------------------------------------------------------------

// Feed lines one by one; every verdict but the last must be MORE.
static KaaReplStatus feed_all(const char *const *lines)
{
    ReplState st;
    repl_init(&st);
    KaaReplStatus r = KAA_REPL_MORE;
    for (int i = 0; lines[i]; i++) {
        ck_assert_msg(r == KAA_REPL_MORE, "verdict before line %d was %d", i, r);
        r = repl_feed(&st, lines[i]);
    }
    repl_free(&st);
    return r;
}

#define FEED(expected, ...)                                                                        \
    do {                                                                                           \
        const char *lines_[] = {__VA_ARGS__, NULL};                                                \
        ck_assert_int_eq(feed_all(lines_), expected);                                              \
    } while (0)

START_TEST(feed_simple_statements)
{
    FEED(KAA_REPL_RUN, "1 + 1");
    FEED(KAA_REPL_RUN, "x = 5");
    FEED(KAA_REPL_RUN, "");
    FEED(KAA_REPL_RUN, "# only a comment");
    FEED(KAA_REPL_RUN, "1; 2");
}
END_TEST

START_TEST(feed_compound_needs_blank_line)
{
    FEED(KAA_REPL_MORE, "def f(a):");
    FEED(KAA_REPL_MORE, "def f(a):", "    return a");
    FEED(KAA_REPL_RUN, "def f(a):", "    return a", "");
    FEED(KAA_REPL_MORE, "if 1: pass"); // an else may follow, as in CPython
    FEED(KAA_REPL_MORE, "if x:", "  1", "else:");
    FEED(KAA_REPL_RUN, "if x:", "  1", "else:", "  2", "");
    // A line of spaces does not end the block (CPython neither).
    FEED(KAA_REPL_MORE, "while 0:", "  pass", "  ");
}
END_TEST

START_TEST(feed_open_constructs)
{
    FEED(KAA_REPL_MORE, "x = (");
    FEED(KAA_REPL_MORE, "x = (", "");
    FEED(KAA_REPL_RUN, "x = (", "1,", "2)");
    FEED(KAA_REPL_MORE, "s = \"\"\"abc");
    FEED(KAA_REPL_RUN, "s = \"\"\"abc", "def\"\"\"");
    FEED(KAA_REPL_MORE, "1 + \\");
    FEED(KAA_REPL_RUN, "1 + \\", "2");
    FEED(KAA_REPL_MORE, "@decorator");
}
END_TEST

START_TEST(feed_errors_report_at_once)
{
    FEED(KAA_REPL_ERROR, "1 +");
    FEED(KAA_REPL_ERROR, "x = )");
    FEED(KAA_REPL_ERROR, "  1");
    FEED(KAA_REPL_ERROR, "def f(:");
    FEED(KAA_REPL_ERROR, "x = 1\ny = 2"); // a pasted pair: one statement at a time
    FEED(KAA_REPL_ERROR, "while 0:", "  pass", "  ", "1");
}
END_TEST

START_TEST(feed_multiline_history_entry)
{
    // A recalled history entry arrives as one "line" holding newlines.
    FEED(KAA_REPL_MORE, "def f():\n    return 1");
    FEED(KAA_REPL_RUN, "def f():\n    return 1", "");
}
END_TEST

START_TEST(feed_finish_at_end_of_input)
{
    struct {
        const char *text;
        KaaReplStatus verdict;
    } cases[] = {
        {"if 1:\n  2", KAA_REPL_RUN}, // a whole statement runs
        {"class A:\n  x = 1", KAA_REPL_RUN},
        {"def f():", KAA_REPL_ERROR}, // expected an indented block
        {"(1,\n2", KAA_REPL_ERROR},   // '(' was never closed
        {"1 \\", KAA_REPL_ERROR},     // unexpected EOF while parsing
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ReplState st;
        repl_init(&st);
        ck_assert_int_eq(repl_feed(&st, cases[i].text), KAA_REPL_MORE);
        ck_assert_msg(repl_finish(&st) == cases[i].verdict, "case %zu", i);
        repl_free(&st);
    }
}
END_TEST

START_TEST(feed_blank_detection)
{
    ReplState st;
    repl_init(&st);
    repl_feed(&st, "   # comment");
    ck_assert(repl_is_blank(&st));
    repl_reset(&st);
    repl_feed(&st, "x  # comment");
    ck_assert(!repl_is_blank(&st));
    repl_free(&st);
}
END_TEST

// --- complete -----------------------------------------------------------------

static void run_ok(const char *src)
{
    int status;
    char *out = kaa_test_run(src, &status);
    free(out);
    ck_assert_int_eq(status, 0);
}

// The completions of text joined by '|' ("" when none).
static char *completions(const char *text)
{
    static char joined[4096];
    joined[0] = '\0';
    char **m = kaa_complete(text);
    for (size_t i = 0; m && m[i]; i++) {
        if (i) {
            strncat(joined, "|", sizeof joined - strlen(joined) - 1);
        }
        strncat(joined, m[i], sizeof joined - strlen(joined) - 1);
    }
    kaa_complete_free(m);
    return joined;
}

START_TEST(complete_globals_and_builtins)
{
    run_ok("my_global_value = 42\ndef my_func(a):\n    return a\ndef my_noargs():\n    pass\n");
    ck_assert_str_eq(completions("my_glo"), "my_global_value");
    ck_assert_str_eq(completions("my_"), "my_func(|my_global_value|my_noargs()");
    ck_assert_str_eq(completions("pri"), "print(");
    ck_assert_str_eq(completions("zzz_nothing"), "");
}
END_TEST

START_TEST(complete_keywords)
{
    // rlcompleter's suffixes: ':' after try/finally, ' ' after most.
    ck_assert_str_eq(completions("whi"), "while ");
    ck_assert_str_eq(completions("fina"), "finally:");
    ck_assert_str_eq(completions("Non"), "None");
    ck_assert_str_eq(completions("tr"), "try:");
    ck_assert_str_eq(completions("Tr"), "True");
}
END_TEST

START_TEST(complete_global_shadows_builtin)
{
    run_ok("len = 3\n");
    ck_assert_str_eq(completions("le"), "len");
}
END_TEST

START_TEST(complete_attributes)
{
    run_ok("import sys\nitems = [1, 2]\n");
    ck_assert_str_eq(completions("sys.getrecursionl"), "sys.getrecursionlimit()");
    ck_assert_str_eq(completions("items.app"), "items.append(");
    ck_assert_str_eq(completions("items.cle"), "items.clear()");
    // Private names only when asked for.
    ck_assert_ptr_null(strstr(completions("items."), "items.__"));
    ck_assert_ptr_nonnull(strstr(completions("items."), "items.append("));
    ck_assert_ptr_nonnull(strstr(completions("items.__"), "items.__class__"));
}
END_TEST

START_TEST(complete_bad_prefix_is_quiet)
{
    ck_assert_str_eq(completions("undefined_thing.x"), "");
    ck_assert_str_eq(completions("1.x"), "");
    ck_assert_str_eq(completions("a..b"), "");
    ck_assert_ptr_null(KaaErr_Occurred());
}
END_TEST

// --- terminal -----------------------------------------------------------------

typedef struct Term {
    pid_t pid;
    int fd;
    char out[1 << 16];
    size_t len;  // bytes read so far
    size_t mark; // expectations search from here
    int status;  // exit status once reaped, else -1
} Term;

static char tmpdir[64];

static void make_tmpdir(void)
{
    strcpy(tmpdir, "/tmp/kaa-repl.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void remove_tmpdir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    ck_assert_int_eq(system(cmd), 0);
}

// Start kaa on a new pseudo-terminal. args end with NULL; histfile may be NULL.
static void term_start(Term *t, const char *const *args, const char *histfile)
{
    const char *exe = getenv("KAA_EXE");
    ck_assert_msg(exe != NULL, "KAA_EXE must name the kaa executable");
    memset(t, 0, sizeof *t);
    t->status = -1;
    struct winsize ws = {.ws_row = 24, .ws_col = 200};
    t->pid = forkpty(&t->fd, NULL, NULL, &ws);
    ck_assert_int_ge(t->pid, 0);
    if (t->pid == 0) {
        setenv("TERM", "dumb", 1);
        setenv("INPUTRC", "/dev/null", 1);
        setenv("HOME", tmpdir, 1);
        if (histfile) {
            setenv("KAA_HISTFILE", histfile, 1);
        } else {
            unsetenv("KAA_HISTFILE");
        }
        char *argv[16];
        int n = 0;
        argv[n++] = (char *)exe;
        for (int i = 0; args[i] && n < 15; i++) {
            argv[n++] = (char *)args[i];
        }
        argv[n] = NULL;
        execv(exe, argv);
        _exit(127);
    }
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

// Read what is available within timeout_ms. 0 at end of output.
static int term_read(Term *t, int timeout_ms)
{
    struct pollfd p = {.fd = t->fd, .events = POLLIN};
    if (poll(&p, 1, timeout_ms) <= 0) {
        return 1;
    }
    if (t->len + 1 >= sizeof t->out) {
        return 0;
    }
    ssize_t n = read(t->fd, t->out + t->len, sizeof t->out - t->len - 1);
    if (n <= 0) {
        return 0; // EIO once the child has gone
    }
    t->len += (size_t)n;
    t->out[t->len] = '\0';
    return 1;
}

// Wait until `needle` appears after the mark; move the mark past it.
static void term_expect(Term *t, const char *needle)
{
    long deadline = now_ms() + 10000;
    for (;;) {
        char *hit = t->len > t->mark ? strstr(t->out + t->mark, needle) : NULL;
        if (hit) {
            t->mark = (size_t)(hit - t->out) + strlen(needle);
            return;
        }
        long left = deadline - now_ms();
        ck_assert_msg(left > 0 && term_read(t, (int)(left < 100 ? left : 100)),
                      "expected \"%s\"; the terminal showed:\n%s", needle, t->out + t->mark);
    }
}

// Wait for `needle`; return (in a static buffer) what came before it since
// the mark.
static const char *term_until(Term *t, const char *needle)
{
    static char before[4096];
    size_t from = t->mark;
    term_expect(t, needle);
    size_t n = t->mark - strlen(needle) - from;
    if (n >= sizeof before) {
        n = sizeof before - 1;
    }
    memcpy(before, t->out + from, n);
    before[n] = '\0';
    return before;
}

static void term_send(Term *t, const char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(t->fd, s, n);
        ck_assert_int_gt(w, 0);
        s += w;
        n -= (size_t)w;
    }
}

// Send a line and wait for the next primary prompt.
static void term_line(Term *t, const char *s)
{
    term_send(t, s);
    term_send(t, "\n");
    term_expect(t, ">>> ");
}

// Drain output until kaa exits; return its exit status.
static int term_wait(Term *t)
{
    long deadline = now_ms() + 10000;
    int st;
    while (waitpid(t->pid, &st, WNOHANG) == 0) {
        if (now_ms() > deadline) {
            kill(t->pid, SIGKILL);
            waitpid(t->pid, &st, 0);
            ck_abort_msg("kaa did not exit; the terminal showed:\n%s", t->out);
        }
        term_read(t, 50);
    }
    struct pollfd p = {.fd = t->fd, .events = POLLIN};
    while (poll(&p, 1, 0) > 0 && term_read(t, 0)) {
    }
    close(t->fd);
    t->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    return t->status;
}

static const char *const quiet[] = {"-q", NULL};

START_TEST(term_banner_and_ctrl_d)
{
    Term t;
    const char *const none[] = {NULL};
    term_start(&t, none, NULL);
    term_expect(&t, "kaa " KAA_VERSION " (Python " KAA_PYTHON_VERSION " model) [");
    term_expect(&t, "] on linux");
    term_expect(&t, ">>> ");
    term_send(&t, "\x04"); // Ctrl-D on an empty line
    ck_assert_int_eq(term_wait(&t), 0);
}
END_TEST

START_TEST(term_quiet_has_no_banner)
{
    Term t;
    term_start(&t, quiet, NULL);
    term_expect(&t, ">>> ");
    ck_assert_ptr_null(strstr(t.out, "on linux"));
    term_send(&t, "\x04");
    ck_assert_int_eq(term_wait(&t), 0);
}
END_TEST

START_TEST(term_multiline_def_and_call)
{
    Term t;
    term_start(&t, quiet, NULL);
    term_expect(&t, ">>> ");
    term_send(&t, "def double(a):\n");
    term_expect(&t, "... ");
    term_send(&t, "    return a * 2\n");
    term_expect(&t, "... ");
    term_line(&t, "");
    term_send(&t, "double(21)\n");
    term_expect(&t, "\n42");
    term_expect(&t, ">>> ");
    term_send(&t, "\x04");
    ck_assert_int_eq(term_wait(&t), 0);
}
END_TEST

START_TEST(term_echo_and_underscore)
{
    Term t;
    term_start(&t, quiet, NULL);
    term_expect(&t, ">>> ");
    term_send(&t, "6 * 7\n");
    term_expect(&t, "\n42");
    term_expect(&t, ">>> ");
    term_send(&t, "_ + 1\n");
    term_expect(&t, "\n43");
    term_expect(&t, ">>> ");
    term_send(&t, "None\n");
    term_expect(&t, "None"); // the terminal's echo of the input
    const char *shown = term_until(&t, ">>> ");
    ck_assert_msg(strstr(shown, "None") == NULL, "None was echoed: %s", shown);
    term_send(&t, "_\n"); // None did not rebind _
    term_expect(&t, "\n43");
    term_expect(&t, ">>> ");
    term_send(&t, "\x04");
    ck_assert_int_eq(term_wait(&t), 0);
}
END_TEST

START_TEST(term_exception_keeps_state)
{
    Term t;
    term_start(&t, quiet, NULL);
    term_expect(&t, ">>> ");
    term_line(&t, "kept = 5");
    term_send(&t, "1 / 0\n");
    term_expect(&t, "Traceback (most recent call last):");
    term_expect(&t, "File \"<stdin>\", line 1, in <module>");
    term_expect(&t, "ZeroDivisionError: division by zero");
    term_expect(&t, ">>> ");
    term_send(&t, "def f():\n    return undefined_name\n\n");
    term_expect(&t, ">>> ");
    term_send(&t, "f()\n");
    term_expect(&t, "File \"<stdin>\", line 2, in f");
    term_expect(&t, "NameError: name 'undefined_name' is not defined");
    term_expect(&t, ">>> ");
    term_send(&t, "1 +\n");
    term_expect(&t, "SyntaxError: invalid syntax");
    term_expect(&t, ">>> ");
    term_send(&t, "kept * 3\n");
    term_expect(&t, "\n15");
    term_expect(&t, ">>> ");
    term_send(&t, "\x04");
    ck_assert_int_eq(term_wait(&t), 0);
}
END_TEST

START_TEST(term_ctrl_c_at_prompt)
{
    Term t;
    term_start(&t, quiet, NULL);
    term_expect(&t, ">>> ");
    term_send(&t, "abc");
    term_send(&t, "\x03");
    term_expect(&t, "KeyboardInterrupt");
    term_expect(&t, ">>> ");
    // Also in the middle of an entry: the pending lines are dropped.
    term_send(&t, "def f():\n");
    term_expect(&t, "... ");
    term_send(&t, "\x03");
    term_expect(&t, "KeyboardInterrupt");
    term_expect(&t, ">>> ");
    term_send(&t, "6 * 7\n");
    term_expect(&t, "\n42");
    term_expect(&t, ">>> ");
    term_send(&t, "\x04");
    ck_assert_int_eq(term_wait(&t), 0);
}
END_TEST

START_TEST(term_ctrl_c_stops_running_loop)
{
    Term t;
    term_start(&t, quiet, NULL);
    term_expect(&t, ">>> ");
    term_send(&t, "n = 0\n");
    term_expect(&t, ">>> ");
    term_send(&t, "while True: n += 1\n");
    term_expect(&t, "... ");
    term_send(&t, "\n");
    usleep(300 * 1000);
    term_send(&t, "\x03");
    term_expect(&t, "Traceback (most recent call last):");
    term_expect(&t, "File \"<stdin>\", line 1, in <module>");
    term_expect(&t, "KeyboardInterrupt");
    term_expect(&t, ">>> ");
    term_send(&t, "n > 0\n"); // the state survived
    term_expect(&t, "\nTrue");
    term_expect(&t, ">>> ");
    term_send(&t, "\x04");
    ck_assert_int_eq(term_wait(&t), 0);
}
END_TEST

START_TEST(term_ctrl_c_stops_script)
{
    // Outside the REPL an uncaught KeyboardInterrupt prints its traceback
    // and kaa dies by SIGINT, as CPython does (the shell shows 130).
    Term t;
    const char *const args[] = {"-c", "print('started')\nwhile True: pass", NULL};
    term_start(&t, args, NULL);
    term_expect(&t, "started");
    usleep(200 * 1000);
    term_send(&t, "\x03");
    term_expect(&t, "Traceback (most recent call last):");
    term_expect(&t, "File \"<string>\", line ");
    term_expect(&t, "KeyboardInterrupt");
    ck_assert_int_eq(term_wait(&t), 128 + SIGINT);
}
END_TEST

START_TEST(term_sys_exit_status)
{
    Term t;
    term_start(&t, quiet, NULL);
    term_expect(&t, ">>> ");
    term_send(&t, "import sys\n");
    term_expect(&t, ">>> ");
    term_send(&t, "sys.exit(7)\n");
    ck_assert_int_eq(term_wait(&t), 7);
}
END_TEST

// History and completion exist only with readline (stdin a terminal).
#ifdef KAA_USE_READLINE
static char *read_text(const char *path)
{
    static char buf[8192];
    FILE *f = fopen(path, "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

START_TEST(term_history_written_and_reloaded)
{
    char hist[128];
    snprintf(hist, sizeof hist, "%s/hist", tmpdir);
    Term t;
    term_start(&t, quiet, hist);
    term_expect(&t, ">>> ");
    term_line(&t, "hist_value = 12345");
    term_send(&t, "def twice(x):\n    return 2 * x\n\n");
    term_expect(&t, ">>> ");
    term_send(&t, "\x04");
    ck_assert_int_eq(term_wait(&t), 0);
    char *text = read_text(hist);
    ck_assert_ptr_nonnull(strstr(text, "hist_value = 12345"));
    ck_assert_ptr_nonnull(strstr(text, "def twice(x):\n    return 2 * x"));

    // A second session recalls the entries (Ctrl-P: previous-history); the
    // multi-line def comes back whole.
    term_start(&t, quiet, hist);
    term_expect(&t, ">>> ");
    term_send(&t, "\x10\x10\n"); // hist_value = 12345
    term_expect(&t, ">>> ");
    term_send(&t, "\x10\x10\n"); // the def, whole: one more Enter ends it
    term_expect(&t, "... ");
    term_line(&t, "");
    term_send(&t, "twice(hist_value)\n");
    term_expect(&t, "\n24690");
    term_expect(&t, ">>> ");
    term_send(&t, "\x04");
    ck_assert_int_eq(term_wait(&t), 0);
}
END_TEST

START_TEST(term_history_default_file_in_home)
{
    Term t;
    term_start(&t, quiet, NULL); // HOME is tmpdir
    term_expect(&t, ">>> ");
    term_line(&t, "in_home = 1");
    term_send(&t, "\x04");
    ck_assert_int_eq(term_wait(&t), 0);
    char path[128];
    snprintf(path, sizeof path, "%s/.kaa_history", tmpdir);
    ck_assert_ptr_nonnull(strstr(read_text(path), "in_home = 1"));
}
END_TEST

START_TEST(term_unwritable_history_is_a_warning)
{
    char hist[128];
    snprintf(hist, sizeof hist, "%s/no/such/dir/hist", tmpdir);
    Term t;
    term_start(&t, quiet, hist);
    term_expect(&t, ">>> ");
    term_line(&t, "x = 1");
    term_send(&t, "\x04");
    ck_assert_int_eq(term_wait(&t), 0);
    ck_assert_msg(strstr(t.out, "kaa: warning: cannot write history file") != NULL,
                  "no warning in:\n%s", t.out);
}
END_TEST

START_TEST(term_complete_global_and_attribute)
{
    Term t;
    term_start(&t, quiet, NULL);
    term_expect(&t, ">>> ");
    term_line(&t, "my_global_value = 42");
    term_send(&t, "my_glo\t");
    term_expect(&t, "bal_value");
    term_send(&t, "\n");
    term_expect(&t, "\n42");
    term_expect(&t, ">>> ");
    term_line(&t, "import sys");
    term_send(&t, "sys.getrecursionl\t");
    term_expect(&t, "imit()");
    term_send(&t, "\n");
    term_expect(&t, "\n1000");
    term_expect(&t, ">>> ");
    term_send(&t, "\x04");
    ck_assert_int_eq(term_wait(&t), 0);
}
END_TEST

#endif

START_TEST(term_showrefcount_after_each_statement)
{
    Term t;
    const char *const args[] = {"-q", "-X", "showrefcount", NULL};
    term_start(&t, args, NULL);
    term_expect(&t, ">>> ");
    term_send(&t, "x = [1, 2, 3]\n");
    term_expect(&t, " refs, ");
    term_expect(&t, " blocks]");
    term_expect(&t, ">>> ");
    term_send(&t, "\x04");
    term_wait(&t);
    ck_assert_int_eq(t.status, 0);
}
END_TEST

// --- main -----------------------------------------------------------------------

static Suite *repl_suite(void)
{
    Suite *s = suite_create("repl");
    TCase *tc = tcase_create("feed");
    tcase_add_test(tc, feed_simple_statements);
    tcase_add_test(tc, feed_compound_needs_blank_line);
    tcase_add_test(tc, feed_open_constructs);
    tcase_add_test(tc, feed_errors_report_at_once);
    tcase_add_test(tc, feed_multiline_history_entry);
    tcase_add_test(tc, feed_finish_at_end_of_input);
    tcase_add_test(tc, feed_blank_detection);
    suite_add_tcase(s, tc);

    tc = tcase_create("complete");
    tcase_add_checked_fixture(tc, kaa_test_setup, kaa_test_teardown);
    tcase_add_test(tc, complete_globals_and_builtins);
    tcase_add_test(tc, complete_keywords);
    tcase_add_test(tc, complete_global_shadows_builtin);
    tcase_add_test(tc, complete_attributes);
    tcase_add_test(tc, complete_bad_prefix_is_quiet);
    suite_add_tcase(s, tc);

    tc = tcase_create("terminal");
    tcase_add_checked_fixture(tc, make_tmpdir, remove_tmpdir);
    tcase_add_test(tc, term_banner_and_ctrl_d);
    tcase_add_test(tc, term_quiet_has_no_banner);
    tcase_add_test(tc, term_multiline_def_and_call);
    tcase_add_test(tc, term_echo_and_underscore);
    tcase_add_test(tc, term_exception_keeps_state);
    tcase_add_test(tc, term_ctrl_c_at_prompt);
    tcase_add_test(tc, term_ctrl_c_stops_running_loop);
    tcase_add_test(tc, term_ctrl_c_stops_script);
    tcase_add_test(tc, term_sys_exit_status);
#ifdef KAA_USE_READLINE
    tcase_add_test(tc, term_history_written_and_reloaded);
    tcase_add_test(tc, term_history_default_file_in_home);
    tcase_add_test(tc, term_unwritable_history_is_a_warning);
    tcase_add_test(tc, term_complete_global_and_attribute);
#endif
    tcase_add_test(tc, term_showrefcount_after_each_statement);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(repl_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
