# Cyclic garbage: the collector clears weakrefs and runs their callbacks
# first, then the finalizers (__del__), then frees the cycle.
import gc
import weakref

gc.disable()


class Node:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print("__del__", self.name)


def make_cb(tag):
    def cb(ref):
        print("callback", tag, ref() is None)
    return cb


a = Node("cyclic")
ra = weakref.ref(a, make_cb("a"))
del a
print("still alive:", ra() is not None)
print("collected", gc.collect())
print(ra())

# A ring of three, each with a callback weakref and a __del__.
x, y, z = Node("x"), Node("y"), Node("z")
x.next, y.next, z.next = y, z, x
refs = [weakref.ref(n, make_cb(n.name)) for n in (x, y, z)]
del x, y, z
print("collected", gc.collect())
print([r() for r in refs])

# A callback may look at other weakrefs: all of them are already cleared.
p, q = Node("p"), Node("q")
p.other, q.other = q, p
rq = weakref.ref(q)


def peek(ref):
    print("in callback, q is", rq())


rp = weakref.ref(p, peek)
del p, q
print("collected", gc.collect())

# A finalizer creating a fresh weakref to its dying object: the new weakref
# is cleared (with its callback) when the object is finally freed.
late = []


class Late:
    def __init__(self):
        self.me = self

    def __del__(self):
        print("__del__ Late")
        late.append(weakref.ref(self, make_cb("late")))


o = Late()
del o
print("collected", gc.collect())
print(late[0]())
gc.enable()
