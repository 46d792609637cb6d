# printf-style formatting with mapping keys
d = {'name': 'kaa', 'n': 42, 'pi': 3.14159, 'key(x)': 'paren', '': 'empty'}
print('%(name)s is %(n)d, pi=%(pi).2f' % d)
print('%(n)05d|%(n)-5x|%(n)+d|%(name)r|%(name)10s|' % d)
print('%(key(x))s %()s %(name)s%%' % d, '%(n)s %(n)s' % d, 'no keys' % d)
print('%s' % d == str(d), '%(a)s-%(b)s' % {'a': 1, 'b': [2]})
