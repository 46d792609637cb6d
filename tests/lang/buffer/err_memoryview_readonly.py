# A view of bytes is read-only.
m = memoryview(b"abc")
print(m.readonly)
m[0] = 1
