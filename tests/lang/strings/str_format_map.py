# str.format_map with dicts, nested lookups, and specs
d = {'name': 'kaa', 'n': 3, 'items': ['a', 'b'], 'w': 6}
print('{name} has {n} items: {items[0]}, {items[1]}'.format_map(d))
print('{name:>{w}}|{n:03}|{items!r}'.format_map(d))
print('{x}{y}'.format_map({'x': 1, 'y': 'two'}), 'plain'.format_map({}))
print('{a.real}'.format_map({'a': 7}), '{k[0]}'.format_map({'k': 'xyz'}))
