# float % 0.0 raises ZeroDivisionError: float modulo.
x = 7.5
print(x % 2)
print(x % -2)
print(x % 0.0)
print('never printed')
