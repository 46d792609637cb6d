print('%s' % 'ok')
print('%y' % 1)
