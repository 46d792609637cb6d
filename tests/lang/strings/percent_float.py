# printf-style float conversions and flags
fmts = ['%f', '%.2f', '%10.3f', '%-10.1f|', '%+f', '% .1f', '%010.2f', '%e', '%.2E', '%g', '%G', '%.3g',
        '%#g', '%#.0f', '%#.0e', '%+.1e', '%012.4g', '%F']
for v in [0.0, -0.0, 1.5, -2.25, 1234567.891, 1e-5, 1e16, 1e300, 2.5, float('inf'), float('-inf'), float('nan'), 3]:
    print(repr(v), [f % v for f in fmts])
print('%.*f' % (2, 3.14159), '%*.*e' % (12, 1, 31415.9), '%f' % True, '%.0f %.0f %.0f' % (0.5, 1.5, 2.5))
