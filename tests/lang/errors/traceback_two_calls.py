# golden: full-stderr
# The whole traceback through two function calls is compared.
def inner(n):
    print('inner', n)
    return 10 // n
def outer(n):
    print('outer', n)
    return inner(n - 1)
print(outer(3))
outer(1)
print('never printed')
