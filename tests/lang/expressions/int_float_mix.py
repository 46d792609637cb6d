# Mixing ints and floats promotes to float; comparisons are exact.
print(1 + 1.0, 2 * 1.5, 3 - 0.5, 10 - 10.0)
print(1 == 1.0, 2 != 2.0, 1 < 1.5, 2 > 1.999)
print(0.5 + 0.5 == 1, 3 * 0.1 == 0.3)
print(type(1 + 1.0), type(1.0 + 1), type(2 * 3))
print(7 + 0.25, -7 + 0.25, 7 * -0.25)
print(9007199254740993 == 9007199254740992.0)
print(9007199254740992 == 9007199254740992.0)
print(1 <= 1.0, 1 >= 1.0, 1 < 1.0)
print(-1 < -0.5 < 0 < 0.5 < 1)
print(100 * 1.1)
print(10 ** 2 * 1.0, 1.0 * -3)
x = 5
x += 0.5
print(x, type(x))
y = 2.0
y *= 3
print(y)
z = 10
z -= 2.5
print(z)
print(int(2.9) + 0.5)
print(0.5 + 1 / 2, 3 // 1.5)
