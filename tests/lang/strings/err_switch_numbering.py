print('{0}{1}'.format('a', 'b'))
print('{0}{}'.format('a', 'b'))
