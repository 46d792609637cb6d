print(format(65, 'c'), '%c' % 66)
print('%c' % -1)
