# fsum (exact), prod, and sums that plain float addition gets wrong.
import math

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.fsum([1e100, 1.0, -1e100]), math.fsum([1e-16, 1.0, 1e-16]), math.fsum([]))
print(math.fsum([1, 2, 3]), math.fsum(range(10)), math.fsum(x / 7 for x in [1, 2, 4]))
print(math.fsum([1.0, 1e-16, 1e-16, 1e-16, 1e-16]))
print(math.fsum([2.0**53, 1.0, 2.0**-53]), math.fsum([-2.0**53, -1.0, -2.0**-53]))
print(math.fsum([math.inf, 1.0]), math.fsum([math.nan, 1.0]), math.fsum([1e308, -1e308, 1e308]))
vals = [(-1) ** i * 1.0 / (i + 1) for i in range(1000)]
print(math.fsum(vals), math.fsum([v * 1e300 for v in vals]))
print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 21)), math.prod([2.5, 4]))
print(math.prod([2, 3], start=10), math.prod([[1]], start=3), math.prod(x for x in [5, 5]))
show(lambda: math.fsum([math.inf, -math.inf]))
show(lambda: math.fsum([1e308, 1e308]))
show(lambda: math.fsum(1))
show(lambda: math.fsum(['a']))
show(lambda: math.fsum())
show(lambda: math.prod([1, 2], 3))
show(lambda: math.prod())
show(lambda: math.prod([1], begin=2))
show(lambda: math.prod(['a', 'b']))
