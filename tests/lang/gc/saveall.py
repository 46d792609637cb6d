# golden: no-gc-stress
# gc.DEBUG_SAVEALL: everything a collection finds goes to gc.garbage
# instead of being freed.
import gc

class Node:
    def __init__(self, name):
        self.name = name

gc.collect()
print(gc.garbage)
gc.set_debug(gc.DEBUG_SAVEALL)
a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
del a
del b
print(gc.collect())
print(len(gc.garbage), sorted(n.name for n in gc.garbage))

lst = []
lst.append(lst)
del lst
print(gc.collect())
print(len(gc.garbage), type(gc.garbage[-1]).__name__, gc.garbage[-1][0] is gc.garbage[-1])
gc.set_debug(0)

# Saved objects stay alive until gc.garbage lets them go.
saved = gc.garbage[0]
print(saved.name, saved.peer.name, saved.peer.peer is saved)
del saved
gc.garbage.clear()
print(gc.collect())
print(gc.garbage)

# Without DEBUG_SAVEALL, cycles with __del__ are freed: nothing is saved.
class Fin:
    def __del__(self):
        print("__del__")

f = Fin()
f.me = f
del f
print(gc.collect(), gc.garbage)
