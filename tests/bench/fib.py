# Recursive calls: naive fibonacci plus a mutually recursive pair.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


total = fib(32)
print("fib(32) =", total)
evens = 0
for i in range(6000):
    if is_even(i % 500):
        evens += 1
print("evens =", evens)
print("ackermann(2, 300) =", ackermann(2, 300))
