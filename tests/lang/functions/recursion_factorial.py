# Factorial recursively up to the 64-bit limit, and a recursion depth of 50.
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
for n in range(21):
    print(n, fact(n))
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(50))
def count_down(n):
    if n == 0:
        print('liftoff')
        return
    print(n, end=' ')
    count_down(n - 1)
count_down(10)
def sum_list(items, i):
    if i == len(items):
        return 0
    return items[i] + sum_list(items, i + 1)
print(sum_list([1, 2, 3, 4, 5], 0))
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)
def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)
print(is_even(50), is_odd(50), is_even(7), is_odd(7))
