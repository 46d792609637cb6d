# golden: no-gc-stress
# A __del__ that resurrects its object: the collection returns 0 for that
# cycle, the object is marked finalized and __del__ never runs again.
import gc

saved = []

class Phoenix:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)
        saved.append(self)

gc.collect()
p = Phoenix("p")
p.me = p
del p
print("collect:", gc.collect())
print(len(saved), saved[0].name, gc.is_finalized(saved[0]))
print("collect again:", gc.collect())
saved.clear()
print("after clear:", gc.collect())

# Resurrection by refcount death: __del__ runs once only.
q = Phoenix("q")
del q
print(len(saved), saved[0].name)
saved.clear()
print(len(saved))

# A resurrected member keeps the rest of its cycle alive.
class Part:
    def __del__(self):
        print("__del__ part")

r = Phoenix("r")
r.part = Part()
r.part.owner = r
del r
print("collect:", gc.collect())
print(saved[0].part.owner is saved[0])
del saved[0].part.owner
saved.clear()
print("collect:", gc.collect())
