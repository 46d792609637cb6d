# replace with counts, empty old strings and non-ASCII text
s = 'one two one two one'
print(s.replace('one', '1'), s.replace('one', '1', 1), s.replace('one', '1', 0), s.replace('one', '1', -1))
print(s.replace('x', 'y'), s.replace('', '-'), 'abc'.replace('', '-', 2), ''.replace('', 'x'))
print('éaéaé'.replace('é', 'E', 2), 'éa'.replace('', '|'), 'aaa'.replace('a', 'aa'), 'aaaa'.replace('aa', 'b'))
print('abc'.replace('abc', ''), 'abc'.replace('b', 'ü'), 'a.b.c'.replace('.', '::', 1))
