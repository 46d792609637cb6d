# defaultdict: the factory, __missing__, repr, copies.
from collections import defaultdict

words = 'the quick brown fox jumps over the lazy dog the end'.split()
by_letter = defaultdict(list)
for w in words:
    by_letter[w[0]].append(w)
print(sorted(by_letter.items()))

counts = defaultdict(int)
for w in words:
    counts[w] += 1
print(counts['the'], counts['missing'], len(counts), 'missing' in counts)

nested = defaultdict(lambda: defaultdict(int))
nested['a']['x'] += 1
nested['a']['y'] += 2
print(dict(nested['a']), nested['b']['z'])

d = defaultdict(list, {'k': [1]}, other=[2])
print(d)
print(repr(defaultdict(set)), defaultdict(None, a=1))
print(d.default_factory, d.get('nope'), 'nope' in d)
c = d.copy()
c['new'].append(3)
print(type(c).__name__, c.default_factory is list, sorted(c), sorted(d))
print(isinstance(d, dict), d == {'k': [1], 'other': [2]})

plain = defaultdict()
try:
    plain['x']
except KeyError as e:
    print('KeyError', e)
try:
    defaultdict(5)
except TypeError as e:
    print('TypeError', e)

merged = defaultdict(int, a=1) | {'b': 2}
print(type(merged).__name__, merged)
