# golden: no-gc-stress
# gc.get_objects(generation=None): argument forms and errors, what is in it.
import gc

class Mine:
    pass

def count_mine(objs):
    n = 0
    for o in objs:
        if type(o) is Mine:
            n += 1
    return n

gc.collect()
keep = [Mine() for i in range(5)]
print(count_mine(gc.get_objects()), count_mine(gc.get_objects(None)),
      count_mine(gc.get_objects(-1)), count_mine(gc.get_objects(**{"generation": None})))
print(count_mine(gc.get_objects(0)), count_mine(gc.get_objects(1)), count_mine(gc.get_objects(2)))
gc.collect(0)
print(count_mine(gc.get_objects(0)), count_mine(gc.get_objects(1)), count_mine(gc.get_objects(2)))
gc.collect()
print(count_mine(gc.get_objects(0)), count_mine(gc.get_objects(1)), count_mine(gc.get_objects(2)))
class Idx:
    def __index__(self):
        return 2

print(count_mine(gc.get_objects(**{"generation": 2})), count_mine(gc.get_objects(True)),
      count_mine(gc.get_objects(Idx())))

objs = gc.get_objects()
print(type(objs).__name__, objs is not None, keep in objs, gc in objs, Mine in objs)
print(any(o is objs for o in gc.get_objects()))
# Untracked objects are not there.
t = (1, 2)
gc.collect()
print(gc.is_tracked(t), any(o is t for o in gc.get_objects()))
s = "text"
print(any(o is s for o in gc.get_objects()))
del objs

for args in [(3,), (-2,), (100,), (-100,), ('x',), (1.0,), ([],), (2**64,), (1, 2)]:
    try:
        gc.get_objects(*args)
    except Exception as e:
        print(args, type(e).__name__ + ":", e)
for kw in [{"gen": 1}, {"generation": 'x'}, {"generation": 3}, {"generation": 0, "x": 1}]:
    try:
        gc.get_objects(**kw)
    except Exception as e:
        print(kw, type(e).__name__ + ":", e)
try:
    gc.get_objects(0, **{"generation": 0})
except TypeError as e:
    print(e)
print(count_mine(gc.get_objects(generation=2)), count_mine(gc.get_objects(generation=-1)))
