class A:
    def f(self, __x, *, __k=2):
        return __x, __k
    def g(self):
        return self.f(1, _A__k=3)
    import os as __os
    global __gg
    __gg = 5
    class __Inner:
        __y = 1
    def h(self):
        return [__z for __z in range(2)], (lambda __w: __w)(4)
print(A().g(), A.f.__code__.co_varnames, sorted(k for k in A.__dict__ if 'A' in k), _A__gg, A._A__Inner._Inner__y, A().h())
try:
    A().f(1, __k=3)
except TypeError as e: print(e)
class _:
    __q = 1
print('__q' in _.__dict__)
class __B:
    __r = 1
print(list(k for k in __B.__dict__ if "r" in k and not k.startswith("__")))
class S:
    __slots__ = ('__a', 'b', '__c__')
    def __init__(self):
        self.__a = 1
        self.b = 2
        self.__c__ = 3
    def get(self):
        return self.__a
s = S()
print(s.get(), s._S__a, sorted(k for k in S.__dict__ if not k.startswith('__') or k == '__c__'))
class Base:
    def __init__(self):
        self.__v = 'base'
    def base_v(self):
        return self.__v
class Derived(Base):
    def __init__(self):
        super().__init__()
        self.__v = 'derived'
    def derived_v(self):
        return self.__v
d = Derived()
print(d.base_v(), d.derived_v(), sorted(vars(d)))
