# bytes constants in tuples, defaults and comparisons
def f(x=b'default', y=(b'a', b'b')):
    return x, y

print(f())
print(f(b'other'))
for item in (b'one', b'two', b'\x00'):
    print(item, len(item))
print(b'a' in (b'a', b'b'), b'c' not in [b'a', b'b'])
KEYS = {b'GET': 1, b'POST': 2}
print(KEYS[b'POST'], sorted(KEYS))
x = b'abc'
if x == b'abc':
    print('match')
print(b'abc' if x else b'', x or b'empty', b'' or b'fallback')
print(isinstance(b'', bytes), isinstance(bytearray(), bytearray), isinstance(b'', bytearray))
print(bytes is type(b''), issubclass(bytes, object))
