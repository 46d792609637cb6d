print('{} ok'.format(1))
print('a } b'.format())
