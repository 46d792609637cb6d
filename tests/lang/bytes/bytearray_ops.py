# bytearray: construction, mutation, repr
ba = bytearray(b'hello')
print(ba, bytearray(), bytearray(3), bytearray([1, 2, 255]), bytearray('h\u00e9', 'utf-8'))
print(repr(bytearray(b"it's")), len(ba), ba[0], ba[-1], ba[1:3], ba[::-1])
ba[0] = 74
print(ba)
ba[1:3] = b'EE'
print(ba)
ba[1:3] = b''
print(ba)
ba[0:0] = [65, 66]
print(ba)
ba[::2] = b'xyz'
print(ba)
del ba[0]
print(ba)
del ba[1:3]
print(ba)
ba = bytearray(b'abcdef')
del ba[::2]
print(ba)
ba.append(33)
ba.extend(b'??')
ba.extend([49, 50])
ba.extend(bytearray(b'!'))
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.insert(0, 90)
ba.insert(-1, 89)
ba.insert(100, 88)
print(ba)
ba.remove(63)
print(ba)
ba.reverse()
print(ba)
c = ba.copy()
ba.clear()
print(ba, c, len(ba))
x = bytearray(b'ab')
y = x
x += b'cd'
x += bytearray(b'ef')
print(x, y is x)
x *= 2
print(x, x * 2, x + b'!', b'!' + x)
print(bytearray(b'abc') == b'abc', bytearray(b'a') < b'b', b'x' in bytearray(b'xyz'))
print(list(bytearray(b'hi')), bytes(bytearray(b'conv')), bytearray(b'Hi').upper())
print(bytearray(b'caf\xc3\xa9').decode(), bytearray(b'a b').split(), bytearray(b' x ').strip())
print(bytearray(b'-').join([b'a', b'b']), bytearray(b'abc').find(b'c'), bytearray(b'aa').count(97))
print(bytearray(b'abc').replace(b'b', b'B'), bytearray.fromhex('41 42'), bytearray(b'\x01').hex())
print(bytearray(b'abc').startswith(b'ab'), bytearray(b'\t\n\xff'))
z = bytearray(3)
for i in range(3):
    z[i] = i * 100
print(z, bool(bytearray()), bool(z))
print(bytearray(b'say "hi"'), bytearray(b'it\'s "x"'), b'it\'s "x"')
