# Calling with too few positional arguments.
def f(a, b):
    return a * b
print(f(3, 4))
print(f(3))
print('never printed')
