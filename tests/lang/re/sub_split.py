# sub, subn, split, findall and finditer, with the empty-match rules of 3.7.
import re

print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home, ann@work'))
print(re.sub(r'(?P<k>\w+)=(?P<v>\w+)', r'\g<v>=\g<k> (\g<0>)', 'a=1 b=2'))
print(re.sub('a', r'[\g<0>]\n\t\\', 'bab'))
print(re.sub('(a)', r'\1\1', 'banana'), re.sub('(a)|b', r'<\1>', 'ab'))
print(re.sub('x', r'\.\-', 'axb'), re.sub('a', '\\\\1', 'a'))
print(re.sub('(a)', r'\g<1>0', 'a'), re.sub('a', r'\0\141', 'a') == '\x00a')
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1b22c333'))
print(re.sub('a', lambda m: None, 'banana'))
print(re.subn('a', 'x', 'banana'), re.subn('a', 'x', 'banana', 2), re.sub('a', 'x', 'banana', count=1))
print(re.subn('z', 'x', 'banana'))
print(re.compile('a').sub('o', 'banana'), re.compile('(n)').subn(r'[\1]', 'banana'))

# Empty matches may directly follow non-empty ones.
print(re.sub('x*', '-', 'abxd'), re.sub('x*', '-', ''), re.sub('', '-', 'ab'))
print(re.findall('x*', 'abxd'), re.findall('a??', 'aa'), re.findall(r'\b', 'ab cd'))
print([m.span() for m in re.finditer(r'\w*', 'ab cd')])
print(re.split('x*', 'abxd'), re.split('', 'abc'), re.split(r'\b', 'ab cd'))

# split keeps groups; unmatched groups give None.
print(re.split(r'[,;]\s*', 'a, b;c,  d'))
print(re.split('(,)|;', 'a,b;c'), re.split('(-)(-)?', 'a-b--c'))
print(re.split(',', 'a,b,c', 1), re.split(',', 'a,b,c', maxsplit=-1), re.split(',', ''))
print(re.split(r'\s+', ' lead and trail '))

# findall returns the group, or a tuple of groups, with '' for unmatched ones.
print(re.findall(r'(\w)=(\d)?', 'a=1 b= c=3'))
print(re.findall(r'(\w)\d', 'a1 b2 c'), re.findall('(a)|b', 'ab'))

# finditer gives Match objects lazily.
it = re.finditer(r'\d+', 'a1 b22 c333')
print(next(it), [m.group() for m in it])
print([m.span() for m in re.compile('a').finditer('banana', 2, 5)])

# expand() uses the same templates as sub().
m = re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Jane Doe')
print(m.expand(r'\g<last>, \g<first> (\2\1)'), re.match('(a)|b', 'b').expand(r'[\1]'))

# bytes patterns work on bytes-like subjects and give bytes.
print(re.sub(rb'(\d+)', rb'<\1>', b'a12b3'), re.split(b',', bytearray(b'x,y')))
print(re.findall(rb'\w+', memoryview(b'ab cd')), re.match(b'(a)', bytearray(b'ab')).group(1))
print(re.subn(b'a', lambda m: m.group().upper(), b'banana'))
