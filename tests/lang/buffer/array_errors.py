# array.array: CPython's error texts for construction, conversion and methods.
from array import array as A


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


# Out-of-range and wrongly typed items, per typecode
limits = {"b": 128, "B": 256, "h": 2**15, "H": 2**16, "i": 2**31, "I": 2**32,
          "l": 2**63, "L": 2**64, "q": 2**63, "Q": 2**64}
for tc in "bBhHiIlLqQ":
    big = limits[tc]
    print(tc)
    attempt(lambda: A(tc, [big]))
    attempt(lambda: A(tc, [-big - 1]))
    attempt(lambda: A(tc, [2**70]))
    attempt(lambda: A(tc, [-2**70]))
    attempt(lambda: A(tc, [-1]))
    attempt(lambda: A(tc, [1.5]))
    attempt(lambda: A(tc, ["a"]))
attempt(lambda: A("b", [40000]))
attempt(lambda: A("H", [2**40]))
attempt(lambda: A("f", ["a"]))
attempt(lambda: A("d", [2**2000]))
attempt(lambda: A("u", [1]))
attempt(lambda: A("u", ["ab"]))

# Construction
attempt(lambda: A("z"))
attempt(lambda: A("bb"))
attempt(lambda: A(1))
attempt(lambda: A())
attempt(lambda: A("h", [1], 2))
attempt(lambda: A("h", initializer=[1]))
attempt(lambda: A("i", "abc"))
attempt(lambda: A("h", A("u", "ab")))
attempt(lambda: A("h", b"abc"))
attempt(lambda: A("h", 5))

# Methods and operators
a = A("i", [1, 2, 3])
attempt(lambda: a.append("x"))
attempt(lambda: a.append(2**40))
attempt(lambda: a.extend(A("h", [7])))
attempt(lambda: a.extend(5))
attempt(lambda: a.extend())
attempt(lambda: a.pop(100))
attempt(lambda: A("i").pop())
attempt(lambda: a.pop(1, 2))
attempt(lambda: a.insert(1))
attempt(lambda: a.remove(42))
attempt(lambda: a.index(42))
attempt(lambda: a.index())
attempt(lambda: a.frombytes(b"\x01"))
attempt(lambda: a.frombytes("ab"))
attempt(lambda: a.frombytes(A("h", [1])))
attempt(lambda: a.fromlist((1,)))
attempt(lambda: a.fromlist([5, "x"]))
print(a)
attempt(lambda: a.fromunicode("x"))
attempt(lambda: A("u").fromunicode(1))
attempt(lambda: a.tounicode())
attempt(lambda: a[3])
attempt(lambda: a["a"])
attempt(lambda: a[1.5])
attempt(lambda: a.__setitem__(0, "x"))
attempt(lambda: a.__setitem__(20, 1))
attempt(lambda: a.__delitem__(20))
attempt(lambda: a.__setitem__(slice(0, 1), [1]))
attempt(lambda: a.__setitem__(slice(0, 1), A("h", [1])))
attempt(lambda: a.__setitem__(slice(None, None, 2), A("i", [1])))
attempt(lambda: a + [2])
attempt(lambda: a + A("h"))
attempt(lambda: a * "x")
attempt(lambda: a < [1])
attempt(lambda: hash(a))
try:
    a += [1]
except TypeError as e:
    print("TypeError:", e)
try:
    a += A("h")
except TypeError as e:
    print("TypeError:", e)
print(a)

# An exporting array refuses to change size
m = memoryview(a)
attempt(lambda: a.pop())
attempt(lambda: a.append(1))
attempt(lambda: a.extend([1]))
attempt(lambda: a.insert(0, 1))
attempt(lambda: a.remove(1))
attempt(lambda: a.frombytes(b""))
attempt(lambda: a.fromlist([]))
attempt(lambda: a.frombytes(a))
attempt(lambda: a.__delitem__(0))
attempt(lambda: a.__setitem__(slice(0, 1), A("i", [7, 8])))
a[0:1] = A("i", [7])
a.reverse()
a.byteswap()
a.byteswap()
print(a)
try:
    a *= 0
except BufferError as e:
    print("BufferError:", e)
m.release()
a *= 0
print(a)
