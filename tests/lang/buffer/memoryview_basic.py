# memoryview over bytes: indexing, slicing, attributes, conversions, release.


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


m = memoryview(b"hello world")
print(len(m), m[0], m[-1], m[4])
print(m.readonly, m.format, m.itemsize, m.nbytes, m.ndim, m.shape, m.strides)
print(m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous)
print(m.obj, m.tobytes(), m.tolist()[:3], m.hex(), m.hex(":", 4))
print(bytes(m[6:]), m[::2].tobytes(), m[::-1].tobytes(), m[::-2].strides)
print(m[::2].c_contiguous, m[3:3].tobytes(), m[100:].nbytes)
print(m[1:].obj is m.obj, memoryview(m).obj is m.obj, type(m[1:]).__name__)
print(list(m[:5]), list(reversed(m[:3])), 108 in m, 200 in m)
print(m == b"hello world", m != b"hello", m == bytearray(b"hello world"))
print(m[:5] == memoryview(b"hello"), m == "hello world", m == [104])
print(hash(m) == hash(b"hello world"), hash(m[::2]) == hash(b"hlowrd"))
print(m[0:0].tolist(), m[0,], m[True])
print(m.toreadonly().readonly, m.tobytes("C"), m.tobytes(order=None))

attempt(lambda: m[11])
attempt(lambda: m[-12])
attempt(lambda: m["a"])
attempt(lambda: m[1.5])
attempt(lambda: m[0, 1])
attempt(lambda: m < m)
attempt(lambda: m + m)
attempt(lambda: memoryview(42))
attempt(lambda: memoryview("text"))
attempt(lambda: memoryview())
attempt(lambda: m.__setitem__(0, 1))
attempt(lambda: m.__delitem__(0))
attempt(lambda: m.tobytes("X"))

# Views of views and casts
c = m.cast("c")
print(c.format, c[0], c[1:3].tolist(), c == m)
h = memoryview(b"\x01\x00\x02\x00\xff\xff").cast("h")
print(h.format, h.itemsize, len(h), h.tolist(), h[2], h.nbytes, h.strides)
print(h.cast("B").tolist(), h == memoryview(b"\x01\x00\x02\x00\xff\xff").cast("h"))
print(memoryview(b"\x00\x00\x80?\x00\x00\x00@").cast("f").tolist())
print(memoryview(b"\x01\x00\x02").cast("?").tolist(), memoryview(b"ab").cast("@B").format)
attempt(lambda: memoryview(b"abc").cast("h"))
attempt(lambda: h.cast("i"))
attempt(lambda: m.cast("<h"))
attempt(lambda: m.cast("hh"))
attempt(lambda: m[::2].cast("B"))
attempt(lambda: hash(h))
attempt(lambda: m.cast(1))

# release() and the context manager
with memoryview(b"xyz") as w:
    print(w[0], w.tobytes())
print(repr(w).startswith("<released memory at 0x"), w == w, w == b"xyz")
attempt(lambda: w[0])
attempt(lambda: len(w))
attempt(lambda: w.tobytes())
attempt(lambda: w.obj)
attempt(lambda: w.format)
attempt(lambda: bytes(w))
attempt(lambda: list(w))
attempt(lambda: w.cast("B"))
w.release()
print(repr(m).startswith("<memory at 0x"))
k = memoryview(b"kept")
print(hash(k) == hash(b"kept"))
k.release()
print(hash(k) == hash(b"kept"))
