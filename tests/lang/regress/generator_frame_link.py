# After a generator runs, the calling function is the current frame again:
# zero-argument super(), eval() and globals() see the caller.
def gen():
    yield 1
    yield 2


class B:
    def f(self):
        return 'B'


class C(B):
    def f(self):
        list(gen())
        g = gen()
        next(g)
        return super().f() + ' via C'


print(C().f())


def uses_eval():
    print(list(x * 2 for x in [1, 2]))
    try:
        eval("1/0")
    except ZeroDivisionError:
        print('caught')
    local_name = 5
    return eval("local_name + 1"), 'uses_eval' in globals()


print(uses_eval())


def nested():
    def inner():
        yield from gen()
    total = sum(inner())
    return total, super_free()


def super_free():
    return type('T', (), {}).__module__


print(nested())
