# gc.get_count(): (count0, count1, count2). count0 grows by one for every
# container allocated and shrinks for every one freed; a collection of
# generation g zeroes the counts up to g and adds one to the count of g+1.
import gc


class Obj:
    pass


def allocate(objs, n):
    for i in range(n):
        objs.append(Obj())


objs = []
allocate(objs, 3)
gc.disable()
gc.collect()
before = gc.get_count()
allocate(objs, 10)
after = gc.get_count()
del objs[:5]
freed = gc.get_count()
print("after a full collection:", before)
print("after allocating ten instances:", after)
print("after freeing five of them:", freed)
gc.collect(0)
print("after collect(0):", gc.get_count()[1:])
gc.collect(0)
print("after another collect(0):", gc.get_count()[1:])
gc.collect(1)
print("after collect(1):", gc.get_count())
gc.collect(2)
print("after collect(2):", gc.get_count())
gc.enable()

# Automatic collections: generation 0 when count0 passes threshold0, an older
# one when its count passes its threshold.
generations = []


def record(phase, info):
    if phase == "start":
        generations.append(info["generation"])


gc.set_threshold(10, 3, 1000)
gc.callbacks.append(record)
keep = []
allocate(keep, 100)
gc.callbacks.remove(record)
gc.set_threshold(700, 10, 10)
print("generations collected automatically:", generations)
