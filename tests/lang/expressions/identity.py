# is / is not compare object identity, never values.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a is not c, a == c)
b.append(3)
print(a, c)
print(a is b)
x = None
print(x is None, x is not None)
t = True
print(t is True, t is not False)
d = {'k': a}
print(d['k'] is a, d['k'] is c)
e = a[:]
print(e == a, e is a)
def f(v):
    return v
print(f(a) is a)
g = f
print(g is f, f is not g)
p = print
print(p is print, len is not print)
n = a.append(4)
print(n is None, a)
l = [a, a]
print(l[0] is l[1])
l[0].append(5)
print(l)
