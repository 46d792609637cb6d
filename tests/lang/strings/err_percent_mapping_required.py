print('%(a)s' % {'a': 1})
print('%(a)s' % (1,))
