# sys.getrefcount counts every reference, including its own argument.
import sys

class Obj:
    pass

a = Obj()
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))
lst = [a, a]
print(sys.getrefcount(a))
del lst
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))

def through(param):
    return sys.getrefcount(param)

print(through(a))

def local():
    x = Obj()
    return sys.getrefcount(x)

print(local())
print(sys.getrefcount(Obj()), sys.getrefcount([]))
d = {"k": a}
print(sys.getrefcount(a))
t = (a, a, a)
print(sys.getrefcount(a))
del d, t
print(sys.getrefcount(a))
a.me = a
print(sys.getrefcount(a))
del a.me
print(sys.getrefcount(a))
print(sys.getrefcount(Obj) > 2)

for args in [(), (1, 2)]:
    try:
        sys.getrefcount(*args)
    except TypeError as e:
        print(e)
