# Binary files: open()'s argument errors, the operations each binary type
# lacks, bad arguments, and every operation on a closed file, which CPython's
# buffered classes report with different wordings. The file stays in this
# folder (see .gitignore).
import sys

PATH = 'binary_errors_' + ('k' if 'kaa' in sys.version else 'c') + '.bin'


def show(f):
    try:
        r = f()
        print(repr(r).replace(PATH, 'PATH'))
        if hasattr(r, 'close'):
            r.close()
    except Exception as e:
        print(type(e).__name__ + ':', str(e).replace(PATH, 'PATH'))


with open(PATH, 'wb') as f:
    f.write(b'abc\ndef\n')

print('-- open')
for mode in ['rbt', 'tb', 'bb', 'b', '+b', 'rb++', 'rwb', 'rbU', 'bx', 'b+a']:
    show(lambda: open(PATH, mode))
show(lambda: open(PATH, 'rb', encoding='utf-8'))
show(lambda: open(PATH, 'rb', errors='strict'))
show(lambda: open(PATH, 'rb', newline=''))
show(lambda: open(PATH, 'wb', encoding='utf-8', errors='x', newline='\n'))
show(lambda: open(PATH, 'ab', errors='x', newline='\n'))
show(lambda: open(PATH, 'b', encoding='latin-1'))
show(lambda: open(PATH, 'rb', encoding=None, errors=None, newline=None))
show(lambda: open(PATH, 'rb', encoding=5))
show(lambda: open(PATH, 'rb', buffering='a'))
show(lambda: open(PATH, 'rb', buffering=None))
show(lambda: open(PATH, 'rb', buffering=4096))
show(lambda: open(PATH, 'r', buffering=0))
show(lambda: open(PATH, 'rb', closefd=False))
show(lambda: open(b'a\0b', 'rb'))
show(lambda: open(bytearray(b'x'), 'rb'))
show(lambda: open('no_such_dir/x.bin', 'rb'))
show(lambda: open(b'no_such_dir/x.bin', 'wb'))
show(lambda: open('.', 'rb'))
show(lambda: open(PATH, 'xb'))

print('-- writer')
f = open(PATH, 'ab')
for x in ['s', 5, None, [1], (b'a',), 2.5]:
    show(lambda: f.write(x))
show(lambda: f.writelines([b'x\n', 'y']))
show(lambda: f.writelines(5))
for name in ['read', 'readline', 'readlines', 'read1', '__next__']:
    show(getattr(f, name))
show(lambda: f.read(1, 2))
show(lambda: f.read('a'))
show(lambda: f.readline('a'))
show(lambda: f.readinto(bytearray(2)))
show(lambda: f.readinto(b'ab'))
show(lambda: next(f))
show(lambda: list(f))
show(lambda: f.encoding)
show(lambda: f.seek(0, 5))
show(lambda: f.seek(0, -1))
show(lambda: f.seek('a'))
show(lambda: f.seek(1.5))
show(lambda: f.seek())
show(lambda: f.seek(0, 0, 0))
show(lambda: f.seek(0, 'a'))
show(lambda: f.truncate(1.5))
show(lambda: f.truncate(1, 2))
show(lambda: print('text', file=f))
f.close()

print('-- reader')
f = open(PATH, 'rb')
show(lambda: f.write(b'x'))
show(lambda: f.write('x'))
show(lambda: f.writelines([b'x']))
show(lambda: f.truncate())
show(lambda: f.truncate(1.5))
show(lambda: f.flush())
show(lambda: f.read(-2))
show(lambda: f.read('a'))
show(lambda: f.read(1.0))
show(lambda: f.read(1, 2))
show(lambda: f.read(size=1))
show(lambda: f.readline('a'))
show(lambda: f.readline(size=1))
show(lambda: f.readlines('a'))
show(lambda: f.readlines(hint=1))
show(lambda: f.read1('a'))
show(lambda: f.read1(None))
show(lambda: f.read1(1, 2))
show(lambda: f.readinto(5))
show(lambda: f.readinto('abc'))
show(lambda: f.readinto(bytes(2)))
show(lambda: f.seek(0, whence=0))
show(lambda: f.errors)
show(lambda: f.newlines)
for exc in (OSError, ValueError):
    try:
        f.write(b'x')
    except exc as e:
        print('caught by', exc.__name__, type(e).__name__, e)
f.close()

for mode in ['rb', 'wb', 'r+b']:
    print('-- closed', mode)
    f = open(PATH, mode)
    f.close()
    print(f.closed, repr(f).replace(PATH, 'PATH'), f.mode, f.name == PATH)
    for name in ['read', 'readline', 'readlines', 'read1', 'tell', 'flush', 'fileno',
                 'readable', 'writable', 'seekable', 'isatty', 'truncate', '__enter__',
                 '__iter__', '__next__', 'close']:
        show(getattr(f, name))
    show(lambda: f.write(b'x'))
    show(lambda: f.write('x'))
    show(lambda: f.writelines([]))
    show(lambda: f.writelines(5))
    show(lambda: f.seek(0))
    show(lambda: f.seek('a'))
    show(lambda: f.seek(0, 7))
    show(lambda: f.read('a'))
    show(lambda: f.read(-3))
    show(lambda: f.readinto(bytearray(2)))
    show(lambda: f.readinto(b''))
    show(lambda: f.truncate('a'))
    show(lambda: iter(f))
    show(lambda: next(f))
    show(lambda: f.__exit__(None, None, None))
    try:
        with f:
            print('not reached')
    except ValueError as e:
        print('with:', e)

open(PATH, 'wb').close()
