# X | Y unions of classes, and isinstance/issubclass with them.
Num = int | float
print(Num, Num.__args__)
for v in [1, 2.5, 'x', None, True]:
    print(repr(v), isinstance(v, Num), isinstance(v, Num | None), isinstance(v, (str, Num)))
print(issubclass(bool, Num), issubclass(str, Num))
print(int | None, None | int, (int | str) | (bytes | int))
print((int | str) == (str | int), (int | str) != (int | bytes), len({int | str, str | int}))
print(list[int] | dict[str, int], (list[int] | None).__args__)


def f(x: int | None = None) -> list[int] | None:
    return [x] if x is not None else None


print(f(3), f())
try:
    print(int | 'str')
except TypeError as e:
    print('TypeError:', e)
try:
    isinstance(1, 3)
except TypeError as e:
    print('TypeError:', e)
