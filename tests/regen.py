"""Write golden expectations by running each script under CPython 3.11.

    ./dev regen [paths...]        (python3 tests/regen.py [paths...])

Paths are .py files or folders (searched recursively); the default is all of
tests/lang. Each script runs as tests/run_golden.sh runs it: in its own
folder, with its basename as the argument, stdin from /dev/null, a 60 s
timeout and PYTHONIOENCODING=utf-8. Then:
  NAME.out  gets the exact stdout;
  NAME.err  gets "exit N" and the last line of stderr (or the whole stderr,
            0x... addresses masked and the script's absolute folder removed
            from paths, when the script has the line
            "# golden: full-stderr"), only when the exit status is non-zero or
            stderr is not empty; otherwise a stale NAME.err is removed.
Expectations come only from here, never from kaa's output.
"""

import os
import re
import subprocess
import sys

TIMEOUT = 60
FULL_STDERR = re.compile(r"^# golden: full-stderr\s*$", re.MULTILINE)
ADDRESS = re.compile(rb"0x[0-9a-f]+")

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_ROOT = os.path.join(HERE, "lang")


def last_line(data):
    """The last line of data, as `tail -n 1 | awk 1` prints it."""
    if data.endswith(b"\n"):
        data = data[:-1]
    return data.split(b"\n")[-1] + b"\n"


def newline_terminated(data):
    """data with a final newline added when missing, as `awk 1` does."""
    return data if data.endswith(b"\n") else data + b"\n"


def run(script):
    """Run script under this CPython; return (stdout bytes, .err bytes or None)."""
    folder = os.path.realpath(os.path.dirname(os.path.abspath(script)))
    base = os.path.basename(script)
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.run(
        [sys.executable, base],
        cwd=folder,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        timeout=TIMEOUT,
    )
    if proc.returncode < 0:
        raise RuntimeError("killed by signal %d" % -proc.returncode)
    if proc.returncode == 0 and not proc.stderr:
        return proc.stdout, None
    err = b"exit %d\n" % proc.returncode
    if proc.stderr:
        with open(script, encoding="utf-8") as f:
            full = FULL_STDERR.search(f.read()) is not None
        if full:
            text = proc.stderr.replace(os.fsencode(folder + "/"), b"")
            err += newline_terminated(ADDRESS.sub(b"0x...", text))
        else:
            err += last_line(proc.stderr)
    return proc.stdout, err


def update(path, data):
    """Make path hold data (or not exist when data is None); return the change."""
    old = None
    if os.path.exists(path):
        with open(path, "rb") as f:
            old = f.read()
    if old == data:
        return None
    if data is None:
        os.remove(path)
        return "removed"
    with open(path, "wb") as f:
        f.write(data)
    return "created" if old is None else "updated"


def collect(paths):
    scripts = []
    for p in paths:
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames.sort()
                scripts.extend(os.path.join(dirpath, n) for n in sorted(filenames) if n.endswith(".py"))
        elif os.path.isfile(p) and p.endswith(".py"):
            scripts.append(p)
        else:
            print("regen: not a .py file or folder: %s" % p, file=sys.stderr)
            sys.exit(2)
    return scripts


def main(argv):
    if sys.version_info[:2] != (3, 11):
        print(
            "regen: expectations must come from CPython 3.11, but python3 is %d.%d (%s)"
            % (sys.version_info[0], sys.version_info[1], sys.executable),
            file=sys.stderr,
        )
        return 2
    scripts = collect(argv or [DEFAULT_ROOT])
    changed = failed = 0
    for script in scripts:
        rel = os.path.relpath(script)
        try:
            out, err = run(script)
        except (subprocess.TimeoutExpired, RuntimeError) as e:
            print("regen: %s: %s; expectations left alone" % (rel, e), file=sys.stderr)
            failed += 1
            continue
        stem = script[:-3]
        for suffix, data in ((".out", out), (".err", err)):
            what = update(stem + suffix, data)
            if what:
                print("%s %s" % (what, os.path.relpath(stem + suffix)))
                changed += 1
    print(
        "regen: %d script%s, %d file%s changed%s"
        % (
            len(scripts),
            "" if len(scripts) == 1 else "s",
            changed,
            "" if changed == 1 else "s",
            ", %d failed" % failed if failed else "",
        )
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
