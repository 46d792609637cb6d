# int() of a non-numeric string raises ValueError.
print(int('12'), int(' -3 '))
print(int('abc'))
print('never printed')
