#!/bin/sh
# kaa's command line, one case per run:
#
#   sh tests/cli/cli_test.sh KAA CASE
#
# Each case runs kaa and checks its exit status, stdout and stderr against
# fixed expectations. Where python3 has the same option, the case also runs
# python3 with the same arguments, input and working directory and requires
# the same status, stdout and stderr, after python3's program path is shown
# as "kaa" (CPython prints its own argv[0] in usage and error lines, and
# "python -h" in its hint). That comparison runs only when python3 is
# CPython 3.11; the fixed expectations always run. ctest registers one test
# per function named case_*. Exits 0 on success, 1 on a failure (with a
# diff), 2 on a usage error.

[ $# -eq 2 ] || { echo "usage: sh tests/cli/cli_test.sh KAA CASE" >&2; exit 2; }
case "$1" in
    /*) kaa=$1 ;;
    *) kaa=$(pwd)/$1 ;;
esac
name=$2
[ -x "$kaa" ] || { echo "cli_test: not an executable: $kaa" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kaa-cli.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM
mkdir "$tmp/cwd"
: >"$tmp/stdin"

# Run each interpreter in the same clean environment.
unset KAAPATH KAAMALLOC KAA_GC_STRESS KAA_HISTFILE PYTHONPATH PYTHONSTARTUP PYTHONINSPECT NO_COLOR
export PYTHONIOENCODING=utf-8

python=
if command -v python3 >/dev/null 2>&1 &&
    python3 -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
    python=python3
fi

failed=0
fail() {
    echo "FAIL cli/$name: $*"
    failed=1
}

# run WHO [VAR=value ...] -- ARGS...: run kaa or python3 (WHO) with extra
# environment variables, stdin from $tmp/stdin, in $tmp/cwd. Leaves
# $tmp/WHO.out, $tmp/WHO.err and $tmp/WHO.rc.
run() {
    who=$1
    shift
    exe=$kaa
    [ "$who" = python ] && exe=$python
    envs=
    while [ $# -gt 0 ] && [ "$1" != -- ]; do
        envs="$envs $1"
        shift
    done
    [ "$1" = -- ] && shift
    # shellcheck disable=SC2086
    (cd "$tmp/cwd" && env $envs timeout 30 "$exe" "$@" <"$tmp/stdin" \
        >"$tmp/$who.out" 2>"$tmp/$who.err")
    echo $? >"$tmp/$who.rc"
}

# CPython's program path and hint, as kaa prints them.
normalize() {
    sed -e 's|^usage: [^ ]*python[^ ]* |usage: kaa |' \
        -e 's|^[^ :]*python[0-9.]*: |kaa: |' \
        -e 's|^SystemExit: [^ :]*python[0-9.]*: |SystemExit: kaa: |' \
        -e "s|Try \`python -h'|Try \`kaa -h'|" "$1"
}

# kaa [VAR=value ...] -- ARGS...: run kaa only.
kaa() {
    run kaa "$@"
}

# same [VAR=value ...] -- ARGS...: run kaa; when python3 is 3.11, run it too
# and require the same status, stdout and (normalized) stderr. Environment
# variables named KAA* are given to kaa, PYTHON* to python3, others to both.
same() {
    kenv=
    penv=
    while [ $# -gt 0 ] && [ "$1" != -- ]; do
        case "$1" in
            KAA*) kenv="$kenv $1" ;;
            PYTHON*) penv="$penv $1" ;;
            *) kenv="$kenv $1"; penv="$penv $1" ;;
        esac
        shift
    done
    [ "$1" = -- ] && shift
    # shellcheck disable=SC2086
    run kaa $kenv -- "$@"
    [ -n "$python" ] || return 0
    # shellcheck disable=SC2086
    run python $penv -- "$@"
    normalize "$tmp/python.err" >"$tmp/python.err.n"
    if ! cmp -s "$tmp/kaa.rc" "$tmp/python.rc"; then
        fail "exit status $(cat "$tmp/kaa.rc"), python3's $(cat "$tmp/python.rc") for: $*"
    fi
    if ! cmp -s "$tmp/kaa.out" "$tmp/python.out"; then
        fail "stdout differs from python3's for: $*"
        diff -u "$tmp/python.out" "$tmp/kaa.out"
    fi
    if ! cmp -s "$tmp/kaa.err" "$tmp/python.err.n"; then
        fail "stderr differs from python3's for: $*"
        diff -u "$tmp/python.err.n" "$tmp/kaa.err"
    fi
}

expect_rc() {
    [ "$(cat "$tmp/kaa.rc")" = "$1" ] || fail "exit status $(cat "$tmp/kaa.rc"), expected $1"
}

# expect_out TEXT / expect_err TEXT: exact stdout/stderr (printf format).
expect_out() {
    # shellcheck disable=SC2059
    printf "$1" >"$tmp/expected"
    cmp -s "$tmp/expected" "$tmp/kaa.out" || {
        fail "stdout"
        diff -u "$tmp/expected" "$tmp/kaa.out"
    }
}

expect_err() {
    # shellcheck disable=SC2059
    printf "$1" >"$tmp/expected"
    cmp -s "$tmp/expected" "$tmp/kaa.err" || {
        fail "stderr"
        diff -u "$tmp/expected" "$tmp/kaa.err"
    }
}

# expect_grep out|err REGEX [COUNT]: lines matching (at least one, or COUNT).
expect_grep() {
    n=$(grep -c -E -e "$2" "$tmp/kaa.$1")
    if [ $# -ge 3 ]; then
        [ "$n" -eq "$3" ] || { fail "$n lines of std$1 match /$2/, expected $3"; cat "$tmp/kaa.$1"; }
    else
        [ "$n" -gt 0 ] || { fail "no line of std$1 matches /$2/"; cat "$tmp/kaa.$1"; }
    fi
}

input() {
    printf "$1" >"$tmp/stdin"
}

script() {
    printf "$2" >"$tmp/cwd/$1"
}

USAGE='usage: kaa [option] ... [-c cmd | -m mod | file | -] [arg] ...\n'
HINT="Try \`kaa -h' for more information.\n"

# --- Usage errors ---------------------------------------------------------------

case_unknown_short_option() {
    same -- -z
    expect_rc 2
    expect_out ''
    expect_err "Unknown option: -z\n$USAGE$HINT"
    same -- -qz -c pass
    expect_rc 2
}

case_unknown_long_option() {
    same -- --zork
    expect_rc 2
    expect_err "unknown option --zork\n$USAGE$HINT"
}

case_missing_option_argument() {
    for opt in c m X; do
        same -- -$opt
        expect_rc 2
        expect_err "Argument expected for the -$opt option\n$USAGE$HINT"
    done
}

case_help() {
    for opt in -h --help '-?'; do
        kaa -- $opt
        expect_rc 0
        expect_err ''
        expect_grep out "^usage: kaa \[option\] \.\.\. \[-c cmd \| -m mod \| file \| -\] \[arg\] \.\.\.$"
        for o in '-c cmd' '-E  ' '-h  ' '-i  ' '-m mod' '-q  ' '-u  ' '-V  ' '-X opt' '--dis'; do
            expect_grep out "^$o"
        done
        expect_grep out 'showrefcount'
        expect_grep out 'gcstats'
        expect_grep out '^KAAPATH'
        expect_grep out '^KAA_HISTFILE'
    done
    # The usage line has CPython's shape; -h wins over a later bad option,
    # not over an earlier one.
    if [ -n "$python" ]; then
        run python -- -h
        normalize "$tmp/python.out" | head -n 1 >"$tmp/py.usage"
        head -n 1 "$tmp/kaa.out" | cmp -s - "$tmp/py.usage" || fail "usage line differs from python3's"
    fi
    kaa -- -h -z
    expect_rc 0
    same -- -z -h
    expect_rc 2
    if [ -n "$python" ]; then
        run python -- -h -z
        [ "$(cat "$tmp/python.rc")" = 0 ] || fail "python3 -h -z no longer exits 0"
    fi
}

# --- Version ----------------------------------------------------------------------

case_version() {
    for opt in -V --version; do
        kaa -- $opt
        expect_rc 0
        expect_out 'kaa 0.1.0 (Python 3.11.7)\n'
        expect_err ''
    done
    kaa -- -VV
    expect_grep out '^kaa 0\.1\.0 \(Python 3\.11\.7 model\) \[(GCC|Clang) .*\]$' 1
    kaa -- -Vc 'print(1)'
    expect_out 'kaa 0.1.0 (Python 3.11.7)\n'
    # -V is acted on after the whole line is parsed, as in CPython.
    same -- -V -z
    expect_rc 2
}

# --- Running programs --------------------------------------------------------------

case_command() {
    same -- -c 'import sys; print(sys.argv)' a -z --dis
    expect_rc 0
    expect_out "['-c', 'a', '-z', '--dis']\n"
    same -- '-cprint(6 * 7)'
    expect_out '42\n'
    same -- -c 'print(__name__)'
    expect_out '__main__\n'
}

case_script_and_argv() {
    script prog.py 'import sys\nprint(sys.argv)\nprint(__name__)\n'
    same -- prog.py one -c two
    expect_rc 0
    expect_out "['prog.py', 'one', '-c', 'two']\n__main__\n"
    same -- -- prog.py -q
    expect_out "['prog.py', '-q']\n__main__\n"
    same -- -q ./prog.py
    expect_out "['./prog.py']\n__main__\n"
}

case_script_traceback() {
    script boom.py 'def f():\n    return 1 / 0\n\nf()\n'
    same -- boom.py
    expect_rc 1
    expect_grep err "^  File \"$tmp/cwd/boom.py\", line 4, in <module>$"
    expect_grep err '^ZeroDivisionError: division by zero$'
}

case_stdin_program() {
    input 'import sys\nprint(sys.argv)\nx = 2\nprint(x * 21)\n'
    same --
    expect_rc 0
    expect_out "['']\n42\n"
    same -- - a b
    expect_out "['-', 'a', 'b']\n42\n"
    input 'print(1)\n1 / 0\n'
    same --
    expect_rc 1
    expect_err 'Traceback (most recent call last):\n  File "<stdin>", line 2, in <module>\nZeroDivisionError: division by zero\n'
    input 'x = (1 +\n'
    same --
    expect_rc 1
    expect_grep err "^SyntaxError: '\(' was never closed$"
}

case_missing_script() {
    same -- nofile.py
    expect_rc 2
    expect_out ''
    expect_err "kaa: can't open file '$tmp/cwd/nofile.py': [Errno 2] No such file or directory\n"
    same -- "it's.py"
    expect_err "kaa: can't open file \"$tmp/cwd/it's.py\": [Errno 2] No such file or directory\n"
    same -- /no/such/dir/x.py a
    expect_err "kaa: can't open file '/no/such/dir/x.py': [Errno 2] No such file or directory\n"
}

case_directory_script() {
    mkdir "$tmp/cwd/app" "$tmp/cwd/empty"
    script app/__main__.py 'import sys\nprint(sys.argv)\nprint(__name__)\n'
    same -- app x
    expect_rc 0
    expect_out "['app', 'x']\n__main__\n"
    same -- empty
    expect_rc 1
    expect_err "kaa: can't find '__main__' module in '$tmp/cwd/empty'\n"
}

case_exit_status() {
    same -- -c 'raise SystemExit(3)'
    expect_rc 3
    expect_err ''
    same -- -c 'import sys; sys.exit("bye")'
    expect_rc 1
    expect_err 'bye\n'
    same -- -c 'import sys; sys.exit(None)'
    expect_rc 0
    same -- -c 'import sys; sys.exit()'
    expect_rc 0
    same -- -c 'import sys; sys.exit(256)'
    expect_rc 0
    same -- -c 'import sys; sys.exit(-1)'
    expect_rc 255
    same -- -c 'print("before"); undefined_name'
    expect_rc 1
    expect_out 'before\n'
    expect_err 'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nNameError: name '"'undefined_name'"' is not defined\n'
    same -- -c '1 +'
    expect_rc 1
    expect_err '  File "<string>", line 1\n    1 +\n       ^\nSyntaxError: invalid syntax\n'
}

case_keyboard_interrupt_exit() {
    # An uncaught KeyboardInterrupt ends the process by SIGINT (status 130
    # as the shell reports it), after the traceback, as CPython 3.8+ does.
    same -- -c 'raise KeyboardInterrupt'
    expect_rc 130
    expect_grep err '^KeyboardInterrupt$' 1
}

case_module() {
    mkdir "$tmp/first" "$tmp/second" "$tmp/second/pkg"
    printf 'import sys\nprint("first", sys.argv[1:], __name__)\n' >"$tmp/first/hello.py"
    printf 'print("second")\n' >"$tmp/second/hello.py"
    printf 'import sys\nprint("other", sys.argv)\n' >"$tmp/second/other.py"
    same KAAPATH="$tmp/first:$tmp/second" PYTHONPATH="$tmp/first:$tmp/second" -- -m hello a -q
    expect_rc 0
    expect_out "first ['a', '-q'] __main__\n"
    same KAAPATH="$tmp/first:$tmp/second" PYTHONPATH="$tmp/first:$tmp/second" -- -m other
    expect_out "other ['$tmp/second/other.py']\n"
    # -m ends the option list; the module gets the rest.
    same KAAPATH="$tmp/second" PYTHONPATH="$tmp/second" -- -mother -i
    expect_out "other ['$tmp/second/other.py', '-i']\n"
}

case_sys_path0() {
    # sys.path[0]: '' for -c, stdin and the REPL; the script's folder; the
    # working directory for -m. Modules beside it can then be imported.
    mkdir "$tmp/cwd/sub"
    script helper.py 'print("helper imported")\n'
    script sub/show.py 'import sys\nprint(sys.path[0])\n'
    same -- -c 'import sys; print(repr(sys.path[0])); import helper'
    expect_out "''\nhelper imported\n"
    input 'import sys; print(repr(sys.path[0])); import helper\n'
    same --
    expect_out "''\nhelper imported\n"
    same -- -qi
    expect_out "''\nhelper imported\n"
    same -- sub/show.py
    expect_out "$tmp/cwd/sub\n"
    same KAAPATH=sub PYTHONPATH=sub -- -m show
    expect_out "$tmp/cwd\n"
}

case_module_missing() {
    same -- -m no_such_module_xyz
    expect_rc 1
    expect_out ''
    expect_err 'kaa: No module named no_such_module_xyz\n'
}

case_ignore_environment() {
    mkdir "$tmp/mods"
    printf 'print("found")\n' >"$tmp/mods/envmod.py"
    same KAAPATH="$tmp/mods" PYTHONPATH="$tmp/mods" -- -m envmod
    expect_out 'found\n'
    same KAAPATH="$tmp/mods" PYTHONPATH="$tmp/mods" -- -E -m envmod
    expect_rc 1
    expect_err 'kaa: No module named envmod\n'
    # -E also ignores KAAMALLOC (a bad value would warn).
    kaa KAAMALLOC=bogus -- -E -c 'print(1)'
    expect_err ''
}

case_unbuffered() {
    # With -u, stdout and stderr interleave in program order in one file.
    for who in kaa python; do
        [ "$who" = python ] && [ -z "$python" ] && continue
        exe=$kaa
        [ "$who" = python ] && exe=$python
        (cd "$tmp/cwd" && "$exe" -u -c 'print("a"); 1 / 0' >"$tmp/$who.both" 2>&1)
    done
    head -n 1 "$tmp/kaa.both" | grep -q '^a$' || fail "-u: stdout not first"
    if [ -n "$python" ]; then
        cmp -s "$tmp/kaa.both" "$tmp/python.both" || {
            fail "-u output differs from python3's"
            diff -u "$tmp/python.both" "$tmp/kaa.both"
        }
    fi
}

case_dis() {
    kaa -- --dis -c 'x = 1'
    expect_rc 0
    expect_grep out 'LOAD_CONST'
    expect_grep out 'STORE_NAME'
    script d.py 'print("ran")\n'
    kaa -- --dis d.py
    expect_rc 0
    expect_grep out 'LOAD_NAME'
    expect_grep out '^ran$' 0
    input 'y = 2\n'
    kaa -- --dis -
    expect_grep out 'STORE_NAME'
}

# --- -X options ---------------------------------------------------------------------

case_x_options() {
    # Unknown -X options are ignored, as CPython ignores them.
    same -- -X no_such_option -c 'print(1)'
    expect_rc 0
    expect_out '1\n'
    expect_err ''
    same -- -Xfoo=bar -c 'print(2)'
    expect_out '2\n'
}

case_x_showrefcount() {
    kaa -- -X showrefcount -c 'x = [1, 2]'
    expect_rc 0
    expect_grep err '^\[-?[0-9]+ refs, [0-9]+ blocks\]$' 1
    input 'a = 1\nb = [a]\n\nb\n'
    kaa -- -qi -X showrefcount
    expect_out '[1]\n'
    # One line per entry (4) and one at exit.
    expect_grep err '\[-?[0-9]+ refs, [0-9]+ blocks\]' 5
}

case_x_gcstats() {
    kaa -- -X gcstats -c 'x = [[] for i in range(5000)]'
    expect_rc 0
    expect_grep err '^gc: generation [0-2]: [0-9]+ collected, [0-9]+\.[0-9]{4}s elapsed$'
    kaa -- -c 'x = [[] for i in range(5000)]'
    expect_err ''
}

# --- The REPL on a pipe (the plain reader) --------------------------------------------

case_repl_pipe_transcript() {
    input '# comment\n\n1\nif 1:\n  2\n\n  \nx = (\n1)\nx\n"""a\nb"""\n1 \\\n+2\nNone\n_\n'
    same -- -qi
    expect_rc 0
    expect_out '1\n2\n1\n'"'a\\\\nb'"'\n3\n3\n'
    expect_err '>>> >>> >>> >>> ... ... >>> >>> ... >>> >>> ... >>> ... >>> >>> >>> \n'
}

case_repl_pipe_functions_and_errors() {
    input 'def f(a):\n    return a * 2\n\nf(21)\n_ + 1\n1/0\ny = 5\ny\ndef g():\n    return 1/0\n\ng()\nx = )\n1 +\n'
    same -- -qi
    expect_rc 0
    expect_out '42\n43\n5\n'
    expect_grep err '^  File "<stdin>", line 2, in g$' 1
    expect_grep err "^SyntaxError: unmatched '\)'$" 1
}

case_repl_pipe_end_of_input() {
    for text in 'def f():\n' 'if 1:\n  2\n' '1 \\\n' '"""abc\n' '(1,\n2' 'x = 7' 'x = )' 'print(5)'; do
        input "$text"
        same -- -qi
        expect_rc 0
    done
}

case_repl_pipe_exit() {
    input 'import sys\nsys.exit(5)\nprint("not reached")\n'
    same -- -qi
    expect_rc 5
    expect_out ''
    input 'import sys\nsys.exit("message")\n'
    same -- -qi
    expect_rc 1
    expect_err '>>> >>> message\n'
}

case_repl_pipe_banner() {
    input '1\n'
    kaa -- -i
    expect_out '1\n'
    expect_grep err '^kaa 0\.1\.0 \(Python 3\.11\.7 model\) \[.*\] on linux$' 1
    if [ -n "$python" ]; then
        run python -- -i
        [ "$(wc -l <"$tmp/kaa.err")" = "$(wc -l <"$tmp/python.err")" ] ||
            fail "banner lines differ in number from python3's"
    fi
    same -- -qi
    expect_err '>>> >>> \n'
}

case_inspect_after_program() {
    input 'x\n'
    same -- -i -c 'x = 4'
    expect_out '4\n'
    expect_err '>>> >>> \n'
    # Exceptions, even SystemExit, are printed and the prompt follows.
    same -- -i -c 'x = 4; 1 / 0'
    expect_rc 0
    same -- -i -c 'import sys; x = 4; sys.exit(3)'
    expect_rc 0
    expect_grep err '^SystemExit: 3$' 1
    script s.py 'x = 9\n'
    same -- -i s.py
    expect_out '9\n'
    # A missing script still gives the prompt.
    same -- -i nofile.py
    expect_rc 0
}

case_no_color() {
    kaa NO_COLOR=1 -- -c '1 / 0'
    expect_rc 1
    if grep -q "$(printf '\033')" "$tmp/kaa.err"; then
        fail "escape sequence in output"
    fi
    expect_grep err '^ZeroDivisionError: division by zero$' 1
}

# --- main -----------------------------------------------------------------------------

if ! command -v "case_$name" >/dev/null 2>&1; then
    echo "cli_test: no case named $name" >&2
    exit 2
fi
"case_$name"
exit $failed
