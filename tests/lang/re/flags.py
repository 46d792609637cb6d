# Flags: IGNORECASE, MULTILINE, DOTALL, VERBOSE, ASCII, inline and scoped.
import re

print(re.I, re.M, re.S, re.X, re.A, re.U, re.L, re.NOFLAG, re.DEBUG, re.T)
print(repr(re.I | re.M), re.I | re.S | re.A, re.IGNORECASE.value, int(re.M | re.S))
print(re.RegexFlag.IGNORECASE is re.I, re.I == 2, isinstance(re.I, int))
print(re.compile('a', re.I | re.S), re.compile(b'a', re.I), re.compile('a', re.A))
print(re.compile('a').flags, re.compile(b'a').flags, re.compile('(?i)a').flags, re.compile('a', re.X | re.M).flags)

# IGNORECASE, with Unicode case folding for str patterns.
print(re.findall('(?i)abc', 'ABC abc AbC'), re.findall('abc', 'ABC abc', re.I))
print(re.match('(?i)[a-z]+', 'HeLLo').group(), re.match('[^a-z]', 'A', re.I))
print(re.match('(?i)straße', 'STRAßE').group(), re.match('(?i)é', 'É').group())
print(re.match('(?i)k', '\u212a'), re.match('(?i)s', 'ſ'), re.match('(?i)σ', 'ς'))
print(re.match('(?i)[a-z]', '\u212a'), re.match('(?i)[k]', '\u212a'))
print(re.match('é', 'É', re.I | re.A), re.match(b'(?i)\xe9', b'\xc9'), re.match(b'(?i)a', b'A'))

# MULTILINE: ^ and $ at every line.
text = 'one\ntwo\nthree\n'
print(re.findall('^t\\w+', text), re.findall('^t\\w+', text, re.M))
print(re.findall(r'\w+$', text), re.findall(r'\w+$', text, re.M))
print(re.findall('(?m)^', 'a\nb\n'), re.findall('(?m)$', 'a\nb\n'))

# DOTALL: '.' matches a newline too.
print(re.match('a.b', 'a\nb'), re.match('a.b', 'a\nb', re.S), re.match('(?s).+', 'x\ny').group())

# VERBOSE: whitespace and comments are ignored outside classes.
pat = re.compile(r'''
    (\d{3})   # area code
    [-\ ]?    # separator
    (\d{4})   # number
''', re.VERBOSE)
print(pat.match('555 1234').groups(), pat.match('555-1234').groups())
print(re.match('(?x) a b # comment', 'ab'), re.match('(?x)[ ]a', ' a'), re.match(r'(?x)a\ b', 'a b'))
print(re.match('(?x)a b|c d', 'cd').group())

# Scoped flags apply to their group only.
print(re.match('(?i:a)b', 'Ab'), re.match('(?i:a)b', 'AB'), re.match('a(?i:b)', 'aB'))
print(re.match('(?i)a(?-i:b)', 'Ab'), re.match('(?i)a(?-i:b)', 'AB'))
print(re.findall('(?s:.)(?-s:.)?', 'a\n\nb'), re.match('(?m:^b)', 'b'))
print(re.findall(r'(?a:\w+) (\w+)', 'héllo wörld'), re.match('(?x: a b )c', 'abc'))
print(re.match('(?u)\\w', 'é'), re.match('(?ims)a.b$', 'A\nb'))
