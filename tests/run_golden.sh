#!/bin/sh
# Run one golden script and compare it with its CPython expectations.
#
#   sh tests/run_golden.sh INTERPRETER SCRIPT.py
#
# The script runs with its own folder as the working directory, its basename as
# the only argument, stdin from /dev/null and a 60 s timeout. Expectations:
#   NAME.out  exact stdout;
#   NAME.err  only when CPython exits non-zero or writes to stderr: a line
#             "exit N", then the last line of stderr, or, when the script has
#             the line "# golden: full-stderr", the whole stderr with every
#             0x[0-9a-f]+ replaced by 0x... and the script's absolute folder
#             followed by / removed (CPython 3.11 shows tracebacks with the
#             absolute script path, which differs between checkouts).
# Without NAME.err the exit status must be 0 and stderr empty. Exits 0 when
# everything matches; otherwise prints a unified diff per differing part and
# exits 1 (2 on a usage error). Expectations come only from CPython through
# tests/regen.py; this script never writes them.

usage() {
    echo "usage: sh tests/run_golden.sh INTERPRETER SCRIPT.py" >&2
    exit 2
}

[ $# -eq 2 ] || usage
interp=$1
script=$2

[ -f "$script" ] || { echo "run_golden: no such script: $script" >&2; exit 2; }
case "$script" in
    *.py) ;;
    *) echo "run_golden: not a .py script: $script" >&2; exit 2 ;;
esac

# An interpreter given as a path must survive the cd into the script's folder;
# a bare name (python3) is looked up in PATH as usual.
case "$interp" in
    */*)
        idir=$(cd "$(dirname "$interp")" && pwd) || exit 2
        interp=$idir/$(basename "$interp")
        ;;
esac

sdir=$(cd "$(dirname "$script")" && pwd -P) || exit 2
base=$(basename "$script")
stem=${base%.py}
out_file=$sdir/$stem.out
err_file=$sdir/$stem.err

if [ ! -f "$out_file" ]; then
    echo "run_golden: missing $out_file; write it with ./dev regen $script" >&2
    exit 1
fi

limit=60
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kaa-golden.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

# PYTHONIOENCODING keeps CPython's output UTF-8 whatever the locale; kaa
# ignores it. tests/regen.py uses the same environment.
(cd "$sdir" && PYTHONIOENCODING=utf-8 timeout "$limit" "$interp" "$base" \
    </dev/null >"$tmp/stdout" 2>"$tmp/stderr")
status=$?

if [ "$status" -eq 124 ]; then
    echo "run_golden: $script timed out after $limit s" >&2
fi

full=0
if grep -q '^# golden: full-stderr[[:space:]]*$' "$script"; then
    full=1
fi

# Expected exit line and stderr part.
if [ -f "$err_file" ]; then
    head -n 1 "$err_file" >"$tmp/expected.exit"
    tail -n +2 "$err_file" >"$tmp/expected.stderr"
else
    echo "exit 0" >"$tmp/expected.exit"
    : >"$tmp/expected.stderr"
fi

# Actual exit line and stderr part, normalized the way tests/regen.py writes
# them: a missing final newline is added (awk 1); without .err stderr is
# compared whole, since it must be empty.
echo "exit $status" >"$tmp/actual.exit"
if [ ! -s "$tmp/stderr" ]; then
    : >"$tmp/actual.stderr"
elif [ ! -f "$err_file" ]; then
    cp "$tmp/stderr" "$tmp/actual.stderr"
elif [ "$full" -eq 1 ]; then
    # The folder as a literal sed pattern: escape every character sed treats
    # specially in a basic regular expression, and the | delimiter.
    sdir_re=$(printf '%s/\n' "$sdir" | sed 's/[][\\.*^$|]/\\&/g')
    sed -e "s|$sdir_re||g" -e 's/0x[0-9a-f][0-9a-f]*/0x.../g' "$tmp/stderr" |
        awk 1 >"$tmp/actual.stderr"
else
    tail -n 1 "$tmp/stderr" | awk 1 >"$tmp/actual.stderr"
fi

cp "$out_file" "$tmp/expected.stdout"
cp "$tmp/stdout" "$tmp/actual.stdout"

failed=0
for part in stdout exit stderr; do
    if ! cmp -s "$tmp/expected.$part" "$tmp/actual.$part"; then
        if [ "$failed" -eq 0 ]; then
            echo "FAIL $script under $interp"
        fi
        failed=1
        echo "--- $part differs:"
        (cd "$tmp" && diff -u "expected.$part" "actual.$part")
    fi
done

if [ "$failed" -ne 0 ]; then
    if [ -s "$tmp/stderr" ] && [ -f "$err_file" ] && [ "$full" -eq 0 ]; then
        echo "--- full stderr:"
        cat "$tmp/stderr"
    fi
    exit 1
fi
exit 0
