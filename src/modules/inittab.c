// The modules built into kaa, in one table (CPython's Modules/config.c role).
#include <string.h>

#include "vm/vm.h"

KaaObject *kaa_init_gc(void);
KaaObject *kaa_init_sys(void);
KaaObject *kaa_init_math(void);
KaaObject *kaa_init_array(void);
KaaObject *kaa_init_struct(void);
KaaObject *kaa_init_time(void);
KaaObject *kaa_init_weakref(void);
KaaObject *kaa_init_posix(void);
KaaObject *kaa_init_traceback(void);

static const struct {
    const char *name;
    KaaObject *(*init)(void);
} inittab[] = {
    {"gc", kaa_init_gc},
    {"sys", kaa_init_sys},
    {"math", kaa_init_math},
    {"array", kaa_init_array},
    {"struct", kaa_init_struct},
    {"time", kaa_init_time},
    {"_weakref", kaa_init_weakref},
    {"posix", kaa_init_posix},
    {"_traceback", kaa_init_traceback},
};

// Create builtin module `name`: new reference, or NULL without exception
// when there is no such builtin module.
KaaObject *kaa_builtin_module_create(const char *name, int *found)
{
    for (size_t i = 0; i < sizeof inittab / sizeof inittab[0]; i++) {
        if (strcmp(inittab[i].name, name) == 0) {
            *found = 1;
            return inittab[i].init();
        }
    }
    *found = 0;
    return NULL;
}
