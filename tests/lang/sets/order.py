# Iteration order of sets: CPython's table layout, probing and growth.
print(set([5, 3, 17, 9, 100, -1]))
print(set(range(20, 0, -3)))
print(set([1, 9, 17, 25, 33, 8, 16]))
print(set([-1, -2, -3, 0, 1, 2, 3]))
print(set([2.5, 0.5, 1.5, 3.0, -0.25]))
print(set([(1, 2), (2, 1), (0, 0), (3, 4, 5), ()]))
print(set([True, False, 2, 0.0, 1.0]))
print(set([2 ** 64, 2 ** 61 - 1, 2 ** 61, -(2 ** 61), 2 ** 100 + 7]))
print(frozenset([1000, 8, 64, 512, 4096, 7]))

# Growth: the table is rebuilt as elements arrive.
s = set()
for i in range(0, 400, 37):
    s.add(i)
    print(len(s), s)

# Removing leaves dummies; adding may reuse one.
s = set([1, 9])
s.remove(1)
s.add(17)
print(s)
s = set(range(0, 64, 8))
for x in [8, 24, 40]:
    s.discard(x)
print(s)
for x in [72, 88, 104, 8]:
    s.add(x)
print(s)

# pop() scans from where the last pop stopped.
s = set(range(100, 0, -7))
out = []
while len(s) > 5:
    out.append(s.pop())
print(out)
print(s)
s.add(200)
s.add(3)
print(s.pop(), s.pop(), s)

# A set built from another keeps its order only when the tables match.
a = set(range(50))
for i in range(0, 50, 3):
    a.discard(i)
print(set(a))
print(frozenset(a))
b = set()
b.update(a)
print(b)
c = set([100, 200])
c.update(a)
print(c)

# From a dict: its keys in insertion order, added with their hashes.
d = {}
for k in [40, 8, 16, 0, 24, 32, 3]:
    d[k] = str(k)
print(set(d))
e = set([5, 6])
e.update(d)
print(e)
