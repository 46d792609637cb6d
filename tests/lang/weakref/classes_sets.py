import weakref, gc
class C: pass
r = weakref.ref(C, lambda ref: print('class gone'))
print(r() is C)
del C
gc.collect()
print(r())
s = {1, 2}
calls = []
rs = weakref.ref(s, lambda ref: calls.append('set'))
del s
print(rs(), calls)
fs = frozenset('ab')
ws = weakref.WeakSet([fs])
print(len(ws))
del fs
print(len(ws))
d = weakref.WeakKeyDictionary()
class K: pass
d[K] = 1
print(len(d)); del K; gc.collect(); print(len(d))
print(weakref.ref(int)() is int)
def g(): yield 1
x = g(); r = weakref.ref(x); del x; print(r())
