# Large sets: growth past 50000 elements, resizes after big deletions.
s = set(range(0, 700000, 7))
print(len(s), s.__sizeof__(), hash(frozenset(s)))
l = list(s)
print(l[:8], l[-8:])
for i in range(0, 700000, 3):
    s.discard(i)
print(len(s), s.__sizeof__(), list(s)[:8])
s.difference_update(range(0, 700000, 2))
print(len(s), s.__sizeof__(), list(s)[:8])
s.update(range(100000, 200000, 11))
print(len(s), s.__sizeof__(), list(s)[-8:])
t = s - set(range(0, 1000000, 5))
print(len(t), t.__sizeof__(), list(t)[:8])
x = set(range(-5, 200000, 13)) ^ s
print(len(x), x.__sizeof__(), list(x)[:8])
