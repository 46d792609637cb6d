# A missing int key raises KeyError: 3.
d = {1: 'one', 2: 'two'}
print(d[1], d[2])
del d[1]
print(d)
print(d[3])
print('never printed')
