# The integer functions: floor/ceil/trunc, factorial, gcd/lcm, comb/perm, isqrt.
import math

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(math.floor(2.7), math.floor(-2.5), math.ceil(2.1), math.ceil(-0.5), math.trunc(-2.7))
print(math.floor(5), math.ceil(True), math.floor(1e300) == 10**300, math.floor(2**70 + 0.0))

class Number:
    def __floor__(self):
        return 'floor'
    def __ceil__(self):
        return 'ceil'
    def __trunc__(self):
        return 'trunc'

n = Number()
print(math.floor(n), math.ceil(n), math.trunc(n))
print(math.factorial(0), math.factorial(1), math.factorial(20), math.factorial(21))
print(math.factorial(100))
print(len(str(math.factorial(1000))), math.factorial(1000) % (10**9 + 7))
print(math.gcd(), math.gcd(12), math.gcd(-4, 6), math.gcd(0, 0), math.gcd(12, 18, 27))
print(math.gcd(2**70, 2**65 * 3), math.gcd(2**100, 6), math.gcd(10**30, 10**20 + 10))
print(math.lcm(), math.lcm(0, 5), math.lcm(-4, 6), math.lcm(4, 6, 10), math.lcm(2**64, 3))
print(math.comb(5, 2), math.comb(10, 20), math.comb(100, 50), math.comb(50, 0), math.comb(10**20, 3))
print(math.perm(5), math.perm(5, 2), math.perm(5, None), math.perm(30, 20), math.perm(3, 5))
print(math.isqrt(0), math.isqrt(99), math.isqrt(2**64 - 1), math.isqrt(10**40 + 1))
print(math.isqrt(10**100), math.isqrt(2**127), math.isqrt(True))
for bad in [lambda: math.factorial(-1), lambda: math.factorial(1.0), lambda: math.factorial('a'),
            lambda: math.factorial(2**100), lambda: math.factorial(), lambda: math.floor('a'),
            lambda: math.floor(math.inf), lambda: math.floor(math.nan), lambda: math.trunc('a'),
            lambda: math.gcd(1.5), lambda: math.gcd(x=2), lambda: math.comb(5, -1),
            lambda: math.comb(-5, 1), lambda: math.comb(5, 1.0), lambda: math.comb(1),
            lambda: math.perm(-5, 1), lambda: math.isqrt(-1), lambda: math.isqrt(1.0)]:
    show(bad)
