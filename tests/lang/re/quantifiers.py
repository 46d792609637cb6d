# Greedy, lazy and possessive quantifiers, and repeat counts.
import re

s = 'aaaa'
for q in ['a*', 'a+', 'a?', 'a{2}', 'a{2,3}', 'a{2,}', 'a{,3}', 'a{,}',
          'a*?', 'a+?', 'a??', 'a{2,3}?', 'a{2,}?', 'a{,3}?']:
    print(q, re.match(q, s).group())
print(re.findall('a{2}', 'aaaaa'), re.findall('a{2,3}', 'aaaaaaaa'))

# Backtracking into a repeat.
print(re.match('a*ab', 'aaab').group(), re.match('a*?ab', 'aaab').group())
print(re.match('(.*)-(.*)', 'a-b-c').groups(), re.match('(.*?)-(.*)', 'a-b-c').groups())
print(re.findall('<.*>', '<a><b>'), re.findall('<.*?>', '<a><b>'))
print(re.findall('".*?"', 'x "a" y "b"'), re.match(r'\w+?\d', 'abc1').group())
print(re.match('(a|ab)(c|bcd)(d*)', 'abcd').groups())
print(re.match('(ab){2}', 'ababab').group(), re.match('(a|b){2,3}?c', 'abac').groups())
print(re.match('(?:a{2}){2}', 'aaaaa').group(), re.match('(?:a{2})*', 'aaaaa').group())
print(re.match(r'(\d{1,3})(\d{3})*', '1234567').groups())

# Possessive quantifiers never give back.
print(re.match('a*+a', 'aaa'), re.match('a++b', 'aab').group())
print(re.match('(?:ab)*+ab', 'abab'), re.match('a?+a', 'a'), re.match('[ab]{1,3}+c', 'abc'))

# Repeats of things that can match empty stop when an iteration is empty.
print(re.match('(a*)*', 'aab').groups(), re.match('(a*)+b', 'aab').groups())
print(re.match('(a|b)*?c', 'abc').groups(), re.match('(a?)*?b', 'aab').groups())
print(re.match('(?:)*', 'a').span(), re.match('(|a)*', 'aa').span())
print(re.match('(|b|a){1,2}', 'ab').groups())

# Quantified groups and classes.
print(re.findall(r'(?:\d+,)*\d+', '1,2,3 and 45,6'))
print(re.findall(r'[a-c]{2,}', 'abcxab a cc'))
print(re.match('x{0}y', 'y').group(), re.match('(x){0}y', 'y').groups())
