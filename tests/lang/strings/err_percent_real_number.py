print('%d' % 3.5)
print('%d' % 'x')
