# too many arguments for a bytes format
print(b'%d' % 1)
print(b'%d' % (1, 2))
