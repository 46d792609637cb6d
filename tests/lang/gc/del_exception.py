# golden: full-stderr
# An exception in __del__ is reported on stderr and ignored, both on the
# refcount path and in the collector, which still counts the object.
import gc

class Bad:
    def __del__(self):
        raise ValueError("boom")

b = Bad()
del b
print("after refcount death")

gc.collect()
c = Bad()
c.me = c
del c
print("collect:", gc.collect())
print("still running")
