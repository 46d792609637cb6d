print('abc'.index('b'))
print('abc'.rindex('z'))
