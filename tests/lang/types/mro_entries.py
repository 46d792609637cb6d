# PEP 560: bases that are not classes stand in for others via __mro_entries__.
class A(list[int]):
    pass


print(A.__bases__, A.__orig_bases__, A([1]))


class B:
    pass


print('__orig_bases__' in B.__dict__)


class M:
    def __mro_entries__(self, bases):
        print('entries for', len(bases), 'bases')
        return (B,)


class C(M(), dict):
    pass


print(C.__bases__, C.__orig_bases__[1], C.__mro__)


class D:
    def __mro_entries__(self, bases):
        return 5


try:
    class E(D()):
        pass
except TypeError as e:
    print(e)


# A plain class and a builtin mix: the builtin decides the layout.
class F(B, int):
    pass


f = F.__new__(F, 7)
f.tag = 'x'
print(f + 1, f.tag, F.__mro__)
