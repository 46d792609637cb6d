# list.index of a missing value raises ValueError: 7 is not in list.
l = [1, 5, 9]
print(l.index(5))
print(l.index(7))
print('never printed')
