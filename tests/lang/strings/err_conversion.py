print('{!r}'.format('x'))
print('{!x}'.format('x'))
