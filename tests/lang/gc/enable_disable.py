# gc.enable(), gc.disable() and gc.isenabled(), and their argument errors.
import gc

print(gc.isenabled())
print(gc.disable())
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
print(gc.enable())
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(type(gc.isenabled()).__name__)

for f in (gc.enable, gc.disable, gc.isenabled, gc.get_count, gc.get_threshold,
          gc.get_stats, gc.freeze, gc.unfreeze, gc.get_freeze_count, gc.get_debug):
    try:
        f(1)
    except TypeError as e:
        print(e)
    try:
        f(x=1)
    except TypeError as e:
        print(e)
print(gc.isenabled())

# Disabled means no automatic collection; gc.collect() still works.
class Node:
    pass

gc.disable()
gc.collect()
n = Node()
n.me = n
del n
print(gc.collect())
gc.enable()
