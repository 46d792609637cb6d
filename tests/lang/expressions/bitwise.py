# Shifts and bitwise and / or / xor / not on ints, including negatives.
print(1 << 0, 1 << 1, 1 << 10, 1 << 62)
print(1024 >> 1, 1024 >> 10, 1024 >> 11, 1 >> 5)
print(-1 >> 1, -8 >> 1, -9 >> 1, -1 >> 62)
print(-1 << 3, -5 << 2)
print(12 & 10, 12 | 10, 12 ^ 10)
print(0xff & 0x0f, 0xf0 | 0x0f, 0xff ^ 0xff)
print(-1 & 0xff, -256 & 0xff, -1 | 0, -1 ^ 0)
print(-12 & 10, -12 | 10, -12 ^ 10)
print(~0 & 0xffff, ~0xff & 0xfff)
print(5 & 3 | 8, 5 | 3 & 8, 5 ^ 3 & 1, (5 ^ 3) & 1)
print(1 << 2 + 1, (1 << 2) + 1)
print(1 + 2 << 3, 1 + (2 << 3))
print(0x7fffffffffffffff >> 32, 0x7fffffffffffffff & 0xffffffff)
x = 0b1010
x |= 0b0101
print(x)
x &= 0b0110
print(x)
x ^= 0b1111
print(x)
x <<= 4
print(x)
x >>= 2
print(x)
n = 0b1011_0110
count = 0
while n:
    count += n & 1
    n >>= 1
print('bits set:', count)
