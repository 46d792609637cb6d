# del of a missing dict key raises KeyError.
d = {'x': 1}
del d['x']
print(d)
del d['x']
print('never printed')
