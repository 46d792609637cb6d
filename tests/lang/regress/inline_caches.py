# The eval loop caches global lookups and instance attributes per code
# object; every one of these changes must be seen at once.
import builtins


class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return 'method'


class Q:
    def __init__(self, x):
        self.y = 0
        self.x = x


def read(o):
    return o.x


def write(o, v):
    o.x = v


def call(o):
    return o.get()


p = P(1)
for _ in range(3):
    print(read(p), read(Q(2)), end=' ')
print()

# A property added to the class takes precedence over the instance value.
P.x = property(lambda self: 'property')
print(read(p))
del P.x
print(read(p))

# A data descriptor without __get__... and a plain class attribute.
P.x = 'class attr'
print(read(p))
del p.x
print(read(p))
del P.x
p.x = 5

# Writing through the cache, then __dict__ is materialized.
for i in range(3):
    write(p, i)
print(p.x, p.__dict__)
write(p, 'after dict')
print(p.x, read(p), p.__dict__)

# __class__ reassignment.
q = P(7)
q.__class__ = Q
print(read(q), type(q).__name__, q.__dict__)
try:
    q.__class__ = int
except TypeError as e:
    print(e)


class Slotted:
    __slots__ = ('x',)


try:
    q.__class__ = Slotted
except TypeError as e:
    print(e)

# Methods: an instance attribute appears later, the class method changes.
r = P(0)
print(call(r), call(r))
r.get = lambda: 'instance attr'
print(call(r), call(P(0)))
P.get = lambda self: 'replaced'
print(call(P(0)), call(r))
del r.get
print(call(r))

# __getattribute__ and __setattr__ added to the class later.
P.__getattribute__ = lambda self, name: 'intercepted ' + name
print(read(P(3)))
del P.__getattribute__
log = []
P.__setattr__ = lambda self, name, value: log.append((name, value))
s = P(4)
write(s, 9)
print(log)
del P.__setattr__

# Globals and builtins seen by a cached LOAD_GLOBAL.
g = 'first'
real_len = len


def use():
    return g, len('abc')


print(use(), use())
g = 'second'
builtins.len = lambda s: 'patched len'
print(use())
builtins.len = real_len
print(use())
del g
try:
    use()
except NameError as e:
    print(e)
g = 'back'
print(use())

# Many classes through one code site.
classes = [type('C%d' % i, (), {'x': i}) for i in range(5)]
objs = []
for i, c in enumerate(classes):
    o = c()
    if i % 2:
        o.x = -i
    objs.append(o)
print([read(o) for o in objs], [read(o) for o in objs])
