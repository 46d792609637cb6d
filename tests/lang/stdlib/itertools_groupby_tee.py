# groupby (groups, keys, invalidated groups) and tee.
from itertools import groupby, tee

print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
print([(k, len(list(g))) for k, g in groupby([1, 3, 2, 4, 5, 7], key=lambda x: x % 2)])
groups = list(groupby('aabbc'))
print([(k, list(g)) for k, g in groups])
it = groupby('xxyyy')
k1, g1 = next(it)
print(k1, next(g1))
k2, g2 = next(it)
print(k2, list(g2), list(g1))
print(list(groupby([])))

records = [('fruit', 'apple'), ('fruit', 'pear'), ('veg', 'leek'), ('fruit', 'fig')]
for kind, items in groupby(sorted(records), key=lambda r: r[0]):
    print(kind, [name for _, name in items])

a, b = tee(range(5))
print(next(a), next(a), list(b), list(a))
x, y, z = tee('abc', 3)
print(list(x), list(y), next(z))
c, = tee([1, 2], 1)
print(list(c), tee([1], 0))
p, q = tee(iter([1, 2, 3]))
r, s = tee(p)
print(list(r), list(s), list(q))
try:
    tee([], -1)
except ValueError as e:
    print('ValueError', e)
