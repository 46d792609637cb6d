/* The kaa command: run a script, or disassemble one with --dis.
 * (The REPL and python3's full option set arrive with the CLI work.)
 */
#include <stdio.h>
#include <string.h>

#include "kaa.h"

static void usage(FILE *out)
{
    fprintf(out, "usage: kaa [--dis] file [arg] ...\n");
}

int main(int argc, char **argv)
{
    int dis = 0, i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--dis") == 0) {
            dis = 1;
        } else if (strcmp(argv[i], "-V") == 0 || strcmp(argv[i], "--version") == 0) {
            printf("kaa %s (Python %s)\n", KAA_VERSION, KAA_PYTHON_VERSION);
            return 0;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 0;
        } else {
            fprintf(stderr, "unknown option %s\n", argv[i]);
            usage(stderr);
            return 2;
        }
    }
    if (i >= argc) {
        usage(stderr);
        return 2;
    }
    if (Kaa_Initialize(argc - i, argv + i) < 0) {
        return 1;
    }
    int status = dis ? Kaa_DisassembleFile(argv[i]) : Kaa_RunMain(argv[i]);
    Kaa_Finalize();
    return status;
}
