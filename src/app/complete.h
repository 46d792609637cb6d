/* Tab completion for the REPL, after CPython's rlcompleter.
 *
 * A word without a dot completes against the keywords, __main__'s globals
 * and the builtins; "a.b.c" completes the attributes of the object the part
 * before the last dot names (looked up, never called: attribute access is
 * the only code that runs). Callables get "(" appended, or "()" when they
 * take no arguments; "try"/"finally" get ":", other keywords a space.
 * Needs a running interpreter but no terminal, so check_repl tests it.
 */
#ifndef KAA_APP_COMPLETE_H
#define KAA_APP_COMPLETE_H

#include <stddef.h>

// The completions of `text`, sorted and without duplicates, as a
// NULL-terminated array of strings. Both the array and the strings come
// from malloc, not from kaa's allocator, because readline takes the strings
// and frees them with free(). NULL when there is none. Never raises.
char **kaa_complete(const char *text);
// Free what kaa_complete returned (strings not handed to readline).
void kaa_complete_free(char **matches);

#endif
