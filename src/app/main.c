/* The kaa command: python3's command line, with kaa's options.
 *
 *   kaa [option] ... [-c cmd | -m mod | file | -] [arg] ...
 *
 * Options are parsed as CPython's getopt parses them: clustered short
 * options (-qi), an option argument attached or in the next word (-cCODE,
 * -c CODE), -c and -m ending the option list, "--" ending it too, -h
 * printing help at once, -V printing the version once everything parsed.
 * Errors print CPython's texts with "kaa" as the program name, exit 2.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/repl.h"
#include "app/run.h"
#include "app/signals.h"
#include "kaa.h"
#include "mem/mem.h"

typedef struct KaaCli {
    const char *command; // -c
    const char *module;  // -m
    const char *file;    // script path, or "-" for stdin
    int first_arg;       // argv index of the program's first argument
    int inspect, quiet, unbuffered, ignore_env, version, dis;
    int showrefcount, gcstats;
} KaaCli;

#define USAGE_LINE "usage: kaa [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"

// What -h prints after the usage line.
static const char help_text[] =
    "Options (and corresponding environment variables):\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-E     : ignore KAA* environment variables (such as KAAPATH)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script; forces a prompt even\n"
    "         if stdin does not appear to be a terminal\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-u     : force the stdout and stderr streams to be unbuffered\n"
    "-V     : print the kaa version number and exit (also --version)\n"
    "         when given twice, print more information about the build\n"
    "-X opt : set implementation-specific option; kaa knows:\n"
    "         -X showrefcount: print \"[N refs, M blocks]\" (total references and\n"
    "            allocated memory blocks) on stderr after each interactive\n"
    "            statement and at exit\n"
    "         -X gcstats: print one line per automatic garbage collection on\n"
    "            stderr (generation, objects collected, time)\n"
    "         other -X options are ignored\n"
    "--dis  : print the program's bytecode instead of running it\n"
    "Arguments:\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n"
    "\n"
    "Environment variables:\n"
    "KAAPATH      : ':'-separated list of directories searched by import and -m\n"
    "               before kaa's own lib/ folder\n"
    "KAAMALLOC    : 'malloc' serves objects from the C library (for ASan and\n"
    "               valgrind), 'debug' adds guard bytes and checks; default\n"
    "               'pymalloc', the pool allocator\n"
    "KAA_GC_STRESS: '1' runs a collection at every container allocation\n"
    "KAA_HISTFILE : the interactive history file (default ~/.kaa_history)\n"
    "NO_COLOR     : respected; kaa prints no colour in any case\n";

_Noreturn static void print_help(void)
{
    fputs(USAGE_LINE, stdout);
    fputs(help_text, stdout);
    exit(0);
}

_Noreturn static void usage_error(const char *fmt, const char *what)
{
    fprintf(stderr, fmt, what);
    fprintf(stderr, "\n" USAGE_LINE "Try `kaa -h' for more information.\n");
    exit(2);
}

static void print_version(int level)
{
    if (level >= 2) {
        printf("%s\n", kaa_repl_version_line());
    } else {
        printf("kaa %s (Python %s)\n", KAA_VERSION, KAA_PYTHON_VERSION);
    }
}

// -X name[=value]: kaa's options; anything else is ignored, as CPython does.
static void x_option(KaaCli *cli, const char *opt)
{
    size_t n = strcspn(opt, "=");
    if (n == 12 && strncmp(opt, "showrefcount", n) == 0) {
        cli->showrefcount = 1;
    } else if (n == 7 && strncmp(opt, "gcstats", n) == 0) {
        cli->gcstats = 1;
    }
}

static void parse_long(KaaCli *cli, const char *arg)
{
    if (strcmp(arg, "--help") == 0) {
        print_help();
    } else if (strcmp(arg, "--version") == 0) {
        cli->version++;
    } else if (strcmp(arg, "--dis") == 0) {
        cli->dis = 1;
    } else {
        usage_error("unknown option %s", arg);
    }
}

// Parse the options; return with cli->first_arg set.
static void parse(KaaCli *cli, int argc, char **argv)
{
    int i = 1;
    while (i < argc) {
        const char *arg = argv[i];
        if (arg[0] != '-' || arg[1] == '\0') {
            break; // a script path, or "-"
        }
        i++;
        if (arg[1] == '-') {
            if (arg[2] == '\0') {
                break; // "--"
            }
            parse_long(cli, arg);
            continue;
        }
        for (int j = 1; arg[j]; j++) {
            char c = arg[j];
            if (c == 'c' || c == 'm' || c == 'X') {
                const char *value = arg[j + 1] ? arg + j + 1 : i < argc ? argv[i++] : NULL;
                if (value == NULL) {
                    char opt[2] = {c, '\0'};
                    usage_error("Argument expected for the -%s option", opt);
                }
                if (c == 'X') {
                    x_option(cli, value);
                    break;
                }
                if (c == 'c') {
                    cli->command = value;
                } else {
                    cli->module = value;
                }
                cli->first_arg = i;
                return;
            }
            switch (c) {
            case 'i':
                cli->inspect = 1;
                break;
            case 'q':
                cli->quiet = 1;
                break;
            case 'u':
                cli->unbuffered = 1;
                break;
            case 'E':
                cli->ignore_env = 1;
                break;
            case 'V':
                cli->version++;
                break;
            case 'h':
            case '?':
                print_help();
            default: {
                char opt[2] = {c, '\0'};
                usage_error("Unknown option: -%s", opt);
            }
            }
        }
    }
    if (i < argc) {
        cli->file = argv[i++];
    }
    cli->first_arg = i;
}

// Put sys.argv[0] as CPython builds it into the argv slot before the
// program's arguments (an option word, or the program name, that is no
// longer needed); return that slot's index. *modpath is the -m module's
// file, or empty when it was not found.
static int first_argument(const KaaCli *cli, char **argv, char *modpath, size_t size)
{
    int at = cli->first_arg - 1;
    modpath[0] = '\0';
    if (cli->command) {
        argv[at] = "-c";
    } else if (cli->module) {
        if (!kaa_app_find_module(cli->module, modpath, size)) {
            modpath[0] = '\0';
        }
        argv[at] = modpath[0] ? modpath : "-m";
    } else if (!cli->file) {
        argv[at] = "";
    } // else argv[at] is the script path itself
    return at;
}

// Run the program the command line names, if any. Return 0, an exit
// status, or -1 with the exception set.
static int run_program(const KaaCli *cli, const char *modpath, int interactive)
{
    if (cli->file && strcmp(cli->file, "-") != 0) {
        return kaa_app_run_path(cli->file, cli->dis, 1);
    }
    if (kaa_app_set_path0(cli->module != NULL) < 0) {
        return -1;
    }
    if (cli->command) {
        return kaa_app_exec(cli->command, strlen(cli->command), "<string>", cli->dis);
    }
    if (cli->module) {
        if (modpath[0] == '\0') {
            fprintf(stderr, "kaa: No module named %s\n", cli->module);
            return 1;
        }
        return kaa_app_run_path(modpath, cli->dis, 0);
    }
    if (interactive || cli->inspect) {
        return 0; // the REPL reads stdin
    }
    char *src;
    size_t len;
    if (kaa_read_file(NULL, &src, &len) < 0) {
        perror("kaa: stdin");
        return 1;
    }
    int r = kaa_app_exec(src, len, "<stdin>", cli->dis);
    kaa_mem_free(src);
    return r;
}

int main(int argc, char **argv)
{
    KaaCli cli;
    memset(&cli, 0, sizeof cli);
    parse(&cli, argc, argv);
    if (cli.version) {
        print_version(cli.version);
        return 0;
    }
    if (cli.ignore_env) {
        const char *vars[] = {"KAAPATH", "KAAMALLOC", "KAA_GC_STRESS", "KAA_HISTFILE", NULL};
        for (int k = 0; vars[k]; k++) {
            unsetenv(vars[k]);
        }
    }
    if (cli.unbuffered) {
        setvbuf(stdout, NULL, _IONBF, 0);
    }
    static char modpath[PATH_MAX + 64];
    int at = first_argument(&cli, argv, modpath, sizeof modpath);
    if (Kaa_Initialize(argc - at, argv + at) < 0) {
        return 1;
    }
    if (cli.gcstats) {
        kaa_app_enable_gcstats();
    }
    kaa_signals_install();

    int ran = cli.command || cli.module || (cli.file && strcmp(cli.file, "-") != 0);
    int interactive = isatty(0);
    int status = run_program(&cli, modpath, interactive), interrupted = 0;
    if (status < 0) {
        KaaAppOutcome o = kaa_app_handle_uncaught(cli.inspect);
        status = o.status;
        interrupted = o.interrupted;
    }
    if (cli.inspect || (!ran && interactive)) {
        KaaReplOptions opt = {cli.quiet, !ran, cli.showrefcount};
        fflush(stdout);
        status = kaa_repl_run(&opt);
        interrupted = 0;
    }
    fflush(stdout);
    Kaa_Finalize();
    if (cli.showrefcount) {
        kaa_app_print_refcount(); // what shutdown did not give back
    }
    if (interrupted) {
        kaa_signals_exit_by_sigint();
    }
    return status;
}
