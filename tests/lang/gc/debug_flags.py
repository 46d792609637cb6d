# gc.set_debug(flags, /) and gc.get_debug(): values and argument errors.
import gc

print(gc.get_debug())
for flags in [gc.DEBUG_STATS, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK, 0, 1024, -1, True, 2**31 - 1]:
    r = gc.set_debug(flags)
    v = gc.get_debug()
    gc.set_debug(0)
    print(r, v)

for args in [(), (1, 2), ('a',), (1.0,), (None,), (2**70,), (-2**70,), (2**31,)]:
    try:
        gc.set_debug(*args)
    except Exception as e:
        print(len(args), type(e).__name__ + ":", e)
    print(gc.get_debug())
try:
    gc.set_debug(**{"flags": 1})
except TypeError as e:
    print(e)

class Idx:
    def __index__(self):
        return 6

gc.set_debug(Idx())
v = gc.get_debug()
gc.set_debug(0)
print(v, gc.get_debug())
