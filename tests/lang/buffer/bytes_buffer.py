# bytes and bytearray accept any bytes-like object (memoryview, array) where
# CPython does, and only bytes where CPython insists on it.
from array import array


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


mv = memoryview(b"ab")
arr = array("b", [97, 98])
print(bytes(mv), bytes(arr), bytearray(mv), bytearray(arr), bytes(array("h", [1, 2])))
print(bytes(memoryview(b"abcdef")[::2]), bytearray(memoryview(b"abcdef")[::-2]))
print(b"x" + mv, b"x" + arr, bytearray(b"x") + mv, bytearray(b"x") + arr)
print(mv in b"xab", arr in b"xab", memoryview(b"q") in bytearray(b"abc"))
print(b"-".join([mv, arr, b"c", bytearray(b"d")]), bytearray(b"-").join([mv, arr]))
print(b"a,b".split(memoryview(b",")), b"abc".startswith(memoryview(b"a")))
print(b"abc".startswith((memoryview(b"x"), arr)), b"abc".endswith(memoryview(b"bc")))
print(b"abc".replace(memoryview(b"a"), array("b", [65])), b"abc".strip(memoryview(b"ac")))
print(b"abc".find(memoryview(b"b")), b"abcb".count(array("b", [98])), b"abc".index(mv))
print(b"abc".removeprefix(memoryview(b"a")), b"abc".removesuffix(arr))
print(b"abc".translate(None, memoryview(b"a")), bytes.maketrans(mv, b"AB")[97:99])
print(b"abc".partition(memoryview(b"b"))[0], b"abc".rpartition(arr)[2])
print(b"%s|%b" % (mv, arr), bytearray(b"%s") % (memoryview(b"z"),))
print(b"ab" == mv, b"ab" == arr, bytearray(b"ab") == arr, bytearray(b"ab") == mv)
print(bytearray(b"ab") < mv, bytearray(b"aa") < arr, arr == bytearray(b"ab"))
attempt(lambda: b"ab" < mv)
attempt(lambda: mv + b"x")
attempt(lambda: b"%c" % mv[:1])
attempt(lambda: b"abc".ljust(5, memoryview(b"x")))
attempt(lambda: b"abc".hex(memoryview(b"x")))
attempt(lambda: b"".join([memoryview(b"abc")[::2]]))
released = memoryview(b"gone")
released.release()
attempt(lambda: bytes(released))
attempt(lambda: bytearray(released))

ba = bytearray(b"12")
ba.extend(mv)
ba.extend(arr)
ba += memoryview(b"!")
ba += array("b", [63])
ba[0:1] = memoryview(b"<>")
ba[-1:] = array("b", [46])
print(ba)
attempt(lambda: bytearray(b"abc").extend(memoryview(b"abcd")[::2]))
attempt(lambda: bytearray(b"abc").extend(released))
held = bytearray(b"xyz")
pin = memoryview(held)
attempt(lambda: held.__init__(b"123"))
pin.release()
held.__init__(b"123")
print(held)
