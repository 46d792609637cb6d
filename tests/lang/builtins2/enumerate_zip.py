# enumerate() and zip(): counting, start=, strict=, and their errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(list(enumerate('abc')))
print(list(enumerate('abc', 5)), list(enumerate('ab', start=-2)))
print(list(enumerate(['x', 'y'], start=2**70)))
print(list(enumerate('ab', 9223372036854775806)))
print(list(enumerate(iterable='pq', start=1)))
for i, ch in enumerate('hey'):
    print(i, ch)
e = enumerate([10, 20])
print(iter(e) is e, next(e), next(e), next(e, 'done'))
show(lambda: enumerate(5))
show(lambda: enumerate())
show(lambda: enumerate([1], 2, 3))
show(lambda: enumerate([1], start='a'))
show(lambda: enumerate([1], start=1.5))
show(lambda: enumerate([1], foo=1))

print(list(zip('abc', [1, 2, 3, 4])))
print(list(zip()), list(zip('ab')), list(zip('ab', 'cd', 'ef')))
print(dict(zip(['k1', 'k2'], [1, 2])))
print(list(zip([1, 2], (3, 4), strict=True)))
show(lambda: zip(1))
show(lambda: zip([1], 2))
show(lambda: list(zip([1, 2], [1], strict=True)))
show(lambda: list(zip([1], [1, 2], strict=True)))
show(lambda: list(zip([1], [1, 2], [3], strict=True)))
show(lambda: list(zip([1, 2], [1, 2], [3], strict=True)))
show(lambda: list(zip([1, 2], [1, 2], [3, 4, 5], strict=True)))
show(lambda: zip(foo=1))
z = zip('ab', 'cd', strict=False)
print(next(z), list(z), list(z))

class Count:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n

print(list(enumerate(Count(3))), list(zip(Count(2), Count(5))))
print(type(enumerate([])).__name__, type(zip()).__name__)
