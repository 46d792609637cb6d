# str.upper, str.lower and str.join.
print('Hello World'.upper(), 'Hello World'.lower())
print('MiXeD 123 !?'.upper(), 'MiXeD 123 !?'.lower())
print(''.upper(), repr(''.lower()))
s = 'abc'
print(s.upper(), s)
print(', '.join(['a', 'b', 'c']))
print(''.join(['x', 'y', 'z']))
print('-'.join('abc'))
print('+'.join(('1', '2', '3')))
print(repr(' '.join([])), repr(','.join(['only'])))
print('/'.join(['', 'usr', 'bin']))
print('\n'.join(['line 1', 'line 2']))
words = ['kaa', 'is', 'a', 'snake']
print(' '.join(words).upper())
print('ab'.join(['1', '2', '3']))
parts = []
for i in range(5):
    parts.append(str(i))
print(''.join(parts), '|'.join(parts))
print('A'.lower() == 'a', 'a'.upper() == 'A')
