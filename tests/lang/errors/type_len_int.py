# len of an int raises TypeError: object of type 'int' has no len().
print(len('abc'), len([1, 2]))
n = 42
print(len(n))
print('never printed')
