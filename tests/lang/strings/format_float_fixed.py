# 'f', 'F' and '%' presentation, rounding to nearest even on exact ties
vals = [0.0, -0.0, 1.0, 0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 3.14159265358979, -2.71828, 1e-7, 123456789.125,
        1e22, 1e300, 5e-324]
for v in vals:
    print(repr(v), format(v, 'f'), format(v, '.0f'), format(v, '.1f'), format(v, '.2f'), format(v, '#.0f'),
          format(v, '.3%'), format(v, '+.2F'), format(v, '010.3f'))
print(format(float('inf'), 'f'), format(float('-inf'), 'F'), format(float('nan'), 'f'), format(float('nan'), 'F'))
print(format(0.5, '%'), format(1, '%'), format(0.1234, '.1%'), format(1e-7, '%'))
print(format(1e300, 'f')[:20], len(format(1e300, 'f')), format(123.456, '.20f'))
