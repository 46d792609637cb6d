# Refcount deaths: __del__ first, then the weakref callbacks, newest first,
# then the attributes are released.
import weakref


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)


class Attr:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("attribute freed", self.name)


def make_cb(tag):
    def cb(ref):
        print("callback", tag, ref() is None)
    return cb


a = Noisy("plain")
a.attr = Attr("of plain")
r1 = weakref.ref(a, make_cb(1))
r2 = weakref.ref(a, make_cb(2))
plain = weakref.ref(a)
r3 = weakref.ref(a, make_cb(3))
p = weakref.proxy(a, lambda proxy: print("callback proxy"))
print("del a")
del a
print("after del")

# A callback that drops the last reference to another weakly referenced object.
b = Noisy("b")
c = Noisy("c")
holder = [c]
rc = weakref.ref(c, make_cb("c"))
del c


def drop(ref):
    print("callback b: dropping c")
    holder.clear()


rb = weakref.ref(b, drop)
del b
print("after b")

# A __del__ that resurrects: no callback yet; the weakref stays alive.
saved = []


class Phoenix:
    def __del__(self):
        print("__del__ Phoenix")
        saved.append(self)


x = Phoenix()
rx = weakref.ref(x, make_cb("phoenix"))
del x
print("resurrected:", rx() is saved[0])
saved.clear()
print("end")
