# struct.error is raised (and reported) as struct.error.
import struct

print(struct.pack("<h", 1))
struct.unpack("<i", b"\x00\x01")
