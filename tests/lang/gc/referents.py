# gc.get_referents(*objs): what each object's traversal visits, in order.
import gc

print(gc.get_referents([1, 2, 3]))
print(gc.get_referents((4, 5)))
print(gc.get_referents({'a': 1, 'b': 2}))
print(gc.get_referents({1: 'x'}))
print(gc.get_referents({1: 'x', 2: 'y'}))
print(gc.get_referents([]), gc.get_referents(()), gc.get_referents({}))
print(gc.get_referents())
print(gc.get_referents(1, 'text', None, 2.5))
print(gc.get_referents([1, 2], (3, 4), 'skip', {'k': 5}))

class B:
    pass

b = B()
b.x = 10
b.y = 'q'
r = gc.get_referents(b)
print(r[:-1], r[-1] is B, len(r))
d = b.__dict__
r = gc.get_referents(b)
print(r[0] is d, r[0], r[1] is B, len(r))

inner = [7]
outer = [inner, inner]
r = gc.get_referents(outer)
print(r, r[0] is inner)
me = []
me.append(me)
print(gc.get_referents(me)[0] is me)
try:
    gc.get_referents(**{"x": 1})
except TypeError as e:
    print(e)
