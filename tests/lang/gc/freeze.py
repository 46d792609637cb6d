# gc.freeze(), gc.unfreeze() and gc.get_freeze_count().
import gc

class Node:
    pass

def objects_of(cls):
    n = 0
    for o in gc.get_objects():
        if type(o) is cls:
            n += 1
    return n

print(gc.get_freeze_count())
gc.collect()
a = Node()
a.me = a
keep = [Node() for i in range(3)]
r = gc.freeze()
c = gc.get_count()
print(r, c)
print(gc.get_freeze_count() > 4, objects_of(Node))
del a
print(gc.collect())
print(gc.get_freeze_count() > 4)
print(gc.unfreeze())
print(gc.get_freeze_count(), objects_of(Node))
print(len([o for o in gc.get_objects(2) if type(o) is Node]))
print(gc.collect())
print(objects_of(Node))

# Frozen objects are not examined, not even by collect(2); unfreeze twice is harmless.
b = Node()
b.me = b
gc.freeze()
n = gc.get_freeze_count()
gc.freeze()
print(gc.get_freeze_count() >= n)
del b
print(gc.collect(), gc.collect(2))
gc.unfreeze()
gc.unfreeze()
print(gc.get_freeze_count(), gc.collect())
