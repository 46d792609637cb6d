# Dict literals, lookups, assignment, del and insertion order.
d = {'one': 1, 'two': 2}
print(d, len(d))
d['three'] = 3
print(d)
d['one'] = 'uno'
print(d)
del d['two']
print(d, len(d))
d['two'] = 2
print(d)
e = {}
print(e, len(e))
e[1] = 'int key'
e['1'] = 'str key'
e[(1, 2)] = 'tuple key'
e[1.5] = 'float key'
e[None] = 'none key'
print(e)
print(e[1], e['1'], e[(1, 2)], e[1.5], e[None])
e[1.0] = 'float one'
print(e[1], len(e))
n = {'a': {'b': {'c': 'deep'}}}
print(n['a']['b']['c'])
n['a']['b']['d'] = [1, 2]
print(n)
counts = {}
for ch in 'mississippi':
    if ch in counts:
        counts[ch] += 1
    else:
        counts[ch] = 1
print(counts)
print({'k': "it's", 'q': 'say "hi"'})
print({1: [1, 2], 2: (3,), 3: {}})
dup = {'x': 1, 'x': 2}
print(dup)
alias = d
alias['new'] = True
print(d)
