# format() of ints: fill, align, sign, width, zero padding, types
specs = ['', 'd', '5', '<5', '>5', '^5', '=5', '*^7', '+', '-', ' ', '+5', '05', '+05', '=+6', '0=5',
         'x>5', '#x', '#X', '#o', '#b', 'x', 'X', 'o', 'b', 'n', 'c', '08b', '#010x', '-^9', ' =7']
for v in [0, 7, -7, 42, 255, -255, 100000]:
    row = []
    for s in specs:
        if s == 'c' and v < 0:
            continue
        row.append(format(v, s))
    print(v, row)
print(format(True), format(True, 'd'), format(False, '^5'), format(True, 'x'))
print(format(10**30), format(-10**25, ','), format(2**64, 'x'), format(2**70, '#b'))
