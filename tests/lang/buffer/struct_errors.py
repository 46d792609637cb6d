# struct: CPython's error texts (struct.error unless noted).
import struct


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


# Integer range checks depend on the byte order and the code.
for fmt in ["b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N",
            "<b", "<B", "<h", "<H", "<i", "<I", "<l", "<L", "<q", "<Q",
            ">b", ">B", ">h", ">H", ">i", ">I", ">l", ">L", ">q", ">Q", "!I", "=l", "P"]:
    print(fmt)
    for value in [2**64, -2**64, -1, 300, 70000, 2**33, 1.5, "a"]:
        attempt(lambda: struct.pack(fmt, value))

attempt(lambda: struct.pack("e", 1e10))
attempt(lambda: struct.pack("<f", 1e300))
attempt(lambda: struct.pack(">f", 3.4028236e38))
attempt(lambda: struct.pack("<f", 2**200))
attempt(lambda: struct.pack("d", "x"))
attempt(lambda: struct.pack("f", 2**2000))
attempt(lambda: struct.pack("s", "x"))
attempt(lambda: struct.pack("p", 1))
attempt(lambda: struct.pack("s", memoryview(b"x")))
attempt(lambda: struct.pack("c", bytearray(b"x")))
attempt(lambda: struct.pack("c", b"xy"))
attempt(lambda: struct.pack("c", 1))

# Argument counts
attempt(lambda: struct.pack("ii", 1))
attempt(lambda: struct.pack("i", 1, 2))
attempt(lambda: struct.pack("i"))
attempt(lambda: struct.pack("x", 1))
attempt(lambda: struct.pack())
attempt(lambda: struct.pack(1))
attempt(lambda: struct.unpack("i"))
attempt(lambda: struct.unpack("i", b"abcd", 1))
attempt(lambda: struct.calcsize())
attempt(lambda: struct.iter_unpack("i"))
attempt(lambda: struct.unpack_from("i"))
attempt(lambda: struct.Struct())
attempt(lambda: struct.Struct("i", "x"))

# Formats
for fmt in ["z", "<P", ">n", "=N", "i<", "3", "@ 3 x", "99999999999999999999i",
            "9999999999999999999i", "i\x00", "\u00e9"]:
    attempt(lambda: struct.calcsize(fmt))

# Buffers
attempt(lambda: struct.unpack("i", b"abc"))
attempt(lambda: struct.unpack("i", "abcd"))
attempt(lambda: struct.unpack("2i", b"abc"))
attempt(lambda: struct.unpack("i", memoryview(b"abcdefgh")[::2]))
attempt(lambda: struct.unpack_from("i", b"abc"))
attempt(lambda: struct.unpack_from("i", b"abcdefg", 5))
attempt(lambda: struct.unpack_from("i", b"abcdefg", -2))
attempt(lambda: struct.unpack_from("i", b"abcdefg", -20))
attempt(lambda: struct.unpack_from("i", b"abcdefg", "x"))
attempt(lambda: struct.unpack_from("i", b"abcdefg", 2**70))
attempt(lambda: struct.pack_into("i", bytearray(3), 0, 1))
attempt(lambda: struct.pack_into("i", bytearray(8), 6, 1))
attempt(lambda: struct.pack_into("i", bytearray(8), -2, 1))
attempt(lambda: struct.pack_into("i", bytearray(8), -20, 1))
attempt(lambda: struct.pack_into("i", b"12345678", 0, 1))
attempt(lambda: struct.pack_into("i", memoryview(b"1234"), 0, 1))
attempt(lambda: struct.pack_into("i", 5, 0, 1))
attempt(lambda: struct.pack_into("i", bytearray(8), "x", 1))
attempt(lambda: struct.pack_into("i", bytearray(8), 0))
attempt(lambda: struct.pack_into("i", bytearray(8)))
attempt(lambda: struct.pack_into("i"))
attempt(lambda: list(struct.iter_unpack("h", b"abc")))
attempt(lambda: struct.iter_unpack("", b"abc"))
s = struct.Struct("i")
attempt(lambda: s.pack())
attempt(lambda: s.unpack(b"ab"))
attempt(lambda: s.unpack_from(b"ab"))
attempt(lambda: s.pack_into(bytearray(4), 0))
attempt(lambda: s.iter_unpack(b"ab"))
buf = bytearray(b"\x01" * 8)
attempt(lambda: struct.pack_into("ii", buf, 0, 5, "x"))
print(buf)
