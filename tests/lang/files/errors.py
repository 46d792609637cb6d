# open() errors and operations on closed or wrong-mode files.
import sys
try:
    from os import remove
except ImportError:  # kaa has no os module yet: the file stays in /tmp
    remove = None

PATH = '/tmp/kaa_golden_errors_' + ('k' if 'kaa' in sys.version else 'c') + '.txt'

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

show(lambda: open('/nonexistent/kaa/file.txt'))
show(lambda: open('/tmp'))
show(lambda: open('/tmp', 'w'))
show(lambda: open(''))
show(lambda: open())
show(lambda: open(PATH, 'q'))
show(lambda: open(PATH, 'rw'))
show(lambda: open(PATH, 'rr'))
show(lambda: open(PATH, ''))
show(lambda: open(PATH, 't'))
show(lambda: open(PATH, 'U'))
show(lambda: open(PATH, 1))
show(lambda: open(1.5))
show(lambda: open(PATH, 'r', foo=1))
show(lambda: open(PATH, 'r', 1, 2, 3, 4, 5, 6, 7))
show(lambda: open(PATH, 'w', newline='x'))
show(lambda: open('a\0b'))
show(lambda: open(PATH, encoding='no-such-codec'))
try:
    open('/nonexistent/kaa')
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
except Exception as e:
    print('unexpected', e)

f = open(PATH, 'w')
show(lambda: f.read())
show(lambda: f.readline())
show(lambda: f.write(5))
show(lambda: f.writelines(['a', 3]))
show(lambda: f.writelines(3))
f.close()
for name in ['read', 'readline', 'readlines', 'tell', 'flush', '__enter__', 'fileno',
             'writable', 'seekable', 'isatty', 'truncate']:
    show(getattr(f, name))
show(lambda: f.write('x'))
show(lambda: f.seek(0))
show(lambda: iter(f))
show(lambda: next(f))
f = open(PATH)
show(lambda: f.write('x'))
show(lambda: f.seek(1, 1))
show(lambda: f.seek(-1, 2))
show(lambda: f.seek(0, 3))
show(lambda: f.seek(-1))
show(lambda: f.read('a'))
for exc in (OSError, ValueError):
    try:
        f.write('x')
    except exc as e:
        print('caught by', exc.__name__, type(e).__name__, e)
f.close()
if remove:
    remove(PATH)
