# rsplit mirrors split from the right
cases = ['a,b,,c', ',a,', '', 'abc', 'a,b,c,d']
for c in cases:
    print(repr(c), c.rsplit(','), c.rsplit(',', 1), c.rsplit(',', 0), c.rsplit(sep=',', maxsplit=2))
ws = ['  a b  c  ', '', '   ', 'a\tb\nc', 'x\u3000y\xa0z']
for w in ws:
    print(repr(w), w.rsplit(), w.rsplit(None, 1), w.rsplit(maxsplit=0), w.rsplit(None, 2))
print('a::b::c'.rsplit('::', 1), 'aaa'.rsplit('aa'), 'aaa'.split('aa'), 'xéyéz'.rsplit('é', 1))
