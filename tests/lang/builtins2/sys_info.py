# sys.version_info (a struct sequence) and the standard streams' reprs.
import sys

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

v = sys.version_info
print(v)
print(v[:2], v.major, v.minor, v.micro, v.releaselevel, v.serial, len(v))
print(v >= (3, 8), v < (4,), v == (3, 11, 7, 'final', 0), tuple(v))
major, minor, *rest = v
print(major, minor, rest, v[-1], v.index(11))
print(type(v), isinstance(v, tuple))
show(lambda: type(v)())
show(lambda: setattr(v, 'major', 4))
print(repr(sys.stdout), repr(sys.stderr), repr(sys.stdin))
print(sys.stdout.encoding, sys.stdout.closed)
