# Functions are values: assigned, stored, passed and returned.
def double(x):
    return x * 2
def square(x):
    return x * x
f = double
print(f(5), f is double)
ops = [double, square, double]
v = 3
for op in ops:
    v = op(v)
print(v)
table = {'d': double, 's': square}
print(table['s'](7), table['d']('ab'))
def apply(func, value):
    return func(value)
print(apply(square, 9), apply(len, 'hello'), apply(str, 12))
def apply_n(func, n, x):
    for i in range(n):
        x = func(x)
    return x
print(apply_n(double, 10, 1))
def choose(name):
    if name == 'square':
        return square
    return double
print(choose('square')(6), choose('other')(6))
def compose_apply(f1, f2, x):
    return f2(f1(x))
print(compose_apply(double, square, 3), compose_apply(square, double, 3))
def map_list(func, items):
    out = []
    for item in items:
        out.append(func(item))
    return out
print(map_list(square, [1, 2, 3, 4]))
print(map_list(repr, ['a', 1, None]))
p = print
p('printed through an alias', 1, 2, sep='-')
print(type(double) is type(square))
g = double
del double
print(g(21))
