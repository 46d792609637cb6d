# Subscripting an int raises TypeError: 'int' object is not subscriptable.
items = [1, 2, 3]
print(items[0])
number = items[0]
print(number[0])
print('never printed')
