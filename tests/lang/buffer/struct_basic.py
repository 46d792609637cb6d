# struct: pack/unpack in every byte order, alignment, Struct objects, buffers.
import struct
from array import array

print(struct.calcsize("ci"), struct.calcsize("ic"), struct.calcsize("<ci"))
print(struct.calcsize("c0i"), struct.calcsize("cq"), struct.calcsize("3x2h"))
print(struct.calcsize("@bhilqnNP"), struct.calcsize("=bhilq"), struct.calcsize("!q"))
print(struct.calcsize("?"), struct.calcsize("e"), struct.calcsize("10s5p"))
print(struct.calcsize(" i  h "), struct.calcsize(""), struct.calcsize(b"<2d"))

print(struct.pack("<hHiIq", -2, 65535, -3, 2**32 - 1, -2**63))
print(struct.pack(">hHiIq", -2, 65535, -3, 2**32 - 1, -2**63))
print(struct.pack("!lLQ", -1, 2**32 - 1, 2**64 - 1), struct.pack("=bB?", -1, 255, 7))
print(struct.pack("@bhilq", 1, 2, 3, 4, 5))
print(struct.pack("=bhilq", 1, 2, 3, 4, 5))
print(struct.pack("<5sx2p?", b"ab", b"xyz", 0), struct.pack("3c", b"a", b"b", b"c"))
print(struct.pack("2s", b"abcd"), struct.pack("5s", bytearray(b"ab")), struct.pack("0s", b"a"))
print(struct.pack("5p", b"ab"), struct.pack("3p", b"abcdef"), struct.pack("1p", b"ab"))
print(struct.pack("300p", b"a" * 300)[:3], struct.pack("x"), struct.pack("@"))
print(struct.pack("<efd", 1.5, 2.25, -0.1), struct.pack(">efd", 1.5, 2.25, -0.1))
print(struct.pack("i", True), struct.pack("?", []), struct.pack("d", 3), struct.pack("f", 1e300))


class Idx:
    def __index__(self):
        return 7


print(struct.pack("b", Idx()), struct.pack("f", Idx()), struct.pack(">Q", Idx()))

print(struct.unpack(">IhQ", struct.pack(">IhQ", 1, -2, 3)))
print(struct.unpack("<lLqQ", struct.pack("<lLqQ", -5, 5, -2**63, 2**64 - 1)))
print(struct.unpack("@bhilqnNP", struct.pack("@bhilqnNP", 1, 2, 3, 4, 5, 6, 7, 8)))
print(struct.unpack("<efd", struct.pack("<efd", 1.5, 2.25, -0.1)))
print(struct.unpack(">efd", struct.pack(">efd", 1.5, 2.25, -0.1)))
print(struct.unpack("<3s2p?c", b"abc\x09x\x05z"), struct.unpack("5p", b"\x09abcd"))
print(struct.unpack("<?", b"\x02"), struct.unpack("x", b"a"), struct.unpack("", b""))
print(struct.unpack("<e", struct.pack("<e", 65504.0)), struct.unpack("<e", b"\x01\x00"))
print(struct.pack("<e", 65519.0), struct.pack("<e", 1e-8), struct.pack("<e", 6e-8))
print(struct.pack("<e", float("inf")), struct.pack("<e", float("nan")), struct.pack("<e", -0.0))
print(struct.unpack("<2e", b"\x00\x7c\x00\xfe"), struct.pack(">d", float("nan")))
print(struct.pack("<f", 3.4e38), struct.pack("<f", float("inf")), struct.pack(">f", -2.5))
print(struct.unpack(">b", b"\xff"), struct.unpack(">B", b"\xff"), struct.unpack("<h", b"\x00\x80"))
print(struct.unpack(">i", b"\x80\x00\x00\x00"), struct.unpack("<I", b"\xff\xff\xff\xff"))

# From any buffer
print(struct.unpack("<h", bytearray(b"\x01\x02")), struct.unpack("<h", memoryview(b"\x01\x02")))
print(struct.unpack("<2h", array("h", [5, -5])), struct.unpack("<h", memoryview(b"xx\x03\x00")[2:]))
print(struct.unpack_from("<h", b"abcdef", 2), struct.unpack_from("<h", b"abcdef", offset=4))
print(struct.unpack_from("<h", buffer=b"abcdef"), struct.unpack_from("<h", b"abcdef", -2))

buf = bytearray(8)
struct.pack_into("<hi", buf, 1, -1, 258)
print(buf)
struct.pack_into("<h", buf, -2, 0x4142)
print(buf)
arr = array("b", [0] * 4)
struct.pack_into(">h", arr, 2, 0x102)
print(arr)
mv = memoryview(bytearray(4))
struct.pack_into("<I", mv, 0, 0xDEADBEEF)
print(mv.tobytes())

print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00\x03\x00")))
it = struct.iter_unpack("<h", b"\x01\x00\x02\x00\x03\x00")
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
print(type(it).__name__)

s = struct.Struct("<ih")
print(s.size, s.format, struct.Struct(b"<ih").format, struct.Struct(format="i").size)
print(s.pack(1, 2), s.unpack(b"\x01\x00\x00\x00\x02\x00"), s.unpack_from(b"xx" + s.pack(3, 4), 2))
print(list(s.iter_unpack(s.pack(5, 6) * 2)))
buf = bytearray(6)
s.pack_into(buf, 0, 7, 8)
print(buf, type(s).__name__, struct.Struct.__module__)
print(struct.error.__name__, struct.error.__module__, issubclass(struct.error, Exception))
try:
    struct.unpack("i", b"")
except struct.error as e:
    print("caught", type(e).__name__, e)
