# re.error: CPython's messages, positions and line/column numbers.
import re

bad = ['*', 'a**', 'a{1,2}{3}', '(', 'a)', '\\q', '\\', '[a', '[z-a]', '[a-\\d]',
       '(?P=x)', '\\2(a)', '(a\\1)', 'a{2,1}', '(?P<a>x)(?P<a>y)', '(?P<1a>x)',
       '(?P<>x)', '(?P<a', '(?<x)', '(?', '(?z)', 'a(?i)', '(?i', '(?i-i:a)',
       '(?-i)', '(?#abc', 'x\\x4', '\\u12', '[\\8]', '\\777', '(?(1)a|b)',
       '(?(1)a|b|c)', '(a)(?(x)a|b)', 'a++?', '^*', '\\b+', '(?P', '(?Px)',
       '(?L)a', '(?t:a)', '\\N{EM DASH', 'a\n(b', 'ab\ncd\n[x', '(?<=a+)b']
for pat in bad:
    try:
        re.compile(pat)
        print(repr(pat), 'compiled')
    except re.error as e:
        print(repr(pat), '->', e)
        print('   ', repr(e.msg), e.pos, e.lineno, e.colno, e.pattern == pat)

try:
    re.compile(b'(?u)a')
except re.error as e:
    print(e, e.pattern)

e = re.error('custom')
print(e, e.msg, e.pos, e.pattern, e.lineno, repr(e))
print(re.error('m', 'abc', 1), isinstance(e, Exception), re.error.__name__, re.error.__module__)

# Errors in replacement templates.
for t in [r'\g<2>', r'\g', r'\g<', r'\g<a', r'\3', r'\q', r'\g<-1>', r'\400', r'\x41']:
    try:
        re.sub('(a)', t, 'a')
    except re.error as e:
        print(repr(t), '->', e)
try:
    re.sub('(a)', r'\g<nope>', 'a')
except IndexError as e:
    print('IndexError:', e)

# Other exception types.
def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)

show(lambda: re.compile('a', re.L))
show(lambda: re.compile(b'a', re.U))
show(lambda: re.compile('a', re.A | re.U))
show(lambda: re.compile(re.compile('a'), re.I))
show(lambda: re.compile(42))
show(lambda: re.match('a', 42))
show(lambda: re.match('a', b'a'))
show(lambda: re.match(b'a', 'a'))
show(lambda: re.compile('a{4294967296}'))
show(lambda: re.match('(a)', 'a').group(2))
