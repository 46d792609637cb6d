# Tuples: the empty tuple, one-element tuples, packing, concatenation.
e = ()
print(e, len(e), type(e))
one = (1,)
print(one, len(one), type(one))
notuple = (1)
print(notuple, type(notuple))
t = 1, 2, 3
print(t, len(t))
u = 'a',
print(u)
print((1, 2) + (3,), (1,) * 3, () + (), (0, 0) * 0, 2 * ('x',))
print(((1, 2), (3, 4)), (1, (2, (3,))))
print(('a', 'b'), ("it's",), (None, True, 1.5))
nested = ([1, 2], 'x')
nested[0].append(3)
print(nested)
a, b, c = t
print(a, b, c)
x, y = (10, 20)
print(x, y)
p = (x, y)
q = p
print(p is q, p == (10, 20))
print(t[0] + t[-1], t[1:], t[::-1])
print(tuple is type(t), type(t) is tuple)
for item in (3, 'three', (3,)):
    print(item)
print((1, 2) == (1, 2), (1, 2) != (2, 1), (1, 2, 3) > (1, 2))
print((), (()), ((),), ((), ()))
