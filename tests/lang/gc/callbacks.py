# gc.callbacks: cb(phase, info) before and after every collection.
import gc

class Node:
    pass

log = []

def cb(phase, info):
    log.append((phase, sorted(info.items())))

gc.collect()
gc.callbacks.append(cb)
print(gc.collect())
a = Node()
a.me = a
b = []
b.append(b)
del a
del b
print(gc.collect(1))
gc.callbacks.remove(cb)
print(gc.collect())
for entry in log:
    print(entry)

# Keys in order, and the same dict object for start and stop?
infos = []

def keep(phase, info):
    infos.append((phase, list(info.keys()), info.copy()))

gc.callbacks.append(keep)
gc.collect(0)
gc.callbacks.remove(keep)
for phase, keys, info in infos:
    print(phase, keys, info)

# Several callbacks run in list order.
order = []
def first(phase, info):
    order.append("first " + phase)
def second(phase, info):
    order.append("second " + phase)
gc.callbacks.extend([first, second])
gc.collect()
del gc.callbacks[:]
print(order)
print(gc.callbacks)
# A callback can itself allocate and even call gc.collect() (which returns 0).
inner = []
def nested(phase, info):
    if phase == "start":
        inner.append(gc.collect())
gc.callbacks.append(nested)
print(gc.collect())
gc.callbacks.clear()
print(inner)
