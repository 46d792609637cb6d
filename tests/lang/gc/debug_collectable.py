# golden: full-stderr
# golden: no-gc-stress
# gc.DEBUG_COLLECTABLE prints one line per unreachable object on stderr.
import gc

class Alpha:
    pass

class Beta:
    pass

gc.collect()
gc.set_debug(gc.DEBUG_COLLECTABLE)
a = Alpha()
b = Beta()
a.b = b
b.a = a
del a
del b
print(gc.collect())
l = []
l.append(l)
del l
print(gc.collect())
gc.set_debug(0)
print(gc.collect())
