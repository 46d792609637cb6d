// Ctrl-C handling for the kaa executable (see signals.h).
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/signals.h"

static void on_sigint(int sig)
{
    (void)sig;
    kaa_sigint_pending = 1;
}

void kaa_signals_install(void)
{
    // Like CPython, leave an ignored SIGINT ignored (nohup, "cmd &" in a
    // script): whoever started kaa asked for that.
    struct sigaction old;
    if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler == SIG_IGN) {
        return;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; // no SA_RESTART: reads return EINTR
    sigaction(SIGINT, &sa, NULL);
}

void kaa_signals_exit_by_sigint(void)
{
    fflush(NULL);
    signal(SIGINT, SIG_DFL);
    raise(SIGINT);
}
