class S(str):
    pass
s = S('héllo')
s.tag = 1
print(s, s.tag, s.__dict__, len(s), s.upper(), type(s.upper()).__name__)
class T(tuple):
    pass
t = T((1, 2, 3))
t.name = 'tee'
print(t, t.name, vars(t))
class B(bytes):
    pass
b = B(b'xyz')
b.k = [b]
print(b, b.k[0] is b)
import gc
gc.collect()
class Color(str):
    def __new__(cls, v):
        o = str.__new__(cls, v)
        o._value_ = v.upper()
        return o
print([Color(x)._value_ for x in 'abc'])
class NT(tuple):
    __slots__ = ()
try:
    NT((1,)).x = 1
except AttributeError as e:
    print(e)
import enum
class E(str, enum.Enum):
    A = 'a'
    B = 'b'
print(E.A, E('b'), E.A.value, E.A == 'a', [e.name for e in E])
class SE(enum.StrEnum):
    X = 'x'
print(SE.X, repr(SE.X), SE.X.upper())
