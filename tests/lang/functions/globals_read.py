# Functions read globals at call time; assignment inside makes a local.
scale = 10
def scaled(x):
    return x * scale
print(scaled(2))
scale = 100
print(scaled(2))
items = [1, 2]
def add_item(v):
    items.append(v)
add_item(3)
print(items)
config = {'debug': False}
def set_debug():
    config['debug'] = True
set_debug()
print(config)
x = 'global'
def local_x():
    x = 'local'
    return x
print(local_x(), x)
def param_shadow(x):
    x = x + '!'
    return x
print(param_shadow('arg'), x)
def reads_later():
    return defined_after
defined_after = 'defined after the function'
print(reads_later())
def uses_builtin(s):
    return len(s)
print(uses_builtin('four'))
counter = 0
def bump(c):
    return c + 1
counter = bump(counter)
counter = bump(counter)
print(counter)
def f():
    return g()
def g():
    return 'g sees ' + x
print(f())
