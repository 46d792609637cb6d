# gc.collect(generation=2): every argument form and every error.
import gc

class Node:
    pass

def cycle():
    n = Node()
    n.me = n

gc.collect()
for args in [(), (0,), (1,), (2,), (True,), (False,)]:
    cycle()
    print(args, gc.collect(*args))
cycle()
print("keyword", gc.collect(generation=2))
cycle()
print("keyword 0", gc.collect(generation=0))

bad = [(3,), (-1,), (100,), ('a',), (1.0,), (None,), ([],), (2**100,), (-2**100,), (1, 2)]
for args in bad:
    try:
        gc.collect(*args)
    except Exception as e:
        print(args, type(e).__name__ + ":", e)

for kw in [{"gen": 1}, {"generation": 'x'}, {"generation": 5}]:
    try:
        gc.collect(**kw)
    except Exception as e:
        print(kw, type(e).__name__ + ":", e)
try:
    gc.collect(1, generation=1)
except TypeError as e:
    print(e)

class Idx:
    def __index__(self):
        return 1

cycle()
print("index", gc.collect(Idx()))
print(type(gc.collect()).__name__)
