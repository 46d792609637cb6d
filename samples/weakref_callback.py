# A weak reference does not keep its object alive; its callback runs when
# the object dies, by reference counting or by the cycle collector.
import gc

try:
    import weakref
except ImportError:
    weakref = None


class Big:
    def __init__(self, name):
        self.name = name


def gone(ref):
    print("callback: the object is gone, ref() is", ref())


if weakref is None:
    print("no weakref module")
else:
    obj = Big("plain")
    r = weakref.ref(obj, gone)
    print("alive:", r() is obj, r().name)
    del obj
    print("after del:", r())

    gc.collect()
    cyc = Big("cyclic")
    cyc.me = cyc
    r2 = weakref.ref(cyc, gone)
    del cyc
    print("before collect:", r2() is not None)
    print("collected:", gc.collect())
    print("after collect:", r2())
