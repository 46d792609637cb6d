# lru_cache and cache: hits, misses, eviction order, parameters.
from functools import lru_cache, cache


@lru_cache(maxsize=2)
def square(x):
    print('computing', x)
    return x * x


for i in [1, 2, 1, 3, 2, 1]:
    square(i)
print(square.cache_info())
print(square.cache_parameters(), square.__name__, square.__wrapped__(9))
square.cache_clear()
print(square.cache_info())


@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@lru_cache
def slow_add(a, b=0):
    return a + b


print(slow_add(1, 2), slow_add(1, 2), slow_add(1, b=2), slow_add.cache_info())


@lru_cache(maxsize=None, typed=True)
def kind(x):
    return type(x).__name__


print(kind(1), kind(1.0), kind(True), kind.cache_info())


@lru_cache(maxsize=0)
def never(x):
    return x


print(never(1), never(1), never.cache_info())
info = fib.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info._fields, type(info).__name__)
try:
    lru_cache('big')
except TypeError as e:
    print('TypeError', e)


class Grid:
    @lru_cache(maxsize=None)
    def paths(self, r, c):
        if r == 0 or c == 0:
            return 1
        return self.paths(r - 1, c) + self.paths(r, c - 1)


print(Grid().paths(10, 10))
