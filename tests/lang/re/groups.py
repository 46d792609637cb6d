# Capturing, non-capturing and named groups, and back references.
import re

m = re.match(r'(\w+) (\w+)(?: (\w+))?', 'Isaac Newton')
print(m.groups(), m.groups('-'), m.group(0, 1, 2), m[2], m.group(3))
print(m.span(1), m.span(3), m.start(2), m.end(2), m.regs)
print(m.lastindex, m.lastgroup)

m = re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Jane Doe')
print(m.groupdict(), m['last'], m.group('first', 2), m.span('last'))
print(m.lastindex, m.lastgroup, m.re.groupindex, m.re.groups)
print(re.match(r'(?P<a>x)|(?P<b>y)', 'y').groupdict('none'))

# lastindex is the group closed last.
print(re.match('((a)b)', 'ab').lastindex, re.match('(a)(b)', 'ab').lastindex)
print(re.match('(a)|b', 'b').lastindex, re.match('(?:a)', 'a').lastindex)

# Groups inside repeats keep the last iteration.
print(re.match('(a|b)*', 'abba').group(1), re.match('(a)*', 'b').group(1))
print(re.match(r'(?:(a)|(b))+', 'ab').groups())
print(re.match('(a|)*', 'aa').groups(), re.match('(a*)+', 'aab').groups())
print(re.match('((ab)*c)*', 'ababcabc').groups())

# Back references.
print(re.search(r'(\w)\1', 'abccd').group(), re.search(r'(\w+) \1', 'say bye bye').group(1))
print(re.match(r'(?P<q>[\'"]).*?(?P=q)', '"it\'s" x').group())
print(re.match(r'(a)|\1', 'x'), re.match(r'(a*)b\1$', 'aabaa'))
print(re.match(r'(?i)(ab)\1', 'abAB'))
print(re.findall(r'(\w)\1+', 'aaabccdddde'))

# Conditional groups and atomic groups.
print(re.match(r'(<)?\w+(?(1)>)', '<abc>').group(), re.match(r'(<)?\w+(?(1)>)', 'abc>').group())
print(re.fullmatch(r'(<)?\w+(?(1)>|$)', '<abc'))
print(re.match(r'(?P<x>a)?(?(x)b|c)', 'c').group())
print(re.match('(?>a*)a', 'aaa'), re.match('(?>a|ab)c', 'abc'), re.match('(?>ab|a)c', 'abc'))

# Bad group numbers and names.
for g in (3, -1, 'nope', 1.0):
    try:
        m.group(g)
    except IndexError as e:
        print(type(e).__name__, e)
try:
    m.start(5)
except IndexError as e:
    print('start:', e)
print(m.group(True))

# Comments.
print(re.match('a(?#a comment)b', 'ab').group())
