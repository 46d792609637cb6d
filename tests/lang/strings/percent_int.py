# printf-style integer conversions and flags
fmts = ['%d', '%i', '%u', '%5d', '%-5d|', '%05d', '%+d', '% d', '%+05d', '%.3d', '%8.3d', '%-+8.3d|', '%o', '%#o',
        '%x', '%#x', '%X', '%#X', '%#8x', '%#08x', '%-#8x|', '%+#x', '% #o', '%.5x', '%#.5X']
for v in [0, 7, -7, 255, -255, 123456, 10**20, True]:
    print(v, [f % v for f in fmts])
print('%d %d %i' % (3.99, -2.5, 7.0), '%x' % 255, '%d' % 10**30, '%ld %hd %Ld' % (1, 2, 3))
