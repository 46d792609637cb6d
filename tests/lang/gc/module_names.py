# The names of the gc module and the values of its DEBUG_* constants.
import gc

names = [n for n in dir(gc) if not n.startswith("_")]
print(names)
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.DEBUG_LEAK == gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_SAVEALL)
print(type(gc.garbage).__name__, gc.garbage, type(gc.callbacks).__name__, gc.callbacks)
print(gc.__name__, type(gc).__name__)
for name in ["collect", "enable", "get_count", "is_tracked", "get_referrers"]:
    f = getattr(gc, name)
    print(name, type(f).__name__, f.__name__, callable(f))
print(repr(gc.collect))
