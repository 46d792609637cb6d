# Each call gets its own locals; recursion does not share them.
def f(n):
    total = 0
    for i in range(n):
        total += i
    return total
print(f(5), f(10), f(0))
def outer(n):
    local = 'outer ' + str(n)
    inner_result = inner(n + 1)
    return local + ' / ' + inner_result
def inner(n):
    local = 'inner ' + str(n)
    return local
print(outer(1))
def depth_locals(n):
    mine = n * 10
    if n > 0:
        deeper = depth_locals(n - 1)
        print('level', n, 'mine', mine, 'deeper', deeper)
    return mine
depth_locals(3)
def uses_param_then_loop(x):
    for x in range(3):
        pass
    return x
print(uses_param_then_loop('param'))
def same_name(same_name_arg):
    same_name_arg = same_name_arg * 2
    return same_name_arg
print(same_name(4), same_name('ab'))
i = 'global i'
def loop_var():
    for i in range(2):
        pass
    return i
print(loop_var(), i)
def del_local(v):
    w = v
    del w
    w = 'rebound'
    return w
print(del_local(1))
