# memoryview over bytearray: writes through the view, exports pin the size.


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


b = bytearray(b"hello")
v = memoryview(b)
print(v.readonly, v.obj is b)
v[0] = 74
v[1:3] = b"EL"
v[-1] = ord("O")
print(b, v.tobytes())
v[::2] = b"123"
print(b)
v[1:4] = memoryview(b"xyz")
print(b)
v[0:2] = v[3:5]
print(b)
v[::2] = memoryview(b"abcdef")[::2]
print(b)
attempt(lambda: v.__setitem__(slice(0, 2), b"x"))
attempt(lambda: v.__setitem__(slice(0, 2), [1, 2]))
attempt(lambda: v.__setitem__(slice(0, 2), memoryview(b"ab").cast("c")))
attempt(lambda: v.__setitem__(0, 256))
attempt(lambda: v.__setitem__(0, -1))
attempt(lambda: v.__setitem__(0, b"a"))
attempt(lambda: v.__setitem__(0, 1.5))
attempt(lambda: v.__setitem__(9, 1))
attempt(lambda: v.__delitem__(0))
attempt(lambda: hash(v))

# While a view exists the bytearray cannot change size.
attempt(lambda: b.append(1))
attempt(lambda: b.extend(b"xy"))
attempt(lambda: b.pop())
attempt(lambda: b.insert(0, 1))
attempt(lambda: b.remove(b[0]))
attempt(lambda: b.clear())
attempt(lambda: b.__setitem__(slice(0, 1), b"xy"))
attempt(lambda: b.__delitem__(0))
attempt(lambda: b.__delitem__(slice(None, None, 2)))
b[0:1] = b"Q"
b[1] = 66
b.reverse()
print(b)
try:
    b += b"!"
except BufferError as e:
    print("BufferError:", e)
try:
    b *= 2
except BufferError as e:
    print("BufferError:", e)
b += b""
b *= 1
print(b)

# Each slice and each view of a view holds its own export.
s = v[1:3]
v.release()
attempt(lambda: b.append(1))
s.release()
b.append(33)
print(b, len(b))
with memoryview(b) as w:
    attempt(lambda: b.append(1))
b.append(63)
print(b)

# cast views write through too
c = memoryview(b).cast("c")
c[0] = b"Z"
attempt(lambda: c.__setitem__(1, 1))
attempt(lambda: c.__setitem__(1, b"xy"))
print(b[:2], c.tolist()[:2])
del c
ints = memoryview(bytearray(8)).cast("i")
ints[0] = -2
ints[1] = 2**31 - 1
print(ints.tolist(), bytes(ints))
attempt(lambda: ints.__setitem__(0, 2**31))
attempt(lambda: ints.__setitem__(0, "x"))
dbl = memoryview(bytearray(16)).cast("d")
dbl[0] = 1.5
dbl[1] = 3
print(dbl.tolist(), dbl[1])
attempt(lambda: dbl.__setitem__(0, "x"))
print(dbl == memoryview(bytearray(dbl.tobytes())).cast("d"))
nan = memoryview(bytearray(8)).cast("d")
nan[0] = float("nan")
print(nan == nan, nan.tolist())
