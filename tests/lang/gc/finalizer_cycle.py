# golden: no-gc-stress
# PEP 442: a cycle whose objects have __del__ is collected; each __del__ runs
# once, in the collector's order; gc.garbage stays empty.
import gc

class Fin:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)

gc.collect()
a = Fin("self-ref")
a.me = a
del a
print("collect:", gc.collect())
print(gc.garbage)

# A ring of three: finalizers run in allocation order.
x = Fin("x")
y = Fin("y")
z = Fin("z")
x.next = y
y.next = z
z.next = x
del x, y, z
print("collect:", gc.collect())

# A cycle of one finalizer object and plain lists.
f = Fin("with lists")
f.items = [1, [f]]
del f
print("collect:", gc.collect())

# A __del__ that reads the other member of the cycle still sees it intact.
class Peer:
    def __del__(self):
        print("peer of", self.name, "is", self.other.name)

p = Peer()
q = Peer()
p.name, q.name = "p", "q"
p.other, q.other = q, p
del p, q
print("collect:", gc.collect())
print(gc.garbage)
