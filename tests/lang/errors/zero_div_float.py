# float / 0.0 raises ZeroDivisionError: float division by zero.
x = 1.5
print(x / 3)
zero = 0.0
print(zero / 2)
print(x / zero)
print('never printed')
