# functools.partial: application, flattening, attributes and repr.
from functools import partial


def power(base, exponent, *, mod=None):
    result = base ** exponent
    return result % mod if mod else result


square = partial(power, exponent=2)
cube_mod = partial(power, exponent=3, mod=7)
print(square(5), cube_mod(4), square(3, exponent=3))
two_to = partial(power, 2)
print([two_to(n) for n in range(6)])
print(two_to.func is power, two_to.args, two_to.keywords, square.keywords)

nested = partial(partial(power, 3), mod=5)
print(nested.func is power, nested.args, nested.keywords, nested(4))

basetwo = partial(int, base=2)
basetwo.__doc__ = 'Convert base 2 string to an int.'
print(basetwo('10010'), basetwo.__doc__)
print(repr(partial(len)), repr(partial(max, 1, default=0)))


class Num:
    def __repr__(self):
        return 'Num()'


print(partial(Num, 'x', y=Num()))
print(list(map(partial(max, 0), [-2, 3, -1, 5])))
print(sorted(['b', 'A', 'c'], key=partial(str.lower)))


def attempt(*args):
    try:
        partial(*args)
    except TypeError as e:
        print('TypeError', e)


attempt()
attempt(1)
