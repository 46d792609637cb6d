# Weakrefs that are part of the garbage are cleared without calling back.
import gc
import weakref

gc.disable()


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)


def make_cb(tag):
    def cb(ref):
        print("callback", tag)
    return cb


# The weakref lives in the cycle it points into: no callback.
a = Node("a")
a.me = a
a.wr = weakref.ref(a, make_cb("self"))
del a
print("collected", gc.collect())

# Garbage pointing weakly at other garbage: no callback either; an outside
# weakref to the same object does get its callback.
b = Node("b")
b.me = b
c = Node("c")
c.me = c
b.wc = weakref.ref(c, make_cb("c from b"))
outside = weakref.ref(c, make_cb("c from outside"))
del b, c
print("collected", gc.collect())

# Garbage pointing weakly at a live object: the weakref is cleared with the
# garbage; the live object's later death calls back nobody.
live = Node("live")
d = Node("d")
d.me = d
d.w = weakref.ref(live, make_cb("live from d"))
del d
print("collected", gc.collect())
print("refs to live:", weakref.getweakrefcount(live))
del live

# A weakref whose callback is itself garbage but the weakref is reachable.
e = Node("e")
e.me = e
keep = []


class Callback:
    def __init__(self):
        self.me = self

    def __call__(self, ref):
        print("callable callback")


cbobj = Callback()
keep.append(weakref.ref(e, cbobj))
del cbobj, e
print("collected", gc.collect())
gc.enable()
