# gc.DEBUG_STATS writes statistics to stderr (their numbers and timing are
# the interpreter's own); the collection itself is unchanged. The last line
# of stderr comes from a failing __del__ so that it is the same everywhere.
import gc

class Node:
    pass

class Bad:
    def __del__(self):
        raise RuntimeError("last line")

gc.collect()
gc.set_debug(gc.DEBUG_STATS)
n = Node()
n.me = n
del n
r = gc.collect()
r0 = gc.collect(0)
gc.set_debug(0)
print(r, r0)
b = Bad()
del b
print("done")
