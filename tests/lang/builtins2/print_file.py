# print(file=..., flush=...) and sys.stdout replaced by an object with write().
import sys

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

class Collect:
    def __init__(self):
        self.parts = []
        self.flushed = 0
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.flushed += 1

c = Collect()
print('a', 1, None, sep='|', end='$', file=c)
print(file=c)
print('x', file=c, flush=True)
print(c.parts, c.flushed)

old = sys.stdout
sys.stdout = c
print('captured', 2)
sys.stdout = old
print(c.parts[-4:])
print('back', file=None)
print('to stdout', file=sys.stdout, flush=True)
print('to stderr', file=sys.stderr)
sys.stdout = None
print('silently dropped')
sys.stdout = old
show(lambda: print('x', file=1))
show(lambda: print('x', sep=1))
show(lambda: print('x', end=2))
show(lambda: print('x', bad=2))
print(sys.stdout.write('written\n'))
sys.stdout.writelines(['l1\n', 'l2\n'])
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
