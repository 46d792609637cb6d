# newline= translation: universal newlines on read, \n kept or translated on write.
import sys
try:
    from os import remove
except ImportError:  # kaa has no os module yet: the file stays in /tmp
    remove = None

PATH = '/tmp/kaa_golden_newlines_' + ('k' if 'kaa' in sys.version else 'c') + '.txt'

with open(PATH, 'w') as f:
    f.write('a\nb\r\nc\rd\r\n\r\ne')
for nl in [None, '', '\n', '\r', '\r\n']:
    with open(PATH, newline=nl) as f:
        print(repr(nl), repr(f.read()))
    with open(PATH, newline=nl) as f:
        print(repr(nl), f.readlines())
for nl in [None, '', '\n', '\r', '\r\n']:
    with open(PATH, 'w', newline=nl) as f:
        f.write('x\ny\n')
    with open(PATH, newline='') as f:
        print(repr(nl), repr(f.read()))
with open(PATH, 'w') as f:
    f.write('no newline at end')
with open(PATH) as f:
    print(f.readlines())
with open(PATH, 'w') as f:
    pass
with open(PATH) as f:
    print(repr(f.read()), f.readlines(), list(f))
if remove:
    remove(PATH)
