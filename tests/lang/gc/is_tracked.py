# golden: no-gc-stress
# gc.is_tracked(obj): which objects the collector tracks (CPython 3.11's rules).
import gc
gc.disable()  # an automatic collection would untrack the tuples below

class C:
    pass

class S:
    __slots__ = ("a",)

def f():
    pass

cases = [
    ("int", 1), ("big int", 2**100), ("float", 1.5), ("str", "abc"), ("empty str", ""),
    ("None", None), ("True", True), ("type int", int), ("empty tuple", ()),
    ("list", []), ("list of ints", [1, 2]), ("instance", C()), ("slots instance", S()),
    ("class", C), ("function", f), ("module", gc), ("lambda", lambda: 0),
    ("list iterator", iter([1])), ("tuple iterator", iter((1,))), ("range", range(3)),
    ("empty dict", {}), ("dict of ints", {'a': 1}),
    ("dict with list", {'a': []}), ("dict with empty dict", {'a': {}}),
    ("dict with tuple", {'a': tuple(range(1, 3))}), ("dict with tuple key", {(1, 2): 1}),
    ("tuple of ints", tuple(range(1, 3))), ("tuple with list", ([],)),
    ("bound method", C().__init__), ("builtin", len), ("exception", ValueError("x")),
]
for name, obj in cases:
    print(name, gc.is_tracked(obj))

d = {}
print(gc.is_tracked(d))
d['x'] = 1
print(gc.is_tracked(d))
d['y'] = []
print(gc.is_tracked(d))
del d['y']
print(gc.is_tracked(d))
for args in [(), (1, 2)]:
    try:
        gc.is_tracked(*args)
    except TypeError as e:
        print(e)
try:
    gc.is_tracked(**{"obj": 1})
except TypeError as e:
    print(e)
