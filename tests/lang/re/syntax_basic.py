# Literals, '.', '^', '$', alternation and the basic functions of re.
import re

print(re.match('abc', 'abcdef'))
print(re.match('abc', 'xabc'))
print(re.search('abc', 'xabcx'))
print(re.fullmatch('abc', 'abc'), re.fullmatch('abc', 'abcd'))
print(re.search('a.c', 'xxabcxx').group(), re.search('a.c', 'a\nc'))
print(re.findall('a.', 'a1a2a3a'))
print([m.span() for m in re.finditer('o', 'foo boo')])

# Anchors: ^ only at the start; $ at the end or before a final newline.
print(re.search('^b', 'ab'), re.search('^a', 'ab').span())
print(re.search('c$', 'abc\n').span(), re.search('c$', 'abc\n\n'))
print(re.findall('$', 'ab\n'))
print(re.search(r'\Aab\Z', 'ab'), re.search(r'ab\Z', 'ab\n'))

# Alternation: leftmost alternative first, not longest.
print(re.match('a|ab', 'abc').group(), re.match('ab|a', 'abc').group())
print(re.findall('cat|dog|bird', 'hotdog, catbird, doge'))
print(re.fullmatch('a|ab', 'ab').group())
print(re.search('x|', 'abc').span())

# Empty pattern and empty string.
print(re.match('', 'abc').span(), re.findall('', 'ab'))
print(re.search('a*', '').span())

# Pattern objects.
p = re.compile('a+b')
print(p, p.pattern, p.flags, p.groups, p.groupindex)
print(p.search('xxaaab'), p.match('xxaaab'), p.match('xxaaab', 2))
print(p.search('aab aaab', 3), p.search('aab', 0, 2), p.fullmatch('xaab', 1))
print(p.findall('ab aab b aaab'), p.findall('ab aab b aaab', 3, 9))
print(re.compile('') .match('abc', 2, 1), re.compile('').search('abc', 2, 1))
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('b'))
print(re.compile('x' * 250))
print(re.compile("it's"), re.compile(b'a\x00b'))
print(re.compile(p) is p)

# Match objects.
m = re.search('b+', 'abbbc')
print(m, bool(m), m.group(), m[0], m.start(), m.end(), m.span())
print(m.string, m.re, m.pos, m.endpos, m.lastindex, m.lastgroup, m.regs)
print(re.match('a*', 'a' * 80))
print(type(m).__name__, type(p).__name__, re.Match, re.Pattern)
print(re.Pattern[str], re.Match[bytes])

# The cache hands back the same object for the same pattern and flags.
print(re.compile('q+') is re.compile('q+'))
re.purge()
print(re.compile('q+') == re.compile('q+'))
