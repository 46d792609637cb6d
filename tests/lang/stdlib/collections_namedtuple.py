# namedtuple: construction, fields, helpers, repr and errors.
from collections import namedtuple


def attempt(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


Point = namedtuple('Point', ['x', 'y'])
p = Point(11, y=22)
print(p, p.x + p.y, p[0], len(p), isinstance(p, tuple))
x, y = p
print(x, y, p == (11, 22), p._fields, Point._fields)
print(p._asdict(), p._replace(x=100), Point._make([3, 4]))
print(Point.__doc__, Point.x.__doc__, Point.__name__)
print(hash(p) == hash((11, 22)), sorted([Point(2, 1), Point(1, 2)]))

Color = namedtuple('Color', 'red green, blue', defaults=[0, 255])
print(Color(1), Color(1, 2, 3), Color._field_defaults)
print(Color.__new__.__doc__)

R = namedtuple('R', 'a def _b a', rename=True)
print(R._fields, R(1, 2, 3, 4))
print(namedtuple('One', 'v')(5), namedtuple('Empty', '')())

attempt(Point, 1)
attempt(Point)
attempt(Point, 1, 2, 3)
attempt(Point, 1, x=2)
attempt(Point, 1, z=2)
attempt(Color)
attempt(Color, 1, 2, 3, 4)
attempt(Point._make, [1])
attempt(p._replace, z=1)
attempt(setattr, p, 'x', 5)
attempt(namedtuple, '1a', 'x')
attempt(namedtuple, 'A', 'x _y')
attempt(namedtuple, 'A', 'x x')
attempt(namedtuple, 'A', 'x def')
attempt(namedtuple, 'A', 'x', defaults=[1, 2])


class Vec(namedtuple('Vec', 'x y')):
    __slots__ = ()

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)


v = Vec(1, -2) + Vec(3, 4)
print(v, v.norm1, type(v).__name__)
