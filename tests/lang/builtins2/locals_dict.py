def h():
    x = 1
    a = locals()
    x = 2
    y = 3
    b = locals()
    return a is b, a, sorted(b)


print(h())


def e():
    z = 0
    exec("w = 5")
    l = locals()
    return l.get('w'), 'z' in l


print(e())


def d():
    q = 1
    first = dict(locals())
    del q
    return first, locals()


print(d())


def g():
    v = 1
    yield locals()
    v = 2
    yield locals()


it = g()
l1 = next(it)
print(l1, next(it) is l1, l1)


def outer():
    c = 10

    def inner():
        return locals()
    print(inner())
    return c


outer()
