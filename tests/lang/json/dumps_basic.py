# json.dumps with default options: scalars, containers, dict key conversion,
# string escapes with ensure_ascii, and floats written as float.__repr__ does.
import json

print(json.dumps(None), json.dumps(True), json.dumps(False), json.dumps(0), json.dumps(-17))
print(json.dumps(2 ** 100), json.dumps(-(2 ** 64)))
print(json.dumps(1.5), json.dumps(0.1), json.dumps(-0.0), json.dumps(1e16), json.dumps(1e-7))
print(json.dumps(1 / 3), json.dumps(123456789.125), json.dumps(1e300), json.dumps(5e-324))
print(json.dumps(float('nan')), json.dumps(float('inf')), json.dumps(float('-inf')))
print(json.dumps([]), json.dumps({}), json.dumps(()), json.dumps([[], {}, [[]]]))
print(json.dumps([1, 'two', 3.0, None, True, (4, 5)]))
print(json.dumps({'a': 1, 'b': [1, 2], 'c': {'d': None}}))
print(json.dumps({1: 'int', 2.5: 'float', True: 'true', False: 'false', None: 'null'}))
print(json.dumps({-0.0: 1, float('inf'): 2, float('nan'): 3, 10 ** 20: 4}))

# Strings: the short escapes, \u00XX for other control characters, and
# \uXXXX (a surrogate pair above U+FFFF) for everything outside ASCII.
print(json.dumps('plain'), json.dumps(''), json.dumps('say "hi"'), json.dumps('back\\slash'))
print(json.dumps('\b\f\n\r\t'), json.dumps('\x00\x01\x1f'), json.dumps('\x7f'), json.dumps('a/b'))
print(json.dumps('caf\xe9'), json.dumps('\u2028\u20ac\uffff'), json.dumps('\U0001F600'))
print(json.dumps('\U00010000\U0010FFFF'), json.dumps('\ud800'), json.dumps({'\xe9': '\xe9'}))
print(json.dumps('\U0001F600\uf600 \U000100e9\xe9 \U00010041A'))


# Subclasses of int, float and str are written as their base type would be,
# whatever their __repr__ or __str__ say.
class Int(int):
    def __repr__(self):
        return 'Int!'


class Float(float):
    def __repr__(self):
        return 'Float!'


class Str(str):
    def __str__(self):
        return 'Str!'


print(json.dumps([Int(7), Float(2.5), Str('s'), {Int(1): Str('v'), Float(0.5): 0}]))
print(json.dumps([True, 1, 1.0]), json.dumps({True: 1, 2: True}))

# A str argument is encoded directly; a tuple becomes an array.
print(json.dumps('top'), json.dumps((1, (2, (3,)))))
print(json.JSONEncoder().encode({'x': [1.25, 'y']}))
print(type(json.dumps(1)).__name__, json.dumps({'k': 'v'}) == '{"k": "v"}')
