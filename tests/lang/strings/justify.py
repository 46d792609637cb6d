# center/ljust/rjust/zfill, CPython's rounding of center's odd margin
for s in ['', 'a', 'ab', 'abc', 'abcd', 'é']:
    for w in [-1, 0, 1, 4, 5, 6, 7]:
        print(repr(s), w, '[' + s.center(w) + ']', '[' + s.center(w, '*') + ']',
              '[' + s.ljust(w, '.') + ']', '[' + s.rjust(w, 'ü') + ']')
for s in ['42', '-42', '+42', '', '-', 'abc', '+-1', 'ë']:
    print(repr(s), s.zfill(0), s.zfill(5), s.zfill(1))
print('abc'.center(9, '\u3000'))
