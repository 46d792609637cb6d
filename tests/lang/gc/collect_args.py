# golden: no-gc-stress
# gc.collect(generation=2): every argument form and every error.
import gc

class Node:
    pass

class Idx:
    def __index__(self):
        return 1

def cycle():
    n = Node()
    n.me = n

gc.collect()
forms = [(), (0,), (1,), (2,), (True,), (False,), (Idx(),)]
for i in range(len(forms)):
    args = forms[i]
    cycle()
    print(i, len(args), gc.collect(*args))

bad = [(3,), (-1,), (100,), ('a',), (1.0,), (None,), ([],), (2**100,), (-2**100,), (1, 2)]
for args in bad:
    try:
        gc.collect(*args)
    except Exception as e:
        print(args, type(e).__name__ + ":", e)

for kw in [{"gen": 1}, {"generation": 'x'}, {"generation": 5}, {"generation": 1, "x": 2}]:
    try:
        gc.collect(**kw)
    except Exception as e:
        print(kw, type(e).__name__ + ":", e)
try:
    gc.collect(1, **{"generation": 1})
except TypeError as e:
    print(e)

for kw in [{"generation": 2}, {"generation": 0}, {"generation": True}]:
    cycle()
    print(kw, gc.collect(**kw))
print(type(gc.collect()).__name__)
cycle()
print("keyword", gc.collect(generation=1))
