def f(a: int, b: "s" = 2, *c: str, d: list[int], **e) -> None: pass
print(f.__annotations__)
class K:
    x: int
    y: str = "a"
    if True:
        z: float
print(K.__annotations__, K.y, hasattr(K, 'x'))
z: int = 3
print(__annotations__, z)
print((lambda: 0).__annotations__)
def g():
    q: undefined_name = 5
    r: undefined_name
    return q
print(g(), g.__annotations__)
f.__annotations__ = {'a': 1}
print(f.__annotations__)
del f.__annotations__
print(f.__annotations__)
class O:
    pass
o = O()
o.attr: int = 4
print(o.attr, __annotations__)
def outer():
    T = list
    def inner(x: T) -> T: return x
    return inner
print(outer().__annotations__)
