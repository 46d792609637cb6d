# Subclasses of weakref.ref: extra state, custom __new__/__call__, ordering.
import weakref


class C:
    pass


class Tagged(weakref.ref):
    def __init__(self, ob, callback=None):
        super().__init__(ob, callback)
        self.tag = "t"


class Keyed(weakref.ref):
    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = super().__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


def report(r):
    print("callback for", type(r).__name__, getattr(r, "key", None))


c = C()
plain = weakref.ref(c)
t = Tagged(c)
print(t is plain, t.tag, t() is c, isinstance(t, weakref.ref))
k = Keyed(c, report, "k1")
print(k.key, k() is c, k.__callback__ is report)
k2 = Keyed(c, report, "k2")
print([type(x).__name__ for x in weakref.getweakrefs(c)])
print(t == plain, k == k2)
# A subclass instance is itself weakly referenceable.
rt = weakref.ref(t)
print(rt() is t)
del c
print(t(), k(), k2())


class Holder(weakref.ref):
    pass


# A weakref subclass whose own attribute holds the referent: when the
# weakref dies, it takes the referent with it, and its callback is not run.
d = C()
h = Holder(d, report)
h.keep = d
del d
print("alive through h:", h() is not None)
del h
print("end")
