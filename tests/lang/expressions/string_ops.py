# String concatenation, repetition, comparison and length.
a = 'foo'
b = 'bar'
print(a + b, b + a, a + '' + b, '' + '')
print(a * 3, '-' * 10, 'ab' * 0, 'ab' * -2, 3 * 'x')
print(repr('' * 5), len('abc' * 4))
s = ''
for c in 'abc':
    s = c + s
print(s)
s += '!'
s *= 2
print(s)
print('apple' < 'banana', 'apple' < 'Apple', 'a' < 'aa', 'Zebra' < 'apple')
print('abc' == 'ab' + 'c', 'abc' != 'abc ', 'x' <= 'x', 'y' >= 'z')
print(len(''), len(' '), len('hello world'), len('\u00e9\u00e9'))
line = '=' * 5 + ' title ' + '=' * 5
print(line, len(line))
print(str(12) + str(3.5) + str(None) + str(True))
print(repr('x') + repr("y"))
n = 0
word = 'banana'
for ch in word:
    if ch == 'a':
        n += 1
print(n)
print('x' + str(1 + 2) + 'y')
