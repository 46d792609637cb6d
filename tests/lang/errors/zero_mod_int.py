# int % 0 raises ZeroDivisionError.
values = [5, -5, 0]
for v in values:
    print(v % 3)
print(values[0] % values[2])
print('never printed')
