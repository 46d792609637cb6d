# gc.get_threshold() and gc.set_threshold(t0[, t1[, t2]]): defaults, arity,
# argument errors, values stored while parsing, negative and zero values.
import gc

print(gc.get_threshold(), type(gc.get_threshold()).__name__)
print(gc.set_threshold(900, 15, 15))
print(gc.get_threshold())
gc.set_threshold(800)
print(gc.get_threshold())
gc.set_threshold(700, 20)
print(gc.get_threshold())
gc.set_threshold(True, False)
print(gc.get_threshold())

for args in [(), (1, 2, 3, 4), ('a',), (1.5,), (None,), (2**40,), (-2**40,), (2**31,), (-2**31 - 1,)]:
    try:
        gc.set_threshold(*args)
    except Exception as e:
        print(len(args), type(e).__name__ + ":", e)
print(gc.get_threshold())

# Each value is stored as soon as it is parsed.
gc.set_threshold(700, 10, 10)
for args in [(1, 'a'), (2, 3, 'b'), (5, 2**40, 9)]:
    try:
        gc.set_threshold(*args)
    except Exception as e:
        print(args[0], type(e).__name__ + ":", e)
    print(gc.get_threshold())

try:
    gc.set_threshold(**{"threshold0": 5})
except TypeError as e:
    print(e)
try:
    gc.set_threshold(5, **{"threshold1": 5})
except TypeError as e:
    print(e)

gc.set_threshold(-5)
print(gc.get_threshold())
gc.set_threshold(2**31 - 1, -2**31, 0)
print(gc.get_threshold())

class Idx:
    def __index__(self):
        return 42

gc.set_threshold(Idx(), Idx())
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
