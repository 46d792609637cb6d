# reduce, wraps, total_ordering, cmp_to_key, cached_property, singledispatch.
import functools
from functools import reduce, wraps, total_ordering, cmp_to_key


def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


print(reduce(lambda a, b: a * b, range(1, 8)), reduce(lambda a, b: a + b, [], 'init'))
print(reduce(lambda acc, w: acc + len(w), ['ab', 'cde'], 0), reduce(max, [3, 9, 2]))
attempt(reduce, lambda a, b: a, [])
attempt(reduce, lambda a, b: a, 5)


def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        """wrapper docstring"""
        print('calling', func.__name__)
        return func(*args, **kwargs)
    return wrapper


@logged
def greet(name):
    """Return a greeting."""
    return 'hello ' + name


print(greet('ann'), greet.__name__, greet.__doc__, greet.__wrapped__('bob'))
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)


@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return 'v' + '.'.join(map(str, self.parts))


a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, b >= a, a <= Version(1, 2), max(a, b), sorted([b, a]))
attempt(total_ordering, type('Plain', (), {}))


def compare(x, y):
    return (len(x) > len(y)) - (len(x) < len(y)) or (x > y) - (x < y)


print(sorted(['ccc', 'a', 'bb', 'aa', 'b'], key=cmp_to_key(compare)))
print(sorted([5, 2, 8], key=cmp_to_key(lambda x, y: y - x)))


class Circle:
    def __init__(self, r):
        self.r = r

    @functools.cached_property
    def area(self):
        print('computing area')
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area, 'area' in c.__dict__)
del c.area
print(c.area)


@functools.singledispatch
def describe(x):
    return 'object'


@describe.register(int)
def _(x):
    return 'int ' + str(x)


@describe.register(list)
def _(x):
    return 'list of ' + ', '.join(describe(i) for i in x)


print(describe(3), describe('s'), describe([1, 'a']), describe(True), describe.dispatch(bool).__name__)
