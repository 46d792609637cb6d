# partialmethod, singledispatchmethod, lru_cache on methods, reduce with classes.
from functools import partialmethod, singledispatchmethod, reduce, partial


class Cell:
    def __init__(self):
        self.alive = False

    def set_state(self, state):
        self.alive = bool(state)

    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False)


c = Cell()
c.set_alive()
print(c.alive)
c.set_dead()
print(c.alive)


class Formatter:
    @singledispatchmethod
    def fmt(self, arg):
        return 'other:' + repr(arg)

    @fmt.register(int)
    def _(self, arg):
        return 'int:%d' % arg

    @fmt.register(list)
    def _(self, arg):
        return '[' + ','.join(self.fmt(a) for a in arg) + ']'


f = Formatter()
print(f.fmt(3), f.fmt('x'), f.fmt([1, 'y', [2]]))


class Vec:
    def __init__(self, *xs):
        self.xs = xs

    def __add__(self, other):
        return Vec(*(a + b for a, b in zip(self.xs, other.xs)))

    def __repr__(self):
        return 'Vec%r' % (self.xs,)


print(reduce(Vec.__add__, [Vec(1, 2), Vec(3, 4), Vec(5, 6)]))
add3 = partial(lambda a, b, c: a + b + c, 1, 2)
print(add3(3), list(map(partial(pow, 2), range(5))))
