# Unbounded recursion raises RecursionError.
def down(n):
    return down(n + 1)
print('starting')
down(0)
print('never printed')
