# golden: no-gc-stress
# Tuples are tracked at creation and untracked by a collection once all their
# items are untracked; a nested tuple may need two collections.
import gc

def make(n):
    # Built at run time, so not a constant of the code object.
    return (n, n + 1)

t = make(1)
print(gc.is_tracked(t))
gc.collect(0)
print(gc.is_tracked(t))

s = make(2)
print(gc.is_tracked(s))
gc.collect()
print(gc.is_tracked(s))

holder = ([],)
gc.collect()
print(gc.is_tracked(holder))
holder[0].append(1)
gc.collect()
print(gc.is_tracked(holder))

# Inner tuples first: one collection may leave the outer one tracked.
nested = (make(3), (make(4), make(5)))
print(gc.is_tracked(nested), gc.is_tracked(nested[1]))
gc.collect()
print(gc.is_tracked(nested), gc.is_tracked(nested[1]), gc.is_tracked(nested[1][0]))
gc.collect()
print(gc.is_tracked(nested), gc.is_tracked(nested[1]))
gc.collect()
print(gc.is_tracked(nested))

# A tuple holding a string, None and a float.
mixed = (make(6)[0], "s", None, 1.5 * make(1)[0])
print(gc.is_tracked(mixed))
gc.collect()
print(gc.is_tracked(mixed))
print(gc.is_tracked(()))
