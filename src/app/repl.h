/* The interactive loop (repl.c) and its pure core (replfeed.c).
 *
 * Whether the REPL reads another line is decided by the real parser, never by
 * a heuristic: repl_feed() appends the line to the pending entry and parses
 * the whole entry in interactive (single-statement) mode. The parser reports
 * "incomplete" exactly for an open bracket, an unterminated triple-quoted
 * string, a trailing backslash and a compound statement whose block has not
 * been ended by a blank line (../shared/STYLE.md §4.4, Lua's `incomplete()`).
 * repl_feed() needs no terminal and no interpreter, so check_repl tests it
 * directly.
 */
#ifndef KAA_APP_REPL_H
#define KAA_APP_REPL_H

#include <stddef.h>

typedef enum {
    KAA_REPL_MORE,  // the entry continues: read a line with the "... " prompt
    KAA_REPL_RUN,   // the entry is one complete statement (or only blank/comment lines)
    KAA_REPL_ERROR, // the entry has a syntax error: compile it to get the exception
} KaaReplStatus;

// One pending entry: the lines typed since the last ">>> " prompt, each
// followed by '\n'. The buffer comes from the raw allocator (kaa_mem_*).
typedef struct ReplState {
    char *buf;
    size_t len;
    size_t cap;
    int nomem; // an append failed: the entry is reported as an error
} ReplState;

void repl_init(ReplState *st);
// Forget the pending entry (after running it, or on Ctrl-C).
void repl_reset(ReplState *st);
void repl_free(ReplState *st);
// Append `line` (without its newline; it may contain newlines, as a
// multi-line history entry does) and classify the entry.
KaaReplStatus repl_feed(ReplState *st, const char *line);
// End of input while an entry is pending: classify it as if a blank line
// had been typed; an entry still incomplete is an error (CPython compiles
// it and reports, e.g., "'(' was never closed").
KaaReplStatus repl_finish(ReplState *st);
// True when the entry holds nothing but blank and comment lines.
int repl_is_blank(const ReplState *st);

// Options of the interactive loop, from the command line (main.c).
typedef struct KaaReplOptions {
    int quiet;        // -q: no banner
    int banner;       // print the banner (no program ran before, not -q)
    int showrefcount; // -X showrefcount: "[N refs, M blocks]" after each entry
} KaaReplOptions;

// Run the interactive loop on stdin: GNU readline when stdin and stdout are
// terminals (and kaa was built with it), the plain reader otherwise. Return
// the exit status: 0 at end of input, or what SystemExit asked for.
int kaa_repl_run(const KaaReplOptions *opt);

// The banner's first line, e.g. "kaa 0.1.0 (Python 3.11.7 model) [GCC 12.2.0]".
const char *kaa_repl_version_line(void);

#endif
