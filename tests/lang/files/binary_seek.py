# Binary files: seek() from the start, the current position and the end,
# truncate(), and reading and writing the same file in the '+' modes. The
# file stays in this folder (see .gitignore).
import sys

PATH = 'binary_seek_' + ('k' if 'kaa' in sys.version else 'c') + '.bin'


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)


with open(PATH, 'w+b') as f:
    print(type(f).__name__, f.mode, f.readable(), f.writable(), f.read())
    print(f.write(bytes(range(100))), f.tell())
    print(f.seek(10), f.read(3), f.tell())
    print(f.write(b'XYZ'), f.tell())
    print(f.seek(-5, 1), f.read(6), f.tell())
    print(f.seek(-2, 2), f.read(), f.tell())
    print(f.seek(0, 1), f.seek(5, 0), f.seek(3, 1), f.read(1))
    print(f.seek(True), f.read(1))
    # Past the end: reads nothing, and a write fills the gap with zeros.
    print(f.seek(110), f.read(), f.tell())
    print(f.write(b'end'), f.tell(), f.seek(0, 2))
    print(f.seek(95), f.read())
    show(lambda: f.seek(-1))
    show(lambda: f.seek(-200, 1))
    show(lambda: f.seek(-200, 2))
    print(f.tell())

    # truncate() cuts at the current position or at its argument, and does
    # not move; growing a file adds zeros.
    print(f.seek(50), f.truncate(), f.tell(), f.seek(0, 2))
    print(f.truncate(20), f.tell(), f.seek(0, 2))
    print(f.seek(18), f.truncate(24), f.tell(), f.read())
    print(f.seek(2), f.read(2), f.truncate(), f.read(), f.seek(0, 2))
    show(lambda: f.truncate(-1))
    show(lambda: f.truncate('a'))
    print(f.truncate(None), f.tell())

# Reading, then writing at the position the reads reached.
with open(PATH, 'wb') as f:
    f.write(b'line one\nline two\nline three\n')
with open(PATH, 'r+b') as f:
    print(type(f).__name__, f.mode)
    print(f.readline(), f.write(b'LINE'), f.tell())
    print(f.readline(), f.tell())
    print(f.seek(0), f.read())
    print(f.seek(-6, 2), f.write(b'3'), f.read(), f.tell())
    print(f.seek(0), f.readlines())

# 'a+b' starts at the end and writes there, but reads anywhere.
with open(PATH, 'a+b') as f:
    print(type(f).__name__, f.mode, f.tell())
    print(f.write(b'more\n'), f.tell(), f.seek(0), f.read(4))
    print(f.seek(-5, 2), f.read())

# 'rb+' is 'r+b'; 'wb+' empties the file first.
with open(PATH, 'rb+') as f:
    print(f.mode, f.read(4), f.seek(0, 2))
with open(PATH, 'wb+') as f:
    print(f.mode, f.read(), f.write(b'abc'), f.seek(1), f.read())

# Seek and tell while only writing or only reading.
with open(PATH, 'wb') as f:
    print(f.write(b'0123456789'), f.seek(2), f.write(b'ab'), f.tell())
    print(f.seek(-1, 2), f.write(b'Z'), f.seek(0, 1), f.seek(3, 1), f.tell())
with open(PATH, 'rb') as f:
    print(f.read(), f.seek(-3, 2), f.read(2), f.seek(-4, 1), f.read())

open(PATH, 'wb').close()
