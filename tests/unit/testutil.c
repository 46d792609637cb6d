// Helpers shared by the check suites (see testutil.h).
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kaa.h"
#include "mem/mem.h"
#include "testutil.h"

static size_t blocks_at_start;

void kaa_test_setup(void)
{
    blocks_at_start = kaa_mem_live_blocks();
    ck_assert_int_eq(Kaa_Initialize(0, NULL), 0);
}

void kaa_test_teardown(void)
{
    Kaa_Finalize();
    ck_assert_uint_eq(kaa_mem_live_blocks(), blocks_at_start);
}

char *kaa_test_run(const char *src, int *status)
{
    fflush(stdout);
    FILE *tmp = tmpfile();
    ck_assert_ptr_nonnull(tmp);
    int saved = dup(1);
    dup2(fileno(tmp), 1);
    int st;
    KaaObject *code = Kaa_CompileString(src, strlen(src), "<test>", KAA_MODE_EXEC);
    if (code == NULL) {
        st = Kaa_HandleUncaught();
    } else {
        KaaObject *res = Kaa_EvalCode(code, Kaa_MainDict(), Kaa_MainDict());
        Kaa_DECREF(code);
        if (res == NULL) {
            st = Kaa_HandleUncaught();
        } else {
            Kaa_DECREF(res);
            st = 0;
        }
    }
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    long n = ftell(tmp);
    char *out = malloc((size_t)n + 1);
    rewind(tmp);
    size_t got = fread(out, 1, (size_t)n, tmp);
    out[got] = '\0';
    fclose(tmp);
    if (status) {
        *status = st;
    }
    return out;
}
