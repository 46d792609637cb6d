# A bytearray with a live memoryview cannot be resized.
b = bytearray(b"abc")
view = memoryview(b)
view[0] = 65
print(b)
b.append(100)
