# Set algebra: results, their order, and their types.
a = set([1, 2, 3, 4, 5, 10, 20, 30])
b = set([4, 5, 6, 7, 20, 40, 80])
fa = frozenset(a)
fb = frozenset(b)
print(a | b, a & b, a - b, b - a, a ^ b, b ^ a)
print(fa | b, a | fb, fa & fb, fa - b, b - fa, fa ^ fb)
print(type(fa | b).__name__, type(a | fb).__name__, type(fb & a).__name__)
print(type(fa - b).__name__, type(a ^ fb).__name__)

print(a.union([9, 8, 1], (100,), fb))
print(a.intersection(b, [4, 20, 99]))
print(a.intersection(range(3, 100)))
print(a.difference([1, 2], set([30]), fb))
print(a.symmetric_difference([1, 2, 99, 98]))
print(fa.union(), fa.intersection(), fa.difference())
print(type(fa.union()).__name__, fa.union() == fa)

d = {}
for k in [2, 4, 6, 8, 10]:
    d[k] = None
print(a.union(d), a.intersection(d), a.difference(d), a.symmetric_difference(d))

# Larger and smaller operands take different paths.
big = set(range(0, 200, 2))
small = set([4, 5, 6, 198, 199])
print(big & small, small & big)
print(small - big, big - small == set(range(0, 200, 2)) - set([4, 6, 198]))
print(small.intersection(big), small.difference(big))
print(len(big - set([1, 2])), len(set([1, 2, 3]) - big))

# In-place operators keep the object.
s = set([1, 2, 3])
t = s
s |= set([7, 8])
s &= frozenset([1, 3, 7, 9])
s -= set([3])
s ^= set([20, 7])
print(s, t is s)
f = frozenset([1, 2])
g = f
f |= set([3])
print(f, g, f is g)

s = set(range(10))
s.update([10, 11], (12,), set([13]))
s.intersection_update(range(2, 20), [2, 3, 5, 7, 11, 13, 17])
print(s)
s.difference_update([2], set([3]))
print(s)
s.symmetric_difference_update([5, 6, 7])
print(s)
s.symmetric_difference_update(s)
print(s)
