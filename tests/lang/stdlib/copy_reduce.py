import copy


class E(ValueError):
    def __init__(self, msg, pos):
        super().__init__(msg)
        self.msg, self.pos = msg, pos

    def __reduce__(self):
        return self.__class__, (self.msg, self.pos)


e = copy.copy(E('m', 3))
print(e.msg, e.pos, type(e).__name__)
d = copy.deepcopy(E('n', [1]))
print(d.msg, d.pos)


class R:
    def __init__(self, a):
        self.a = a
        self.extra = [a]

    def __reduce__(self):
        return (R, (self.a,), {'extra': self.extra, 'more': 1})


r = copy.deepcopy(R(5))
print(r.a, r.extra, r.more)


class Single:
    def __reduce__(self):
        return 'SINGLE'


s = Single()
print(copy.copy(s) is s, copy.deepcopy(s) is s)
