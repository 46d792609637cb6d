# array.array: construction, sequence operations, methods, buffer export.
import array
from array import array as A

print(array.typecodes, array.ArrayType is A, A.__name__, A.__module__)
print([A(c).itemsize for c in array.typecodes])
a = A("i", [1, 2, 3])
print(a, str(a), repr(A("b")), A("d", [1, 2.5]), A("f", [0.1]))
print(a.typecode, a.itemsize, len(a), a[0], a[-1], a[1:], a[::-1], a[::2])
print(A("u", "hi"), A("u", "hi")[1], A("u", "hi").tounicode(), A("u", ["x"]))
print(A("h", b"\x01\x00\x02\x00"), A("h", bytearray(b"\x03\x00")), A("b", range(3)))
print(A("h", (x * x for x in range(4))), A("d", A("i", [1, 2])), A("h", A("h", [7])))
print(A("Q", [2**64 - 1]), A("q", [-2**63]), A("B", [255]), A("I", [2**32 - 1]))
print(A("i", [True]), A("d", [False]))

a.append(4)
a.extend([5, 6])
a.extend(A("i", [7]))
a.extend(x for x in (8,))
a.insert(0, 0)
a.insert(-1, 66)
a.insert(100, 99)
a.insert(-100, -9)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(4)
print(a, a.index(3), a.index(3, 2), a.count(3), a.count(42), 5 in a, 42 in a)
a.reverse()
print(a, a.tolist())
print(a.tobytes()[:8], len(a.tobytes()))
a.byteswap()
print(a[:2])
a.byteswap()

b = A("h")
b.frombytes(b"\x01\x00\x02\x00")
b.fromlist([3, 4])
b.frombytes(memoryview(b"\x05\x00"))
print(b, b.buffer_info()[1], type(b.buffer_info()[0]).__name__)
u = A("u")
u.fromunicode("abc")
print(u, u.tolist())

c = A("i", range(10))
c[0] = 100
c[1:3] = A("i", [7, 8, 9])
print(c)
c[::2] = A("i", [0] * 6)
print(c)
del c[0]
del c[::2]
del c[1:3]
print(c)
c[1:1] = c
print(c)
print(A("i", [1]) + A("i", [2]), A("i", [1, 2]) * 2, 2 * A("i", [1]), A("i", [1]) * -1)
d = A("i", [1])
e = d
d += A("i", [2])
d *= 2
print(e, d is e)

print(A("i", [1, 2]) == A("i", [1, 2]), A("i", [1, 2]) == A("h", [1, 2]))
print(A("i", [1, 2]) == A("d", [1.0, 2.0]), A("i", [1, 2]) < A("i", [1, 3]))
print(A("i", [1, 2]) < A("i", [1]), A("i", [1, 2]) >= A("h", [1]), A("i", [1]) == [1])
print(A("d", [float("nan")]) == A("d", [float("nan")]), A("b", [1]) == b"\x01")
print(list(A("h", [1, 2])), [x * 2 for x in A("f", [0.5, 1.5])])

# The buffer protocol
print(bytes(A("h", [1, 2])), bytearray(A("b", [65, 66])), b"-".join([A("b", [67])]))
m = memoryview(A("h", [1, 2, 3]))
print(m.format, m.itemsize, m.nbytes, m.tolist(), m[1], m[1:].tolist())
w = A("i", [1, 2, 3])
mw = memoryview(w)
mw[0] = 100
print(w, mw == w, mw == [100, 2, 3])
try:
    w.append(4)
except BufferError as exc:
    print("BufferError:", exc)
mw.release()
w.append(4)
print(w)
print(memoryview(A("d", [1.5])) == memoryview(A("f", [1.5])))
print(memoryview(A("b", [1, -1])) == memoryview(A("h", [1, -1])))

class Sub(A):
    pass

s = Sub("i", [1, 2])
print(s, type(s[0:1]).__name__, type(s + s).__name__, isinstance(s, A))
print(A("i", [1]).__copy__(), A("i", [1]).__deepcopy__({}), A("i", [1]).__reduce_ex__(2))


# tofile/fromfile go through the file's write() and read()
class Sink:
    def __init__(self):
        self.parts = []

    def write(self, data):
        self.parts.append(data)
        return len(data)


class Source:
    def __init__(self, data):
        self.data = data

    def read(self, n):
        chunk, self.data = self.data[:n], self.data[n:]
        return chunk


sink = Sink()
A("h", [1, 2, 3]).tofile(sink)
print(sink.parts)
r = A("h")
r.fromfile(Source(b"\x01\x00\x02\x00\x03"), 2)
print(r)
try:
    r.fromfile(Source(b"\x07\x00"), 2)
except EOFError as exc:
    print("EOFError:", exc, r)
