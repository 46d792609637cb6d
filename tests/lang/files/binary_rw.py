# Binary files: writing bytes, reading them back whole, by size, by line and
# by iteration; the file types, attributes and reprs; text and binary views of
# the same file. The file stays in this folder (see .gitignore).
import sys

PATH = 'binary_rw_' + ('k' if 'kaa' in sys.version else 'c') + '.bin'


def r(f):
    return repr(f).replace(PATH, 'PATH')


f = open(PATH, 'wb')
print(type(f).__name__, r(f), f.mode, f.name == PATH, f.closed)
print(f.readable(), f.writable(), f.seekable(), f.isatty(), type(f.fileno()).__name__)
print(f.write(b'abc\ndef\n'), f.write(bytearray(b'\n\xff\x00tail')), f.write(b''))
print(f.writelines([b'one\n', bytearray(b'two\n')]), f.tell())
print(f.close(), f.closed, r(f))
f.close()  # closing twice is fine

with open(PATH, 'rb') as f:
    print(type(f).__name__, r(f), f.mode, f.readable(), f.writable())
    print(f.read())
    print(f.read(), f.read(5), f.tell())
with open(PATH, 'rb') as f:
    print(f.read(0), f.read(2), f.read(-1))
with open(PATH, 'rb') as f:
    print(f.read(None), f.read(100))
with open(PATH, 'rb') as f:
    print(f.readline(), f.readline(2), f.readline(-1), f.readline(None))
    print(f.readline(0), f.readline(3), f.readline(100), f.tell())
    print(f.readlines())
    print(f.readline(), f.readlines())
with open(PATH, 'rb') as f:
    print(f.readlines(5))
    print(f.readlines(0))
with open(PATH, 'rb') as f:
    for line in f:
        print(len(line), line)
print(f.closed)
with open(PATH, 'rb') as f:
    print(next(f), iter(f) is f, f.__enter__() is f)
    print(list(f))

# readinto() fills a bytearray; read1() returns what one read gives.
with open(PATH, 'rb') as f:
    b = bytearray(4)
    print(f.readinto(b), b)
    print(f.readinto(bytearray()), f.read1(3), f.read1(0))
    b = bytearray(100)
    n = f.readinto(b)
    print(n, b[:n], f.readinto(b), f.read1())

# Every byte value survives the round trip.
data = bytes(range(256)) * 40
with open(PATH, 'wb') as f:
    print(f.write(data))
with open(PATH, 'rb') as f:
    back = f.read()
    print(len(back), back == data, f.read())

# Text written in text mode, read back raw; bytes read back as text.
with open(PATH, 'w', encoding='utf-8', newline='\r\n') as f:
    f.write('héllo\nwörld ☃\n')
with open(PATH, 'rb') as f:
    raw = f.read()
print(raw, repr(raw.decode('utf-8')))
with open(PATH, 'ab') as f:
    print(f.tell(), r(f), f.mode)
    print(f.write('ça\r\nfin'.encode('utf-8')), f.tell())
with open(PATH) as f:
    print(repr(f.read()), r(f))
with open(PATH, 'rb') as f:
    print(f.readlines())

# Append mode adds at the end; 'xb' refuses an existing file.
with open(PATH, 'wb') as f:
    f.write(b'first\n')
with open(PATH, 'ab') as f:
    f.write(b'second\n')
with open(PATH, 'rb') as f:
    print(f.read())
try:
    open(PATH, 'xb')
except FileExistsError as e:
    print(type(e).__name__, e.errno, str(e).replace(PATH, 'PATH'))
with open(PATH, mode='rb', buffering=-1) as f:
    print(r(f), f.read(3))
with open(PATH.encode(), 'rb') as f:
    print(r(f), f.name == PATH.encode(), f.read(3))

# A descriptor, without closefd: the descriptor stays open.
g = open(PATH, 'rb')
with open(g.fileno(), 'rb', closefd=False) as f:
    print(type(f).__name__, f.mode, f.name == g.fileno(), f.fileno() == g.fileno(), f.read(6))
print(f.closed, g.closed, g.seek(0), g.read())
g.close()

# What is left: an empty file.
open(PATH, 'wb').close()
with open(PATH, 'rb') as f:
    print(f.read(), f.readline(), f.readlines(), list(f), f.tell())
