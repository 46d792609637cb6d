# Exceptions in loops: raise/catch in hot paths, try/finally, with-statements,
# custom exception classes and EAFP dictionary access.
class AppError(Exception):
    def __init__(self, code):
        Exception.__init__(self, code)
        self.code = code


class NotFound(AppError):
    pass


class Resource:
    def __init__(self):
        self.opened = 0
        self.closed = 0

    def __enter__(self):
        self.opened += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        self.closed += 1
        return False


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return -1


def parse(s):
    try:
        return int(s)
    except ValueError:
        return 0


def check(i):
    if i % 5 == 0:
        raise NotFound(i)
    if i % 7 == 0:
        raise AppError(i)
    return i


def run():
    d = {i: i * 2 for i in range(0, 1000, 3)}
    s = 0
    for i in range(600000):
        s += lookup(d, i % 1000)
    print("lookup", s)
    strs = [str(i) if i % 4 else "x" + str(i) for i in range(1000)]
    t = 0
    for r in range(180):
        for x in strs:
            t += parse(x)
    print("parse", t)
    nf = ae = ok = 0
    for i in range(450000):
        try:
            ok += check(i)
        except NotFound as e:
            nf += e.code & 3
        except AppError as e:
            ae += 1
    print("check", nf, ae, ok)
    res = Resource()
    fin = 0
    for i in range(300000):
        with res:
            try:
                if i & 1:
                    continue
                fin += 1
            finally:
                fin += 2
    print("with", res.opened, res.closed, fin)
    depth_hits = 0
    for i in range(60000):
        try:
            try:
                raise ValueError(i)
            except ValueError as e:
                raise AppError(i % 13)
        except AppError as e:
            depth_hits += e.code
    print("nested", depth_hits)


run()
