# Append, exclusive-create, read-write and truncate modes.
import sys
try:
    from os import remove
except ImportError:  # kaa has no os module yet: the file stays in /tmp
    remove = None

PATH = '/tmp/kaa_golden_modes_' + ('k' if 'kaa' in sys.version else 'c') + '.txt'

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

with open(PATH, 'w') as f:
    f.write('first\n')
with open(PATH, 'a') as f:
    print(f.tell(), f.mode)
    f.write('second\n')
with open(PATH) as f:
    print(repr(f.read()))
with open(PATH, 'a+') as f:
    print(f.tell())
    f.write('third\n')
    f.seek(0)
    print(repr(f.read()))
with open(PATH, 'r+') as f:
    print(repr(f.readline()))
    f.seek(0)
    f.write('FIRST')
    f.seek(0)
    print(repr(f.read()))
with open(PATH, 'w+') as f:
    print(repr(f.read()))
    f.write('abcdef\nxyz\n')
    f.seek(0)
    print(repr(f.readline()))
    f.seek(3)
    print(f.truncate(), f.tell())
    f.seek(0)
    print(repr(f.read()))
try:
    open(PATH, 'x')
except FileExistsError as e:
    print(type(e).__name__, e.errno, str(e).replace(PATH, 'PATH'))
show(lambda: open(PATH, 'wt').close())
with open(PATH, 'rt') as f:
    print(repr(f.read()), f.mode)
if remove:
    remove(PATH)
    with open(PATH, 'x') as f:
        f.write('new')
    remove(PATH)
