# Character classes and escapes.
import re

print(re.findall('[abc]', 'xaybzc'))
print(re.findall('[a-c]+', 'xabcabd cab'))
print(re.findall('[^a-c ]+', 'abxyzc def'))
print(re.findall('[]a]+', 'a]]b]'), re.findall('[^]]+', 'ab]cd'))
print(re.findall('[a-]+', '-a-b'), re.findall('[-a]+', '-a-b'), re.findall(r'[a\-z]+', 'a-z b'))
print(re.findall(r'[\]\\]', 'a]b\\c'))
print(re.findall('[.^$*+?(){}|]', 'a.b^c$d*e+f?g(h)i{j}k|l'))
print(re.findall(r'[\d.]+', 'v1.25 and 3.7'), re.findall(r'[\w-]+', 'foo-bar baz_qux!'))
print(re.findall(r'[^\W\d]+', 'ab12cd_3'))
print(re.findall(r'[\s,]+', 'a, b ,\tc'))

# Categories: Unicode for str patterns, ASCII with re.ASCII or for bytes.
print(re.findall(r'\d+', 'a12b٣٤c²'), re.findall(r'\d+', 'a12b٣٤c²', re.ASCII))
print(re.findall(r'\w+', 'héllo wörld_1 日本'), re.findall(r'\w+', 'héllo wörld', re.A))
print(re.findall(r'\s+', 'a b\u2003c\x1cd'), re.findall(r'\s', 'a b\u2003c', re.A))
print(re.findall(r'\D+', 'ab12cd'), re.findall(r'\W+', 'ab, cd!'), re.findall(r'\S+', ' ab cd '))
print(re.findall(rb'\w+', b'caf\xe9 ok'), re.findall(rb'[\d]+', b'a12'))

# Word boundaries.
print(re.findall(r'\bfoo\b', 'foo foobar barfoo foo.'))
print(re.findall(r'\Bo\B', 'foo bob onto'))
print(re.search(r'\b', ''), re.search(r'\B', ''), re.search(r'\B', 'a'))
print(re.findall(r'\b\w', 'héllo wörld'), re.findall(r'\b\w', 'héllo wörld', re.A))

# Character escapes.
print(re.match(r'\x41\u0042\U00000043\101\0', 'ABCA\x00'))
print(re.match(r'\t\n\r\f\v\a', '\t\n\r\f\v\a') is not None)
print(re.findall(r'[\x00-\x1f]', 'a\x01b\x1fc'), re.findall(r'[\t ]', 'a b\tc'))
print(re.match(r'\.\*\+\?\(\)\[\]\{\}\|\^\$\\', '.*+?()[]{}|^$\\').span())
print(re.match(r'\é\-\#', 'é-#'), re.match(r'[\b]', '\b'))
print(re.findall(r'[\101-\103]', 'ABCD'), re.findall(r'[\1]', '\x01'))
print(re.match(r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\11', 'abcdefghijkk').span())

# Literal braces where no repeat count is meant.
print(re.findall('a{', 'a{'), re.findall('a{1', 'a{1'), re.findall('a{1,x}', 'a{1,x}'))
print(re.findall('x{}', 'x{}'), re.findall('{', '{{'))

# escape() backslashes only the special characters.
print(re.escape('a.b*c d\n_é-#&~1'))
print(re.escape(b'a.b\xff c'))
print(re.match(re.escape('1+1=2?'), '1+1=2?'))
