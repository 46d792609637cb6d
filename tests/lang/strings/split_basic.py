# split with and without separators, maxsplit, keyword arguments
cases = ['a,b,,c', ',a,', '', ',', 'abc', 'a,b,c,d']
for c in cases:
    print(repr(c), c.split(','), c.split(',', 1), c.split(',', 0), c.split(sep=',', maxsplit=2))
ws = ['  a b  c  ', '', '   ', 'a', 'a\tb\nc\x0bd\x0ce\rf', 'a\u3000b\xa0c\u2028d', 'one  two']
for w in ws:
    print(repr(w), w.split(), w.split(None, 1), w.split(maxsplit=0), w.split(None, -5))
print('a::b::c'.split('::'), 'aaa'.split('a'), 'xéyéz'.split('é'))
print('1 2 3'.split(maxsplit=1), 'a b'.split(sep=None))
