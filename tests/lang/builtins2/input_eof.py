# input() with stdin at end of file, and sys.stdin.
import sys

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

show(lambda: input())
show(lambda: input('prompt> '))
show(lambda: input(42))
show(lambda: input(1, 2))
show(lambda: input(prompt='x'))
show(lambda: sys.stdin.read())
show(lambda: sys.stdin.readline())
print(sys.stdin.readable(), sys.stdin.writable(), sys.stdout.writable())
print(sys.stdin.name, sys.stdout.name, sys.stderr.name, sys.stdin.mode, sys.stdout.mode)

class Lines:
    def __init__(self, lines):
        self.lines = lines
    def readline(self):
        return self.lines.pop(0) if self.lines else ''

old = sys.stdin
sys.stdin = Lines(['first\n', 'second'])
print(repr(input()), repr(input('> ')))
show(lambda: input())
sys.stdin = old
