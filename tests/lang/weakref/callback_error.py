# An exception in a weakref callback is reported as unraisable and ignored;
# the other callbacks still run, on the refcount path and in the collector.
# golden: full-stderr
import gc
import sys
import weakref


class Thing:
    pass


def bad(ref):
    raise ValueError("boom")


def good(ref):
    print("good callback")


t = Thing()
r1 = weakref.ref(t, good)
r2 = weakref.ref(t, bad)
print("deleting t")
sys.stdout.flush()
del t
print("after del")

u = Thing()
u.me = u
r3 = weakref.ref(u, bad)
r4 = weakref.ref(u, good)
del u
print("collecting")
sys.stdout.flush()
print("collected", gc.collect())


# The exception being handled when a weakref dies survives its callback.
def quiet(ref):
    try:
        raise ValueError("inside")
    except ValueError as e:
        print("caught in callback:", e)


v = Thing()
r5 = weakref.ref(v, quiet)
try:
    try:
        raise KeyError("outer")
    except KeyError:
        del v
        raise
except KeyError as e:
    print("re-raised", repr(e))
