# gc.get_count(): count0 = container allocations - deallocations since the
# last collection of generation 0. Instances of Python classes have no free
# list, so each one moves count0 by exactly one.
import gc

class C:
    pass

gc.disable()
gc.collect()
c1 = gc.get_count()
a = C()
b = C()
c = C()
c2 = gc.get_count()
del a
del b
c3 = gc.get_count()
d = [C(), C(), C(), C()]
c4 = gc.get_count()
del d[:]
c5 = gc.get_count()
print(c1[1:], c2[1:])
print(c2[0] - c1[0], c3[0] - c2[0], c4[0] - c3[0], c5[0] - c4[0])

# A collection of generation 0 zeroes count0 and bumps count1.
gc.collect(0)
e1 = gc.get_count()
keep = C()
e2 = gc.get_count()
print(e1[0], e2[0] - e1[0])
gc.collect()
print(gc.get_count())

# count0 never goes below zero.
x = [C() for i in range(5)]
gc.collect()
f1 = gc.get_count()
del x
f2 = gc.get_count()
print(f1[0], f2[0])
gc.enable()
