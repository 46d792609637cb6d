# string.Formatter: format, parse, fields, conversions, and a subclass.
from string import Formatter

fmt = Formatter()
print(fmt.format('{} + {} = {}', 1, 2, 3))
print(fmt.format('{0}{1}{0}', 'ab', 'cd'), fmt.format('{name!r:>8}|', name='x'))
print(fmt.format('{0[1]} {a.real} {d[k]}', [1, 2], a=3, d={'k': 'v'}))
print(fmt.format('{:{w}.{p}f}|', 3.14159, w=8, p=2), fmt.format('{{literal}} {}', 'ok'))
print(list(fmt.parse('a{0}b{x!r:3}{{c}}d')))
print(list(fmt.parse('plain')), list(fmt.parse('')))


class Upper(Formatter):
    def format_field(self, value, format_spec):
        return format(value, format_spec).upper()

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return '<' + key + '>'
        return super().get_value(key, args, kwargs)


up = Upper()
print(up.format('{} and {name} and {missing}', 'abc', name='def'))


def attempt(*args):
    try:
        fmt.format(*args)
    except Exception as e:
        print(type(e).__name__, e)


attempt('{} {0}', 1)
attempt('{', 1)
attempt('}')
attempt('{0}')
attempt('{x}')
attempt('{!z}', 1)
