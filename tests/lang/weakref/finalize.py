# weakref.finalize and weakref.WeakMethod.
import gc
import weakref


class Resource:
    def __init__(self, name):
        self.name = name

    def method(self, x):
        return self.name + x


def cleanup(name, *, loud=False):
    print("cleanup", name, "loud" if loud else "quiet")
    return "done " + name


r = Resource("one")
f = weakref.finalize(r, cleanup, "one", loud=True)
print(f.alive, f.atexit)
obj, func, args, kwargs = f.peek()
print(obj is r, func is cleanup, args, kwargs)
print("deleting r")
del r, obj
print(f.alive, f.peek(), f())

r2 = Resource("two")
f2 = weakref.finalize(r2, cleanup, "two")
print(f2(), f2.alive, f2())
del r2
print("nothing more for two")

r3 = Resource("three")
f3 = weakref.finalize(r3, cleanup, "three")
print(f3.detach()[2], f3.alive, f3.detach())
del r3
print("detached: no cleanup")

# A finalizer on an object in a cycle runs when the cycle is collected.
r4 = Resource("four")
r4.me = r4
f4 = weakref.finalize(r4, cleanup, "four")
del r4
print("collecting")
gc.collect()
print(f4.alive)

# Finalizers of one object run newest first.
r5 = Resource("five")
weakref.finalize(r5, print, "first registered")
weakref.finalize(r5, print, "second registered")
del r5

# WeakMethod
r6 = Resource("six")
wm = weakref.WeakMethod(r6.method)
print(wm()("!"), wm() == r6.method, wm == weakref.WeakMethod(r6.method))
try:
    weakref.WeakMethod(cleanup)
except TypeError as e:
    print("TypeError:", e)
died = []
wm2 = weakref.WeakMethod(r6.method, lambda w: died.append(w is wm2))
del r6
print(wm(), died)
