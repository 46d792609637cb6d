# Recursive and iterative Fibonacci agree.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
def fib_iter(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a
for n in range(15):
    print(n, fib(n), fib_iter(n))
print(fib(20))
print(fib_iter(90))
calls = [0]
def counted(n):
    calls[0] += 1
    if n < 2:
        return n
    return counted(n - 1) + counted(n - 2)
print(counted(15), calls[0])
