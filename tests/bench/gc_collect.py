# Full collections over a heap of about a million tracked objects with
# cycles: 500000 instances, each holding a list that refers back to it.
# Each of the timed gc.collect() calls also finds 10000 fresh garbage cycles
# of four objects (two instances and their lists).
#
# stdout: deterministic results only (the runner compares kaa with python3).
# stderr: the timing of each collection, from gc.DEBUG_STATS ("gc: done, ...
# elapsed", printed by the collector itself), plus time.perf_counter() totals
# when the interpreter has a time module (kaa does not have one yet).
import gc

try:
    import time
except ImportError:
    time = None

N = 500000
GARBAGE = 10000
ROUNDS = 5


class Node:
    def __init__(self, i):
        self.i = i
        self.back = [self, i]


def make_garbage(n):
    for i in range(n):
        a = Node(i)
        b = Node(i)
        a.peer = b
        b.peer = a


gc.disable()
heap = [Node(i) for i in range(N)]
gc.collect()
gc.enable()
print("heap:", len(heap), "instances,", 2 * len(heap), "tracked objects with cycles")

results = []
total = 0.0
for r in range(ROUNDS):
    gc.disable()
    make_garbage(GARBAGE)
    gc.enable()
    if time is not None:
        t0 = time.perf_counter()
    gc.set_debug(gc.DEBUG_STATS)
    n = gc.collect()
    gc.set_debug(0)
    if time is not None:
        total += time.perf_counter() - t0
    results.append(n)
print("collected per round:", results)
print("survivors:", sum(1 for node in heap if node.back[0] is node))
if time is not None:
    import sys
    print("gc.collect: %.4f s per full collection" % (total / ROUNDS), file=sys.stderr)
