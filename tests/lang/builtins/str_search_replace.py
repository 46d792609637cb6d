# str.find, str.replace, str.startswith and str.endswith.
s = 'hello world'
print(s.find('o'), s.find('world'), s.find('z'), s.find(''), s.find('hello world!'))
print(s.find('l'), s.find('lo'), s.find('h'), s.find('d'))
print(''.find(''), ''.find('a'))
print(s.replace('o', '0'), s)
print(s.replace('l', ''), s.replace('world', 'kaa'))
print(s.replace('x', 'y'), s.replace('', '-'))
print('aaa'.replace('a', 'aa'), 'aaaa'.replace('aa', 'b'))
print(s.startswith('hello'), s.startswith('world'), s.startswith(''))
print(s.endswith('world'), s.endswith('hello'), s.endswith(''))
print(s.startswith('hello world and more'), ''.startswith(''), ''.endswith('a'))
path = 'archive.tar.gz'
if path.endswith('.gz'):
    print('gzip', path.replace('.gz', ''))
if not path.startswith('/'):
    print('relative')
text = 'one fish two fish red fish'
count = 0
pos = text.find('fish')
while pos != -1:
    count += 1
    text = text[pos + 4:]
    pos = text.find('fish')
print('fish count', count)
print('a-b-c'.replace('-', ' ').upper())
