# weakref.ref: identity reuse, callbacks, __callback__, hash and ==, counts.
import weakref


class C:
    pass


def show(fn):
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__ + ":", e)


c = C()
r1 = weakref.ref(c)
r2 = weakref.ref(c)
print(r1 is r2, r1() is c, r1.__callback__)
print(weakref.ref(c, None) is r1)


def cb(r):
    print("cb: dead ref", r() is None, r is r3)


r3 = weakref.ref(c, cb)
print(r3 is r1, r3.__callback__ is cb)
p = weakref.proxy(c)
print(weakref.proxy(c) is p)
print(weakref.getweakrefcount(c), weakref.getweakrefcount(1))
print([type(x).__name__ for x in weakref.getweakrefs(c)])
print(weakref.getweakrefs(c)[0] is r1, weakref.getweakrefs(c)[1] is p)
print(weakref.getweakrefs(42))

# hash and equality follow the referent while it lives
print(hash(r1) == hash(c), r1 == r3, r1 != r3)
other = C()
print(r1 == weakref.ref(other), r1 == c)
show(lambda: r1 < r3)
print(repr(r1).startswith("<weakref at 0x"), "; to 'C' at 0x" in repr(r1))

# reprs of weakrefs to named objects carry the name
def func():
    pass


rf = weakref.ref(func)
print(repr(rf).endswith("(func)>"), "to 'function'" in repr(rf))

# errors
show(lambda: weakref.ref(1))
show(lambda: weakref.ref("s"))
show(lambda: weakref.ref([]))
show(lambda: weakref.ref(r1))
show(lambda: weakref.ref())
show(lambda: weakref.ref(c, cb, 3))
show(lambda: weakref.ref(c, callback=cb))
show(lambda: r1(1))
show(lambda: r1(x=1))

print("deleting c")
del c
print(r1(), r3(), repr(r1).endswith("; dead>"))
print(weakref.getweakrefcount(C()), r1 == r3, r1 == r1)
print(hash(r1) == hash(r1))
h = weakref.ref(other)
del other
show(lambda: hash(h))
print(type(r1).__name__, type(r1).__module__, weakref.ref is weakref.ReferenceType)
print(type(p).__name__, type(weakref.proxy(func)).__name__)
