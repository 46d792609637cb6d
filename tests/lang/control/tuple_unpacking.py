# Tuple unpacking in assignments and swaps.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y = [10, 20]
print(x, y)
p, q, r = 'abc'
print(p, q, r)
(m, n) = (3, 4)
print(m, n)
[s, t] = [5, 6]
print(s, t)
a, b, c = 7, 8, 9
print(a, b, c)
l = [0, 0, 0]
idx, l[idx] = 1, 'set'
print(idx, l)
d = {}
d['a'], d['b'] = 'A', 'B'
print(d)
a, b = 1, 2
a, b = a + b, a - b
print(a, b)
x, y, z = 1, 2, 3
x, y, z = z, x, y
print(x, y, z)
first, second = 'xy'
print(first, second)
pair = 5, 6
u, v = pair
print(u, v, pair)
lst = [3, 1, 2]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
