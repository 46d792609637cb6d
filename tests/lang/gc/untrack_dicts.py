# Dicts start untracked, become tracked when a container is stored, and are
# untracked again only by a full collection.
import gc

d = {}
print(gc.is_tracked(d))
d['a'] = 1
d['b'] = 'text'
d[3] = None
print(gc.is_tracked(d))
d['c'] = []
print(gc.is_tracked(d))
del d['c']
print(gc.is_tracked(d))
gc.collect(0)
print(gc.is_tracked(d))
gc.collect(1)
print(gc.is_tracked(d))
gc.collect(2)
print(gc.is_tracked(d))

e = {'inner': {}}
print(gc.is_tracked(e), gc.is_tracked(e['inner']))
gc.collect()
print(gc.is_tracked(e), gc.is_tracked(e['inner']))

f = {'x': 1, 'y': 2}
print(gc.is_tracked(f))
f.update({'z': [1]})
print(gc.is_tracked(f))
f.pop('z')
gc.collect()
print(gc.is_tracked(f))

g = {}
g[(1, 2)] = 0
print(gc.is_tracked(g))
gc.collect()
print(gc.is_tracked(g))
h = {'self': None}
h['self'] = h
gc.collect()
print(gc.is_tracked(h))
k = {n: n * 2 for n in range(3)}
print(gc.is_tracked(k))
print(gc.is_tracked({'l': [n for n in range(2)]}))
