# return with and without a value; falling off the end returns None.
def implicit():
    x = 1
print(implicit())
def bare():
    return
print(bare())
def explicit_none():
    return None
print(explicit_none())
def pair():
    return 1, 2
print(pair(), type(pair()))
a, b = pair()
print(a, b)
def seq():
    return [1, 2, 3]
print(seq()[1], len(seq()))
def first_negative(items):
    for x in items:
        if x < 0:
            return x
    return 'none negative'
print(first_negative([3, -1, -2]), first_negative([1, 2]))
def loop_return():
    i = 0
    while True:
        i += 1
        if i == 4:
            return i * 10
print(loop_return())
def returns_function():
    return len
print(returns_function()('abcd'))
def cond(v):
    if v:
        return 'yes'
    else:
        return 'no'
    print('unreachable')
print(cond(1), cond(0))
def empty_tuple():
    return ()
print(empty_tuple())
print(bare() is None, implicit() == None)
