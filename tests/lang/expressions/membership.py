# in / not in over lists, tuples, strings and dicts.
print(1 in [1, 2, 3], 4 in [1, 2, 3], 4 not in [1, 2, 3])
print('b' in ('a', 'b'), 'z' not in ('a', 'b'))
print([1] in [[1], [2]], (1, 2) in [(1, 2)], 1 in [[1]])
print('ell' in 'hello', 'hel' in 'hello', 'lo' in 'hello', 'x' in 'hello')
print('' in 'abc', '' in '', 'abc' in 'abc', 'abcd' in 'abc')
print('H' in 'hello', 'h' not in 'hello')
d = {'a': 1, 'b': 2, 3: 'c'}
print('a' in d, 'c' in d, 3 in d, 1 in d, 'z' not in d)
print(1.0 in [1, 2], 2 in [1.0, 2.0], 'a' in ['a', 'b'])
print(None in [None], None in [], True in [1])
e = []
print(0 in e, 0 not in e)
print(2 in (1, 2) in [True], not 1 in [1])
words = ['apple', 'banana', 'cherry']
for w in ['banana', 'durian']:
    if w in words:
        print(w, 'found')
    else:
        print(w, 'missing')
del d['a']
print('a' in d)
d['a'] = 0
print('a' in d, 0 in d)
