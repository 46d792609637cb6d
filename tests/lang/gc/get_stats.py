# golden: no-gc-stress
# gc.get_stats(): one dict per generation, its keys, and counters that grow.
import gc

class Node:
    pass

stats = gc.get_stats()
print(type(stats).__name__, len(stats))
for d in stats:
    print(type(d).__name__, list(d.keys()))

before = gc.get_stats()
for i in range(3):
    n = Node()
    n.me = n
    del n
    gc.collect()
gc.collect(0)
gc.collect(1)
gc.collect(1)
after = gc.get_stats()
print([after[g]["collections"] - before[g]["collections"] for g in range(3)])
print(after[2]["collected"] - before[2]["collected"])
print([after[g]["uncollectable"] - before[g]["uncollectable"] for g in range(3)])

# Objects found by a generation-0 collection count there.
gc.disable()
gc.collect()
s1 = gc.get_stats()
a = Node()
b = Node()
a.other = b
b.other = a
del a
del b
print(gc.collect(0))
s2 = gc.get_stats()
print([s2[g]["collected"] - s1[g]["collected"] for g in range(3)])
print([s2[g]["collections"] - s1[g]["collections"] for g in range(3)])
gc.enable()
# A fresh list each time.
print(gc.get_stats() is gc.get_stats(), gc.get_stats() == gc.get_stats())
