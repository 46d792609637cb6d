# len of strings, lists, tuples, dicts and ranges.
print(len(''), len('a'), len('hello'), len('h\u00e9llo'))
print(len([]), len([1]), len([1, [2, 3]]), len([[], [], []]))
print(len(()), len((1,)), len((1, 2, 3)))
print(len({}), len({'a': 1}), len({'a': 1, 'b': 2, 'a': 3}))
print(len(range(5)), len(range(2, 10)), len(range(0, 10, 3)), len(range(10, 0, -2)), len(range(5, 1)))
l = []
for i in range(7):
    l.append(i)
    print(len(l), end=' ')
print()
while len(l) > 2:
    l.pop()
print(len(l), l)
d = {}
d['x'] = 1
d['y'] = 2
del d['x']
print(len(d))
s = 'abc' * 100
print(len(s), len(s[10:20]), len(s[::-1]))
print(len('\n\t\\'), len(r'\n\t\\'))
f = len
print(f('four'), type(len('x')))
print(len([1, 2]) + len((3,)) * len('ab'))
