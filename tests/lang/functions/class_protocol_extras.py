class Q:
    def __set_name__(self, o, n): raise ValueError('bad')
try:
    class R:
        q = Q()
except Exception as e: print(type(e).__name__, e, repr(e.__cause__))
class A:
    def __init_subclass__(cls, **kw): print('A', kw); super().__init_subclass__()
class B(A, x=1): pass
try: object.__init_subclass__(x=1)
except TypeError as e: print(e)
class M(type):
    @classmethod
    def __prepare__(m, name, bases, **kw): print('prepare', kw); return {}
    def __new__(m, n, b, ns, **kw): return super().__new__(m, n, b, ns)
class C(metaclass=M, foo=1): pass
print(object.__repr__.__name__, object.__repr__.__qualname__, object.__repr__.__objclass__, int.__add__.__name__)
print(A.__subclasses__(), B.__subclasses__())
class K:
    __hash__ = lambda s: 2**62
print(hash(K()), hash(type('H', (), {'__hash__': lambda s: 2**70})()))
class U(OSError, ValueError): pass
print(U(2, 'x').errno, isinstance(U(), ValueError), U.__mro__)
class MM(type): pass
class Z(metaclass=MM):
    pass
Z.__module__ = 'zz'
Z.__qualname__ = 'Q'
print(Z)
