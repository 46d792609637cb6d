print('a'.center(3, '*'))
print('a'.center(3, '**'))
