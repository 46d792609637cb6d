# bytes(x) requires x.__bytes__() to return bytes
class Fake:
    def __bytes__(self):
        return [1, 2]

print(bytes(b'ok'))
print(bytes(Fake()))
