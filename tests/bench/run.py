#!/usr/bin/env python3
"""Run each tests/bench/*.py under kaa and python3 in turn and print the time
ratio kaa/python3 per program and their geometric mean.

Both interpreters must print the same output; a mismatch is reported and
counts as a failure. Times are wall-clock medians over several alternating
runs, so a machine that speeds up or slows down affects both sides alike.
"""
import argparse
import math
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd, script):
    start = time.perf_counter()
    p = subprocess.run(cmd + [script], cwd=HERE, capture_output=True, text=True)
    return time.perf_counter() - start, p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kaa", required=True)
    # The running interpreter, not "python3": a version-manager shim (pyenv) on PATH
    # adds a shell script's startup (~0.1-0.2 s) to every python3 timing.
    ap.add_argument("--python", default=sys.executable or "python3")
    ap.add_argument("-n", type=int, default=3, help="runs of each (median)")
    ap.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    args = ap.parse_args()
    # Scripts run with cwd=HERE, so a relative interpreter path must be resolved here.
    if os.sep in args.kaa:
        args.kaa = os.path.abspath(args.kaa)
    names = args.names or sorted(f[:-3] for f in os.listdir(HERE) if f.endswith(".py") and f != "run.py")
    if not names:
        print("no benchmarks in tests/bench")
        return 1
    ratios, failed = [], 0
    print(f"{'benchmark':<24}{'kaa s':>10}{'python3 s':>12}{'ratio':>8}")
    for name in names:
        script = os.path.join(HERE, name + ".py")
        tk, tp = [], []
        ok = True
        for _ in range(args.n):
            t, pk = run([args.kaa], script)
            tk.append(t)
            t, pp = run([args.python], script)
            tp.append(t)
            if pk.returncode != 0 or pk.stdout != pp.stdout:
                ok = False
                detail = pk.stderr.strip().splitlines()[-1:] or ["output differs from python3"]
                break
        if not ok:
            failed += 1
            print(f"{name:<24}FAILED: {detail[0]}")
            continue
        mk, mp = statistics.median(tk), statistics.median(tp)
        ratios.append(mk / mp)
        print(f"{name:<24}{mk:>10.3f}{mp:>12.3f}{mk / mp:>8.2f}")
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"{'geometric mean':<46}{geo:>8.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
