# golden: full-stderr
# An exception raised by a gc callback is reported and ignored; the
# collection and the other callbacks go on.
import gc

class Node:
    pass

seen = []

def bad(phase, info):
    if phase == "stop":
        raise ValueError("callback failed")
    seen.append(phase)

def good(phase, info):
    seen.append(phase + " " + str(info["collected"]))

gc.collect()
gc.callbacks.append(bad)
gc.callbacks.append(good)
n = Node()
n.me = n
del n
print(gc.collect())
gc.callbacks.clear()
print(seen)
print("still running")
