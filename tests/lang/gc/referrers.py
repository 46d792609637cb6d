# gc.get_referrers(*objs): the tracked objects whose traversal reaches one of objs.
import gc

class Target:
    pass

class Holder:
    pass

t = Target()
a = [t]
b = (t, 1)
c = {'key': t}
h = Holder()
h.attr = t
refs = gc.get_referrers(t)
print(len(refs) >= 4, any(r is a for r in refs), any(r is b for r in refs),
      any(r is c for r in refs), any(r is h for r in refs))
print(any(r is refs for r in gc.get_referrers(t)))

# Locals live in the frame, which is not a tracked object here.
def exact():
    u = Target()
    only = [u]
    print(gc.get_referrers(u) == [only])
    w = Target()
    x = (u, w)
    r = gc.get_referrers(u, w)
    print(len(r), r[0] is only or r[0] is x, r[1] is only or r[1] is x)
    print(gc.get_referrers(Target()))
    print(gc.get_referrers())

exact()
# A class is referred to by its instances.
r = gc.get_referrers(Holder)
print(any(o is h for o in r))
# Frozen objects are not searched.
gc.collect()
def frozen():
    v = Target()
    box = [v]
    gc.freeze()
    print(gc.get_referrers(v))
    gc.unfreeze()
    print(gc.get_referrers(v) == [box])

frozen()
try:
    gc.get_referrers(t, **{"k": 1})
except TypeError as e:
    print(e)
