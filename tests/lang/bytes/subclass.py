# subclasses of bytes and bytearray
class B(bytes):
    def shout(self):
        return self.upper() + b'!'

class BA(bytearray):
    pass

b = B(b'hello')
print(type(b).__name__, b, repr(b), len(b), b[0], b[1:3], isinstance(b, bytes))
print(b.shout(), type(b.upper()).__name__, type(b[1:]).__name__, type(b + b'x').__name__)
print(type(b * 2).__name__, type(b * 1).__name__, type(b.strip()).__name__, type(b.split()[0]).__name__)
print(type(b.partition(b'z')[0]).__name__, type(b.center(2)).__name__, type(b % ()).__name__)
print(b == b'hello', hash(b) == hash(b'hello'), b'ell' in b, {b: 1}[b'hello'])
print(type(bytes(b)).__name__, bytes(b), type(B.fromhex('4142')).__name__, B.fromhex('4142'))
print(B(), B(3), B([65, 66]), B('\u00e9', 'utf-8'), type(B(b'x')).__name__)
print(b'-'.join([b, B(b'z')]), b.decode(), list(b), b'%s' % b, B(b'%d') % 5)

class WithInit(bytes):
    def __new__(cls, text):
        return super().__new__(cls, text.encode())
    def __init__(self, text):
        print('init', text, len(self))

w = WithInit('abc')
print(type(w).__name__, w, w.upper())

ba = BA(b'abc')
print(type(ba).__name__, ba, repr(ba), isinstance(ba, bytearray))
ba.append(100)
ba += b'ef'
ba[0] = 65
print(ba, type(ba).__name__, type(ba.upper()).__name__, type(ba[1:]).__name__, type(ba.copy()).__name__)
print(type(ba + b'x').__name__, type(ba * 2).__name__, ba == b'Abcdef', bytes(ba))
ba.name = 'tagged'
print(ba.name, vars(ba), type(BA.fromhex('41')).__name__)

class Args(bytearray):
    def __init__(self, n, fill):
        super().__init__(n)
        for i in range(n):
            self[i] = fill

print(Args(3, 65), type(Args(2, 66)).__name__)
again = bytearray(b'abc')
again.__init__(b'z')
print(again, bytearray.__new__(bytearray, b'ignored'), BA.__new__(BA))

try:
    class Slotted(bytes):
        __slots__ = ('extra',)
    Slotted(b'x')
except TypeError as e:
    print('TypeError', e)

class HasBytes:
    def __init__(self, data):
        self.data = data
    def __bytes__(self):
        return self.data

print(bytes(HasBytes(b'via __bytes__')), B(HasBytes(b'sub')), type(B(HasBytes(b's'))).__name__)
print(bytes(HasBytes(B(b'keeps?'))).__class__.__name__, bytearray(b'q') + HasBytes(b'').__bytes__())

class Custom(bytes):
    def __bytes__(self):
        return b'custom'

print(bytes(Custom(b'raw')), Custom(b'raw'), b'%s' % Custom(b'raw'))

class Str(bytes):
    def __str__(self):
        return 'Str!'
    def __repr__(self):
        return 'Str(...)'

print(Str(b'x'), repr(Str(b'x')), [Str(b'y')], b'%r' % Str(b'z'))
print(sorted([B(b'b'), b'a', BA(b'c')]), max(B(b'x'), B(b'y')))
