# golden: no-gc-stress
# Automatic collections: triggered when count0 exceeds threshold0; the oldest
# generation whose count exceeds its threshold is collected (CPython 3.11).
import gc

class Item:
    pass

gens = []

def record(phase, info):
    if phase == "start":
        gens.append(info["generation"])

gc.collect()
keep = []
gc.set_threshold(10, 3, 1000)
gc.callbacks.append(record)
for i in range(100):
    keep.append(Item())
gc.callbacks.remove(record)
gc.set_threshold(700, 10, 10)
print(gens)
print(len(keep))

# Threshold 0 disables automatic collection.
gens.clear()
gc.set_threshold(0)
gc.callbacks.append(record)
more = [Item() for i in range(2000)]
gc.callbacks.remove(record)
gc.set_threshold(700, 10, 10)
print(gens)

# So does gc.disable().
gc.collect()
gc.set_threshold(5)
gc.disable()
gc.callbacks.append(record)
more2 = [Item() for i in range(100)]
gc.callbacks.remove(record)
gc.enable()
gc.set_threshold(700, 10, 10)
print(gens)

# A full collection waits until the objects promoted to the oldest generation
# since the last one (pending) reach a quarter of those that survived it.
big = [Item() for i in range(60000)]
gc.collect()
gens.clear()
gc.set_threshold(5, 2, 2)
gc.callbacks.append(record)
small = [Item() for i in range(300)]
gc.callbacks.remove(record)
gc.set_threshold(700, 10, 10)
print(len(gens), 2 in gens, gc.get_count()[2] > 2)
del big
gc.collect()
gens.clear()
gc.set_threshold(5, 2, 2)
gc.callbacks.append(record)
many = [Item() for i in range(30000)]
gc.callbacks.remove(record)
gc.set_threshold(700, 10, 10)
print(2 in gens)
