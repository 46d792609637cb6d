import sys


def where():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno


def caller():
    x = 5
    return where(), sys._getframe().f_locals


print(caller())
f0 = sys._getframe()
print(f0.f_code.co_name, f0.f_back, f0.f_globals is globals(), f0.f_lineno)


def keep():
    y = 'kept'
    return sys._getframe()


fr = keep()
print(fr.f_code.co_name, fr.f_locals, fr.f_lineno, fr.f_back.f_code.co_name)


def depth(n):
    if n == 0:
        f = sys._getframe()
        names = []
        while f:
            names.append(f.f_code.co_name)
            f = f.f_back
        return names
    return depth(n - 1)


print(depth(3))
try:
    sys._getframe(1000)
except ValueError as e:
    print(e)


def gen():
    yield sys._getframe()
    yield 2


g = gen()
gf = next(g)
print(gf.f_code.co_name, gf.f_back, gf.f_lineno)
del g
print(gf.f_code.co_name, gf.f_lineno)
import types
print(type(fr) is types.FrameType, type(fr).__name__)
import gc


def cyc():
    me = sys._getframe()
    return me


c = cyc()
print(c.f_locals['me'] is c)
del c
print(gc.collect() >= 0)


def raiser():
    f = sys._getframe()
    raise KeyError(f)


try:
    raiser()
except KeyError as e:
    print(e.args[0].f_code.co_name, e.args[0].f_back.f_code.co_name)
