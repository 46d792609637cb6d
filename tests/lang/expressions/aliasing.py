# Names are references: aliasing and mutation through another name.
a = b = []
a.append(1)
print(a, b, a is b)
b.append(2)
print(a)
c = a
c = c + [3]
print(a, c)
d = a
d += [4]
print(a, d)
x = [1, 2, 3]
y = x[:]
y[0] = 100
print(x, y)
outer = [[1], [2]]
copy = outer[:]
copy[0].append('shared')
copy[1] = 'replaced'
print(outer, copy)
m = {'list': [1]}
ref = m['list']
ref.append(2)
print(m)
n = m
n['new'] = 1
print(m)
s = 'text'
t = s
t += ' more'
print(s, t)
i = 5
j = i
j += 1
print(i, j)
p = q = r = 7
print(p, q, r)
items = [0, 0, 0]
k = 0
k = items[k] = 2
print(k, items)
