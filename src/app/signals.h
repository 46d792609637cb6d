/* SIGINT: Ctrl-C raises KeyboardInterrupt, as in CPython.
 *
 * The handler only sets kaa_sigint_pending (declared in vm/vm.h, defined by
 * the eval loop; a signal handler can do nothing else safely). The REPL's
 * readers poll it while waiting for input; the eval loop polls it at
 * backward jumps and calls, clears it and raises KeyboardInterrupt. As in
 * CPython, a long computation inside one C function (a huge int power) is
 * not interrupted; Ctrl-\ (SIGQUIT) still stops the process.
 */
#ifndef KAA_APP_SIGNALS_H
#define KAA_APP_SIGNALS_H

#include <signal.h>

#include "vm/vm.h" // kaa_sigint_pending

// Install the SIGINT handler (without SA_RESTART, so a blocking read or
// select returns EINTR and the REPL sees Ctrl-C at once), unless SIGINT is
// ignored at start-up.
void kaa_signals_install(void);
// After an uncaught KeyboardInterrupt: die by SIGINT, as CPython 3.8+ does,
// so the parent shell sees the interrupt (status 130).
void kaa_signals_exit_by_sigint(void);

#endif
