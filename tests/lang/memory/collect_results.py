# What gc.collect() returns for simple cycles: one object for a
# self-referencing list, dict or instance (its attributes are inline); two
# once the instance's __dict__ has been materialized.
import gc

class Node:
    pass

gc.collect()
l = []
l.append(l)
del l
print("list:", gc.collect())

d = {}
d["me"] = d
del d
print("dict:", gc.collect())

n = Node()
n.me = n
del n
print("instance:", gc.collect())

m = Node()
m.me = m
m.__dict__
del m
print("instance with __dict__:", gc.collect())

a = Node()
b = Node()
a.b = b
b.a = a
del a, b
print("two instances:", gc.collect())

t = ([],)
t[0].append(t)
del t
print("tuple and list:", gc.collect())

class Selfish:
    pass
Selfish.me = Selfish
del Selfish
print("class collected:", gc.collect() > 0)
print("nothing left:", gc.collect())
x = [1, 2]
x.append(x)
print(x)
y = {'k': 1}
y['me'] = y
print(y)
