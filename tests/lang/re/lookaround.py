# Lookahead and lookbehind assertions.
import re

print(re.findall(r'\w+(?=,)', 'a, bb, ccc'), re.findall(r'\w+(?!\w|,)', 'a, bb, ccc'))
print(re.findall(r'(?<=\$)\d+', 'cost: $12, $345, 6'), re.findall(r'(?<!\$)\b\d+', 'cost: $12, 6'))
print(re.search('(?<=ab)c', 'abc'), re.search('(?<!ab)c', 'abc'), re.search('(?<!ab)c', 'xbc'))
print(re.search('(?<=a|b)c', 'bc'), re.search(r'(?<=\b)a', 'a'), re.search('(?<=)a', 'a'))
print(re.match('a(?=b)', 'ab').group(), re.match('a(?=b)', 'ac'), re.match('a(?!b)', 'ac').group())

# Groups captured inside a positive lookaround stay set.
print(re.match('(?=(a+))a', 'aaa').groups(), re.search('(?<=(a))b', 'ab').groups())
print(re.match(r'(?=(\w+))\w', 'abc').group(0, 1))
print(re.match(r'(?=(a+))a*b\1', 'baaabac'), re.search(r'(?=(a+))a*b\1', 'baaabac').group())
print(re.match('(?!(a))b', 'b').groups())

# Lookarounds with pos and endpos: lookbehind sees before pos.
p = re.compile('(?<=a)b')
print(p.search('ab', 1), p.match('ab', 1), re.compile('b(?=c)').search('abc', 0, 2))

# Password-style checks.
strong = re.compile(r'^(?=.*\d)(?=.*[a-z])(?=.*[A-Z]).{8,}$')
for pw in ['abc', 'abcdefgh', 'Abcdefg1', 'ABCDEFG1x']:
    print(pw, bool(strong.match(pw)))

# Thousands separators with a lookahead.
print(re.sub(r'\B(?=(\d{3})+(?!\d))', ',', '1234567 and 89 and 12345'))

# Lookbehind needs a fixed width.
for pat in ['(?<=a+)b', '(?<=a|bc)d', '(?<!x*)y']:
    try:
        re.compile(pat)
    except re.error as e:
        print(pat, '->', e, e.pos)
print(re.compile(r'(a)(?<=\1)b').match('ab'))
