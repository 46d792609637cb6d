# sys.getsizeof(obj[, default]): __sizeof__() plus the GC header; errors and
# the default. Sizes are implementation details, so only relations are printed.
import sys

class Plain:
    pass

class Str:
    def __sizeof__(self):
        return "big"
class Negative:
    def __sizeof__(self):
        return -1
class NoneSize:
    __sizeof__ = None
class Raises:
    def __sizeof__(self):
        raise TypeError("no size")
class RaisesValue:
    def __sizeof__(self):
        raise ValueError("bad size")
class Huge:
    def __sizeof__(self):
        return 2**70
class Flt:
    def __sizeof__(self):
        return 3.0
class Fixed:
    def __sizeof__(self):
        return 100

for cls in (Str, Negative, NoneSize, Raises, RaisesValue, Huge, Flt):
    for args in ((cls(),), (cls(), "default")):
        try:
            print(cls.__name__, len(args), sys.getsizeof(*args))
        except Exception as e:
            print(cls.__name__, len(args), type(e).__name__ + ":", e)

# A non-GC object reports exactly __sizeof__(); a GC one adds its header.
class IntSub(int):
    def __sizeof__(self):
        return 7
print(sys.getsizeof(IntSub(3)))
header = sys.getsizeof([]) - [].__sizeof__()
print(header > 0, sys.getsizeof(Fixed()) > 100)
print(sys.getsizeof(1) == (1).__sizeof__(), sys.getsizeof("abc") == "abc".__sizeof__())
print(sys.getsizeof(None) == object.__sizeof__(None), sys.getsizeof(1.5) == (1.5).__sizeof__())
print(sys.getsizeof((1,)) - (1,).__sizeof__() == header, sys.getsizeof({}) - {}.__sizeof__() == header)
print(type(sys.getsizeof(0)).__name__, sys.getsizeof(object()) == object().__sizeof__())

for call in ((), (1, 2, 3)):
    try:
        sys.getsizeof(*call)
    except TypeError as e:
        print(e)
for kw in ({"x": 1}, {"default": 1}, {"object": 1, "y": 2}):
    try:
        sys.getsizeof(**kw)
    except TypeError as e:
        print(e)
try:
    sys.getsizeof(1, **{"object": 2})
except TypeError as e:
    print(e)
try:
    object.__sizeof__()
except TypeError as e:
    print(e)
try:
    Plain().__sizeof__(2)
except TypeError as e:
    print(e)
print(sys.getsizeof(Plain(), **{"default": -1}) > 0, sys.getsizeof(**{"object": 5}) > 0)

# An instance's attributes are not part of its own size (CPython 3.11).
p = Plain()
empty = sys.getsizeof(p)
p.a = 1
p.b = [1, 2, 3]
print(sys.getsizeof(p) == empty, sys.getsizeof(set()) - set().__sizeof__() == header)
