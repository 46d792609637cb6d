# WeakValueDictionary, WeakKeyDictionary and WeakSet lose entries as soon
# as the objects behind them die.
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Obj(%s)" % self.name


def show(fn):
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__ + ":", e)


objs = [Obj(n) for n in "abcd"]
wvd = weakref.WeakValueDictionary()
for o in objs:
    wvd[o.name] = o
print(len(wvd), sorted(wvd.keys()), "a" in wvd, wvd["b"], wvd.get("zz", "default"))
del o
objs.pop()
print(len(wvd), sorted(wvd), "d" in wvd)
show(lambda: wvd["d"])
print(sorted(v.name for v in wvd.values()), sorted(k for k, v in wvd.items()))
print(wvd.pop("a"), len(wvd), wvd.setdefault("b", None), wvd.pop("zz", 7))
show(lambda: wvd.pop("zz"))
objs.clear()
print(len(wvd), list(wvd.items()))

# A value in a reference cycle goes at the next collection.
cyc = Obj("cycle")
cyc.me = cyc
wvd["cyc"] = cyc
del cyc
print("cyc" in wvd)
gc.collect()
print("cyc" in wvd, len(wvd))

keys = [Obj(n) for n in "xyz"]
wkd = weakref.WeakKeyDictionary()
for i, k in enumerate(keys):
    wkd[k] = i
print(len(wkd), wkd[keys[1]], keys[0] in wkd, 5 in wkd, wkd.get(Obj("q"), "none"))
del keys[1], k
print(len(wkd), sorted(wkd.values()), sorted(o.name for o in wkd))
del wkd[keys[0]]
print(len(wkd), [(o.name, v) for o, v in wkd.items()])
keys.clear()
print(len(wkd))

members = [Obj(n) for n in "pqr"]
ws = weakref.WeakSet(members)
print(len(ws), members[0] in ws, Obj("p") in ws, 3 in ws)
ws.discard(members[2])
print(len(ws), sorted(o.name for o in ws))
members.pop(0)
print(len(ws), sorted(o.name for o in ws))
members.clear()
print(len(ws), list(ws))

# The containers themselves die by reference counting.
d = weakref.WeakValueDictionary()
rd = weakref.ref(d)
v = Obj("v")
d["v"] = v
del d
print(rd())
