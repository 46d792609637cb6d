# id() is stable for one object and differs between live objects.
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), id(a) != id(c))
a.append(3)
print(id(a) == id(b))
x = 'hello'
print(id(x) == id(x))
def f(v):
    return id(v)
print(f(a) == id(a), f(c) == id(a))
d = {'k': a}
print(id(d['k']) == id(a))
lst = [a, c]
print(id(lst[0]) == id(b), id(lst[1]) == id(c))
s = a[:]
print(id(s) == id(a), s == a)
print(id(None) == id(None), id(f) == id(f))
g = f
print(id(g) == id(f))
print(type(id(a)) is int)
