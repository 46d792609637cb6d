# dict.get with and without a default, and keys/values/items in for loops.
d = {'a': 1, 'b': 2, 'c': None}
print(d.get('a'), d.get('z'), d.get('c'))
print(d.get('z', 'default'), d.get('a', 'default'), d.get('c', 'default'))
print(d.get('z', None), d.get('z', 0), d.get('b', []))
e = {}
print(e.get('anything'), e.get(1, 'one'))
counts = {}
for w in 'the cat and the hat and the bat'.split():
    counts[w] = counts.get(w, 0) + 1
for k, v in counts.items():
    print(k, v)
total = 0
for v in counts.values():
    total += v
print('total', total)
ks = []
for k in counts.keys():
    ks.append(k)
print(ks)
inverted = {}
for k, v in counts.items():
    inverted[v] = inverted.get(v, '') + k + ' '
print(inverted)
nums = {1: 'one', 2: 'two'}
print(nums.get(1), nums.get(3, '?'), nums.get(1.0))
for k in {}.keys():
    print('never')
m = {'x': [1]}
m.get('x').append(2)
print(m)
