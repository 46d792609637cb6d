# 'e', 'E', 'g', 'G' and 'n' presentation
vals = [0.0, -0.0, 1.0, 10.0, 123456.0, 1234567.0, 0.0001, 0.00001, 1.5e-10, 9.999999e5, 9.9999995e5,
        1e16, 1e100, -3.5e-300, 5e-324, 123.456]
for v in vals:
    print(repr(v), format(v, 'e'), format(v, '.0e'), format(v, '#.0e'), format(v, '.3E'), format(v, 'g'),
          format(v, '.0g'), format(v, '.2g'), format(v, '#g'), format(v, '#.3g'), format(v, 'G'),
          format(v, '.10g'), format(v, 'n'))
print(format(float('inf'), 'e'), format(float('-inf'), 'G'), format(float('nan'), 'E'), format(-float('nan'), 'g'))
