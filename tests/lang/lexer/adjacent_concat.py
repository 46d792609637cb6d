# Adjacent string literals are joined at compile time.
print('a' 'b')
print('a' "b" '''c''' """d""")
print('raw\\' r'\n' 'x')
s = ('first '
     'second '
     "third")
print(s)
print(len('ab' 'cd'))
print('x' 'y' == 'xy')
t = 'one' \
    'two'
print(t)
print(['a' 'b', 'c'])
print('' '' '')
print(len('' ''))
print('tab\t' 'end')
print('multi' '''
line''')
u = 'a' 'b' * 3
print(u)
