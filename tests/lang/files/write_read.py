# Writing a text file, then reading it back whole, by size, by line and by iteration.
import sys
try:
    from os import remove
except ImportError:  # kaa has no os module yet: the file stays in /tmp
    remove = None

PATH = '/tmp/kaa_golden_write_read_' + ('k' if 'kaa' in sys.version else 'c') + '.txt'

f = open(PATH, 'w', encoding='utf-8')
print(f.name == PATH, f.mode, f.closed, f.encoding, f.writable(), f.readable())
print(f.write('héllo\nworld\n'), f.write(''), f.write('été ☃\n'))
f.writelines(['one\n', 'two\n', 'three'])
print(f.tell())
f.close()
print(f.closed)
f.close()  # closing twice is fine

f = open(PATH)
print(repr(f.read()))
f.seek(0)
print(repr(f.read(3)), f.tell(), repr(f.read(4)), repr(f.readline()))
print(repr(f.readline(2)), repr(f.readline()), repr(f.readline()))
print(f.readlines())
print(repr(f.read()), repr(f.readline()), f.readlines())
print(f.seek(0), f.readlines(10))
f.seek(0)
print(list(f))
f.seek(0, 2)
print(f.tell(), repr(f.read()))
f.close()

f = open(PATH, encoding='utf8')
n = 0
for line in f:
    n += 1
    print(n, repr(line), len(line))
f.close()

lines = open(PATH).read().splitlines()
print(lines, len(lines))
if remove:
    remove(PATH)
