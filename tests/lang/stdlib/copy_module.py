# copy.copy and copy.deepcopy: containers, instances, memo and hooks.
import copy

nested = [1, [2, 3], {'k': [4]}]
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
nested[1].append('x')
nested[2]['k'].append('y')
print(shallow, deep, shallow[1] is nested[1], deep[1] is nested[1])
d = {'a': [1], 'b': (1, [2])}
d2 = copy.deepcopy(d)
d['b'][1].append(3)
print(d, d2)
t = (1, 2, 'x')
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is not None)
s = set([1, 2])
print(sorted(copy.copy(s)), copy.copy(s) is s)

cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc[1] is not cyc)
shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is shared)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.tags = []

    def __repr__(self):
        return 'Point(%r, %r, %r)' % (self.x, self.y, self.tags)


p = Point(1, 2)
q = copy.copy(p)
r = copy.deepcopy(p)
p.tags.append('t')
print(q, r, type(r).__name__, q.tags is p.tags, r.tags is p.tags)


class Hooked:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print('__copy__ called')
        return Hooked(self.v)

    def __deepcopy__(self, memo):
        print('__deepcopy__ called')
        return Hooked(copy.deepcopy(self.v, memo))


h = Hooked([1])
print(copy.copy(h).v, copy.deepcopy(h).v is h.v)


class Slotted:
    __slots__ = ('a', 'b')


sl = Slotted()
sl.a = [1]
sl.b = 'x'
sc = copy.deepcopy(sl)
print(sc.a, sc.b, sc.a is sl.a)
