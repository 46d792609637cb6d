# type() prints as <class '...'> and compares with is against builtin types.
print(type(1))
print(type(1.5))
print(type('s'))
print(type([1]))
print(type((1,)))
print(type({}))
print(type(None))
print(type(True))
print(type(range(2)))
def f():
    pass
print(type(f))
print(type(1) is int, type(1.0) is int, type(1.0) is float)
print(type('x') is str, type([]) is list, type(()) is tuple, type({}) is dict)
print(type(True) is bool, type(True) is int)
print(type(1) == type(2), type(1) == type('1'))
print(type(1 + 2.0), type(7 // 2), type(7 / 7), type('a' * 2))
print(type(type(1)))
print(int, str, float, list, tuple, dict, bool)
for v in [0, 'zero', 0.0, [], (), {}, None]:
    t = type(v)
    if t is int:
        print('int', v)
    elif t is str:
        print('str', repr(v))
    elif t is list or t is tuple:
        print('sequence', v)
    else:
        print('other', t)
