# io.StringIO: write/read/seek/tell, lines, truncate, newline modes, close.
import io
import sys

s = io.StringIO()
print(s.write("hello\n"), s.write("world\n"), s.tell())
print(repr(s.getvalue()), repr(s.read()))
s.seek(0)
print(repr(s.read(3)), s.tell(), repr(s.readline()), repr(s.readline()), repr(s.readline()))
s.seek(0)
print(s.readlines(), s.tell())
s.seek(0)
print([line for line in s])

s = io.StringIO("abcdef")
print(s.tell(), repr(s.read(2)), s.seek(4), repr(s.read()), s.seek(0, 2), s.tell())
s.seek(2)
print(s.write("XY"), repr(s.getvalue()), s.tell())
s.seek(9)
s.write("!")
print(repr(s.getvalue()))
s.seek(3)
print(s.truncate(), repr(s.getvalue()), s.tell(), s.truncate(1), repr(s.getvalue()))

s = io.StringIO("ab\ncd\nef\n")
print(repr(s.readline(1)), repr(s.readline(5)), s.readlines(1), s.readlines(0))
s = io.StringIO("ab\ncd\nef\n")
print(s.readlines(3), repr(s.read(-5)), repr(s.read(0)))

for nl in ["\n", "", None, "\r", "\r\n"]:
    s = io.StringIO(newline=nl)
    s.write("a\nb\r\nc\rd")
    print(repr(nl), repr(s.getvalue()), s.newlines, s.tell())
    s.seek(0)
    print("   ", s.readlines())
print(list(io.StringIO("x\r\ny", newline=None)))

s = io.StringIO()
s.writelines(["a", "b", "c"])
print(s.getvalue(), s.readable(), s.writable(), s.seekable(), s.isatty())

# print() writes through sys.stdout, so StringIO can capture it.
old = sys.stdout
sys.stdout = buf = io.StringIO()
print("captured", 42)
print("more", end="")
sys.stdout = old
print(repr(buf.getvalue()))
buf = io.StringIO()
print("to file", file=buf)
print(repr(buf.getvalue()))

with io.StringIO("q") as f:
    print(f.read(), f.closed)
print(f.closed)
for name in ["read", "getvalue", "tell", "write", "readline", "seek", "isatty"]:
    try:
        getattr(f, name)(*{"write": ("",), "seek": (0,)}.get(name, ()))
    except ValueError as e:
        print(name, "ValueError:", e)

for args in [(-1,), (1, 1), (0, 3)]:
    try:
        io.StringIO().seek(*args)
    except (OSError, ValueError) as e:
        print(type(e).__name__, e)
for bad in [lambda: io.StringIO().write(3), lambda: io.StringIO(3),
            lambda: io.StringIO(newline="x"), lambda: io.StringIO().truncate(-1),
            lambda: io.StringIO().read("x")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    io.StringIO().fileno()
except io.UnsupportedOperation as e:
    print(type(e).__name__, e)
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
with open("io_stringio.py") as f:
    try:
        f.write("x")
    except io.UnsupportedOperation as e:
        print("file:", type(e).__name__, e)
print(io.StringIO, isinstance(io.StringIO(), io.TextIOBase), isinstance(io.StringIO(), io.IOBase))
print(isinstance(sys.stdout, io.TextIOBase), io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
