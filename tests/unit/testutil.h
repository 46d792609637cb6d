/* Helpers shared by the check suites that need a whole interpreter. */
#ifndef KAA_TESTUTIL_H
#define KAA_TESTUTIL_H

#include <stddef.h>

// Fixture pair: start an interpreter, and at teardown finalize it and
// assert that every allocated block was returned.
void kaa_test_setup(void);
void kaa_test_teardown(void);

// Run source as __main__ and return what it printed to stdout (a malloc'd
// string the caller frees with free()). *status gets 0, or 1 after an
// uncaught exception (printed to stderr).
char *kaa_test_run(const char *src, int *status);

#endif
