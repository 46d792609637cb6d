# del of names, list items and dict keys.
x = 1
y = 2
del x
x = 'rebound'
print(x, y)
l = [0, 1, 2, 3, 4]
del l[0]
print(l)
del l[-1]
print(l)
del l[1]
print(l)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
del d['a'], d['c']
print(d, len(d))
m = [[1, 2], [3, 4]]
del m[0][1]
print(m)
n = {'k': [1, 2, 3]}
del n['k'][0]
print(n)
a = [1, 2]
b = a
del a
print(b)
a = 'again'
print(a)
p = 1
q = 2
del p, q
p = 3
print(p)
for i in range(3):
    pass
del i
i = 'new i'
print(i)
