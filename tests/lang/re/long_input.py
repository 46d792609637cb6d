# Long subjects: the matcher keeps its choices on a heap stack, not the
# Python call stack, so 10,000 characters need no deep recursion.
import re

a = 'a' * 10000
print(re.match('a+', a).end(), re.match('a*?$', a).end(), re.fullmatch('a{10000}', a) is not None)
print(re.match('.*', 'x' * 10000).end(), re.match('(?s).*', 'x\n' * 5000).end())
print(re.match('.*x', a), re.match('a*b', a), re.search('a+b', a + 'b').span())
print(re.match('(a)+', a).span(1), re.match('(?:a|b)*', 'ab' * 5000).end())
print(re.match('(ab)+c', 'ab' * 5000 + 'c').span(), re.match('(a|b)*c', 'ab' * 5000 + 'c').group(1))
print(re.match('(?:ab){2,}?$', 'ab' * 5000).end(), re.match(r'(a*)*\d', a[:12]))
print(re.match('(.*?)x', a + 'x').end(1), re.match('(.*)x', a + 'xa').end(1))
print(re.search(r'\d', a + '1').start(), len(re.findall('a', a)), len(re.findall('', a[:100])))

text = 'The quick brown fox jumps over the lazy dog. ' * 200
print(len(re.findall(r'\w+', text)), len(re.sub(r'\s+', '_', text)), len(re.split(r'[ .]+', text)))
print(re.search('lazy cat', text), re.search(r'(\w+) \1', text), len(re.findall('(?i)the', text)))
print(sum(1 for m in re.finditer(r'\bo\w*', text)), re.subn('o', '0', text)[1])
print(len(re.findall(r'<.*?>', '<a>bbb' * 2000)), re.match(r'(?:x|y)*z', 'xy' * 5000))
print(re.match(r'((a)|b)+', 'ab' * 5000).groups(), re.fullmatch(r'(?:a(?=b)|b)+', 'ab' * 5000).end())
