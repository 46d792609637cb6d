# a translation table must have 256 entries
print(b'abc'.translate(None, b'b'))
print(b'abc'.translate(b'short'))
