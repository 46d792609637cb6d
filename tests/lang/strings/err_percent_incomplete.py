print('%%' % ())
print('abc %' % ())
