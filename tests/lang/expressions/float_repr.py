# Floats print with CPython's shortest round-tripping repr.
print(0.1 + 0.2)
print(0.1 * 3, 0.3)
print(1 / 3, 2 / 3, 1 / 9)
print(1.1 + 2.2, 3.3 - 1.1)
print(2.5, -2.5, 0.5 + 0.5)
print(1e16, 1e15 * 10, 9999999999999998.0)
print(1e-5, 0.0001 / 10, 1e-4)
print(123456789.0, 1234567.0 * 100)
print(-0.0, 0.0 * -1, -0.0 + 0.0)
print(100.0 / 3)
print(2.0 ** 0.5)
print(1.0 * 10 ** 15, 1.0 * 10 ** 16, 1.0 * 10 ** 17)
print(0.1 * 0.1, 0.7 + 0.1, 0.8 - 0.1)
print(1.5e300 * 1.5e-300)
print(4.35 * 100, 1.15 * 100)
print(3.0, 3.0 * 1, 1e0, 10.0 ** 2)
print(1 / 2 ** 10, 1 / 2 ** 20)
print(255 / 256, 1 - 1e-16, 1 - 1e-15)
print(repr(0.1), str(0.1), repr(1e100), str(1e-100))
x = 0.0
i = 0
while i < 10:
    x += 0.1
    i += 1
print(x, x == 1.0)
print(repr(1.0), repr(-1.0), repr(1e22), repr(1e23))
