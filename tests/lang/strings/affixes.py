# startswith/endswith with tuples and ranges; removeprefix/removesuffix
s = 'hello world'
print(s.startswith('hello'), s.startswith('world'), s.startswith('world', 6), s.startswith('o', 4, 5))
print(s.endswith('world'), s.endswith('hello', 0, 5), s.endswith('hell', 0, 5), s.endswith(('x', 'ld')))
print(s.startswith(('x', 'y')), s.startswith(()), s.startswith('', 11), s.startswith('', 12))
print(s.endswith('', 11), s.endswith('', 12), s.startswith('h', -20), s.endswith('d', -1))
print('éabc'.startswith('a', 1), 'éabc'.endswith('é', 0, 1), 'abc'.startswith('b', -2))
print('prefixword'.removeprefix('prefix'), 'word'.removeprefix('x'), 'word'.removeprefix(''))
print('wordsuffix'.removesuffix('suffix'), 'word'.removesuffix('rd'), 'word'.removesuffix(''))
print('aa'.removeprefix('aaa'), 'éé'.removesuffix('é'))
