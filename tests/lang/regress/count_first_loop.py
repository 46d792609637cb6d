# count0 must move only for the containers the program allocates. kaa readies
# some builtin types (range_iterator, list_iterator, io, ...) at first use,
# which allocates their dicts and descriptors in the middle of the program.
import gc

class Obj:
    pass

objs = []
gc.disable()
gc.collect()
b = gc.get_count()
for i in range(10):
    objs.append(Obj())
a = gc.get_count()
print(a[0] - b[0])
before = set(id(o) for o in gc.get_objects())
print("x")
new = [o for o in gc.get_objects() if id(o) not in before and type(o) is not tuple]
print(len(new))
