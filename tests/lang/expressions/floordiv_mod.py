# Floor division and modulo round toward negative infinity.
print(7 // 2, 7 % 2)
print(-7 // 2, -7 % 2)
print(7 // -2, 7 % -2)
print(-7 // -2, -7 % -2)
print(6 // 3, -6 // 3, 6 // -3, -6 % 3, 6 % -3)
print(0 // 5, 0 % 5, 0 // -5, 0 % -5)
print(1 // 10, -1 // 10, 1 % 10, -1 % 10)
print(9223372036854775807 // 2, 9223372036854775807 % 2)
print(-9223372036854775807 // 10, -9223372036854775807 % 10)
print(9223372036854775807 // -9223372036854775807)
for a in [13, -13]:
    for b in [4, -4]:
        q = a // b
        r = a % b
        print(a, b, q, r, q * b + r == a)
print(7.5 // 2, 7.5 % 2)
print(-7.5 // 2, -7.5 % 2)
print(7.5 // -2, 7.5 % -2)
print(7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5)
print(1.0 % 0.1)
print(-0.5 // 1, 0.5 // -1)
print(5 % 5.0, -5 % 5.0)
print(type(7 // 2), type(7 // 2.0), type(7 % 2.0))
x = 100
x //= 7
print(x)
x %= 4
print(x)
