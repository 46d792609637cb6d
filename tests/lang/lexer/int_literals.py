# Integer literals in every base, with underscores and signs.
print(0)
print(7)
print(1234567890)
print(0x0, 0x1f, 0XFF, 0xdead_beef)
print(0o0, 0o17, 0O777, 0o1_000)
print(0b0, 0b1, 0B1010, 0b1111_0000)
print(1_000_000, 1_0, 123_456_789)
print(-0x10, -0o10, -0b10, -10)
print(+42, - 42, -(-42))
print(0x7fff_ffff_ffff_ffff)
print(9223372036854775807)
print(-9223372036854775807)
print(0b1111111111111111111111111111111111111111111111111111111111111)
print(0o777777777777777777777)
print(00, 0_0)
print(0xa + 0o10 + 0b10 + 10)
print(0xABCDEF == 11259375, 0o17 == 15, 0b101 == 5)
x = 0x_ff
y = 0o_7
z = 0b_1
print(x, y, z)
