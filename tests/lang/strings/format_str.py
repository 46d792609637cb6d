# format() of str: fill, align, width, precision, non-ASCII fill characters
specs = ['', 's', '5', '<5', '>5', '^5', '^6', '*^7', '.2', '.0', '10.3', '>10.3s', 'é^9', '\u3000>4',
         '0', '05', '0>5', '<<5', '^^5', '=<5']
for v in ['', 'a', 'abc', 'héllo', 'abcdefgh']:
    print(repr(v), [format(v, s) for s in specs])
print(format('abc', 'x^9.2'), format('é', '>3'), format('ab', '\x00<4') == 'ab\x00\x00')
