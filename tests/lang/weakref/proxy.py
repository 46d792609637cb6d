# weakref.proxy: forwarding attributes and operators, ReferenceError after death.
import weakref


class Box:
    def __init__(self, value):
        self.value = value

    def __add__(self, other):
        return Box(self.value + other)

    def __radd__(self, other):
        return Box(other + self.value)

    def __lt__(self, other):
        return self.value < other

    def __eq__(self, other):
        return isinstance(other, Box) and self.value == other.value

    __hash__ = object.__hash__

    def __len__(self):
        return self.value

    def __getitem__(self, i):
        return i * 10

    def __setitem__(self, i, v):
        print("setitem", i, v)

    def __iter__(self):
        return iter(range(self.value))

    def __contains__(self, x):
        return x == "in"

    def __bool__(self):
        return self.value != 0

    def __neg__(self):
        return -self.value

    def __str__(self):
        return "Box(%d)" % self.value

    def double(self):
        return self.value * 2


def show(fn):
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__ + ":", e)


b = Box(3)
p = weakref.proxy(b)
print(type(p).__name__, p.value, p.double(), str(p))
p.value = 4
print(b.value, (p + 1).value, (1 + p).value, p < 10, -p, len(p), p[2])
p[1] = "x"
print(list(p), "in" in p, "out" in p, bool(p), p == Box(4), p == b)
del p.value
show(lambda: p.value)
b.value = 3
show(lambda: hash(p))
show(lambda: p())
print(repr(p).startswith("<weakproxy at 0x"), " to Box at 0x" in repr(p))

lst = [1, 2]
show(lambda: weakref.proxy(lst))


def adder(x, y=1):
    return x + y


cp = weakref.proxy(adder)
print(type(cp).__name__, cp(1), cp(1, y=5), cp.__name__)
print(weakref.getweakrefcount(b), weakref.proxy(b) is p)


def gone(proxy):
    print("proxy callback")


p2 = weakref.proxy(b, gone)
print(p2 is p, weakref.getweakrefcount(b))
del b
show(lambda: p.value)
show(lambda: str(p))
show(lambda: p + 1)
show(lambda: bool(p))
show(lambda: len(p))
show(lambda: p == 1)
print(" to NoneType at 0x" in repr(p))
del adder
show(lambda: cp(1))
show(lambda: weakref.proxy())
show(lambda: weakref.proxy(Box(1), callback=gone))
show(lambda: weakref.ProxyType())
