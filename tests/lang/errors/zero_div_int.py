# int / 0 raises ZeroDivisionError: division by zero.
a = 10
b = 2
print(a / b)
b = b - 2
print('b is now', b)
print(a / b)
print('never printed')
