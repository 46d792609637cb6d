# Defining and calling functions with positional parameters.
def greet(name):
    print('hello', name)
greet('world')
greet('kaa')
def add(a, b):
    return a + b
print(add(2, 3), add('x', 'y'), add([1], [2]))
def no_params():
    return 42
print(no_params())
def three(a, b, c):
    return a * 100 + b * 10 + c
print(three(1, 2, 3), three(3, 2, 1))
def nested_calls(x):
    return add(x, add(x, x))
print(nested_calls(5))
print(add(add(1, 2), add(3, 4)))
def side(v):
    print('arg', v)
    return v
print(three(side(1), side(2), side(3)))
def shadow(print_me):
    x = print_me * 2
    return x
x = 'global x'
print(shadow(4), x)
def later():
    return helper() + 1
def helper():
    return 10
print(later())
def early(n):
    if n > 0:
        return 'positive'
    print('fell through')
    return 'not positive'
print(early(1))
print(early(0))
