# A missing str key raises KeyError with the repr of the key.
d = {'a': 1, 'b': 2}
print(d['a'])
print(d['missing'])
print('never printed')
