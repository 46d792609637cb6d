# map() over one or several iterables, filter() with a function or None.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(list(map(abs, [-1, 2, -3])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(str, range(4))), list(map(len, ['a', 'bb', ''])))
print(list(map(lambda *a: a, 'ab', 'cd', 'ef')))
print(list(map(int, [])))
m = map(str.upper, ['x', 'y'])
print(iter(m) is m, next(m), list(m), list(m))
show(lambda: map(len))
show(lambda: map())
show(lambda: map(len, 1))
show(lambda: map(len, [1], x=1))
show(lambda: list(map(len, [1])))
show(lambda: list(map(lambda x: 1 / x, [1, 0])))

print(list(filter(None, [0, 1, '', 'a', [], [2], None, False, 3.5])))
print(list(filter(lambda x: x % 2, range(10))))
print(list(filter(bool, [0, 3, '', 'q'])))
print(list(filter(str.isdigit, ['1', 'a', '22'])))
show(lambda: filter(None))
show(lambda: filter(None, 1))
show(lambda: filter(None, [1], x=2))
show(lambda: list(filter(len, [1])))

class Truthy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v > 1
    def __repr__(self):
        return 'T(%d)' % self.v

print(list(filter(None, [Truthy(1), Truthy(2), Truthy(3)])))
print(sum(map(lambda x: x * x, filter(lambda x: x > 2, range(6)))))
print(type(map(len, [])).__name__, type(filter(None, [])).__name__)
