# Generators and closures: pipelines of generator functions, closures as
# counters and accumulators, generator expressions.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def mapped(fn, it):
    for x in it:
        yield fn(x)


def filtered(pred, it):
    for x in it:
        if pred(x):
            yield x


def chunked(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf


def flatten(chunks):
    for c in chunks:
        yield from c


def take(n, it):
    for x in it:
        if n <= 0:
            return
        n -= 1
        yield x


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


def make_accumulator(scale):
    total = [0]

    def add(x):
        total[0] += x * scale
        return total[0]

    def get():
        return total[0]
    return add, get


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


def adder(k):
    return lambda x: x + k


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, (a + b) % 1000000007


def run():
    counter = make_counter()
    add, get = make_accumulator(3)
    f = compose(adder(7), lambda x: x * 3)
    pipeline = filtered(lambda x: x % 5 != 0, mapped(f, numbers(1000000)))
    s = 0
    for v in pipeline:
        s += v
        counter()
        add(v & 15)
    print("pipeline", s, counter(0), get())
    chunks = chunked(mapped(lambda x: x * x % 97, numbers(500000)), 7)
    sizes = 0
    for c in chunks:
        sizes += len(c)
    print("chunks", sizes)
    flat = sum(flatten(chunked(numbers(500000), 13)))
    print("flat", flat)
    fibs = list(take(100000, fib_gen()))
    print("fib", fibs[-1], sum(fibs) % 1000000007)
    g = sum(x * 2 for x in numbers(500000) if x & 1)
    print("genexp", g)
    funcs = [adder(i) for i in range(100)]
    acc = 0
    for i in range(5000):
        for fn in funcs:
            acc = fn(acc) % 1000003
    print("closures", acc)


run()
