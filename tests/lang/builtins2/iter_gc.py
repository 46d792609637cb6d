# The lazy iterators are GC containers: cycles through them are collected,
# with CPython's counts (enumerate and zip keep a reusable result tuple).
import gc

gc.collect()
l = []
e = enumerate(l)
l.append(e)
print(gc.is_tracked(e), gc.collect())
del l, e
print(gc.collect())
z = []
zz = zip(z, [1, 2])
z.append(zz)
del z, zz
print(gc.collect())
m = []
mm = map(len, m)
m.append(mm)
f = []
ff = filter(None, f)
f.append(ff)
del m, mm, f, ff
print(gc.collect())

class Seq:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return i

s = Seq()
s.rev = reversed(s)
del s
print(gc.collect())
pairs = [p for p in enumerate('abc')]
print(pairs)
print(list(zip('xy', [[1], [2]])))
