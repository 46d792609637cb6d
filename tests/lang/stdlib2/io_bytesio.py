# io.BytesIO: the same stream protocol over bytes.
import io

b = io.BytesIO()
print(b.write(b"spam\n"), b.write(bytearray(b"eggs\r\n")), b.tell())
print(b.getvalue(), b.read())
b.seek(0)
print(b.read(2), b.readline(), b.readline(2), b.readlines())
b.seek(0)
print(list(b), b.tell())

b = io.BytesIO(b"abcdef")
print(b.seek(-2, 2), b.read(), b.seek(-10, 1), b.seek(3, 1), b.read1(2), b.read1())
b.seek(8)
b.write(b"!")
print(b.getvalue())
b.seek(2)
print(b.write(b"XY"), b.getvalue(), b.truncate(), b.getvalue(), b.tell())
b.seek(0)
buf = bytearray(3)
print(b.readinto(buf), buf, b.read())
print(io.BytesIO(b"ab\ncd\nef").readlines(2), io.BytesIO(b"ab\ncd\nef").readlines(4))
print(io.BytesIO(None).getvalue(), io.BytesIO(bytearray(b"z")).getvalue())

with io.BytesIO(b"data") as f:
    print(f.read(), f.readable(), f.writable(), f.seekable())
print(f.closed)
for name in ["read", "getvalue", "write", "seek", "tell", "flush"]:
    try:
        getattr(f, name)(*{"write": (b"",), "seek": (0,)}.get(name, ()))
    except ValueError as e:
        print(name, "ValueError:", e)
for bad in [lambda: io.BytesIO().write("s"), lambda: io.BytesIO("s"),
            lambda: io.BytesIO().seek(-1), lambda: io.BytesIO().seek(0, 5),
            lambda: io.BytesIO().truncate(-2)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(io.BytesIO, isinstance(io.BytesIO(), io.BufferedIOBase))
