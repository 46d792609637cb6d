# floats with no presentation type: repr-like, or 'g' with at least one decimal
vals = [0.0, -0.0, 1.0, 0.1, 1.5, 100.0, 123.0, 1e15, 1e16, 1.2345e16, 1e-4, 1e-5, 3.14159265358979,
        12345.6789, 2.5e-7, 1e300]
for v in vals:
    print(repr(v), format(v), format(v, ''), format(v, '.0'), format(v, '.1'), format(v, '.3'), format(v, '.17'),
          format(v, '#.0'), format(v, '>12'), format(v, '+'), format(v, ' '), format(v, '012'), format(v, ','))
print(str(1e16), str(0.1), format(1e16, '.16'), format(1e16, '.17'), format(123.0, '.3'), format(12.0, '.3'))
