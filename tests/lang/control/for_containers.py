# for over lists, strings, tuples and dicts (dicts iterate keys in insertion order).
for x in [1, 'two', 3.0, None, [5]]:
    print(x)
for ch in 'héllo':
    print(ch, end='|')
print()
for item in ('a', ('b', 'c'), ()):
    print(item)
d = {'z': 26, 'a': 1, 'm': 13}
for k in d:
    print(k, d[k])
for k in d.keys():
    print('key', k)
for v in d.values():
    print('value', v)
for k, v in d.items():
    print(k, '->', v)
for a, b in [(1, 2), (3, 4), [5, 6]]:
    print(a + b)
for p in []:
    print('never')
for c in '':
    print('never')
pairs = [[1, 'one'], [2, 'two']]
for num, name in pairs:
    print(name, num)
words = ['a', 'bb', 'ccc']
lengths = []
for w in words:
    lengths.append(len(w))
print(lengths)
last = None
for last in [7, 8, 9]:
    pass
print('last', last)
x = 'unchanged'
for x in []:
    pass
print(x)
