# Call flavours: keyword and default arguments, *args/**kwargs, bound methods
# stored and called later, builtin functions, global variable access.
LIMIT = 1000003
WEIGHTS = (3, 5, 7, 11)


def kw(a, b=2, c=3, *, d=4):
    return a * b + c - d


def star(*args):
    s = 0
    for a in args:
        s += a
    return s


def starstar(**kwargs):
    return kwargs.get("x", 0) + len(kwargs)


def forward(*args, **kwargs):
    return kw(*args, **kwargs)


class Acc:
    def __init__(self):
        self.v = 0

    def add(self, x, scale=1):
        self.v = (self.v + x * scale) % LIMIT
        return self

    @staticmethod
    def twice(x):
        return x * 2

    @classmethod
    def make(cls):
        return cls()

    @property
    def value(self):
        return self.v


def weighted(i):
    return WEIGHTS[i & 3] * i % LIMIT


def run():
    t = 0
    for i in range(180000):
        t += kw(i) + kw(i, 3) + kw(i, c=1) + kw(a=i, b=1, d=0)
    print("kw", t)
    t = 0
    for i in range(180000):
        t += star(i, 1, 2) + star() + starstar(x=i, y=1)
        t += forward(i, 2, d=1)
    print("star", t)
    acc = Acc.make()
    add = acc.add
    for i in range(450000):
        add(i)
        acc.add(i, scale=2)
        t = Acc.twice(i)
    print("methods", acc.value, t)
    s = 0
    data = [1, 2, 3, 4, 5]
    for i in range(300000):
        s += len(data) + abs(-i) + min(i, 7) + max(3, i & 15)
        if isinstance(i, int):
            s += weighted(i)
    print("builtins", s % LIMIT)


run()
