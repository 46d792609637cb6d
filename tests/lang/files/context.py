# Files as context managers: closed on exit, also when the body raises.
import sys
try:
    from os import remove
except ImportError:  # kaa has no os module yet: the file stays in /tmp
    remove = None

PATH = '/tmp/kaa_golden_context_' + ('k' if 'kaa' in sys.version else 'c') + '.txt'

with open(PATH, 'w') as f:
    print(f.closed)
    print('line', 1, file=f)
    print('line', 2, file=f, sep='-', end='!\n')
print(f.closed)

try:
    with open(PATH) as g:
        print(repr(g.readline()))
        raise KeyError('boom')
except KeyError as e:
    print('caught', e, g.closed)

with open(PATH) as a, open(PATH) as b:
    print(a is not b, a.read() == b.read())
print(a.closed, b.closed)

f = open(PATH)
print(f.__enter__() is f, f.__exit__(None, None, None), f.closed)

def count_lines(path):
    with open(path) as fh:
        return sum(1 for _ in fh)

print(count_lines(PATH))
words = {}
with open(PATH) as fh:
    for line in fh:
        for w in line.split():
            words[w] = words.get(w, 0) + 1
print(sorted(words.items()))
print(repr(open(PATH, encoding='utf-8')).replace(PATH, 'PATH'))
print(type(f).__name__, type(f))
if remove:
    remove(PATH)
