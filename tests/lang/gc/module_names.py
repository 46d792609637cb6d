# The names of the gc module and the values of its DEBUG_* constants.
import gc

names = ("DEBUG_COLLECTABLE DEBUG_LEAK DEBUG_SAVEALL DEBUG_STATS DEBUG_UNCOLLECTABLE "
         "callbacks collect disable enable freeze garbage get_count get_debug "
         "get_freeze_count get_objects get_referents get_referrers get_stats "
         "get_threshold is_finalized is_tracked isenabled set_debug set_threshold "
         "unfreeze").split()
print(len(names), [n for n in names if not hasattr(gc, n)])
print(hasattr(gc, "DEBUG_OBJECTS"), hasattr(gc, "DEBUG_INSTANCES"), hasattr(gc, "get_garbage"))
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.DEBUG_LEAK == gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_SAVEALL)
print(type(gc.garbage).__name__, gc.garbage, type(gc.callbacks).__name__, gc.callbacks)
print(gc.garbage is gc.garbage, gc.callbacks is gc.callbacks, gc.garbage is gc.callbacks)
print(gc.__name__, type(gc).__name__)
for name in names:
    f = getattr(gc, name)
    if callable(f):
        print(name, "function", f.__name__ == name, repr(f) == "<built-in function " + name + ">")
    else:
        print(name, type(f).__name__)
