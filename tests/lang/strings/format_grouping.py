# thousands separators: ',' and '_', with zero padding that groups the zeros too
for v in [0, 12, 1234, -1234, 1234567, -987654321, 10**12]:
    print(v, format(v, ','), format(v, '_'), format(v, '08,'), format(v, '010,'), format(v, '012_'),
          format(v, '>12,'), format(v, '<12_'), format(v, '^14,'), format(v, '+,'), format(v, '=+12,'))
for v in [0, 255, 65535, 2**32 - 1]:
    print(v, format(v, '_b'), format(v, '#_x'), format(v, '_o'), format(v, '#012_x'), format(v, '_X'))
for v in [0.0, 1234.5, -1234567.891, 1e16, 12345.678]:
    print(v, format(v, ','), format(v, ',.2f'), format(v, '_.3e'), format(v, '015,.1f'), format(v, ',g'),
          format(v, '_%'))
