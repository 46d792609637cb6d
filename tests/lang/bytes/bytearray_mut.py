# bytearray mutation: slices with steps, deletion, in-place operators, methods
ba = bytearray(b'0123456789')
ba[2:5] = b'abcdef'
print(ba)
ba[::3] = b'WXYZA'
print(ba)
ba[-1:-4:-1] = bytearray(b'xyz')
print(ba)
ba[1:3] = [65, 66, 67]
print(ba)
ba[5:2] = b'ins'
print(ba)
ba[len(ba):] = range(48, 51)
print(ba)
del ba[::4]
print(ba)
del ba[-2:]
del ba[1::-1]
print(ba)
del ba[100:]
ba[:] = ba
print(ba)
ba[2:6] = ba[::-1][:2]
print(ba)
ba[1] = True
del ba[0]
print(ba, len(ba))
x = bytearray(b'ab')
alias = x
x += b'cd'
x += bytearray(b'ef')
x *= 2
print(x, alias is x)
x *= 0
print(x, len(alias))
y = bytearray(b'q')
y += bytes(y)
y += b'!'
print(y)
z = bytearray()
z.extend(b'abc')
z.extend(bytearray(b'def'))
z.extend([103, 104])
z.extend(iter(range(105, 107)))
z.extend((x for x in b'kl'))
z.extend(b'')
print(z)
z.insert(0, 33)
z.insert(-1, 63)
z.insert(-100, 35)
z.insert(100, 36)
print(z, z.pop(), z.pop(0), z.pop(-2), z)
z.remove(ord('a'))
z.reverse()
print(z, z.count(b'?'), z.index(b'h'))
c = z.copy()
z.clear()
print(z, c, c is z, bytearray(b'abc') * 2, 3 * bytearray(b'x'))
print(bytearray(b'abc').__alloc__() >= 4)
