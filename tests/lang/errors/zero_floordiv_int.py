# int // 0 raises ZeroDivisionError.
n = 7
for d in [3, 2, 1, 0]:
    print(n, '//', d, '=', n // d)
print('never printed')
