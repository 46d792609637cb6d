# A plain class mixed with a builtin base: the builtin gives layout and __new__.
class Base1:
    def __init__(self, *args):
        print('Base1.__init__', args)


class T1(Base1, tuple):
    pass


class T2(tuple, Base1):
    pass


print(len(T1([1, 2, 3])), len(T2([1, 2])), T1([1, 2]) == (1, 2))


class Mixin:
    def enc(self):
        return [x * 2 for x in self]


class T3(tuple):
    pass


class T4(T3, Mixin):
    pass


t = T4((1, 2))
print(t, t.enc(), T4.__mro__)


class L(Mixin, list):
    pass


l = L([3, 4])
l.append(5)
l.note = 'has a dict'
print(l, l.enc(), l.note)
